//! The engine on small bundles: a table of claim / statement / expected stance cases
//! (tests/data/stance_cases.json), and answers to inputs that try to break it.

mod common;

use claimcheck::{Checker, Stance, Verdict};
use serde::Deserialize;

#[derive(Deserialize)]
struct Case {
    why: String,
    statement: String,
    claim: String,
    /// supports | contradicts | related | none (the statement is not shown at all)
    stance: String,
    /// The stance rule expected to decide (`evidence[].rule`), when the stance is shown.
    #[serde(default)]
    rule: Option<String>,
    #[serde(default = "ngo")]
    speaker_kind: String,
    /// The statement's topics (what it is about, beside the quote).
    #[serde(default)]
    topics: Vec<String>,
}

fn ngo() -> String {
    "ngo".into()
}

/// The stance shown for the statement, the rule that decided it and its reason.
fn stance_of(statement: &str, speaker_kind: &str, topics: &[String], claim: &str) -> (String, String, String) {
    let mut json: serde_json::Value = serde_json::from_str(&common::bundle_json(&[("src/s", statement, speaker_kind)])).expect("case bundle is JSON");
    if !topics.is_empty() {
        json["statements"][0]["topics"] = serde_json::json!(topics);
    }
    let json = json.to_string();
    let checker = Checker::from_bytes(json.as_bytes(), "case.json", None).expect("case bundle verifies");
    let result = checker.check(claim);
    result.evidence.first().map_or(("none".into(), String::new(), String::new()), |e| (e.stance.as_str().to_string(), e.rule.as_str().to_string(), e.reason.clone()))
}

