//! Claim-matching evaluation (`claimcheck eval-matching`): how well the reviews a check
//! finds first are the ones that fact-check the query. Pure: the CLI reads the file and
//! times the queries.
//!
//! Format, one JSON object per line (the shape of CLEF CheckThat! Task 2A's queries):
//! `{"id", "text", "gold": [review ids]}`; other fields (`orig_id`) are ignored. The
//! measures are CheckThat!'s: MAP@5 (average precision over the first five, divided by
//! the number of gold reviews), and recall@1 and recall@5 (share of gold reviews found).

use serde::Deserialize;

#[derive(Clone, Debug, Deserialize)]
pub struct Query {
    pub id: String,
    pub text: String,
    pub gold: Vec<String>,
}

/// Parses a queries file. Errors name the file and line.
pub fn parse_queries(text: &str, file: &str) -> Result<Vec<Query>, String> {
    let mut queries = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let query: Query = serde_json::from_str(line).map_err(|e| format!("{file}: line {}: {e}", n + 1))?;
        if query.gold.is_empty() {
            return Err(format!("{file}: line {}: query \"{}\": field \"gold\": no gold review", n + 1, query.id));
        }
        queries.push(query);
    }
    Ok(queries)
}

/// Average precision of `ranked` (review ids, best first) over its first `k`.
pub fn average_precision(gold: &[String], ranked: &[&str], k: usize) -> f64 {
    let mut found = 0;
    let mut sum = 0.0;
    for (i, id) in ranked.iter().take(k).enumerate() {
        if gold.iter().any(|g| g == id) {
            found += 1;
            sum += f64::from(found) / (i + 1) as f64;
        }
    }
    if gold.is_empty() {
        0.0
    } else {
        sum / gold.len() as f64
    }
}

/// Share of `gold` among the first `k` of `ranked`.
pub fn recall(gold: &[String], ranked: &[&str], k: usize) -> f64 {
    let found = gold.iter().filter(|g| ranked.iter().take(k).any(|r| r == g)).count();
    found as f64 / gold.len().max(1) as f64
}

/// The measures over every query.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub queries: usize,
    pub map5: f64,
    pub recall1: f64,
    pub recall5: f64,
}

impl Scores {
    /// `ranked[i]` is the ranking for `queries[i]`.
    pub fn of(queries: &[Query], ranked: &[Vec<&str>]) -> Scores {
        let n = queries.len().max(1) as f64;
        let sum = |f: &dyn Fn(&Query, &[&str]) -> f64| queries.iter().zip(ranked).map(|(q, r)| f(q, r)).sum::<f64>() / n;
        Scores {
            queries: queries.len(),
            map5: sum(&|q, r| average_precision(&q.gold, r, 5)),
            recall1: sum(&|q, r| recall(&q.gold, r, 1)),
            recall5: sum(&|q, r| recall(&q.gold, r, 5)),
        }
    }
}

impl std::fmt::Display for Scores {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} queries: MAP@5 {:.3}, recall@1 {:.3}, recall@5 {:.3}", self.queries, self.map5, self.recall1, self.recall5)
    }
}

/// What a reader would see: the reviews a check shows (judged the same claim or its
/// opposite), against the gold ones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Shown {
    pub queries: usize,
    /// Queries where a gold review is shown.
    pub gold_shown: usize,
    /// Queries where anything is shown.
    pub any_shown: usize,
    /// Reviews shown that are not gold (another fact-check, or a wrong one).
    pub others: usize,
    /// Gold reviews shown as the opposite claim (CheckThat!'s gold reviews check the
    /// tweet's own claim, so these are labelled wrong, or the tweet disputes it).
    pub gold_opposite: usize,
    pub shown: usize,
}

impl Shown {
    /// `shown[i]` is what a check shows for `queries[i]`: review ids and relations.
    pub fn of(queries: &[Query], shown: &[Vec<(&str, crate::report::ReviewRelation)>]) -> Shown {
        let mut out = Shown { queries: queries.len(), ..Shown::default() };
        for (q, s) in queries.iter().zip(shown) {
            let gold = |id: &str| q.gold.iter().any(|g| g == id);
            out.gold_shown += usize::from(s.iter().any(|(id, _)| gold(id)));
            out.any_shown += usize::from(!s.is_empty());
            out.others += s.iter().filter(|(id, _)| !gold(id)).count();
            out.gold_opposite += s.iter().filter(|(id, r)| gold(id) && *r == crate::report::ReviewRelation::Opposite).count();
            out.shown += s.len();
        }
        out
    }
}

impl std::fmt::Display for Shown {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let share = |n: usize, of: usize| if of == 0 { 0.0 } else { n as f64 / of as f64 };
        write!(
            f,
            "shown to a reader: a gold review for {} of {} queries ({:.3}), something for {}; {} reviews shown, {} not gold ({:.3}); gold shown as the opposite claim {}",
            self.gold_shown,
            self.queries,
            share(self.gold_shown, self.queries),
            self.any_shown,
            self.shown,
            self.others,
            share(self.others, self.shown),
            self.gold_opposite
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn average_precision_is_checkthats() {
        let gold = vec!["a".to_string(), "b".to_string()];
        assert_eq!(average_precision(&gold, &["a", "x", "b"], 5), (1.0 + 2.0 / 3.0) / 2.0);
        assert_eq!(average_precision(&gold, &["x", "x", "x", "x", "x", "a"], 5), 0.0);
        assert_eq!(recall(&gold, &["x", "b"], 1), 0.0);
        assert_eq!(recall(&gold, &["x", "b"], 5), 0.5);
    }
}
