//! The checker: one claim in, one [`CheckResult`] out. Glue between the stages:
//! frame the claim → retrieve candidates → judge each → follow curated relations →
//! decide the verdict. Never fails and never panics, whatever the claim.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::analysis::normalize::{look_alike_key, truncate_at_char_boundary, MAX_CLAIM_BYTES};
use crate::analysis::spelling::{read_misspellings, Vocabulary};
use crate::analysis::{analyze, resources, Lexicon};
use crate::bundle::source::{self, SourceTexts};
use crate::bundle::{compiled, Bundle, BundleError, BundleErrors, RelationKind};
use crate::claim;
use crate::index::Index;
use crate::language::foreign_language;
use crate::report::{CheckResult, Evidence, SentenceVerdict, SourceRef, Stance, Verdict};
use crate::stance::{judge, ClaimView, Judgement, RuleId, RELATED_MIN_COVERAGE, SUPPORT_MIN_COVERAGE};
use crate::verdict::{decide, round2, Outcome, Vote};

/// The default bundle, compiled (`make bundle` / `claimcheck bundle build`).
pub static DEFAULT_BUNDLE: &[u8] = include_bytes!("../bundles/default.ccb");

/// How many statements retrieval hands to stance judging.
const CANDIDATES: usize = 40;
/// How many of those are judged in full (analysed), chosen by estimated relevance.
const JUDGED: usize = 16;
/// Related statements rank as if this much less relevant.
const RELATED_RANK_FACTOR: f32 = 0.6;
/// How many evidence items a result shows at most.
const MAX_EVIDENCE: usize = 10;
/// Query weight of terms opposed to a claim term, and of the claim's speaker.
const ANTONYM_QUERY_WEIGHT: f32 = 0.5;
const SPEAKER_QUERY_WEIGHT: f32 = 0.3;

/// Relevance for ordering evidence: coverage of the claim, times BM25 rank.
fn relevance(coverage: f32, score: f32, top_score: f32) -> f32 {
    coverage * (0.25 + 0.75 * score / top_score)
}

pub struct Checker {
    bundle: Bundle,
    index: Index,
    /// The bundle's words, for reading misspelled claim words; built on first need.
    vocabulary: OnceLock<Vocabulary>,
    /// The bundle's reviewed claims, indexed on first need (issue 11).
    reviews: crate::reviews::ReviewIndex,
}

struct Item {
    doc: usize,
    score: f32,
    judgement: Judgement,
    /// Relevance for ordering: BM25 share times coverage.
    relevance: f32,
    /// A government's statement on its own country (or one that names none): that
    /// government's position, not independent evidence.
    on_itself: bool,
}

impl Checker {
    /// A checker over a verified bundle; builds its index.
    pub fn new(bundle: Bundle) -> Checker {
        let index = Index::build(&bundle);
        Checker::assemble(bundle, index)
    }

    fn assemble(bundle: Bundle, index: Index) -> Checker {
        Checker::assemble_stored(bundle, index, None)
    }

    /// A checker over a decoded bundle, with the reviews' index if the file stored one.
    fn assemble_stored(bundle: Bundle, index: Index, reviews: Option<Index>) -> Checker {
        let reviews = reviews.map_or_else(Default::default, crate::reviews::ReviewIndex::stored);
        Checker { bundle, index, vocabulary: OnceLock::new(), reviews }
    }

    /// `new`, reporting indexing progress (statements indexed so far).
    pub fn new_with_progress(bundle: Bundle, progress: &mut dyn FnMut(usize)) -> Checker {
        let index = Index::build_with_progress(&bundle, progress);
        Checker::assemble(bundle, index)
    }

    /// The embedded default bundle.
    pub fn embedded() -> Result<Checker, BundleErrors> {
        let (bundle, index, reviews) = compiled::decode_with_review_index(DEFAULT_BUNDLE, "embedded default bundle")?;
        Ok(Checker::assemble_stored(bundle, index, reviews))
    }

    /// A checker from bundle bytes: compiled form or JSON source. `name` names the
    /// bundle in errors; `texts` (if any) lets quotes be checked against source texts.
    pub fn from_bytes(bytes: &[u8], name: &str, texts: Option<&mut dyn SourceTexts>) -> Result<Checker, BundleErrors> {
        if compiled::is_compiled(bytes) {
            let (bundle, index, reviews) = compiled::decode_with_review_index(bytes, name)?;
            return Ok(Checker::assemble_stored(bundle, index, reviews));
        }
        let json = std::str::from_utf8(bytes)
            .map_err(|e| BundleError::new(crate::bundle::ErrorKind::Syntax, name, format!("not UTF-8 at byte {}: a bundle is UTF-8 JSON or a compiled bundle", e.valid_up_to())))?;
        Ok(Checker::new(source::parse(json, name, texts)?))
    }

    pub fn bundle(&self) -> &Bundle {
        &self.bundle
    }

    /// The compiled form of this checker's bundle and index.
    pub fn compile(&self) -> Vec<u8> {
        compiled::encode(&self.bundle, &self.index)
    }

    /// `compile`, reporting the reviews indexed so far now and then.
    pub fn compile_with_progress(&self, progress: &mut dyn FnMut(usize)) -> Vec<u8> {
        compiled::encode_with_progress(&self.bundle, &self.index, progress)
    }

