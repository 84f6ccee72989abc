//! Cues found after tokenizing: negation scopes, quantities with their units, years and
//! universal quantifiers. These decide stance; retrieval ignores them.

use super::lexicon::{
    ACTOR_WORDS, ATTRIBUTION_VERBS, BACKWARD_NEGATORS, DEMAND_CUES, DEMAND_CUES_WITH_TO, DENIAL_VERBS, FORWARD_NEGATORS, IMPERATIVE_VERBS, MONTHS, ORDINAL_WORDS,
    OTHER_PLACE_DETERMINERS, PLACE_NOUNS, PREVENTION_VERBS, SCOPE_BREAKERS, TIME_UNITS, UNIVERSAL_QUANTIFIERS, VAGUE_AMOUNTS,
};
use super::{Analysis, Lexicon, TokenKind};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NegatorKind {
    /// "not", "never", "refused to", "denied": negates what follows in the clause.
    Forward,
    /// "... are lies", "... baseless": says the preceding subject is untrue.
    Backward,
    /// "urged to release", "should end": asks for what has not happened.
    Demand,
    /// A word that negates itself: "unpunished", "impunity", "another country", "abroad".
    Lexical,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Negator {
    pub kind: NegatorKind,
    /// Token index of the cue word (for lexical negators, the word itself).
    pub cue: usize,
    /// Token indices of the content tokens it negates.
    pub scope: Vec<usize>,
}

/// An amount as a closed range, with the content terms that follow it ("12 years").
#[derive(Clone, Debug, PartialEq)]
pub struct Quantity {
    pub low: f64,
    pub high: f64,
    pub value: f64,
    pub units: Vec<String>,
    /// As a reader would say it: "about 254 political prisoners", "the third year".
    pub label: String,
}

/// The unit every duration also carries, so durations in days, months and years compare.
pub const DURATION: &str = "duration";

impl Quantity {
    /// Whether the two amounts count the same kind of thing.
    pub fn comparable(&self, other: &Quantity) -> bool {
        self.units.iter().any(|u| other.units.contains(u))
    }

    pub fn overlaps(&self, other: &Quantity) -> bool {
        let slack = |v: f64| v.abs() * 0.01;
        self.low <= other.high + slack(other.high) && other.low <= self.high + slack(self.high)
    }
}

/// "not" and "no" negate the next few words ("does not change whether ..." leaves
/// what follows "whether" alone); verbs like "refused to" reach further.
const PARTICLE_SCOPE: usize = 3;
const VERB_SCOPE: usize = 8;
/// A demand covers the requested verb and a few words of its object.
const DEMAND_SCOPE: usize = 1;
/// "call for the expeditious release": a demand's object may carry one adjective.
const CALL_FOR_SCOPE: usize = 2;
const BACKWARD_SCOPE: usize = 6;
/// How far after "prevented" its "from" may stand ("prevented the UN rapporteur from").
const PREVENTED_FROM_REACH: usize = 6;

/// Words that are cues and never content.
pub fn is_cue_word(word: &str) -> bool {
    // Asked of every word of every text analysed: one set, not six list scans.
    static CUE_WORDS: std::sync::OnceLock<std::collections::HashSet<&'static str>> = std::sync::OnceLock::new();
    CUE_WORDS
        .get_or_init(|| [DENIAL_VERBS, BACKWARD_NEGATORS, DENIAL_NOUNS, FORWARD_NEGATORS, DEMAND_CUES, UNIVERSAL_QUANTIFIERS, COMPARATORS].into_iter().flatten().copied().collect())
        .contains(word)
}

/// Words that call something untrue ("denies", "rejected", "lies", "baseless"). Besides
/// negating, they are content: a claim that officials call the allegations lies is about
/// a denial, and should find the statements that report one.
pub fn is_denial_word(word: &str) -> bool {
    DENIAL_VERBS.contains(&word) || BACKWARD_NEGATORS.contains(&word) || DENIAL_NOUNS.contains(&word)
}

const DENIAL_NOUNS: &[&str] = &["denial", "denials", "rejection"];

/// The index term of every denial word.
pub const DENIAL_TERM: &str = "deny";

const COMPARATORS: &[&str] =
    &["more", "less", "fewer", "least", "most", "approximately", "nearly", "almost", "roughly", "around", "estimated", "than", "above", "below", "exactly", "precisely", "single"];

pub(super) fn mark(analysis: &mut Analysis, lexicon: &Lexicon) {
    let tokens = &analysis.tokens;
    let word = |i: usize| tokens.get(i).map(|t| t.word.as_str()).unwrap_or("");
    let mut negators = Vec::new();
    for (i, token) in tokens.iter().enumerate() {
        let w = token.word.as_str();
        if token.kind == TokenKind::Content && !is_cue_word(w) {
            // "unpunished", "impunity", "abroad"; "another country"
            let negates_itself = !token.entity && self_negation(w, lexicon).is_some();
            let other_place = PLACE_NOUNS.contains(&w) && i > 0 && OTHER_PLACE_DETERMINERS.contains(&word(i - 1));
            if negates_itself || other_place {
                negators.push(Negator { kind: NegatorKind::Lexical, cue: i, scope: vec![i] });
            }
            // "taken outside Azerbaijan": not in the place named next.
            if w == "outside" {
                if let Some(place) = (i + 1..tokens.len()).take_while(|&j| tokens[j].kind != TokenKind::Boundary).take(3).find(|&j| tokens[j].kind == TokenKind::Content) {
                    if tokens[place].place.is_some() {
                        negators.push(Negator { kind: NegatorKind::Forward, cue: i, scope: vec![place] });
                    }
                }
            }
            // "prevented the rapporteur from visiting": what follows "from" did not happen.
            // ("preventing torture" names an aim and presupposes the thing.)
            if PREVENTION_VERBS.contains(&w) {
                if let Some(from) = (i + 1..tokens.len()).take_while(|&j| tokens[j].kind != TokenKind::Boundary).take(PREVENTED_FROM_REACH).find(|&j| tokens[j].word == "from") {
                    negators.push(Negator { kind: NegatorKind::Forward, cue: i, scope: forward_scope(analysis, from, VERB_SCOPE) });
                }
            }
            continue;
        }
        if FORWARD_NEGATORS.contains(&w) {
            let limit = if is_particle(w) { PARTICLE_SCOPE } else { VERB_SCOPE };
            let mut scope = forward_scope(analysis, i, limit);
            // Passive with nothing after it ("the resolution was rejected"): the
            // subject is what is negated.
            if scope.is_empty() && i > 0 && matches!(word(i - 1), "was" | "were" | "is" | "are" | "been" | "be" | "being") {
                scope = backward_scope(analysis, i, BACKWARD_SCOPE);
            }
            negators.push(Negator { kind: NegatorKind::Forward, cue: i, scope });
        } else if BACKWARD_NEGATORS.contains(&w) {
            // "rejected the claims as baseless" is one negation, not two.
            let scope = backward_scope(analysis, i, BACKWARD_SCOPE);
            let denied_already =
                negators.iter().any(|n: &Negator| n.kind == NegatorKind::Forward && DENIAL_VERBS.contains(&word(n.cue)) && scope.iter().any(|s| n.scope.contains(s)));
            if !denied_already {
                negators.push(Negator { kind: NegatorKind::Backward, cue: i, scope });
            }
        } else if is_demand(analysis, i) {
            negators.push(Negator { kind: NegatorKind::Demand, cue: i, scope: demand_scope(analysis, i) });
        }
    }
    negators.extend(imperative_sentences(analysis));
    analysis.negators = negators;
    let tokens = &analysis.tokens;
    analysis.universal = tokens.iter().enumerate().any(|(i, t)| {
        UNIVERSAL_QUANTIFIERS.contains(&t.word.as_str())
            || (t.word == "no" && word(i + 1) == "one")
            || (t.word == "single" && i >= 2 && word(i - 1) == "a" && matches!(word(i - 2), "not" | "without"))
    });
    mark_quantities(analysis);
}

/// A sentence that opens with a verb in the imperative, after any "-ly" adverbs
/// ("Unconditionally release all detainees ..."), is a recommendation: the action is
/// asked for, not reported. The negation covers the verb only; the detainees exist.
fn imperative_sentences(analysis: &Analysis) -> Vec<Negator> {
    let tokens = &analysis.tokens;
    let mut negators = Vec::new();
    let mut start = 0;
    while start < tokens.len() {
        let end = (start..tokens.len()).find(|&j| tokens[j].kind == TokenKind::Boundary && is_sentence_end(analysis, j)).unwrap_or(tokens.len());
        let mut first = start;
        while first < end && (super::is_adverb(&tokens[first].word) || tokens[first].kind == TokenKind::Boundary) {
            first += 1;
        }
        if first < end && IMPERATIVE_VERBS.contains(&tokens[first].word.as_str()) {
            negators.push(Negator { kind: NegatorKind::Demand, cue: first, scope: vec![first] });
        }
        start = end + 1;
    }
    negators
}

fn is_sentence_end(analysis: &Analysis, j: usize) -> bool {
    analysis.sentence_ends.contains(&j)
}

/// Drops the negations of denials that a text reports rather than makes: in HRW's "the
/// government's denial of credible allegations" the allegations stand, as far as HRW
/// is concerned. A denial is reported when an actor (a government, ministry, country,
/// ...) stands just before it. Call this for statements whose speaker is not that actor.
pub fn drop_reported_denials(analysis: &mut Analysis) {
    let lexicon = super::Lexicon::get();
    let actors: Vec<String> = ACTOR_WORDS.iter().map(|w| lexicon.term_of(w)).collect();
    let tokens = &analysis.tokens;
    let is_actor = |j: usize| tokens[j].place.is_some() || (tokens[j].kind == TokenKind::Content && actors.contains(&tokens[j].term));
    let allegation = lexicon.term_of("allegation");
    let criticism = lexicon.term_of("criticism");
    analysis.negators.retain(|n| {
        if !is_denial_word(&tokens[n.cue].word) {
            return true;
        }
        // Only denials of what others say ("denial of allegations", "rejected the
        // criticism", "denied that ..."); "denials of access" are refusals, and stand.
        let of_claims = n.scope.iter().any(|&j| tokens[j].term == allegation || tokens[j].term == criticism) || tokens.get(n.cue + 1).is_some_and(|t| t.word == "that");
        if !of_claims {
            return true;
        }
        let before: Vec<usize> = (0..n.cue).rev().take_while(|&j| tokens[j].kind != TokenKind::Boundary).filter(|&j| tokens[j].kind == TokenKind::Content).take(3).collect();
        !before.into_iter().any(is_actor)
    });
}

/// A verb (or its noun) that negates what it governs: "failed", "refused", "denial";
/// as opposed to a particle ("not", "never").
pub fn is_negating_verb(word: &str) -> bool {
    FORWARD_NEGATORS.contains(&word) && !is_particle(word)
}

fn is_particle(word: &str) -> bool {
    matches!(word, "not" | "never" | "no" | "nor" | "neither" | "none" | "nobody" | "nothing" | "nowhere" | "without" | "cannot")
}

/// The word a self-negating word negates, unless a synonym group lists it as it is
/// ("unjustly" means arbitrary, not "not just"). The one test both the term of a word and
/// its negation use, so the two cannot disagree.
pub fn self_negation<'a>(word: &'a str, lexicon: &Lexicon) -> Option<&'a str> {
    // The synonym groups are keyed by stem: stem only the few words that could negate.
    let base = lexical_negation_base(word)?;
    (!lexicon.in_synonym_group(word)).then_some(base)
}

