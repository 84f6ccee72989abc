//! The verifier's rules: one set for both forms of a bundle. The JSON source parser
//! (`source.rs`) applies them to each field as it reads it; the compiled decoder
//! (`compiled.rs`) applies them to the bundle it decoded, through [`verify`]. So a
//! `javascript:` url, an id with a space or a 50 MB quote is the same named error
//! whichever form it arrives in.
//!
//! What is parsing rather than a rule stays with each form: JSON types, missing and
//! unknown fields, dates and kinds spelled as text, references by id (the compiled form
//! stores indexes, checked by the decoder).

use std::collections::{BTreeMap, HashMap, HashSet};

use super::error::{BundleError, ErrorKind};
use super::source::SourceTexts;
use super::{limits, Bundle, Source, Statement};
use crate::analysis::normalize::fold_for_quote_match;

/// Most errors reported for one bundle; after that verification stops and says so, so a
/// file of a million broken items costs a hundred messages, not a million.
pub const MAX_ERRORS: usize = 100;

/// What an item of a bundle is: the first word of its name in messages.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Item {
    Bundle,
    Source,
    Statement,
    Relation,
    Review,
}

/// The rules of one text field.
struct TextRule {
    /// Longest value, in bytes.
    max: usize,
    /// A further check, returning what is wrong.
    extra: Option<fn(&str) -> Option<String>>,
}

const FIELD: TextRule = TextRule { max: limits::MAX_FIELD_BYTES, extra: None };
const SHORT: TextRule = TextRule { max: 64, extra: None };
const LANGUAGE: TextRule = TextRule { max: 16, extra: None };
const DATE: TextRule = TextRule { max: 32, extra: None };
const ID: TextRule = TextRule { max: limits::MAX_FIELD_BYTES, extra: Some(id_problem) };
const URL: TextRule = TextRule { max: limits::MAX_FIELD_BYTES, extra: Some(url_problem) };
const PATH: TextRule = TextRule { max: limits::MAX_FIELD_BYTES, extra: Some(path_problem) };
const QUOTE: TextRule = TextRule { max: limits::MAX_QUOTE_BYTES, extra: None };
const TOPIC: TextRule = TextRule { max: limits::MAX_TOPIC_BYTES, extra: None };

/// The one table of which rules each text field follows.
fn rule(item: Item, field: &str) -> &'static TextRule {
    match (item, field) {
        (Item::Bundle, "format") => &SHORT,
        (Item::Bundle, "language") => &LANGUAGE,
        (Item::Source | Item::Statement, "id") => &ID,
        (Item::Source, "url") => &URL,
        (Item::Source, "text_file") => &PATH,
        (Item::Source, "published") | (Item::Statement, "date") => &DATE,
        (Item::Statement, "quote") => &QUOTE,
        (Item::Statement, "topics") => &TOPIC,
        (Item::Relation, "kind") => &SHORT,
        (Item::Review, "id" | "evidence") => &ID,
        (Item::Review, "url") => &URL,
        (Item::Review, "claim_date" | "reviewed") => &DATE,
        (Item::Review, "claim" | "summary") => &QUOTE,
        _ => &FIELD,
    }
}

/// Checks one text field against its rules: not empty, within its length limit, no
/// control characters or bidirectional overrides, no invisible characters or look-alike
/// letters where a name is expected, and the field's own rule (id syntax, http(s) url,
/// path inside the bundle's folder).
pub fn check_text(item: Item, field: &str, value: &str) -> Result<(), (ErrorKind, String)> {
    let rule = rule(item, field);
    if value.trim().is_empty() {
        return Err((ErrorKind::InvalidValue, "must not be empty".into()));
    }
    if value.len() > rule.max {
        return Err((ErrorKind::TooLarge, format!("is {} bytes; the limit is {}", value.len(), rule.max)));
    }
    if let Some(problem) = rule.extra.and_then(|extra| extra(value)) {
        return Err((ErrorKind::InvalidValue, problem));
    }
    let names_someone = matches!((item, field), (_, "id" | "publisher" | "speaker" | "title" | "topics" | "reviewer" | "claimant"));
    match display_problem(value, names_someone) {
        Some(problem) => Err((ErrorKind::InvalidValue, problem)),
        None => Ok(()),
    }
}

