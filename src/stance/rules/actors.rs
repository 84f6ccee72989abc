//! Who did what to whom. A statement backs "X tortured Y" only if X is its doer too:
//! "Human Rights Watch tortured detainees" and "Gasimov tortured the police" share every
//! word with "police tortured Gasimov, Human Rights Watch said" and say something else.
//!
//! The doer of a shared verb is the nearest name or actor before it in its clause, or,
//! for a passive ("was tortured by police"), the one after "by". Public bodies of one
//! country stand for each other and for the country ("the police", "the authorities",
//! "Azerbaijan"); a named doer (an organisation, a person) must be the same. Another doer
//! makes the statement only related (both may have done it); reversed roles, each side's
//! doer the one the other's act was done to, contradict.

use super::{Decision, RuleId};
use crate::analysis::cues::is_negating_verb;
use crate::analysis::lexicon::{ACTOR_WORDS, ATTRIBUTION_VERBS};
use crate::analysis::{Analysis, Lexicon, TokenKind};
use crate::report::Stance;
use crate::stance::matching::{Found, Match};

const BE_FORMS: &[&str] = &["was", "were", "is", "are", "be", "been", "being", "got", "get", "gets"];
const DETERMINERS: &[&str] = &["the", "a", "an", "its", "their", "his", "her", "that", "this", "these", "those"];
const AUXILIARIES: &[&str] = &["has", "have", "had", "did", "does", "do", "will", "would", "can", "could", "to"];

pub fn decide(m: &Match) -> Option<Decision> {
    for (term, hit) in &m.found {
        let Found::Direct(occurrences) = hit else { continue };
        if term.entity {
            continue;
        }
        // Claims are read case-blind: their names are the terms the claim view marked.
        let claim_name = |j: usize| m.claim.terms.iter().any(|t| t.entity && t.tokens.contains(&j));
        let statement_name = |j: usize| m.statement.tokens[j].entity;
        let statement_doers: Vec<Doer> = occurrences.iter().filter_map(|&i| doer(m.statement, i, &statement_name)).collect();
        let Some(claim_doer) = term.tokens.iter().find_map(|&i| doer(&m.claim.analysis, i, &claim_name)) else {
            if let Some(decision) = swapped_subjects(m, term.tokens[0], occurrences, &statement_doers) {
                return Some(decision);
            }
            continue;
        };
        if statement_doers.is_empty() {
            continue;
        }
        if let Some(same) = statement_doers.iter().find(|d| d.compatible(&claim_doer)) {
            // Public bodies stand for each other only in one country: "Iranian
            // authorities arrested" is not "officials arrested people with links to Iran",
            // where the country comes only after the act, in what it was done to or for.
            let first_act = occurrences.iter().copied().min().unwrap_or(0);
            let named_otherwise = |p: &&str| {
                let at: Vec<usize> = m.statement.tokens.iter().enumerate().filter(|(_, t)| t.place == Some(*p)).map(|(j, _)| j).collect();
                !same.places.contains(p) && !at.is_empty() && at.iter().all(|&j| j > first_act)
            };
            if let Some(place) = claim_doer.places.iter().find(|p| named_otherwise(p)) {
                let reason = format!(
                    "The claim says {} {} {}; this statement names {place} otherwise and says {} did.",
                    claim_word_of_place(m, place),
                    claim_doer.word,
                    m.claim_word(term),
                    same.word
                );
                return Some(Decision::new(Stance::Related, RuleId::Actors, reason));
            }
            continue;
        }
        let other = &statement_doers[0];
        let verb = m.claim_word(term);
        let reason = format!("The claim says {} {verb}; this statement says {} did.", claim_doer.word, other.word);
        // Each side's doer is the other's object ("HRW refused the rapporteur access"
        // against "the authorities ... refusing him access", HRW reporting it): the roles
        // are reversed, not just another doer named.
        let claim_verb = term.tokens[0];
        let stance = if reversed(m, claim_verb, &claim_doer.term, occurrences, other) { Stance::Contradicts } else { Stance::Related };
        return Some(Decision::new(stance, RuleId::Actors, reason));
    }
    negating_verbs_reversed(m)
}

