//! What one claim and one statement have in common: which claim terms the statement
//! has (directly, as an opposite, or only in its topics), how much of the claim's weight
//! that is, and the negations touching the shared terms. Rules read this; none of them
//! matches words again.

use std::collections::{BTreeSet, HashMap};

use super::rules::quantities::{compare_quantities, PAIR_ANY_AMOUNTS_COVERAGE};
use super::rules::Comparison;
use super::{ClaimTerm, ClaimView, CONTRADICT_MIN_COVERAGE};
use crate::analysis::resources::WordTable;
use crate::analysis::{resources, Analysis, Lexicon, NegatorKind, TokenKind};

/// How far from a word the two texts share an opposite word may stand, in tokens, to
/// oppose the claim.
const FLIP_REACH: usize = 12;

/// How many content words after a negating verb it governs.
const GOVERNED_REACH: usize = 2;

/// How one claim term is found in the statement.
pub enum Found {
    Direct(Vec<usize>),
    /// An opposed word ("legal" against "arbitrary"): shared meaning, flipped polarity.
    Opposite(Vec<usize>),
    /// Only in the statement's topics or speaker: counts for coverage, not polarity.
    Aside,
}

impl Found {
    /// Token indices in the statement's quote, if the term is there.
    pub fn occurrences(&self) -> Option<&[usize]> {
        match self {
            Found::Direct(ix) | Found::Opposite(ix) => Some(ix),
            Found::Aside => None,
        }
    }
}

#[derive(Clone, Copy)]
enum WordNet {
    Synonym,
    Hyponym,
    /// The same meaning as another part of speech: "complies" / "compliance".
    Derived,
    Antonym,
}

