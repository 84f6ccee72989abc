//! Frequency: a claim that something is rare, occasional or over ("hardly ever", "a
//! thing of the past", "isolated cases") is contradicted by a statement that reports it
//! as widespread, routine or continuing, or counts it in the hundreds ("more than 100
//! cases"), and is not backed by one that reports it without saying how often.

use super::{Decision, RuleId};
use crate::analysis::cues::DURATION;
use crate::analysis::lexicon::{INTENSIFIERS, MINIMISERS};
use crate::analysis::Analysis;
use crate::report::Stance;
use crate::stance::matching::Match;

/// The smallest count that says "hundreds".
const HUNDREDS: f64 = 100.0;

pub fn decide(m: &Match) -> Option<Decision> {
    let claim_minimiser = first_of(&m.claim.analysis, MINIMISERS)?;
    if first_of(m.statement, MINIMISERS).is_some() {
        return None; // both say how seldom: the other rules compare the rest
    }
    let said = &m.claim.analysis.tokens[claim_minimiser].word;
    // The statement reports the shared thing as so (not negated on either side).
    let affirmed = m.claim_polarity == 0 && m.statement_polarity == 0;
    if let (true, Some(i)) = (affirmed, first_of(m.statement, INTENSIFIERS)) {
        let reason = format!("The claim says \u{201C}{said}\u{201D}; this statement says \u{201C}{}\u{201D}.", m.statement.tokens[i].word);
        return Some(Decision::new(Stance::Contradicts, RuleId::Frequency, reason));
    }
    // "only a few cases" against "more than 100 cases": a count in the hundreds says
    // "hundreds", whatever the word.
    if let (true, Some(count)) = (affirmed, m.statement.quantities.iter().find(|q| q.low >= HUNDREDS && !q.units.iter().any(|u| u == DURATION) && !q.units.is_empty())) {
        // The amount and what it counts ("more than 100 cases"), not the word after that.
        let words: Vec<&str> = count.label.split(' ').collect();
        let counted = words[..words.len() - (count.units.len() - 1).min(words.len() - 1)].join(" ");
        let reason = format!("The claim says \u{201C}{said}\u{201D}; this statement says {}.", crate::stance::wording::amount(&counted));
        return Some(Decision::new(Stance::Contradicts, RuleId::Frequency, reason));
    }
    Some(Decision::new(Stance::Related, RuleId::Frequency, format!("The claim says \u{201C}{said}\u{201D}; this statement does not say how often.")))
}

fn first_of(a: &Analysis, words: &[&str]) -> Option<usize> {
    a.tokens.iter().position(|t| words.contains(&t.word.as_str()))
}