    pub fn check(&self, claim_text: &str) -> CheckResult {
        let mut notes = Vec::new();
        let (text, cut) = truncate_at_char_boundary(claim_text, MAX_CLAIM_BYTES);
        if cut {
            notes.push(format!("The claim is {} bytes long; only its first {MAX_CLAIM_BYTES} bytes were checked.", claim_text.len()));
        }
        // The language and the readings are fields of their own (`language`, `readings`),
        // which the page and the CLI put in words: not repeated in `notes`.
        if let Some(language) = foreign_language(text) {
            let mut result = empty_result(text.trim(), notes);
            result.sentences = vec![sentence_verdict(&result)];
            result.language = Some(language);
            return result;
        }
        // A pasted post is read as a reader reads it: its links and its signature ("— Jane
        // Doe (@jdoe) May 3, 2024") are not part of the claim.
        let post = crate::reviews::without_links_and_signature(text);
        if let Some((_, author)) = &post {
            notes.push(match author {
                Some(author) => format!("Read as a social-media post by {author}: its links and its signature were left out."),
                None => "Links in the text were left out: they are not part of the claim.".to_string(),
            });
        }
        let (read, readings) = self.read_misspellings(post.as_ref().map_or(text, |(words, _)| words.as_str()));
        let sentences = split_sentences(&read);
        let mut result = if sentences.len() == 1 {
            let mut result = self.check_sentence(read.trim());
            notes.append(&mut result.notes);
            result.notes = notes;
            result.sentences = vec![sentence_verdict(&result)];
            result
        } else {
            self.check_paragraph(&read, &sentences, notes)
        };
        result.readings = readings;
        result.reviews = self.reviews.matching(&self.bundle, text, &split_sentences(text));
        result
    }

    /// The bundle's reviews ranked for `claim` (claim matching; `claimcheck eval-matching`).
    pub fn rank_reviews(&self, claim: &str, limit: usize) -> Vec<crate::reviews::Ranked> {
        self.reviews.rank(&self.bundle, claim, limit)
    }

    /// The claim with words that neither the bundle nor English knows read as the
    /// nearest word of the bundle ("politcal" as "political").
    fn read_misspellings(&self, text: &str) -> (String, Vec<crate::report::Reading>) {
        let vocabulary = self.vocabulary.get_or_init(|| {
            let statements = self.bundle.statements.iter();
            Vocabulary::new(statements.flat_map(|s| std::iter::once(s.quote.as_str()).chain(s.topics.iter().map(String::as_str)).chain(std::iter::once(s.speaker.as_str()))))
        });
        let lexicon = Lexicon::get();
        let known = |word: &str| {
            if lexicon.is_stop(word) || crate::analysis::cues::is_cue_word(word) {
                return true;
            }
            // The bundle's own term for it ("NGOs" → "ngo", "Azerbaijanis" → the place).
            if analyze(word).tokens.iter().any(|t| t.place.is_some() || self.index.doc_freq(&t.term) > 0) {
                return true;
            }
            let stem = lexicon.stem(word);
            !lexicon.is_rare_word(&stem)
                || resources::valence(word).is_some()
                || !resources::synonyms(&stem).is_empty()
                || !resources::hypernyms(&stem).is_empty()
                || !resources::antonyms(&stem).is_empty()
        };
        read_misspellings(text, vocabulary, &known)
    }

