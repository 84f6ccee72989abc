//! Reads and verifies the JSON source format (`claimcheck-bundle/1`, see
//! docs/bundle-format.md). Verification collects every problem (up to
//! `rules::MAX_ERRORS`), not just the first, and a bundle with any problem is rejected
//! whole: nothing is half-loaded.
//!
//! The JSON is read straight into the bundle model by serde visitors: no
//! `serde_json::Value` tree of the whole file is built first (that cost ~87 times the
//! file's size). The rules of `rules.rs` apply to each field as it is read and the limits
//! to each array as it grows, so memory stays within a small multiple of the file (the
//! measurement is in docs/bundle-format.md). References by id are resolved at the end.

use std::collections::HashMap;
use std::fmt;

use serde::de::{self, DeserializeSeed, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;

use super::error::{BundleError, BundleErrors, ErrorKind};
use super::rules::{self, item_name, Item, Report};
use super::{limits, Bundle, Date, Kind, Relation, RelationKind, Review, Source, Statement, SOURCE_FORMAT, SOURCE_FORMAT_REVIEWS};

/// Where source texts come from. The core does no I/O: the CLI reads files, the browser
/// has none and skips the quote check.
pub trait SourceTexts {
    /// The text of `path` (relative to the bundle file), or why it could not be read.
    fn read(&mut self, path: &str) -> Result<String, String>;
}

const BUNDLE_FIELDS: &[&str] = &["format", "title", "language", "sources", "statements", "relations", "reviews"];
const SOURCE_FIELDS: &[&str] = &["id", "publisher", "kind", "title", "url", "published", "text_file"];
const STATEMENT_FIELDS: &[&str] = &["id", "source", "quote", "speaker", "speaker_kind", "date", "topics"];
const RELATION_FIELDS: &[&str] = &["from", "to", "kind", "note"];
const REVIEW_FIELDS: &[&str] =
    &["id", "claim", "claimant", "claim_date", "reviewer", "reviewed", "rating", "rating_value", "rating_best", "rating_worst", "url", "title", "summary", "evidence"];

/// The model may take at most this many times the JSON's size in memory (plus
/// `MEMORY_SLACK`): with the file itself and the index built from it, a bundle's peak
/// stays within 8 times its size. Real bundles, whose quotes dominate, take about 2
/// times; only files of tiny fields (a thousand one-letter topics) come near the budget.
const MEMORY_FACTOR: usize = 4;
const MEMORY_SLACK: usize = 1 << 20;

/// Heap bytes a string of `len` bytes takes, with the allocator's overhead.
fn heap(len: usize) -> usize {
    if len == 0 {
        0
    } else {
        len.next_multiple_of(16) + 16
    }
}

/// What serde is told when the parser stops early (error limit, item limit): not a
/// syntax error, the report holds the reason.
const STOPPED: &str = "claimcheck: verification stopped";

/// Parses and verifies a bundle source. `file` names the bundle in error messages.
/// With `texts = None`, quotes are not compared with source texts. A UTF-8 byte order
/// mark at the start is skipped.
pub fn parse(json: &str, file: &str, texts: Option<&mut dyn SourceTexts>) -> Result<Bundle, BundleErrors> {
    if json.len() > limits::MAX_BUNDLE_BYTES {
        return Err(BundleError::new(ErrorKind::TooLarge, file, format!("bundle is {} bytes; the limit is {}", json.len(), limits::MAX_BUNDLE_BYTES)).into());
    }
    let json = json.strip_prefix('\u{feff}').unwrap_or(json);
    let mut parser = Parser::new(file, json.len().saturating_mul(MEMORY_FACTOR).saturating_add(MEMORY_SLACK));
    let mut de = serde_json::Deserializer::from_str(json);
    let read = RootSeed(&mut parser).deserialize(&mut de).and_then(|()| de.end());
    if let Err(e) = read {
        if !parser.stopped {
            return Err(BundleError::new(ErrorKind::Syntax, file, format!("not valid JSON: {e}")).into());
        }
    }
    parser.finish(texts)
}

/// A JSON value where a string is expected: the string, or what was found instead.
enum Scalar {
    Str(String),
    Null,
    Other(&'static str),
}

impl<'de> de::Deserialize<'de> for Scalar {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }
}

struct ScalarVisitor;

/// The `visit_*` methods of a visitor for anything but arrays and objects, each calling
/// the visitor's `wrong(type name)`.
macro_rules! other_shapes {
    (string) => {
        fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
            self.wrong("a string")
        }
        other_shapes!();
    };
    () => {
        fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
            self.wrong("a boolean")
        }
        fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
            self.wrong("a number")
        }
        fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
            self.wrong("a number")
        }
        fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
            self.wrong("a number")
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            self.wrong("null")
        }
    };
}

fn drain_seq<'de, A: SeqAccess<'de>>(mut seq: A) -> Result<(), A::Error> {
    while seq.next_element::<IgnoredAny>()?.is_some() {}
    Ok(())
}

