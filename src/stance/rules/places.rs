//! Places: a place the claim names that the statement replaces with another ("a British
//! MP" against "the German parliamentarian").

use super::{conflict, Comparison, Decision, RuleId};
use crate::analysis::Analysis;
use crate::stance::matching::Match;
use crate::stance::ClaimView;

pub fn decide(m: &Match) -> Option<Decision> {
    conflict(RuleId::Places, &compare_places(m.claim, m.statement, m.aside_places), m.same_subject())
}

/// A place the claim names that the statement does not, where the statement names
/// another instead ("a British MP" vs "the German parliamentarian"). Only when the two
/// share a place as well: otherwise the statement is simply about another country.
fn compare_places(claim: &ClaimView, statement: &Analysis, aside_places: &[&str]) -> Comparison {
    let claim_places = claim.analysis.places();
    let quote_places = statement.places();
    if !claim_places.iter().any(|p| quote_places.contains(p) || aside_places.contains(p)) {
        return Comparison::Silent;
    }
    let missing = claim_places.iter().find(|p| !quote_places.contains(p) && !aside_places.contains(p));
    let extra = quote_places.iter().find(|p| !claim_places.contains(p));
    match (missing, extra) {
        (Some(m), Some(e)) => {
            let word = |a: &Analysis, place: &str| a.tokens.iter().find(|t| t.place == Some(place)).map_or(place.to_string(), |t| t.word.clone());
            Comparison::Conflict(word(&claim.analysis, m), word(statement, e))
        }
        _ => Comparison::Silent,
    }
}
