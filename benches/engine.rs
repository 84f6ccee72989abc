//! Native benchmarks of the engine's stages, per corpus: analysing a claim, retrieval
//! alone, a full check, and decoding a compiled bundle. Run by `make bench`, which first
//! writes the corpora and `bench/data/corpora.json` (scripts/bench/run.mjs); the
//! medians land in bench/results.json.
//!
//! Each timed iteration takes the next claim of the corpus's fixed list, round-robin,
//! so a median is over the mix of claims rather than one lucky claim.

use std::path::{Path, PathBuf};
use std::time::Duration;

use claimcheck::analysis::analyze;
use claimcheck::bundle::compiled;
use claimcheck::Checker;
use criterion::{criterion_group, criterion_main, BenchmarkId, Criterion};

/// How many statements retrieval returns; the checker's own candidate count.
const CANDIDATES: usize = 40;

struct Corpus {
    name: String,
    ccb: Vec<u8>,
    claims: Vec<String>,
}

fn data_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/data")
}

/// The corpora listed in bench/data/corpora.json; none (with a message) when missing.
fn corpora() -> Vec<Corpus> {
    let manifest = data_dir().join("corpora.json");
    let Ok(text) = std::fs::read_to_string(&manifest) else {
        eprintln!("skipping: {} is missing; `make bench` writes it (scripts/bench/run.mjs)", manifest.display());
        return Vec::new();
    };
    let entries: Vec<serde_json::Value> = serde_json::from_str(&text).expect("bench/data/corpora.json is a JSON array");
    let mut corpora = Vec::new();
    for entry in entries {
        let name = entry["name"].as_str().unwrap_or_default().to_string();
        let ccb_path = data_dir().join(entry["ccb"].as_str().unwrap_or_default());
        let Ok(ccb) = std::fs::read(&ccb_path) else {
            eprintln!("skipping {name}: {} is missing", ccb_path.display());
            continue;
        };
        let claims: Vec<String> = entry["claims"].as_array().into_iter().flatten().filter_map(|c| c.as_str().map(str::to_string)).collect();
        if claims.is_empty() {
            eprintln!("skipping {name}: no claims in the manifest");
            continue;
        }
        corpora.push(Corpus { name, ccb, claims });
    }
    corpora
}

/// The claims in turn, one per call, starting over at the end.
fn round_robin<'a>(claims: &'a [String]) -> impl FnMut() -> &'a str {
    let mut next = 0;
    move || {
        let claim = &claims[next % claims.len()];
        next += 1;
        claim
    }
}

fn benches(c: &mut Criterion) {
    let corpora = corpora();

    // Analysis does not depend on the bundle, but on the claims, which differ by corpus.
    let mut group = c.benchmark_group("analysis");
    for corpus in &corpora {
        let mut claim = round_robin(&corpus.claims);
        group.bench_function(BenchmarkId::from_parameter(&corpus.name), |b| b.iter(|| analyze(claim())));
    }
    group.finish();

    // Retrieval alone: BM25 over the decoded index with the claim's terms, unweighted.
    // The checker's query also adds antonyms and the speaker; this is the core of it.
    let mut group = c.benchmark_group("retrieval");
    for corpus in &corpora {
        let (_, index) = compiled::decode(&corpus.ccb, &corpus.name).expect("a bench corpus decodes");
        let queries: Vec<Vec<(String, f32)>> = corpus.claims.iter().map(|claim| analyze(claim).terms().map(|t| (t.to_string(), 1.0)).collect()).collect();
        let mut next = 0;
        group.bench_function(BenchmarkId::from_parameter(&corpus.name), |b| {
            b.iter(|| {
                let query = &queries[next % queries.len()];
                next += 1;
                index.search(query, CANDIDATES)
            })
        });
    }
    group.finish();

    let mut group = c.benchmark_group("check");
    for corpus in &corpora {
        let checker = Checker::from_bytes(&corpus.ccb, &corpus.name, None).expect("a bench corpus decodes");
        let mut claim = round_robin(&corpus.claims);
        group.bench_function(BenchmarkId::from_parameter(&corpus.name), |b| b.iter(|| checker.check(claim())));
    }
    group.finish();

    let mut group = c.benchmark_group("decode");
    for corpus in &corpora {
        group.bench_function(BenchmarkId::from_parameter(&corpus.name), |b| b.iter(|| Checker::from_bytes(&corpus.ccb, &corpus.name, None).expect("a bench corpus decodes")));
    }
    group.finish();
}

// Few, short samples: the 100k-statement corpus makes a decode or a check slow enough
// that criterion's defaults (100 samples, 5 s) would take minutes per benchmark.
fn config() -> Criterion {
    Criterion::default().sample_size(20).warm_up_time(Duration::from_secs(1)).measurement_time(Duration::from_secs(4))
}

criterion_group! { name = engine; config = config(); targets = benches }
criterion_main!(engine);