/// Whether the lexical negator at `cue` puts something somewhere else: "abroad",
/// "elsewhere", "in another country".
pub fn points_elsewhere(a: &Analysis, cue: usize) -> bool {
    let word = |i: usize| a.tokens.get(i).map_or("", |t| t.word.as_str());
    super::lexicon::ELSEWHERE_WORDS.contains(&word(cue))
        || (super::lexicon::PLACE_NOUNS.contains(&word(cue)) && cue > 0 && super::lexicon::OTHER_PLACE_DETERMINERS.contains(&word(cue - 1)))
}

/// For a word that negates itself, the word it negates: "unpunished" -> "punished",
/// "impunity" -> "punish", "abroad" -> "country".
pub fn lexical_negation_base(word: &str) -> Option<&str> {
    if super::lexicon::ELSEWHERE_WORDS.contains(&word) {
        return Some("country");
    }
    match word {
        "impunity" => return Some("punish"),
        "dishonest" | "illegitimate" => return Some("honest"),
        "unfree" => return Some("freely"),
        "inaction" | "inactive" => return Some("action"),
        "inability" => return Some("ability"),
        "ineffective" => return Some("effective"),
        "inadequate" => return Some("adequate"),
        "insufficient" => return Some("sufficient"),
        "incomplete" => return Some("complete"),
        "injustice" => return Some("justice"),
        "improper" => return Some("proper"),
        "impossible" => return Some("possible"),
        "irregular" => return Some("regular"),
        "nonviolent" => return Some("violent"),
        _ => {}
    }
    let rest = word.strip_prefix("un")?;
    (rest.chars().count() >= 4 && rest.chars().all(char::is_alphabetic) && !super::lexicon::UN_WORDS_NOT_NEGATED.contains(&word)).then_some(rest)
}