fn drain_map<'de, A: MapAccess<'de>>(mut map: A) -> Result<(), A::Error> {
    while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
    Ok(())
}

impl ScalarVisitor {
    fn wrong<E>(self, found: &'static str) -> Result<Scalar, E> {
        Ok(if found == "null" { Scalar::Null } else { Scalar::Other(found) })
    }
}

impl<'de> Visitor<'de> for ScalarVisitor {
    type Value = Scalar;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }
    other_shapes!();
    fn visit_str<E: de::Error>(self, s: &str) -> Result<Scalar, E> {
        Ok(Scalar::Str(s.to_string()))
    }
    fn visit_string<E: de::Error>(self, s: String) -> Result<Scalar, E> {
        Ok(Scalar::Str(s))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Scalar, A::Error> {
        drain_seq(seq)?;
        Ok(Scalar::Other("an array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Scalar, A::Error> {
        drain_map(map)?;
        Ok(Scalar::Other("an object"))
    }
}

/// The string fields of one JSON object as read, before the rules apply.
struct RawObject {
    allowed: &'static [&'static str],
    values: Vec<Option<Scalar>>,
    /// Fields this format does not define (at most `rules::MAX_ERRORS` kept).
    unknown: Vec<String>,
    /// Fields given twice in the object.
    repeated: Vec<&'static str>,
}

impl RawObject {
    fn take(&mut self, field: &str) -> Option<Scalar> {
        let at = self.allowed.iter().position(|f| *f == field)?;
        self.values[at].take()
    }
    fn id(&self) -> Option<&str> {
        match self.allowed.iter().position(|f| *f == "id").and_then(|at| self.values[at].as_ref()) {
            Some(Scalar::Str(id)) => Some(id),
            _ => None,
        }
    }
}

/// Reads one JSON object's fields: the string fields into a `RawObject`, the fields
/// `special` handles (arrays) through it. Unknown fields are skipped without being kept
/// and a field given twice is kept once and reported (JSON readers disagree on which
/// copy counts, so a bundle must not depend on it).
/// An object's key: one of the fields allowed (by position), read without allocating,
/// or another one.
enum Key {
    Known(usize),
    Unknown(String),
}

struct KeySeed(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Key, D::Error> {
        d.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a field name")
    }
    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
        Ok(match self.0.iter().position(|f| *f == key) {
            Some(at) => Key::Known(at),
            None => Key::Unknown(key.to_string()),
        })
    }
}

fn read_object<'de, A: MapAccess<'de>>(
    map: &mut A,
    allowed: &'static [&'static str],
    mut special: impl FnMut(&str, &mut A) -> Result<bool, A::Error>,
) -> Result<RawObject, A::Error> {
    let mut raw = RawObject { allowed, values: allowed.iter().map(|_| None).collect(), unknown: Vec::new(), repeated: Vec::new() };
    let mut seen = vec![false; allowed.len()];
    while let Some(key) = map.next_key_seed(KeySeed(allowed))? {
        let at = match key {
            Key::Known(at) => at,
            Key::Unknown(key) => {
                if raw.unknown.len() < rules::MAX_ERRORS {
                    raw.unknown.push(key);
                }
                map.next_value::<IgnoredAny>()?;
                continue;
            }
        };
        if seen[at] {
            raw.repeated.push(allowed[at]);
            map.next_value::<IgnoredAny>()?;
            continue;
        }
        seen[at] = true;
        if !special(allowed[at], map)? {
            raw.values[at] = Some(map.next_value::<Scalar>()?);
        }
    }
    Ok(raw)
}

/// A reference by id, resolved when the whole file has been read (the JSON may name a
/// source before the source itself appears).
#[derive(Default)]
struct Refs {
    index: HashMap<String, usize>,
}

impl Refs {
    fn intern(&mut self, id: String) -> usize {
        let next = self.index.len();
        *self.index.entry(id).or_insert(next)
    }
    fn into_ids(self) -> Vec<String> {
        let mut ids = vec![String::new(); self.index.len()];
        for (id, i) in self.index {
            ids[i] = id;
        }
        ids
    }
}

struct PendingRelation {
    position: usize,
    from: usize,
    to: usize,
    kind: Option<RelationKind>,
    note: Option<String>,
}

struct Parser<'a> {
    report: Report<'a>,
    /// Bytes the model may still take (see `MEMORY_FACTOR`).
    budget: usize,
    /// Reading stopped early; the report says why.
    stopped: bool,
    root_is_object: bool,
    title: Option<String>,
    language: Option<String>,
    /// Which of sources, statements, relations, reviews were present.
    arrays: [bool; 4],
    /// The format tag, once read and known.
    format: Option<String>,
    sources: Vec<Source>,
    /// Statements whose `source` is still an index into `source_refs`.
    statements: Vec<Statement>,
    relations: Vec<PendingRelation>,
    /// Reviews whose `evidence` are still indexes into `statement_refs`, with positions.
    reviews: Vec<(Review, usize)>,
    source_refs: Refs,
    statement_refs: Refs,
    /// Ids of sources and statements left out for an error already reported: references
    /// to them are not reported again as dangling.
    rejected: [std::collections::HashSet<String>; 2],
}

