//! Modality: a claim that states as fact what the statement only supposes, conditions,
//! hopes or plans ("if enacted, the law would ..."; "the government hopes to ..."), or the
//! reverse, is not backed by it. Demands ("urged to release") are negations of the fact
//! and are judged by the polarity rule.

use super::{Decision, RuleId};
use crate::analysis::lexicon::{HYPOTHETICAL_CUES, SCOPE_BREAKERS};
use crate::analysis::{Analysis, NegatorKind};
use crate::report::Stance;
use crate::stance::matching::Match;

/// How far before a word a cue reaches, in tokens, within its sentence.
const CUE_REACH: usize = 10;

/// How far after a verb of saying a request's "to" may stand ("asked the EU to").
const REQUEST_REACH: usize = 8;

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
    // A claim that reports a request ("HRW asked the EU to make sure …": a verb of saying
    // with "to" after it) speaks of the demand itself.
    let tokens = &m.claim.analysis.tokens;
    let claim_reports =
        tokens.iter().enumerate().any(|(i, t)| crate::analysis::resources::saying_verb(&t.word) && tokens.iter().skip(i + 1).take(REQUEST_REACH).any(|n| n.word == "to"));
    let claim_recommends = claim_reports || m.claim.terms.iter().any(|t| recommends(&m.claim.analysis, &t.tokens));
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
    // An imperative sentence ("Release all detainees …"), or what a demand asks for
    // (`demands`): asked for, not reported.
    a.negators.iter().any(|n| n.kind == NegatorKind::Demand && n.cue >= start && n.cue < end && (n.scope == [n.cue] || demands(a, n.cue, at)))
}

/// Whether the word at `at` is part of what the demand at `cue` asks for: after it in
/// its clause, all it says of the demanded action's object included ("should ensure that
/// police units … do not benefit"). Not after "would", which as often says what will be
/// as what is wanted; not after "should have", which faults the past; and not past a
/// word that opens another clause ("which has been …", "when Azerbaijan was accepted").
fn demands(a: &Analysis, cue: usize, at: usize) -> bool {
    let word = |i: usize| a.tokens.get(i).map_or("", |t| t.word.as_str());
    cue < at && word(cue) != "would" && word(cue + 1) != "have" && !(cue + 1..at).any(|j| SCOPE_BREAKERS.contains(&word(j)))
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
