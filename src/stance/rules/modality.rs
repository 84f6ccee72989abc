//! Modality: a claim that states as fact what the statement only supposes, conditions,
//! hopes or plans ("if enacted, the law would ..."; "the government hopes to ..."), or the
//! reverse, is not backed by it. Demands ("urged to release") are negations of the fact
//! and are judged by the polarity rule.

use super::{Decision, RuleId};
use crate::analysis::lexicon::HYPOTHETICAL_CUES;
use crate::analysis::{Analysis, NegatorKind};
use crate::report::Stance;
use crate::stance::matching::Match;

/// How far before a word a cue reaches, in tokens, within its sentence.
const CUE_REACH: usize = 10;

pub fn decide(m: &Match) -> Option<Decision> {
    let mut claim_cue = None;
    let mut statement_cue = None;
    for (term, hit) in &m.found {
        let Some(occurrences) = hit.occurrences() else { continue };
        if term.entity {
            continue;
        }
        claim_cue = claim_cue.or_else(|| term.tokens.iter().find_map(|&i| hypothetical(&m.claim.analysis, i)));
        // Every occurrence must be supposed for the statement to only suppose it.
        let supposed: Vec<Option<usize>> = occurrences.iter().map(|&i| hypothetical(m.statement, i)).collect();
        if supposed.iter().all(Option::is_some) {
            statement_cue = statement_cue.or(supposed[0]);
        }
    }
    let cue_word = |a: &Analysis, i: usize| a.tokens[i].word.clone();
    // A recommendation ("Establish an independent commission ...") asks for what it names;
    // when polarity does not already set it against the claim, it cannot back it.
    let recommends = |a: &Analysis, at: &[usize]| !at.is_empty() && at.iter().all(|&i| in_recommendation(a, i));
    let statement_recommends = m.found.iter().filter(|(t, _)| !t.entity).filter_map(|(_, hit)| hit.occurrences()).any(|ix| recommends(m.statement, ix));
    let claim_recommends = m.claim.terms.iter().any(|t| recommends(&m.claim.analysis, &t.tokens));
    if statement_recommends && !claim_recommends && m.claim_polarity == m.statement_polarity {
        return Some(Decision::new(Stance::Related, RuleId::Modality, "This statement recommends it; it does not report that it happened.".to_string()));
    }
    match (claim_cue, statement_cue) {
        (None, Some(s)) => Some(Decision::new(
            Stance::Related,
            RuleId::Modality,
            format!("This statement only says what would or could be (\u{201C}{}\u{201D}); the claim states it as fact.", cue_word(m.statement, s)),
        )),
        (Some(c), None) => Some(Decision::new(
            Stance::Related,
            RuleId::Modality,
            format!("The claim only supposes it (\u{201C}{}\u{201D}); this statement states a fact.", cue_word(&m.claim.analysis, c)),
        )),
        _ => None,
    }
}

/// The hypothetical cue governing token `at`, if any: one shortly before it in its
/// sentence.
pub fn hypothetical(a: &Analysis, at: usize) -> Option<usize> {
    (0..at).rev().take_while(|&j| !a.sentence_ends.contains(&j)).take(CUE_REACH).find(|&j| HYPOTHETICAL_CUES.contains(&a.tokens[j].word.as_str()) && !past_inability(a, j))
}

/// "he could not eat": what someone was unable to do, a fact, not a supposition.
fn past_inability(a: &Analysis, cue: usize) -> bool {
    a.tokens[cue].word == "could" && a.tokens.get(cue + 1).is_some_and(|t| t.word == "not")
}

/// Whether token `at` lies in a sentence that opens with a request ("Establish ...",
/// "Release ..."): an imperative, as `cues` marks them.
fn in_recommendation(a: &Analysis, at: usize) -> bool {
    let start = a.sentence_ends.iter().rev().find(|&&e| e < at).map_or(0, |e| e + 1);
    let end = a.sentence_ends.iter().find(|&&e| e >= at).copied().unwrap_or(a.tokens.len());
    a.negators.iter().any(|n| n.kind == NegatorKind::Demand && n.cue >= start && n.cue < end && n.scope == [n.cue])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn supposed(text: &str, word: &str) -> bool {
        let a = analyze(text);
        let at = a.tokens.iter().position(|t| t.word == word).expect("word");
        hypothetical(&a, at).is_some()
    }

    #[test]
    fn conditions_and_hopes_suppose() {
        assert!(supposed("If enacted, the law would restrict NGOs.", "restrict"));
        assert!(supposed("The government hopes to end torture.", "torture"));
        assert!(!supposed("The law restricts NGOs.", "restricts"));
        assert!(!supposed("If asked, he lied. Police tortured him.", "tortured"));
    }
}
