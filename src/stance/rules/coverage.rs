//! Too little in common to take a side: below the contradiction threshold of the claim's
//! weight, too little of it in the quote itself, or one shared word where the claim says
//! more.

use super::{Decision, RuleId};
use crate::report::Stance;
use crate::stance::matching::Match;
use crate::stance::{CONTRADICT_MIN_COVERAGE, DECISIVE_MIN_DIRECT_COVERAGE};

pub fn decide(m: &Match) -> Option<Decision> {
    let claim = m.claim;
    // One shared word (besides a country) cannot settle a claim that says more.
    let weighted_terms = claim.terms.iter().filter(|t| !t.place).count();
    let matched_terms = m.found.iter().filter(|(t, _)| !t.place).count();
    let too_thin = matched_terms < weighted_terms.min(2);
    // A miscounted amount is matched for judging the amounts.
    let (gate, direct_gate) =
        if m.miscounted() { (m.amounts_coverage, m.direct_coverage + m.miscounted_weight / claim.total_weight.max(f32::EPSILON)) } else { (m.coverage, m.direct_coverage) };
    let thin = gate < CONTRADICT_MIN_COVERAGE || direct_gate < DECISIVE_MIN_DIRECT_COVERAGE || (too_thin && !m.miscounted());
    thin.then(|| Decision::new(Stance::Related, RuleId::Coverage, format!("Mentions only {} from the claim: too little to take a side.", crate::stance::list(&m.matched_words))))
}
