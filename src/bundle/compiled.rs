//! The compiled bundle: what ships inside the wasm and the CLI. Encoder and decoder live
//! here together, with a round-trip test.
//!
//! Layout (all integers little-endian; `varint` is LEB128):
//! ```text
//! magic        8 bytes  "CLMCHK\0\x01"
//! format       u16      FORMAT_VERSION
//! analyzer     u16      analysis::ANALYZER_VERSION the index was built with
//! payload_len  u64
//! checksum     u64      FNV-1a 64 of the payload
//! payload:
//!   title, language                                   (string = varint len + UTF-8)
//!   sources    varint n, then per source: id publisher kind:u8 title url date text_file?
//!   statements varint n, then: id source:varint quote speaker kind:u8 date? topics
//!   relations  varint n, then: from:varint to:varint kind:u8 note?
//!   reviews    (version 3) varint n, then: id claim claimant? claim_date reviewer reviewed
//!              rating rating_value# rating_best# rating_worst# url title? summary?
//!              varint evidence count, then statement indexes (varint)
//!              (`x?`: tag 0, or tag 1 and a string; `x#`: tag 0, or tag 1 and an f64)
//!   index      varint terms, then per term: term, name:u8, varint postings, (doc delta, tf) pairs;
//!              then doc lengths (varint per statement)
//!   review index (version 4) the reviews' BM25 index (`reviews::build_index`), laid out
//!              as the index above with reviews for statements: postings name reviews,
//!              one doc length per review
//! ```
//! Encoding is deterministic: the same bundle always gives the same bytes.

use super::error::{BundleError, BundleErrors, ErrorKind};
use super::rules::{self, Report};
use super::{limits, Bundle, Date, Kind, Relation, RelationKind, Review, Source, Statement};
use crate::analysis::ANALYZER_VERSION;
use crate::index::Index;

pub const MAGIC: &[u8; 8] = b"CLMCHK\0\x01";
/// Version 3 added reviews, version 4 their BM25 index (so the first check against
/// 14,231 reviews does not analyse them all first); versions 2 (no reviews) and 3 (reviews
/// indexed on first need) are still read.
pub const FORMAT_VERSION: u16 = 4;
/// The oldest version still read.
const OLDEST_VERSION: u16 = 2;
const HEADER_LEN: usize = 8 + 2 + 2 + 8 + 8;

// The fewest bytes each item can take in the payload. A count read from a bundle is
// checked against the format's limit and against the bytes left divided by these before
// anything is allocated for it, so a few crafted bytes cannot ask for gigabytes.
/// A string: its length (1 byte when empty).
const MIN_STRING_BYTES: usize = 1;
/// A source: id, publisher, kind, title, url tag, date (4), text_file tag.
const MIN_SOURCE_BYTES: usize = 1 + 1 + 1 + 1 + 1 + 4 + 1;
/// A statement: id, source, quote, speaker, kind, date (4), topic count.
const MIN_STATEMENT_BYTES: usize = 1 + 1 + 1 + 1 + 1 + 4 + 1;
/// A relation: from, to, kind, note tag.
const MIN_RELATION_BYTES: usize = 4;
/// A review: id, claim, claimant tag, claim_date (4), reviewer, reviewed (4), rating,
/// three number tags, url, title tag, summary tag, evidence count.
const MIN_REVIEW_BYTES: usize = 1 + 1 + 1 + 4 + 1 + 4 + 1 + 3 + 1 + 1 + 1 + 1;
/// A posting: document delta and term frequency.
const MIN_POSTING_BYTES: usize = 2;
/// An index term: a non-empty string (2), name flag, posting count and one posting.
const MIN_TERM_BYTES: usize = 2 + 1 + 1 + MIN_POSTING_BYTES;

/// Whether `bytes` start like a compiled bundle (as opposed to JSON).
pub fn is_compiled(bytes: &[u8]) -> bool {
    bytes.starts_with(&MAGIC[..6])
}

/// The compiled form of `bundle` with its statements' `index`; the reviews' index is
/// built here (`reviews::build_index`), deterministically, so it is stored too.
pub fn encode(bundle: &Bundle, index: &Index) -> Vec<u8> {
    encode_as(bundle, index, FORMAT_VERSION, &mut |_| {})
}

