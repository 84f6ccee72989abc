//! Support: what a statement must show to back a claim, stricter than what it must show
//! to contradict it. The claim's names, dated years, days and amounts; for a universal
//! claim ("all", "no one") a universal statement; and the claim's predicate — what it
//! says of its subject — not just its topic: a claim word that is neither a name nor a
//! place and that the statement lacks keeps it from support when it carries weight.

use super::{Comparison, Decision, RuleId};
use crate::analysis::lexicon::COPULAS;
use crate::analysis::{resources, Analysis, NegatorKind};
use crate::report::Stance;
use crate::stance::matching::{Found, Match};
use crate::stance::{list, ClaimTerm, SUPPORT_MIN_COVERAGE};

/// The most of the claim's weight that may be missing from the statement in words that
/// say something of the subject (not names or places).
pub const MAX_UNMATCHED_PREDICATE: f32 = 0.25;

/// The same, counting words found only in the statement's topics as missing: a little
/// more is allowed, as topics often name what the quote says in other words.
pub const MAX_UNSPOKEN_PREDICATE: f32 = 0.3;

/// The most of the claim's weight one missing word the bundle never uses may carry: half
/// of what may be missing in all. Such a word weighs little in ranking ("kept", "quit"),
/// but a heavy one is usually what the claim adds ("the flag was *burned* in the photos"),
/// and the record never says it.
pub const MAX_UNSEEN_WORD: f32 = MAX_UNMATCHED_PREDICATE / 2.0;

pub fn decide(m: &Match) -> Option<Decision> {
    let claim = m.claim;
    let statement = m.statement;
    // What a claim dates ("in 2012", "on December 19") the statement must date alike
    // to support it: its own words, else its date. A text dated January 2004 may report
    // December 2003: its date allows the year before.
    let dated_alike = |y: &u16| if statement.years.is_empty() { m.year.is_some_and(|year| *y == year || *y + 1 == year) } else { statement.years.contains(y) };
    let dates_unproven = claim.analysis.dated_years.iter().any(|y| !dated_alike(y)) || claim.analysis.days.iter().any(|d| !statement.days.contains(d));
    // A particular statement may refute a universal claim, never prove it.
    let universal_unproven = claim.analysis.universal && !statement.universal;
    // The quote itself must say something of the claim beyond naming a country.
    let quote_speaks = m.found.iter().any(|(t, hit)| !t.place && !matches!(hit, Found::Aside));
    // Where a claim says something is not ("taken in another country", "not in
    // Azerbaijan", "unpunished"), that is its point: the quote itself must speak of it.
    let spoken = |t: &ClaimTerm| m.found.iter().any(|(f, hit)| f.term == t.term && hit.occurrences().is_some());
    let negated_unspoken = claim.terms.iter().filter(|t| (!t.entity || t.place) && t.tokens.iter().any(|&i| pointedly_negated(&claim.analysis, i, t.place))).any(|t| !spoken(t));
    // Every place the claim names ("French", "in Geneva") is part of what it says: a
    // statement that names none of it cannot confirm it.
    let places_unspoken = claim.terms.iter().any(|t| t.place && !m.has(t));
    // "X are humane": what follows the copula is what the claim asserts of X. None of it
    // found in the quote, the statement speaks of X but not of that.
    let copula_predicate_unspoken = copula_predicate(&claim.analysis).is_some_and(|words| !words.iter().any(|&i| claim.terms.iter().any(|t| t.tokens.contains(&i) && spoken(t))));
    // "The photos weren't taken in Azerbaijan": when the claim's negation holds only
    // names and places, polarity (judged over other words) does not see it; a statement
    // that names them without negating them says the opposite, not the same.
    let negated_names_affirmed = m.claim_negators.is_empty()
        && claim
            .terms
            .iter()
            .filter(|t| {
                t.entity && t.tokens.iter().any(|&i| claim.analysis.negators.iter().any(|n| matches!(n.kind, NegatorKind::Forward | NegatorKind::Backward) && n.scope.contains(&i)))
            })
            .any(|t| m.found.iter().any(|(f, hit)| f.term == t.term && hit.occurrences().is_some_and(|ix| !ix.iter().any(|&i| statement.is_negated(i)))));
    // A word no statement uses, unmatched, carrying weight: an event or detail the
    // record does not mention. Verbs of saying and showing ("mentions", "shows") only
    // report what the record says.
    let reports = |t: &ClaimTerm| {
        t.tokens.iter().any(|&i| {
            let word = &claim.analysis.tokens[i].word;
            resources::saying_verb(word) || resources::perception_verb(word)
        })
    };
    let unseen_unsaid = claim.terms.iter().any(|t| t.unseen && !t.unit && !m.has(t) && t.weight > MAX_UNSEEN_WORD * claim.total_weight && !reports(t));
    // "The photos were taken in another country" does not back "taken in Azerbaijan":
    // the statement puts it somewhere else, and its quote does not name the claim's place.
    let quote_places = statement.places();
    let put_elsewhere = statement.negators.iter().any(|n| n.kind == NegatorKind::Lexical && crate::analysis::cues::points_elsewhere(statement, n.cue))
        && claim.terms.iter().any(|t| {
            t.place
                && !t.tokens.iter().any(|&i| claim.analysis.is_negated(i))
                && !t.tokens.iter().any(|&i| claim.analysis.tokens[i].place.is_some_and(|p| quote_places.contains(&p)))
        });
    // "The Azerbaijani government's push" is not backed by "the Georgian Government's
    // attempts": the quote names another place, and the claim's only in its topics.
    let claim_places = claim.analysis.places();
    let other_place_instead = quote_places.iter().any(|p| !claim_places.contains(p)) && claim_places.iter().any(|p| !quote_places.contains(p));
    // One word ("police") asserts nothing a statement could back.
    let says_something = claim.terms.len() >= 2;
    let supports = says_something
        && !negated_unspoken
        && !m.negation_elsewhere
        && !negated_names_affirmed
        && !put_elsewhere
        && !other_place_instead
        && !unseen_unsaid
        && !places_unspoken
        && !copula_predicate_unspoken
        && m.coverage >= SUPPORT_MIN_COVERAGE
        && !matches!(m.quantity, Comparison::Unmatched)
        && !universal_unproven
        && m.names_matched
        && !dates_unproven
        && quote_speaks
        // Names alone say nothing of them: something the claim asserts must be shared.
        && !m.polar_terms.is_empty()
        && m.unmatched_predicate() <= MAX_UNMATCHED_PREDICATE
        && m.unspoken_predicate() <= MAX_UNSPOKEN_PREDICATE
        && !claim.terms.iter().any(|t| t.unknown_name);
    if !supports {
        return None;
    }
    let mut reason = format!("Says what the claim says ({}", list(&m.matched_words));
    if m.claim_polarity == 1 {
        reason.push_str("), and like the claim says it is not so.");
    } else {
        reason.push_str(").");
    }
    if let Comparison::Agree(c, s) = &m.quantity {
        reason = format!("The claim says {}; this statement says {}. {reason}", crate::stance::wording::amount(c), crate::stance::wording::amount(s));
    }
    Some(Decision::new(Stance::Supports, RuleId::Support, reason))
}

