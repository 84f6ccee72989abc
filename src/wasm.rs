//! The wasm boundary: the only module that knows wasm-bindgen. Bundle bytes cross once,
//! at construction; claims go in as strings and results come out as plain JS objects of
//! exactly the CLI's `--json` shape.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TYPES: &'static str = r#"
export type Verdict = "supported" | "contradicted" | "disputed" | "no_evidence";
export type Stance = "supports" | "contradicts" | "related";
/** The stance rule that decided an evidence item (see ARCHITECTURE.md, "Stance rules"). */
export type Rule = "coverage" | "quantities" | "years" | "dates" | "places" | "roles" | "actors" | "modality"
  | "polarity" | "frequency" | "evaluation" | "support" | "related" | "relation";
export type SourceKind = "ngo" | "intergovernmental" | "government" | "news" | "court" | "testimony" | "other";
export interface SourceRef { id: string; publisher: string; title: string; url: string; published: string; kind: SourceKind; }
export interface Evidence {
  id: string; quote: string; stance: Stance; rule: Rule; score: number; reason: string;
  speaker: string; speaker_kind: SourceKind; date: string; matched: string[]; relations: string[];
  source: SourceRef;
}
export interface CheckResult {
  claim: string; verdict: Verdict; confidence: number; independent_sources: number;
  notes: string[]; evidence: Evidence[]; sentences: SentenceVerdict[];
  /** Set when the claim is not English (the verdict is then no_evidence); null otherwise. */
  language: Language | null;
  /** Misspelled words read as the bundle's: "politcal" read as "political". Empty when none. */
  readings: Reading[];
  /** Claims a fact-checker already reviewed that say what the claim says ("same") or its
   * negation ("opposite"), best first: the fact-checker's verdict, not claimcheck's. */
  reviews: ReviewMatch[];
}
/** A reviewed claim matching the pasted one; claimant and summary are "" when not given. */
export interface ReviewMatch {
  id: string; claim: string; claimant: string; reviewer: string; rating: string; url: string;
  reviewed: string; summary: string; similarity: number; relation: "same" | "opposite";
}
/** ISO 639-3 code ("rus") and English name ("Russian"). */
export interface Language { code: string; name: string; }
export interface Reading { written: string; read_as: string; }
/** One sentence of the claim with its own verdict and the ids of the evidence that decided it. */
export interface SentenceVerdict { text: string; verdict: Verdict; confidence: number; evidence: string[]; }
export interface BundleInfo { title: string; language: string; sources: number; statements: number; relations: number; reviews: number; }
"#;

/// The check `result` (a `CheckResult`, as `check()` returned it, in JSON) as a draft of
/// schema.org ClaimReview JSON-LD, pretty-printed: the CLI's own `check --claimreview`
/// export (`reviews::claimreview::draft`), so page, widget and CLI cannot drift. An
/// empty `reviewer` or a `url` that is not http(s) becomes a placeholder for the editor;
/// `date` is `YYYY-MM-DD`.
#[wasm_bindgen(js_name = claimReviewDraft)]
pub fn claim_review_draft(result: &str, reviewer: &str, url: &str, date: &str) -> Result<String, JsError> {
    let result: crate::report::CheckResult = serde_json::from_str(result).map_err(|e| JsError::new(&format!("claimReviewDraft: the result is not a CheckResult: {e}")))?;
    let publisher = crate::reviews::claimreview::Publisher { reviewer, url, date, claimant: None };
    let review = crate::reviews::claimreview::draft(&result, &publisher).map_err(|e| JsError::new(&format!("claimReviewDraft: {}", e.trim_start_matches("--"))))?;
    serde_json::to_string_pretty(&review).map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen(start)]
fn start() {
    console_error_panic_hook::set_once();
}

#[wasm_bindgen]
extern "C" {
    /// Results cross as the CLI's own JSON text, parsed by the browser: the object is
    /// plain and its numbers are spelled as the CLI prints them (an f32 0.59 stays 0.59,
    /// where converting the f32 value gives 0.5899999737739563).
    #[wasm_bindgen(js_namespace = JSON, js_name = parse)]
    fn json_parse(text: &str) -> JsValue;
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    serde_json::to_string(value).map(|text| json_parse(&text)).map_err(|e| JsError::new(&e.to_string()))
}

#[wasm_bindgen]
pub struct Checker {
    inner: crate::Checker,
}

#[derive(Serialize)]
struct BundleInfo<'a> {
    title: &'a str,
    language: &'a str,
    sources: usize,
    statements: usize,
    relations: usize,
    reviews: usize,
}

#[wasm_bindgen]
impl Checker {
    /// A checker over the embedded default bundle.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Checker, JsError> {
        crate::Checker::embedded().map(|inner| Checker { inner }).map_err(|e| JsError::new(&e.to_string()))
    }

    /// A checker over bundle bytes: compiled form or JSON source. `name` names the
    /// bundle in error messages. Quotes are not checked against source texts here.
    #[wasm_bindgen(js_name = fromBytes)]
    pub fn from_bytes(bytes: &[u8], name: Option<String>) -> Result<Checker, JsError> {
        let name = name.unwrap_or_else(|| "bundle".to_string());
        crate::Checker::from_bytes(bytes, &name, None).map(|inner| Checker { inner }).map_err(|e| JsError::new(&e.to_string()))
    }

    /// How many statements compiled bundle bytes hold, read from their head without
    /// decoding them (for progress while `fromBytes` runs); `undefined` for JSON source
    /// or bytes that are not a compiled bundle.
    #[wasm_bindgen(js_name = peekStatementCount)]
    pub fn peek_statement_count(bytes: &[u8]) -> Option<u32> {
        crate::bundle::compiled::peek_statement_count(bytes).and_then(|n| u32::try_from(n).ok())
    }

    /// Checks a claim; returns a `CheckResult`.
    #[wasm_bindgen(unchecked_return_type = "CheckResult")]
    pub fn check(&self, claim: &str) -> Result<JsValue, JsError> {
        to_js(&self.inner.check(claim))
    }

    /// Title, language and counts of the loaded bundle.
    #[wasm_bindgen(js_name = bundleInfo, unchecked_return_type = "BundleInfo")]
    pub fn bundle_info(&self) -> Result<JsValue, JsError> {
        let b = self.inner.bundle();
        let info =
            BundleInfo { title: &b.title, language: &b.language, sources: b.sources.len(), statements: b.statements.len(), relations: b.relations.len(), reviews: b.reviews.len() };
        to_js(&info)
    }
}
