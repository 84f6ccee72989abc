//! Meaning beyond shared words: static word-piece vectors distilled from the sentence
//! encoder all-MiniLM-L6-v2, for ranking statements by meaning (fused with BM25) and for
//! reading a claim word as a statement word that means the same ("sacked" ~ "dismissed").
//!
//! Not used by the checker. Measured on this engine (docs/accuracy-log.md, "Static word
//! vectors"), a table distilled by `tools/distill_static_vectors.py` gave no retrieval
//! gain over BM25 and put antonyms as close as synonyms, so nearness of words cannot be
//! read as sameness of meaning. The decoder and tokeniser stay for the measurement
//! (`examples/calibrate_word_alignment.rs`) and for the next attempt.

pub mod table;
pub mod wordpiece;

pub use table::{cosine, StaticVectors, Unit, VectorsError};

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

/// Word vectors for one run, each word embedded once.
pub struct WordVectors<'a> {
    table: &'a StaticVectors,
    cache: RefCell<HashMap<String, Option<Rc<Unit>>>>,
}

impl<'a> WordVectors<'a> {
    pub fn new(table: &'a StaticVectors) -> WordVectors<'a> {
        WordVectors { table, cache: RefCell::new(HashMap::new()) }
    }

    fn vector(&self, word: &str) -> Option<Rc<Unit>> {
        if let Some(v) = self.cache.borrow().get(word) {
            return v.clone();
        }
        let v = self.table.embed(word).map(Rc::new);
        self.cache.borrow_mut().insert(word.to_string(), v.clone());
        v
    }

    /// Cosine of two words' vectors; `None` when the table cannot read one of them.
    pub fn similarity(&self, a: &str, b: &str) -> Option<f32> {
        Some(cosine(&self.vector(a)?, &self.vector(b)?))
    }
}
