//! Evaluation: a claim that rates something well ("the prisons are safe", "the review
//! praised the record") against a statement that rates the same thing badly
//! ("life-threatening conditions in the prisons", "a troubling record"), or the reverse.
//!
//! Ratings come from VADER's lexicon (`analysis::resources::valence`), read from the
//! words the two texts do not share (shared words are the topic, not the rating), with
//! negation flipping a word's sign. The statement's ratings count only near the words it
//! shares with the claim, so that a long quote's other sentences do not weigh in. A
//! claim that rates both ways ("police freed ... jailed people") needs the statement to
//! say both: a statement that only says the bad part does not back the good one.

use super::{Decision, RuleId};
use crate::analysis::{resources, Analysis, Lexicon, NegatorKind, TokenKind};
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
    let Some(claim_rating) = rating(&m.claim.analysis, claim_tokens.iter().copied(), &|t| !shared(t)) else {
        return stem_shared_clash(m, &claim_tokens);
    };
    let statement_rating = statement_rating(m);
    // A claim that rates both ways ("freed ... jailed people") needs both ratings said:
    // one the statement shares does not back the other.
    let claim_other = rating_where(&m.claim.analysis, claim_tokens.iter().copied(), &|t| !shared(t), Some(-claim_rating.value.signum()));
    if let Some(other) = claim_other {
        if statement_rating_where(m, Some(other.value.signum())).is_none() {
            return Some(Decision::new(Stance::Related, RuleId::Evaluation, format!("The claim says \u{201C}{}\u{201D}; this statement does not say so.", other.word)));
        }
    }
    match statement_rating {
        Some(s) if s.value.signum() != claim_rating.value.signum() => Some(clash(&claim_rating, &s)),
        Some(_) => None,
        // The claim rates; the statement does not: it cannot back the rating.
        None => Some(Decision::new(Stance::Related, RuleId::Evaluation, format!("The claim says \u{201C}{}\u{201D}; this statement does not rate it.", claim_rating.word))),
    }
}

/// A rating word the statement matches only by stem, in another word ("humane" against
/// "human rights report"): it is still the claim's rating, and a statement rating the
/// thing the other way contradicts it. A statement that does not rate it passes.
fn stem_shared_clash(m: &Match, claim_tokens: &[usize]) -> Option<Decision> {
    let lexicon = Lexicon::get();
    let statement_words = |term: &str| -> Vec<&str> {
        m.found.iter().filter(|(t, _)| t.term == term).filter_map(|(_, hit)| hit.occurrences()).flatten().map(|&i| m.statement.tokens[i].word.as_str()).collect()
    };
    // Only the stemmer made them one ("humane", "human": WordNet keeps them apart), not
    // one word's forms ("prosecuted", "prosecutions"); synonyms are another matter.
    let reworded = |t: &str| {
        let words = statement_words(t);
        let claim_words: Vec<&str> = claim_tokens.iter().map(|&i| &m.claim.analysis.tokens[i]).filter(|c| c.term == t).map(|c| c.word.as_str()).collect();
        !words.is_empty() && claim_words.iter().all(|c| words.iter().all(|w| w != c && lexicon.stem(w) == lexicon.stem(c) && resources::stem_false_friends(w, c)))
    };
    let claim_rating = rating(&m.claim.analysis, claim_tokens.iter().copied(), &reworded)?;
    let statement_rating = statement_rating(m)?;
    (statement_rating.value.signum() != claim_rating.value.signum()).then(|| clash(&claim_rating, &statement_rating))
}

/// The two texts rate the thing in opposite ways.
fn clash(claim: &Rating, statement: &Rating) -> Decision {
    Decision::new(Stance::Contradicts, RuleId::Evaluation, format!("The claim says \u{201C}{}\u{201D}; this statement says \u{201C}{}\u{201D}.", claim.word, statement.word))
}

/// The statement's strongest rating near the words it shares with the claim.
fn statement_rating(m: &Match) -> Option<Rating> {
    statement_rating_where(m, None)
}

/// The same, among ratings of the given sign only (when one is given).
fn statement_rating_where(m: &Match, sign: Option<f32>) -> Option<Rating> {
    let anchors: Vec<usize> = m.found.iter().filter_map(|(_, hit)| hit.occurrences()).flatten().copied().collect();
    let near = |i: usize| anchors.iter().any(|&a| a.abs_diff(i) <= NEAR);
    let claim_terms = |t: &str| !m.claim.terms.iter().any(|c| c.term == t);
    let statement_tokens = (0..m.statement.tokens.len()).filter(|&i| near(i) && !m.statement.tokens[i].entity);
    rating_where(m.statement, statement_tokens, &claim_terms, sign)
}

struct Rating {
    value: f32,
    word: String,
}

/// The strongest rating among `tokens` (content words passing `counts`), negation
/// applied; `None` when none reaches `MIN_RATING`.
fn rating(a: &Analysis, tokens: impl Iterator<Item = usize>, counts: &dyn Fn(&str) -> bool) -> Option<Rating> {
    rating_where(a, tokens, counts, None)
}

/// The strongest rating among `tokens`, of the given sign only (when one is given).
fn rating_where(a: &Analysis, tokens: impl Iterator<Item = usize>, counts: &dyn Fn(&str) -> bool, sign: Option<f32>) -> Option<Rating> {
    let mut best: Option<Rating> = None;
    for i in tokens {
        let t = &a.tokens[i];
        if t.kind != TokenKind::Content || !counts(&t.term) {
            continue;
        }
        let Some(v) = resources::valence(&t.word) else { continue };
        // What a demand asks for ("should free the defenders") rates nothing yet.
        if a.negators.iter().any(|n| n.kind == NegatorKind::Demand && n.scope.contains(&i)) {
            continue;
        }
        let value = if a.is_negated(i) { -v } else { v };
        if sign.is_some_and(|sign| value.signum() != sign) {
            continue;
        }
        if value.abs() >= MIN_RATING && best.as_ref().is_none_or(|b| value.abs() > b.value.abs()) {
            best = Some(Rating { value, word: t.word.clone() });
        }
    }
    best
}
