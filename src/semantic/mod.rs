//! Meaning beyond shared words: static word-piece vectors distilled from the sentence
//! encoder all-MiniLM-L6-v2, for ranking statements by meaning (fused with BM25) and for
//! reading a claim word as a statement word that means the same ("sacked" ~ "dismissed").
//!
//! The table is a separate asset: the CLI embeds it; the page and widget load it after
//! the first result, and checks work without it.

pub mod table;
pub mod wordpiece;

pub use table::{cosine, StaticVectors, Unit, VectorsError};

// The shipped table, embedded in native builds (the CLI, tests). The wasm build leaves
// it out: the page fetches it lazily (`Checker.set_vectors`).
// #[cfg(not(target_arch = "wasm32"))]
// pub static EMBEDDED: &[u8] = include_bytes!("../../assets/vectors/minilm-static.bin");
