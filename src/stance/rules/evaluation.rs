//! Evaluation: a claim that rates something well ("the prisons are safe", "the review
//! praised the record") against a statement that rates the same thing badly
//! ("life-threatening conditions in the prisons", "a troubling record"), or the reverse.
//!
//! Ratings come from VADER's lexicon (`analysis::resources::valence`), read from the
//! words the two texts do not share (shared words are the topic, not the rating), with
//! negation flipping a word's sign. The statement's ratings count only near the words it
//! shares with the claim, so that a long quote's other sentences do not weigh in.

use super::{Decision, RuleId};
use crate::analysis::{resources, Analysis, Lexicon, TokenKind};
use crate::report::Stance;
use crate::stance::matching::Match;

/// A side rates when its strongest rating word reaches this (VADER's scale is −4..4).
const MIN_RATING: f32 = 1.5;
/// How far from a shared word a statement's rating word may stand, in tokens.
const NEAR: usize = 8;

pub fn decide(m: &Match) -> Option<Decision> {
    let shared = |term: &str| m.found.iter().any(|(t, _)| t.term == term);
    // The claim's own content words: not names, not the frame ("denies", "says").
    let claim_tokens: Vec<usize> = m.claim.terms.iter().filter(|t| !t.entity).flat_map(|t| t.tokens.iter().copied()).collect();
    let claim_rating = rating(&m.claim.analysis, claim_tokens.into_iter(), &|t| !shared(t))?;
    let anchors: Vec<usize> = m.found.iter().filter_map(|(_, hit)| hit.occurrences()).flatten().copied().collect();
    let near = |i: usize| anchors.iter().any(|&a| a.abs_diff(i) <= NEAR);
    let claim_terms = |t: &str| !m.claim.terms.iter().any(|c| c.term == t);
    let statement_tokens = (0..m.statement.tokens.len()).filter(|&i| near(i) && !m.statement.tokens[i].entity);
    let statement_rating = rating(m.statement, statement_tokens, &claim_terms);
    match statement_rating {
        Some(s) if s.value.signum() != claim_rating.value.signum() => Some(Decision::new(
            Stance::Contradicts,
            RuleId::Evaluation,
            format!("The claim says \u{201C}{}\u{201D}; this statement says \u{201C}{}\u{201D}.", claim_rating.word, s.word),
        )),
        Some(_) => None,
        // The claim rates; the statement does not: it cannot back the rating.
        None => Some(Decision::new(Stance::Related, RuleId::Evaluation, format!("The claim says \u{201C}{}\u{201D}; this statement does not rate it.", claim_rating.word))),
    }
}

struct Rating {
    value: f32,
    word: String,
}

/// The strongest rating among `tokens` (content words passing `counts`), negation
/// applied; `None` when none reaches `MIN_RATING`.
fn rating(a: &Analysis, tokens: impl Iterator<Item = usize>, counts: &dyn Fn(&str) -> bool) -> Option<Rating> {
    let lexicon = Lexicon::get();
    let mut best: Option<Rating> = None;
    for i in tokens {
        let t = &a.tokens[i];
        if t.kind != TokenKind::Content || !counts(&t.term) {
            continue;
        }
        let Some(v) = resources::valence(&lexicon.stem(&t.word)) else { continue };
        let value = if a.is_negated(i) { -v } else { v };
        if value.abs() >= MIN_RATING && best.as_ref().is_none_or(|b| value.abs() > b.value.abs()) {
            best = Some(Rating { value, word: t.word.clone() });
        }
    }
    best
}