/// Whether token `i` is what a negation points at: a word that negates itself
/// ("abroad", "another country", "impunity"), or a place right after a negator ("not in
/// Azerbaijan").
fn pointedly_negated(a: &Analysis, i: usize, place: bool) -> bool {
    a.negators.iter().any(|n| match n.kind {
        NegatorKind::Lexical => n.cue == i,
        _ => place && n.cue < i && i - n.cue <= 2 && n.scope.contains(&i),
    })
}

/// The content words after the claim's last copula ("are", "was", "is"), in its clause:
/// what it says its subject is. `None` when there is no copula or nothing after it.
fn copula_predicate(a: &Analysis) -> Option<Vec<usize>> {
    let copula = a.tokens.iter().rposition(|t| COPULAS.contains(&t.word.as_str()))?;
    // In a subordinate clause ("cheered after the resolution was voted down") it is not
    // what the claim asserts.
    let clause_start = a.tokens[..copula].iter().rposition(|t| t.kind == crate::analysis::TokenKind::Boundary).map_or(0, |b| b + 1);
    if a.tokens[clause_start..copula].iter().any(|t| SUBORDINATORS.contains(&t.word.as_str())) {
        return None;
    }
    let words: Vec<usize> = (copula + 1..a.tokens.len())
        .take_while(|&j| a.tokens[j].kind != crate::analysis::TokenKind::Boundary)
        .filter(|&j| a.tokens[j].kind == crate::analysis::TokenKind::Content)
        .collect();
    (!words.is_empty()).then_some(words)
}

const SUBORDINATORS: &[&str] =
    &["after", "before", "when", "while", "since", "because", "although", "though", "if", "unless", "until", "that", "which", "who", "whom", "whose", "where"];
