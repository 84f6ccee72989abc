//! Labelled-claim evaluation (`claimcheck eval`). Pure: takes the file's text, returns
//! per-case outcomes; the CLI prints them.
//!
//! Case format, one JSON object per line: `{"id", "claim", "verdict": [accepted
//! verdicts], "evidence": [phrases]}`. A case passes when the verdict is accepted and, if
//! phrases are given, one of the first three evidence items whose stance agrees with the
//! verdict contains one of them (case, whitespace and quote style folded).

use serde::Deserialize;

use crate::analysis::normalize::fold_for_quote_match;
use crate::report::{CheckResult, Stance, Verdict};
use crate::Checker;

#[derive(Clone, Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawCase {
    id: String,
    claim: String,
    verdict: Vec<String>,
    #[serde(default)]
    evidence: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Case {
    pub id: String,
    pub claim: String,
    pub verdicts: Vec<Verdict>,
    pub evidence: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Outcome {
    pub id: String,
    pub passed: bool,
    pub verdict: Verdict,
    /// Why it failed, or what matched.
    pub detail: String,
}

/// Parses a cases file. Errors name the file and line.
pub fn parse_cases(text: &str, file: &str) -> Result<Vec<Case>, String> {
    let mut cases = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let raw: RawCase = serde_json::from_str(line).map_err(|e| format!("{file}:{}: {e}", n + 1))?;
        let verdicts = raw
            .verdict
            .iter()
            .map(|v| Verdict::parse(v).ok_or_else(|| format!("{file}:{}: case \"{}\": field \"verdict\": unknown verdict \"{v}\"", n + 1, raw.id)))
            .collect::<Result<Vec<_>, _>>()?;
        if verdicts.is_empty() {
            return Err(format!("{file}:{}: case \"{}\": field \"verdict\": no accepted verdict", n + 1, raw.id));
        }
        cases.push(Case { id: raw.id, claim: raw.claim, verdicts, evidence: raw.evidence });
    }
    Ok(cases)
}

fn agrees(verdict: Verdict, stance: Stance) -> bool {
    match verdict {
        Verdict::Supported => stance == Stance::Supports,
        Verdict::Contradicted => stance == Stance::Contradicts,
        Verdict::Disputed => stance != Stance::Related,
        Verdict::NoEvidence => false,
    }
}

fn fold(text: &str) -> String {
    fold_for_quote_match(text).to_lowercase()
}

/// Judges one result against its case.
pub fn score(case: &Case, result: &CheckResult) -> Outcome {
    let verdict = result.verdict;
    let outcome = |passed, detail: String| Outcome { id: case.id.clone(), passed, verdict, detail };
    if !case.verdicts.contains(&verdict) {
        let accepted: Vec<&str> = case.verdicts.iter().map(|v| v.as_str()).collect();
        return outcome(false, format!("verdict {} not in [{}]", verdict.as_str(), accepted.join(", ")));
    }
    if case.evidence.is_empty() {
        return outcome(true, String::new());
    }
    let phrases: Vec<String> = case.evidence.iter().map(|p| fold(p)).collect();
    let agreeing = result.evidence.iter().filter(|e| agrees(verdict, e.stance)).take(3);
    for item in agreeing {
        let quote = fold(&item.quote);
        if let Some(p) = phrases.iter().find(|p| quote.contains(p.as_str())) {
            return outcome(true, format!("evidence {} has \"{p}\"", item.id));
        }
    }
    outcome(false, "no expected phrase in the first three agreeing evidence items".to_string())
}

pub fn run(checker: &Checker, cases: &[Case]) -> Vec<Outcome> {
    cases.iter().map(|case| score(case, &checker.check(&case.claim))).collect()
}
