//! Stance of one statement towards a claim: supports, contradicts or related, with a
//! short reason a reader can check ("claim says 25; statement says 10").
//!
//! Polarity is judged per clause, not per word: a negation counts when its scope holds a
//! term the two texts share. On the statement side it counts only if every occurrence of
//! that shared term is negated, so "lack of independence of lawyers" does not cancel
//! "the disbarment of several lawyers" in the same sentence. Opposed words ("clean" vs
//! "fraudulent") count as one negation. Quantities and years compare as ranges.

use std::collections::{BTreeSet, HashSet};

use crate::analysis::{Analysis, Lexicon, Quantity, TokenKind};
use crate::claim::Frame;
use crate::report::Stance;

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
}

impl ClaimView {
    /// `idf` weighs terms; `is_name` tells terms the bundle only writes as names, so a
    /// name is known even at the start of a sentence or typed in lower case.
    /// `weight(term, is_name)` weighs a term.
    /// `known` tells terms the bundle uses.
    pub fn new(
        analysis: Analysis,
        frame: Frame,
        weight_of: &dyn Fn(&str, bool) -> f32,
        is_name: &dyn Fn(&str) -> bool,
        known: &dyn Fn(&str) -> bool,
    ) -> ClaimView {
        // "Gasimov says *he* was tortured": the speaker is also the subject, so the
        // speaker's name counts in full.
        let speaker_is_subject = frame.speaker_tokens.last().is_some_and(|&last| {
            analysis.tokens[last + 1..].iter().any(|t| PERSONAL_PRONOUNS.contains(&t.word.as_str()))
        });
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
        ClaimView { analysis, frame, terms, total_weight }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Judgement {
    pub stance: Stance,
    /// Share of the claim's weight the statement matches, 0..1.
    pub coverage: f32,
    pub reason: String,
    /// Words of the statement that match the claim.
    pub matched_words: Vec<String>,
}

/// How one claim term is found in the statement.
enum Found {
    Direct(Vec<usize>),
    Opposite(Vec<usize>),
    /// Only in the statement's topics or speaker: counts for coverage, not polarity.
    Aside,
}

/// Compares a claim with one statement. `aside` holds the terms of the statement's
/// topics, speaker and source title; `aside_places` the places they name.
/// `year` is the statement's date's year (if known), for claims that date what they say.
pub fn judge(claim: &ClaimView, statement: &Analysis, aside: &HashSet<String>, aside_places: &[&str], year: Option<u16>) -> Judgement {
    let lexicon = Lexicon::get();
    let mut matched_weight = 0.0;
    let mut direct_weight = 0.0;
    let mut miscounted_weight = 0.0;
    let in_claim = |term: &str| claim.terms.iter().any(|t| t.term == term);
    let mut matched_words = BTreeSet::new();
    let mut found = Vec::new();
    for term in &claim.terms {
        let occurrences = |wanted: &str| -> Vec<usize> {
            statement.tokens.iter().enumerate().filter(|(_, t)| t.kind == TokenKind::Content && t.term == wanted).map(|(i, _)| i).collect()
        };
        let direct = occurrences(&term.term);
        let hit = if term.unit {
            let counted: Vec<bool> = claim
                .analysis
                .quantities
                .iter()
                .filter(|q| q.units.contains(&term.term))
                .flat_map(|q| statement.quantities.iter().filter(|s| s.comparable(q)).map(|s| s.overlaps(q)))
                .collect();
            // Counted differently ("61 pages" against "16 pages"): matched for judging the
            // amounts, not for agreeing.
            if !direct.is_empty() && counted.iter().any(|&agrees| !agrees) && !counted.iter().any(|&agrees| agrees) {
                miscounted_weight += term.weight;
            }
            (counted.iter().any(|&agrees| agrees) && !direct.is_empty()).then_some(Found::Direct(direct))
        } else if !direct.is_empty() {
            Some(Found::Direct(direct))
        } else if let Some(opposite) = (!term.entity)
            .then(|| {
                lexicon
                    .antonyms_of(&term.term)
                    .iter()
                    .filter(|a| !in_claim(a))
                    // "hugely disappointing" says how much, not how large.
                    .map(|a| occurrences(a).into_iter().filter(|&i| !crate::analysis::is_adverb(&statement.tokens[i].word)).collect::<Vec<_>>())
                    .find(|o| !o.is_empty())
            })
            .flatten()
        {
            Some(Found::Opposite(opposite))
        } else if aside.contains(&term.term) {
            Some(Found::Aside)
        } else {
            None
        };
        if let Some(hit) = hit {
            matched_weight += term.weight;
            // A name found in the topics is the quote's resolved "he" or "the committee".
            if term.entity || !matches!(hit, Found::Aside) {
                direct_weight += term.weight;
            }
            if let Found::Direct(ix) | Found::Opposite(ix) = &hit {
                matched_words.extend(ix.iter().map(|&i| statement.tokens[i].word.clone()));
            }
            found.push((term, hit));
        }
    }
    let coverage = if claim.total_weight > 0.0 { (matched_weight / claim.total_weight).min(1.0) } else { 0.0 };
    let matched_words: Vec<String> = matched_words.into_iter().collect();

    // Polarity over the shared, non-name terms.
    let mut claim_negators = BTreeSet::new();
    let mut statement_negators = BTreeSet::new();
    let mut flips = Vec::new();
    let mut polar_terms = Vec::new();
    for (term, hit) in &found {
        if term.entity {
            continue;
        }
        let occurrences = match hit {
            Found::Direct(ix) | Found::Opposite(ix) => ix,
            Found::Aside => continue,
        };
        polar_terms.push(term.term.as_str());
        for (n, negator) in claim.analysis.negators.iter().enumerate() {
            if term.tokens.iter().any(|t| negator.scope.contains(t)) {
                claim_negators.insert(n);
            }
        }
        let all_negated = occurrences.iter().all(|&i| statement.is_negated(i));
        match hit {
            Found::Direct(_) if all_negated => {
                for (n, negator) in statement.negators.iter().enumerate() {
                    if occurrences.iter().any(|o| negator.scope.contains(o)) {
                        statement_negators.insert(n);
                    }
                }
            }
            Found::Opposite(_) if !all_negated => flips.push((term, occurrences[0])),
            _ => {}
        }
    }
    let claim_polarity = claim_negators.len() % 2;
    let statement_polarity = (statement_negators.len() + flips.len()) % 2;

    let quantity = compare_quantities(&claim.analysis.quantities, &statement.quantities, coverage >= PAIR_ANY_AMOUNTS_COVERAGE);
    let years = compare_years(&claim.analysis.years, &statement.years);
    let dates = compare_dates(claim, statement);
    let places = compare_places(claim, statement, aside_places);
    let roles = compare_roles(claim, statement, &found);
    let cue = |a: &Analysis, n: usize| a.tokens[a.negators[n].cue].word.clone();
    // Amounts and dates contradict only a statement about the same named things.
    // At least half of the claim's naming weight ("Council of Europe rapporteur
    // Christoph Strässer" is matched by "Christoph Strässer").
    let names: Vec<&ClaimTerm> = claim.terms.iter().filter(|t| t.name).collect();
    let name_weight: f32 = names.iter().map(|t| t.weight).sum();
    let matched_name_weight: f32 = names.iter().filter(|t| found.iter().any(|(f, _)| f.term == t.term)).map(|t| t.weight).sum();
    let names_matched = matched_name_weight * 2.0 >= name_weight;
    let direct_terms = found.iter().filter(|(_, hit)| !matches!(hit, Found::Aside)).count();
    // The quote itself must say something of the claim beyond naming a country.
    let quote_speaks = found.iter().any(|(t, hit)| !t.place && !matches!(hit, Found::Aside));
    let exact_conflicts = coverage >= CONTRADICT_MIN_COVERAGE && names_matched && direct_terms >= 2;
    // For amounts, the miscounted thing itself is part of the match.
    let amounts_coverage = if claim.total_weight > 0.0 { (matched_weight + miscounted_weight) / claim.total_weight } else { 0.0 };
    let amounts_conflict = amounts_coverage >= CONTRADICT_MIN_COVERAGE && names_matched && direct_terms >= 1;
    // What a claim dates ("in 2012", "on December 19") the statement must date alike
    // to support it: its own words, else its date.
    // A text dated January 2004 may report December 2003: its date allows the year before.
    let dated_alike = |y: &u16| if statement.years.is_empty() { year.is_some_and(|year| *y == year || *y + 1 == year) } else { statement.years.contains(y) };
    let dates_unproven = claim.analysis.dated_years.iter().any(|y| !dated_alike(y))
        || claim.analysis.days.iter().any(|d| !statement.days.contains(d));
    // Some cases cannot show "all" / "no one": a particular statement may refute a
    // universal claim, never prove it.
    let universal_unproven = claim.analysis.universal && !statement.universal;

    let direct_coverage = if claim.total_weight > 0.0 { direct_weight / claim.total_weight } else { 0.0 };
    // One shared word (besides a country) cannot settle a claim that says more.
    let weighted_terms = claim.terms.iter().filter(|t| !t.place).count();
    let matched_terms = found.iter().filter(|(t, _)| !t.place).count();
    let too_thin = matched_terms < weighted_terms.min(2);
    let miscounted = miscounted_weight > 0.0 && matches!(quantity, Comparison::Conflict(..));
    let (gate, direct_gate) = if miscounted {
        (amounts_coverage, direct_coverage + miscounted_weight / claim.total_weight.max(f32::EPSILON))
    } else {
        (coverage, direct_coverage)
    };
    let (stance, reason) = if gate < CONTRADICT_MIN_COVERAGE || direct_gate < DECISIVE_MIN_DIRECT_COVERAGE || (too_thin && !miscounted) {
        (Stance::Related, related_reason(&matched_words, coverage))
    } else if let (Comparison::Conflict(c, s), true) = (&quantity, amounts_conflict) {
        (Stance::Contradicts, format!("claim says {c}; statement says {s}"))
    } else if let (Comparison::Conflict(c, s), true) = (&years, exact_conflicts) {
        (Stance::Contradicts, format!("claim says {c}; statement says {s}"))
    } else if let (Comparison::Conflict(c, s), true) = (&dates, exact_conflicts) {
        (Stance::Contradicts, format!("claim says {c}; statement says {s}"))
    } else if let (Comparison::Conflict(c, s), true) = (&places, exact_conflicts) {
        (Stance::Contradicts, format!("claim says {c}; statement says {s}"))
    } else if let (Comparison::Conflict(c, s), true) = (&roles, exact_conflicts) {
        (Stance::Contradicts, format!("claim says {c}; statement says {s}"))
    } else if !polar_terms.is_empty() && claim_polarity != statement_polarity {
        let reason = if let Some((term, at)) = flips.first() {
            format!("claim says \"{}\"; statement says \"{}\"", claim.analysis.tokens[term.tokens[0]].word, statement.tokens[*at].word)
        } else if let Some(&n) = statement_negators.iter().next() {
            let scope_word = statement.negators[n].scope.iter().find(|i| matched_words.contains(&statement.tokens[**i].word)).map(|&i| statement.tokens[i].word.clone()).unwrap_or_default();
            let claim_side = if claim_polarity == 1 { negated_phrase(claim) } else { format!("\"{}\"", polar_terms_words(claim, &polar_terms)) };
            format!("claim says {claim_side}; statement says \"{} … {scope_word}\"", cue(statement, n))
        } else {
            format!("claim says {}; statement affirms \"{}\"", negated_phrase(claim), list_plain(&matched_words))
        };
        (Stance::Contradicts, reason)
    } else if coverage >= SUPPORT_MIN_COVERAGE && !matches!(quantity, Comparison::Unmatched) && !universal_unproven && names_matched && !dates_unproven && quote_speaks && !claim.terms.iter().any(|t| t.unknown_name) {
        let mut reason = format!("statement also says {}", list(&matched_words));
        if claim_polarity == 1 {
            reason.push_str(&format!(", with the same negation ({})", negated_phrase(claim)));
        }
        if let Comparison::Agree(c, s) = &quantity {
            reason = format!("claim says {c}; statement says {s}; {reason}");
        }
        (Stance::Supports, reason)
    } else {
        (Stance::Related, related_reason(&matched_words, coverage))
    };
    Judgement { stance, coverage, reason, matched_words }
}

/// Whether token `i` follows a falsity word in its clause: in "the allegations are lies
/// spread by foreign groups", what follows "lies" only describes the lies.
fn after_falsity(analysis: &Analysis, i: usize) -> bool {
    analysis.negators.iter().any(|n| {
        n.kind == crate::analysis::NegatorKind::Backward
            && n.cue < i
            && !analysis.tokens[n.cue..i].iter().any(|t| t.kind == TokenKind::Boundary)
    })
}

fn related_reason(matched_words: &[String], coverage: f32) -> String {
    format!("shares {} ({:.0}% of the claim's weight) but does not settle it", list(matched_words), coverage * 100.0)
}

fn negated_phrase(claim: &ClaimView) -> String {
    let a = &claim.analysis;
    let phrase = a.negators.iter().find(|n| !n.scope.is_empty()).map(|n| {
        let scope: Vec<&str> = n.scope.iter().take(3).map(|&i| a.tokens[i].word.as_str()).collect();
        if n.cue < n.scope[0] { format!("{} {}", a.tokens[n.cue].word, scope.join(" ")) } else { format!("{} {}", scope.join(" "), a.tokens[n.cue].word) }
    });
    format!("\"{}\"", phrase.unwrap_or_default())
}

fn polar_terms_words(claim: &ClaimView, terms: &[&str]) -> String {
    claim.terms.iter().filter(|t| terms.contains(&t.term.as_str())).map(|t| claim.analysis.tokens[t.tokens[0]].word.as_str()).collect::<Vec<_>>().join(" ")
}

fn list(words: &[String]) -> String {
    match words.len() {
        0 => "little".to_string(),
        _ => words.iter().take(5).map(|w| format!("\"{w}\"")).collect::<Vec<_>>().join(", "),
    }
}

fn list_plain(words: &[String]) -> String {
    words.iter().take(3).cloned().collect::<Vec<_>>().join(", ")
}

enum Comparison {
    /// Nothing to compare.
    Silent,
    Agree(String, String),
    Conflict(String, String),
    /// The claim gives an amount the statement does not.
    Unmatched,
}

fn describe(q: &Quantity) -> String {
    q.label.clone()
}

/// With this much of the claim matched, a lone amount on each side is compared even
/// when their units differ ("25 members" vs "10 independent experts").
const PAIR_ANY_AMOUNTS_COVERAGE: f32 = 0.75;

/// Compares amounts that share a unit; with `pair_lone` and one amount on each side,
/// compares those.
fn compare_quantities(claim: &[Quantity], statement: &[Quantity], pair_lone: bool) -> Comparison {
    if claim.is_empty() {
        return Comparison::Silent;
    }
    let mut result = Comparison::Silent;
    for c in claim {
        let comparable: Vec<&Quantity> = statement.iter().filter(|s| s.comparable(c)).collect();
        // Ordinals ("the first time") never pair with counts ("five weeks").
        let ordinal = |q: &Quantity| q.units.iter().any(|u| u.starts_with("ord:"));
        let lone_pair = pair_lone && claim.len() == 1 && statement.len() == 1 && ordinal(c) == ordinal(&statement[0]);
        let comparable = if comparable.is_empty() && lone_pair { vec![&statement[0]] } else { comparable };
        if comparable.is_empty() {
            if matches!(result, Comparison::Silent) {
                result = Comparison::Unmatched;
            }
            continue;
        }
        match comparable.iter().find(|s| s.overlaps(c)) {
            Some(s) => {
                if !matches!(result, Comparison::Conflict(..)) {
                    result = Comparison::Agree(describe(c), describe(s));
                }
            }
            None => return Comparison::Conflict(describe(c), describe(comparable[0])),
        }
    }
    result
}

const MONTH_NAMES: [&str; 12] = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

/// Days of a month ("December 19" vs "December 9"), else months ("in March" vs
/// "on November 11").
fn compare_dates(claim: &ClaimView, statement: &Analysis) -> Comparison {
    let c = &claim.analysis;
    let name = |(m, d): (u8, u8)| format!("{} {d}", MONTH_NAMES[(m as usize).saturating_sub(1) % 12]);
    if !c.days.is_empty() && !statement.days.is_empty() {
        if c.days.iter().any(|d| statement.days.contains(d)) {
            return Comparison::Agree(String::new(), String::new());
        }
        return Comparison::Conflict(name(c.days[0]), name(statement.days[0]));
    }
    if !c.months.is_empty() && !statement.months.is_empty() && !c.months.iter().any(|m| statement.months.contains(m)) {
        let month = |m: u8| MONTH_NAMES[(m as usize).saturating_sub(1) % 12].to_string();
        return Comparison::Conflict(month(c.months[0]), month(statement.months[0]));
    }
    Comparison::Silent
}

/// A place the claim names that the statement does not, where the statement names
/// another instead ("a British MP" vs "the German parliamentarian"). Only when the two
/// share a place as well: otherwise the statement is simply about another country.
fn compare_places(claim: &ClaimView, statement: &Analysis, aside_places: &[&str]) -> Comparison {
    let claim_places = claim.analysis.places();
    let quote_places = statement.places();
    if !claim_places.iter().any(|p| quote_places.contains(p) || aside_places.contains(p)) {
        return Comparison::Silent;
    }
    let missing = claim_places.iter().find(|p| !quote_places.contains(p) && !aside_places.contains(p));
    let extra = quote_places.iter().find(|p| !claim_places.contains(p));
    match (missing, extra) {
        (Some(m), Some(e)) => {
            let word = |a: &Analysis, place: &str| a.tokens.iter().find(|t| t.place == Some(place)).map_or(place.to_string(), |t| t.word.clone());
            Comparison::Conflict(word(&claim.analysis, m), word(statement, e))
        }
        _ => Comparison::Silent,
    }
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
        let common_noun = |i: usize| !crate::analysis::Lexicon::get().is_rare_word(&claim.analysis.tokens[i].term);
        let claim_name = term.tokens.iter().filter(|&&i| common_noun(i)).find_map(|&i| {
            let before = i.checked_sub(1)?;
            (claim_is_name(before) && claim.analysis.tokens[before].place.is_none()).then(|| &claim.analysis.tokens[before])
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
            let qualifier = (at.saturating_sub(5)..at)
                .rev()
                .take_while(|&q| statement.tokens[q].kind != TokenKind::Boundary)
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

/// Nouns for roles that a qualifier ("deputy", "acting") can change.
const ROLE_WORDS: &[&str] = &[
    "chairman", "chair", "director", "president", "minister", "secretary", "head", "leader", "rapporteur",
    "spokesman", "spokeswoman", "spokesperson", "editor", "governor", "mayor", "commissioner", "ambassador",
    "chief", "general", "prosecutor", "judge", "official", "officer", "member", "deputy",
];

/// The name written just before token `at`, if any ("*Sabunchu* District").
fn name_before(a: &Analysis, at: usize) -> Option<&crate::analysis::Token> {
    let t = &a.tokens[at.checked_sub(1)?];
    (t.kind == TokenKind::Content && t.capitalized && t.entity && t.place.is_none()).then_some(t)
}

fn compare_years(claim: &[u16], statement: &[u16]) -> Comparison {
    if claim.is_empty() || statement.is_empty() {
        return Comparison::Silent;
    }
    if claim.iter().any(|y| statement.contains(y)) {
        return Comparison::Agree(String::new(), String::new());
    }
    let join = |ys: &[u16]| ys.iter().map(u16::to_string).collect::<Vec<_>>().join(", ");
    Comparison::Conflict(join(claim), join(statement))
}