impl<'a> Parser<'a> {
    fn new(file: &'a str, budget: usize) -> Parser<'a> {
        Parser {
            report: Report::new(file),
            budget,
            stopped: false,
            root_is_object: false,
            title: None,
            language: None,
            arrays: [false; 4],
            format: None,
            sources: Vec::new(),
            statements: Vec::new(),
            relations: Vec::new(),
            reviews: Vec::new(),
            source_refs: Refs::default(),
            statement_refs: Refs::default(),
            rejected: Default::default(),
        }
    }

    /// Takes `bytes` from the memory budget; false (reported) when it is spent.
    fn spend(&mut self, bytes: usize) -> bool {
        match self.budget.checked_sub(bytes) {
            Some(left) => {
                self.budget = left;
                true
            }
            None => {
                let factor = MEMORY_FACTOR;
                self.report.error(ErrorKind::TooLarge, "", None, format!("the bundle would take more than {factor} times its size in memory (a great many tiny fields); refused"));
                self.stopped = true;
                false
            }
        }
    }

    fn stop<E: de::Error>(&mut self) -> E {
        self.stopped = true;
        E::custom(STOPPED)
    }

    /// Reports unknown and repeated fields of an object.
    fn fields(&mut self, raw: &RawObject, name: &str) {
        for key in &raw.unknown {
            let key = rules::escape_for_message(rules::truncate(key, 80));
            self.report.error(ErrorKind::UnknownField, name, Some(&key), format!("unknown field; allowed fields are {}", raw.allowed.join(", ")));
        }
        for key in &raw.repeated {
            self.report.error(ErrorKind::Syntax, name, Some(key), "given twice in one object; JSON readers disagree on which copy counts, so give it once");
        }
    }

    /// A string field through the rules; `None` (reported) when missing or invalid.
    fn text(&mut self, item: Item, name: &str, field: &str, value: Option<Scalar>, required: bool) -> Option<String> {
        match value {
            None | Some(Scalar::Null) => {
                if required {
                    self.report.error(ErrorKind::MissingField, name, Some(field), "required field is missing");
                }
                None
            }
            Some(Scalar::Other(found)) => {
                self.report.error(ErrorKind::Syntax, name, Some(field), format!("expected a string, found {found}"));
                None
            }
            Some(Scalar::Str(s)) => self.report.text(item, name, field, &s).then_some(s),
        }
    }

    fn kind(&mut self, item: Item, name: &str, field: &str, value: Option<Scalar>) -> Option<Kind> {
        let text = self.text(item, name, field, value, true)?;
        let kind = Kind::parse(&text);
        if kind.is_none() {
            let allowed: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            let text = rules::escape_for_message(rules::truncate(&text, 80));
            self.report.error(ErrorKind::InvalidValue, name, Some(field), format!("unknown kind \"{text}\"; expected one of {}", allowed.join(", ")));
        }
        kind
    }

    fn date(&mut self, item: Item, name: &str, field: &str, value: Option<Scalar>) -> Option<Option<Date>> {
        let Some(text) = self.text(item, name, field, value.filter(|v| !matches!(v, Scalar::Null)), false) else {
            return Some(None);
        };
        let date = Date::parse(&text);
        if date.is_none() {
            let text = rules::escape_for_message(&text);
            self.report.error(ErrorKind::InvalidValue, name, Some(field), format!("invalid date \"{text}\"; expected YYYY, YYYY-MM or YYYY-MM-DD"));
            return None;
        }
        Some(date)
    }

    fn root(&mut self, mut raw: RawObject) {
        self.root_is_object = true;
        self.fields(&raw, "");
        if let Some(format) = self.text(Item::Bundle, "", "format", raw.take("format"), true) {
            if format != SOURCE_FORMAT && format != SOURCE_FORMAT_REVIEWS {
                let format = rules::escape_for_message(&format);
                self.report.error(
                    ErrorKind::InvalidValue,
                    "",
                    Some("format"),
                    format!("unsupported format \"{format}\"; expected \"{SOURCE_FORMAT}\" or \"{SOURCE_FORMAT_REVIEWS}\""),
                );
            } else {
                self.format = Some(format);
            }
        }
        if self.arrays[3] && self.format.as_deref() == Some(SOURCE_FORMAT) {
            self.report.error(ErrorKind::InvalidValue, "", Some("format"), format!("a bundle with reviews is format \"{SOURCE_FORMAT_REVIEWS}\""));
        }
        self.title = self.text(Item::Bundle, "", "title", raw.take("title"), true);
        self.language = self.text(Item::Bundle, "", "language", raw.take("language"), true);
        // A bundle of reviews alone needs no sources or statements.
        for (i, field) in ["sources", "statements"].into_iter().enumerate() {
            if !self.arrays[i] && !self.arrays[3] {
                self.report.error(ErrorKind::MissingField, "", Some(field), "required field is missing");
            }
        }
    }

    fn source(&mut self, mut raw: RawObject, position: usize) {
        let name = item_name(Item::Source, raw.id(), position);
        self.fields(&raw, &name);
        let s = Item::Source;
        let id = self.text(s, &name, "id", raw.take("id"), true);
        let publisher = self.text(s, &name, "publisher", raw.take("publisher"), true);
        let kind = self.kind(s, &name, "kind", raw.take("kind"));
        let title = self.text(s, &name, "title", raw.take("title"), true);
        let url = raw.take("url");
        let url_given = matches!(url, Some(Scalar::Str(_)));
        let url = self.text(s, &name, "url", url, false);
        let published = self.date(s, &name, "published", raw.take("published"));
        let text_file = raw.take("text_file");
        let text_file_given = matches!(text_file, Some(Scalar::Str(_)));
        let text_file = self.text(s, &name, "text_file", text_file, false);
        let optional_ok = !((url_given && url.is_none()) || (text_file_given && text_file.is_none()));
        match (id, publisher, kind, title, published, optional_ok) {
            (Some(id), Some(publisher), Some(kind), Some(title), Some(published), true) => {
                let texts = [Some(&id), Some(&publisher), Some(&title), url.as_ref(), text_file.as_ref()];
                if self.spend(2 * std::mem::size_of::<Source>() + texts.iter().flatten().map(|t| heap(t.len()) + 48).sum::<usize>()) {
                    self.sources.push(Source { id, publisher, kind, title, url, published, text_file });
                }
            }
            (Some(id), ..) => _ = self.rejected[0].insert(id),
            _ => {}
        }
    }

    fn statement(&mut self, mut raw: RawObject, topics: Topics, position: usize) {
        let name = item_name(Item::Statement, raw.id(), position);
        self.fields(&raw, &name);
        let s = Item::Statement;
        let id = self.text(s, &name, "id", raw.take("id"), true);
        let source = self.text(s, &name, "source", raw.take("source"), true);
        let quote = self.text(s, &name, "quote", raw.take("quote"), true);
        let speaker = self.text(s, &name, "speaker", raw.take("speaker"), true);
        let speaker_kind = self.kind(s, &name, "speaker_kind", raw.take("speaker_kind"));
        let date = self.date(s, &name, "date", raw.take("date"));
        if let Some(found) = topics.not_array {
            self.report.error(ErrorKind::Syntax, &name, Some("topics"), format!("expected an array, found {found}"));
        }
        if let Some((kind, message)) = rules::topic_count_problem(topics.count) {
            self.report.error(kind, &name, Some("topics"), message);
        }
        let mut topics_ok = topics.not_array.is_none();
        for found in topics.wrong {
            self.report.error(ErrorKind::Syntax, &name, Some("topics"), format!("expected a string, found {found}"));
            topics_ok = false;
        }
        for topic in &topics.values {
            topics_ok &= self.report.text(s, &name, "topics", topic);
        }
        match (id, source, quote, speaker, speaker_kind, date, topics_ok) {
            (Some(id), Some(source), Some(quote), Some(speaker), Some(speaker_kind), Some(date), true) => {
                // Twice the struct (a growing Vec), the strings, the id's entry in the
                // map of ids, and each topic's string and posting in the index.
                let cost = 2 * std::mem::size_of::<Statement>()
                    + heap(id.len())
                    + 48
                    + heap(quote.len())
                    + heap(speaker.len())
                    + topics.values.iter().map(|t| 2 * std::mem::size_of::<String>() + heap(t.len())).sum::<usize>();
                if !self.spend(cost) {
                    return;
                }
                let source = self.source_refs.intern(source);
                self.statements.push(Statement { id, source, quote, speaker, speaker_kind, date, topics: topics.values });
            }
            (Some(id), ..) => _ = self.rejected[1].insert(id),
            _ => {}
        }
    }

    fn relation(&mut self, mut raw: RawObject, position: usize) {
        let name = item_name(Item::Relation, None, position);
        self.fields(&raw, &name);
        let r = Item::Relation;
        let from = self.text(r, &name, "from", raw.take("from"), true);
        let to = self.text(r, &name, "to", raw.take("to"), true);
        let kind = self.text(r, &name, "kind", raw.take("kind"), true).and_then(|k| {
            let kind = RelationKind::parse(&k);
            if kind.is_none() {
                let k = rules::escape_for_message(&k);
                self.report.error(ErrorKind::InvalidValue, &name, Some("kind"), format!("unknown relation kind \"{k}\"; expected contradicts or supports"));
            }
            kind
        });
        let note = raw.take("note");
        let note_given = matches!(note, Some(Scalar::Str(_)));
        let note = self.text(r, &name, "note", note, false);
        if let (Some(from), Some(to)) = (from, to) {
            if note_given && note.is_none() {
                return;
            }
            if !self.spend(2 * std::mem::size_of::<PendingRelation>() + note.as_ref().map_or(0, |n| heap(n.len()))) {
                return;
            }
            let (from, to) = (self.statement_refs.intern(from), self.statement_refs.intern(to));
            self.relations.push(PendingRelation { position, from, to, kind, note });
        }
    }

    fn review(&mut self, mut raw: RawObject, numbers: [Option<Number>; 3], evidence: Topics, position: usize) {
        let name = item_name(Item::Review, raw.id(), position);
        self.fields(&raw, &name);
        let r = Item::Review;
        let id = self.text(r, &name, "id", raw.take("id"), true);
        let claim = self.text(r, &name, "claim", raw.take("claim"), true);
        let reviewer = self.text(r, &name, "reviewer", raw.take("reviewer"), true);
        let rating = self.text(r, &name, "rating", raw.take("rating"), true);
        let url = self.text(r, &name, "url", raw.take("url"), true);
        let reviewed_raw = raw.take("reviewed");
        if matches!(reviewed_raw, None | Some(Scalar::Null)) {
            self.report.error(ErrorKind::MissingField, &name, Some("reviewed"), "required field is missing");
        }
        let reviewed = self.date(r, &name, "reviewed", reviewed_raw).flatten();
        let claim_date = self.date(r, &name, "claim_date", raw.take("claim_date"));
        let mut ok = true;
        let mut optional = |p: &mut Self, field: &str| {
            let value = raw.take(field);
            let given = matches!(value, Some(Scalar::Str(_)));
            let text = p.text(r, &name, field, value, false);
            ok &= !(given && text.is_none());
            text
        };
        let (claimant, title, summary) = (optional(self, "claimant"), optional(self, "title"), optional(self, "summary"));
        let mut values = [None; 3];
        for (i, (field, number)) in ["rating_value", "rating_best", "rating_worst"].into_iter().zip(numbers).enumerate() {
            match number {
                None | Some(Number::Null) => {}
                Some(Number::Value(n)) => values[i] = Some(n),
                Some(Number::Other(found)) => {
                    self.report.error(ErrorKind::Syntax, &name, Some(field), format!("expected a number, found {found}"));
                    ok = false;
                }
            }
        }
        if let Some((field, message)) = rules::rating_problem(values[0], values[1], values[2]) {
            self.report.error(ErrorKind::InvalidValue, &name, Some(field), message);
            ok = false;
        }
        if let Some(found) = evidence.not_array {
            self.report.error(ErrorKind::Syntax, &name, Some("evidence"), format!("expected an array, found {found}"));
            ok = false;
        }
        if evidence.count > limits::MAX_REVIEW_EVIDENCE {
            self.report.error(ErrorKind::TooLarge, &name, Some("evidence"), format!("{} statement ids; the limit is {}", evidence.count, limits::MAX_REVIEW_EVIDENCE));
            ok = false;
        }
        for found in evidence.wrong {
            self.report.error(ErrorKind::Syntax, &name, Some("evidence"), format!("expected a string, found {found}"));
            ok = false;
        }
        for id in &evidence.values {
            ok &= self.report.text(r, &name, "evidence", id);
        }
        if let (Some(id), Some(claim), Some(reviewer), Some(rating), Some(url), Some(reviewed), Some(claim_date), true) =
            (id, claim, reviewer, rating, url, reviewed, claim_date, ok)
        {
            let texts = [Some(&id), Some(&claim), Some(&reviewer), Some(&rating), Some(&url), claimant.as_ref(), title.as_ref(), summary.as_ref()];
            let cost = 2 * std::mem::size_of::<(Review, usize)>() + texts.iter().flatten().map(|t| heap(t.len())).sum::<usize>() + 48 + 16 * evidence.values.len();
            if !self.spend(cost) {
                return;
            }
            let evidence = evidence.values.into_iter().map(|id| self.statement_refs.intern(id)).collect();
            let [rating_value, rating_best, rating_worst] = values;
            let review = Review { id, claim, claimant, claim_date, reviewer, reviewed, rating, rating_value, rating_best, rating_worst, url, title, summary, evidence };
            self.reviews.push((review, position));
        }
    }

    /// Resolves references, applies the rules across items, and compares quotes with
    /// source texts.
    fn finish(self, texts: Option<&mut dyn SourceTexts>) -> Result<Bundle, BundleErrors> {
        let Parser {
            mut report,
            stopped,
            root_is_object,
            title,
            language,
            sources,
            mut statements,
            relations: pending,
            reviews: pending_reviews,
            source_refs,
            statement_refs,
            rejected,
            ..
        } = self;
        let [rejected_sources, mut rejected_statements] = rejected;
        if !root_is_object || stopped {
            return Err(BundleErrors(report.into_errors()));
        }
        let source_ref_ids = source_refs.into_ids();
        {
            let source_index = rules::unique_ids(sources.iter().map(|s| s.id.as_str()), Item::Source, &mut report);
            let resolved: Vec<Option<usize>> = source_ref_ids.iter().map(|id| source_index.get(id.as_str()).copied()).collect();
            statements.retain_mut(|statement| match resolved[statement.source] {
                Some(source) => {
                    statement.source = source;
                    true
                }
                None if rejected_sources.contains(&source_ref_ids[statement.source]) => {
                    rejected_statements.insert(std::mem::take(&mut statement.id));
                    false
                }
                None => {
                    rejected_statements.insert(statement.id.clone());
                    let missing = rules::escape_for_message(&source_ref_ids[statement.source]);
                    report.error(ErrorKind::DanglingReference, &item_name(Item::Statement, Some(&statement.id), 0), Some("source"), format!("no source has id \"{missing}\""));
                    false
                }
            });
        }
        drop(source_ref_ids);
        if let Some(texts) = texts {
            rules::check_quotes(&sources, &statements, texts, &mut report);
        }
        let statement_ref_ids = statement_refs.into_ids();
        let mut relations = Vec::with_capacity(pending.len());
        let mut reviews = Vec::with_capacity(pending_reviews.len());
        {
            let statement_index = rules::unique_ids(statements.iter().map(|s| s.id.as_str()), Item::Statement, &mut report);
            let resolved: Vec<Option<usize>> = statement_ref_ids.iter().map(|id| statement_index.get(id.as_str()).copied()).collect();
            let mut seen = std::collections::HashSet::new();
            for r in pending {
                let name = item_name(Item::Relation, None, r.position);
                let mut endpoint = |field: &str, at: usize| {
                    let found = resolved[at];
                    if found.is_none() && !rejected_statements.contains(&statement_ref_ids[at]) {
                        let missing = rules::escape_for_message(&statement_ref_ids[at]);
                        report.error(ErrorKind::DanglingReference, &name, Some(field), format!("no statement has id \"{missing}\""));
                    }
                    found
                };
                let (from, to) = (endpoint("from", r.from), endpoint("to", r.to));
                let (Some(from), Some(to)) = (from, to) else { continue };
                if let Some((kind, field, message)) = rules::relation_problem(from, to, &mut seen) {
                    report.error(kind, &name, field, message);
                    continue;
                }
                if let Some(kind) = r.kind {
                    relations.push(Relation { from, to, kind, note: r.note });
                }
            }
            for (review, position) in pending_reviews {
                let name = item_name(Item::Review, Some(&review.id), position);
                let mut evidence = Vec::with_capacity(review.evidence.len());
                for &at in &review.evidence {
                    match resolved[at] {
                        Some(statement) => evidence.push(statement),
                        None if rejected_statements.contains(&statement_ref_ids[at]) => {}
                        None => {
                            let missing = rules::escape_for_message(&statement_ref_ids[at]);
                            report.error(ErrorKind::DanglingReference, &name, Some("evidence"), format!("no statement has id \"{missing}\""));
                        }
                    }
                }
                reviews.push(Review { evidence, ..review });
            }
            rules::unique_ids(reviews.iter().map(|r| r.id.as_str()), Item::Review, &mut report);
        }
        match (title, language) {
            (Some(title), Some(language)) if report.is_empty() => {
                let mut bundle = Bundle { title, language, sources, statements, relations, reviews };
                bundle.statements.shrink_to_fit();
                Ok(bundle)
            }
            _ => Err(BundleErrors(report.into_errors())),
        }
    }
}

/// Reads the root object.
struct RootSeed<'p, 'a>(&'p mut Parser<'a>);

impl<'de> DeserializeSeed<'de> for RootSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl RootSeed<'_, '_> {
    fn wrong<E>(self, _found: &'static str) -> Result<(), E> {
        self.0.report.error(ErrorKind::Syntax, "", None, "expected a JSON object");
        Ok(())
    }
}

impl<'de> Visitor<'de> for RootSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a bundle object")
    }
    other_shapes!(string);
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        drain_seq(seq)?;
        self.wrong("an array")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        let p = self.0;
        let raw = read_object(&mut map, BUNDLE_FIELDS, |field, map| {
            let Some(slot) = ARRAYS.iter().position(|(name, _, _)| *name == field) else { return Ok(false) };
            map.next_value_seed(ArraySeed { p: &mut *p, slot })?;
            Ok(true)
        })?;
        p.root(raw);
        Ok(())
    }
}