fn is_demand(analysis: &Analysis, i: usize) -> bool {
    let w = analysis.tokens[i].word.as_str();
    if !DEMAND_CUES.contains(&w) {
        return false;
    }
    if w.starts_with("call") {
        return next_word_index(analysis, i, &["for", "on", "upon"]).is_some();
    }
    if DEMAND_CUES_WITH_TO.contains(&w) {
        return (i + 1..(i + 5).min(analysis.tokens.len())).take_while(|&j| !ends_scope(analysis, j)).any(|j| analysis.tokens[j].word == "to");
    }
    true
}

/// What a demand asks for: the verb after "to" ("urged Azerbaijan to release ..."), the
/// noun after "call for" / "call on", else the next word ("should end").
fn demand_scope(analysis: &Analysis, cue: usize) -> Vec<usize> {
    let tokens = &analysis.tokens;
    let w = tokens[cue].word.as_str();
    if w.starts_with("call") {
        let start = next_word_index(analysis, cue, &["for", "on", "upon"]).unwrap_or(cue);
        if tokens[start].word == "for" {
            return forward_scope(analysis, start, CALL_FOR_SCOPE);
        }
    }
    let to = (cue + 1..(cue + 6).min(tokens.len())).take_while(|&j| !ends_scope(analysis, j)).find(|&j| tokens[j].word == "to");
    let start = to.unwrap_or(cue);
    let is_adverb = |j: usize| super::is_adverb(&tokens[j].word);
    // The requested action: "to apply a zero-tolerance approach".
    let first_verb = |from: usize| {
        (from + 1..tokens.len())
            .take_while(|&j| !ends_scope(analysis, j))
            .filter(|&j| tokens[j].kind == TokenKind::Content && !is_adverb(j))
            .take(DEMAND_SCOPE)
            .collect::<Vec<usize>>()
    };
    let mut scope = first_verb(start);
    // "... to release the defenders and to amend the law": every requested action.
    if to.is_some() {
        let sentence_end = (start..tokens.len()).find(|j| analysis.sentence_ends.contains(j)).unwrap_or(tokens.len());
        for j in start + 1..sentence_end.saturating_sub(1) {
            if tokens[j].word == "and" && tokens[j + 1].word == "to" {
                scope.extend(first_verb(j + 1));
            }
        }
    }
    scope
}

