//! Hostile bundles (issue 12): crafted compiled bundles, verifier rules shared by both
//! forms, hostile source texts, memory amplification. One test per problem, named after
//! what broke; each failed before its fix.

mod common;

use std::process::{Command, Output};

use claimcheck::bundle::{compiled, ErrorKind};
use claimcheck::Checker;
use common::repo;

/// A compiled bundle around `payload`, with a valid header and checksum: only the
/// decoder's own checks stand between these bytes and the allocator.
fn craft(payload: &[u8]) -> Vec<u8> {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in payload {
        hash ^= u64::from(b);
        hash = hash.wrapping_mul(0x0100_0000_01b3);
    }
    let mut out = compiled::MAGIC.to_vec();
    out.extend_from_slice(&compiled::FORMAT_VERSION.to_le_bytes());
    out.extend_from_slice(&claimcheck::analysis::ANALYZER_VERSION.to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    out.extend_from_slice(&hash.to_le_bytes());
    out.extend_from_slice(payload);
    out
}

fn varint(out: &mut Vec<u8>, mut v: u64) {
    loop {
        let byte = (v & 0x7f) as u8;
        v >>= 7;
        if v == 0 {
            out.push(byte);
            return;
        }
        out.push(byte | 0x80);
    }
}

/// Title "T", language "en", no sources, then `statements` as the statement count and
/// `filler` zero bytes.
fn statements_then_zeros(statements: u64, filler: usize) -> Vec<u8> {
    let mut payload = vec![1, b'T', 2, b'e', b'n', 0];
    varint(&mut payload, statements);
    payload.resize(payload.len() + filler, 0);
    craft(&payload)
}

fn decode_error(bytes: &[u8]) -> (ErrorKind, String) {
    let errors = Checker::from_bytes(bytes, "crafted.ccb", None).err().expect("rejected");
    let first = &errors.errors()[0];
    (first.kind(), errors.to_string())
}

fn claimcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck")).args(args).current_dir(repo()).output().expect("runs")
}

fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimcheck-hostile-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn a_statement_count_over_the_limit_is_named_before_allocating() {
    let (kind, message) = decode_error(&statements_then_zeros(5_000_000, 6_000_000));
    assert_eq!(kind, ErrorKind::TooLarge, "{message}");
    assert!(message.starts_with("crafted.ccb: ") && message.contains("5000000 statements; the limit is 1000000"), "{message}");
}

#[test]
fn a_count_the_remaining_bytes_cannot_hold_is_named() {
    // 900,000 statements fit the limit, and today's check (one byte each) let them
    // through; a statement takes at least 10 bytes, so 1 MB cannot hold them.
    let (kind, message) = decode_error(&statements_then_zeros(900_000, 1_000_000));
    assert_eq!(kind, ErrorKind::Compiled, "{message}");
    assert!(message.contains("900000 statements cannot fit in the 1000000 bytes left (each takes at least 10)"), "{message}");
}

#[test]
fn index_term_and_posting_counts_are_bounded() {
    // No sources, statements, relations or reviews; then a term count the bytes cannot hold.
    let mut payload = vec![1, b'T', 2, b'e', b'n', 0, 0, 0, 0];
    varint(&mut payload, 100_000);
    payload.resize(payload.len() + 100_000, 0);
    let (_, message) = decode_error(&craft(&payload));
    assert!(message.contains("100000 terms cannot fit"), "{message}");
    // One term with more postings than there are statements (none).
    let mut payload = vec![1, b'T', 2, b'e', b'n', 0, 0, 0, 0, 1, 1, b'x', 0];
    varint(&mut payload, 50_000);
    payload.resize(payload.len() + 200_000, 0);
    let (kind, message) = decode_error(&craft(&payload));
    assert_eq!(kind, ErrorKind::TooLarge, "{message}");
    assert!(message.contains("50000 postings; the limit is 0"), "{message}");
}