/// The root's arrays: field, what each element is, most elements.
const ARRAYS: [(&str, Item, usize); 4] = [
    ("sources", Item::Source, limits::MAX_SOURCES),
    ("statements", Item::Statement, limits::MAX_STATEMENTS),
    ("relations", Item::Relation, limits::MAX_RELATIONS),
    ("reviews", Item::Review, limits::MAX_REVIEWS),
];

/// Reads one of the root's arrays, item by item, stopping at its limit.
struct ArraySeed<'p, 'a> {
    p: &'p mut Parser<'a>,
    slot: usize,
}

impl<'de> DeserializeSeed<'de> for ArraySeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl ArraySeed<'_, '_> {
    fn wrong<E>(self, found: &'static str) -> Result<(), E> {
        if found != "null" {
            self.p.arrays[self.slot] = true;
            self.p.report.error(ErrorKind::Syntax, "", Some(ARRAYS[self.slot].0), format!("expected an array, found {found}"));
        }
        Ok(())
    }
}

impl<'de> Visitor<'de> for ArraySeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array")
    }
    other_shapes!(string);
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<(), A::Error> {
        drain_map(map)?;
        self.wrong("an object")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        let (field, item, limit) = ARRAYS[self.slot];
        self.p.arrays[self.slot] = true;
        let mut position = 0;
        loop {
            if self.p.report.is_full() || self.p.stopped {
                return Err(self.p.stop());
            }
            position += 1;
            if position > limit {
                if seq.next_element::<IgnoredAny>()?.is_none() {
                    return Ok(());
                }
                self.p.report.error(ErrorKind::TooLarge, "", Some(field), format!("more than {limit} {field}; the limit is {limit}"));
                return Err(self.p.stop());
            }
            if seq.next_element_seed(ItemSeed { p: &mut *self.p, item, position })?.is_none() {
                return Ok(());
            }
        }
    }
}

