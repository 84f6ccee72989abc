//! Stance of one statement towards a claim: supports, contradicts or related, with the
//! id of the rule that decided and a short reason a reader can check ("claim says 25;
//! statement says 10").
//!
//! [`matching`] finds what the two share; the rules in [`rules`], one per file, decide in
//! the order of [`rules::TABLE`].
//!
//! Polarity is judged per clause, not per word: a negation counts when its scope holds a
//! term the two texts share. On the statement side it counts only if every occurrence of
//! that shared term is negated, so "lack of independence of lawyers" does not cancel
//! "the disbarment of several lawyers" in the same sentence. Opposed words ("clean" vs
//! "fraudulent") count as one negation. Quantities and years compare as ranges.

pub mod matching;
pub mod rules;
pub mod wording;

use std::collections::HashMap;

use crate::analysis::{Analysis, TokenKind};
use crate::claim::Frame;
use crate::report::Stance;
pub use rules::RuleId;

/// Share of the claim's weight a statement must match to support it.
pub const SUPPORT_MIN_COVERAGE: f32 = 0.55;
/// Share of the claim's weight a statement must match to contradict it.
pub const CONTRADICT_MIN_COVERAGE: f32 = 0.45;
/// Below this share a statement is not shown at all.
pub const RELATED_MIN_COVERAGE: f32 = 0.15;

/// One distinct content term of the claim's judged content.
#[derive(Clone, Debug)]
pub struct ClaimTerm {
    pub term: String,
    pub weight: f32,
    pub tokens: Vec<usize>,
    /// A name, or a word of the claim's speaker: matched, never polar.
    pub entity: bool,
    /// The unit of one of the claim's amounts.
    pub unit: bool,
    /// A country or its people: judged by place, not as a name.
    pub place: bool,
    /// A proper name ("Gasimov", "Council of Europe"): a statement must share the
    /// claim's names to take its side on them.
    pub name: bool,
    /// A name the bundle never mentions, outside the claim's speaker: nothing in the
    /// bundle can confirm what the claim says of it.
    pub unknown_name: bool,
    /// A word the bundle never uses, not a name: weighed down as a common word in
    /// ranking, and something no statement says in these words.
    pub unseen: bool,
}

/// A claim's speaker ("Gasimov says ...") counts for half: statements by or about the
/// speaker rank higher, but the content decides.
const SPEAKER_WEIGHT: f32 = 0.5;
const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "him", "her", "his", "i", "me", "my", "we", "us", "our", "they", "them", "their"];
/// The quote itself (not topics or title) must match this share of the claim for the
/// statement to take a side.
pub const DECISIVE_MIN_DIRECT_COVERAGE: f32 = 0.4;
/// Manner adverbs ("effectively", "freely") qualify the claim; missing one matters less.
const ADVERB_WEIGHT: f32 = 0.5;
/// Verbs that carry little of a claim ("were *held*", "*kept* summoning"): missing one
/// matters less.
const LIGHT_VERBS: &[&str] = &["hold", "holds", "held", "holding", "keep", "keeps", "kept", "keeping", "give", "gives", "gave", "given", "become", "became", "becomes"];
/// Terms a claim negates are what it is about ("the police do not *torture*").
const NEGATED_FOCUS_WEIGHT: f32 = 1.5;

/// The claim, analysed and framed, ready to be compared with many statements.
pub struct ClaimView {
    pub analysis: Analysis,
    pub frame: Frame,
    pub terms: Vec<ClaimTerm>,
    pub total_weight: f32,
    /// The claim reports what someone says ("Amnesty International reported that …") whose
    /// name the bundle never uses: nothing in it can confirm what they said.
    pub unknown_speaker: bool,
}

