//! The real `claimcheck` binary on real files.

mod common;

use std::io::Write;
use std::process::{Command, Output, Stdio};

use common::repo;
use serde_json::Value;

fn claimcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck")).args(args).current_dir(repo()).output().expect("runs")
}

fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn check_json(args: &[&str]) -> Value {
    let mut all = vec!["check", "--json"];
    all.extend_from_slice(args);
    let output = claimcheck(&all);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    assert_eq!(text.trim().lines().count(), 1, "exactly one JSON object on one line: {text}");
    serde_json::from_str(&text).expect("valid JSON")
}

#[test]
fn check_json_has_the_public_shape() {
    let result = check_json(&["The police in Azerbaijan do not torture anyone."]);
    for key in ["claim", "verdict", "confidence", "independent_sources", "notes", "evidence"] {
        assert!(result.get(key).is_some(), "missing {key}");
    }
    assert_eq!(result["verdict"], "contradicted");
    let confidence = result["confidence"].as_f64().unwrap();
    assert!((0.0..=1.0).contains(&confidence));
    assert!(result["independent_sources"].as_u64().unwrap() >= 2);
    let first = &result["evidence"][0];
    for key in ["id", "quote", "stance", "score", "reason", "speaker", "speaker_kind"] {
        assert!(first.get(key).is_some(), "evidence missing {key}");
    }
    for key in ["id", "publisher", "title", "url", "published", "kind"] {
        assert!(first["source"].get(key).is_some(), "source missing {key}");
    }
    assert!(first["source"]["url"].as_str().unwrap().starts_with("https://"));
}

#[test]
fn check_reads_a_long_claim_from_stdin() {
    // A pasted paragraph, longer than the cap: the claim sits among unrelated sentences.
    let filler = "The weather in the capital was mild that week and markets stayed open. ".repeat(20);
    let pasted = format!("{filler}Everyone detained after the October 2003 protests has been released. {}", filler.repeat(5));
    for args in [&["check", "--json"][..], &["check", "--json", "-"][..]] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck")).args(args).stdin(Stdio::piped()).stdout(Stdio::piped()).spawn().expect("spawns");
        child.stdin.take().unwrap().write_all(pasted.as_bytes()).unwrap();
        let output = child.wait_with_output().unwrap();
        let result: Value = serde_json::from_slice(&output.stdout).expect("JSON");
        let notes = result["notes"].as_array().unwrap();
        assert!(notes.iter().any(|n| n.as_str().unwrap().contains("only its first")), "the cap is reported: {notes:?}");
        assert!(notes.iter().any(|n| n.as_str().unwrap().contains("sentences")), "the choice of sentence is reported: {notes:?}");
        assert_eq!(result["claim"], "Everyone detained after the October 2003 protests has been released.");
        assert_eq!(result["verdict"], "contradicted", "the kept prefix is still judged");
    }
}

#[test]
fn misspelled_words_are_read_as_the_bundles_and_the_result_says_so() {
    let result = check_json(&["Azerbaijn holds politcal prisners."]);
    let readings: Vec<(String, String)> =
        result["readings"].as_array().unwrap().iter().map(|r| (r["written"].as_str().unwrap().to_string(), r["read_as"].as_str().unwrap().to_string())).collect();
    assert_eq!(readings, [("Azerbaijn".into(), "Azerbaijan".into()), ("politcal".into(), "political".into()), ("prisners".into(), "prisoners".into())]);
    let text = stdout(&claimcheck(&["check", "Azerbaijn holds politcal prisners."]));
    assert!(text.contains("Note: read \u{201C}politcal\u{201D} as \u{201C}political\u{201D}."), "{text}");
    assert_eq!(result["verdict"], check_json(&["Azerbaijan holds political prisoners."])["verdict"], "read as if spelt right");
    assert_eq!(check_json(&["Azerbaijan holds political prisoners."])["readings"].as_array().unwrap().len(), 0);
}

#[test]
fn a_claim_not_in_english_is_named_not_silently_unmatched() {
    let result = check_json(&["В Азербайджане нет политических заключённых."]);
    assert_eq!(result["language"]["code"], "rus");
    assert_eq!(result["verdict"], "no_evidence");
    let text = stdout(&claimcheck(&["check", "В Азербайджане нет политических заключённых."]));
    assert!(text.contains("Note: claimcheck reads English; this looks like Russian. Nothing was checked."), "{text}");
    assert!(check_json(&["Ilgar Mammadov was released by a court in Baku."])["language"].is_null());
}