    /// A pasted text of several sentences: every sentence that makes a claim is judged,
    /// and the headline is honest about the mix. A contradicted sentence is never hidden
    /// behind a supported one, and the text is supported only when every sentence that
    /// makes a claim is.
    fn check_paragraph(&self, text: &str, sentences: &[&str], mut notes: Vec<String>) -> CheckResult {
        // Long pastes: judge in full the sentences this bundle speaks to most (a quick look
        // at the best few candidates ranks them), in their order in the text.
        let mut chosen: Vec<usize> = (0..sentences.len()).collect();
        if sentences.len() > MAX_JUDGED_SENTENCES {
            let strength = |s: &str| self.judge_candidates(&self.claim_view(s), SENTENCE_CANDIDATES).first().map_or(0.0, |i| i.relevance);
            let strengths: Vec<f32> = sentences.iter().map(|s| strength(s)).collect();
            chosen.sort_by(|&a, &b| strengths[b].total_cmp(&strengths[a]).then(a.cmp(&b)));
            chosen.truncate(MAX_JUDGED_SENTENCES);
            chosen.sort_unstable();
            notes.push(format!("The text has {} sentences; the {MAX_JUDGED_SENTENCES} this bundle speaks to most were checked.", sentences.len()));
        }
        let judged: Vec<CheckResult> = chosen.iter().map(|&i| self.check_sentence(sentences[i])).collect();
        let claims: Vec<usize> = (0..judged.len()).filter(|&i| !judged[i].evidence.is_empty() || judged[i].verdict != Verdict::NoEvidence).collect();
        let of = |i: usize| format!("sentence {} of {}", i + 1, judged.len());
        let quoted = |i: usize| format!("\u{201C}{}\u{201D}", judged[i].claim);
        let strongest = |verdict: Verdict| claims.iter().copied().filter(|&i| judged[i].verdict == verdict).max_by(|&a, &b| judged[a].confidence.total_cmp(&judged[b].confidence));
        let count = |verdict: Verdict| claims.iter().filter(|&&i| judged[i].verdict == verdict).count();
        let (lead, verdict, note) = if let Some(i) = strongest(Verdict::Contradicted) {
            (i, Verdict::Contradicted, format!("The text has {} sentences; {} contradicted, {}: {}", judged.len(), plural(count(Verdict::Contradicted)), of(i), quoted(i)))
        } else if let Some(i) = strongest(Verdict::Disputed) {
            (i, Verdict::Disputed, format!("The text has {} sentences; the record is divided on {}: {}", judged.len(), of(i), quoted(i)))
        } else if let Some(i) = strongest(Verdict::Supported) {
            let supported = count(Verdict::Supported);
            if supported == claims.len() {
                (i, Verdict::Supported, format!("The text has {} sentences; every one that this bundle speaks to is supported.", judged.len()))
            } else {
                let unsettled: Vec<String> = claims.iter().filter(|&&k| judged[k].verdict == Verdict::NoEvidence).map(|k| (k + 1).to_string()).collect();
                let note = format!(
                    "The text has {} sentences; {} supported, but nothing in this bundle settles sentence {}, so the text as a whole is not shown as supported.",
                    judged.len(),
                    plural(supported),
                    unsettled.join(", ")
                );
                (i, Verdict::NoEvidence, note)
            }
        } else {
            (0, Verdict::NoEvidence, format!("The text has {} sentences; nothing in this bundle settles any of them.", judged.len()))
        };
        notes.push(note);
        let sentence_list = judged.iter().map(sentence_verdict).collect();
        let mut result = judged.into_iter().nth(lead).unwrap_or_else(|| empty_result(text, Vec::new()));
        notes.extend(result.notes.drain(..).filter(|n| !n.starts_with("Nothing in this bundle")));
        if verdict == Verdict::NoEvidence {
            notes.push(NOTHING_SETTLES.to_string());
            result.independent_sources = 0;
        }
        // `claim` stays the sentence whose evidence is shown; `sentences` has them all.
        result.verdict = verdict;
        result.notes = notes;
        result.sentences = sentence_list;
        result
    }

    /// Checks one sentence.
    fn check_sentence(&self, text: &str) -> CheckResult {
        let mut notes = Vec::new();
        let view = self.claim_view(text);
        if let Some(speaker) = &view.frame.speaker {
            notes.push(if view.frame.denial {
                format!("This is a denial by {speaker}: the claim judged is their position, that what they deny is not so.")
            } else {
                format!("The claim reports what {} says; what is checked is the reported content.", crate::stance::wording::in_sentence(speaker))
            });
        }
        if let Some(marker) = &view.frame.falsity {
            notes.push(format!("The claim calls what it says false (\u{201C}{marker}\u{201D}): what is judged is that it is not so."));
        }
        if view.terms.is_empty() {
            notes.push(if text.trim().is_empty() { "The claim is empty.".to_string() } else { "The claim has no words to look up.".to_string() });
            return empty_result(text, notes);
        }

        let items = self.judge_candidates(&view, CANDIDATES);
        // A claim that reports a denial as an act ("the authorities dismissed the mandate
        // as unfair") is true when the denial was made: rebuttals of what was denied do
        // not bear on it, and the denier's own statement is the evidence of the act. A
        // framed claim ("X denies that P") is judged on P, so they do bear on it.
        let reports_a_denial = view.frame.speaker.is_none() && view.frame.falsity.is_none() && view.analysis.tokens.iter().any(|t| crate::analysis::cues::is_denial_word(&t.word));
        let mut items = self.follow_relations(items, !reports_a_denial);
        // Statements reached through a relation were never judged against the claim: tell
        // now whether a government among them speaks of its own country.
        let claim_places = view.analysis.places();
        for item in items.iter_mut().filter(|item| item.score == 0.0 && item.judgement.rule == RuleId::Relation) {
            let statement = &self.bundle.statements[item.doc];
            item.on_itself = government_on_itself(statement, &claim_places, &analyze(&statement.quote).places());
        }
        // Rebutted on record: by someone other than the party the claim speaks for. A
        // government's notice about its own affairs ("the bridge is closed") does not
        // discredit the reports that say otherwise; another government's findings do.
        let judged: HashSet<usize> = items.iter().map(|item| item.doc).collect();
        let independent = |by: &crate::bundle::Statement| !government_on_itself(by, &claim_places, &analyze(&by.quote).places());
        let rebutted: HashSet<usize> = self
            .bundle
            .relations
            .iter()
            .filter(|r| r.kind == RelationKind::Contradicts && judged.contains(&r.from) && independent(&self.bundle.statements[r.to]))
            .map(|r| r.from)
            .collect();
        let claim_speaker = view.frame.speaker.as_deref().map(fold_name);
        // Publishers count as they look: "Human Rights Wаtch" (Cyrillic а) is Human Rights
        // Watch, not an independent source.
        let publisher_keys: Vec<String> = items.iter().map(|item| look_alike_key(&self.bundle.source_of(&self.bundle.statements[item.doc]).publisher)).collect();
        let votes: Vec<Vote> = items
            .iter()
            .zip(&publisher_keys)
            .map(|(item, key)| {
                let statement = &self.bundle.statements[item.doc];
                let publisher = &self.bundle.source_of(statement).publisher;
                // "The ministry says P": the ministry's own statement is evidence of what
                // it says. Unattributed, a government's statement on itself is its position.
                let attributed = claim_speaker.as_deref().is_some_and(|s| same_party(s, &statement.speaker) || same_party(s, publisher));
                Vote {
                    stance: item.judgement.stance,
                    strength: item.judgement.coverage,
                    publisher: key,
                    speaker_kind: statement.speaker_kind,
                    rebutted: rebutted.contains(&item.doc) && !reports_a_denial,
                    own_party: !reports_a_denial && !attributed && item.on_itself,
                }
            })
            .collect();
        let best_related = items.iter().map(|i| i.judgement.coverage).fold(0.0, f32::max);
        let mut outcome = decide(&votes, best_related);
        // "Amnesty International reported that P", and nothing here is by Amnesty: others
        // may back P, but a "supported" would read as confirming what Amnesty said.
        if view.unknown_speaker && !view.frame.denial && outcome.verdict == Verdict::Supported {
            let speaker = view.frame.speaker.as_deref().map(crate::stance::wording::in_sentence).unwrap_or_default();
            notes.push(format!("This bundle has nothing by {speaker}: what others say is shown, but it cannot confirm what {speaker} said."));
            outcome = Outcome { verdict: Verdict::NoEvidence, confidence: round2(1.0 - outcome.confidence / 2.0), independent_sources: 0, ..outcome };
        }
        if outcome.positions_set_aside > 0 && outcome.verdict != Verdict::Supported {
            notes.push(
                "Statements that back the claim come only from the party it speaks for, or are rebutted on record: they are shown as that party's position, not as support."
                    .to_string(),
            );
        }
        if outcome.rebutted_set_aside > 0 && outcome.verdict != Verdict::Contradicted {
            notes.push("Statements that go against the claim are rebutted on record: they are shown as their speaker's position, not as evidence against it.".to_string());
        }
        if outcome.verdict == Verdict::NoEvidence {
            notes.push(NOTHING_SETTLES.to_string());
        }
        let shown: HashSet<usize> = items.iter().map(|i| i.doc).collect();
        let evidence = items.iter().map(|item| self.evidence(item, &shown)).collect();
        CheckResult {
            claim: text.to_string(),
            verdict: outcome.verdict,
            confidence: outcome.confidence,
            independent_sources: outcome.independent_sources,
            notes,
            evidence,
            sentences: Vec::new(),
            language: None,
            readings: Vec::new(),
            reviews: Vec::new(),
        }
    }

