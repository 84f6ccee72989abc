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
    /// What kind of claim it is ("denial", "paraphrase", ...), for per-family scores.
    #[serde(default)]
    family: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Case {
    pub id: String,
    pub claim: String,
    pub verdicts: Vec<Verdict>,
    pub evidence: Vec<String>,
    pub family: Option<String>,
}

#[derive(Clone, Debug)]
pub struct Outcome {
    pub id: String,
    pub passed: bool,
    pub verdict: Verdict,
    pub confidence: f32,
    pub family: Option<String>,
    /// The verdict is among the accepted ones (the evidence may still miss).
    pub verdict_accepted: bool,
    /// Verdict supported where the accepted verdicts do not include supported: the
    /// worst error claimcheck can make.
    pub false_endorsement: bool,
    /// Verdict contradicted where the accepted verdicts do not include contradicted.
    pub false_refutation: bool,
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
        cases.push(Case { id: raw.id, claim: raw.claim, verdicts, evidence: raw.evidence, family: raw.family });
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
    let outcome = |passed, detail: String| Outcome {
        id: case.id.clone(),
        passed,
        verdict,
        confidence: result.confidence,
        family: case.family.clone(),
        verdict_accepted: case.verdicts.contains(&verdict),
        false_endorsement: verdict == Verdict::Supported && !case.verdicts.contains(&Verdict::Supported),
        false_refutation: verdict == Verdict::Contradicted && !case.verdicts.contains(&Verdict::Contradicted),
        detail,
    };
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

/// Confidence bands of the calibration table: [low, high).
pub const CONFIDENCE_BANDS: [(f32, f32); 4] = [(0.0, 0.4), (0.4, 0.6), (0.6, 0.8), (0.8, 1.01)];

/// What `claimcheck eval` prints after the cases: passes, the two costly errors, passes
/// per family, and how often verdicts in each confidence band were accepted.
pub struct Summary<'a>(pub &'a [Outcome]);

impl std::fmt::Display for Summary<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let outcomes = self.0;
        let ids = |pick: fn(&Outcome) -> bool| outcomes.iter().filter(|o| pick(o)).map(|o| o.id.as_str()).collect::<Vec<_>>();
        let endorsements = ids(|o| o.false_endorsement);
        let refutations = ids(|o| o.false_refutation);
        writeln!(f, "false endorsements: {} [{}]", endorsements.len(), endorsements.join(", "))?;
        writeln!(f, "false refutations: {} [{}]", refutations.len(), refutations.join(", "))?;
        let mut families: Vec<&str> = outcomes.iter().filter_map(|o| o.family.as_deref()).collect();
        families.sort_unstable();
        families.dedup();
        for family in families {
            let of: Vec<&Outcome> = outcomes.iter().filter(|o| o.family.as_deref() == Some(family)).collect();
            writeln!(f, "family {family}: {}/{}", of.iter().filter(|o| o.passed).count(), of.len())?;
        }
        writeln!(f, "calibration (confidence band: verdicts accepted / verdicts given):")?;
        for (low, high) in CONFIDENCE_BANDS {
            let in_band: Vec<&Outcome> = outcomes.iter().filter(|o| o.confidence >= low && o.confidence < high).collect();
            let accepted = in_band.iter().filter(|o| o.verdict_accepted).count();
            writeln!(f, "  {low:.1}-{:.1}: {accepted}/{}", high.min(1.0), in_band.len())?;
        }
        let passed = outcomes.iter().filter(|o| o.passed).count();
        write!(f, "{passed} passed, {} failed", outcomes.len() - passed)
    }
}

// ---- Labelled claims with gold statement ids (the Climate-FEVER claim format) ----

/// The four verdicts in a fixed order, for the confusion matrix and per-class scores.
pub const VERDICTS: [Verdict; 4] = [Verdict::Supported, Verdict::Contradicted, Verdict::Disputed, Verdict::NoEvidence];

