//! Imports a corpus of one statement per line (JSON lines) into a bundle, for newsrooms
//! whose material is a spreadsheet export or a data set rather than a curated bundle.
//!
//! Line format: `{"id", "text", "source"}` plus optional `url`, `published`, `publisher`,
//! `kind`, `speaker`. Every distinct `source` value becomes one source; statement ids are
//! kept as given. The source fields (`url`, `published`, `publisher`, `kind`) describe the
//! source, so lines of one source must not disagree about them. Errors name the line.

use std::collections::HashMap;

use serde_json::{Map, Value};

use super::error::{BundleError, BundleErrors, ErrorKind};
use super::rules::is_web_url;
use super::{limits, Bundle, Date, Kind, Source, Statement};

/// How to read the lines. `Default` reads the documented field names.
#[derive(Clone, Debug)]
pub struct ImportOptions {
    /// Field naming the source (`article` for Climate-FEVER's evidence file).
    pub source_field: String,
    /// Field holding the statement's text.
    pub text_field: String,
    /// The bundle's title.
    pub title: String,
    /// Publisher of sources whose lines give none (else the source's own name).
    pub publisher: Option<String>,
    /// Kind of sources whose lines give none.
    pub kind: Kind,
}

impl Default for ImportOptions {
    fn default() -> Self {
        ImportOptions { source_field: "source".into(), text_field: "text".into(), title: "Imported statements".into(), publisher: None, kind: Kind::Other }
    }
}

/// Stop collecting errors after this many distinct ones.
const MAX_ERRORS: usize = 50;
/// How many lines with the very same error are reported before they are only counted.
const REPORTED_REPEATS: usize = 3;

/// Builds a bundle from JSON lines. `file` names the input in errors; `progress` is
/// called with (bytes read, total bytes) now and then.
pub fn import(text: &str, file: &str, options: &ImportOptions, progress: &mut dyn FnMut(usize, usize)) -> Result<Bundle, BundleErrors> {
    if text.len() > limits::MAX_BUNDLE_BYTES {
        return Err(BundleError::new(ErrorKind::TooLarge, file, format!("input is {} bytes; the limit is {}", text.len(), limits::MAX_BUNDLE_BYTES)).into());
    }
    let mut importer = Importer {
        file,
        options,
        errors: Vec::new(),
        sources: Vec::new(),
        source_ids: HashMap::new(),
        id_names: HashMap::new(),
        statements: Vec::new(),
        statement_lines: HashMap::new(),
        repeats: HashMap::new(),
    };
    let mut offset = 0;
    for (n, line) in text.split('\n').enumerate() {
        let line_number = n + 1;
        offset += line.len() + 1;
        if n % 4096 == 0 {
            progress(offset.min(text.len()), text.len());
        }
        if !line.trim().is_empty() {
            importer.line(line_number, line);
        }
        if importer.errors.len() >= MAX_ERRORS {
            importer.errors.push(BundleError::new(ErrorKind::Syntax, file, format!("stopped after {MAX_ERRORS} errors, at line {line_number}")));
            break;
        }
    }
    progress(text.len(), text.len());
    let mut repeated: Vec<_> = importer.repeats.iter().filter(|(_, &(count, _))| count > REPORTED_REPEATS).collect();
    repeated.sort_by_key(|(_, &(_, first))| first);
    let summaries: Vec<BundleError> = repeated
        .into_iter()
        .map(|((field, message), &(count, first))| {
            let error =
                BundleError::new(ErrorKind::Syntax, file, format!("{message} (on {} more lines after the {REPORTED_REPEATS} above, from line {first})", count - REPORTED_REPEATS));
            if field.is_empty() {
                error
            } else {
                error.field(field.as_str())
            }
        })
        .collect();
    importer.errors.extend(summaries);
    if importer.statements.is_empty() && importer.errors.is_empty() {
        importer.errors.push(BundleError::new(ErrorKind::MissingField, file, "no statements: the input has no lines"));
    }
    if importer.statements.len() > limits::MAX_STATEMENTS {
        importer.errors.push(BundleError::new(ErrorKind::TooLarge, file, format!("{} statements; the limit is {}", importer.statements.len(), limits::MAX_STATEMENTS)));
    }
    if !importer.errors.is_empty() {
        return Err(BundleErrors(importer.errors));
    }
    let sources = importer.sources.into_iter().map(|s| s.source).collect();
    Ok(Bundle { title: options.title.clone(), language: "en".into(), sources, statements: importer.statements, relations: Vec::new(), reviews: Vec::new() })
}

struct PendingSource {
    source: Source,
    /// Which fields a line set explicitly, and on which line, to report disagreements.
    set_on: HashMap<&'static str, usize>,
}