/// `encode`, calling `progress` with the number of reviews indexed so far now and then
/// (the reviews' index is the slow part of writing 14,231 reviews).
pub fn encode_with_progress(bundle: &Bundle, index: &Index, progress: &mut dyn FnMut(usize)) -> Vec<u8> {
    encode_as(bundle, index, FORMAT_VERSION, progress)
}

/// `encode` in format `version` (2 leaves the reviews out, 3 their index): how the tests
/// make the older files that must still load.
fn encode_as(bundle: &Bundle, index: &Index, version: u16, progress: &mut dyn FnMut(usize)) -> Vec<u8> {
    let mut w = Writer(Vec::new());
    w.string(&bundle.title);
    w.string(&bundle.language);
    w.varint(bundle.sources.len() as u64);
    for s in &bundle.sources {
        w.string(&s.id);
        w.string(&s.publisher);
        w.kind(s.kind);
        w.string(&s.title);
        w.option(s.url.as_deref());
        w.date(s.published);
        w.option(s.text_file.as_deref());
    }
    w.varint(bundle.statements.len() as u64);
    for s in &bundle.statements {
        w.string(&s.id);
        w.varint(s.source as u64);
        w.string(&s.quote);
        w.string(&s.speaker);
        w.kind(s.speaker_kind);
        w.date(s.date);
        w.varint(s.topics.len() as u64);
        for t in &s.topics {
            w.string(t);
        }
    }
    w.varint(bundle.relations.len() as u64);
    for r in &bundle.relations {
        w.varint(r.from as u64);
        w.varint(r.to as u64);
        w.0.push(RelationKind::ALL.iter().position(|k| *k == r.kind).unwrap_or(0) as u8);
        w.option(r.note.as_deref());
    }
    let reviews = if version >= 3 { &bundle.reviews[..] } else { &[] };
    if version >= 3 {
        w.varint(reviews.len() as u64);
    }
    for r in reviews {
        w.string(&r.id);
        w.string(&r.claim);
        w.option(r.claimant.as_deref());
        w.date(r.claim_date);
        w.string(&r.reviewer);
        w.date(Some(r.reviewed));
        w.string(&r.rating);
        for number in [r.rating_value, r.rating_best, r.rating_worst] {
            match number {
                Some(n) => {
                    w.0.push(1);
                    w.0.extend_from_slice(&n.to_le_bytes());
                }
                None => w.0.push(0),
            }
        }
        w.string(&r.url);
        w.option(r.title.as_deref());
        w.option(r.summary.as_deref());
        w.varint(r.evidence.len() as u64);
        for &e in &r.evidence {
            w.varint(e as u64);
        }
    }
    w.index(index);
    if version >= 4 {
        w.index(&crate::reviews::build_index_with_progress(bundle, progress));
    }

    let payload = w.0;
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&version.to_le_bytes());
    out.extend_from_slice(&ANALYZER_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&fnv1a64(&payload).to_le_bytes());
    out.extend_from_slice(&payload);
    out
}

/// Decodes a compiled bundle and checks it against the verifier's rules
/// (`rules::verify`, the same ones the JSON source passes): a compiled file is as
/// untrusted as a JSON one.
pub fn decode(bytes: &[u8], file: &str) -> Result<(Bundle, Index), BundleErrors> {
    decode_with_review_index(bytes, file).map(|(bundle, index, _)| (bundle, index))
}

/// `decode`, with the reviews' index as stored (format version 4; `None` for older
/// files, whose reviews are indexed on first need).
pub fn decode_with_review_index(bytes: &[u8], file: &str) -> Result<(Bundle, Index, Option<Index>), BundleErrors> {
    let (bundle, index, review_index) = decode_structure(bytes, file)?;
    let mut report = Report::new(file);
    rules::verify(&bundle, &mut report);
    if report.is_empty() {
        Ok((bundle, index, review_index))
    } else {
        Err(BundleErrors(report.into_errors()))
    }
}

