//! The result of a check: the JSON shape that the CLI's `--json` prints and the wasm
//! `check()` returns. It is a public contract; add fields, never rename them.

use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    Supported,
    Contradicted,
    Disputed,
    /// Nothing in this bundle speaks to the claim. Never "false": absence is not refutation.
    NoEvidence,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Contradicted => "contradicted",
            Verdict::Disputed => "disputed",
            Verdict::NoEvidence => "no_evidence",
        }
    }

    pub fn parse(text: &str) -> Option<Verdict> {
        [Verdict::Supported, Verdict::Contradicted, Verdict::Disputed, Verdict::NoEvidence].into_iter().find(|v| v.as_str() == text)
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Stance {
    Supports,
    Contradicts,
    Related,
}

impl Stance {
    pub fn as_str(self) -> &'static str {
        match self {
            Stance::Supports => "supports",
            Stance::Contradicts => "contradicts",
            Stance::Related => "related",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CheckResult {
    pub claim: String,
    pub verdict: Verdict,
    /// 0..1
    pub confidence: f32,
    /// Distinct publishers behind the verdict.
    pub independent_sources: usize,
    pub notes: Vec<String>,
    /// Most relevant first.
    pub evidence: Vec<Evidence>,
    /// Each sentence judged, in order (one for a single-sentence claim). A pasted text's
    /// headline verdict is honest about the mix: see `Checker::check`.
    #[serde(default)]
    pub sentences: Vec<SentenceVerdict>,
    /// The claim's language when it is not English (claimcheck reads English only; the
    /// verdict is then "no evidence" and a note says why).
    #[serde(default)]
    pub language: Option<Language>,
    /// Misspelled words read as the bundle's words ("politcal" as "political").
    #[serde(default)]
    pub readings: Vec<Reading>,
    /// Claims a fact-checker already reviewed that say what the claim says (`same`) or
    /// its negation (`opposite`), best first: the fact-checker's verdict, not claimcheck's.
    #[serde(default)]
    pub reviews: Vec<ReviewMatch>,
}

/// A review of the bundle that matches the claim.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ReviewMatch {
    pub id: String,
    /// The claim as the fact-checker wrote it.
    pub claim: String,
    /// Who made the reviewed claim ("" when the review does not say).
    pub claimant: String,
    /// The fact-checking organisation.
    pub reviewer: String,
    /// The reviewer's rating, in its own words, of the claim it reviewed (for an
    /// `opposite` match, of the opposite of the pasted claim).
    pub rating: String,
    /// The fact-check article, as imported.
    pub url: String,
    /// When the review was published (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub reviewed: String,
    /// The review's summary ("" when it has none).
    pub summary: String,
    /// How much the two claims say the same, 0..1.
    pub similarity: f32,
    pub relation: ReviewRelation,
}

/// How a reviewed claim relates to the pasted one.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ReviewRelation {
    /// It says the same thing.
    Same,
    /// It says the opposite: the review rates the negation of the pasted claim.
    Opposite,
}

impl ReviewRelation {
    pub fn as_str(self) -> &'static str {
        match self {
            ReviewRelation::Same => "same",
            ReviewRelation::Opposite => "opposite",
        }
    }
}

/// A language claimcheck cannot read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Language {
    /// ISO 639-3 code ("rus").
    pub code: String,
    /// English name ("Russian").
    pub name: String,
}

/// One misspelled word of the claim and the word it was read as.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Reading {
    pub written: String,
    pub read_as: String,
}

/// One sentence of the claim and its own verdict.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SentenceVerdict {
    pub text: String,
    pub verdict: Verdict,
    pub confidence: f32,
    /// Ids of the evidence that decided it (at most three).
    pub evidence: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    pub id: String,
    pub quote: String,
    pub stance: Stance,
    /// The stance rule that decided ("polarity", "quantities", "support", ...; "relation"
    /// when the stance came along a curated relation, "related" when no rule decided).
    pub rule: crate::stance::RuleId,
    pub score: f32,
    pub reason: String,
    pub speaker: String,
    pub speaker_kind: String,
    /// The statement's date at its precision (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`).
    pub date: String,
    /// Words of the quote that match the claim, for highlighting.
    pub matched: Vec<String>,
    /// Curated relations to other statements shown in this result, as human-readable text.
    pub relations: Vec<String>,
    pub source: SourceRef,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub id: String,
    pub publisher: String,
    pub title: String,
    pub url: String,
    pub published: String,
    pub kind: String,
}