#[test]
fn publishers_that_look_alike_count_as_one_source() {
    let source = |id: &str, publisher: &str| serde_json::json!({"id": id, "publisher": publisher, "kind": "ngo", "title": "Report", "url": "https://example.org/r", "published": "2021-06-01"});
    let statement = |id: &str, src: &str| serde_json::json!({"id": id, "source": src, "quote": "Police in Ruritania beat detainees at the Northern Prison.", "speaker": "Staff", "speaker_kind": "ngo"});
    let bundle = |second: &str| {
        serde_json::json!({"format": "claimcheck-bundle/1", "title": "Test", "language": "en",
            "sources": [source("a", "Human Rights Watch"), source("b", second)],
            "statements": [statement("s1", "a"), statement("s2", "b")]})
        .to_string()
    };
    let dir = scratch("look-alike-publishers");
    for (second, expected) in [("\u{FF28}uman Rights Watch", 1), ("Amnesty International", 2)] {
        let path = dir.join("bundle.json");
        std::fs::write(&path, bundle(second)).unwrap();
        let result = check_json(&["--bundle", path.to_str().unwrap(), "Police in Ruritania beat detainees at the Northern Prison."]);
        assert_eq!(result["verdict"], "supported");
        assert_eq!(result["independent_sources"], expected, "{second}");
    }
}