/// Index of one of `wanted` among the next two words, if any.
fn next_word_index(analysis: &Analysis, i: usize, wanted: &[&str]) -> Option<usize> {
    (i + 1..(i + 3).min(analysis.tokens.len())).find(|&j| wanted.contains(&analysis.tokens[j].word.as_str()))
}

fn ends_scope(analysis: &Analysis, j: usize) -> bool {
    let t = &analysis.tokens[j];
    t.kind == TokenKind::Boundary || SCOPE_BREAKERS.contains(&t.word.as_str())
}

fn forward_scope(analysis: &Analysis, cue: usize, limit: usize) -> Vec<usize> {
    let mut scope = Vec::new();
    for j in cue + 1..analysis.tokens.len() {
        // Another cue starts its own scope ("denial of X and calls on them to free Y").
        let other_cue = j > cue + 1 && (FORWARD_NEGATORS.contains(&analysis.tokens[j].word.as_str()) || is_demand(analysis, j));
        if ends_scope(analysis, j) || scope.len() >= limit || other_cue {
            break;
        }
        if analysis.tokens[j].kind == TokenKind::Content {
            scope.push(j);
        }
    }
    scope
}

fn backward_scope(analysis: &Analysis, cue: usize, limit: usize) -> Vec<usize> {
    let mut scope = Vec::new();
    for j in (0..cue).rev() {
        let w = analysis.tokens[j].word.as_str();
        if ends_scope(analysis, j) || ATTRIBUTION_VERBS.contains(&w) || scope.len() >= limit {
            break;
        }
        if analysis.tokens[j].kind == TokenKind::Content {
            scope.push(j);
        }
    }
    scope.reverse();
    scope
}

