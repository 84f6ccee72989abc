//! claimcheck: compare a claim with a bundle of sourced statements, offline.
//!
//! The core is pure Rust with no I/O: it reads bundles from bytes and strings given to
//! it, and answers every claim (see ARCHITECTURE.md for the pipeline and invariants).
//! The CLI (`src/main.rs`) and the wasm layer (`src/wasm.rs`) are thin glue around
//! [`Checker`].

pub mod analysis;
pub mod bundle;
pub mod check;
pub mod claim;
pub mod eval;
pub mod index;
pub mod language;
pub mod report;
pub mod reviews;
pub mod semantic;
pub mod stance;
pub mod verdict;

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use check::Checker;
pub use report::{CheckResult, Evidence, SourceRef, Stance, Verdict};
