//! The bundle source format: every verify error names file, item and field; the
//! compiled form round-trips; the committed default bundle is up to date.

mod common;

use claimcheck::bundle::source;
use claimcheck::bundle::{compiled, ErrorKind};
use claimcheck::index::Index;
use claimcheck::Checker;
use common::{read, repo, FolderTexts};
use serde_json::{json, Value};

fn valid() -> Value {
    json!({
        "format": "claimcheck-bundle/1", "title": "T", "language": "en",
        "sources": [{"id": "s", "publisher": "P", "kind": "ngo", "title": "Title", "url": "https://example.org/a",
                     "published": "2024-04", "text_file": "s.txt"}],
        "statements": [
            {"id": "s/a", "source": "s", "quote": "Police beat detainees.", "speaker": "P", "speaker_kind": "ngo", "topics": ["beatings"]},
            {"id": "s/b", "source": "s", "quote": "The ministry denied it.", "speaker": "Ministry", "speaker_kind": "government", "date": "2024-05-01"}
        ],
        "relations": [{"from": "s/b", "to": "s/a", "kind": "contradicts", "note": "n"}]
    })
}

struct Texts;
impl source::SourceTexts for Texts {
    fn read(&mut self, path: &str) -> Result<String, String> {
        match path {
            "s.txt" => Ok("Police  beat\n detainees. The ministry denied it.".into()),
            other => Err(format!("no such file {other}")),
        }
    }
}

fn errors_of(bundle: &Value) -> Vec<(ErrorKind, String)> {
    match source::parse(&bundle.to_string(), "b.json", Some(&mut Texts)) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.errors().iter().map(|e| (e.kind(), e.to_string())).collect(),
    }
}

#[test]
fn the_valid_bundle_verifies() {
    assert_eq!(errors_of(&valid()), Vec::new());
}

/// Each case breaks one thing; the error must have the kind and name the item and
/// field, so the message alone is enough to fix the file.
#[test]
fn every_verify_error_names_file_item_and_field() {
    type Mutation = fn(&mut Value);
    let cases: &[(&str, Mutation, ErrorKind, &str)] = &[
        ("unknown root field", |b| b["extra"] = json!(1), ErrorKind::UnknownField, "b.json: field \"extra\""),
        ("unknown statement field", |b| b["statements"][0]["colour"] = json!("red"), ErrorKind::UnknownField, "statement \"s/a\": field \"colour\""),
        ("unknown source field", |b| b["sources"][0]["author"] = json!("x"), ErrorKind::UnknownField, "source \"s\": field \"author\""),
        ("unknown relation field", |b| b["relations"][0]["weight"] = json!(2), ErrorKind::UnknownField, "relation #1: field \"weight\""),
        (
            "missing quote",
            |b| {
                b["statements"][0].as_object_mut().unwrap().remove("quote");
            },
            ErrorKind::MissingField,
            "statement \"s/a\": field \"quote\"",
        ),
        (
            "missing title",
            |b| {
                b.as_object_mut().unwrap().remove("title");
            },
            ErrorKind::MissingField,
            "field \"title\"",
        ),
        ("duplicate statement id", |b| b["statements"][1]["id"] = json!("s/a"), ErrorKind::DuplicateId, "statement \"s/a\": field \"id\""),
        (
            "duplicate source id",
            |b| {
                let s = b["sources"][0].clone();
                b["sources"].as_array_mut().unwrap().push(s);
            },
            ErrorKind::DuplicateId,
            "source \"s\": field \"id\"",
        ),
        ("dangling source", |b| b["statements"][0]["source"] = json!("nope"), ErrorKind::DanglingReference, "statement \"s/a\": field \"source\": no source has id \"nope\""),
        ("dangling relation", |b| b["relations"][0]["to"] = json!("s/zzz"), ErrorKind::DanglingReference, "relation #1: field \"to\": no statement has id \"s/zzz\""),
        ("bad date", |b| b["statements"][1]["date"] = json!("2024-13-01"), ErrorKind::InvalidValue, "statement \"s/b\": field \"date\": invalid date"),
        ("bad published", |b| b["sources"][0]["published"] = json!("April 2024"), ErrorKind::InvalidValue, "source \"s\": field \"published\""),
        ("bad kind", |b| b["sources"][0]["kind"] = json!("blog"), ErrorKind::InvalidValue, "source \"s\": field \"kind\": unknown kind \"blog\""),
        ("bad speaker kind", |b| b["statements"][0]["speaker_kind"] = json!("NGO"), ErrorKind::InvalidValue, "statement \"s/a\": field \"speaker_kind\""),
        ("javascript url", |b| b["sources"][0]["url"] = json!("javascript:alert(1)"), ErrorKind::InvalidValue, "source \"s\": field \"url\""),
        ("data url", |b| b["sources"][0]["url"] = json!("data:text/html,hi"), ErrorKind::InvalidValue, "source \"s\": field \"url\""),
        ("relative url", |b| b["sources"][0]["url"] = json!("/news/1"), ErrorKind::InvalidValue, "source \"s\": field \"url\""),
        (
            "quote not in text",
            |b| b["statements"][0]["quote"] = json!("Police freed detainees."),
            ErrorKind::QuoteNotInSource,
            "statement \"s/a\": field \"quote\": not found verbatim in source text s.txt",
        ),
        ("unreadable text", |b| b["sources"][0]["text_file"] = json!("missing.txt"), ErrorKind::SourceText, "source \"s\": field \"text_file\": cannot read missing.txt"),
        ("text file outside", |b| b["sources"][0]["text_file"] = json!("../etc/passwd"), ErrorKind::InvalidValue, "source \"s\": field \"text_file\""),
        ("wrong format", |b| b["format"] = json!("claimcheck-bundle/3"), ErrorKind::InvalidValue, "field \"format\": unsupported format"),
        ("wrong type", |b| b["statements"][0]["topics"] = json!("beatings"), ErrorKind::Syntax, "statement \"s/a\": field \"topics\": expected an array"),
        ("empty quote", |b| b["statements"][0]["quote"] = json!("  "), ErrorKind::InvalidValue, "statement \"s/a\": field \"quote\": must not be empty"),
        ("oversize quote", |b| b["statements"][0]["quote"] = json!("x".repeat(5000)), ErrorKind::TooLarge, "statement \"s/a\": field \"quote\": is 5000 bytes"),
        ("bad relation kind", |b| b["relations"][0]["kind"] = json!("refutes"), ErrorKind::InvalidValue, "relation #1: field \"kind\""),
        ("self relation", |b| b["relations"][0]["to"] = json!("s/b"), ErrorKind::InvalidValue, "relation #1: field \"to\": a statement cannot be related to itself"),
        ("id with space", |b| b["statements"][0]["id"] = json!("s a"), ErrorKind::InvalidValue, "field \"id\": must not contain spaces"),
    ];
    for (name, mutate, kind, expected) in cases {
        let mut bundle = valid();
        mutate(&mut bundle);
        let errors = errors_of(&bundle);
        assert!(
            errors.iter().any(|(k, message)| k == kind && message.starts_with("b.json") && message.contains(expected)),
            "{name}: expected a {kind:?} error containing {expected:?}, got {errors:#?}"
        );
    }
}

