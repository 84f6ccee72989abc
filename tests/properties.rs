//! Properties of analysis and check on generated input: never a panic, always an
//! answer in range, the same answer twice, and whitespace does not change a verdict.

use std::sync::OnceLock;

use claimcheck::analysis::analyze;
use claimcheck::{Checker, Stance, Verdict};
use proptest::prelude::*;

fn checker() -> &'static Checker {
    static CHECKER: OnceLock<Checker> = OnceLock::new();
    CHECKER.get_or_init(|| Checker::embedded().expect("default bundle"))
}

/// Words from the bundle's world mixed with noise, so generated claims reach the
/// deeper stages (stance, quantities, relations) and not only "no evidence".
/// The words of the default bundle's quotes.
fn bundle_words() -> Vec<String> {
    let mut words: Vec<String> =
        checker().bundle().statements.iter().flat_map(|s| s.quote.split(|c: char| !c.is_alphabetic()).map(str::to_lowercase).collect::<Vec<_>>()).filter(|w| w.len() > 2).collect();
    words.sort();
    words.dedup();
    words
}

fn claimish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "police",
        "torture",
        "not",
        "no",
        "never",
        "Azerbaijan",
        "Gasimov",
        "released",
        "all",
        "more",
        "than",
        "100",
        "2003",
        "December",
        "9",
        "denies",
        "that",
        "the",
        "photos",
        "were",
        "taken",
        "in",
        "another",
        "country",
        "lies",
        "urged",
        "to",
        "release",
        "fourteen",
        "days",
        "a",
        "year",
        "U.S.",
        "said",
        ",",
        ".",
        "—",
        "🙂",
        "\u{202E}",
    ]);
    prop::collection::vec(prop_oneof![4 => words.prop_map(str::to_string), 1 => "\\PC{0,8}"], 0..30).prop_map(|w| w.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn analysis_never_panics(text in "\\PC*") {
        let a = analyze(&text);
        for n in &a.negators {
            prop_assert!(n.scope.iter().all(|&i| i < a.tokens.len()));
        }
    }

    #[test]
    fn check_always_answers_in_range(claim in prop_oneof![claimish(), "\\PC*", any::<String>()]) {
        let result = checker().check(&claim);
        prop_assert!((0.0..=1.0).contains(&result.confidence));
        prop_assert!(result.evidence.len() <= 10);
        let decisive = result.evidence.iter().any(|e| e.stance != Stance::Related);
        prop_assert!(decisive || result.verdict == Verdict::NoEvidence, "a verdict needs decisive evidence");
        if result.verdict == Verdict::NoEvidence {
            prop_assert_eq!(result.independent_sources, 0);
        }
    }

    #[test]
    fn calling_a_supported_claim_false_never_leaves_it_supported(claim in claimish()) {
        // One sentence: in "It is false that A. B." the marker judges A, and B stands.
        let one_sentence = checker().check(&claim).sentences.len() == 1;
        if one_sentence && checker().check(&claim).verdict == Verdict::Supported {
            for marked in [format!("It is false that {claim}"), format!("{claim} (fake news)")] {
                prop_assert_ne!(checker().check(&marked).verdict, Verdict::Supported, "{}", marked);
            }
        }
    }

    #[test]
    fn one_word_repeated_is_never_supported(word in proptest::sample::select(bundle_words()), times in 1usize..4, end in "[.!?]?") {
        let claim = format!("{}{end}", vec![word.as_str(); times].join(" "));
        prop_assert_ne!(checker().check(&claim).verdict, Verdict::Supported, "{}", claim);
    }

    #[test]
    fn check_is_deterministic(claim in claimish()) {
        prop_assert_eq!(checker().check(&claim), checker().check(&claim));
    }

    #[test]
    fn case_does_not_change_the_verdict(claim in claimish()) {
        let verdict = checker().check(&claim).verdict;
        prop_assert_eq!(checker().check(&claim.to_lowercase()).verdict, verdict, "lower case");
        prop_assert_eq!(checker().check(&claim.to_uppercase()).verdict, verdict, "upper case");
    }

    /// (Not newlines: a blank line is a paragraph break, which may change the sentence
    /// judged.)
    #[test]
    fn extra_whitespace_does_not_change_the_verdict(claim in claimish(), pad in "[ \t]{1,3}") {
        let spaced = claim.split(' ').collect::<Vec<_>>().join(&format!(" {pad}"));
        prop_assert_eq!(checker().check(&claim).verdict, checker().check(&spaced).verdict);
    }
}

/// Bundles built from a small vocabulary, valid or not: whatever verifies survives the
/// compiled form unchanged and answers alike.
fn bundle_json() -> impl Strategy<Value = String> {
    let kind = prop::sample::select(vec!["ngo", "government", "news", "court", "blog"]);
    let date = prop::sample::select(vec!["2004", "2024-04", "2015-12-11", "2015-13-01", ""]);
    let url = prop::sample::select(vec!["https://example.org/a", "http://example.org/b?x=1", "javascript:alert(1)", "/relative"]);
    let quote = prop::collection::vec(
        prop::sample::select(vec!["Police", "did", "not", "torture", "12", "detainees", "in", "Azerbaijan", "2015", "—", "“quoted”", "ünïcödé", "<b>"]),
        1..12,
    )
    .prop_map(|w| w.join(" "));
    let statement = (0usize..4, quote, kind.clone(), date.clone(), prop::option::of(prop::collection::vec("[a-z ]{1,12}", 0..3)));
    (
        prop::collection::vec((kind, date, url), 1..3),
        prop::collection::vec(statement, 0..6),
        prop::collection::vec((0usize..6, 0usize..6, prop::bool::ANY), 0..4),
    )
        .prop_map(|(sources, statements, relations)| {
            let sources: Vec<serde_json::Value> = sources
                .iter()
                .enumerate()
                .map(|(i, (kind, date, url))| serde_json::json!({"id": format!("s{i}"), "publisher": "P", "kind": kind, "title": "T", "url": url, "published": date}))
                .collect();
            let statements: Vec<serde_json::Value> = statements
                .iter()
                .enumerate()
                .map(|(i, (source, quote, kind, date, topics))| {
                    let mut s = serde_json::json!({"id": format!("st{i}"), "source": format!("s{source}"), "quote": quote, "speaker": "Speaker", "speaker_kind": kind});
                    if !date.is_empty() {
                        s["date"] = serde_json::json!(date);
                    }
                    if let Some(topics) = topics {
                        s["topics"] = serde_json::json!(topics);
                    }
                    s
                })
                .collect();
            let relations: Vec<serde_json::Value> = relations
                .iter()
                .map(|(from, to, contradicts)| serde_json::json!({"from": format!("st{from}"), "to": format!("st{to}"), "kind": if *contradicts { "contradicts" } else { "supports" }}))
                .collect();
            serde_json::json!({"format": "claimcheck-bundle/1", "title": "T", "language": "en", "sources": sources, "statements": statements, "relations": relations}).to_string()
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn any_verified_bundle_round_trips_through_the_compiled_form(json in bundle_json(), claim in claimish()) {
        if let Ok(checker) = Checker::from_bytes(json.as_bytes(), "generated.json", None) {
            let bytes = checker.compile();
            let decoded = Checker::from_bytes(&bytes, "generated.ccb", None).expect("the compiled form decodes");
            prop_assert_eq!(decoded.bundle(), checker.bundle());
            prop_assert_eq!(decoded.compile(), bytes, "deterministic");
            prop_assert_eq!(decoded.check(&claim), checker.check(&claim));
        }
    }
}