/// The issue's abort: `Vec::with_capacity(count)` with a count the file's bytes allowed
/// made `bundle verify` die with "memory allocation of ... bytes failed" (SIGABRT). Here
/// a 12 MB file under a 1 GB address-space limit: the process must exit 1 with a named
/// error, not be killed by a signal.
#[test]
fn bundle_verify_of_a_crafted_count_exits_with_an_error_not_an_abort() {
    let dir = scratch("count");
    let path = dir.join("crafted.ccb");
    std::fs::write(&path, statements_then_zeros(12_000_000, 12_000_000)).expect("write");
    let script = format!("ulimit -v 1000000; exec \"{}\" bundle verify \"{}\"", env!("CARGO_BIN_EXE_claimcheck"), path.display());
    let output = Command::new("sh").arg("-c").arg(&script).output().expect("runs");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "killed or crashed: {:?} {stderr}", output.status);
    assert!(stderr.contains("crafted.ccb") && stderr.contains("12000000 statements; the limit is 1000000"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_default_bundle_still_decodes() {
    let bytes = std::fs::read(repo().join("bundles/default.ccb")).expect("default.ccb");
    assert!(Checker::from_bytes(&bytes, "default.ccb", None).is_ok());
    let verify = claimcheck(&["bundle", "verify", "bundles/default.ccb"]);
    assert!(verify.status.success(), "{}", String::from_utf8_lossy(&verify.stderr));
}

// ---- One set of verifier rules for both forms (issue 12, item 2) ----

const VALID: &str = r#"{"format":"claimcheck-bundle/1","title":"T","language":"en",
  "sources":[{"id":"s","publisher":"P","kind":"ngo","title":"Title","url":"https://example.org/a","published":"2024-04"},
             {"id":"t","publisher":"Q","kind":"news","title":"Other"}],
  "statements":[{"id":"s/a","source":"s","quote":"Police beat detainees.","speaker":"P","speaker_kind":"ngo","topics":["beatings"]},
                {"id":"s/b","source":"s","quote":"The ministry denied it.","speaker":"Ministry","speaker_kind":"government"}],
  "relations":[{"from":"s/b","to":"s/a","kind":"contradicts","note":"n"}]}"#;

fn json_errors(json: &serde_json::Value) -> Vec<String> {
    match claimcheck::bundle::source::parse(&json.to_string(), "b.json", None) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.errors().iter().map(|e| e.to_string()).collect(),
    }
}

