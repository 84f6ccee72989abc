//! Reviewed claims (issue 11): the bundle's `reviews`, verified by the same rules in
//! both forms, with errors that name file, item and field.

use claimcheck::bundle::{compiled, source, Bundle};
use claimcheck::index::Index;
use claimcheck::Checker;
use serde_json::{json, Value};

fn valid() -> Value {
    json!({
        "format": "claimcheck-bundle/2", "title": "T", "language": "en",
        "sources": [{"id": "s", "publisher": "P", "kind": "ngo", "title": "Title"}],
        "statements": [{"id": "s/a", "source": "s", "quote": "Police beat detainees.", "speaker": "P", "speaker_kind": "ngo"}],
        "reviews": [
            {"id": "ff/1", "claim": "Police never beat detainees.", "claimant": "Ministry", "claim_date": "2024-04-02",
             "reviewer": "Full Fact", "reviewed": "2024-05-03", "rating": "False", "rating_value": 1, "rating_best": 5, "rating_worst": 1,
             "url": "https://fullfact.org/a", "summary": "They do.", "evidence": ["s/a"]},
            {"id": "ff/2", "claim": "Detainees were beaten.", "reviewer": "Full Fact", "reviewed": "2024-05", "rating": "True", "url": "http://fullfact.org/b"}
        ]
    })
}

fn json_errors(json: &Value) -> Vec<String> {
    match source::parse(&json.to_string(), "b.json", None) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.errors().iter().map(|e| e.to_string()).collect(),
    }
}

/// The compiled form of a bundle that never went through the verifier.
fn compiled_errors(bundle: &Bundle) -> Vec<String> {
    let bytes = compiled::encode(bundle, &Index::build(bundle));
    match Checker::from_bytes(&bytes, "b.json", None) {
        Ok(_) => Vec::new(),
        Err(errors) => errors.errors().iter().map(|e| e.to_string()).collect(),
    }
}

#[test]
fn a_bundle_with_reviews_verifies_and_one_of_reviews_alone_too() {
    assert_eq!(json_errors(&valid()), Vec::<String>::new());
    let mut alone = valid();
    alone.as_object_mut().unwrap().remove("sources");
    alone.as_object_mut().unwrap().remove("statements");
    alone["reviews"][0].as_object_mut().unwrap().remove("evidence");
    let bundle = source::parse(&alone.to_string(), "alone.json", None).expect("reviews alone are a bundle");
    assert_eq!((bundle.statements.len(), bundle.reviews.len()), (0, 2));
    assert!(compiled_errors(&bundle).is_empty());
}

#[test]
fn reviews_need_the_new_format_tag_and_old_bundles_still_read() {
    let mut old_tag = valid();
    old_tag["format"] = json!("claimcheck-bundle/1");
    assert!(json_errors(&old_tag).iter().any(|e| e.contains("field \"format\": a bundle with reviews is format \"claimcheck-bundle/2\"")), "{:?}", json_errors(&old_tag));
    let tiny = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tiny/bundle.json")).unwrap();
    assert!(tiny.contains("claimcheck-bundle/1"));
    let bundle = source::parse(&tiny, "tiny.json", None).expect("a version 1 bundle still reads");
    assert!(bundle.reviews.is_empty());
    assert!(source::to_json(&bundle).contains("\"claimcheck-bundle/1\""), "a bundle without reviews is still written as version 1");
}