/// The layout alone: lengths, counts, indexes, tags and the indexes' invariants.
fn decode_structure(bytes: &[u8], file: &str) -> Result<(Bundle, Index, Option<Index>), BundleError> {
    let err = |message: String| BundleError::new(ErrorKind::Compiled, file, message);
    if bytes.len() > limits::MAX_BUNDLE_BYTES {
        return Err(BundleError::new(ErrorKind::TooLarge, file, format!("compiled bundle is {} bytes; the limit is {}", bytes.len(), limits::MAX_BUNDLE_BYTES)));
    }
    if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC {
        return Err(err("not a compiled claimcheck bundle (bad magic bytes or truncated header)".into()));
    }
    let u16_at = |at: usize| u16::from_le_bytes([bytes[at], bytes[at + 1]]);
    let u64_at = |at: usize| u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap_or([0; 8]));
    let (format, analyzer) = (u16_at(8), u16_at(10));
    if !(OLDEST_VERSION..=FORMAT_VERSION).contains(&format) {
        return Err(err(format!(
            "compiled format version {format}; this claimcheck reads versions {OLDEST_VERSION} to {FORMAT_VERSION}: rebuild it with `claimcheck bundle build`"
        )));
    }
    if analyzer != ANALYZER_VERSION {
        return Err(err(format!("built with analyzer version {analyzer}; this claimcheck uses {ANALYZER_VERSION}: rebuild it with `claimcheck bundle build`")));
    }
    let payload = &bytes[HEADER_LEN..];
    if u64_at(12) != payload.len() as u64 {
        return Err(err(format!("truncated or padded: header says {} payload bytes, file has {}", u64_at(12), payload.len())));
    }
    if u64_at(20) != fnv1a64(payload) {
        return Err(err("checksum mismatch: the file is corrupted".into()));
    }
    let mut r = Reader { bytes: payload, at: 0, file };
    let (title, language, sources) = read_head(&mut r)?;
    let statement_count = r.count("statements", limits::MAX_STATEMENTS, MIN_STATEMENT_BYTES)?;
    let mut statements = Vec::with_capacity(statement_count);
    for _ in 0..statement_count {
        let id = r.string("statement id")?;
        let source = r.index("statement source", sources.len())?;
        let quote = r.string("statement quote")?;
        let speaker = r.string("statement speaker")?;
        let speaker_kind = r.kind("statement speaker_kind")?;
        let date = r.date("statement date")?;
        let topic_count = r.count("topics", usize::MAX, MIN_STRING_BYTES)?;
        if let Some((kind, message)) = rules::topic_count_problem(topic_count) {
            return Err(BundleError::new(kind, file, message).item(rules::item_name(rules::Item::Statement, Some(&id), statements.len() + 1)).field("topics"));
        }
        let topics = (0..topic_count).map(|_| r.string("topic")).collect::<Result<_, _>>()?;
        statements.push(Statement { id, source, quote, speaker, speaker_kind, date, topics });
    }
    let relation_count = r.count("relations", limits::MAX_RELATIONS, MIN_RELATION_BYTES)?;
    let mut relations = Vec::with_capacity(relation_count);
    for _ in 0..relation_count {
        let from = r.index("relation from", statements.len())?;
        let to = r.index("relation to", statements.len())?;
        let kind = *RelationKind::ALL.get(r.byte("relation kind")? as usize).ok_or_else(|| r.error("unknown relation kind"))?;
        let note = r.option("relation note")?;
        relations.push(Relation { from, to, kind, note });
    }
    let reviews = if format >= 3 { read_reviews(&mut r, statements.len())? } else { Vec::new() };
    let index = read_index(&mut r, "", statements.len())?;
    let review_index = if format >= 4 { Some(read_index(&mut r, "review ", reviews.len())?) } else { None };
    if r.at != payload.len() {
        return Err(r.error("trailing bytes after the index"));
    }
    Ok((Bundle { title, language, sources, statements, relations, reviews }, index, review_index))
}