impl ClaimView {
    /// `idf` weighs terms; `is_name` tells terms the bundle only writes as names, so a
    /// name is known even at the start of a sentence or typed in lower case.
    /// `weight(term, is_name)` weighs a term.
    /// `known` tells terms the bundle uses.
    pub fn new(analysis: Analysis, frame: Frame, weight_of: &dyn Fn(&str, bool) -> f32, is_name: &dyn Fn(&str) -> bool, known: &dyn Fn(&str) -> bool) -> ClaimView {
        // "Gasimov says *he* was tortured": the speaker is also the subject, so the
        // speaker's name counts in full.
        let speaker_is_subject = frame.speaker_tokens.last().is_some_and(|&last| analysis.tokens[last + 1..].iter().any(|t| PERSONAL_PRONOUNS.contains(&t.word.as_str())));
        let speaker_weight = if speaker_is_subject { 1.0 } else { SPEAKER_WEIGHT };
        let mut terms: Vec<ClaimTerm> = Vec::new();
        for (i, token) in analysis.tokens.iter().enumerate() {
            if token.kind != TokenKind::Content || frame.verb == Some(i) {
                continue;
            }
            let of_speaker = frame.speaker_tokens.contains(&i);
            let name_like = is_name(&token.term);
            let entity = token.entity || of_speaker || name_like;
            let mut weight = weight_of(&token.term, entity && token.place.is_none());
            if of_speaker {
                weight *= speaker_weight;
            } else if crate::analysis::is_adverb(&token.word) || LIGHT_VERBS.contains(&token.word.as_str()) {
                weight *= ADVERB_WEIGHT;
            } else if analysis.is_negated(i) && !entity {
                weight *= NEGATED_FOCUS_WEIGHT;
            } else if after_falsity(&analysis, i) {
                weight *= ADVERB_WEIGHT;
            }
            match terms.iter_mut().find(|t| t.term == token.term) {
                Some(existing) => existing.tokens.push(i),
                None => terms.push(ClaimTerm {
                    term: token.term.clone(),
                    weight,
                    tokens: vec![i],
                    entity,
                    unit: false,
                    place: token.place.is_some(),
                    // (Denial words are polarity-neutral like names, but name nothing.)
                    name: token.place.is_none() && token.term != crate::analysis::cues::DENIAL_TERM && (token.entity || name_like || of_speaker),
                    unknown_name: token.place.is_none() && name_like && !of_speaker && !known(&token.term),
                    unseen: !entity && !known(&token.term),
                }),
            }
        }
        // The unit of an amount ("fourteen *days*") matches only where the amount agrees:
        // "two days" must not count as matching "fourteen days".
        let units: Vec<&str> = analysis.quantities.iter().flat_map(|q| q.units.iter().map(String::as_str)).collect();
        for term in terms.iter_mut().filter(|t| units.contains(&t.term.as_str()) && !t.entity) {
            term.unit = true;
        }
        let total_weight = terms.iter().map(|t| t.weight).sum();
        let unknown_speaker = frame.speaker_tokens.iter().any(|&i| {
            let term = &analysis.tokens[i].term;
            analysis.tokens[i].place.is_none() && is_name(term) && !known(term)
        });
        ClaimView { analysis, frame, terms, total_weight, unknown_speaker }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    pub stance: Stance,
    /// The rule that decided.
    pub rule: RuleId,
    /// Share of the claim's weight the statement matches, 0..1.
    pub coverage: f32,
    pub reason: String,
    /// Words of the statement that match the claim.
    pub matched_words: Vec<String>,
}

/// Compares a claim with one statement. `aside` holds the terms (with their words) of the statement's
/// topics, speaker and source title; `aside_places` the places they name.
/// `year` is the statement's date's year (if known), for claims that date what they say.
pub fn judge(claim: &ClaimView, statement: &Analysis, aside: &HashMap<String, Vec<String>>, aside_places: &[&str], year: Option<u16>) -> Judgement {
    let m = matching::Match::new(claim, statement, aside, aside_places, year);
    let decision = rules::decide(&m);
    Judgement { stance: decision.stance, rule: decision.rule, coverage: m.coverage, reason: decision.reason, matched_words: m.matched_words }
}

/// Whether token `i` follows a falsity word in its clause: in "the allegations are lies
/// spread by foreign groups", what follows "lies" only describes the lies.
fn after_falsity(analysis: &Analysis, i: usize) -> bool {
    analysis.negators.iter().any(|n| n.kind == crate::analysis::NegatorKind::Backward && n.cue < i && !analysis.tokens[n.cue..i].iter().any(|t| t.kind == TokenKind::Boundary))
}

pub(crate) fn negated_phrase(claim: &ClaimView) -> String {
    let a = &claim.analysis;
    let phrase = a.negators.iter().find(|n| !n.scope.is_empty()).map(|n| {
        let scope: Vec<&str> = n.scope.iter().take(3).map(|&i| a.tokens[i].word.as_str()).collect();
        if n.cue < n.scope[0] {
            format!("{} {}", a.tokens[n.cue].word, scope.join(" "))
        } else {
            format!("{} {}", scope.join(" "), a.tokens[n.cue].word)
        }
    });
    wording::quoted(&phrase.unwrap_or_default())
}

pub(crate) fn polar_terms_words(claim: &ClaimView, terms: &[&str]) -> String {
    claim.terms.iter().filter(|t| terms.contains(&t.term.as_str())).map(|t| claim.analysis.tokens[t.tokens[0]].word.as_str()).collect::<Vec<_>>().join(" ")
}

pub(crate) fn list(words: &[String]) -> String {
    match words.len() {
        // Matched only in the statement's topics or speaker, not in its words.
        0 => "the topic".to_string(),
        _ => wording::quoted_list(words),
    }
}

pub(crate) fn list_plain(words: &[String]) -> String {
    wording::quoted_list(&words[..words.len().min(3)])
}