/// A claim with a gold verdict and the ids of statements that settle it.
#[derive(Clone, Debug)]
pub struct LabelledCase {
    pub id: String,
    pub claim: String,
    pub label: Verdict,
    /// Ids of gold evidence labelled SUPPORTS or REFUTES (as imported: spaces become "_").
    pub decisive: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawLabelled {
    id: IdValue,
    claim: String,
    label: String,
    #[serde(default)]
    evidence: Vec<RawGold>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawGold {
    id: IdValue,
    label: String,
}

/// Ids as data sets write them: strings, or numbers.
#[derive(Deserialize)]
#[serde(untagged)]
enum IdValue {
    Text(String),
    Number(serde_json::Number),
}

impl IdValue {
    fn into_string(self) -> String {
        match self {
            IdValue::Text(s) => s,
            IdValue::Number(n) => n.to_string(),
        }
    }
}

/// Climate-FEVER's labels as verdicts. Evidence labels use the first three.
fn label_verdict(label: &str) -> Option<Verdict> {
    match label {
        "SUPPORTS" => Some(Verdict::Supported),
        "REFUTES" => Some(Verdict::Contradicted),
        "DISPUTED" => Some(Verdict::Disputed),
        "NOT_ENOUGH_INFO" => Some(Verdict::NoEvidence),
        _ => None,
    }
}

/// Whether a cases file is in the labelled format: its first case has a `label`.
pub fn is_labelled(text: &str) -> bool {
    text.lines().find(|l| !l.trim().is_empty()).and_then(|l| serde_json::from_str::<serde_json::Value>(l).ok()).is_some_and(|v| v.get("label").is_some())
}

/// Parses labelled claims. Errors name the file, line and field.
pub fn parse_labelled(text: &str, file: &str) -> Result<Vec<LabelledCase>, String> {
    let mut cases = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let at = format!("{file}:{}", n + 1);
        let raw: RawLabelled = serde_json::from_str(line).map_err(|e| format!("{at}: {e}"))?;
        let id = raw.id.into_string();
        let unknown =
            |field: &str, label: &str| format!("{at}: case \"{id}\": field \"{field}\": unknown label \"{label}\"; expected SUPPORTS, REFUTES, DISPUTED or NOT_ENOUGH_INFO");
        let label = label_verdict(&raw.label).ok_or_else(|| unknown("label", &raw.label))?;
        let mut decisive = Vec::new();
        for gold in raw.evidence {
            let verdict = label_verdict(&gold.label).ok_or_else(|| unknown("evidence.label", &gold.label))?;
            if matches!(verdict, Verdict::Supported | Verdict::Contradicted) {
                decisive.push(crate::bundle::import::id_without_spaces(&gold.id.into_string()));
            }
        }
        cases.push(LabelledCase { id, claim: raw.claim, label, decisive });
    }
    Ok(cases)
}

/// One labelled claim's outcome.
#[derive(Clone, Debug)]
pub struct LabelledOutcome {
    pub id: String,
    pub label: Verdict,
    pub verdict: Verdict,
    /// `None` when the claim has no decisive gold evidence; else whether one of the first
    /// five evidence items is decisive gold evidence.
    pub found_at_5: Option<bool>,
}

/// Scores over a labelled set.
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    pub claims: usize,
    pub accuracy: f64,
    /// Mean F1 over the four verdicts (a verdict never predicted nor labelled scores 0).
    pub macro_f1: f64,
    /// F1 of each verdict, in `VERDICTS` order.
    pub f1: [f64; 4],
    /// `confusion[label][verdict]`, both in `VERDICTS` order.
    pub confusion: [[usize; 4]; 4],
    /// Claims with at least one decisive gold evidence id.
    pub recall_claims: usize,
    /// Share of those whose first five evidence items include one.
    pub recall_at_5: f64,
}

pub fn run_labelled(checker: &Checker, cases: &[LabelledCase]) -> Vec<LabelledOutcome> {
    cases
        .iter()
        .map(|case| {
            let result = checker.check(&case.claim);
            let found_at_5 = (!case.decisive.is_empty()).then(|| result.evidence.iter().take(5).any(|e| case.decisive.contains(&e.id)));
            LabelledOutcome { id: case.id.clone(), label: case.label, verdict: result.verdict, found_at_5 }
        })
        .collect()
}

