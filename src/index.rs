//! BM25 retrieval over statements. Built once when a bundle is compiled and stored in
//! the compiled form, so loading a bundle is a decode, not a rebuild.
//!
//! A statement's document is its quote, plus its topics and speaker at half weight
//! (topics name who "he" or "the committee" is; the speaker lets "Blinken said ..." find
//! Blinken's words). Term frequencies are kept in half-units.

use std::collections::HashMap;

use crate::analysis::{analyze_tokens, TokenKind};
use crate::bundle::{Bundle, Statement};

/// BM25 term-frequency saturation.
pub const K1: f32 = 1.2;
/// BM25 length normalisation.
pub const B: f32 = 0.75;

/// Weight (in half-units) of one occurrence of a term in a quote, and in topics/speaker.
const QUOTE_WEIGHT: u32 = 2;
const SIDE_WEIGHT: u32 = 1;

#[derive(Clone, Debug, PartialEq)]
pub struct Index {
    /// Sorted, distinct terms.
    pub(crate) terms: Vec<String>,
    /// For each term, (statement index, weighted tf in half-units), by statement index.
    pub(crate) postings: Vec<Vec<(u32, u32)>>,
    /// Weighted document length of each statement, in half-units.
    pub(crate) doc_lengths: Vec<u32>,
    /// For each term, whether the bundle only ever writes it as a name (capitalised
    /// mid-sentence, never in lower case): "Gasimov", not "Police".
    pub(crate) names: Vec<bool>,
    /// Mean of `doc_lengths` (half-units), derived once: BM25 needs it on every search.
    avg_len: f32,
}

/// Inverse document frequency, BM25's variant that never goes negative.
pub fn idf(doc_count: usize, doc_freq: usize) -> f32 {
    let (n, df) = (doc_count as f32, doc_freq as f32);
    (1.0 + (n - df + 0.5) / (df + 0.5)).ln()
}

impl Index {
    pub fn build(bundle: &Bundle) -> Index {
        Index::build_with_progress(bundle, &mut |_| {})
    }

    /// `build`, calling `progress` with the number of statements indexed so far now and then.
    pub fn build_with_progress(bundle: &Bundle, progress: &mut dyn FnMut(usize)) -> Index {
        // Each term's slot in `lists`.
        let mut slots: HashMap<String, usize> = HashMap::new();
        let mut lists: Vec<TermList> = Vec::new();
        let mut doc_lengths = Vec::with_capacity(bundle.statements.len());
        // Analysis is the cost (about 50 µs a statement): natively, each chunk's
        // statements are analysed on every core, then merged in order, so the index is
        // the same whatever the number of threads.
        for (chunk_number, chunk) in bundle.statements.chunks(CHUNK).enumerate() {
            progress(chunk_number * CHUNK);
            let first = chunk_number * CHUNK;
            for (offset, occurrences) in analyse_chunk(chunk).into_iter().enumerate() {
                let doc = (first + offset) as u32;
                let mut length = 0;
                for o in occurrences {
                    length += o.weight;
                    let slot = match slots.get(&o.term) {
                        Some(&slot) => slot,
                        None => {
                            slots.insert(o.term, lists.len());
                            lists.push(TermList::default());
                            lists.len() - 1
                        }
                    };
                    let list = &mut lists[slot];
                    match list.postings.last_mut() {
                        Some((last, tf)) if *last == doc => *tf += o.weight,
                        _ => list.postings.push((doc, o.weight)),
                    }
                    list.name |= o.name;
                    list.lower |= o.lower;
                }
                doc_lengths.push(length);
            }
        }
        progress(bundle.statements.len());
        let mut sorted: Vec<(String, usize)> = slots.into_iter().collect();
        sorted.sort_unstable();
        let mut terms = Vec::with_capacity(sorted.len());
        let mut postings = Vec::with_capacity(sorted.len());
        let mut names = Vec::with_capacity(sorted.len());
        for (term, slot) in sorted {
            let list = std::mem::take(&mut lists[slot]);
            terms.push(term);
            postings.push(list.postings);
            names.push(list.name && !list.lower);
        }
        Index::from_parts(terms, postings, doc_lengths, names)
    }

    /// An index from its stored parts (as built, or as decoded from a compiled bundle).
    pub(crate) fn from_parts(terms: Vec<String>, postings: Vec<Vec<(u32, u32)>>, doc_lengths: Vec<u32>, names: Vec<bool>) -> Index {
        let total: u64 = doc_lengths.iter().map(|&l| u64::from(l)).sum();
        let avg_len = (total as f32 / doc_lengths.len().max(1) as f32).max(f32::EPSILON);
        Index { terms, postings, doc_lengths, names, avg_len }
    }

    pub fn doc_count(&self) -> usize {
        self.doc_lengths.len()
    }

    /// Whether the postings of term `id` (from `term_id`) include statement `doc`.
    pub fn posting_has(&self, id: usize, doc: usize) -> bool {
        self.postings[id].binary_search_by_key(&(doc as u32), |p| p.0).is_ok()
    }

    pub fn term_id(&self, term: &str) -> Option<usize> {
        self.terms.binary_search_by(|t| t.as_str().cmp(term)).ok()
    }

    /// Whether the bundle writes `term` only as a name.
    pub fn is_name(&self, term: &str) -> bool {
        self.term_id(term).is_some_and(|id| self.names[id])
    }

