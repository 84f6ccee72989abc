//! Reads and verifies the JSON source format (`claimcheck-bundle/1`, see
//! docs/bundle-format.md). Verification collects every problem, not just the first, and
//! a bundle with any problem is rejected whole: nothing is half-loaded.

use std::collections::{HashMap, HashSet};

use serde_json::{Map, Value};

use super::error::{BundleError, BundleErrors, ErrorKind};
use super::{limits, Bundle, Date, Kind, Relation, RelationKind, Source, Statement, SOURCE_FORMAT};
use crate::analysis::normalize::fold_for_quote_match;

/// Where source texts come from. The core does no I/O: the CLI reads files, the browser
/// has none and skips the quote check.
pub trait SourceTexts {
    /// The text of `path` (relative to the bundle file), or why it could not be read.
    fn read(&mut self, path: &str) -> Result<String, String>;
}

const BUNDLE_FIELDS: &[&str] = &["format", "title", "language", "sources", "statements", "relations"];
const SOURCE_FIELDS: &[&str] = &["id", "publisher", "kind", "title", "url", "published", "text_file"];
const STATEMENT_FIELDS: &[&str] = &["id", "source", "quote", "speaker", "speaker_kind", "date", "topics"];
const RELATION_FIELDS: &[&str] = &["from", "to", "kind", "note"];

/// Parses and verifies a bundle source. `file` names the bundle in error messages.
/// With `texts = None`, quotes are not compared with source texts.
pub fn parse(json: &str, file: &str, texts: Option<&mut dyn SourceTexts>) -> Result<Bundle, BundleErrors> {
    if json.len() > limits::MAX_BUNDLE_BYTES {
        return Err(BundleError::new(ErrorKind::TooLarge, file, format!("bundle is {} bytes; the limit is {}", json.len(), limits::MAX_BUNDLE_BYTES)).into());
    }
    let value: Value = serde_json::from_str(json).map_err(|e| BundleError::new(ErrorKind::Syntax, file, format!("not valid JSON: {e}")))?;
    let mut v = Verifier { file, errors: Vec::new() };
    let bundle = v.bundle(&value, texts);
    match bundle {
        Some(bundle) if v.errors.is_empty() => Ok(bundle),
        _ => Err(BundleErrors(v.errors)),
    }
}

struct Verifier<'a> {
    file: &'a str,
    errors: Vec<BundleError>,
}

/// One JSON object being read, with its item name for messages.
struct Item<'v> {
    name: String,
    object: &'v Map<String, Value>,
}

impl<'a> Verifier<'a> {
    fn error(&mut self, kind: ErrorKind, item: &str, field: Option<&str>, message: impl Into<String>) {
        let mut error = BundleError::new(kind, self.file, message);
        if !item.is_empty() {
            error = error.item(item);
        }
        if let Some(field) = field {
            error = error.field(field);
        }
        self.errors.push(error);
    }