fn mark_quantities(analysis: &mut Analysis) {
    let tokens = &analysis.tokens;
    let word = |i: Option<usize>| i.and_then(|i| tokens.get(i)).map(|t| t.word.as_str()).unwrap_or("");
    let mut quantities = Vec::new();
    let mut years = Vec::new();
    let mut days: Vec<(u8, u8)> = Vec::new();
    let mut dated_years = Vec::new();
    let mut bound_years = Vec::new();
    let months: Vec<u8> = tokens.iter().filter_map(|t| MONTHS.iter().position(|m| *m == t.word)).map(|m| m as u8 + 1).collect();
    let lexicon = super::Lexicon::get();
    let time_unit = |i: usize| {
        let t = tokens.get(i)?;
        (t.kind == TokenKind::Content).then(|| TIME_UNITS.iter().find(|(u, _)| lexicon.term_of(u) == t.term).map(|(_, days)| *days)).flatten()
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        if let Some(&(_, rank)) = ORDINAL_WORDS.iter().find(|(w, _)| *w == t.word) {
            // Ordinals count against ordinals of the same thing only ("ord:year").
            if let Some(next) = tokens[i + 1..].iter().take_while(|t| t.kind != TokenKind::Boundary).find(|t| t.kind == TokenKind::Content) {
                let label = format!("{} {}", t.word, next.word);
                quantities.push(Quantity { low: rank, high: rank, value: rank, units: vec![format!("ord:{}", next.term)], label });
            }
            i += 1;
            continue;
        }
        let vague = VAGUE_AMOUNTS.iter().find(|(w, _, _)| *w == t.word);
        // "less than a year": the article counts one.
        // "a single report": one.
        let single = t.word == "single" && i > 0 && matches!(word(Some(i - 1)), "a" | "one" | "just") && !matches!(word(i.checked_sub(2)), "not" | "without");
        // "a thousand", "a dozen": the article counts one.
        let next_is_multiplier =
            tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Number && n.value.is_some_and(|v| v >= 12.0) && !n.word.chars().any(|c| c.is_ascii_digit()));
        let article = matches!(t.word.as_str(), "a" | "an")
            && (next_is_multiplier
                || (time_unit(i + 1).is_some()
                    && i > 0
                    && matches!(word(Some(i - 1)), "than" | "least" | "to" | "about" | "nearly" | "almost" | "over" | "under" | "in" | "within")));
        let Some(mut value) = t.value.or(vague.map(|v| v.1)).or((article || single).then_some(1.0)) else {
            i += 1;
            continue;
        };
        let prev = |k: usize| word(i.checked_sub(k));
        // "December 9", "9 December", "November 11 and 12": days of a month, not amounts.
        let month_of = |w: &str| MONTHS.iter().position(|m| *m == w).map(|m| m as u8 + 1);
        let day = value.fract() == 0.0 && (1.0..=31.0).contains(&value) && t.word.chars().all(|c| c.is_ascii_digit());
        let month = month_of(prev(1)).or_else(|| month_of(word(Some(i + 1)))).or_else(|| if prev(1) == "and" { days.last().map(|(m, _): &(u8, u8)| *m) } else { None });
        if let (true, Some(month)) = (day, month) {
            days.push((month, value as u8));
            i += 1;
            continue;
        }
        // "one" alone is too often a pronoun ("one of the photographs"); "no one" and "not
        // one person" are none, a negation, not a count.
        // It counts when it plainly counts: "just one day", "one report".
        let counted_one = t.word == "one"
            && (matches!(prev(1), "just" | "only" | "exactly" | "about" | "than" | "least")
                || time_unit(i + 1).is_some()
                || tokens.get(i + 1).is_some_and(|n| n.kind == TokenKind::Content && n.word.ends_with(|c: char| c != 's') && !matches!(n.word.as_str(), "of")));
        if (t.word == "one" && !counted_one) || (value == 1.0 && matches!(prev(1), "no" | "not")) {
            i += 1;
            continue;
        }
        // "two hundred", "1.5 million"
        let mut end = i;
        while let Some(next) = tokens.get(end + 1) {
            match next.value {
                Some(m) if m >= 100.0 && next.kind == TokenKind::Number && !next.word.chars().any(|c| c.is_ascii_digit()) => {
                    value *= m;
                    end += 1;
                }
                _ => break,
            }
        }
        let comparator = match (prev(2), prev(1)) {
            ("more" | "greater" | "larger", "than") | (_, "over" | "above" | "exceeding") => Some("more"),
            ("at", "least") => Some("at least"),
            ("up", "to") | ("as", "many") => Some("up to"),
            ("fewer" | "less", "than") | (_, "under" | "below") => Some("less"),
            ("close", "to") | (_, "about" | "approximately" | "around" | "roughly" | "nearly" | "almost" | "some" | "estimated" | "approx") => Some("about"),
            _ => None,
        };
        let is_year =
            comparator.is_none() && vague.is_none() && value.fract() == 0.0 && (1800.0..=2100.0).contains(&value) && t.word.chars().all(|c| c.is_ascii_digit() || c == '.');
        if is_year {
            years.push(value as u16);
            const DATING: &[&str] = &["in", "on", "since", "by", "until", "during", "from", "before", "after", "till"];
            // "in 2012", "in March 2019", "since the early 1990s"
            let dating = (1..=3).any(|k| {
                DATING.contains(&prev(k))
                    && (1..k).all(|j| MONTHS.contains(&prev(j)) || matches!(prev(j), "the" | "early" | "late" | "mid") || prev(j).chars().all(|c| c.is_ascii_digit()))
            });
            if dating {
                dated_years.push(value as u16);
            }
            // "since 1996", "until March 2019": a bound, not when the thing happened.
            let bound = (1..=3).any(|k| {
                matches!(prev(k), "since" | "after" | "before" | "until" | "till" | "from")
                    && (1..k).all(|j| MONTHS.contains(&prev(j)) || matches!(prev(j), "the" | "early" | "late" | "mid"))
            });
            if bound {
                bound_years.push(value as u16);
            }
            i = end + 1;
            continue;
        }
        let (low, high) = match (vague, comparator) {
            (Some(&(_, low, high)), _) => (low, high),
            (None, Some("more")) => (value, value * 2.0),
            (None, Some("at least")) => (value, value * 2.0),
            (None, Some("up to")) => (0.0, value),
            (None, Some("less")) => (0.0, value),
            (None, Some(_)) => (value * 0.8, value * 1.2),
            (None, None) => (value, value),
        };
        // The counted thing: the next content words, skipping places ("13 Azerbaijani
        // towns"), modifiers that are not what is counted ("13 different towns") and
        // adverbs ("300 protesters were badly hurt" does not count "badly").
        let counted: Vec<&super::Token> = tokens[end + 1..]
            .iter()
            .take_while(|t| t.kind != TokenKind::Boundary)
            .filter(|t| {
                t.kind == TokenKind::Content
                    && t.place.is_none()
                    && !super::is_adverb(&t.word)
                    && !matches!(t.word.as_str(), "different" | "separate" | "independent" | "distinct" | "individual")
            })
            .take(2)
            .collect();
        let mut units: Vec<String> = counted.iter().map(|t| t.term.clone()).collect();
        let amount = match vague {
            Some((word, _, _)) => word.to_string(),
            None => {
                let number = if value.fract() == 0.0 && value.abs() < 1e15 { format!("{}", value as i64) } else { format!("{value}") };
                match comparator {
                    Some("more") => format!("more than {number}"),
                    Some("less") => format!("fewer than {number}"),
                    Some(c) => format!("{c} {number}"),
                    None => number,
                }
            }
        };
        let label = std::iter::once(amount).chain(counted.iter().map(|t| t.word.clone())).collect::<Vec<_>>().join(" ");
        let unit_index = (end + 1..tokens.len()).find(|&j| tokens[j].kind == TokenKind::Content && tokens[j].place.is_none());
        let (mut low, mut high) = (low, high);
        if let Some(days) = unit_index.and_then(&time_unit) {
            low *= days;
            high *= days;
            units.push(DURATION.to_string());
        }
        quantities.push(Quantity { low, high, value, units, label });
        i = end + 1;
    }
    analysis.quantities = quantities;
    analysis.years = years;
    analysis.months = months;
    analysis.dated_years = dated_years;
    analysis.bound_years = bound_years;
    analysis.days = days;
}