    /// Number of statements containing `term`.
    pub fn doc_freq(&self, term: &str) -> usize {
        self.term_id(term).map_or(0, |id| self.postings[id].len())
    }

    /// The idf of `term`; terms the bundle never uses get the idf of a term seen once.
    pub fn term_idf(&self, term: &str) -> f32 {
        idf(self.doc_count(), self.doc_freq(term).max(1))
    }

    /// Whether `term` occurs in statement `doc` (quote, topics or speaker).
    pub fn contains(&self, doc: usize, term: &str) -> bool {
        self.term_id(term).is_some_and(|id| self.posting_has(id, doc))
    }

    /// The `limit` best statements for weighted query terms, best first, as
    /// (statement index, score). Ties go to the earlier statement.
    pub fn search(&self, query: &[(String, f32)], limit: usize) -> Vec<(usize, f32)> {
        let n = self.doc_count();
        if n == 0 {
            return Vec::new();
        }
        // Lengths are in half-units, like term frequencies, so the ratio needs no rescaling.
        let avg_len = self.avg_len;
        // One dense accumulator: big bundles have posting lists of tens of thousands of
        // statements, where a map per query costs more than the scoring.
        let mut scores = vec![0.0f32; n];
        let mut touched: Vec<u32> = Vec::new();
        for (term, weight) in query {
            let Some(id) = self.term_id(term) else { continue };
            let postings = &self.postings[id];
            let term_idf = idf(n, postings.len());
            for &(doc, tf) in postings {
                let tf = tf as f32 / 2.0;
                let len_norm = 1.0 - B + B * self.doc_lengths[doc as usize] as f32 / avg_len;
                let add = weight * term_idf * tf * (K1 + 1.0) / (tf + K1 * len_norm);
                if add <= 0.0 {
                    continue; // a zero-weight term must not list a statement twice
                }
                let slot = &mut scores[doc as usize];
                if *slot == 0.0 {
                    touched.push(doc);
                }
                *slot += add;
            }
        }
        let better = |a: &(usize, f32), b: &(usize, f32)| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0));
        let mut ranked: Vec<(usize, f32)> = touched.into_iter().map(|d| (d as usize, scores[d as usize])).collect();
        if ranked.len() > limit && limit > 0 {
            ranked.select_nth_unstable_by(limit - 1, better);
            ranked.truncate(limit);
        }
        ranked.sort_by(better);
        ranked.truncate(limit);
        ranked
    }
}

/// Statements analysed between two progress reports.
const CHUNK: usize = 1024;

/// A term's postings while indexing, and how the bundle writes it.
#[derive(Default)]
struct TermList {
    postings: Vec<(u32, u32)>,
    /// Written as a name somewhere.
    name: bool,
    /// Written in lower case somewhere (a name is a term never written so).
    lower: bool,
}

/// One occurrence of a content term in a statement's document.
struct Occurrence {
    term: String,
    /// In half-units: `QUOTE_WEIGHT` or `SIDE_WEIGHT`.
    weight: u32,
    /// Written as a name here (an entity, capitalised).
    name: bool,
    /// Written in lower case here (and not as a place).
    lower: bool,
}

/// The content terms of one statement's document: its quote, topics and speaker.
fn occurrences(statement: &Statement) -> Vec<Occurrence> {
    let mut out = Vec::new();
    let mut add = |text: &str, weight: u32| {
        for token in analyze_tokens(text).into_iter().filter(|t| t.kind == TokenKind::Content) {
            let (name, lower) = (token.entity && token.capitalized, !token.capitalized && token.place.is_none());
            out.push(Occurrence { term: token.term, weight, name, lower });
        }
    };
    add(&statement.quote, QUOTE_WEIGHT);
    for topic in &statement.topics {
        add(topic, SIDE_WEIGHT);
    }
    add(&statement.speaker, SIDE_WEIGHT);
    out
}

/// `occurrences` of each statement of `chunk`, in order; natively on every core.
#[cfg(not(target_arch = "wasm32"))]
fn analyse_chunk(chunk: &[Statement]) -> Vec<Vec<Occurrence>> {
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8);
    if threads == 1 || chunk.len() < 64 {
        return chunk.iter().map(occurrences).collect();
    }
    let per_thread = chunk.len().div_ceil(threads);
    std::thread::scope(|scope| {
        let handles: Vec<_> = chunk.chunks(per_thread).map(|part| scope.spawn(move || part.iter().map(occurrences).collect::<Vec<_>>())).collect();
        // A thread that panicked (analysis never does) is analysed again here.
        handles.into_iter().zip(chunk.chunks(per_thread)).flat_map(|(h, part)| h.join().unwrap_or_else(|_| part.iter().map(occurrences).collect())).collect()
    })
}

/// `occurrences` of each statement of `chunk`, in order (wasm has one thread).
#[cfg(target_arch = "wasm32")]
fn analyse_chunk(chunk: &[Statement]) -> Vec<Vec<Occurrence>> {
    chunk.iter().map(occurrences).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn idf_falls_as_terms_get_common() {
        assert!(idf(100, 1) > idf(100, 10));
        assert!(idf(100, 10) > idf(100, 100));
        assert!(idf(100, 100) > 0.0, "never negative");
    }
}