/// Reads one source, statement or relation.
struct ItemSeed<'p, 'a> {
    p: &'p mut Parser<'a>,
    item: Item,
    position: usize,
}

impl<'de> DeserializeSeed<'de> for ItemSeed<'_, '_> {
    type Value = ();
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_any(self)
    }
}

impl ItemSeed<'_, '_> {
    fn wrong<E>(self, _found: &'static str) -> Result<(), E> {
        self.p.report.error(ErrorKind::Syntax, &item_name(self.item, None, self.position), None, "expected a JSON object");
        Ok(())
    }
}

impl<'de> Visitor<'de> for ItemSeed<'_, '_> {
    type Value = ();
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an object")
    }
    other_shapes!(string);
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<(), A::Error> {
        drain_seq(seq)?;
        self.wrong("an array")
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        match self.item {
            Item::Source => {
                let raw = read_object(&mut map, SOURCE_FIELDS, |_, _| Ok(false))?;
                self.p.source(raw, self.position);
            }
            Item::Statement => {
                let mut topics = Topics::default();
                let raw = read_object(&mut map, STATEMENT_FIELDS, |field, map| {
                    if field != "topics" {
                        return Ok(false);
                    }
                    topics = map.next_value_seed(ListSeed(limits::MAX_TOPICS))?;
                    Ok(true)
                })?;
                self.p.statement(raw, topics, self.position);
            }
            Item::Relation => {
                let raw = read_object(&mut map, RELATION_FIELDS, |_, _| Ok(false))?;
                self.p.relation(raw, self.position);
            }
            Item::Review => {
                let mut numbers = [None, None, None];
                let mut evidence = Topics::default();
                let raw = read_object(&mut map, REVIEW_FIELDS, |field, map| {
                    if let Some(at) = ["rating_value", "rating_best", "rating_worst"].iter().position(|f| *f == field) {
                        numbers[at] = Some(map.next_value::<Number>()?);
                        return Ok(true);
                    }
                    if field != "evidence" {
                        return Ok(false);
                    }
                    evidence = map.next_value_seed(ListSeed(limits::MAX_REVIEW_EVIDENCE))?;
                    Ok(true)
                })?;
                self.p.review(raw, numbers, evidence, self.position);
            }
            Item::Bundle => drain_map(map)?,
        }
        Ok(())
    }
}