    fn claim_view(&self, text: &str) -> ClaimView {
        // Claims are read without regard to case, so that "AZERBAIJAN TORTURES" and
        // "azerbaijan tortures" get the verdict "Azerbaijan tortures" gets: names come from
        // the bundle (the terms it writes only as names) and from rare words it never uses.
        let mut analysis = analyze(&case_folded(text));
        let frame = claim::frame(&mut analysis, text);
        let lexicon = Lexicon::get();
        // A common word the bundle does not use weighs less; an unknown name does not.
        let weight = |t: &str, name: bool| {
            let idf = self.index.term_idf(t);
            if self.index.doc_freq(t) == 0 && !name {
                idf * lexicon.unseen_term_factor(t)
            } else {
                idf
            }
        };
        // A word the bundle never uses and English rarely does is taken for a name.
        let is_name = |t: &str| self.index.is_name(t) || (self.index.doc_freq(t) == 0 && lexicon.is_rare_word(t));
        ClaimView::new(analysis, frame, &weight, &is_name, &|t| self.index.doc_freq(t) > 0)
    }

    fn judge_candidates(&self, view: &ClaimView, limit: usize) -> Vec<Item> {
        let lexicon = Lexicon::get();
        let mut query: Vec<(String, f32)> = Vec::new();
        for term in &view.terms {
            query.push((term.term.clone(), 1.0));
            if !term.entity {
                query.extend(lexicon.antonyms_of(&term.term).iter().map(|a| (a.clone(), ANTONYM_QUERY_WEIGHT)));
            }
        }
        query.extend(view.frame.speaker_tokens.iter().map(|&i| (view.analysis.tokens[i].term.clone(), SPEAKER_QUERY_WEIGHT)));
        let claim_places = view.analysis.places();
        // A place this bundle never mentions: only statements naming it can be about it.
        let unknown_place = claim_places.iter().any(|p| self.index.doc_freq(p) == 0);
        let mut candidates = self.index.search(&query, limit);
        let top_score = candidates.first().map_or(1.0, |c| c.1.max(f32::EPSILON));
        if candidates.len() > JUDGED {
            // Judging analyses a statement's text, which costs far more than retrieval:
            // judge only those whose index terms could make them the most relevant.
            // Coverage estimated from the index (which claim terms, or their opposites,
            // each statement has) ranks them as judging would, give or take synonyms.
            let term_ids: Vec<(f32, Vec<usize>)> = view
                .terms
                .iter()
                .map(|t| {
                    let mut ids: Vec<usize> = self.index.term_id(&t.term).into_iter().collect();
                    ids.extend(lexicon.antonyms_of(&t.term).iter().filter_map(|a| self.index.term_id(a)));
                    (t.weight, ids)
                })
                .collect();
            let total = view.total_weight.max(f32::EPSILON);
            let estimate = |&(doc, score): &(usize, f32)| {
                let found: f32 = term_ids.iter().filter(|(_, ids)| ids.iter().any(|&id| self.index.posting_has(id, doc))).map(|(w, _)| w).sum();
                relevance(found / total, score, top_score)
            };
            let mut estimated: Vec<(f32, (usize, f32))> = candidates.iter().map(|c| (estimate(c), *c)).collect();
            estimated.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1 .0.cmp(&b.1 .0)));
            candidates = estimated.into_iter().take(JUDGED).map(|(_, c)| c).collect();
        }

        let mut items = Vec::new();
        for (doc, score) in candidates {
            let statement = &self.bundle.statements[doc];
            let mut quote = analyze(&statement.quote);
            if statement.speaker_kind != crate::bundle::Kind::Government {
                crate::analysis::cues::drop_reported_denials(&mut quote);
            }
            // Topics, speaker and source title say what the quote is about without
            // saying it: they count for coverage, not for stance.
            let side_text = format!("{}. {}. {}", statement.topics.join(". "), statement.speaker, self.bundle.source_of(statement).title);
            let side = analyze(&side_text);
            let mut aside: HashMap<String, Vec<String>> = HashMap::new();
            for token in side.tokens.iter().filter(|t| t.kind == crate::analysis::TokenKind::Content) {
                aside.entry(token.term.clone()).or_default().push(token.word.clone());
            }
            let aside_places = side.places();
            if !claim_places.is_empty() {
                let mut places = quote.places();
                places.extend(aside_places.iter().copied());
                let shares_place = places.iter().any(|p| claim_places.contains(p));
                if (!places.is_empty() || unknown_place) && !shares_place {
                    continue; // about another country
                }
            }
            let year = self.bundle.date_of(statement).map(|d| d.year);
            let judgement = judge(view, &quote, &aside, &aside_places, year);
            let relevance = relevance(judgement.coverage, score, top_score);
            let on_itself = government_on_itself(statement, &claim_places, &quote.places());
            items.push(Item { doc, score, judgement, relevance, on_itself });
        }
        items.sort_by(|a, b| b.relevance.total_cmp(&a.relevance).then(a.doc.cmp(&b.doc)));
        items
    }

    /// Curated relations carry stance one hop: a statement that rebuts one supporting
    /// the claim contradicts the claim, and the reverse. `items` holds every judged
    /// candidate, best first; weak ones are dropped only after this.
    fn follow_relations(&self, mut items: Vec<Item>, follow_rebuttals: bool) -> Vec<Item> {
        let position: HashMap<usize, usize> = items.iter().enumerate().map(|(i, item)| (item.doc, i)).collect();
        let mut derived: Vec<Item> = Vec::new();
        let mut changed: HashMap<usize, (Stance, String, f32, f32)> = HashMap::new();
        let mut moved: Vec<(usize, f32)> = Vec::new();
        // Strongest anchors first, so each statement takes its stance from the best one.
        let mut relations: Vec<(usize, usize, &crate::bundle::Relation)> = Vec::new();
        for relation in &self.bundle.relations {
            if relation.kind == RelationKind::Contradicts && !follow_rebuttals {
                continue;
            }
            for (anchor, other) in [(relation.from, relation.to), (relation.to, relation.from)] {
                if let Some(&a) = position.get(&anchor) {
                    relations.push((a, other, relation));
                }
            }
        }
        relations.sort_by_key(|&(a, other, _)| (a, other));
        for (a, other, relation) in relations {
            let anchor = items[a].doc;
            {
                let anchor_item = &items[a];
                let anchor_stance = anchor_item.judgement.stance;
                // Only a statement that backs the claim passes its stance on: one that
                // goes against it may do so for reasons the relation is not about.
                if anchor_stance != Stance::Supports || anchor_item.judgement.coverage < SUPPORT_MIN_COVERAGE {
                    continue;
                }
                if changed.contains_key(&other) {
                    continue;
                }
                let stance = match (relation.kind, anchor_stance) {
                    (RelationKind::Supports, s) => s,
                    (RelationKind::Contradicts, Stance::Supports) => Stance::Contradicts,
                    (RelationKind::Contradicts, _) => Stance::Supports,
                };
                let own = position.get(&other).map(|&o| (items[o].judgement.stance, items[o].relevance));
                match own {
                    // Already on the same side by its own words: keep its reason, but
                    // show it next to the statement it answers.
                    Some((s, own_relevance)) if s == stance => {
                        let relevance = own_relevance.max(anchor_item.relevance * 0.99 + own_relevance * 0.01);
                        moved.push((other, relevance));
                        continue;
                    }
                    Some((Stance::Supports | Stance::Contradicts, _)) => continue,
                    _ => {}
                }
                let anchor_statement = &self.bundle.statements[anchor];
                let verb = if relation.kind == RelationKind::Contradicts { "Rebuts" } else { "Backs up" };
                let anchor_role = if anchor_stance == Stance::Supports { "in support of the claim" } else { "against the claim" };
                let mut reason = format!("{verb} what {} says {anchor_role}.", crate::stance::wording::in_sentence(&anchor_statement.speaker));
                if let Some(note) = &relation.note {
                    reason.push(' ');
                    reason.push_str(note);
                }
                // Rebuttals sit right after their anchor, the closest match to the claim first.
                let own = position.get(&other).map_or(0.0, |&o| items[o].relevance);
                changed.insert(other, (stance, reason, anchor_item.judgement.coverage * 0.9, anchor_item.relevance * 0.99 + own * 0.01));
            }
        }
        for (doc, relevance) in moved {
            let item = &mut items[position[&doc]];
            item.relevance = item.relevance.max(relevance);
        }
        for (doc, (stance, reason, coverage, relevance)) in changed {
            match position.get(&doc) {
                Some(&i) => {
                    let item = &mut items[i];
                    item.judgement.stance = stance;
                    item.judgement.rule = RuleId::Relation;
                    item.judgement.reason = reason;
                    item.judgement.coverage = item.judgement.coverage.max(coverage);
                    item.relevance = item.relevance.max(relevance);
                }
                None => derived.push(Item {
                    doc,
                    score: 0.0,
                    judgement: Judgement { stance, rule: RuleId::Relation, coverage, reason, matched_words: Vec::new() },
                    relevance,
                    on_itself: self.bundle.statements[doc].speaker_kind == crate::bundle::Kind::Government,
                }),
            }
        }
        items.extend(derived);
        items.retain(|item| item.judgement.coverage >= RELATED_MIN_COVERAGE);
        // What settles the claim comes before what merely shares its words.
        let rank = |item: &Item| item.relevance * if item.judgement.stance == Stance::Related { RELATED_RANK_FACTOR } else { 1.0 };
        items.sort_by(|a, b| rank(b).total_cmp(&rank(a)).then(a.doc.cmp(&b.doc)));
        items.truncate(MAX_EVIDENCE);
        items
    }

    fn evidence(&self, item: &Item, shown: &HashSet<usize>) -> Evidence {
        let statement = &self.bundle.statements[item.doc];
        let source = self.bundle.source_of(statement);
        let relations = self
            .bundle
            .relations
            .iter()
            .filter_map(|r| {
                let (other, text) = if r.from == item.doc {
                    (r.to, if r.kind == RelationKind::Contradicts { "Contradicted by" } else { "Corroborated by" })
                } else if r.to == item.doc {
                    (r.from, if r.kind == RelationKind::Contradicts { "Contradicts" } else { "Corroborates" })
                } else {
                    return None;
                };
                shown.contains(&other).then(|| {
                    let o = &self.bundle.statements[other];
                    let note = r.note.as_deref().map(|n| format!(" — {n}")).unwrap_or_default();
                    format!("{text} {} ({}){note}", o.speaker, self.bundle.source_of(o).publisher)
                })
            })
            .collect();
        Evidence {
            id: statement.id.clone(),
            quote: statement.quote.clone(),
            stance: item.judgement.stance,
            rule: item.judgement.rule,
            score: round2(item.score),
            reason: item.judgement.reason.clone(),
            speaker: statement.speaker.clone(),
            speaker_kind: statement.speaker_kind.to_string(),
            date: self.bundle.date_of(statement).map(|d| d.to_string()).unwrap_or_default(),
            matched: item.judgement.matched_words.clone(),
            relations,
            source: SourceRef {
                id: source.id.clone(),
                publisher: source.publisher.clone(),
                title: source.title.clone(),
                url: source.url.clone().unwrap_or_default(),
                published: source.published.map(|d| d.to_string()).unwrap_or_default(),
                kind: source.kind.to_string(),
            },
        }
    }
}