/// The same for a verb that negates ("refused", "denied"), which is a cue, not a shared
/// term: "Human Rights Watch refused the authorities access" against "the authorities
/// refused Human Rights Watch access" share every word and reverse the roles.
fn negating_verbs_reversed(m: &Match) -> Option<Decision> {
    let lexicon = Lexicon::get();
    let claim = &m.claim.analysis;
    let claim_name = |j: usize| m.claim.terms.iter().any(|t| t.entity && t.tokens.contains(&j));
    let statement_name = |j: usize| m.statement.tokens[j].entity;
    for (at, token) in claim.tokens.iter().enumerate().filter(|(_, t)| is_negating_verb(&t.word)) {
        let stem = lexicon.stem(&token.word);
        let occurrences: Vec<usize> = m.statement.tokens.iter().enumerate().filter(|(_, t)| is_negating_verb(&t.word) && lexicon.stem(&t.word) == stem).map(|(i, _)| i).collect();
        let Some(claim_doer) = doer(claim, at, &claim_name) else { continue };
        let statement_doers: Vec<Doer> = occurrences.iter().filter_map(|&i| doer(m.statement, i, &statement_name)).collect();
        let Some(other) = statement_doers.first() else { continue };
        if statement_doers.iter().any(|d| d.compatible(&claim_doer)) || !reversed(m, at, &claim_doer.term, &occurrences, other) {
            continue;
        }
        let reason = format!("The claim says {} {}; this statement says {} did.", claim_doer.word, token.word, other.word);
        return Some(Decision::new(Stance::Contradicts, RuleId::Actors, reason));
    }
    None
}

/// A claim whose subject is no name or public body ("the opposition used …") swaps roles
/// with the statement when each side's doer stands elsewhere in the other: "the
/// opposition used the violence as a pretext for a crackdown on the government" against
/// "the authorities used the violence as a pretext for a crackdown on the opposition".
fn swapped_subjects(m: &Match, claim_verb: usize, occurrences: &[usize], statement_doers: &[Doer]) -> Option<Decision> {
    let claim = &m.claim.analysis;
    let subject = subject_head(claim, claim_verb)?;
    let subject_term = &claim.tokens[subject].term;
    let statement_doer = statement_doers.first()?;
    if *subject_term == statement_doer.term || statement_doer.phrase.contains(subject_term) {
        return None;
    }
    // The claim's subject is in the statement, but not as its doer.
    let subject_elsewhere = m.statement.tokens.iter().enumerate().any(|(j, t)| t.term == *subject_term && !occurrences.iter().any(|&o| j < o && o - j <= DOER_REACH));
    // The statement's doer is in the claim, after its verb (or a public body stands there).
    let doer_elsewhere =
        claim.tokens[claim_verb + 1..].iter().any(|t| t.kind == TokenKind::Content && (t.term == statement_doer.term || (statement_doer.public && is_public_actor(&t.term))));
    (subject_elsewhere && doer_elsewhere).then(|| {
        Decision::new(
            Stance::Contradicts,
            RuleId::Actors,
            format!("The claim says {} {}; this statement says {} did.", claim.tokens[subject].word, claim.tokens[claim_verb].word, statement_doer.word),
        )
    })
}

/// Whether the claim's doer stands after the statement's verb (what it was done to) and
/// the statement's doer after the claim's: each side names the other's doer as the one
/// the act was done to.
fn reversed(m: &Match, claim_verb: usize, claim_doer: &str, occurrences: &[usize], statement_doer: &Doer) -> bool {
    let claim = &m.claim.analysis;
    let after = |a: &Analysis, verb: usize, wanted: &dyn Fn(&str) -> bool| {
        a.tokens[verb + 1..].iter().take_while(|t| t.kind != TokenKind::Boundary).any(|t| t.kind == TokenKind::Content && wanted(&t.term))
    };
    let claim_doer_after = occurrences.iter().any(|&o| after(m.statement, o, &|t| t == claim_doer));
    let statement_doer_after = after(claim, claim_verb, &|t| t == statement_doer.term || (statement_doer.public && is_public_actor(t)));
    claim_doer_after && statement_doer_after
}

/// The nearest content word before the verb at `at`, in its clause: its subject's head.
fn subject_head(a: &Analysis, at: usize) -> Option<usize> {
    (0..at).rev().take_while(|&j| a.tokens[j].kind != TokenKind::Boundary).take(DOER_REACH).find(|&j| a.tokens[j].kind == TokenKind::Content)
}

/// How far after a passive verb its "by" may stand ("set free on 9 December 2015 by").
const BY_REACH: usize = 6;

/// How far before its verb a doer may stand.
const DOER_REACH: usize = 6;

struct Doer {
    term: String,
    word: String,
    /// A public body or a country, as opposed to a named organisation or person.
    public: bool,
    /// The terms of the phrase the doer was found in (the words before the verb in its
    /// clause, or after "by"): a name of several words ("the UN Committee Against
    /// Torture") is one doer, whichever of its words was taken for it.
    phrase: Vec<String>,
    /// The places that phrase names ("Iranian authorities").
    places: Vec<&'static str>,
}

impl Doer {
    fn compatible(&self, other: &Doer) -> bool {
        self.term == other.term || (self.public && other.public) || self.phrase.contains(&other.term) || other.phrase.contains(&self.term)
    }
}