#[test]
fn stance_table() {
    let cases: Vec<Case> = serde_json::from_str(&common::read(&common::repo().join("tests/data/stance_cases.json"))).expect("table parses");
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|c| {
            let (got, rule, reason) = stance_of(&c.statement, &c.speaker_kind, &c.topics, &c.claim);
            let rule_differs = c.rule.as_ref().is_some_and(|r| *r != rule);
            (got != c.stance || rule_differs).then(|| {
                format!("{}: claim {:?} vs {:?}: expected {} ({}), got {got} ({rule}: {reason})", c.why, c.claim, c.statement, c.stance, c.rule.as_deref().unwrap_or("any rule"))
            })
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// Inputs that must get an answer, never a panic: empty, whitespace, huge, emoji,
/// right-to-left, control characters, markup.
#[test]
fn every_input_gets_an_answer() {
    let checker = Checker::embedded().expect("default bundle");
    let huge = "torture ".repeat(200_000);
    let inputs = [
        "",
        "   \n\t ",
        "🙂🙂🙂",
        "الشرطة في أذربيجان لا تعذب أحدا",
        "\u{202E}evil\u{202C} torture",
        "\u{0000}\u{0007}\u{001b}[31m",
        "<script>alert(1)</script>",
        "a\u{0301}\u{0301}\u{0301}",
        "1,000,000,000,000,000,000,000 people",
        "9999999999999999999999999999 years",
        "-",
        ".",
        "not not not not no never",
        "Ω≈ç√∫",
        &huge,
    ];
    for input in inputs {
        let result = checker.check(input);
        assert!((0.0..=1.0).contains(&result.confidence), "{input:?}");
        if result.evidence.iter().all(|e| e.stance == Stance::Related) {
            assert_eq!(result.verdict, Verdict::NoEvidence, "{input:?}");
        }
    }
    let empty = checker.check("   ");
    assert_eq!(empty.verdict, Verdict::NoEvidence);
    assert!(empty.notes.iter().any(|n| n.contains("empty")), "{:?}", empty.notes);
    let capped = checker.check(&huge);
    assert!(capped.notes.iter().any(|n| n.contains("only its first")), "{:?}", capped.notes);
}

#[test]
fn a_denial_names_who_made_it() {
    let checker = Checker::embedded().unwrap();
    let result = checker.check("Azerbaijan's Interior Ministry denies that the torture photos were taken in the country.");
    assert!(matches!(result.verdict, Verdict::Contradicted | Verdict::Disputed), "{:?}", result.verdict);
    assert!(result.notes.iter().any(|n| n.contains("Azerbaijan's Interior Ministry")), "{:?}", result.notes);
    let top3: Vec<&str> = result.evidence.iter().filter(|e| e.stance == Stance::Contradicts).take(3).map(|e| e.id.as_str()).collect();
    assert!(top3.contains(&"azeritimes-2020/flag-in-photo"), "the flag rebuttal is shown first: {top3:?}");
}

#[test]
fn curated_relations_are_described_on_the_evidence() {
    let checker = Checker::embedded().unwrap();
    let result = checker.check("The Interior Ministry said the torture photos were taken in another country.");
    let relations: Vec<&String> = result.evidence.iter().flat_map(|e| &e.relations).collect();
    assert!(relations.iter().any(|r| r.starts_with("Contradicted by") || r.starts_with("Contradicts")), "{relations:?}");
}

/// A bundle of one government statement by `speaker`, published by that government.
fn government_bundle(speaker: &str, quote: &str) -> Checker {
    let json = serde_json::json!({
        "format": "claimcheck-bundle/1", "title": "Test", "language": "en",
        "sources": [{"id": "src", "publisher": speaker, "kind": "government", "title": "Human rights report",
                     "url": "https://example.org/r", "published": "2021-06-01"}],
        "statements": [{"id": "src/s", "source": "src", "quote": quote, "speaker": speaker, "speaker_kind": "government"}],
    })
    .to_string();
    Checker::from_bytes(json.as_bytes(), "case.json", None).expect("case bundle verifies")
}

/// A government's statement on its own country is its position and never makes a claim
/// supported alone; its report on another country is evidence about that country.
#[test]
fn a_government_on_itself_is_a_position_on_another_country_evidence() {
    let own = government_bundle("Azerbaijan Interior Ministry", "Police in Azerbaijan do not torture detainees.");
    let result = own.check("Police in Azerbaijan do not torture detainees.");
    assert_eq!(result.evidence.first().map(|e| e.stance), Some(Stance::Supports));
    assert_eq!(result.verdict, Verdict::NoEvidence, "{:?}", result.notes);
    assert!(result.notes.iter().any(|n| n.contains("party it speaks for")), "{:?}", result.notes);

    let foreign = government_bundle("U.S. State Department", "Police in Azerbaijan beat detainees in custody, the report said.");
    let result = foreign.check("The U.S. report found that police in Azerbaijan beat detainees in custody.");
    assert_eq!(result.verdict, Verdict::Supported, "{:?} {:?}", result.notes, result.evidence.first().map(|e| &e.reason));
}

/// "X reported that P": when the bundle has nothing by X, others backing P never make
/// the claim supported (it would read as confirming what X said); when it has X's own
/// statement, it does.
#[test]
fn an_unheard_speaker_is_never_confirmed_by_others() {
    let json = serde_json::json!({
        "format": "claimcheck-bundle/1", "title": "Test", "language": "en",
        "sources": [{"id": "src", "publisher": "Human Rights Watch", "kind": "ngo", "title": "Report on Azerbaijan",
                     "url": "https://example.org/r", "published": "2021-06-01"}],
        "statements": [{"id": "src/s", "source": "src", "quote": "Police in Azerbaijan beat Elchin Gasimov at the Sabunchu police station.", "speaker": "Human Rights Watch", "speaker_kind": "ngo"}],
    })
    .to_string();
    let checker = Checker::from_bytes(json.as_bytes(), "case.json", None).expect("case bundle verifies");
    let heard = checker.check("Human Rights Watch reported that police in Azerbaijan beat Elchin Gasimov at the Sabunchu police station.");
    assert_eq!(heard.verdict, Verdict::Supported, "{:?}", heard.notes);
    let unheard = checker.check("Amnesty International reported that police in Azerbaijan beat Elchin Gasimov at the Sabunchu police station.");
    assert_eq!(unheard.verdict, Verdict::NoEvidence, "{:?}", unheard.notes);
    assert!(unheard.notes.iter().any(|n| n.contains("nothing by Amnesty International")), "{:?}", unheard.notes);
    assert_eq!(unheard.evidence.first().map(|e| e.stance), Some(Stance::Supports), "the backing statement is still shown");
}

/// A statement rebutted on record is its speaker's position: alone, it makes a claim
/// neither supported nor contradicted (a true claim was "contradicted" by the denial
/// that the bundle itself records as rebutted).
#[test]
fn a_rebutted_statement_alone_never_contradicts() {
    let json = serde_json::json!({
        "format": "claimcheck-bundle/1", "title": "Test", "language": "en",
        "sources": [{"id": "src", "publisher": "Ruritania Times", "kind": "news", "title": "Ministry denies abuse photos",
                     "url": "https://example.org/r", "published": "2020-08-14"}],
        "statements": [
            {"id": "src/denial", "source": "src", "quote": "The Interior Ministry said the photos were taken in another country.", "speaker": "Ruritania Interior Ministry", "speaker_kind": "government"},
            {"id": "src/flag", "source": "src", "quote": "One of the photographs shows the ministry's coat of arms.", "speaker": "Ruritania Times", "speaker_kind": "news"}
        ],
        "relations": [{"from": "src/denial", "to": "src/flag", "kind": "contradicts"}],
    })
    .to_string();
    let checker = Checker::from_bytes(json.as_bytes(), "case.json", None).expect("case bundle verifies");
    let result = checker.check("The photos were not taken in another country.");
    assert_eq!(result.evidence.first().map(|e| e.stance), Some(Stance::Contradicts), "the denial still reads against the claim and is shown");
    assert_ne!(result.verdict, Verdict::Contradicted, "{:?}", result.notes);
    assert!(result.notes.iter().any(|n| n.contains("rebutted on record")), "{:?}", result.notes);
}

/// The headline case as people type it: the ministry's denial with a contraction or a
/// plain "not". The spelling reader once read "weren" as "were" and dropped the "n't",
/// and a negation over the place alone was not weighed: both made the denial supported.
#[test]
fn the_denial_typed_with_a_contraction_is_never_supported() {
    let checker = Checker::embedded().unwrap();
    for claim in [
        "The torture photos weren't taken in Azerbaijan.",
        "The torture photos weren’t taken in Azerbaijan.",
        "The photos were not taken in Azerbaijan.",
        "The torture photos WEREN'T taken in Azerbaijan.",
    ] {
        let result = checker.check(claim);
        assert_eq!(result.verdict, Verdict::Contradicted, "{claim}: {:?}", result.notes);
        assert!(result.readings.is_empty(), "{claim}: nothing misspelled: {:?}", result.notes);
    }
}

/// A claim that adds an event to what the record says ("the flag was burned in the
/// photographs", where a statement says it can be seen in one) was supported on the
/// shared nouns: the added word is one no statement uses, light in ranking. Support now
/// needs it said; a verb of showing ("shows") only reports what the record shows.
#[test]
fn an_event_the_record_never_mentions_is_never_supported() {
    let checker = Checker::embedded().unwrap();
    for claim in [
        "The Azerbaijani flag was burned in the photographs.",
        "Elchin Gasimov escaped from the Sabunchu police department.",
        "Police arrested close to 1,000 people and paid them compensation.",
    ] {
        assert_ne!(checker.check(claim).verdict, Verdict::Supported, "{claim}");
    }
    assert_eq!(checker.check("One of the torture photographs shows the Azerbaijani flag.").verdict, Verdict::Supported);
}

/// "The photos were taken in another country" puts them elsewhere than the place the
/// claim names: it never backs "taken in Azerbaijan" (it did, on the shared words, when
/// the claim reported the ministry as admitting it).
#[test]
fn a_statement_that_puts_it_elsewhere_never_backs_the_claims_place() {
    let checker = Checker::embedded().unwrap();
    for claim in ["The Interior Ministry admitted that the photos were taken in Azerbaijan.", "The torture photos were taken in Azerbaijan."] {
        let result = checker.check(claim);
        let elsewhere = result.evidence.iter().find(|e| e.quote.contains("taken in another country")).expect("the ministry's statement is shown");
        assert_ne!(elsewhere.stance, claimcheck::report::Stance::Supports, "{claim}: {}", elsewhere.reason);
    }
}

/// The roles rule compares "the Nasimi district" with "the Sabunchu District": the thing
/// named must be a noun WordNet knows ("district"), not a given name ("Donald"), or
/// "by the time Donald Rumsfeld" reads as a role "time" against "Defense Secretary".
#[test]
fn a_given_name_is_not_a_role_to_compare() {
    let checker = Checker::embedded().unwrap();
    let result = checker.check("By the time Donald Rumsfeld came to Azerbaijan in December, the U.S. government had stopped criticizing the crackdown.");
    assert!(result.evidence.iter().all(|e| e.rule != claimcheck::stance::rules::RuleId::Roles), "{:?}", result.evidence.iter().map(|e| &e.reason).collect::<Vec<_>>());
}

/// A core finding, said plainly, was CONTRADICTED: the evaluation rule read "prosecuted"
/// (rated negative by VADER) against "a strong indication" as two ratings, because
/// "prosecutions" shares its stem (a stem clash is for words WordNet keeps apart,
/// "humane" / "human"); and the State Department's finding, reached through a curated
/// relation, was counted as a government speaking of itself.
#[test]
fn the_committees_finding_said_plainly_is_supported_by_both_sources() {
    let checker = Checker::embedded().unwrap();
    let result = checker.check("No one was prosecuted for torture in Azerbaijan.");
    assert_eq!(result.verdict, Verdict::Supported, "{:?}", result.evidence.iter().map(|e| &e.reason).collect::<Vec<_>>());
    assert_eq!(result.independent_sources, 2);
}

/// Rebutted on record means by someone other than the party the claim speaks for: a
/// government's notice about its own affairs does not set aside the report against it.
#[test]
fn a_party_rebutting_a_report_on_itself_does_not_set_the_report_aside() {
    let json = serde_json::json!({
        "format": "claimcheck-bundle/1", "title": "Test", "language": "en",
        "sources": [
            {"id": "port", "publisher": "Port Authority", "kind": "government", "title": "Bridge closed", "url": "https://example.org/p", "published": "2023-03-02"},
            {"id": "news", "publisher": "Gazette", "kind": "news", "title": "Bridge open", "url": "https://example.org/n", "published": "2023-03-03"}
        ],
        "statements": [
            {"id": "port/closed", "source": "port", "quote": "The harbour bridge is closed to all traffic until April.", "speaker": "Port Authority", "speaker_kind": "government"},
            {"id": "news/open", "source": "news", "quote": "Drivers said the harbour bridge was not closed on Monday.", "speaker": "Gazette", "speaker_kind": "news"}
        ],
        "relations": [{"from": "news/open", "to": "port/closed", "kind": "contradicts"}],
    })
    .to_string();
    let checker = Checker::from_bytes(json.as_bytes(), "case.json", None).expect("case bundle verifies");
    let result = checker.check("The harbour bridge is closed.");
    assert_eq!(result.verdict, Verdict::Contradicted, "{:?}", result.notes);
}