/// One claim against one statement, everything the stance rules decide from.
pub struct Match<'a> {
    pub claim: &'a ClaimView,
    pub statement: &'a Analysis,
    /// The places named by the statement's topics, speaker and source title.
    pub aside_places: &'a [&'a str],
    /// The statement's date's year, for claims that date what they say.
    pub year: Option<u16>,
    pub found: Vec<(&'a ClaimTerm, Found)>,
    /// Share of the claim's weight found anywhere (quote, topics, speaker), 0..1.
    pub coverage: f32,
    /// Share found in the quote itself (names also in the topics).
    pub direct_coverage: f32,
    /// Share of the claim's weight in amounts the statement counts differently.
    pub miscounted_weight: f32,
    /// `coverage` plus the miscounted things: what matters for comparing amounts.
    pub amounts_coverage: f32,
    /// Words of the statement that match the claim, sorted.
    pub matched_words: Vec<String>,
    /// Shared, non-name terms: what polarity is judged on.
    pub polar_terms: Vec<&'a str>,
    /// Negators of the claim whose scope holds a shared term.
    pub claim_negators: BTreeSet<usize>,
    /// Negators of the statement that negate every occurrence of a shared term.
    pub statement_negators: BTreeSet<usize>,
    /// Opposed words: (claim term, statement token).
    pub flips: Vec<(&'a ClaimTerm, usize)>,
    /// 0 affirmative, 1 negated.
    pub claim_polarity: usize,
    pub statement_polarity: usize,
    /// A shared term lies in the scope of a negating verb that governs something the two
    /// do not share ("failed to pass the resolution on political prisoners"): neither
    /// side's polarity, and no support.
    pub negation_elsewhere: bool,
    pub quantity: Comparison,
    /// At least half of the claim's naming weight is matched.
    pub names_matched: bool,
    /// Claim terms found in the quote (not only aside).
    pub direct_terms: usize,
}

impl<'a> Match<'a> {
    /// Matches `claim` against `statement`. `aside` holds the terms (and their words) of the statement's
    /// topics, speaker and source title; `aside_places` the places they name.
    pub fn new(claim: &'a ClaimView, statement: &'a Analysis, aside: &HashMap<String, Vec<String>>, aside_places: &'a [&'a str], year: Option<u16>) -> Match<'a> {
        let lexicon = Lexicon::get();
        let mut matched_weight = 0.0;
        let mut direct_weight = 0.0;
        let mut miscounted_weight = 0.0;
        let in_claim = |term: &str| claim.terms.iter().any(|t| t.term == term);
        let mut matched_words = BTreeSet::new();
        let mut found = Vec::new();
        let occurrences =
            |wanted: &str| -> Vec<usize> { statement.tokens.iter().enumerate().filter(|(_, t)| t.kind == TokenKind::Content && t.term == wanted).map(|(i, _)| i).collect() };
        // Stems of the statement's words, for the WordNet tables (keyed by stem).
        let stems: Vec<Option<String>> = statement.tokens.iter().map(|t| (t.kind == TokenKind::Content && !t.entity).then(|| lexicon.stem(&t.word))).collect();
        // A statement word takes a table's entries only when it is a word the table means
        // by that stem ("authorities" is not "authorized", whose opposite is "unauthorized").
        let stems_where = |table: WordTable, pick: &dyn Fn(&str) -> bool| -> Vec<usize> {
            stems
                .iter()
                .enumerate()
                .filter(|(i, s)| s.as_deref().is_some_and(|s| pick(s) && resources::table_means(table, s, &statement.tokens[*i].word)))
                .map(|(i, _)| i)
                .collect()
        };
        for term in &claim.terms {
            // The same stem in another word WordNet keeps apart ("humane" / "human") is
            // not the claim's word.
            let claim_words: Vec<&str> = term.tokens.iter().map(|&i| claim.analysis.tokens[i].word.as_str()).collect();
            let the_claims_word = |w: &str| !claim_words.iter().all(|c| resources::stem_false_friends(c, w));
            let direct: Vec<usize> = occurrences(&term.term).into_iter().filter(|&i| the_claims_word(&statement.tokens[i].word)).collect();
            let claim_stem = lexicon.stem(&claim.analysis.tokens[term.tokens[0]].word);
            // WordNet: the same meaning in another word ("bribery" ~ "corruption"), or a
            // kind of it ("a rifle" is a weapon); and opposites ("legal" / "illegal").
            let claim_word = claim.analysis.tokens[term.tokens[0]].word.as_str();
            let means = |table: WordTable| resources::table_means(table, &claim_stem, claim_word);
            let synonyms = if means(WordTable::Synonyms) { resources::synonyms(&claim_stem) } else { &[] };
            let derivations = if means(WordTable::Derivations) { resources::derivations(&claim_stem) } else { &[] };
            let antonyms = if means(WordTable::Antonyms) { resources::antonyms(&claim_stem) } else { &[] };
            let wordnet = |kind: WordNet| -> Vec<usize> {
                if term.entity || term.place {
                    return Vec::new();
                }
                match kind {
                    WordNet::Synonym => stems_where(WordTable::Synonyms, &|s| synonyms.iter().any(|x| x == s)),
                    // A very common word high in WordNet's hierarchy ("work", "act")
                    // has kinds that say something else: an investigation is a kind of
                    // work, but "investigate those found responsible" does not speak of
                    // "sacked from work". Specific words keep their kinds ("weapon": a rifle).
                    WordNet::Hyponym if lexicon.is_most_frequent(&claim_stem) => Vec::new(),
                    WordNet::Hyponym if !means(WordTable::Hypernyms) => Vec::new(),
                    WordNet::Hyponym => stems_where(WordTable::Hypernyms, &|s| resources::hypernyms(s).contains(&claim_stem)),
                    WordNet::Derived => stems_where(WordTable::Derivations, &|s| derivations.iter().any(|x| x == s)),
                    WordNet::Antonym => stems_where(WordTable::Antonyms, &|s| antonyms.iter().any(|x| x == s) && !in_claim(&lexicon.term_of(s))),
                }
            };
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
            } else if let Some(same) = [WordNet::Synonym, WordNet::Hyponym, WordNet::Derived].into_iter().map(wordnet).find(|o| !o.is_empty()) {
                Some(Found::Direct(same))
            } else if let Some(opposite) = Some(wordnet(WordNet::Antonym)).filter(|o| !o.is_empty()) {
                Some(Found::Opposite(opposite))
            } else if aside.get(&term.term).is_some_and(|words| words.iter().any(|w| the_claims_word(w))) {
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
                found.push((term, hit));
            }
        }
        // An opposite word is about the claim's thing only near what else the two share:
        // "bound by the treaty" is not opposed by "set the defenders free" two clauses
        // away. Far from it, the claim's word is simply not found.
        let anchors: Vec<usize> = found.iter().filter_map(|(_, hit)| if let Found::Direct(ix) = hit { Some(ix) } else { None }).flatten().copied().collect();
        let anchored = |ix: &[usize]| ix.iter().any(|&o| anchors.iter().any(|&a| a != o && a.abs_diff(o) <= FLIP_REACH));
        found.retain(|(term, hit)| match hit {
            Found::Opposite(ix) if !anchored(ix) => {
                matched_weight -= term.weight;
                direct_weight -= term.weight;
                false
            }
            _ => true,
        });
        for ix in found.iter().filter_map(|(_, hit)| hit.occurrences()) {
            matched_words.extend(ix.iter().map(|&i| statement.tokens[i].word.clone()));
        }
        let share = |w: f32| if claim.total_weight > 0.0 { w / claim.total_weight } else { 0.0 };
        let coverage = share(matched_weight).min(1.0);

        // A demand reported against a demand ("HRW said the assembly should make clear"
        // against "the assembly needs to ... make clear"): the same mood on both sides,
        // so neither demand counts as a negation.
        let has_demand = |a: &Analysis| a.negators.iter().any(|n| n.kind == NegatorKind::Demand);
        let both_demand = has_demand(&claim.analysis) && has_demand(statement);
        // Polarity over the shared, non-name terms.
        let mut claim_negators = BTreeSet::new();
        let mut statement_negators = BTreeSet::new();
        let mut flips = Vec::new();
        let mut polar_terms = Vec::new();
        // The claim's negators over places only ("the photos weren't taken in
        // Azerbaijan"): its polarity when nothing else it negates is shared.
        let mut place_negators = BTreeSet::new();
        // Where a verb negates ("failed to pass the resolution on political prisoners"),
        // what it negates is the word it governs: the rest of its scope is only
        // mentioned. It counts over a shared term only when that word is shared too.
        let claim_shared: BTreeSet<usize> = found.iter().filter(|(_, hit)| hit.occurrences().is_some()).flat_map(|(t, _)| t.tokens.iter().copied()).collect();
        let statement_shared: BTreeSet<usize> = found.iter().filter_map(|(_, hit)| hit.occurrences()).flatten().copied().collect();
        let claim_head_shared = |n: &crate::analysis::Negator| governs_shared(&claim.analysis, n, &claim_shared);
        let statement_head_shared = |n: &crate::analysis::Negator| governs_shared(statement, n, &statement_shared);
        // Such a negation neither contradicts nor lets the statement back the claim.
        let mut negation_elsewhere = false;
        for (term, hit) in &found {
            if term.entity && !term.place {
                continue;
            }
            let Some(occurrences) = hit.occurrences() else { continue };
            if !term.entity {
                polar_terms.push(term.term.as_str());
            }
            for (n, negator) in claim.analysis.negators.iter().enumerate() {
                if term.tokens.iter().any(|t| negator.scope.contains(t)) && !(both_demand && negator.kind == NegatorKind::Demand) {
                    if !claim_head_shared(negator) {
                        negation_elsewhere = true;
                        continue;
                    }
                    if term.entity {
                        // "weren't taken in Azerbaijan", "not in Azerbaijan": the negation
                        // is about the place when what it negates first is shared or is the
                        // place. "could not visit Azerbaijan" says nothing against a
                        // statement that only names the country.
                        let first = negator.scope.first().copied();
                        if first.is_some_and(|f| claim_shared.contains(&f) || claim.analysis.tokens[f].place.is_some()) {
                            place_negators.insert(n);
                        }
                    } else {
                        claim_negators.insert(n);
                    }
                }
            }
            // A statement's negation near a place is too often about something else
            // there ("failure ... in Azerbaijan"): the statement's side stays with words.
            if term.entity {
                continue;
            }
            let all_negated = occurrences.iter().all(|&i| statement.is_negated(i));
            match hit {
                Found::Direct(_) if all_negated => {
                    for (n, negator) in statement.negators.iter().enumerate() {
                        if occurrences.iter().any(|o| negator.scope.contains(o)) && !(both_demand && negator.kind == NegatorKind::Demand) {
                            if !statement_head_shared(negator) {
                                negation_elsewhere = true;
                                continue;
                            }
                            statement_negators.insert(n);
                        }
                    }
                }
                Found::Opposite(_) if !all_negated => flips.push((*term, occurrences[0])),
                _ => {}
            }
        }
        if claim_negators.is_empty() {
            claim_negators = place_negators;
        }
        // Negations nest ("it is not true that police never tortured": twice over
        // "tortured") or stand side by side ("did not torture detainees and did not beat
        // protesters": once over each). The claim's polarity is that of its most deeply
        // negated shared word, not the count of its negations. A negation encloses another
        // when the other's cue lies within its reach ("it is false that police never
        // tortured …" encloses "never" even where its own scope, cut short, does not reach
        // the words "never" negates).
        let negators = &claim.analysis.negators;
        let covers = |n: usize, i: usize| negators[n].scope.contains(&i);
        let encloses = |outer: usize, inner: usize| {
            let (o, n) = (&negators[outer], &negators[inner]);
            outer != inner && o.cue < n.cue && o.scope.last().is_some_and(|&last| n.cue <= last)
        };
        let depth = |i: usize| {
            let direct: Vec<usize> = claim_negators.iter().copied().filter(|&n| covers(n, i)).collect();
            let outer = (0..negators.len()).filter(|&o| negators[o].kind != NegatorKind::Demand && !covers(o, i) && direct.iter().any(|&n| encloses(o, n))).count();
            direct.len() + outer
        };
        let claim_polarity = claim_shared.iter().map(|&i| depth(i)).max().unwrap_or(0) % 2;
        // Side by side, each negation says something of its own ("nobody was tortured and
        // no one was prosecuted"): a statement with fewer negations over the shared
        // words cannot say all of it, only some. ("nor" continues the negation before
        // it: "neither investigated nor punished".)
        let separate: Vec<usize> =
            claim_negators.iter().copied().filter(|&n| claim.analysis.tokens[negators[n].cue].word != "nor" && !claim_negators.iter().any(|&o| encloses(o, n))).collect();
        if claim_polarity == 1 && separate.len() > statement_negators.len() + flips.len() {
            negation_elsewhere = true;
        }
        // On the statement's side each counted negation and each opposite word already
        // stands for an odd count over its own shared word: one is enough. A negation
        // and an opposite word over different words ("failed to pass the resolution …
        // a victorious cheer") may add up or cancel out: claimcheck cannot tell, so the
        // two neither contradict nor agree.
        let mixed = !statement_negators.is_empty() && !flips.is_empty();
        if mixed {
            negation_elsewhere = true;
        }
        let statement_polarity = if mixed { claim_polarity } else { usize::from(!statement_negators.is_empty() || !flips.is_empty()) };

        // Amounts and dates contradict only a statement about the same named things:
        // at least half of the claim's naming weight ("Council of Europe rapporteur
        // Christoph Strässer" is matched by "Christoph Strässer").
        let names: Vec<&ClaimTerm> = claim.terms.iter().filter(|t| t.name).collect();
        let name_weight: f32 = names.iter().map(|t| t.weight).sum();
        let matched_name_weight: f32 = names.iter().filter(|t| found.iter().any(|(f, _)| f.term == t.term)).map(|t| t.weight).sum();
        let direct_terms = found.iter().filter(|(_, hit)| !matches!(hit, Found::Aside)).count();
        let quantity = compare_quantities(&claim.analysis.quantities, &statement.quantities, coverage >= PAIR_ANY_AMOUNTS_COVERAGE);
        Match {
            claim,
            statement,
            aside_places,
            year,
            coverage,
            direct_coverage: share(direct_weight),
            miscounted_weight,
            amounts_coverage: share(matched_weight + miscounted_weight),
            matched_words: matched_words.into_iter().collect(),
            polar_terms,
            claim_negators,
            statement_negators,
            flips,
            claim_polarity,
            statement_polarity,
            negation_elsewhere,
            quantity,
            names_matched: matched_name_weight * 2.0 >= name_weight,
            direct_terms,
            found,
        }
    }

    /// Share of the claim's weight in words that say something of its subject (not
    /// names, places or units) and that the statement lacks.
    pub fn unmatched_predicate(&self) -> f32 {
        let claim = self.claim;
        claim.terms.iter().filter(|t| !t.entity && !t.place && !t.unit && !self.has(t)).map(|t| t.weight).sum::<f32>() / claim.total_weight.max(f32::EPSILON)
    }

    /// Like [`Match::unmatched_predicate`], but a word found only in the statement's
    /// topics counts as missing: the topics say what a statement is about ("torture in
    /// police custody"), not what it says ("police detained the activists"). A quote word
    /// of the same term in another form (a name's token, an inflection) still counts.
    pub fn unspoken_predicate(&self) -> f32 {
        let claim = self.claim;
        let lexicon = Lexicon::get();
        let in_quote = |term: &str| self.statement.tokens.iter().any(|t| t.term == term || lexicon.term_of(&t.word) == term);
        let unspoken = |t: &ClaimTerm| match self.found.iter().find(|(f, _)| f.term == t.term) {
            None => true,
            Some((_, Found::Aside)) => !in_quote(&t.term),
            Some(_) => false,
        };
        claim.terms.iter().filter(|t| !t.entity && !t.place && !t.unit && unspoken(t)).map(|t| t.weight).sum::<f32>() / claim.total_weight.max(f32::EPSILON)
    }

    /// Whether the claim term is found in the statement (anywhere).
    pub fn has(&self, term: &ClaimTerm) -> bool {
        self.found.iter().any(|(t, _)| t.term == term.term)
    }

    /// The statement speaks of the same named things and shares enough to be compared
    /// detail by detail (years, dates, places, roles).
    pub fn same_subject(&self) -> bool {
        self.coverage >= CONTRADICT_MIN_COVERAGE && self.names_matched && self.direct_terms >= 2 && self.shares_predicate()
    }

    /// The quote says, in the claim's words, something the claim says of its subject (a
    /// word that is not a name or place): the same event, not another one about the same
    /// people ("tortured after his arrest in 2015" is not dated by "released in 2019").
    pub fn shares_predicate(&self) -> bool {
        self.found.iter().any(|(t, hit)| !t.entity && !t.place && !t.unit && matches!(hit, Found::Direct(_)))
    }

    /// A miscounted amount is part of the match: "61 pages" against "16 pages".
    pub fn miscounted(&self) -> bool {
        self.miscounted_weight > 0.0 && matches!(self.quantity, Comparison::Conflict(..))
    }

    /// The claim's word for a term, as typed.
    pub fn claim_word(&self, term: &ClaimTerm) -> &str {
        &self.claim.analysis.tokens[term.tokens[0]].word
    }
}

/// Whether a verb's negation ("failed", "refused", "denied") governs a shared word: one
/// of the first `GOVERNED_REACH` content words of its scope is one. Particles ("not",
/// "no", "never") and the other kinds negate their whole short scope.
fn governs_shared(a: &Analysis, n: &crate::analysis::Negator, shared: &BTreeSet<usize>) -> bool {
    if n.kind != NegatorKind::Forward || !crate::analysis::cues::is_negating_verb(&a.tokens[n.cue].word) {
        return true;
    }
    n.scope.is_empty() || n.scope.iter().take(GOVERNED_REACH).any(|w| shared.contains(w))
}
