//! Years: "in 2012" against "in 2015", for a statement about the same named things; and
//! a claim only about years after the statement was written, which it cannot speak of.

use super::{conflict, Comparison, Decision, RuleId};
use crate::report::Stance;
use crate::stance::matching::Match;

pub fn decide(m: &Match) -> Option<Decision> {
    // A bound ("bound by the convention since 1996") is not contradicted by a later or
    // earlier year the statement names: it agrees only by naming the same year.
    let claim = &m.claim.analysis;
    let dating: Vec<u16> = claim.years.iter().copied().filter(|y| !claim.bound_years.contains(y)).collect();
    // A claim about a year after the statement was written ("the 2024 presidential
    // election" against a report of January 2004) is about something it cannot speak of.
    if let Some(written) = m.year {
        if !dating.is_empty() && dating.iter().all(|&y| y > written) && !dating.iter().any(|y| m.statement.years.contains(y)) {
            let years = dating.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
            return Some(Decision::new(Stance::Related, RuleId::Years, format!("The claim speaks of {years}; this statement dates from {written}.")));
        }
    }
    let comparison = match compare_years(&claim.years, &m.statement.years) {
        Comparison::Conflict(..) if dating.is_empty() => Comparison::Silent,
        Comparison::Conflict(..) => compare_years(&dating, &m.statement.years),
        other => other,
    };
    conflict(RuleId::Years, &comparison, m.same_subject())
}

fn compare_years(claim: &[u16], statement: &[u16]) -> Comparison {
    if claim.is_empty() || statement.is_empty() {
        return Comparison::Silent;
    }
    if claim.iter().any(|y| statement.contains(y)) {
        return Comparison::Agree(String::new(), String::new());
    }
    let join = |ys: &[u16]| ys.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
    Comparison::Conflict(join(claim), join(statement))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn years_conflict_only_when_none_shared() {
        assert!(matches!(compare_years(&[2012], &[2015]), Comparison::Conflict(..)));
        assert!(matches!(compare_years(&[2012, 2015], &[2015]), Comparison::Agree(..)));
        assert!(matches!(compare_years(&[], &[2015]), Comparison::Silent));
    }
}
