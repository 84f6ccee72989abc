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
fn claimish() -> impl Strategy<Value = String> {
    let words = prop::sample::select(vec![
        "police", "torture", "not", "no", "never", "Azerbaijan", "Gasimov", "released", "all", "more", "than", "100",
        "2003", "December", "9", "denies", "that", "the", "photos", "were", "taken", "in", "another", "country", "lies",
        "urged", "to", "release", "fourteen", "days", "a", "year", "U.S.", "said", ",", ".", "—", "🙂", "\u{202E}",
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
    fn check_is_deterministic(claim in claimish()) {
        prop_assert_eq!(checker().check(&claim), checker().check(&claim));
    }

    /// (Not newlines: a blank line is a paragraph break, which may change the sentence
    /// judged.)
    #[test]
    fn extra_whitespace_does_not_change_the_verdict(claim in claimish(), pad in "[ \t]{1,3}") {
        let spaced = claim.split(' ').collect::<Vec<_>>().join(&format!(" {pad}"));
        prop_assert_eq!(checker().check(&claim).verdict, checker().check(&spaced).verdict);
    }
}