/// Case folded (upper, then lower: Unicode's special casings make lower case alone not
/// the same for "ᾀ" and "ἈΙ"), with "us" read as the country where context says so ("the
/// US", "US officials") rather than the pronoun.
fn case_folded(text: &str) -> String {
    let folded: String = text.chars().flat_map(char::to_uppercase).flat_map(char::to_lowercase).collect();
    const COUNTRY_CONTEXT: &[&str] = &[
        "government",
        "state",
        "officials",
        "official",
        "report",
        "reports",
        "department",
        "secretary",
        "embassy",
        "president",
        "military",
        "forces",
        "congress",
        "senate",
        "administration",
        "sanctions",
        "envoy",
        "ambassador",
    ];
    let words: Vec<&str> = folded.split(' ').collect();
    let mut out = Vec::with_capacity(words.len());
    for (i, word) in words.iter().enumerate() {
        let bare = word.trim_matches(|c: char| !c.is_alphanumeric());
        let previous = i.checked_sub(1).map(|p| words[p].trim_matches(|c: char| !c.is_alphanumeric()));
        let next = words.get(i + 1).map(|n| n.trim_matches(|c: char| !c.is_alphanumeric()));
        let country = bare == "us" && (previous == Some("the") || next.is_some_and(|n| COUNTRY_CONTEXT.contains(&n)));
        out.push(if country { word.replacen("us", "u.s.", 1) } else { (*word).to_string() });
    }
    out.join(" ")
}

