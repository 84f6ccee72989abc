//! `claimcheck bundle import-reviews` (issue 11, item 3): ClaimReview JSON-LD, HTML
//! pages that carry it and Fact Check Tools API responses, on the fixtures in
//! tests/fixtures/claimreview/; hostile feeds rejected by name with nothing written.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use common::repo;

fn claimcheck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_claimcheck")).args(args).current_dir(repo()).output().expect("runs")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("claimcheck-reviews-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    dir
}

const FIXTURES: [&str; 4] = [
    "tests/fixtures/claimreview/article.html",
    "tests/fixtures/claimreview/single.json",
    "tests/fixtures/claimreview/feed.json",
    "tests/fixtures/claimreview/factcheck-tools.json",
];

fn import(out: &Path, extra: &[&str]) -> Output {
    let out = out.display().to_string();
    let mut args = vec!["bundle", "import-reviews"];
    args.extend(FIXTURES);
    args.extend(["-o", out.as_str()]);
    args.extend(extra);
    claimcheck(&args)
}

fn check_json(bundle: &Path, claim: &str) -> serde_json::Value {
    let output = claimcheck(&["check", "--json", "--bundle", &bundle.display().to_string(), claim]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    serde_json::from_slice(&output.stdout).expect("one JSON object")
}

#[test]
fn every_publisher_shape_imports_and_other_types_are_counted() {
    let dir = scratch("shapes");
    let out = dir.join("reviews.json");
    let output = import(&out, &[]);
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(stdout.contains("6 reviews imported; skipped 1 BreadcrumbList, 1 NewsArticle, 1 Organization, 1 WebPage"), "{stdout}");
    let bundle: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(bundle["format"], "claimcheck-bundle/2");
    let reviews = bundle["reviews"].as_array().unwrap();
    let by_url = |url: &str| reviews.iter().find(|r| r["url"] == url).unwrap_or_else(|| panic!("{url} in {reviews:#?}"));
    // The HTML page's @graph: claimant, dates, numbers, headline and body.
    let page = by_url("https://factcheck.example.org/2024/azerbaijan-political-prisoners/");
    assert_eq!(
        (page["claimant"].as_str(), page["claim_date"].as_str(), page["reviewer"].as_str()),
        (Some("Government of Azerbaijan"), Some("2024-03-14"), Some("Harbour Fact Check"))
    );
    assert_eq!((page["rating"].as_str(), page["rating_value"].as_f64(), page["rating_best"].as_f64()), (Some("False"), Some(1.0), Some(5.0)));
    // Numbers given as strings, a Person as claimant.
    let single = by_url("https://truthmeter.example.org/factchecks/2023/nov/20/journalists-released/");
    assert_eq!((single["rating"].as_str(), single["rating_best"].as_f64(), single["claimant"].as_str()), (Some("Pants on Fire"), Some(6.0), Some("A. Spokesman")));
    // Author as an array, a time in datePublished.
    assert_eq!(by_url("https://checks.example.net/doc.verify.AB12CD")["reviewed"], "2024-02-01");
    // The Fact Check Tools API: one claim, two reviews; a publisher known only by its site.
    assert_eq!(by_url("https://caucasuscheck.example.org/2019/03/amnesty-prisoners")["rating"], "Misleading");
    assert_eq!(by_url("https://factcheck.example.org/2019/amnesty/")["reviewer"], "factcheck.example.org");
}

#[test]
fn imported_reviews_merge_into_a_bundle_and_a_check_finds_them_first() {
    let dir = scratch("merge");
    let out = dir.join("merged.ccb");
    let output = import(&out, &["--into", "bundles/default/bundle.json"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let same = check_json(&out, "There are no political prisoners in Azerbaijan.");
    let first = &same["reviews"][0];
    assert_eq!((first["relation"].as_str(), first["reviewer"].as_str(), first["rating"].as_str()), (Some("same"), Some("Harbour Fact Check"), Some("False")));
    assert_eq!(first["url"], "https://factcheck.example.org/2024/azerbaijan-political-prisoners/", "the url as imported");
    assert!(!same["evidence"].as_array().unwrap().is_empty(), "the bundle's statements are still there and checked");
    let opposite = check_json(&out, "There are political prisoners in Azerbaijan.");
    assert_eq!(opposite["reviews"][0]["relation"], "opposite");
    assert_eq!(opposite["reviews"].as_array().unwrap().len(), 1, "{:#}", opposite["reviews"]);
    // The readable output says so too, on the fact-checker's line.
    let readable = claimcheck(&["check", "--bundle", &out.display().to_string(), "There are political prisoners in Azerbaijan."]);
    let readable = String::from_utf8_lossy(&readable.stdout);
    assert!(readable.contains("Fact-checked by Harbour Fact Check, 2024-05-03: False (a fact-check of the opposite claim)"), "{readable}");
    // Importing the same feeds again into the merged bundle (a daily refresh): each
    // review replaces the one with its id, none is added twice.
    let again = import(&dir.join("again.ccb"), &["--into", &out.display().to_string()]);
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
    assert!(String::from_utf8_lossy(&again.stdout).contains("6 reviews imported (6 of them replacing the review with the same id)"), "{}", String::from_utf8_lossy(&again.stdout));
    let refreshed = check_json(&dir.join("again.ccb"), "There are no political prisoners in Azerbaijan.");
    assert_eq!(refreshed["reviews"], same["reviews"]);
}

/// A file without a single ClaimReview (an article page, the wrong feed) is an error
/// that says so, and nothing is written.
#[test]
fn a_file_without_claim_reviews_is_refused() {
    let dir = scratch("none");
    let page = dir.join("article.json");
    std::fs::write(&page, r#"{"@context":"https://schema.org","@type":"NewsArticle","headline":"Not a fact-check"}"#).unwrap();
    let out = dir.join("out.json");
    let output = claimcheck(&["bundle", "import-reviews", &page.display().to_string(), "-o", &out.display().to_string()]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("article.json: no ClaimReview found; skipped 1 NewsArticle; nothing written"), "{stderr}");
    assert!(!out.exists());
}

/// Each hostile feed: the error names the file, the item and the property, and
/// nothing is written.
#[test]
fn hostile_feeds_are_refused_by_name_and_nothing_is_written() {
    let dir = scratch("hostile");
    let review = |claim: &str, url: &str| {
        format!(
            r#"{{"@type":"ClaimReview","claimReviewed":{claim},"url":{url},"author":{{"name":"Desk"}},"datePublished":"2024-01-02","reviewRating":{{"alternateName":"False"}}}}"#
        )
    };
    let huge = format!("\"{}\"", "x".repeat(5_000_000));
    let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
    let many_blocks = format!("<html>{}</html>", "<script type=\"application/ld+json\">{}</script>".repeat(300));
    let cases: Vec<(&str, String, &str)> = vec![
        (
            "javascript.json",
            review("\"Claim.\"", "\"javascript:alert(1)\""),
            "javascript.json: ClaimReview #1 (javascript:alert(1)): field \"url\": \"javascript:alert(1)\" is not an absolute http or https URL",
        ),
        ("huge.json", review(&huge, "\"https://e.org/a\""), "huge.json: ClaimReview #1 (https://e.org/a): field \"claimReviewed\": is 5000000 bytes; the limit is 4000"),
        ("deep.json", deep, "deep.json: not valid JSON: recursion limit exceeded"),
        ("types.json", review("5", "\"https://e.org/a\""), "types.json: ClaimReview #1 (https://e.org/a): field \"claimReviewed\": expected a string, found a number"),
        ("nourl.json", review("\"Claim.\"", "null"), "nourl.json: item #1: field \"url\": required property is missing"),
        ("bidi.json", review("\"\\u202eeurT\"", "\"https://e.org/a\""), "field \"claimReviewed\": contains the bidirectional control U+202E"),
        (
            "scale.json",
            review("\"Claim.\"", "\"https://e.org/a\"").replace(r#"{"alternateName":"False"}"#, r#"{"alternateName":"False","ratingValue":9,"bestRating":5,"worstRating":1}"#),
            "scale.json: ClaimReview #1 (https://e.org/a): field \"reviewRating.ratingValue\": 9 is outside the scale from worstRating 1 to bestRating 5",
        ),
        ("blocks.html", many_blocks, "blocks.html: more than 100 JSON-LD script blocks in one page; the limit is 100"),
        (
            "api.json",
            r#"{"claims":[{"text":"Claim.","claimReview":{"url":"https://e.org"}}]}"#.to_string(),
            "api.json: item #1: field \"claimReview\": expected an array, found an object",
        ),
    ];
    let good = dir.join("good.json");
    std::fs::write(&good, review("\"A fine claim.\"", "\"https://e.org/fine\"")).unwrap();
    for (name, text, expected) in cases {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let out = dir.join("out.ccb");
        let output =
            Command::new(env!("CARGO_BIN_EXE_claimcheck")).args(["bundle", "import-reviews"]).arg(&good).arg(&path).arg("-o").arg(&out).current_dir(&dir).output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(output.status.code(), Some(1), "{name}: {stderr}");
        assert!(stderr.contains(expected), "{name}: expected {expected:?} in {stderr}");
        assert!(!out.exists(), "{name}: nothing is written when any item is wrong");
    }
}

#[test]
fn a_page_of_many_ordinary_scripts_is_read_for_its_one_claim_review() {
    let dir = scratch("scripts");
    let page = format!(
        "<html><head>{}<script type=\"application/ld+json\">{}</script></head></html>",
        "<script>var a = '<script>';</script>".repeat(500),
        r#"{"@type":"ClaimReview","claimReviewed":"Claim.","url":"https://e.org/a","author":{"name":"Desk"},"datePublished":"2024-01-02","reviewRating":{"alternateName":"False"}}"#
    );
    std::fs::write(dir.join("page.html"), page).unwrap();
    let out = dir.join("out.json");
    let output = Command::new(env!("CARGO_BIN_EXE_claimcheck")).args(["bundle", "import-reviews", "page.html", "page.html", "-o"]).arg(&out).current_dir(&dir).output().unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(output.status.success() && stdout.contains("1 review imported; 1 repeated review kept once"), "{stdout}{}", String::from_utf8_lossy(&output.stderr));
}

// ---- Export (issue 11, item 4) ----

fn export(claim: &str, extra: &[&str]) -> Output {
    let mut args = vec!["check", "--claimreview", "--reviewer", "Harbour Fact Check", "--url", "https://factcheck.example.org/2024/police", "--date", "2024-06-01"];
    args.extend(extra);
    args.push(claim);
    claimcheck(&args)
}

/// Google's required ClaimReview properties, and schema.org's shape of each.
#[test]
fn an_exported_claim_review_has_every_required_field_and_cites_its_evidence() {
    let output = export("Police in Azerbaijan tortured detainees.", &["--claimant", "Opposition activists"]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    assert!(String::from_utf8_lossy(&output.stderr).contains("draft"), "the CLI says it is a draft");
    let review: serde_json::Value = serde_json::from_slice(&output.stdout).expect("JSON-LD");
    assert_eq!((review["@context"].as_str(), review["@type"].as_str()), (Some("https://schema.org"), Some("ClaimReview")));
    assert_eq!(review["claimReviewed"], "Police in Azerbaijan tortured detainees.");
    assert_eq!(review["url"], "https://factcheck.example.org/2024/police");
    assert_eq!(review["datePublished"], "2024-06-01");
    assert_eq!((review["author"]["@type"].as_str(), review["author"]["name"].as_str()), (Some("Organization"), Some("Harbour Fact Check")));
    let rating = &review["reviewRating"];
    assert_eq!(rating["@type"], "Rating");
    assert!(rating["alternateName"].as_str().is_some_and(|r| !r.is_empty()));
    let value = rating["ratingValue"].as_f64().expect("a rated verdict has a value");
    assert!((rating["worstRating"].as_f64().unwrap()..=rating["bestRating"].as_f64().unwrap()).contains(&value));
    assert_eq!((review["itemReviewed"]["@type"].as_str(), review["itemReviewed"]["author"]["name"].as_str()), (Some("Claim"), Some("Opposition activists")));
    let citations = review["citation"].as_array().expect("cites the evidence");
    assert!(!citations.is_empty() && citations.iter().all(|c| c["url"].as_str().is_some_and(|u| u.starts_with("https://") || u.starts_with("http://"))), "{citations:#?}");
    // No claimant given and none known: itemReviewed has no author.
    let unknown: serde_json::Value = serde_json::from_slice(&export("Police in Azerbaijan tortured detainees.", &[]).stdout).unwrap();
    assert!(unknown["itemReviewed"].get("author").is_none());
    // Options that would make invalid markup are refused by name.
    let bad = claimcheck(&["check", "--claimreview", "--reviewer", "Desk", "--url", "javascript:alert(1)", "A claim."]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("--url: \"javascript:alert(1)\" is not an absolute http or https URL"));
    let bad = claimcheck(&["check", "--claimreview", "--reviewer", "Desk", "--url", "https://e.org", "--date", "1 June 2024", "A claim."]);
    assert!(!bad.status.success() && String::from_utf8_lossy(&bad.stderr).contains("--date"));
}

#[test]
fn an_exported_review_imports_back_and_a_check_finds_it() {
    let dir = scratch("round-trip");
    let claim = "Police in Azerbaijan tortured detainees.";
    let output = export(claim, &[]);
    assert!(output.status.success());
    let feed = dir.join("ours.jsonld");
    std::fs::write(&feed, &output.stdout).unwrap();
    let out = dir.join("with-ours.ccb");
    let imported = claimcheck(&["bundle", "import-reviews", &feed.display().to_string(), "--into", "bundles/default/bundle.json", "-o", &out.display().to_string()]);
    assert!(imported.status.success(), "{}", String::from_utf8_lossy(&imported.stderr));
    let result = check_json(&out, claim);
    let first = &result["reviews"][0];
    assert_eq!(
        (first["relation"].as_str(), first["reviewer"].as_str(), first["url"].as_str()),
        (Some("same"), Some("Harbour Fact Check"), Some("https://factcheck.example.org/2024/police"))
    );
    assert_eq!(first["reviewed"], "2024-06-01");
}

/// A JSON bundle with text files, merged into: written beside it, the merged bundle
/// verifies against the same texts; written elsewhere it would name texts that are not
/// there, so that is refused by name with nothing written, and the compiled form (which
/// needs no texts) may go anywhere.
#[test]
fn into_a_bundle_with_text_files_writes_json_only_beside_it() {
    let dir = scratch("text-files");
    let copy = dir.join("bundle");
    std::fs::create_dir_all(copy.join("sources")).unwrap();
    let default = repo().join("bundles/default");
    std::fs::copy(default.join("bundle.json"), copy.join("bundle.json")).unwrap();
    for entry in std::fs::read_dir(default.join("sources")).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), copy.join("sources").join(entry.file_name())).unwrap();
    }
    let into = copy.join("bundle.json").display().to_string();
    let beside = copy.join("merged.json");
    let output = import(&beside, &["--into", &into]);
    assert!(output.status.success(), "{}", String::from_utf8_lossy(&output.stderr));
    let verified = claimcheck(&["bundle", "verify", &beside.display().to_string()]);
    assert!(verified.status.success(), "{}", String::from_utf8_lossy(&verified.stderr));
    assert!(String::from_utf8_lossy(&verified.stdout).contains("6 reviews"), "{}", String::from_utf8_lossy(&verified.stdout));

    let elsewhere = dir.join("merged.json");
    let output = import(&elsewhere, &["--into", &into]);
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains("merged.json: cannot write the merged JSON bundle there") && stderr.contains("field \"text_file\": sources/"), "{stderr}");
    assert!(!elsewhere.exists(), "nothing written");
    let compiled = dir.join("merged.ccb");
    assert!(import(&compiled, &["--into", &into]).status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