pub fn metrics(outcomes: &[LabelledOutcome]) -> Metrics {
    let position = |v: Verdict| VERDICTS.iter().position(|&x| x == v).unwrap_or(3);
    let mut confusion = [[0usize; 4]; 4];
    for o in outcomes {
        confusion[position(o.label)][position(o.verdict)] += 1;
    }
    let correct: usize = (0..4).map(|i| confusion[i][i]).sum();
    let mut f1 = [0.0; 4];
    for (i, f) in f1.iter_mut().enumerate() {
        let true_positive = confusion[i][i] as f64;
        let predicted: usize = (0..4).map(|l| confusion[l][i]).sum();
        let labelled: usize = confusion[i].iter().sum();
        if predicted + labelled > 0 {
            *f = 2.0 * true_positive / (predicted + labelled) as f64;
        }
    }
    let with_gold: Vec<bool> = outcomes.iter().filter_map(|o| o.found_at_5).collect();
    let ratio = |n: usize, d: usize| if d == 0 { 0.0 } else { n as f64 / d as f64 };
    Metrics {
        claims: outcomes.len(),
        accuracy: ratio(correct, outcomes.len()),
        macro_f1: f1.iter().sum::<f64>() / 4.0,
        f1,
        confusion,
        recall_claims: with_gold.len(),
        recall_at_5: ratio(with_gold.iter().filter(|&&f| f).count(), with_gold.len()),
    }
}

impl std::fmt::Display for Metrics {
    /// The summary `claimcheck eval` prints: scores, then the confusion matrix.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        writeln!(f, "claims: {}", self.claims)?;
        writeln!(f, "accuracy: {:.3}", self.accuracy)?;
        let per_class: Vec<String> = VERDICTS.iter().zip(self.f1).map(|(v, f1)| format!("{} {f1:.3}", v.as_str())).collect();
        writeln!(f, "macro-F1: {:.3} ({})", self.macro_f1, per_class.join(", "))?;
        writeln!(f, "decisive-evidence recall@5: {:.3} (of {} claims with SUPPORTS/REFUTES gold evidence)", self.recall_at_5, self.recall_claims)?;
        writeln!(f, "confusion (rows: label, columns: verdict):")?;
        write!(f, "{:>14}", "")?;
        for v in VERDICTS {
            write!(f, "{:>14}", v.as_str())?;
        }
        for (label, row) in VERDICTS.iter().zip(self.confusion) {
            writeln!(f)?;
            write!(f, "{:>14}", label.as_str())?;
            for n in row {
                write!(f, "{n:>14}")?;
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn outcome(label: Verdict, verdict: Verdict, found_at_5: Option<bool>) -> LabelledOutcome {
        LabelledOutcome { id: String::new(), label, verdict, found_at_5 }
    }

    #[test]
    fn metrics_by_hand() {
        use Verdict::*;
        let outcomes = [
            outcome(Supported, Supported, Some(true)),
            outcome(Supported, NoEvidence, Some(false)),
            outcome(Contradicted, Contradicted, Some(true)),
            outcome(NoEvidence, NoEvidence, None),
        ];
        let m = metrics(&outcomes);
        assert_eq!(m.accuracy, 0.75);
        // supported: tp 1, predicted 1, labelled 2 -> 2/3; contradicted 1; disputed 0;
        // no_evidence: tp 1, predicted 2, labelled 1 -> 2/3.
        assert!((m.macro_f1 - (2.0 / 3.0 + 1.0 + 0.0 + 2.0 / 3.0) / 4.0).abs() < 1e-9);
        assert_eq!(m.confusion[0], [1, 0, 0, 1]);
        assert_eq!((m.recall_claims, m.recall_at_5), (3, 2.0 / 3.0));
    }

    #[test]
    fn labelled_format_is_read_and_errors_name_the_line() {
        let text = "{\"id\": 7, \"claim\": \"c\", \"label\": \"REFUTES\", \"evidence\": [{\"id\": \"Sea level:3\", \"label\": \"REFUTES\"}, {\"id\": \"x:1\", \"label\": \"NOT_ENOUGH_INFO\"}]}\n";
        assert!(is_labelled(text));
        let cases = parse_labelled(text, "f.jsonl").unwrap();
        assert_eq!((cases[0].id.as_str(), cases[0].label), ("7", Verdict::Contradicted));
        assert_eq!(cases[0].decisive, ["Sea_level:3"]);
        let bad = "\n{\"id\": \"a\", \"claim\": \"c\", \"label\": \"TRUE\"}";
        let error = parse_labelled(bad, "f.jsonl").unwrap_err();
        assert!(error.starts_with("f.jsonl:2: case \"a\": field \"label\": unknown label \"TRUE\""), "{error}");
    }
}