/// The compiled form of a bundle that never went through the verifier (the encoder
/// writes whatever it is given, as a hostile tool would).
fn compiled_errors(bundle: &claimcheck::bundle::Bundle) -> Vec<String> {
    let index = claimcheck::index::Index::build(bundle);
    let bytes = compiled::encode(bundle, &index);
    match Checker::from_bytes(&bytes, "b.json", None) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.errors().iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn the_compiled_form_gets_the_same_named_errors_as_the_json_source() {
    use claimcheck::bundle::{Bundle, Relation, RelationKind};
    type JsonMutation = fn(&mut serde_json::Value);
    type ModelMutation = fn(&mut Bundle);
    let cases: &[(&str, JsonMutation, ModelMutation, &str)] = &[
        (
            "javascript url",
            |j| j["sources"][0]["url"] = "javascript:alert(document.domain)".into(),
            |b| b.sources[0].url = Some("javascript:alert(document.domain)".into()),
            "b.json: source \"s\": field \"url\": \"javascript:alert(document.domain)\" is not an absolute http or https URL",
        ),
        ("id with a space", |j| j["statements"][0]["id"] = "s a".into(), |b| b.statements[0].id = "s a".into(), "statement \"s a\": field \"id\": must not contain spaces"),
        ("id with a control character", |j| j["sources"][1]["id"] = "t\u{7}".into(), |b| b.sources[1].id = "t\u{7}".into(), "source \"t\\u{7}\": field \"id\": must not contain"),
        (
            "duplicate statement ids",
            |j| j["statements"][1]["id"] = "s/a".into(),
            |b| b.statements[1].id = "s/a".into(),
            "statement \"s/a\": field \"id\": id is used by another statement",
        ),
        ("duplicate source ids", |j| j["sources"][1]["id"] = "s".into(), |b| b.sources[1].id = "s".into(), "source \"s\": field \"id\": id is used by another source"),
        ("empty publisher", |j| j["sources"][0]["publisher"] = " ".into(), |b| b.sources[0].publisher = " ".into(), "source \"s\": field \"publisher\": must not be empty"),
        (
            "5 MB quote",
            |j| j["statements"][0]["quote"] = "x".repeat(5_000_000).into(),
            |b| b.statements[0].quote = "x".repeat(5_000_000),
            "statement \"s/a\": field \"quote\": is 5000000 bytes; the limit is 4000",
        ),
        (
            "2,000-byte topic",
            |j| j["statements"][0]["topics"][0] = "torture ".repeat(250).into(),
            |b| b.statements[0].topics[0] = "torture ".repeat(250),
            "statement \"s/a\": field \"topics\": is 2000 bytes; the limit is 200",
        ),
        ("empty topic", |j| j["statements"][0]["topics"][0] = "".into(), |b| b.statements[0].topics[0] = String::new(), "statement \"s/a\": field \"topics\": must not be empty"),
        (
            "40 topics",
            |j| j["statements"][0]["topics"] = (0..40).map(|i| format!("t{i}")).collect::<Vec<_>>().into(),
            |b| b.statements[0].topics = (0..40).map(|i| format!("t{i}")).collect(),
            "statement \"s/a\": field \"topics\": 40 topics; the limit is 32",
        ),
        (
            "text file outside",
            |j| j["sources"][1]["text_file"] = "../etc/passwd".into(),
            |b| b.sources[1].text_file = Some("../etc/passwd".into()),
            "source \"t\": field \"text_file\": must be a path inside",
        ),
        ("empty note", |j| j["relations"][0]["note"] = "".into(), |b| b.relations[0].note = Some(String::new()), "relation #1: field \"note\": must not be empty"),
        ("self relation", |j| j["relations"][0]["to"] = "s/b".into(), |b| b.relations[0].to = 1, "relation #1: field \"to\": a statement cannot be related to itself"),
        (
            "pair related twice",
            |j| {
                let r = j["relations"][0].clone();
                j["relations"].as_array_mut().unwrap().push(r);
            },
            |b| b.relations.push(Relation { from: 1, to: 0, kind: RelationKind::Supports, note: None }),
            "relation #2: the same pair of statements is related twice",
        ),
        ("empty title", |j| j["title"] = "\t".into(), |b| b.title = "\t".into(), "b.json: field \"title\": must not be empty"),
    ];
    let valid_json: serde_json::Value = serde_json::from_str(VALID).unwrap();
    let valid = claimcheck::bundle::source::parse(VALID, "b.json", None).expect("valid");
    assert!(compiled_errors(&valid).is_empty());
    for (name, json_mutation, model_mutation, expected) in cases {
        let mut json = valid_json.clone();
        json_mutation(&mut json);
        let from_json = json_errors(&json);
        let mut bundle = valid.clone();
        model_mutation(&mut bundle);
        let from_compiled = compiled_errors(&bundle);
        assert!(from_json.iter().any(|e| e.contains(expected)), "{name}: JSON path: expected {expected:?} in {from_json:#?}");
        // The same errors, word for word; the JSON form may add a reference to the id it
        // changed, which the compiled form holds as an index.
        assert!(from_compiled.iter().any(|e| e.contains(expected)), "{name}: compiled form: expected {expected:?} in {from_compiled:#?}");
        assert!(from_compiled.iter().all(|e| from_json.contains(e)), "{name}: compiled {from_compiled:#?} but JSON {from_json:#?}");
    }
}

// ---- JSON memory amplification (issue 12, item 3) ----

/// `bundle verify` on `json` under an address-space limit of `limit_kb`.
fn verify_within(json: &str, name: &str, limit_kb: usize) -> (Option<i32>, String, String) {
    let dir = scratch(name);
    let path = dir.join(format!("{name}.json"));
    std::fs::write(&path, json).expect("write");
    let script = format!("ulimit -v {limit_kb}; exec \"{}\" bundle verify \"{}\"", env!("CARGO_BIN_EXE_claimcheck"), path.display());
    // Indexing analyses statements on every core, and glibc reserves 64 MB of address
    // space for each thread's own heap (memory it never touches): one heap for all
    // threads keeps this measuring the memory the bundle takes.
    let output = Command::new("sh").arg("-c").arg(&script).env("MALLOC_ARENA_MAX", "1").output().expect("runs");
    let _ = std::fs::remove_dir_all(&dir);
    (output.status.code(), String::from_utf8_lossy(&output.stdout).into_owned(), String::from_utf8_lossy(&output.stderr).into_owned())
}

/// 16 MB of `{"a":0}` items reached 1.39 GB (87 times its size) when a whole
/// `serde_json::Value` tree was built before any rule applied. Now it must be refused,
/// with named errors, within 10 times its size of address space (the binary included).
#[test]
fn sixteen_megabytes_of_tiny_items_are_refused_within_ten_times_their_size() {
    let n = 16 * 1024 * 1024 / 8;
    let json = format!("{{\"statements\":[{}]}}", vec!["{\"a\":0}"; n].join(","));
    let (code, _, stderr) = verify_within(&json, "tiny-items", 160_000);
    assert_eq!(code, Some(1), "killed or crashed: {stderr}");
    assert!(stderr.contains("statement #1: field \"a\": unknown field"), "{stderr}");
    assert!(stderr.contains("more errors not shown: verification stopped after 100"), "{stderr}");
}

#[test]
fn a_real_sixteen_megabyte_bundle_verifies_within_ten_times_its_size() {
    let statement = |i: usize| {
        format!(
            r#"{{"id":"s/{i}","source":"s","quote":"Police arrested {i} people, including opposition leaders and journalists, after the election in the capital.","speaker":"Human Rights Watch","speaker_kind":"ngo","topics":["arrests","election"]}}"#
        )
    };
    let statements: Vec<String> = (0..16 * 1024 * 1024 / 220).map(statement).collect();
    let json = format!(
        r#"{{"format":"claimcheck-bundle/1","title":"T","language":"en","sources":[{{"id":"s","publisher":"P","kind":"ngo","title":"T"}}],"statements":[{}]}}"#,
        statements.join(",")
    );
    let (code, stdout, stderr) = verify_within(&json, "real", 160_000);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("ok — 1 sources, 76260 statements"), "{stdout}");
}