#[cfg(test)]
mod tests {
    use crate::analysis::analyze;

    /// Words inside any negation scope, in order.
    fn negated_words(text: &str) -> Vec<String> {
        let a = analyze(text);
        (0..a.tokens.len()).filter(|&i| a.is_negated(i)).map(|i| a.tokens[i].word.clone()).collect()
    }

    #[test]
    fn negation_scopes_table() {
        let cases: &[(&str, &[&str])] = &[
            ("The police do not torture anyone.", &["torture"]),
            ("not a single person has been prosecuted", &["person", "prosecuted"]),
            ("authorities have refused to investigate or punish security forces", &["investigate", "punish", "security", "forces"]),
            ("the torture allegations are lies spread by foreign groups", &["torture", "allegations"]),
            ("rejected the claims as baseless", &["claims", "baseless"]),
            ("the perpetrators went unpunished", &["unpunished"]),
            ("the photos were taken in another country", &["country"]),
            ("the photos were taken abroad", &["abroad"]),
            ("the photos were taken outside Azerbaijan", &["azerbaijan"]),
            ("protesters gathered outside the ministry", &[]),
            ("urged Azerbaijan to release human rights defenders", &["release"]),
            ("HRW wanted the assembly to adopt a resolution", &["adopt"]),
            ("the assembly needed to adopt a resolution", &["adopt"]),
            ("the police wanted money", &[]),
            ("we continue to call publicly for the expeditious release of all prisoners", &["expeditious", "release"]),
            ("refusing him access, but it let him in", &["access"]),
            ("Critics called the crackdown an attempt", &[]),
            ("Human rights defenders can work freely without retaliation.", &["retaliation"]),
        ];
        for (input, expected) in cases {
            assert_eq!(negated_words(input), *expected, "negated words of {input:?}");
        }
    }