/// The doer of the verb at `at`, if it reads as a verb with one. `is_name` tells the
/// tokens that are names.
fn doer(a: &Analysis, at: usize, is_name: &dyn Fn(usize) -> bool) -> Option<Doer> {
    let tokens = &a.tokens;
    let word = tokens[at].word.as_str();
    let before = |k: usize| at.checked_sub(k).map(|j| tokens[j].word.as_str()).unwrap_or("");
    let passive = (word.ends_with("ed") || word.ends_with("en")) && (BE_FORMS.contains(&before(1)) || BE_FORMS.contains(&before(2)));
    if passive {
        // "was tortured by the police", "was set free on 9 December 2015 by order of …"
        let by = (at + 1..tokens.len()).take_while(|&j| tokens[j].kind != TokenKind::Boundary).take(BY_REACH).find(|&j| tokens[j].word == "by")?;
        let phrase: Vec<usize> = (by + 1..tokens.len()).take_while(|&j| tokens[j].kind != TokenKind::Boundary).take(4).collect();
        return phrase.iter().find_map(|&j| candidate(a, j, is_name)).map(|d| d.in_phrase(a, &phrase));
    }
    let verbal = word.ends_with("ed") || AUXILIARIES.contains(&before(1));
    if !verbal {
        return None;
    }
    // The nearest name or actor before the verb, in its clause. A verb of saying opens
    // the clause it reports ("Gilchrist said law enforcement detained ..."): its speaker
    // is not the doer. Not before a preposition ("HRW said in a report released
    // today"), and only in a verb's inflected forms ("said", "says", "claimed"): the
    // bare forms are as often nouns ("a report released today", "the claim").
    let inflected = |w: &str| w.ends_with('d') || w.ends_with('s');
    let opens_clause = |j: usize| {
        ATTRIBUTION_VERBS.contains(&tokens[j].word.as_str())
            && inflected(&tokens[j].word)
            && tokens.get(j + 1).is_some_and(|n| n.kind == TokenKind::Content || DETERMINERS.contains(&n.word.as_str()))
    };
    let phrase: Vec<usize> =
        (0..at).rev().take_while(|&j| tokens[j].kind != TokenKind::Boundary && !matches!(tokens[j].word.as_str(), "that" | "who" | "which") && !opens_clause(j)).take(6).collect();
    phrase.iter().find_map(|&j| candidate(a, j, is_name)).map(|d| d.in_phrase(a, &phrase))
}

/// The claim's word for a place its doer's phrase names ("Iranian").
fn claim_word_of_place(m: &Match, place: &str) -> String {
    m.claim.analysis.tokens.iter().find(|t| t.place == Some(place)).map_or_else(|| place.to_string(), |t| t.word.clone())
}

/// Whether an index term is a public body's ("the police", "the authorities").
fn is_public_actor(term: &str) -> bool {
    let lexicon = Lexicon::get();
    ACTOR_WORDS.iter().any(|w| lexicon.term_of(w) == term)
}

fn candidate(a: &Analysis, j: usize, is_name: &dyn Fn(usize) -> bool) -> Option<Doer> {
    let t = &a.tokens[j];
    if t.kind != TokenKind::Content {
        return None;
    }
    let public = t.place.is_some() || is_public_actor(&t.term);
    (public || is_name(j)).then(|| Doer { term: t.term.clone(), word: t.word.clone(), public, phrase: Vec::new(), places: Vec::new() })
}

impl Doer {
    fn in_phrase(mut self, a: &Analysis, phrase: &[usize]) -> Doer {
        self.phrase = phrase.iter().filter(|&&j| a.tokens[j].kind == TokenKind::Content).map(|&j| a.tokens[j].term.clone()).collect();
        self.places = phrase.iter().filter_map(|&j| a.tokens[j].place).collect();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::analyze;

    fn doer_of(text: &str, verb: &str) -> Option<String> {
        let a = analyze(text);
        let at = a.tokens.iter().position(|t| t.word == verb)?;
        doer(&a, at, &|j| a.tokens[j].entity).map(|d| d.term)
    }

    #[test]
    fn doers_table() {
        assert_eq!(doer_of("Human Rights Watch tortured detainees", "tortured").as_deref(), Some("hrw"));
        assert_eq!(doer_of("Gasimov was tortured by the police", "tortured").as_deref(), Some("police"));
        assert_eq!(doer_of("Gasimov was set free on 9 December 2015 by the police", "released").as_deref(), Some("police"));
        assert_eq!(doer_of("HRW said the police tortured him", "tortured").as_deref(), Some("police"));
        assert_eq!(doer_of("torture is widespread", "torture"), None);
        // The speaker of a report is not the doer of what it reports.
        assert_eq!(doer_of("Gilchrist said law enforcement detained hundreds", "detained"), None);
    }
}
