//! Claims already fact-checked (issue 11): does the pasted claim say what a reviewed
//! claim of the bundle says? Found the way statements are: BM25 over the reviewed claims
//! (with their headlines at half weight, through the same [`Index`] and analyser), then
//! the engine's own judgement ([`stance::judge`]) between the pasted claim and each
//! candidate review, in both directions. A review whose claim the pasted one negates
//! (the polarity or evaluation rule) is a fact-check of the *opposite* claim and is
//! labelled so, never shown as the same claim.
//!
//! `eval` measures claim matching on labelled sets (CLEF CheckThat! 2022 Task 2A).

pub mod claimreview;
pub mod eval;

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::analysis::{analyze, Analysis, Lexicon};
use crate::bundle::{Bundle, Kind, Review, Source, Statement};
use crate::index::Index;
use crate::report::{ReviewMatch, ReviewRelation, Stance};
use crate::stance::{judge, ClaimView, RuleId};

/// How many reviews retrieval hands to judging.
const CANDIDATES: usize = 20;
/// A matching claim, the same or the opposite, leaves at most this share of either
/// claim's weight unmatched (the support rule's limit).
const MAX_UNMATCHED: f32 = 0.2;
/// How many matched reviews a result carries at most.
const MAX_SHOWN: usize = 3;

/// The reviews' own retrieval index: stored in compiled bundles (format version 4), so
/// loading one is a decode; built on the first check that needs it for JSON bundles and
/// older compiled ones (a checker whose bundle has no reviews never builds one).
#[derive(Default)]
pub struct ReviewIndex {
    index: OnceLock<Index>,
}

/// One candidate review, scored.
#[derive(Clone, Debug)]
pub struct Ranked {
    /// Index into `Bundle::reviews`.
    pub review: usize,
    /// Retrieval score over the best one's, 0..1.
    pub retrieval: f32,
    /// How much the two claims say the same: the harmonic mean of the share of each
    /// claim found in the other, 0..1.
    pub similarity: f32,
    pub relation: Option<ReviewRelation>,
    /// What ranks candidates: retrieval alone. Reranking by similarity (score times
    /// 1 - a + a × similarity) lowered MAP@5 on CheckThat!'s dev tweets from 0.885 to
    /// 0.882 (a = 0.3), 0.871 (0.7) and 0.866 (1.0): tweets say more than the claim
    /// they repeat, so the judgement decides what is shown and how, not the order.
    pub score: f32,
}

/// The reviews' BM25 index: each review as a statement of a bundle of its own, the claim
/// and the headline its quote, the claimant its speaker. What the compiled form stores
/// (so changing what goes in changes the format: bump `compiled::FORMAT_VERSION`).
pub fn build_index(bundle: &Bundle) -> Index {
    if bundle.reviews.is_empty() {
        return Index::from_parts(Vec::new(), Vec::new(), Vec::new(), Vec::new());
    }
    // The headline at half weight, as a topic, scored MAP@5 0.759 on CheckThat!'s 997
    // training tweets against 0.769 in full.
    let statements = bundle
        .reviews
        .iter()
        .map(|r| Statement {
            id: r.id.clone(),
            source: 0,
            quote: match &r.title {
                Some(title) => format!("{}. {title}", r.claim),
                None => r.claim.clone(),
            },
            speaker: r.claimant.clone().unwrap_or_default(),
            speaker_kind: Kind::Other,
            date: None,
            topics: Vec::new(),
        })
        .collect();
    let source = Source { id: String::new(), publisher: String::new(), kind: Kind::Other, title: String::new(), url: None, published: None, text_file: None };
    let shadow = Bundle { title: String::new(), language: String::new(), sources: vec![source], statements, relations: Vec::new(), reviews: Vec::new() };
    Index::build(&shadow)
}

impl ReviewIndex {
    /// The index as a compiled bundle stored it.
    pub fn stored(index: Index) -> ReviewIndex {
        ReviewIndex { index: OnceLock::from(index) }
    }

    fn index(&self, bundle: &Bundle) -> &Index {
        self.index.get_or_init(|| build_index(bundle))
    }

    /// The reviews that say what `claim` says (relation "same") or its negation
    /// ("opposite"), best first.
    pub fn matching(&self, bundle: &Bundle, claim: &str) -> Vec<ReviewMatch> {
        if bundle.reviews.is_empty() {
            return Vec::new();
        }
        let mut shown: Vec<ReviewMatch> = Vec::new();
        for ranked in self.rank(bundle, claim, CANDIDATES) {
            let Some(relation) = ranked.relation else { continue };
            if shown.len() == MAX_SHOWN {
                break;
            }
            let r = &bundle.reviews[ranked.review];
            shown.push(ReviewMatch {
                id: r.id.clone(),
                claim: r.claim.clone(),
                claimant: r.claimant.clone().unwrap_or_default(),
                reviewer: r.reviewer.clone(),
                rating: r.rating.clone(),
                url: r.url.clone(),
                reviewed: r.reviewed.to_string(),
                summary: r.summary.clone().unwrap_or_default(),
                similarity: crate::verdict::round2(ranked.similarity),
                relation,
            });
        }
        shown
    }