/// A statement's topics as read: the first `MAX_TOPICS` strings, how many there were,
/// and what was found instead of strings or of the array.
#[derive(Default)]
struct Topics {
    values: Vec<String>,
    count: usize,
    wrong: Vec<&'static str>,
    not_array: Option<&'static str>,
}

/// A list of strings (a statement's topics, a review's `evidence`) read up to its limit:
/// items past the limit are counted, not kept.
struct ListSeed(usize);

impl<'de> DeserializeSeed<'de> for ListSeed {
    type Value = Topics;
    fn deserialize<D: de::Deserializer<'de>>(self, d: D) -> Result<Topics, D::Error> {
        d.deserialize_any(self)
    }
}

impl ListSeed {
    fn wrong<E>(self, found: &'static str) -> Result<Topics, E> {
        Ok(Topics { not_array: (found != "null").then_some(found), ..Topics::default() })
    }
}

impl<'de> Visitor<'de> for ListSeed {
    type Value = Topics;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("an array of strings")
    }
    other_shapes!(string);
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Topics, A::Error> {
        drain_map(map)?;
        self.wrong("an object")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Topics, A::Error> {
        let mut list = Topics::default();
        while let Some(value) = seq.next_element::<Scalar>()? {
            list.count += 1;
            if list.count > self.0 {
                continue;
            }
            match value {
                Scalar::Str(item) => list.values.push(item),
                Scalar::Null => list.wrong.push("null"),
                Scalar::Other(found) => list.wrong.push(found),
            }
        }
        Ok(list)
    }
}