/// A BM25 index over `docs` documents (statements, or reviews when `what` is "review "):
/// sorted non-empty terms, name flags, increasing postings that name existing documents,
/// then one length per document. Every count is checked against the bytes left first.
fn read_index(r: &mut Reader<'_>, what: &str, docs: usize) -> Result<Index, BundleError> {
    let term_count = r.count(&format!("{what}terms"), usize::MAX, MIN_TERM_BYTES)?;
    let mut terms: Vec<String> = Vec::with_capacity(term_count);
    let mut postings = Vec::with_capacity(term_count);
    let mut names = Vec::with_capacity(term_count);
    for _ in 0..term_count {
        let term = r.string(&format!("{what}term"))?;
        if term.is_empty() {
            return Err(r.error("empty index term"));
        }
        if terms.last().is_some_and(|last| *last >= term) {
            return Err(r.error("index terms are not sorted"));
        }
        terms.push(term);
        names.push(match r.byte("name flag")? {
            0 => false,
            1 => true,
            _ => return Err(r.error("bad name flag")),
        });
        let posting_count = r.count(&format!("{what}postings"), docs, MIN_POSTING_BYTES)?;
        if posting_count == 0 {
            return Err(r.error("index term without postings"));
        }
        let mut list = Vec::with_capacity(posting_count);
        let mut doc = 0u64;
        for i in 0..posting_count {
            let delta = r.varint("posting")?;
            if i > 0 && delta == 0 {
                return Err(r.error("index postings are not increasing"));
            }
            doc = doc.saturating_add(delta);
            if doc >= docs as u64 {
                return Err(r.error(&format!("{what}index posting refers to a {} that does not exist", if what.is_empty() { "statement" } else { "review" })));
            }
            let tf = u32::try_from(r.varint("term frequency")?).map_err(|_| r.error("term frequency too large"))?;
            list.push((doc as u32, tf));
        }
        postings.push(list);
    }
    // One varint (at least a byte) per document.
    if docs > r.bytes.len() - r.at {
        return Err(r.error(&format!("{docs} {what}doc lengths cannot fit in the {} bytes left", r.bytes.len() - r.at)));
    }
    let doc_lengths = (0..docs).map(|_| r.varint("doc length").and_then(|l| u32::try_from(l).map_err(|_| r.error("doc length too large")))).collect::<Result<_, _>>()?;
    Ok(Index::from_parts(terms, postings, doc_lengths, names))
}

/// The reviews of a version 3 payload; `statements` is how many statements there are.
fn read_reviews(r: &mut Reader<'_>, statements: usize) -> Result<Vec<Review>, BundleError> {
    let count = r.count("reviews", limits::MAX_REVIEWS, MIN_REVIEW_BYTES)?;
    let mut reviews = Vec::with_capacity(count);
    for _ in 0..count {
        let id = r.string("review id")?;
        let claim = r.string("review claim")?;
        let claimant = r.option("review claimant")?;
        let claim_date = r.date("review claim_date")?;
        let reviewer = r.string("review reviewer")?;
        let reviewed = r.date("review reviewed")?.ok_or_else(|| r.error("review reviewed: missing date"))?;
        let rating = r.string("review rating")?;
        let mut numbers = [None; 3];
        for number in &mut numbers {
            *number = r.number("review rating number")?;
        }
        let [rating_value, rating_best, rating_worst] = numbers;
        let url = r.string("review url")?;
        let title = r.option("review title")?;
        let summary = r.option("review summary")?;
        let evidence_count = r.count("review evidence", limits::MAX_REVIEW_EVIDENCE, 1)?;
        let evidence = (0..evidence_count).map(|_| r.index("review evidence", statements)).collect::<Result<_, _>>()?;
        reviews.push(Review { id, claim, claimant, claim_date, reviewer, reviewed, rating, rating_value, rating_best, rating_worst, url, title, summary, evidence });
    }
    Ok(reviews)
}