/// What in `text` could change how it or the text around it is displayed: control
/// characters (a terminal escape rewrites a CLI's output), bidirectional embeddings,
/// overrides and isolates (U+202E shows "hctaW" as "Watch" and reverses neighbouring UI
/// text), in names (`strict`) invisible characters, and anywhere a word that mixes Latin
/// with Cyrillic or Greek letters one of which imitates an ASCII letter (TR39): "Human
/// Rights Wаtch" with a Cyrillic "а" displays as the real publisher and would count as
/// another, independent one, and a quote's "nоt" would not read as "not". Units and
/// symbols that imitate nothing ("5 μm", "ΔT", "δ18O") pass. (Not all of Unicode's TR39
/// confusables: a whole word in another script that looks Latin still passes.)
pub fn display_problem(text: &str, strict: bool) -> Option<String> {
    // Most text is ASCII: no bidi controls, invisible characters or other scripts there,
    // only control characters to look for (a fast path for loading big bundles).
    if text.is_ascii() {
        let at = text.bytes().position(|b| (b.is_ascii_control()) && !matches!(b, b'\t' | b'\n' | b'\r'))?;
        return Some(format!("contains the control character U+{:04X} at byte {at}", text.as_bytes()[at]));
    }
    for (at, c) in text.char_indices() {
        let code = u32::from(c);
        if c.is_control() && !matches!(c, '\t' | '\n' | '\r') {
            return Some(format!("contains the control character U+{code:04X} at byte {at}"));
        }
        if matches!(code, 0x202A..=0x202E | 0x2066..=0x2069) {
            return Some(format!("contains the bidirectional control U+{code:04X} at byte {at}, which changes how the text around it is displayed"));
        }
        if strict && is_invisible(c) {
            return Some(format!("contains the invisible character U+{code:04X} at byte {at}"));
        }
    }
    for word in text.split(|c: char| !c.is_alphanumeric()) {
        let scripts: Vec<&str> = ["Latin", "Cyrillic", "Greek"].into_iter().filter(|&name| word.chars().any(|c| script(c) == Some(name))).collect();
        // "μm", "ΔT2" and "δ18O" mix scripts but imitate nothing: only a letter that
        // looks like an ASCII one it is not makes a word a look-alike.
        if scripts.len() > 1 && word.chars().any(crate::analysis::normalize::imitates_ascii) {
            let word = escape_for_message(truncate(word, 80));
            return Some(format!("the word \"{word}\" mixes {} letters: look-alike letters are not allowed", scripts.join(" and ")));
        }
    }
    None
}

/// Characters that display as nothing: zero-width spaces and joiners, directional marks,
/// word joiners and invisible operators, the byte order mark, soft hyphens, fillers.
fn is_invisible(c: char) -> bool {
    matches!(u32::from(c), 0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F | 0x200B..=0x200F | 0x2060..=0x2064 | 0x3164 | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0)
}

/// The script of a letter, for the three whose letters are confused with each other.
fn script(c: char) -> Option<&'static str> {
    if !c.is_alphabetic() {
        return None;
    }
    match u32::from(c) {
        0x41..=0x5A | 0x61..=0x7A | 0xC0..=0x24F | 0x1E00..=0x1EFF => Some("Latin"),
        0x370..=0x3FF | 0x1F00..=0x1FFF => Some("Greek"),
        0x400..=0x52F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Some("Cyrillic"),
        _ => None,
    }
}

fn id_problem(id: &str) -> Option<String> {
    id.chars().any(|c| c.is_whitespace() || c.is_control()).then(|| "must not contain spaces or control characters".to_string())
}

fn url_problem(url: &str) -> Option<String> {
    (!is_web_url(url)).then(|| format!("\"{}\" is not an absolute http or https URL", escape_for_message(truncate(url, 80))))
}

fn path_problem(path: &str) -> Option<String> {
    let outside = path.starts_with(['/', '\\']) || path.split(['/', '\\']).any(|part| part == "..") || path.contains(':') || path.chars().any(char::is_control);
    outside.then(|| "must be a path inside the bundle's folder (no leading /, no .., no drive or scheme)".to_string())
}