/// A JSON value where a number is expected (a review's rating numbers).
enum Number {
    Value(f64),
    Null,
    Other(&'static str),
}

impl<'de> de::Deserialize<'de> for Number {
    fn deserialize<D: de::Deserializer<'de>>(d: D) -> Result<Number, D::Error> {
        d.deserialize_any(NumberVisitor)
    }
}

struct NumberVisitor;

impl<'de> Visitor<'de> for NumberVisitor {
    type Value = Number;
    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Number, E> {
        Ok(Number::Other("a boolean"))
    }
    fn visit_i64<E: de::Error>(self, n: i64) -> Result<Number, E> {
        Ok(Number::Value(n as f64))
    }
    fn visit_u64<E: de::Error>(self, n: u64) -> Result<Number, E> {
        Ok(Number::Value(n as f64))
    }
    fn visit_f64<E: de::Error>(self, n: f64) -> Result<Number, E> {
        Ok(Number::Value(n))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Number, E> {
        Ok(Number::Null)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Number, E> {
        Ok(Number::Other("a string"))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Number, A::Error> {
        drain_seq(seq)?;
        Ok(Number::Other("an array"))
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Number, A::Error> {
        drain_map(map)?;
        Ok(Number::Other("an object"))
    }
}

/// The bundle in the JSON source format, pretty-printed; `parse` reads it back to an
/// equal bundle. Used by `claimcheck bundle import -o bundle.json`.
pub fn to_json(bundle: &Bundle) -> String {
    use serde_json::json;
    let sources: Vec<Value> = bundle
        .sources
        .iter()
        .map(|s| {
            let mut o = json!({"id": s.id, "publisher": s.publisher, "kind": s.kind.as_str(), "title": s.title});
            if let Some(url) = &s.url {
                o["url"] = json!(url);
            }
            if let Some(date) = s.published {
                o["published"] = json!(date.to_string());
            }
            if let Some(path) = &s.text_file {
                o["text_file"] = json!(path);
            }
            o
        })
        .collect();
    let statements: Vec<Value> = bundle
        .statements
        .iter()
        .map(|s| {
            let mut o = json!({"id": s.id, "source": bundle.sources[s.source].id, "quote": s.quote, "speaker": s.speaker, "speaker_kind": s.speaker_kind.as_str()});
            if let Some(date) = s.date {
                o["date"] = json!(date.to_string());
            }
            if !s.topics.is_empty() {
                o["topics"] = json!(s.topics);
            }
            o
        })
        .collect();
    let relations: Vec<Value> = bundle
        .relations
        .iter()
        .map(|r| {
            let mut o = json!({"from": bundle.statements[r.from].id, "to": bundle.statements[r.to].id, "kind": r.kind.as_str()});
            if let Some(note) = &r.note {
                o["note"] = json!(note);
            }
            o
        })
        .collect();
    let mut root = json!({"format": SOURCE_FORMAT, "title": bundle.title, "language": bundle.language, "sources": sources, "statements": statements, "relations": relations});
    if !bundle.reviews.is_empty() {
        root["format"] = json!(SOURCE_FORMAT_REVIEWS);
        root["reviews"] = Value::Array(bundle.reviews.iter().map(|r| review_json(bundle, r)).collect());
    }
    serde_json::to_string_pretty(&root).unwrap_or_default()
}

fn review_json(bundle: &Bundle, r: &Review) -> Value {
    use serde_json::json;
    let mut o = json!({"id": r.id, "claim": r.claim});
    if let Some(claimant) = &r.claimant {
        o["claimant"] = json!(claimant);
    }
    if let Some(date) = r.claim_date {
        o["claim_date"] = json!(date.to_string());
    }
    o["reviewer"] = json!(r.reviewer);
    o["reviewed"] = json!(r.reviewed.to_string());
    o["rating"] = json!(r.rating);
    for (field, value) in [("rating_value", r.rating_value), ("rating_best", r.rating_best), ("rating_worst", r.rating_worst)] {
        if let Some(value) = value {
            o[field] = json!(value);
        }
    }
    o["url"] = json!(r.url);
    if let Some(title) = &r.title {
        o["title"] = json!(title);
    }
    if let Some(summary) = &r.summary {
        o["summary"] = json!(summary);
    }
    if !r.evidence.is_empty() {
        o["evidence"] = json!(r.evidence.iter().map(|&i| bundle.statements[i].id.as_str()).collect::<Vec<_>>());
    }
    o
}