#[test]
fn review_errors_name_file_item_and_field_in_both_forms() {
    type JsonMutation = fn(&mut Value);
    type ModelMutation = fn(&mut Bundle);
    let cases: &[(&str, JsonMutation, ModelMutation, &str)] = &[
        (
            "javascript url",
            |j| j["reviews"][0]["url"] = "javascript:alert(1)".into(),
            |b| b.reviews[0].url = "javascript:alert(1)".into(),
            "b.json: review \"ff/1\": field \"url\": \"javascript:alert(1)\" is not an absolute http or https URL",
        ),
        ("id with a space", |j| j["reviews"][1]["id"] = "ff 2".into(), |b| b.reviews[1].id = "ff 2".into(), "review \"ff 2\": field \"id\": must not contain spaces"),
        ("duplicate ids", |j| j["reviews"][1]["id"] = "ff/1".into(), |b| b.reviews[1].id = "ff/1".into(), "review \"ff/1\": field \"id\": id is used by another review"),
        ("empty rating", |j| j["reviews"][0]["rating"] = " ".into(), |b| b.reviews[0].rating = " ".into(), "review \"ff/1\": field \"rating\": must not be empty"),
        (
            "5 MB claim",
            |j| j["reviews"][0]["claim"] = "x".repeat(5_000_000).into(),
            |b| b.reviews[0].claim = "x".repeat(5_000_000),
            "review \"ff/1\": field \"claim\": is 5000000 bytes; the limit is 4000",
        ),
        (
            "look-alike reviewer",
            |j| j["reviews"][0]["reviewer"] = "Full F\u{430}ct".into(),
            |b| b.reviews[0].reviewer = "Full F\u{430}ct".into(),
            "review \"ff/1\": field \"reviewer\": the word \"F\u{430}ct\" mixes Latin and Cyrillic letters",
        ),
        (
            "bidi override in a summary",
            |j| j["reviews"][0]["summary"] = "\u{202E}eurt".into(),
            |b| b.reviews[0].summary = Some("\u{202E}eurt".into()),
            "review \"ff/1\": field \"summary\": contains the bidirectional control U+202E",
        ),
        (
            "rating outside its scale",
            |j| j["reviews"][0]["rating_value"] = json!(7),
            |b| b.reviews[0].rating_value = Some(7.0),
            "review \"ff/1\": field \"rating_value\": 7 is outside the scale from rating_worst 1 to rating_best 5",
        ),
    ];
    let valid_json = valid();
    let valid = source::parse(&valid_json.to_string(), "b.json", None).expect("valid");
    assert!(compiled_errors(&valid).is_empty());
    for (name, json_mutation, model_mutation, expected) in cases {
        let mut json = valid_json.clone();
        json_mutation(&mut json);
        let from_json = json_errors(&json);
        let mut bundle = valid.clone();
        model_mutation(&mut bundle);
        let from_compiled = compiled_errors(&bundle);
        assert!(from_json.iter().any(|e| e.contains(expected)), "{name}: JSON: expected {expected:?} in {from_json:#?}");
        assert!(from_compiled.iter().any(|e| e.contains(expected)), "{name}: compiled: expected {expected:?} in {from_compiled:#?}");
        assert!(from_compiled.iter().all(|e| from_json.contains(e)), "{name}: compiled {from_compiled:#?} but JSON {from_json:#?}");
    }
}

#[test]
fn json_only_review_errors_are_named_too() {
    type JsonMutation = fn(&mut Value);
    let cases: &[(JsonMutation, &str)] = &[
        (|j| j["reviews"][0]["evidence"] = json!(["s/nope"]), "review \"ff/1\": field \"evidence\": no statement has id \"s/nope\""),
        (|j| j["reviews"][0]["rating_value"] = json!("1"), "review \"ff/1\": field \"rating_value\": expected a number, found a string"),
        (|j| j["reviews"][0]["reviewed"] = json!("3 May 2024"), "review \"ff/1\": field \"reviewed\": invalid date \"3 May 2024\""),
        (|j| _ = j["reviews"][1].as_object_mut().unwrap().remove("reviewed"), "review \"ff/2\": field \"reviewed\": required field is missing"),
        (|j| _ = j["reviews"][1].as_object_mut().unwrap().remove("url"), "review \"ff/2\": field \"url\": required field is missing"),
        (|j| j["reviews"][1]["stars"] = json!(3), "review \"ff/2\": field \"stars\": unknown field"),
        (|j| j["reviews"][0]["evidence"] = json!("s/a"), "review \"ff/1\": field \"evidence\": expected an array, found a string"),
        (|j| j["reviews"][0]["evidence"] = json!(vec!["s/a"; 40]), "review \"ff/1\": field \"evidence\": 40 statement ids; the limit is 32"),
        (|j| j["reviews"] = json!({"id": "x"}), "b.json: field \"reviews\": expected an array, found an object"),
        (|j| j["reviews"][1] = json!("ff/2"), "b.json: review #2: expected a JSON object"),
    ];
    for (mutation, expected) in cases {
        let mut json = valid();
        mutation(&mut json);
        let errors = json_errors(&json);
        assert!(errors.iter().any(|e| e.contains(expected)), "expected {expected:?} in {errors:#?}");
    }
}

// ---- Claim matching (issue 11, item 2) ----

const REVIEWED: &str = r#"{"format":"claimcheck-bundle/2","title":"T","language":"en",
 "reviews":[
  {"id":"ff/1","claim":"The government never tortured political prisoners in 2023.","reviewer":"Full Fact","reviewed":"2024-05-03","rating":"False","url":"https://fullfact.org/a"},
  {"id":"afp/2","claim":"Vaccines cause autism in children.","reviewer":"AFP Fact Check","reviewed":"2024-02-01","rating":"False","url":"https://factcheck.afp.com/b"},
  {"id":"pf/3","claim":"The city council raised parking fees by 25 percent.","reviewer":"PolitiFact","reviewed":"2023-11-20","rating":"Mostly true","url":"https://www.politifact.com/c"}
 ]}"#;

fn matches(claim: &str) -> Vec<(String, String, String)> {
    let checker = Checker::from_bytes(REVIEWED.as_bytes(), "r.json", None).expect("valid");
    let result = checker.check(claim);
    let json = serde_json::to_value(&result).unwrap();
    json["reviews"].as_array().unwrap().iter().map(|r| (r["id"].as_str().unwrap().into(), r["relation"].as_str().unwrap().into(), r["url"].as_str().unwrap().into())).collect()
}