    /// Candidate reviews for `claim`, best first: at most `limit`, each judged.
    pub fn rank(&self, bundle: &Bundle, claim: &str, limit: usize) -> Vec<Ranked> {
        let index = self.index(bundle);
        let text = without_social_noise(claim);
        let pasted = self.view(index, &text);
        let mut query: Vec<(String, f32)> = Vec::new();
        for term in &pasted.terms {
            query.push((term.term.clone(), 1.0));
        }
        let candidates = index.search(&query, limit.max(1));
        let top = candidates.first().map_or(1.0, |c| c.1.max(f32::EPSILON));
        let pasted_analysis = analyze(&text);
        let mut ranked: Vec<Ranked> = candidates
            .into_iter()
            .map(|(doc, score)| {
                let review = &bundle.reviews[doc];
                let (similarity, relation) = compare(index, &pasted, &pasted_analysis, review);
                let retrieval = score / top;
                Ranked { review: doc, retrieval, similarity, relation, score: retrieval }
            })
            .collect();
        ranked.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.review.cmp(&b.review)));
        ranked
    }

    fn view(&self, index: &Index, text: &str) -> ClaimView {
        view(index, text)
    }
}

/// A claim analysed and framed as the checker does, weighted by the reviews' index.
fn view(index: &Index, text: &str) -> ClaimView {
    let mut analysis = analyze(&text.to_lowercase());
    let frame = crate::claim::frame(&mut analysis, text);
    let lexicon = Lexicon::get();
    let weight = |t: &str, name: bool| {
        let idf = index.term_idf(t);
        if index.doc_freq(t) == 0 && !name {
            idf * lexicon.unseen_term_factor(t)
        } else {
            idf
        }
    };
    let is_name = |t: &str| index.is_name(t) || (index.doc_freq(t) == 0 && lexicon.is_rare_word(t));
    ClaimView::new(analysis, frame, &weight, &is_name, &|t| index.doc_freq(t) > 0)
}

/// How far the pasted claim and a review's claim say the same thing, and whether one
/// negates the other: the engine's judgement both ways (pasted claim against the
/// review's claim as a statement, and the reverse).
fn compare(index: &Index, pasted: &ClaimView, pasted_analysis: &Analysis, review: &Review) -> (f32, Option<ReviewRelation>) {
    let reviewed = analyze(&review.claim);
    let aside: HashMap<String, Vec<String>> = HashMap::new();
    let forward = judge(pasted, &reviewed, &aside, &[], review.claim_date.map(|d| d.year));
    let reverse_view = view(index, &review.claim);
    let backward = judge(&reverse_view, pasted_analysis, &aside, &[], None);
    let (f, b) = (forward.coverage, backward.coverage);
    let similarity = if f + b > 0.0 { 2.0 * f * b / (f + b) } else { 0.0 };
    let negates = |j: &crate::stance::Judgement| j.stance == Stance::Contradicts && matches!(j.rule, RuleId::Polarity | RuleId::Evaluation);
    let relation = if forward.stance == Stance::Contradicts || backward.stance == Stance::Contradicts {
        // The opposite claim: one negates the other and, negation aside, each holds
        // nearly all of the other (the support rule's limit, at most a fifth of the
        // weight unmatched, both ways). Another amount, year, place or doer is a
        // different claim, not this one.
        let opposite = (negates(&forward) || negates(&backward)) && f.min(b) >= 1.0 - MAX_UNMATCHED;
        opposite.then_some(ReviewRelation::Opposite)
    } else {
        // The same claim: each holds nearly all of the other. One that only holds the
        // pasted claim says more ("Azerbaijan released all political prisoners in 2019"
        // for "there are political prisoners in Azerbaijan"), and its rating may not
        // apply.
        (f.min(b) >= 1.0 - MAX_UNMATCHED).then_some(ReviewRelation::Same)
    };
    (similarity, relation)
}

/// Pasted social-media text without what is not the claim: links (`https://t.co/…`,
/// `pic.twitter.com/…`) and a quoted tweet's signature ("— Name (@handle) May 3, 2024").
pub fn without_social_noise(text: &str) -> String {
    let mut text = text.to_string();
    // The signature: an em dash, a name, "(@handle)" and a date, at the end.
    if let Some(dash) = text.rfind(" \u{2014} ").or_else(|| text.rfind("\u{2014} ")) {
        let tail = &text[dash..];
        if tail.contains("(@") && tail.len() < 200 {
            text.truncate(dash);
        }
    }
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| {
            let lower = w.to_ascii_lowercase();
            !(lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("pic.twitter.com/") || lower.starts_with("www."))
        })
        .collect();
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn social_noise_is_left_out() {
        assert_eq!(
            without_social_noise("Illinois GOP bill attacks single moms https://t.co/wDGczl94dF pic.twitter.com/abc — Morgan Fairchild (@morgfair) February 25, 2016"),
            "Illinois GOP bill attacks single moms"
        );
        assert_eq!(without_social_noise("A claim \u{2014} with a dash but no handle"), "A claim \u{2014} with a dash but no handle");
    }
}