impl PendingSource {
    fn get(&self, field: &str) -> String {
        let s = &self.source;
        match field {
            "url" => s.url.clone().unwrap_or_default(),
            "published" => s.published.map(|d| d.to_string()).unwrap_or_default(),
            "publisher" => s.publisher.clone(),
            _ => s.kind.as_str().to_string(),
        }
    }

    /// Sets a field from a value already checked by `Importer::line`.
    fn set(&mut self, field: &str, value: &str) {
        let s = &mut self.source;
        match field {
            "url" => s.url = Some(value.to_string()),
            "published" => s.published = Date::parse(value),
            "publisher" => s.publisher = value.to_string(),
            _ => s.kind = Kind::parse(value).unwrap_or(s.kind),
        }
    }
}

/// Ids travel in links and evidence anchors, so whitespace becomes "_" (as Wikipedia
/// does in its URLs): Climate-FEVER's "Sea level rise:12" becomes "Sea_level_rise:12".
pub fn id_without_spaces(id: &str) -> String {
    id.split(char::is_whitespace).filter(|p| !p.is_empty()).collect::<Vec<_>>().join("_")
}

struct Importer<'a> {
    file: &'a str,
    options: &'a ImportOptions,
    errors: Vec<BundleError>,
    sources: Vec<PendingSource>,
    source_ids: HashMap<String, usize>,
    /// For each source id made so far: the name it came from and the line.
    id_names: HashMap<String, (String, usize)>,
    statements: Vec<Statement>,
    statement_lines: HashMap<String, usize>,
    /// (field, message) -> (times seen, first line).
    repeats: HashMap<(String, String), (usize, usize)>,
}