/// `http://host...` or `https://host...` with no spaces or control characters.
pub fn is_web_url(url: &str) -> bool {
    let lower = url.to_ascii_lowercase();
    let rest = lower.strip_prefix("https://").or_else(|| lower.strip_prefix("http://"));
    match rest {
        Some(rest) => {
            let host = rest.split(['/', '?', '#']).next().unwrap_or("");
            !host.is_empty() && !url.chars().any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
        }
        None => false,
    }
}

/// The problem with a statement's topic count, if it has too many.
pub fn topic_count_problem(count: usize) -> Option<(ErrorKind, String)> {
    (count > limits::MAX_TOPICS).then(|| (ErrorKind::TooLarge, format!("{count} topics; the limit is {}", limits::MAX_TOPICS)))
}

/// The problem with a review's rating numbers, if any: each finite, and the value between
/// the worst and the best rating when they are given. Returns the field and the message.
pub fn rating_problem(value: Option<f64>, best: Option<f64>, worst: Option<f64>) -> Option<(&'static str, String)> {
    for (field, number) in [("rating_value", value), ("rating_best", best), ("rating_worst", worst)] {
        if number.is_some_and(|n| !n.is_finite()) {
            return Some((field, "must be a finite number".to_string()));
        }
    }
    if let (Some(value), Some(best), Some(worst)) = (value, best, worst) {
        let (low, high) = if worst <= best { (worst, best) } else { (best, worst) };
        if value < low || value > high {
            return Some(("rating_value", format!("{value} is outside the scale from rating_worst {worst} to rating_best {best}")));
        }
    }
    None
}

/// Checks a review already in the model (both forms: the JSON parser calls it after
/// reading the review's fields, the decoder through [`verify`]).
pub fn check_review(review: &super::Review, position: usize, report: &mut Report) {
    let name = item_name(Item::Review, Some(&review.id), position);
    let optional = [("claimant", review.claimant.as_ref()), ("title", review.title.as_ref()), ("summary", review.summary.as_ref())];
    for (field, value) in
        [("id", Some(&review.id)), ("claim", Some(&review.claim)), ("reviewer", Some(&review.reviewer)), ("rating", Some(&review.rating)), ("url", Some(&review.url))]
            .into_iter()
            .chain(optional)
    {
        if let Some(value) = value {
            report.text(Item::Review, &name, field, value);
        }
    }
    if let Some((field, message)) = rating_problem(review.rating_value, review.rating_best, review.rating_worst) {
        report.error(ErrorKind::InvalidValue, &name, Some(field), message);
    }
    if review.evidence.len() > limits::MAX_REVIEW_EVIDENCE {
        report.error(ErrorKind::TooLarge, &name, Some("evidence"), format!("{} statement ids; the limit is {}", review.evidence.len(), limits::MAX_REVIEW_EVIDENCE));
    }
}

/// The problem with a relation between statements `from` and `to`, if any: a statement
/// related to itself, or a pair related twice (`seen` holds the pairs so far).
pub fn relation_problem(from: usize, to: usize, seen: &mut HashSet<(usize, usize)>) -> Option<(ErrorKind, Option<&'static str>, &'static str)> {
    if from == to {
        return Some((ErrorKind::InvalidValue, Some("to"), "a statement cannot be related to itself"));
    }
    if !seen.insert((from, to)) {
        return Some((ErrorKind::DuplicateId, None, "the same pair of statements is related twice"));
    }
    None
}

/// The name of an item in messages: `source "hrw-2004"`, or by position when it has no
/// usable id (`statement #3`).
pub fn item_name(item: Item, id: Option<&str>, position: usize) -> String {
    let word = match item {
        Item::Bundle => return String::new(),
        Item::Source => "source",
        Item::Statement => "statement",
        Item::Relation => return format!("relation #{position}"),
        Item::Review => "review",
    };
    match id.filter(|id| !id.is_empty()) {
        Some(id) => format!("{word} \"{}\"", escape_for_message(truncate(id, 80))),
        None => format!("{word} #{position}"),
    }
}

/// Control characters in bundle text shown in a message are escaped, so an error
/// message cannot rewrite the terminal it is printed on.
pub fn escape_for_message(text: &str) -> String {
    text.chars().flat_map(|c| if c.is_control() { c.escape_default().collect::<Vec<_>>() } else { vec![c] }).collect()
}