/// Most sentences a pasted text is split into; the rest is judged with the last.
const MAX_SENTENCES: usize = 50;

/// Splits a pasted text into sentences: at . ! ? followed by a space and a word, at a
/// semicolon, at a spaced dash that opens no aside, or at a blank line. "U.S. State
/// Department" and "Mr. Gasimov" stay whole; fragments under three words join their
/// neighbour.
fn split_sentences(text: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut ends = Vec::new();
    let mut start = 0;
    for (k, &(at, c)) in chars.iter().enumerate() {
        let end = at + c.len_utf8();
        let split = match c {
            '.' | '!' | '?' => {
                // The word before the stop, case-blind and with its combining marks, so that
                // case never changes where a sentence ends.
                let in_word = |c: &char| c.is_alphanumeric() || *c == '.' || crate::analysis::normalize::is_combining_mark(*c);
                let reversed: String = text[start..at].chars().rev().take_while(in_word).collect();
                let word_before: String = reversed.chars().rev().flat_map(char::to_uppercase).flat_map(char::to_lowercase).collect();
                let letters = word_before.chars().filter(|c| !crate::analysis::normalize::is_combining_mark(*c)).count();
                // An initial ("J. Smith"), not a number ("on December 9. The committee").
                let initial = letters == 1 && word_before.chars().all(|c| !c.is_ascii_digit());
                let abbreviation = initial || word_before.contains('.') || matches!(word_before.as_str(), "mr" | "mrs" | "ms" | "dr" | "st" | "no" | "jr" | "sr" | "vs" | "etc");
                let next = chars[k + 1..].iter().find(|(_, n)| !n.is_whitespace()).map(|&(_, n)| n);
                let spaced = chars.get(k + 1).is_some_and(|(_, n)| n.is_whitespace());
                // Any letter may start the next sentence: pasted text is not always
                // capitalised, and the verdict must not depend on case.
                spaced && !abbreviation && next.is_some_and(|n| n.is_alphanumeric() || matches!(n, '"' | '\u{201C}'))
            }
            '\n' => text[end..].trim_start_matches(' ').starts_with('\n'),
            // A semicolon joins two clauses that each say something ("Azerbaijan has no
            // political prisoners; everyone behind bars is a criminal").
            ';' => chars.get(k + 1).is_some_and(|(_, n)| n.is_whitespace()),
            // So does a spaced dash ("There is no torture in our police stations — these
            // stories are fabrications"), unless a second one closes an aside ("Yunus — a
            // rights defender — was freed").
            '\u{2014}' | '\u{2013}' => {
                let spaced = k > 0 && chars[k - 1].1.is_whitespace() && chars.get(k + 1).is_some_and(|(_, n)| n.is_whitespace());
                let rest = &text[end..];
                let sentence_rest = rest.find(['.', '!', '?', '\n']).map_or(rest, |e| &rest[..e]);
                let opened_before = text[start..at].contains(['\u{2014}', '\u{2013}']);
                spaced && !opened_before && !sentence_rest.contains(['\u{2014}', '\u{2013}'])
            }
            _ => false,
        };
        if split && text[start..end].split_whitespace().count() >= 3 && ends.len() + 1 < MAX_SENTENCES {
            ends.push(end);
            start = end;
        }
    }
    // A short tail joins the last sentence.
    if text[start..].split_whitespace().count() < 3 {
        ends.pop();
    }
    // "P. This is a lie.": a sentence that only calls the one before false belongs to it.
    let mut from = 0;
    let mut kept_ends: Vec<usize> = Vec::with_capacity(ends.len());
    for end in ends.into_iter().chain(std::iter::once(text.len())) {
        if !kept_ends.is_empty() && crate::claim::only_calls_false(&text[from..end]) {
            kept_ends.pop();
        }
        kept_ends.push(end);
        from = end;
    }
    // "It is false that. P": a leading one belongs to what follows.
    if kept_ends.len() > 1 && crate::claim::only_calls_false(&text[..kept_ends[0]]) {
        kept_ends.remove(0);
    }
    let mut sentences = Vec::with_capacity(kept_ends.len());
    let mut from = 0;
    for end in kept_ends {
        // The dash that ended a clause belongs to neither side.
        sentences.push(text[from..end].trim().trim_end_matches(['\u{2014}', '\u{2013}']).trim_end());
        from = end;
    }
    sentences.retain(|s| !s.is_empty());
    if sentences.is_empty() {
        sentences.push(text.trim());
    }
    sentences
}