impl Importer<'_> {
    /// Records an error. The same mistake on every line (a wrong field mapping) is
    /// reported for its first lines, then counted, so the message stays readable.
    fn error(&mut self, kind: ErrorKind, line: usize, field: Option<&str>, message: impl Into<String>) {
        let message = message.into();
        let repeats = self.repeats.entry((field.unwrap_or_default().to_string(), message.clone())).or_insert((0, line));
        repeats.0 += 1;
        if repeats.0 > REPORTED_REPEATS {
            return;
        }
        let mut error = BundleError::new(kind, self.file, message).item(format!("line {line}"));
        if let Some(field) = field {
            error = error.field(field);
        }
        self.errors.push(error);
    }

    fn errors_on_line(&self, line: usize) -> bool {
        let item = format!("line {line}");
        self.errors.last().is_some_and(|e| e.item_name() == Some(item.as_str()))
    }

    fn line(&mut self, line: usize, text: &str) {
        let object = match serde_json::from_str::<Value>(text) {
            Ok(Value::Object(object)) => object,
            Ok(_) => return self.error(ErrorKind::Syntax, line, None, "expected a JSON object"),
            Err(e) => return self.error(ErrorKind::Syntax, line, None, format!("not valid JSON: {e}")),
        };
        let (source_field, text_field) = (self.options.source_field.as_str(), self.options.text_field.as_str());
        let allowed = ["id", text_field, source_field, "url", "published", "publisher", "kind", "speaker"];
        for key in object.keys() {
            if !allowed.contains(&key.as_str()) {
                let hint = if key == "article" || key == "title" { format!(" (to use it as the source, pass --source-field {key})") } else { String::new() };
                self.error(ErrorKind::UnknownField, line, Some(key), format!("unknown field; allowed fields are {}{hint}", allowed.join(", ")));
            }
        }
        let id = self.text(&object, line, "id", true, limits::MAX_FIELD_BYTES);
        let quote = self.text(&object, line, text_field, true, limits::MAX_QUOTE_BYTES);
        let source_name = self.text(&object, line, source_field, true, limits::MAX_FIELD_BYTES);
        let url = self.text(&object, line, "url", false, limits::MAX_FIELD_BYTES);
        let published = self.text(&object, line, "published", false, 32);
        let publisher = self.text(&object, line, "publisher", false, limits::MAX_FIELD_BYTES);
        let kind = self.text(&object, line, "kind", false, 64);
        let speaker = self.text(&object, line, "speaker", false, limits::MAX_FIELD_BYTES);

        if let Some(url) = &url {
            if !is_web_url(url) {
                self.error(
                    ErrorKind::InvalidValue,
                    line,
                    Some("url"),
                    format!("\"{}\" is not an absolute http or https URL", crate::analysis::normalize::truncate_at_char_boundary(url, 80).0),
                );
            }
        }
        let published_date = published.as_deref().and_then(|p| {
            let date = Date::parse(p);
            if date.is_none() {
                self.error(ErrorKind::InvalidValue, line, Some("published"), format!("invalid date \"{p}\"; expected YYYY, YYYY-MM or YYYY-MM-DD"));
            }
            date
        });
        let kind_value = kind.as_deref().and_then(|k| {
            let parsed = Kind::parse(k);
            if parsed.is_none() {
                let allowed: Vec<&str> = Kind::ALL.iter().map(|k| k.as_str()).collect();
                self.error(ErrorKind::InvalidValue, line, Some("kind"), format!("unknown kind \"{k}\"; expected one of {}", allowed.join(", ")));
            }
            parsed
        });
        let (Some(id), Some(quote), Some(source_name)) = (id, quote, source_name) else { return };
        let id = id_without_spaces(&id);
        if id.chars().any(char::is_control) {
            return self.error(ErrorKind::InvalidValue, line, Some("id"), "must not contain control characters");
        }
        if let Some(first) = self.statement_lines.get(&id) {
            let first = *first;
            return self.error(ErrorKind::DuplicateId, line, Some("id"), format!("id \"{id}\" is already used on line {first}"));
        }

        if self.errors_on_line(line) {
            return;
        }
        let given = [("url", url), ("published", published_date.map(|d| d.to_string())), ("publisher", publisher), ("kind", kind_value.map(|k| k.as_str().to_string()))];
        let Some(source) = self.source(line, &source_name, given) else { return };
        let speaker_kind = self.sources[source].source.kind;
        let speaker = speaker.unwrap_or_else(|| self.sources[source].source.publisher.clone());
        self.statement_lines.insert(id.clone(), line);
        self.statements.push(Statement { id, source, quote, speaker, speaker_kind, date: None, topics: Vec::new() });
    }

    /// The source named `name`, created on first sight; later lines may add fields the
    /// first left out but must not contradict it.
    fn source(&mut self, line: usize, name: &str, given: [(&'static str, Option<String>); 4]) -> Option<usize> {
        let index = match self.source_ids.get(name) {
            Some(&index) => index,
            None => {
                if self.sources.len() >= limits::MAX_SOURCES {
                    let field = self.options.source_field.clone();
                    self.error(ErrorKind::TooLarge, line, Some(&field), format!("more than {} sources", limits::MAX_SOURCES));
                    return None;
                }
                let id = id_without_spaces(name);
                if let Some((other, first)) = self.id_names.get(&id) {
                    // "Human Rights Watch" and "Human_Rights_Watch" would be one id.
                    let (other, first) = (other.clone(), *first);
                    let field = self.options.source_field.clone();
                    self.error(
                        ErrorKind::DuplicateId,
                        line,
                        Some(&field),
                        format!("\"{name}\" would get the id \"{id}\", already given to \"{other}\" on line {first} (ids write spaces as \"_\"); name the sources apart"),
                    );
                    return None;
                }
                self.id_names.insert(id.clone(), (name.to_string(), line));
                let publisher = self.options.publisher.clone().unwrap_or_else(|| name.to_string());
                let source = Source { id, publisher, kind: self.options.kind, title: name.to_string(), url: None, published: None, text_file: None };
                self.sources.push(PendingSource { source, set_on: HashMap::new() });
                self.source_ids.insert(name.to_string(), self.sources.len() - 1);
                self.sources.len() - 1
            }
        };
        for (field, value) in given {
            let Some(value) = value else { continue };
            let pending = &mut self.sources[index];
            match pending.set_on.get(field) {
                Some(&first) => {
                    let current = pending.get(field);
                    if current != value {
                        self.error(ErrorKind::InvalidValue, line, Some(field), format!("\"{value}\" differs from \"{current}\" given for source \"{name}\" on line {first}"));
                    }
                }
                None => {
                    pending.set(field, &value);
                    pending.set_on.insert(field, line);
                }
            }
        }
        Some(index)
    }

    /// A string field (numbers are accepted for ids and sources, as spreadsheets export them).
    fn text(&mut self, object: &Map<String, Value>, line: usize, field: &str, required: bool, max: usize) -> Option<String> {
        let text = match object.get(field) {
            None | Some(Value::Null) => {
                if required {
                    self.error(ErrorKind::MissingField, line, Some(field), "required field is missing");
                }
                return None;
            }
            Some(Value::String(s)) => s.clone(),
            Some(Value::Number(n)) if field != self.options.text_field => n.to_string(),
            Some(_) => {
                self.error(ErrorKind::Syntax, line, Some(field), "expected a string");
                return None;
            }
        };
        if text.trim().is_empty() {
            self.error(ErrorKind::InvalidValue, line, Some(field), "must not be empty");
            return None;
        }
        if text.len() > max {
            self.error(ErrorKind::TooLarge, line, Some(field), format!("is {} bytes; the limit is {max}", text.len()));
            return None;
        }
        Some(text)
    }
}