pub fn truncate(text: &str, max: usize) -> &str {
    crate::analysis::normalize::truncate_at_char_boundary(text, max).0
}

/// The errors of one bundle, at most [`MAX_ERRORS`] of them.
pub struct Report<'a> {
    pub file: &'a str,
    errors: Vec<BundleError>,
    /// More errors were found than are kept.
    full: bool,
}

impl<'a> Report<'a> {
    pub fn new(file: &'a str) -> Report<'a> {
        Report { file, errors: Vec::new(), full: false }
    }

    /// Whether verification should stop: the error limit is reached.
    pub fn is_full(&self) -> bool {
        self.full
    }

    pub fn is_empty(&self) -> bool {
        self.errors.is_empty()
    }

    pub fn error(&mut self, kind: ErrorKind, item: &str, field: Option<&str>, message: impl Into<String>) {
        if self.errors.len() >= MAX_ERRORS {
            self.full = true;
            return;
        }
        let mut error = BundleError::new(kind, self.file, message);
        if !item.is_empty() {
            error = error.item(item);
        }
        if let Some(field) = field {
            error = error.field(field);
        }
        self.errors.push(error);
    }

    /// Applies [`check_text`] to a field, reporting what is wrong; true when it passes.
    pub fn text(&mut self, item: Item, name: &str, field: &str, value: &str) -> bool {
        match check_text(item, field, value) {
            Ok(()) => true,
            Err((kind, message)) => {
                self.error(kind, name, Some(field), message);
                false
            }
        }
    }

    /// The errors, with a last one saying how many were left out, if any were.
    pub fn into_errors(mut self) -> Vec<BundleError> {
        if self.full {
            self.errors.push(BundleError::new(ErrorKind::TooManyErrors, self.file, format!("more errors not shown: verification stopped after {MAX_ERRORS}")));
        }
        self.errors
    }
}

/// Finds ids used twice among `ids` (in order) and reports each later use; returns where
/// each id is first used.
pub fn unique_ids<'b>(ids: impl Iterator<Item = &'b str>, item: Item, report: &mut Report) -> HashMap<&'b str, usize> {
    let mut first = HashMap::new();
    for (i, id) in ids.enumerate() {
        if first.contains_key(id) {
            let what = match item {
                Item::Source => "source",
                Item::Review => "review",
                _ => "statement",
            };
            report.error(ErrorKind::DuplicateId, &item_name(item, Some(id), i + 1), Some("id"), format!("id is used by another {what}"));
        } else {
            first.insert(id, i);
        }
    }
    first
}

/// Every rule on a bundle that is already in the model: what the compiled form is
/// checked against after decoding (the JSON parser applies the same functions as it reads).
pub fn verify(bundle: &Bundle, report: &mut Report) {
    report.text(Item::Bundle, "", "title", &bundle.title);
    report.text(Item::Bundle, "", "language", &bundle.language);
    for (i, s) in bundle.sources.iter().enumerate() {
        if report.is_full() {
            return;
        }
        let name = item_name(Item::Source, Some(&s.id), i + 1);
        for (field, value) in [("id", Some(&s.id)), ("publisher", Some(&s.publisher)), ("title", Some(&s.title)), ("url", s.url.as_ref()), ("text_file", s.text_file.as_ref())] {
            if let Some(value) = value {
                report.text(Item::Source, &name, field, value);
            }
        }
    }
    unique_ids(bundle.sources.iter().map(|s| s.id.as_str()), Item::Source, report);
    for (i, s) in bundle.statements.iter().enumerate() {
        if report.is_full() {
            return;
        }
        let name = item_name(Item::Statement, Some(&s.id), i + 1);
        for (field, value) in [("id", &s.id), ("quote", &s.quote), ("speaker", &s.speaker)] {
            report.text(Item::Statement, &name, field, value);
        }
        if let Some((kind, message)) = topic_count_problem(s.topics.len()) {
            report.error(kind, &name, Some("topics"), message);
        }
        for topic in &s.topics {
            report.text(Item::Statement, &name, "topics", topic);
        }
    }
    unique_ids(bundle.statements.iter().map(|s| s.id.as_str()), Item::Statement, report);
    let mut seen = HashSet::new();
    for (i, r) in bundle.relations.iter().enumerate() {
        if report.is_full() {
            return;
        }
        let name = item_name(Item::Relation, None, i + 1);
        if let Some(note) = &r.note {
            report.text(Item::Relation, &name, "note", note);
        }
        if let Some((kind, field, message)) = relation_problem(r.from, r.to, &mut seen) {
            report.error(kind, &name, field, message);
        }
    }
    for (i, review) in bundle.reviews.iter().enumerate() {
        if report.is_full() {
            return;
        }
        check_review(review, i + 1, report);
    }
    unique_ids(bundle.reviews.iter().map(|r| r.id.as_str()), Item::Review, report);
}