fn empty_result(text: &str, notes: Vec<String>) -> CheckResult {
    CheckResult {
        claim: text.to_string(),
        verdict: Verdict::NoEvidence,
        confidence: 0.95,
        independent_sources: 0,
        notes,
        evidence: Vec::new(),
        sentences: Vec::new(),
        language: None,
        readings: Vec::new(),
        reviews: Vec::new(),
    }
}

const NOTHING_SETTLES: &str = "Nothing in this bundle settles the claim. That is not evidence that it is false.";

/// How many candidates are judged to rank the sentences of a long paste.
const SENTENCE_CANDIDATES: usize = 5;
/// Most sentences of a pasted text judged in full.
const MAX_JUDGED_SENTENCES: usize = 12;
/// How many evidence ids a sentence's verdict lists.
const SENTENCE_EVIDENCE: usize = 3;

/// One sentence's line in a paragraph's result: its verdict and the evidence that decided.
fn sentence_verdict(result: &CheckResult) -> SentenceVerdict {
    let decisive = |e: &&Evidence| match result.verdict {
        Verdict::Supported => e.stance == Stance::Supports,
        Verdict::Contradicted => e.stance == Stance::Contradicts,
        Verdict::Disputed => e.stance != Stance::Related,
        Verdict::NoEvidence => false,
    };
    SentenceVerdict {
        text: result.claim.clone(),
        verdict: result.verdict,
        confidence: result.confidence,
        evidence: result.evidence.iter().filter(decisive).take(SENTENCE_EVIDENCE).map(|e| e.id.clone()).collect(),
    }
}