#[test]
fn not_json_and_not_utf8_are_clear_errors() {
    let error = source::parse("{\"format\": ", "broken.json", None).unwrap_err().to_string();
    assert!(error.starts_with("broken.json: not valid JSON"), "{error}");
    let error = Checker::from_bytes(&[0xff, 0xfe, b'{'], "latin1.json", None).err().expect("rejected").to_string();
    assert!(error.contains("latin1.json") && error.contains("not UTF-8"), "{error}");
}

#[test]
fn deep_nesting_is_a_clear_error_not_a_stack_overflow() {
    let deep = format!("{{\"format\": {}{}}}", "[".repeat(100_000), "]".repeat(100_000));
    let error = source::parse(&deep, "deep.json", None).unwrap_err().to_string();
    // Read without recursion: a nested value where a string belongs is skipped and named.
    assert!(error.starts_with("deep.json: field \"format\": expected a string, found an array"), "{error}");
}

#[test]
fn every_error_is_reported_not_just_the_first() {
    let mut bundle = valid();
    bundle["statements"][0]["speaker_kind"] = json!("blog");
    bundle["sources"][0]["url"] = json!("ftp://example.org");
    assert!(errors_of(&bundle).len() >= 2);
}

#[test]
fn compiled_round_trip_of_the_default_bundle() {
    let dir = repo().join("bundles/default");
    let bundle = source::parse(&read(&dir.join("bundle.json")), "bundle.json", Some(&mut FolderTexts(dir.clone()))).expect("default bundle verifies");
    let index = Index::build(&bundle);
    let bytes = compiled::encode(&bundle, &index);
    let (decoded, decoded_index) = compiled::decode(&bytes, "default.ccb").expect("decodes");
    assert_eq!(decoded, bundle);
    assert_eq!(decoded_index, index);
    assert_eq!(compiled::encode(&decoded, &decoded_index), bytes, "deterministic");
}

#[test]
fn committed_default_bundle_is_up_to_date() {
    let dir = repo().join("bundles/default");
    let checker = Checker::from_bytes(read(&dir.join("bundle.json")).as_bytes(), "bundle.json", Some(&mut FolderTexts(dir))).expect("verifies");
    let committed = std::fs::read(repo().join("bundles/default.ccb")).expect("bundles/default.ccb exists");
    assert!(checker.compile() == committed, "bundles/default.ccb is stale: run `make bundle` (claimcheck bundle build bundles/default/bundle.json -o bundles/default.ccb)");
}

#[test]
fn default_bundle_has_what_the_issue_asks_for() {
    let checker = Checker::embedded().expect("embedded bundle decodes");
    let b = checker.bundle();
    assert_eq!(b.sources.len(), 5);
    assert!(b.statements.len() >= 120, "{} statements", b.statements.len());
    assert!(b.statements.iter().any(|s| s.speaker_kind == claimcheck::bundle::Kind::Government && s.speaker.contains("Interior Ministry")));
    assert!(!b.relations.is_empty());
    let turan = b.sources.iter().find(|s| s.id.starts_with("turan")).expect("TURAN source");
    assert_eq!(turan.published.map(|d| d.to_string()).unwrap_or_default(), "2024-04", "month precision is kept");
}
