//! Roles and named things: "chairman" against "deputy chairman", "Secretary of State"
//! against "Secretary of Defense", "Nasimi district" against "Sabunchu District".

use super::{conflict, Comparison, Decision, RuleId};
use crate::analysis::{Analysis, TokenKind};
use crate::stance::matching::{Found, Match};
use crate::stance::{ClaimTerm, ClaimView};

pub fn decide(m: &Match) -> Option<Decision> {
    conflict(RuleId::Roles, &compare_roles(m.claim, m.statement, &m.found), m.same_subject())
}

/// A role the statement qualifies and the claim does not: "chairman" vs "deputy
/// chairman", "director" vs "former director"; or a title whose "of" differs:
/// "Secretary of State" vs "Secretary of Defense".
fn compare_roles(claim: &ClaimView, statement: &Analysis, found: &[(&ClaimTerm, Found)]) -> Comparison {
    use crate::analysis::lexicon::ROLE_QUALIFIERS;
    let claim_qualifiers: Vec<&str> = claim.analysis.tokens.iter().map(|t| t.word.as_str()).filter(|w| ROLE_QUALIFIERS.contains(w)).collect();
    // The word after "X of", when X is a capitalised title.
    let of_complement = |a: &Analysis, at: usize| -> Option<(String, String)> {
        let title = &a.tokens[at];
        (title.capitalized && a.tokens.get(at + 1)?.word == "of").then_some(())?;
        let next = a.tokens.get(at + 2).filter(|t| t.kind == TokenKind::Content && t.capitalized)?;
        Some((next.term.clone(), format!("{} of {}", title.word, next.word)))
    };
    // "the Nasimi district" against "the Sabunchu District": the same kind of thing, named
    // differently, where the statement never names the claim's.
    for (term, hit) in found {
        let Found::Direct(occurrences) = hit else { continue };
        // The thing named ("district") as a common noun in the claim.
        let claim_is_name = |i: usize| claim.terms.iter().any(|t| t.name && t.tokens.contains(&i));
        // The named thing is a common English noun ("district"), even where the bundle
        // only writes it inside names ("Sabunchu District").
        // A common English word that WordNet knows as a noun of something ("district"), not
        // a given name the word list holds ("donald" in "by the time Donald Rumsfeld").
        let common_noun = |i: usize| {
            let lexicon = crate::analysis::Lexicon::get();
            let word = &claim.analysis.tokens[i].word;
            !lexicon.is_rare_word(&claim.analysis.tokens[i].term) && !crate::analysis::resources::hypernyms(&lexicon.stem(word)).is_empty()
        };
        let claim_name = term.tokens.iter().filter(|&&i| common_noun(i)).find_map(|&i| {
            let before = i.checked_sub(1)?;
            // Written as a name ("Nasimi"), or a word English does not know: "a Muslim
            // *religious* movement" describes the movement, it does not name it.
            let named = claim.analysis.tokens[before].capitalized || crate::analysis::Lexicon::get().is_rare_word(&claim.analysis.tokens[before].term);
            (claim_is_name(before) && named && claim.analysis.tokens[before].place.is_none()).then(|| &claim.analysis.tokens[before])
        });
        if let Some(claim_name) = claim_name {
            let in_statement = statement.tokens.iter().any(|t| t.term == claim_name.term);
            if !in_statement {
                if let Some(statement_name) = occurrences.iter().find_map(|&at| name_before(statement, at)) {
                    let noun = &claim.analysis.tokens[term.tokens[0]].word;
                    return Comparison::Conflict(format!("{} {noun}", claim_name.word), format!("{} {}", statement_name.word, statement.tokens[occurrences[0]].word));
                }
            }
        }
    }
    for (term, hit) in found {
        let Found::Direct(occurrences) = hit else { continue };
        // The claim's "X of Y", whatever its capitals (claims are read case-blind).
        let claim_titles: Vec<(String, String)> = term
            .tokens
            .iter()
            .filter_map(|&i| {
                let a = &claim.analysis;
                (a.tokens.get(i + 1)?.word == "of").then_some(())?;
                let next = a.tokens.get(i + 2).filter(|t| t.kind == TokenKind::Content)?;
                Some((next.term.clone(), format!("{} of {}", a.tokens[i].word, next.word)))
            })
            .collect();
        for &at in occurrences {
            // A qualifier a few words before the role: "deputy Europe and Central Asia director".
            // Not one that governs a phrase of its own ("acting *in* an official capacity").
            let qualifier = (at.saturating_sub(5)..at)
                .rev()
                .take_while(|&q| statement.tokens[q].kind != TokenKind::Boundary)
                .filter(|&q| !statement.tokens.get(q + 1).is_some_and(|next| PREPOSITIONS.contains(&next.word.as_str())))
                .map(|q| statement.tokens[q].word.as_str())
                .find(|w| ROLE_QUALIFIERS.contains(w));
            if let Some(q) = qualifier {
                if !claim_qualifiers.contains(&q) && ROLE_WORDS.contains(&statement.tokens[at].word.trim_end_matches('s')) {
                    return Comparison::Conflict(claim.analysis.tokens[term.tokens[0]].word.clone(), format!("{q} {}", statement.tokens[at].word));
                }
            }
            if let (Some((claim_of, claim_text)), Some((statement_of, statement_text))) = (claim_titles.first(), of_complement(statement, at)) {
                if *claim_of != statement_of && !claim_titles.iter().any(|(t, _)| *t == statement_of) {
                    return Comparison::Conflict(claim_text.clone(), statement_text);
                }
            }
        }
    }
    Comparison::Silent
}

/// Words after which a qualifier heads its own phrase rather than qualifying a role.
const PREPOSITIONS: &[&str] = &["in", "on", "at", "as", "for", "with", "by", "from", "under", "within", "to"];

/// Nouns for roles that a qualifier ("deputy", "acting") can change.
const ROLE_WORDS: &[&str] = &[
    "chairman",
    "chair",
    "director",
    "president",
    "minister",
    "secretary",
    "head",
    "leader",
    "rapporteur",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "editor",
    "governor",
    "mayor",
    "commissioner",
    "ambassador",
    "chief",
    "general",
    "prosecutor",
    "judge",
    "official",
    "officer",
    "member",
    "deputy",
];

/// The name written just before token `at`, if any ("*Sabunchu* District").
fn name_before(a: &Analysis, at: usize) -> Option<&crate::analysis::Token> {
    let t = &a.tokens[at.checked_sub(1)?];
    (t.kind == TokenKind::Content && t.capitalized && t.entity && t.place.is_none()).then_some(t)
}