fn plural(n: usize) -> String {
    if n == 1 {
        "one is".to_string()
    } else {
        format!("{n} are")
    }
}

/// A party's name folded for comparison: lower case, letters and spaces.
fn fold_name(name: &str) -> String {
    name.chars().flat_map(char::to_lowercase).map(|c| if c.is_alphanumeric() { c } else { ' ' }).collect::<String>().split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether a statement is a government's on its own country: that government's position,
/// not independent evidence (see `speaks_on_itself`).
fn government_on_itself(statement: &crate::bundle::Statement, claim_places: &[&str], quote_places: &[&str]) -> bool {
    statement.speaker_kind == crate::bundle::Kind::Government && speaks_on_itself(&statement.speaker, claim_places, quote_places)
}

/// Whether a government speaker speaks of its own country: neither the claim nor the
/// quote names a country other than the one its name gives ("Azerbaijan Interior
/// Ministry", "U.S. State Department"). A name without a country counts as on itself: the
/// cautious reading. The U.S. State Department's report on Azerbaijan is
/// evidence about Azerbaijan; the Interior Ministry's denial is the ministry's position.
fn speaks_on_itself(speaker: &str, claim_places: &[&str], quote_places: &[&str]) -> bool {
    let own = analyze(speaker).places();
    // A claim "the U.S. report says …" names the speaker's country as the author; the
    // subject is the other country it names.
    let other_country = claim_places.iter().chain(quote_places).any(|p| !own.contains(p));
    own.is_empty() || !other_country
}

/// Whether a claim's speaker (folded) names the same party as a statement's speaker or
/// publisher: one contains the other ("the interior ministry" / "Azerbaijan Interior
/// Ministry").
fn same_party(claim_speaker: &str, name: &str) -> bool {
    let name = fold_name(name);
    let claim_speaker = claim_speaker.trim_start_matches("the ");
    !name.is_empty() && !claim_speaker.is_empty() && (name.contains(claim_speaker) || claim_speaker.contains(&name))
}

#[cfg(test)]
mod tests {
    use super::{speaks_on_itself, split_sentences};

    #[test]
    fn a_government_speaks_on_itself_unless_another_country_is_the_subject() {
        // The Interior Ministry on Azerbaijan: its own position.
        assert!(speaks_on_itself("Azerbaijan Interior Ministry", &["azerbaijan"], &[]));
        assert!(speaks_on_itself("Azerbaijan Interior Ministry", &[], &[]));
        // The U.S. State Department's report on Azerbaijan, even when the claim names the
        // report's country as its author ("the U.S. report flagged …").
        assert!(!speaks_on_itself("U.S. State Department", &["azerbaijan", "united states"], &[]));
        assert!(!speaks_on_itself("U.S. State Department", &[], &["azerbaijan"]));
        // Blinken on U.S. policy.
        assert!(speaks_on_itself("Antony Blinken (U.S. Secretary of State)", &["united states"], &["united states"]));
        // A name without a country: the cautious reading.
        assert!(speaks_on_itself("The Ministry", &["azerbaijan"], &[]));
    }

    #[test]
    fn splits_pasted_text_into_sentences() {
        let cases: &[(&str, &[&str])] = &[
            ("One claim only.", &["One claim only."]),
            ("The U.S. State Department said so. Police beat them badly.", &["The U.S. State Department said so.", "Police beat them badly."]),
            ("Mr. Gasimov was tortured there. Yes.", &["Mr. Gasimov was tortured there. Yes."]),
            ("First line here\n\nSecond para here too", &["First line here", "Second para here too"]),
            ("", &[""]),
            ("Police tortured the detainees there. This is a lie.", &["Police tortured the detainees there. This is a lie."]),
            ("Azerbaijan has no political prisoners; everyone in prison is a criminal.", &["Azerbaijan has no political prisoners;", "everyone in prison is a criminal."]),
            ("Arrests; beatings; threats of rape.", &["Arrests; beatings; threats of rape."]),
            ("It published its conclusions on December 9. The committee has ten experts.", &["It published its conclusions on December 9.", "The committee has ten experts."]),
            ("A report by J. Smith said so. Police beat them.", &["A report by J. Smith said so.", "Police beat them."]),
            ("There is no torture in our prisons \u{2014} these stories are lies by enemies.", &["There is no torture in our prisons", "these stories are lies by enemies."]),
            ("Leyla Yunus \u{2014} a rights defender \u{2014} was freed in 2015.", &["Leyla Yunus \u{2014} a rights defender \u{2014} was freed in 2015."]),
            ("There is no torture in our prisons \t\u{2014} \tthese stories are lies by enemies.", &["There is no torture in our prisons", "these stories are lies by enemies."]),
        ];
        for (text, expected) in cases {
            assert_eq!(split_sentences(text), *expected, "{text:?}");
        }
    }
}