#[test]
fn a_bundle_of_tiny_fields_that_would_blow_up_in_memory_is_refused_by_name() {
    let topics: Vec<String> = (0..32).map(|k| format!("\"{}\"", char::from(b'a' + k % 26).to_string().repeat(1 + usize::from(k / 26)))).collect();
    let statement = |i: usize| format!(r#"{{"id":"{i}","source":"s","quote":"q","speaker":"p","speaker_kind":"ngo","topics":[{}]}}"#, topics.join(","));
    let statements: Vec<String> = (0..20_000).map(statement).collect();
    let json = format!(
        r#"{{"format":"claimcheck-bundle/1","title":"T","language":"en","sources":[{{"id":"s","publisher":"P","kind":"ngo","title":"T"}}],"statements":[{}]}}"#,
        statements.join(",")
    );
    let errors = claimcheck::bundle::source::parse(&json, "topics.json", None).expect_err("refused").to_string();
    assert!(errors.contains("topics.json: the bundle would take more than 4 times its size in memory"), "{errors}");
}

// ---- Smaller JSON matters (issue 12, item 12) ----

#[test]
fn a_field_given_twice_is_an_error_not_last_wins() {
    let json = VALID.replacen(r#""url":"https://example.org/a""#, r#""url":"https://example.org/a","url":"javascript:alert(1)""#, 1);
    let errors = claimcheck::bundle::source::parse(&json, "dup.json", None).expect_err("refused").to_string();
    assert!(errors.contains("dup.json: source \"s\": field \"url\": given twice in one object"), "{errors}");
    // A second "statements" array is not read at all (it would add statements).
    let json = VALID.replacen(r#""relations":"#, r#""statements":[],"relations":"#, 1);
    let errors = claimcheck::bundle::source::parse(&json, "dup.json", None).expect_err("refused").to_string();
    assert!(errors.contains("dup.json: field \"statements\": given twice"), "{errors}");
}

#[test]
fn a_byte_order_mark_is_accepted() {
    let with_bom = format!("\u{feff}{VALID}");
    assert!(claimcheck::bundle::source::parse(&with_bom, "bom.json", None).is_ok());
    assert!(Checker::from_bytes(with_bom.as_bytes(), "bom.json", None).is_ok());
}

// ---- Hostile source texts (issue 12, item 4) ----

/// `claimcheck bundle verify`, killed after `seconds`: `None` when it had to be.
fn verify_with_timeout(path: &std::path::Path, seconds: u64) -> Option<(Option<i32>, String)> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .args(["bundle", "verify", path.to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("runs");
    let start = std::time::Instant::now();
    loop {
        if let Some(status) = child.try_wait().expect("waits") {
            let mut stderr = String::new();
            std::io::Read::read_to_string(child.stderr.as_mut().unwrap(), &mut stderr).expect("stderr");
            return Some((status.code(), stderr));
        }
        if start.elapsed() > std::time::Duration::from_secs(seconds) {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// A bundle in `dir` whose one source reads `text_file` and quotes `quote`.
fn bundle_with_text(dir: &std::path::Path, text_file: &str, quote: &str) -> std::path::PathBuf {
    let json = serde_json::json!({
        "format": "claimcheck-bundle/1", "title": "T", "language": "en",
        "sources": [{"id": "s", "publisher": "P", "kind": "ngo", "title": "T", "text_file": text_file}],
        "statements": [{"id": "s/a", "source": "s", "quote": quote, "speaker": "P", "speaker_kind": "ngo"}],
    });
    let path = dir.join("bundle.json");
    std::fs::write(&path, json.to_string()).expect("write");
    path
}

#[test]
fn a_text_file_linked_to_dev_zero_is_refused_not_read_forever() {
    let dir = scratch("zero");
    std::os::unix::fs::symlink("/dev/zero", dir.join("zero.txt")).expect("symlink");
    let bundle = bundle_with_text(&dir, "zero.txt", "anything");
    let (code, stderr) = verify_with_timeout(&bundle, 20).expect("finished instead of reading /dev/zero forever");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("source \"s\": field \"text_file\": cannot read zero.txt: it resolves to /dev/zero, outside the bundle's folder"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_text_file_that_is_a_fifo_is_refused_not_waited_on() {
    let dir = scratch("fifo");
    let made = Command::new("mkfifo").arg(dir.join("pipe.txt")).status().expect("mkfifo runs");
    assert!(made.success());
    let bundle = bundle_with_text(&dir, "pipe.txt", "anything");
    let (code, stderr) = verify_with_timeout(&bundle, 20).expect("finished instead of blocking on the FIFO");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("field \"text_file\": cannot read pipe.txt: it is a FIFO, not a regular file"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A link to /etc/passwd with a quote taken from it verified "ok": an oracle on the
/// files of whoever runs `bundle verify` on a bundle from elsewhere.
#[test]
fn a_text_file_linked_outside_the_folder_is_no_oracle_on_local_files() {
    let dir = scratch("passwd");
    std::os::unix::fs::symlink("/etc/passwd", dir.join("notes.txt")).expect("symlink");
    let bundle = bundle_with_text(&dir, "notes.txt", "root:x:0:0");
    let (code, stderr) = verify_with_timeout(&bundle, 20).expect("finishes");
    assert_eq!(code, Some(1), "{stderr}");
    assert!(stderr.contains("cannot read notes.txt: it resolves to /etc/passwd, outside the bundle's folder"), "{stderr}");
    // A link that stays inside the folder is fine.
    std::fs::create_dir_all(dir.join("texts")).unwrap();
    std::fs::write(dir.join("texts/real.txt"), "Police beat detainees.").unwrap();
    std::os::unix::fs::symlink("texts/real.txt", dir.join("inside.txt")).expect("symlink");
    let bundle = bundle_with_text(&dir, "inside.txt", "Police beat detainees.");
    let (code, stderr) = verify_with_timeout(&bundle, 20).expect("finishes");
    assert_eq!(code, Some(0), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_text_file_over_the_size_limit_is_refused() {
    let dir = scratch("big");
    std::fs::write(dir.join("big.txt"), "word ".repeat(3_400_000)).unwrap();
    let bundle = bundle_with_text(&dir, "big.txt", "word");
    let (code, stderr) = verify_with_timeout(&bundle, 60).expect("finishes");
    assert_eq!(code, Some(1));
    assert!(stderr.contains("cannot read big.txt: it is 17000000 bytes; the limit is 16777216"), "{stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Counts reads: the I/O boundary the core asks through, not a stand-in for the core.
struct CountingTexts {
    text: String,
    reads: usize,
}

impl claimcheck::bundle::source::SourceTexts for CountingTexts {
    fn read(&mut self, _path: &str) -> Result<String, String> {
        self.reads += 1;
        Ok(self.text.clone())
    }
}

#[test]
fn a_text_named_by_many_sources_is_read_once() {
    let sources: Vec<serde_json::Value> = (0..200)
        .map(|i| serde_json::json!({"id": format!("s{i}"), "publisher": "P", "kind": "ngo", "title": "T", "text_file": if i % 2 == 0 { "a.txt" } else { "./a.txt" }}))
        .collect();
    let statements: Vec<serde_json::Value> =
        (0..200).map(|i| serde_json::json!({"id": format!("s{i}/q"), "source": format!("s{i}"), "quote": "beat detainees", "speaker": "P", "speaker_kind": "ngo"})).collect();
    let json = serde_json::json!({"format": "claimcheck-bundle/1", "title": "T", "language": "en", "sources": sources, "statements": statements});
    let mut texts = CountingTexts { text: "Police beat detainees. ".repeat(200_000), reads: 0 };
    claimcheck::bundle::source::parse(&json.to_string(), "many.json", Some(&mut texts)).expect("verifies");
    assert_eq!(texts.reads, 1);
}

/// 2,000 quotes against a 10 MB text took 19.6 s, one search per quote. One pass of an
/// Aho–Corasick automaton takes a fraction of a second; the bound leaves room for a busy
/// machine and still fails the quadratic search.
#[test]
fn quote_search_is_linear_in_the_text() {
    let quotes: Vec<String> = (0..2_000).map(|i| format!("the ministry denied report number {i} entirely")).collect();
    let statements: Vec<serde_json::Value> =
        quotes.iter().enumerate().map(|(i, quote)| serde_json::json!({"id": format!("s/{i}"), "source": "s", "quote": quote, "speaker": "P", "speaker_kind": "ngo"})).collect();
    let json = serde_json::json!({"format": "claimcheck-bundle/1", "title": "T", "language": "en",
        "sources": [{"id": "s", "publisher": "P", "kind": "ngo", "title": "T", "text_file": "s.txt"}], "statements": statements});
    let text = format!("{} the ministry denied report number 1999 entirely.", "the ministry denied report number x entirely. ".repeat(220_000));
    let mut texts = CountingTexts { text, reads: 0 };
    let start = std::time::Instant::now();
    let errors = claimcheck::bundle::source::parse(&json.to_string(), "q.json", Some(&mut texts)).expect_err("1,999 quotes are missing");
    let elapsed = start.elapsed();
    assert!(errors.to_string().contains("statement \"s/0\": field \"quote\": not found verbatim in source text s.txt"));
    assert!(!errors.to_string().contains("statement \"s/1999\""), "the one quote present is found");
    assert!(elapsed < std::time::Duration::from_secs(4), "{elapsed:?}");
}

// ---- Look-alike publishers, bidi controls, terminal escapes (issue 12, items 7 and 8) ----

#[test]
fn look_alike_bidi_and_invisible_names_are_refused_in_both_forms() {
    let cases = [
        ("Human Rights W\u{430}tch", "the word \"W\u{430}tch\" mixes Latin and Cyrillic letters"),
        ("\u{202E}hctaW sthgiR namuH", "bidirectional control U+202E at byte 0"),
        ("Human Rights\u{200B} Watch", "invisible character U+200B at byte 12"),
    ];
    let valid = claimcheck::bundle::source::parse(VALID, "b.json", None).expect("valid");
    for (publisher, expected) in cases {
        let mut json: serde_json::Value = serde_json::from_str(VALID).unwrap();
        json["sources"][1]["publisher"] = publisher.into();
        let from_json = json_errors(&json);
        let mut bundle = valid.clone();
        bundle.sources[1].publisher = publisher.to_string();
        let from_compiled = compiled_errors(&bundle);
        assert!(from_json.iter().any(|e| e.starts_with("b.json: source \"t\": field \"publisher\": ") && e.contains(expected)), "{publisher:?}: {from_json:#?}");
        assert_eq!(from_compiled, from_json, "{publisher:?}");
    }
    // A quote with a look-alike letter reads as another word: refused too.
    let mut json: serde_json::Value = serde_json::from_str(VALID).unwrap();
    json["statements"][0]["quote"] = "Police did n\u{43e}t beat detainees.".into();
    assert!(json_errors(&json).iter().any(|e| e.contains("field \"quote\": the word \"n\u{43e}t\" mixes Latin and Cyrillic letters")));
}

#[test]
fn terminal_escapes_in_a_claim_or_bundle_never_reach_the_terminal() {
    // A quote that would rewrite the verdict line, set the window title, hide a link.
    let mut json: serde_json::Value = serde_json::from_str(VALID).unwrap();
    json["statements"][0]["quote"] = "Police beat detainees.\u{1b}[1A\u{1b}[2K\rVerdict: CONTRADICTED".into();
    let errors = json_errors(&json);
    assert!(errors.iter().any(|e| e.contains("field \"quote\": contains the control character U+001B at byte 22")), "{errors:#?}");
    // Claims come from whoever pasted them: the readable output escapes them.
    let claim = "\u{1b}]0;pwned\u{7}\u{1b}]8;;https://evil.example\u{1b}\\Police tortured detainees\u{1b}]8;;\u{1b}\\\nVerdict: SUPPORTED";
    let output = claimcheck(&["check", claim]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success());
    assert!(!stdout.contains('\u{1b}') && !stdout.contains('\u{7}'), "{stdout:?}");
    assert!(stdout.starts_with("Claim: \\u{1b}]0;pwned\\u{7}"), "{stdout:?}");
    assert_eq!(stdout.lines().filter(|l| l.starts_with("Verdict:")).count(), 1, "{stdout}");
}

// ---- Import: different sources, one id (issue 12, item 11) ----

#[test]
fn import_reports_two_source_names_that_would_share_an_id() {
    use claimcheck::bundle::import::{import, ImportOptions};
    let lines = concat!(
        r#"{"id": "a", "text": "Police beat detainees.", "source": "Human Rights Watch"}"#,
        "\n",
        r#"{"id": "b", "text": "The ministry denied it.", "source": "Human_Rights_Watch"}"#,
        "\n"
    );
    let errors = import(lines, "corpus.jsonl", &ImportOptions::default(), &mut |_, _| {}).expect_err("refused").to_string();
    assert!(
        errors.contains(r#"corpus.jsonl: line 2: field "source": "Human_Rights_Watch" would get the id "Human_Rights_Watch", already given to "Human Rights Watch" on line 1"#),
        "{errors}"
    );
}