/// Every quote of a source that has a `text_file` must appear in that text, after
/// folding whitespace and quotation marks. Each file is read once however many sources
/// name it, and searched once for all the quotes it must hold: one pass of an
/// Aho–Corasick automaton, so the cost grows with the text plus the quotes, not with
/// their product (2,000 quotes against a 10 MB text took 19.6 s one `contains` at a time).
pub fn check_quotes(sources: &[Source], statements: &[Statement], texts: &mut dyn SourceTexts, report: &mut Report) {
    // Paths spelt differently ("a.txt", "./a.txt", "sources//a.txt") are one file.
    let key = |path: &str| path.split(['/', '\\']).filter(|part| !part.is_empty() && *part != ".").collect::<Vec<_>>().join("/");
    let mut by_path: BTreeMap<String, (&str, Vec<usize>)> = BTreeMap::new();
    for path in sources.iter().filter_map(|s| s.text_file.as_deref()) {
        by_path.entry(key(path)).or_insert((path, Vec::new()));
    }
    for (i, statement) in statements.iter().enumerate() {
        if let Some((_, list)) = sources[statement.source].text_file.as_deref().and_then(|path| by_path.get_mut(&key(path))) {
            list.push(i);
        }
    }
    let mut total = 0usize;
    for (file_key, (path, quoting)) in by_path {
        if report.is_full() {
            return;
        }
        let read = texts.read(path).and_then(|text| {
            total = total.saturating_add(text.len());
            if text.len() > limits::MAX_TEXT_FILE_BYTES {
                Err(format!("it is {} bytes; the limit is {}", text.len(), limits::MAX_TEXT_FILE_BYTES))
            } else if total > limits::MAX_TEXT_TOTAL_BYTES {
                Err(format!("the source texts read so far total {total} bytes; the limit is {}", limits::MAX_TEXT_TOTAL_BYTES))
            } else {
                Ok(text)
            }
        });
        let text = match read {
            Ok(text) => fold_for_quote_match(&text),
            Err(why) => {
                for (i, source) in sources.iter().enumerate().filter(|(_, s)| s.text_file.as_deref().map(key).as_ref() == Some(&file_key)) {
                    let path = escape_for_message(source.text_file.as_deref().unwrap_or(path));
                    report.error(ErrorKind::SourceText, &item_name(Item::Source, Some(&source.id), i + 1), Some("text_file"), format!("cannot read {path}: {why}"));
                }
                continue;
            }
        };
        let quotes: Vec<String> = quoting.iter().map(|&i| fold_for_quote_match(&statements[i].quote)).collect();
        let found = find_all(&text, &quotes);
        drop(text);
        for (&i, found) in quoting.iter().zip(found) {
            if !found {
                let path = escape_for_message(sources[statements[i].source].text_file.as_deref().unwrap_or(path));
                report.error(
                    ErrorKind::QuoteNotInSource,
                    &item_name(Item::Statement, Some(&statements[i].id), i + 1),
                    Some("quote"),
                    format!("not found verbatim in source text {path}"),
                );
            }
        }
    }
}

/// Which of `patterns` occur in `text`, in one pass over the text. Every state the
/// automaton enters is a position where the patterns of that state end (its match list
/// includes the patterns ending there through failure links), so each state's matches
/// are read once, the first time it is entered: linear in the text, however many
/// patterns overlap (an overlapping search would report `a`, `aa`, `aaa`... at every
/// position of `aaaa...`).
fn find_all(text: &str, patterns: &[String]) -> Vec<bool> {
    // The browser has no source texts (SourceTexts is the CLI's), so the wasm never
    // searches one; the automaton would add ~100 KB to it for nothing.
    #[cfg(target_arch = "wasm32")]
    return patterns.iter().map(|p| text.contains(p.as_str())).collect();
    #[cfg(not(target_arch = "wasm32"))]
    find_all_ac(text, patterns)
}