/// Title, language and sources: the payload up to the statement count.
fn read_head(r: &mut Reader<'_>) -> Result<(String, String, Vec<Source>), BundleError> {
    let title = r.string("title")?;
    let language = r.string("language")?;
    let source_count = r.count("sources", limits::MAX_SOURCES, MIN_SOURCE_BYTES)?;
    let mut sources = Vec::with_capacity(source_count);
    for _ in 0..source_count {
        sources.push(Source {
            id: r.string("source id")?,
            publisher: r.string("source publisher")?,
            kind: r.kind("source kind")?,
            title: r.string("source title")?,
            url: r.option("source url")?,
            published: r.date("source published")?,
            text_file: r.option("source text_file")?,
        });
    }
    Ok((title, language, sources))
}

/// How many statements a compiled bundle holds, read from the start of its payload
/// without decoding the rest or checking the checksum: what a page shows ("preparing
/// 100,000 statements") while `decode` runs. `None` for anything else (JSON source, an
/// older format, a truncated head); `decode` then says what is wrong.
pub fn peek_statement_count(bytes: &[u8]) -> Option<usize> {
    if bytes.len() < HEADER_LEN || &bytes[..8] != MAGIC || !(OLDEST_VERSION..=FORMAT_VERSION).contains(&u16::from_le_bytes([bytes[8], bytes[9]])) {
        return None;
    }
    let mut r = Reader { bytes: &bytes[HEADER_LEN..], at: 0, file: "" };
    read_head(&mut r).ok()?;
    // Only the head is here: the statements' bytes may not have arrived yet.
    usize::try_from(r.varint("statements").ok()?).ok().filter(|&n| n <= limits::MAX_STATEMENTS)
}