    fn object<'v>(&mut self, value: &'v Value, name: String, allowed: &[&str]) -> Option<Item<'v>> {
        let Some(object) = value.as_object() else {
            self.error(ErrorKind::Syntax, &name, None, "expected a JSON object");
            return None;
        };
        for key in object.keys() {
            if !allowed.contains(&key.as_str()) {
                self.error(ErrorKind::UnknownField, &name, Some(key), format!("unknown field; allowed fields are {}", allowed.join(", ")));
            }
        }
        Some(Item { name, object })
    }

    /// A required (or, with `required = false`, optional) non-empty string field.
    fn string(&mut self, item: &Item, field: &str, required: bool, max: usize) -> Option<String> {
        match item.object.get(field) {
            None | Some(Value::Null) => {
                if required {
                    self.error(ErrorKind::MissingField, &item.name, Some(field), "required field is missing");
                }
                None
            }
            Some(Value::String(s)) if s.trim().is_empty() => {
                self.error(ErrorKind::InvalidValue, &item.name, Some(field), "must not be empty");
                None
            }
            Some(Value::String(s)) if s.len() > max => {
                self.error(ErrorKind::TooLarge, &item.name, Some(field), format!("is {} bytes; the limit is {max}", s.len()));
                None
            }
            Some(Value::String(s)) => Some(s.clone()),
            Some(other) => {
                self.error(ErrorKind::Syntax, &item.name, Some(field), format!("expected a string, found {}", json_type(other)));
                None
            }
        }
    }

    fn kind(&mut self, item: &Item, field: &str) -> Option<Kind> {
        let text = self.string(item, field, true, limits::MAX_FIELD_BYTES)?;
        let kind = Kind::parse(&text);
        if kind.is_none() {
            let allowed: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
            self.error(ErrorKind::InvalidValue, &item.name, Some(field), format!("unknown kind \"{text}\"; expected one of {}", allowed.join(", ")));
        }
        kind
    }

    fn date(&mut self, item: &Item, field: &str, required: bool) -> Option<Date> {
        let text = self.string(item, field, required, 32)?;
        let date = Date::parse(&text);
        if date.is_none() {
            self.error(ErrorKind::InvalidValue, &item.name, Some(field), format!("invalid date \"{text}\"; expected YYYY, YYYY-MM or YYYY-MM-DD"));
        }
        date
    }

    fn array<'v>(&mut self, item: &Item<'v>, field: &str, required: bool) -> &'v [Value] {
        match item.object.get(field) {
            Some(Value::Array(values)) => values,
            None | Some(Value::Null) => {
                if required {
                    self.error(ErrorKind::MissingField, &item.name, Some(field), "required field is missing");
                }
                &[]
            }
            Some(other) => {
                self.error(ErrorKind::Syntax, &item.name, Some(field), format!("expected an array, found {}", json_type(other)));
                &[]
            }
        }
    }

    fn bundle(&mut self, value: &Value, mut texts: Option<&mut dyn SourceTexts>) -> Option<Bundle> {
        let root = self.object(value, String::new(), BUNDLE_FIELDS)?;
        match self.string(&root, "format", true, 64) {
            Some(format) if format != SOURCE_FORMAT => {
                self.error(ErrorKind::InvalidValue, "", Some("format"), format!("unsupported format \"{format}\"; expected \"{SOURCE_FORMAT}\""));
            }
            _ => {}
        }
        let title = self.string(&root, "title", true, limits::MAX_FIELD_BYTES);
        let language = self.string(&root, "language", true, 16);

        let source_values = self.array(&root, "sources", true);
        let statement_values = self.array(&root, "statements", true);
        let relation_values = self.array(&root, "relations", false);
        if source_values.len() > limits::MAX_SOURCES || statement_values.len() > limits::MAX_STATEMENTS {
            self.error(
                ErrorKind::TooLarge,
                "",
                Some("statements"),
                format!("{} sources and {} statements; the limits are {} and {}", source_values.len(), statement_values.len(), limits::MAX_SOURCES, limits::MAX_STATEMENTS),
            );
            return None;
        }

        let mut sources = Vec::with_capacity(source_values.len());
        let mut source_index: HashMap<String, usize> = HashMap::new();
        let mut source_texts: Vec<Option<String>> = Vec::new();
        for (i, value) in source_values.iter().enumerate() {
            let Some(source) = self.source(i, value) else { continue };
            let name = format!("source \"{}\"", source.id);
            if source_index.contains_key(&source.id) {
                self.error(ErrorKind::DuplicateId, &name, Some("id"), "id is used by another source");
                continue;
            }
            source_index.insert(source.id.clone(), sources.len());
            let text = match (&source.text_file, texts.as_deref_mut()) {
                (Some(path), Some(reader)) => match reader.read(path) {
                    Ok(text) => Some(fold_for_quote_match(&text)),
                    Err(why) => {
                        self.error(ErrorKind::SourceText, &name, Some("text_file"), format!("cannot read {path}: {why}"));
                        None
                    }
                },
                _ => None,
            };
            source_texts.push(text);
            sources.push(source);
        }

        let mut statements = Vec::with_capacity(statement_values.len());
        let mut statement_index: HashMap<String, usize> = HashMap::new();
        for (i, value) in statement_values.iter().enumerate() {
            let Some(statement) = self.statement(i, value, &source_index) else { continue };
            let name = format!("statement \"{}\"", statement.id);
            if let Some(text) = &source_texts[statement.source] {
                if !text.contains(&fold_for_quote_match(&statement.quote)) {
                    let path = sources[statement.source].text_file.as_deref().unwrap_or_default();
                    self.error(ErrorKind::QuoteNotInSource, &name, Some("quote"), format!("not found verbatim in source text {path}"));
                }
            }
            if statement_index.contains_key(&statement.id) {
                self.error(ErrorKind::DuplicateId, &name, Some("id"), "id is used by another statement");
                continue;
            }
            statement_index.insert(statement.id.clone(), statements.len());
            statements.push(statement);
        }

        let mut relations = Vec::with_capacity(relation_values.len());
        let mut seen = HashSet::new();
        for (i, value) in relation_values.iter().enumerate() {
            let Some(relation) = self.relation(i, value, &statement_index) else { continue };
            if !seen.insert((relation.from, relation.to)) {
                self.error(ErrorKind::DuplicateId, &format!("relation #{}", i + 1), None, "the same pair of statements is related twice");
                continue;
            }
            relations.push(relation);
        }

        Some(Bundle { title: title?, language: language?, sources, statements, relations })
    }

    fn source(&mut self, i: usize, value: &Value) -> Option<Source> {
        let provisional = format!("source #{}", i + 1);
        let name = id_name("source", value).unwrap_or(provisional);
        let item = self.object(value, name, SOURCE_FIELDS)?;
        let id = self.id(&item);
        let publisher = self.string(&item, "publisher", true, limits::MAX_FIELD_BYTES);
        let kind = self.kind(&item, "kind");
        let title = self.string(&item, "title", true, limits::MAX_FIELD_BYTES);
        let url = self.url(&item);
        let published = self.date(&item, "published", false);
        let text_file = self.string(&item, "text_file", false, limits::MAX_FIELD_BYTES);
        if let Some(path) = &text_file {
            if path.starts_with('/') || path.split(['/', '\\']).any(|part| part == "..") {
                self.error(ErrorKind::InvalidValue, &item.name, Some("text_file"), "must be a path inside the bundle's folder (no leading /, no ..)");
            }
        }
        Some(Source { id: id?, publisher: publisher?, kind: kind?, title: title?, url, published, text_file })
    }

    fn statement(&mut self, i: usize, value: &Value, sources: &HashMap<String, usize>) -> Option<Statement> {
        let name = id_name("statement", value).unwrap_or(format!("statement #{}", i + 1));
        let item = self.object(value, name, STATEMENT_FIELDS)?;
        let id = self.id(&item);
        let source = self.string(&item, "source", true, limits::MAX_FIELD_BYTES).and_then(|s| {
            let found = sources.get(&s).copied();
            if found.is_none() {
                self.error(ErrorKind::DanglingReference, &item.name, Some("source"), format!("no source has id \"{s}\""));
            }
            found
        });
        let quote = self.string(&item, "quote", true, limits::MAX_QUOTE_BYTES);
        let speaker = self.string(&item, "speaker", true, limits::MAX_FIELD_BYTES);
        let speaker_kind = self.kind(&item, "speaker_kind");
        let date = self.date(&item, "date", false);
        let mut topics = Vec::new();
        let topic_values = self.array(&item, "topics", false);
        if topic_values.len() > limits::MAX_TOPICS {
            self.error(ErrorKind::TooLarge, &item.name, Some("topics"), format!("{} topics; the limit is {}", topic_values.len(), limits::MAX_TOPICS));
        }
        for topic in topic_values.iter().take(limits::MAX_TOPICS) {
            match topic.as_str() {
                Some(t) if !t.trim().is_empty() && t.len() <= limits::MAX_FIELD_BYTES => topics.push(t.to_string()),
                _ => self.error(ErrorKind::InvalidValue, &item.name, Some("topics"), "each topic must be a non-empty string"),
            }
        }
        Some(Statement { id: id?, source: source?, quote: quote?, speaker: speaker?, speaker_kind: speaker_kind?, date, topics })
    }

    fn relation(&mut self, i: usize, value: &Value, statements: &HashMap<String, usize>) -> Option<Relation> {
        let item = self.object(value, format!("relation #{}", i + 1), RELATION_FIELDS)?;
        let endpoint = |v: &mut Self, field: &str| {
            let id = v.string(&item, field, true, limits::MAX_FIELD_BYTES)?;
            let found = statements.get(&id).copied();
            if found.is_none() {
                v.error(ErrorKind::DanglingReference, &item.name, Some(field), format!("no statement has id \"{id}\""));
            }
            found
        };
        let from = endpoint(self, "from");
        let to = endpoint(self, "to");
        let kind = self.string(&item, "kind", true, 64).and_then(|k| {
            let kind = RelationKind::parse(&k);
            if kind.is_none() {
                self.error(ErrorKind::InvalidValue, &item.name, Some("kind"), format!("unknown relation kind \"{k}\"; expected contradicts or supports"));
            }
            kind
        });
        let note = self.string(&item, "note", false, limits::MAX_FIELD_BYTES);
        if from.is_some() && from == to {
            self.error(ErrorKind::InvalidValue, &item.name, Some("to"), "a statement cannot be related to itself");
            return None;
        }
        Some(Relation { from: from?, to: to?, kind: kind?, note })
    }

    fn id(&mut self, item: &Item) -> Option<String> {
        let id = self.string(item, "id", true, limits::MAX_FIELD_BYTES)?;
        if id.chars().any(|c| c.is_whitespace() || c.is_control()) {
            self.error(ErrorKind::InvalidValue, &item.name, Some("id"), "must not contain spaces or control characters");
            return None;
        }
        Some(id)
    }

    fn url(&mut self, item: &Item) -> Option<String> {
        let url = self.string(item, "url", false, limits::MAX_FIELD_BYTES)?;
        if !is_web_url(&url) {
            self.error(ErrorKind::InvalidValue, &item.name, Some("url"), format!("\"{}\" is not an absolute http or https URL", truncate(&url, 80)));
            return None;
        }
        Some(url)
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
    let root = json!({"format": SOURCE_FORMAT, "title": bundle.title, "language": bundle.language, "sources": sources, "statements": statements, "relations": relations});
    serde_json::to_string_pretty(&root).unwrap_or_default()
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

fn id_name(what: &str, value: &Value) -> Option<String> {
    value.get("id").and_then(Value::as_str).filter(|id| !id.is_empty()).map(|id| format!("{what} \"{}\"", truncate(id, 80)))
}

fn truncate(text: &str, max: usize) -> &str {
    crate::analysis::normalize::truncate_at_char_boundary(text, max).0
}

fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}