#[cfg(not(target_arch = "wasm32"))]
fn find_all_ac(text: &str, patterns: &[String]) -> Vec<bool> {
    use aho_corasick::automaton::Automaton;
    use aho_corasick::nfa::contiguous::NFA;
    use aho_corasick::Anchored;

    let mut found = vec![false; patterns.len()];
    let Ok(nfa) = NFA::new(patterns) else {
        // Only when the automaton would exceed its state limit (billions of bytes of
        // quotes, far beyond the bundle limits); fall back to one search per quote.
        for (found, pattern) in found.iter_mut().zip(patterns) {
            *found = text.contains(pattern.as_str());
        }
        return found;
    };
    let Ok(mut state) = nfa.start_state(Anchored::No) else { return found };
    let mut entered = HashSet::new();
    let mut mark = |state| {
        if nfa.is_match(state) && entered.insert(state) {
            for k in 0..nfa.match_len(state) {
                found[nfa.match_pattern(state, k).as_usize()] = true;
            }
        }
    };
    mark(state);
    for &byte in text.as_bytes() {
        state = nfa.next_state(Anchored::No, state, byte);
        if nfa.is_special(state) {
            mark(state);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_all_finds_overlapping_nested_and_absent_patterns() {
        let patterns: Vec<String> = ["he", "she", "hers", "his", "e", "x", "she sells"].iter().map(|s| s.to_string()).collect();
        assert_eq!(find_all("ushers", &patterns), vec![true, true, true, false, true, false, false]);
        let chain: Vec<String> = (1..=50).map(|n| "a".repeat(n)).chain(["b".to_string()]).collect();
        let found = find_all(&"a".repeat(10_000), &chain);
        assert!(found[..50].iter().all(|&f| f) && !found[50]);
    }

    #[test]
    fn every_text_rule_names_what_is_wrong() {
        assert_eq!(check_text(Item::Source, "url", "javascript:alert(1)").unwrap_err().1, "\"javascript:alert(1)\" is not an absolute http or https URL");
        assert_eq!(check_text(Item::Statement, "id", "a b").unwrap_err().1, "must not contain spaces or control characters");
        assert_eq!(check_text(Item::Source, "publisher", " ").unwrap_err().1, "must not be empty");
        assert_eq!(check_text(Item::Statement, "quote", &"x".repeat(4001)).unwrap_err(), (ErrorKind::TooLarge, "is 4001 bytes; the limit is 4000".to_string()));
        assert!(check_text(Item::Source, "text_file", "C:/Windows/win.ini").is_err());
        assert!(check_text(Item::Source, "text_file", "sources/000.txt").is_ok());
        assert!(check_text(Item::Source, "publisher", "Human Rights W\u{430}tch").unwrap_err().1.contains("mixes Latin and Cyrillic letters"));
        assert!(check_text(Item::Source, "publisher", "Human Rights\u{200B} Watch").unwrap_err().1.contains("invisible character U+200B"));
        assert!(check_text(Item::Statement, "quote", "say \u{202E}hctaW").unwrap_err().1.contains("bidirectional control U+202E"));
        assert!(check_text(Item::Statement, "quote", "\u{1b}[2KVerdict").unwrap_err().1.contains("control character U+001B"));
        assert!(check_text(Item::Statement, "quote", "Line one.\nLine two, in Baku (Bakı) and Αθήνα.").is_ok());
    }

    #[test]
    fn scientific_symbols_are_not_look_alikes() {
        // Climate-FEVER's Wikipedia sentences: units and symbols mix scripts and imitate nothing.
        for quote in ["wavelengths of 8 to 14 μm", "the warming ΔT2 after doubling", "δ18O in speleothems", "5 µm dust"] {
            assert!(check_text(Item::Statement, "quote", quote).is_ok(), "{quote}");
        }
        // A Greek omicron imitating "o" inside a Latin word is still refused.
        assert!(check_text(Item::Statement, "quote", "did n\u{3bf}t happen").unwrap_err().1.contains("mixes Latin and Greek letters"));
    }
}
