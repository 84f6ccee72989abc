//! How static word vectors separate same-meaning words from others: cosine quantiles of
//! WordNet synonym pairs, WordNet antonym pairs and random pairs of the same words
//! (tools/resources/*.tsv), and a few pairs a reader would care about. Run:
//!
//! ```text
//! python3 tools/distill_static_vectors.py --out /tmp/vectors
//! cargo run --release --example calibrate_word_alignment /tmp/vectors/minilm-static.bin
//! ```

use claimcheck::semantic::{StaticVectors, WordVectors};

/// Same meaning in other words, then opposites: what alignment would have to tell apart.
const PROBES: &[(&str, &str)] = &[
    ("frightened", "intimidated"),
    ("bribery", "corruption"),
    ("sacked", "dismissed"),
    ("jailed", "imprisoned"),
    ("especially", "particularly"),
    ("legal", "illegal"),
    ("many", "few"),
    ("safe", "dangerous"),
    ("guilty", "innocent"),
    ("banned", "allowed"),
];

fn pairs(path: &str) -> Vec<(String, String)> {
    let text = std::fs::read_to_string(path).expect("reads the table");
    let mut out = Vec::new();
    for line in text.lines().filter(|l| !l.starts_with('#')) {
        let words: Vec<&str> = line.split('\t').filter(|w| !w.contains(' ') && !w.contains('_')).collect();
        for w in words.windows(2) {
            out.push((w[0].to_string(), w[1].to_string()));
        }
    }
    out
}

fn quantiles(name: &str, mut values: Vec<f32>) {
    values.sort_by(f32::total_cmp);
    let q = |p: f32| values[((values.len() - 1) as f32 * p) as usize];
    println!(
        "{name:10} n={:5}  p10 {:.2}  p25 {:.2}  p50 {:.2}  p75 {:.2}  p90 {:.2}  p95 {:.2}  p99 {:.2}",
        values.len(),
        q(0.1),
        q(0.25),
        q(0.5),
        q(0.75),
        q(0.9),
        q(0.95),
        q(0.99)
    );
}

fn share_above(values: &[f32], t: f32) -> f32 {
    values.iter().filter(|&&v| v >= t).count() as f32 / values.len() as f32
}

fn main() {
    let path = std::env::args().nth(1).expect("usage: calibrate_word_alignment TABLE.bin");
    let bytes = std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let table = StaticVectors::decode(&bytes, &path).unwrap_or_else(|e| panic!("{e}"));
    let words = WordVectors::new(&table);
    let sims = |pairs: &[(String, String)]| -> Vec<f32> { pairs.iter().filter_map(|(a, b)| words.similarity(a, b)).collect() };
    let synonyms = pairs("tools/resources/wordnet_synonyms.tsv");
    let antonyms = pairs("tools/resources/wordnet_antonyms.tsv");
    // Random pairs: each synonym pair's first word with the second word of a pair far away.
    let n = synonyms.len();
    let random: Vec<(String, String)> = (0..n).map(|i| (synonyms[i].0.clone(), synonyms[(i * 7919 + n / 2) % n].1.clone())).collect();
    let (s, a, r) = (sims(&synonyms), sims(&antonyms), sims(&random));
    quantiles("synonyms", s.clone());
    quantiles("antonyms", a.clone());
    quantiles("random", r.clone());
    for (a, b) in PROBES {
        println!("{a:>12} / {b:<12} {:.2}", words.similarity(a, b).unwrap_or(f32::NAN));
    }
    for t in [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8] {
        println!("threshold {t:.2}: synonyms {:.3}  antonyms {:.3}  random {:.3}", share_above(&s, t), share_above(&a, t), share_above(&r, t));
    }
}