#[test]
fn an_output_in_a_missing_folder_is_named_and_nothing_is_written() {
    let dir = scratch("missing-output-folder");
    let out = dir.join("no-such-folder").join("out.ccb");
    let output = claimcheck(&["bundle", "build", "bundles/default/bundle.json", "-o", out.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains(&format!("{}: cannot write: the folder {} does not exist", out.display(), out.parent().unwrap().display())), "{}", stderr(&output));
    assert!(!out.parent().unwrap().exists());
}

#[test]
fn readable_output_shows_verdict_and_sources() {
    let output = claimcheck(&["check", "Azerbaijan's Interior Ministry denies that the torture photos were taken in the country."]);
    let text = stdout(&output);
    assert!(text.contains("Verdict: "), "{text}");
    assert!(text.contains("Note: This is a denial by Azerbaijan's Interior Ministry"), "{text}");
    assert!(text.contains("https://azeritimes.com/"), "{text}");
    assert!(text.contains("Why: "), "{text}");
}

#[test]
fn absence_is_no_evidence_never_false() {
    let result = check_json(&["The capital of Australia is Canberra."]);
    assert_eq!(result["verdict"], "no_evidence");
    assert_eq!(result["independent_sources"], 0);
}

#[test]
fn own_bundle_as_source_json_and_compiled() {
    let claim = "Guards did not beat detainees at the Northern Prison.";
    let from_json = check_json(&["--bundle", "tests/fixtures/tiny/bundle.json", claim]);
    assert_eq!(from_json["verdict"], "contradicted");
    assert_eq!(from_json["evidence"][0]["id"], "report/beatings");

    let dir = std::env::temp_dir().join(format!("claimcheck-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("tiny.ccb");
    let out_str = out.to_str().unwrap();
    let build = claimcheck(&["bundle", "build", "tests/fixtures/tiny/bundle.json", "-o", out_str]);
    assert!(build.status.success(), "{}", stderr(&build));
    let first = std::fs::read(&out).unwrap();
    assert!(claimcheck(&["bundle", "build", "tests/fixtures/tiny/bundle.json", "-o", out_str]).status.success());
    assert_eq!(std::fs::read(&out).unwrap(), first, "same input, same bytes");

    let from_compiled = check_json(&["--bundle", out_str, claim]);
    assert_eq!(from_compiled, from_json, "compiled and source bundles answer alike");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn bundle_verify_reports_ok_and_errors() {
    let ok = claimcheck(&["bundle", "verify", "bundles/default/bundle.json"]);
    assert!(ok.status.success(), "{}", stderr(&ok));
    assert!(stdout(&ok).contains("ok"), "{}", stdout(&ok));

    let dir = std::env::temp_dir().join(format!("claimcheck-verify-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(repo().join("tests/fixtures/tiny/report.txt"), dir.join("report.txt")).unwrap();
    let broken = common::read(&repo().join("tests/fixtures/tiny/bundle.json"))
        .replace("Guards beat detainees at the Northern Prison.", "Guards freed detainees at the Northern Prison.")
        .replace("https://news.example.org/ministry", "javascript:alert(1)");
    let path = dir.join("broken.json");
    std::fs::write(&path, broken).unwrap();
    let bad = claimcheck(&["bundle", "verify", path.to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    let message = stderr(&bad);
    assert!(message.contains("broken.json: statement \"report/beatings\": field \"quote\": not found verbatim in source text report.txt"), "{message}");
    assert!(message.contains("broken.json: source \"ministry\": field \"url\""), "{message}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn eval_prints_one_line_per_case_and_a_summary() {
    let output = claimcheck(&["eval", "tests/eval/dev.jsonl"]);
    assert!(output.status.success());
    let text = stdout(&output);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.iter().filter(|l| l.starts_with("PASS ") || l.starts_with("FAIL ")).count(), 30, "a line per case");
    assert!(lines.iter().any(|l| l.starts_with("false endorsements: ")), "{text}");
    assert!(lines.iter().any(|l| l.starts_with("calibration ")), "{text}");
    let summary = lines.last().unwrap();
    let passed: usize = summary.split(' ').next().unwrap().parse().expect("N passed, N failed");
    assert!(summary.ends_with(&format!("{} failed", 30 - passed)), "{summary}");
    // Floor measured after the meaning work of issue 9 (was 30 before it, with the same
    // claims; the four lost are true claims now answered "no evidence", not wrong verdicts).
    assert!(passed >= 26, "dev accuracy regressed: {summary}\n{text}");
}

/// The worst error claimcheck can make: "supported" for a claim whose accepted verdicts
/// do not include it. None on any of the project's sets.
#[test]
fn no_false_endorsements_on_any_project_set() {
    for file in ["tests/eval/dev.jsonl", "tests/eval/holdout.jsonl", "tests/eval/blind.jsonl", "tests/eval/blind2.jsonl"] {
        let text = stdout(&claimcheck(&["eval", file]));
        let line = text.lines().find(|l| l.starts_with("false endorsements: ")).unwrap_or_default();
        assert!(line.starts_with("false endorsements: 0 "), "{file}: {line}\n{text}");
    }
}

/// Claim sets written without looking at the engine. The floors guard against
/// regressions; they are not goals. Measured after the meaning work of issue 9, which
/// traded passes (true claims now answered "no evidence") for no false endorsements
/// (8 on these sets before it): see docs/accuracy-log.md.
// FIXME: the bar for unseen claims is 85%. First scores before any failure was
// inspected: blind 24/40, blind2 34/60, blind3 29/81 (see README, "How well it works").
#[test]
fn eval_on_independent_sets_stays_above_floors() {
    for (file, floor) in [("tests/eval/holdout.jsonl", 38), ("tests/eval/blind.jsonl", 26), ("tests/eval/blind2.jsonl", 31)] {
        let text = stdout(&claimcheck(&["eval", file]));
        let summary = text.lines().last().unwrap_or_default();
        let passed: usize = summary.split(' ').next().unwrap_or_default().parse().expect("N passed, N failed");
        assert!(passed >= floor, "{file}: accuracy regressed below {floor}: {summary}\n{text}");
    }
}

#[test]
fn eval_rejects_a_malformed_file_naming_the_line() {
    let dir = std::env::temp_dir().join(format!("claimcheck-eval-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("cases.jsonl");
    std::fs::write(&path, "{\"id\":\"a\",\"claim\":\"x\",\"verdict\":[\"supported\"],\"evidence\":[]}\n{\"id\":\"b\",\"claim\":\"y\",\"verdict\":[\"maybe\"]}\n").unwrap();
    let output = claimcheck(&["eval", path.to_str().unwrap()]);
    assert_eq!(output.status.code(), Some(1));
    let message = stderr(&output);
    assert!(message.contains("cases.jsonl:2") && message.contains("unknown verdict \"maybe\""), "{message}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_missing_bundle_file_is_a_clear_error() {
    let output = claimcheck(&["check", "--bundle", "no/such/bundle.json", "x"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).contains("no/such/bundle.json"), "{}", stderr(&output));
}

/// A fresh scratch folder for files a test writes.
fn scratch(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("claimcheck-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

#[test]
fn import_builds_a_bundle_that_checks_and_round_trips_through_json() {
    let dir = scratch("import");
    let compiled = dir.join("newsroom.ccb");
    let json = dir.join("newsroom.json");
    let output = claimcheck(&["bundle", "import", "tests/fixtures/import/newsroom.jsonl", "-o", compiled.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("5 statements from 4 sources"), "{}", stdout(&output));
    let output = claimcheck(&["bundle", "import", "tests/fixtures/import/newsroom.jsonl", "-o", json.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    // The JSON source form verifies, and both forms answer alike.
    let verify = claimcheck(&["bundle", "verify", json.to_str().unwrap()]);
    assert!(verify.status.success(), "{}", stderr(&verify));
    let claim = "An environmental review of the sea wall was carried out.";
    let from_compiled = check_json(&["--bundle", compiled.to_str().unwrap(), claim]);
    let from_json = check_json(&["--bundle", json.to_str().unwrap(), claim]);
    assert_eq!(from_compiled, from_json);
    assert_eq!(from_compiled["verdict"], "contradicted", "{from_compiled:#}");
    let court = from_compiled["evidence"].as_array().unwrap().iter().find(|e| e["id"] == "4").expect("numeric id kept as \"4\"");
    assert_eq!(court["source"]["publisher"], "Regional Court");
    assert_eq!(court["date"], "2022-11");
    // A source given no link or date has none, rather than an invented one.
    assert_eq!(court["source"]["url"], "");
    // Source fields given on one line hold for the source's other lines.
    let cost = check_json(&["--bundle", compiled.to_str().unwrap(), "The sea wall cost 40 million euros."]);
    let n2 = cost["evidence"].as_array().unwrap().iter().find(|e| e["id"] == "n2").expect("n2 found");
    assert_eq!(n2["source"]["url"], "https://example.org/gazette/sea-wall");
    assert_eq!(n2["speaker"], "Harbour Gazette");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_maps_another_source_field_and_eval_reads_labelled_claims() {
    let dir = scratch("wiki");
    let compiled = dir.join("wiki.ccb");
    // Without the mapping, the error says which flag to pass.
    let output = claimcheck(&["bundle", "import", "tests/fixtures/import/wiki-style.jsonl", "-o", compiled.to_str().unwrap()]);
    assert!(!output.status.success());
    assert!(stderr(&output).contains("wiki-style.jsonl: line 1: field \"article\": unknown field"), "{}", stderr(&output));
    assert!(stderr(&output).contains("pass --source-field article"), "{}", stderr(&output));
    let output =
        claimcheck(&["bundle", "import", "tests/fixtures/import/wiki-style.jsonl", "--source-field", "article", "--publisher", "Wikipedia", "-o", compiled.to_str().unwrap()]);
    // Units and symbols in other scripts ("10 μm", "δ18O") are text, not look-alikes.
    assert!(output.status.success(), "{}", stderr(&output));
    assert!(stdout(&output).contains("5 statements"), "{}", stdout(&output));

    let output = claimcheck(&["eval", "tests/fixtures/import/wiki-claims.jsonl", "--bundle", compiled.to_str().unwrap()]);
    assert!(output.status.success(), "{}", stderr(&output));
    let text = stdout(&output);
    // Gold ids with spaces match the imported ids ("Carbon dioxide:12" is "Carbon_dioxide:12").
    assert!(text.contains("PASS c1 label supported verdict supported gold@5"), "{text}");
    assert!(text.contains("PASS c3 label no_evidence verdict no_evidence\n"), "{text}");
    for line in ["claims: 3", "accuracy: 1.000", "macro-F1: ", "decisive-evidence recall@5: 1.000 (of 2 claims", "confusion (rows: label, columns: verdict):"] {
        assert!(text.contains(line), "missing {line:?} in {text}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn import_errors_name_the_line_and_field_and_write_nothing() {
    let dir = scratch("broken");
    let out = dir.join("broken.ccb");
    let output = claimcheck(&["bundle", "import", "tests/fixtures/import/broken.jsonl", "-o", out.to_str().unwrap()]);
    assert!(!output.status.success());
    let errors = stderr(&output);
    for expected in [
        "broken.jsonl: line 2: field \"publisher\": \"Q\" differs from \"P\" given for source \"S\" on line 1",
        "broken.jsonl: line 3: field \"url\": \"javascript:alert(1)\" is not an absolute http or https URL",
        "broken.jsonl: line 4: not valid JSON",
        "broken.jsonl: line 5: field \"id\": id \"b1\" is already used on line 1",
        "broken.jsonl: line 6: field \"text\": required field is missing",
        "broken.jsonl: line 7: field \"kind\": unknown kind \"blog\"",
        "broken.jsonl: line 7: field \"published\": invalid date \"2021-13\"",
    ] {
        assert!(errors.contains(expected), "missing {expected:?} in:\n{errors}");
    }
    assert!(!out.exists(), "nothing is written when any line is wrong");
    let _ = std::fs::remove_dir_all(&dir);
}