    #[test]
    fn quantities_table() {
        let cases: &[(&str, &[(f64, f64)])] = &[
            ("More than 100 detainees remain in custody", &[(100.0, 200.0)]),
            ("could face imprisonment of up to 12 years", &[(0.0, 4383.0)]),
            ("approximately 254 political prisoners", &[(203.2, 304.8)]),
            ("tortured for fourteen days", &[(14.0, 14.0)]),
            ("hundreds of arrests", &[(200.0, 999.0)]),
            ("two hundred people", &[(200.0, 200.0)]),
            ("one of the photographs", &[]),
            ("in 2015", &[]),
            ("on December 9", &[]),
            ("held for less than a year", &[(0.0, 365.3)]),
            ("more than 16 months", &[(487.0, 974.1)]),
        ];
        for (input, expected) in cases {
            let round = |v: f64| (v * 10.0).round() / 10.0;
            let got: Vec<(f64, f64)> = analyze(input).quantities.iter().map(|q| (round(q.low), round(q.high))).collect();
            assert_eq!(got, *expected, "quantities of {input:?}");
        }
        let dates = analyze("November 11 and 12, 2015, and on 9 December");
        assert_eq!(dates.years, vec![2015]);
        assert_eq!(dates.days, vec![(11, 11), (11, 12), (12, 9)]);
        assert_eq!(dates.months, vec![11, 12]);
        assert_eq!(analyze("12 years").quantities[0].units, vec!["year".to_string(), "duration".to_string()]);
        assert_eq!(analyze("300 protesters were badly hurt").quantities[0].label, "300 protesters hurt", "an adverb is not what is counted");
    }

    #[test]
    fn universal_quantifiers() {
        assert!(analyze("Everyone detained has been released").universal);
        assert!(analyze("no one was charged").universal);
        assert!(!analyze("some were released").universal);
    }
}