#[test]
fn a_claim_that_says_what_a_review_says_matches_it_with_the_url_as_imported() {
    assert_eq!(matches("The government never tortured political prisoners in 2023."), vec![("ff/1".into(), "same".into(), "https://fullfact.org/a".into())]);
    assert_eq!(matches("vaccines cause autism in children")[0].1, "same", "claims are read case-blind");
    // A claim that says less than the review's is not the reviewed claim: the rating of
    // "in children" may not apply to it.
    assert_eq!(matches("Vaccines cause autism."), Vec::new());
}

#[test]
fn the_negation_of_a_reviewed_claim_matches_as_its_opposite_never_as_the_same() {
    assert_eq!(matches("The government tortured political prisoners in 2023.")[0].1, "opposite");
    assert_eq!(matches("Vaccines do not cause autism in children.")[0].1, "opposite");
}

#[test]
fn another_amount_or_another_subject_is_not_the_reviewed_claim() {
    assert_eq!(matches("The city council raised parking fees by 10 percent."), Vec::new());
    assert_eq!(matches("The weather was sunny in Paris."), Vec::new());
    // A bundle without reviews gives none, and the field is always there.
    let result = Checker::embedded().unwrap().check("Police tortured detainees.");
    assert!(serde_json::to_value(&result).unwrap()["reviews"].as_array().unwrap().is_empty());
}

#[test]
fn a_pasted_post_that_repeats_a_reviewed_claim_finds_it_and_its_negation_never_as_the_same() {
    // A post says more than the claim it repeats, ends in a signature and carries links.
    let post = "Unbelievable: the city council raised parking fees by 25 percent. Who voted for this?https://t.co/x1 pic.twitter.com/y2 — Jane Doe (@janedoe) May 3, 2024";
    assert_eq!(matches(post), vec![("pf/3".into(), "same".into(), "https://www.politifact.com/c".into())]);
    // Its negation, with as much around it, is never shown as the same claim.
    for negated in [
        "Unbelievable: the city council did not raise parking fees by 25 percent. Who says it did? https://t.co/x1 — Jane Doe (@janedoe) May 3, 2024",
        "Vaccines do not cause autism in children, whatever the posts say. https://t.co/x1 — Jane Doe (@janedoe) May 3, 2024",
        "It is false that the government never tortured political prisoners in 2023. pic.twitter.com/y2 — Jane Doe (@janedoe) May 3, 2024",
    ] {
        assert!(matches(negated).iter().all(|(_, relation, _)| relation != "same"), "{negated}: {:?}", matches(negated));
    }
    // Another amount in a post is still another claim.
    assert_eq!(matches("Unbelievable: the city council raised parking fees by 10 percent. https://t.co/x1 — Jane Doe (@janedoe) May 3, 2024"), Vec::new());
}

#[test]
fn a_paragraph_finds_the_reviewed_claim_one_of_its_sentences_repeats() {
    let paragraph =
        "The city council raised parking fees by 25 percent. It did not raise them for residents, and fees for the council's own staff were not raised by a single percent.";
    let checker = Checker::from_bytes(REVIEWED.as_bytes(), "r.json", None).expect("valid");
    // Judged whole, the second sentence's negations read as one over the claim: no match.
    let whole = checker.rank_reviews(paragraph, 20);
    assert!(whole.iter().all(|r| r.relation.is_none()), "{whole:?}");
    // Its first sentence says just what the review says.
    assert_eq!(matches(paragraph), vec![("pf/3".into(), "same".into(), "https://www.politifact.com/c".into())]);
    // A sentence of one word asserts nothing a review could rate.
    assert_eq!(matches("Parking. The weather was sunny in Paris."), Vec::new());
}

#[test]
fn a_pasted_post_is_checked_without_its_links_and_signature_and_says_so() {
    let checker = Checker::embedded().unwrap();
    let plain = checker.check("The police in Azerbaijan do not torture anyone.");
    let post = checker.check("The police in Azerbaijan do not torture anyone.https://t.co/abc pic.twitter.com/x — Jane Doe (@jdoe) May 3, 2024");
    assert_eq!((post.verdict, &post.claim), (plain.verdict, &plain.claim));
    assert_eq!(post.evidence.iter().map(|e| &e.id).collect::<Vec<_>>(), plain.evidence.iter().map(|e| &e.id).collect::<Vec<_>>());
    assert_eq!(post.notes[0], "Read as a social-media post by Jane Doe: its links and its signature were left out.");
    assert!(!plain.notes.iter().any(|n| n.contains("social-media")));
    let linked = checker.check("Police tortured detainees, see https://example.org/report");
    assert!(linked.notes.contains(&"Links in the text were left out: they are not part of the claim.".to_string()), "{:?}", linked.notes);
    // A dash with no handle after it is the claim's own.
    assert!(checker.check("Torture \u{2014} the report says \u{2014} was routine.").notes.iter().all(|n| !n.contains("left out")));
}
