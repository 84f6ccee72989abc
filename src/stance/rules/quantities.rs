//! Amounts compared as ranges: "more than 100 detainees" against "about 60".

use super::{conflict, Comparison, Decision, RuleId};
use crate::analysis::cues::DURATION;
use crate::analysis::{resources, Quantity};
use crate::stance::matching::Match;
use crate::stance::CONTRADICT_MIN_COVERAGE;

/// With this much of the claim matched, a lone amount on each side is compared even
/// when their units differ ("25 members" vs "10 independent experts").
pub const PAIR_ANY_AMOUNTS_COVERAGE: f32 = 0.75;

pub fn decide(m: &Match) -> Option<Decision> {
    // For amounts, the miscounted thing itself is part of the match.
    let applies = m.amounts_coverage >= CONTRADICT_MIN_COVERAGE && m.names_matched && m.direct_terms >= 1;
    conflict(RuleId::Quantities, &m.quantity, applies).or_else(|| conflict(RuleId::Quantities, &swapped_count(m), applies))
}

/// The same amount of another participant: the claim counts one party ("injuring at
/// least 300 officers") where the statement counts, in the same amount, a party the
/// claim names in another role ("protesters beat police" against "severely injuring at
/// least 300 protesters"). The two have traded places.
fn swapped_count(m: &Match) -> Comparison {
    let counted_here = |q: &Quantity, term: &str| q.units.iter().any(|u| u == term);
    // Counts of things, not durations ("up to 12 years") or ranks ("the first time"),
    // and more than one: "not one person" and "a single case" are ways of saying none.
    let count = |q: &&Quantity| q.value >= 2.0 && !q.units.is_empty() && q.units.iter().all(|u| u != DURATION && !u.starts_with("ord:"));
    for c in m.claim.analysis.quantities.iter().filter(count) {
        for s in m.statement.quantities.iter().filter(count).filter(|s| s.overlaps(c) && !s.comparable(c)) {
            let counted = &s.units[0];
            let counted_words: Vec<&str> = m.statement.tokens.iter().filter(|t| &t.term == counted).map(|t| t.word.as_str()).collect();
            // The statement's counted party is elsewhere in the claim, in the same word
            // ("protesters", not "protests", which a stemmer makes one), not as a unit.
            let named_elsewhere = m.claim.terms.iter().filter(|t| !t.unit && &t.term == counted).flat_map(|t| t.tokens.iter()).any(|&i| {
                let word = &m.claim.analysis.tokens[i].word;
                counted_words.iter().any(|w| w == word || resources::inflected_alike(w, word))
            });
            // The claim's counted thing is not the statement's in other words
            // ("demonstrators" for "protesters").
            let reworded =
                m.found.iter().filter(|(t, _)| counted_here(c, &t.term)).filter_map(|(_, hit)| hit.occurrences()).flatten().any(|&i| counted_here(s, &m.statement.tokens[i].term));
            if named_elsewhere && !reworded {
                return Comparison::Conflict(c.label.clone(), s.label.clone());
            }
        }
    }
    Comparison::Silent
}

/// Compares amounts that share a unit; with `pair_lone` and one amount on each side,
/// compares those.
pub fn compare_quantities(claim: &[Quantity], statement: &[Quantity], pair_lone: bool) -> Comparison {
    if claim.is_empty() {
        return Comparison::Silent;
    }
    let mut result = Comparison::Silent;
    for c in claim {
        let comparable: Vec<&Quantity> = statement.iter().filter(|s| s.comparable(c)).collect();
        // Ordinals ("the first time") never pair with counts ("five weeks").
        let ordinal = |q: &Quantity| q.units.iter().any(|u| u.starts_with("ord:"));
        let lone_pair = pair_lone && claim.len() == 1 && statement.len() == 1 && ordinal(c) == ordinal(&statement[0]);
        // Paired only because each side has one amount, the two may count different
        // things ("about 254 political prisoners", "hundreds of torture complaints"):
        // enough to tell they differ, not to confirm the claim's amount.
        let paired_by_position = comparable.is_empty() && lone_pair;
        let comparable = if paired_by_position { vec![&statement[0]] } else { comparable };
        if comparable.is_empty() {
            if matches!(result, Comparison::Silent) {
                result = Comparison::Unmatched;
            }
            continue;
        }
        match comparable.iter().find(|s| s.overlaps(c)) {
            Some(_) if paired_by_position => {
                if matches!(result, Comparison::Silent) {
                    result = Comparison::Unmatched;
                }
            }
            Some(s) => {
                if !matches!(result, Comparison::Conflict(..)) {
                    result = Comparison::Agree(c.label.clone(), s.label.clone());
                }
            }
            None => return Comparison::Conflict(c.label.clone(), comparable[0].label.clone()),
        }
    }
    result
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    #[test]
    fn amounts_compare_as_ranges() {
        let q = |t: &str| analyze(t).quantities;
        assert!(matches!(compare_quantities(&q("more than 100 detainees"), &q("about 60 detainees"), false), Comparison::Conflict(..)));
        assert!(matches!(compare_quantities(&q("about 250 prisoners"), &q("254 prisoners"), false), Comparison::Agree(..)));
        assert!(matches!(compare_quantities(&q("25 members"), &q("no amount here"), false), Comparison::Unmatched));
        // Paired by position only: different things counted never confirm an amount.
        assert!(matches!(compare_quantities(&q("about 254 political prisoners"), &q("hundreds of torture complaints"), true), Comparison::Unmatched));
    }
}
