//! Negation and opposed words, per clause: the claim says a shared thing is so and the
//! statement says it is not ("do not torture" against "numerous cases of police
//! torture"), or it uses the opposite word ("clean" against "fraudulent").

use super::{Decision, RuleId};
use crate::report::Stance;
use crate::stance::matching::Match;
use crate::stance::{list_plain, negated_phrase, polar_terms_words};

pub fn decide(m: &Match) -> Option<Decision> {
    if m.polar_terms.is_empty() || m.claim_polarity == m.statement_polarity {
        return None;
    }
    let (claim, statement) = (m.claim, m.statement);
    let reason = if let Some((term, at)) = m.flips.first() {
        format!("The claim says \u{201C}{}\u{201D}; this statement says the opposite, \u{201C}{}\u{201D}.", m.claim_word(term), statement.tokens[*at].word)
    } else if let Some(&n) = m.statement_negators.iter().next() {
        let scope_word =
            statement.negators[n].scope.iter().find(|i| m.matched_words.contains(&statement.tokens[**i].word)).map(|&i| statement.tokens[i].word.clone()).unwrap_or_default();
        let claim_side = if m.claim_polarity == 1 { negated_phrase(claim) } else { format!("\u{201C}{}\u{201D}", polar_terms_words(claim, &m.polar_terms)) };
        format!("The claim says {claim_side}; this statement says \u{201C}{} … {scope_word}\u{201D}.", statement.tokens[statement.negators[n].cue].word)
    } else {
        format!("The claim says {}; this statement reports it as so ({}).", negated_phrase(claim), list_plain(&m.matched_words))
    };
    Some(Decision::new(Stance::Contradicts, RuleId::Polarity, reason))
}