/// FNV-1a, 64 bit: detects truncation and bit flips; not a security measure.
fn fnv1a64(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

struct Writer(Vec<u8>);

impl Writer {
    fn varint(&mut self, mut v: u64) {
        loop {
            let byte = (v & 0x7f) as u8;
            v >>= 7;
            if v == 0 {
                self.0.push(byte);
                return;
            }
            self.0.push(byte | 0x80);
        }
    }
    fn string(&mut self, s: &str) {
        self.varint(s.len() as u64);
        self.0.extend_from_slice(s.as_bytes());
    }
    fn option(&mut self, s: Option<&str>) {
        match s {
            Some(s) => {
                self.0.push(1);
                self.string(s);
            }
            None => self.0.push(0),
        }
    }
    fn index(&mut self, index: &Index) {
        self.varint(index.terms.len() as u64);
        for ((term, postings), &name) in index.terms.iter().zip(&index.postings).zip(&index.names) {
            self.string(term);
            self.0.push(u8::from(name));
            self.varint(postings.len() as u64);
            let mut previous = 0u32;
            for &(doc, tf) in postings {
                self.varint(u64::from(doc - previous));
                self.varint(u64::from(tf));
                previous = doc;
            }
        }
        for &len in &index.doc_lengths {
            self.varint(u64::from(len));
        }
    }
    fn kind(&mut self, kind: Kind) {
        self.0.push(Kind::ALL.iter().position(|k| *k == kind).unwrap_or(0) as u8);
    }
    fn date(&mut self, date: Option<Date>) {
        match date {
            Some(d) => {
                self.0.extend_from_slice(&d.year.to_le_bytes());
                self.0.push(d.month.unwrap_or(0));
                self.0.push(d.day.unwrap_or(0));
            }
            None => self.0.extend_from_slice(&[0, 0, 0, 0]),
        }
    }
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    file: &'a str,
}

impl Reader<'_> {
    fn error(&self, message: &str) -> BundleError {
        BundleError::new(ErrorKind::Compiled, self.file, format!("corrupted at payload byte {}: {message}", self.at))
    }
    fn byte(&mut self, what: &str) -> Result<u8, BundleError> {
        let b = *self.bytes.get(self.at).ok_or_else(|| self.error(&format!("truncated while reading {what}")))?;
        self.at += 1;
        Ok(b)
    }
    fn varint(&mut self, what: &str) -> Result<u64, BundleError> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte(what)?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err(self.error(&format!("{what}: varint too long")))
    }
    /// A count of items: at most `limit`, and no more than the bytes left can hold at
    /// `min_bytes` each. Checked before anything is allocated for the items.
    fn count(&mut self, what: &str, limit: usize, min_bytes: usize) -> Result<usize, BundleError> {
        let n = self.varint(what)?;
        if n > limit as u64 {
            return Err(BundleError::new(ErrorKind::TooLarge, self.file, format!("corrupted at payload byte {}: {n} {what}; the limit is {limit}", self.at)));
        }
        let left = self.bytes.len() - self.at;
        if n > (left / min_bytes) as u64 {
            return Err(self.error(&format!("{n} {what} cannot fit in the {left} bytes left (each takes at least {min_bytes})")));
        }
        Ok(n as usize)
    }
    fn index(&mut self, what: &str, len: usize) -> Result<usize, BundleError> {
        let i = self.varint(what)?;
        if i >= len as u64 {
            return Err(self.error(&format!("{what}: index {i} out of range")));
        }
        Ok(i as usize)
    }
    fn string(&mut self, what: &str) -> Result<String, BundleError> {
        let len = self.count(what, usize::MAX, 1)?;
        let slice = &self.bytes[self.at..self.at + len];
        let s = std::str::from_utf8(slice).map_err(|_| self.error(&format!("{what}: invalid UTF-8")))?;
        self.at += len;
        Ok(s.to_string())
    }
    fn option(&mut self, what: &str) -> Result<Option<String>, BundleError> {
        match self.byte(what)? {
            0 => Ok(None),
            1 => self.string(what).map(Some),
            _ => Err(self.error(&format!("{what}: bad option tag"))),
        }
    }
    fn number(&mut self, what: &str) -> Result<Option<f64>, BundleError> {
        match self.byte(what)? {
            0 => Ok(None),
            1 => {
                let bytes = self.bytes.get(self.at..self.at + 8).ok_or_else(|| self.error(&format!("truncated while reading {what}")))?;
                let n = f64::from_le_bytes(bytes.try_into().unwrap_or([0; 8]));
                self.at += 8;
                Ok(Some(n))
            }
            _ => Err(self.error(&format!("{what}: bad option tag"))),
        }
    }
    fn kind(&mut self, what: &str) -> Result<Kind, BundleError> {
        let b = self.byte(what)?;
        Kind::ALL.get(b as usize).copied().ok_or_else(|| self.error(&format!("{what}: unknown kind {b}")))
    }
    fn date(&mut self, what: &str) -> Result<Option<Date>, BundleError> {
        let year = u16::from_le_bytes([self.byte(what)?, self.byte(what)?]);
        let (month, day) = (self.byte(what)?, self.byte(what)?);
        if year == 0 {
            return Ok(None);
        }
        let text = match (month, day) {
            (0, 0) => format!("{year:04}"),
            (m, 0) => format!("{year:04}-{m:02}"),
            (m, d) => format!("{year:04}-{m:02}-{d:02}"),
        };
        Date::parse(&text).map(Some).ok_or_else(|| self.error(&format!("{what}: invalid date")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::bundle::source;

    const SMALL: &str = r#"{"format":"claimcheck-bundle/1","title":"T","language":"en",
      "sources":[{"id":"s","publisher":"P","kind":"ngo","title":"Title","url":"https://example.org/a","published":"2024-04"}],
      "statements":[{"id":"s/a","source":"s","quote":"Police tortured 12 detainees.","speaker":"P","speaker_kind":"ngo","topics":["torture"]},
                    {"id":"s/b","source":"s","quote":"The ministry denied it.","speaker":"Ministry","speaker_kind":"government","date":"2024-05-01"}],
      "relations":[{"from":"s/b","to":"s/a","kind":"contradicts","note":"n"}]}"#;

    fn small() -> (Bundle, Index) {
        let bundle = source::parse(SMALL, "small.json", None).expect("valid");
        let index = Index::build(&bundle);
        (bundle, index)
    }

    #[test]
    fn round_trip_is_exact_and_deterministic() {
        let (bundle, index) = small();
        let bytes = encode(&bundle, &index);
        assert_eq!(bytes, encode(&bundle, &index), "same input, same bytes");
        let (decoded_bundle, decoded_index) = decode(&bytes, "small.ccb").expect("decodes");
        assert_eq!(decoded_bundle, bundle);
        assert_eq!(decoded_index, index);
    }

    #[test]
    fn the_statement_count_is_read_from_the_head_alone() {
        let (bundle, index) = small();
        let bytes = encode(&bundle, &index);
        assert_eq!(peek_statement_count(&bytes), Some(2));
        // Only the head is read: a cut after it still gives the count (decode refuses it).
        let head = HEADER_LEN + bytes[HEADER_LEN..].len() / 2;
        assert_eq!(peek_statement_count(&bytes[..head]), Some(2));
        assert_eq!(peek_statement_count(SMALL.as_bytes()), None, "JSON source");
        assert_eq!(peek_statement_count(&bytes[..HEADER_LEN + 3]), None, "head cut short");
    }

    #[test]
    fn every_truncation_and_bit_flip_is_rejected() {
        let (bundle, index) = small();
        let bytes = encode(&bundle, &index);
        for len in 0..bytes.len() {
            assert!(decode(&bytes[..len], "t.ccb").is_err(), "truncated to {len} bytes");
        }
        for at in 0..bytes.len() {
            let mut flipped = bytes.clone();
            flipped[at] ^= 0x10;
            assert!(decode(&flipped, "t.ccb").is_err(), "bit flip at byte {at}");
        }
    }

    const REVIEWED: &str = r#"{"format":"claimcheck-bundle/2","title":"T","language":"en",
      "sources":[{"id":"s","publisher":"P","kind":"ngo","title":"Title"}],
      "statements":[{"id":"s/a","source":"s","quote":"Police tortured 12 detainees.","speaker":"P","speaker_kind":"ngo"}],
      "reviews":[{"id":"ff/1","claim":"Police never torture detainees.","claimant":"Ministry","claim_date":"2024-04-02","reviewer":"Full Fact",
                  "reviewed":"2024-05-03","rating":"False","rating_value":1,"rating_best":5,"rating_worst":1,"url":"https://fullfact.org/a",
                  "title":"No, police do torture","summary":"They do.","evidence":["s/a"]},
                 {"id":"ff/2","claim":"Twelve detainees.","reviewer":"Full Fact","reviewed":"2024","rating":"True","url":"http://fullfact.org/b"}]}"#;

    #[test]
    fn reviews_and_their_index_round_trip_in_version_4() {
        let bundle = source::parse(REVIEWED, "r.json", None).expect("valid");
        assert_eq!(bundle.reviews.len(), 2);
        assert_eq!(bundle.reviews[0].evidence, vec![0]);
        assert_eq!(bundle.reviews[0].rating_value, Some(1.0));
        let index = Index::build(&bundle);
        let bytes = encode(&bundle, &index);
        assert_eq!(u16::from_le_bytes([bytes[8], bytes[9]]), 4);
        let (decoded, _, review_index) = decode_with_review_index(&bytes, "r.ccb").expect("decodes");
        assert_eq!(decoded, bundle);
        let review_index = review_index.expect("version 4 stores the reviews' index");
        assert_eq!(review_index, crate::reviews::build_index(&bundle), "the stored index is the one a check would build");
        let detainees = crate::analysis::analyze("detainees").tokens[0].term.clone();
        assert_eq!((review_index.doc_count(), review_index.doc_freq(&detainees)), (2, 2));
        assert_eq!(source::parse(&source::to_json(&bundle), "again.json", None).expect("to_json reads back"), bundle);
        for len in 0..bytes.len() {
            assert!(decode(&bytes[..len], "t.ccb").is_err(), "truncated to {len} bytes");
        }
    }

    #[test]
    fn version_3_bundles_still_load_and_index_their_reviews_on_first_need() {
        let bundle = source::parse(REVIEWED, "r.json", None).expect("valid");
        let old = encode_as(&bundle, &Index::build(&bundle), 3, &mut |_| {});
        assert_eq!(u16::from_le_bytes([old[8], old[9]]), 3);
        let (decoded, _, review_index) = decode_with_review_index(&old, "old.ccb").expect("version 3 still loads");
        assert_eq!((decoded, review_index), (bundle, None));
    }

    /// The payload of `bytes` changed by `edit`, behind a valid header and checksum.
    fn recrafted(bytes: &[u8], edit: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let mut payload = bytes[HEADER_LEN..].to_vec();
        edit(&mut payload);
        let mut crafted = bytes[..HEADER_LEN].to_vec();
        crafted[12..20].copy_from_slice(&(payload.len() as u64).to_le_bytes());
        crafted[20..28].copy_from_slice(&fnv1a64(&payload).to_le_bytes());
        crafted.extend_from_slice(&payload);
        crafted
    }

    #[test]
    fn a_crafted_review_index_is_refused_by_name() {
        let bundle = source::parse(REVIEWED, "r.json", None).expect("valid");
        let index = Index::build(&bundle);
        let bytes = encode(&bundle, &index);
        // The reviews' index starts where the version 3 payload ends.
        let start = encode_as(&bundle, &index, 3, &mut |_| {}).len() - HEADER_LEN;
        let refusal = |edit: &dyn Fn(&mut Vec<u8>)| decode(&recrafted(&bytes, |p| edit(p)), "crafted.ccb").unwrap_err().to_string();
        // A term count the bytes left cannot hold.
        let message = refusal(&|p| p.splice(start..start + 1, [0xc0, 0x84, 0x3d]).for_each(drop));
        assert!(message.starts_with("crafted.ccb: ") && message.contains("1000000 review terms cannot fit"), "{message}");
        // Cut before the doc lengths: one per review must follow.
        let message = refusal(&|p| p.truncate(p.len() - 2));
        assert!(message.contains("review doc lengths cannot fit") || message.contains("truncated"), "{message}");
        // A posting naming a review that does not exist (the first term's first posting).
        let term_len = usize::from(bytes[HEADER_LEN + start + 1]);
        let first_posting = start + 1 + 1 + term_len + 1 + 1;
        let message = refusal(&|p| p[first_posting] = 9);
        assert!(message.contains("review index posting refers to a review that does not exist"), "{message}");
    }

    #[test]
    fn version_2_bundles_still_load_without_reviews() {
        let (bundle, index) = small();
        let old = encode_as(&bundle, &index, 2, &mut |_| {});
        assert_eq!(u16::from_le_bytes([old[8], old[9]]), 2);
        let (decoded, decoded_index) = decode(&old, "old.ccb").expect("version 2 still loads");
        assert_eq!((decoded.reviews.len(), &decoded, &decoded_index), (0, &bundle, &index));
        assert_eq!(peek_statement_count(&old), Some(2));
    }

    #[test]
    fn a_crafted_review_count_is_refused_before_allocating() {
        let (bundle, index) = small();
        let bytes = encode(&bundle, &index);
        // The review count (0) is the byte before the index's term count: find it by
        // encoding the same bundle as version 2 (no review count) and comparing.
        let old = encode_as(&bundle, &index, 2, &mut |_| {});
        let at = (HEADER_LEN..old.len()).find(|&i| old[i] != bytes[i]).expect("the payloads differ where the review count is");
        let mut payload = bytes[HEADER_LEN..].to_vec();
        let count_at = at - HEADER_LEN;
        assert_eq!(payload[count_at], 0);
        payload.splice(count_at..=count_at, [0xc0, 0x84, 0x3d]); // 1,000,000 reviews
        let mut crafted = bytes[..HEADER_LEN].to_vec();
        crafted[12..20].copy_from_slice(&(payload.len() as u64).to_le_bytes());
        crafted[20..28].copy_from_slice(&fnv1a64(&payload).to_le_bytes());
        crafted.extend_from_slice(&payload);
        let message = decode(&crafted, "crafted.ccb").unwrap_err().to_string();
        assert!(message.contains("1000000 reviews cannot fit"), "{message}");
    }

    #[test]
    fn other_versions_are_rejected_with_a_rebuild_hint() {
        let (bundle, index) = small();
        let mut bytes = encode(&bundle, &index);
        bytes[8] = 9;
        let message = decode(&bytes, "old.ccb").unwrap_err().to_string();
        assert!(message.contains("old.ccb") && message.contains("version 9") && message.contains("rebuild"), "{message}");
    }
}
