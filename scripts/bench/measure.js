// One corpus, measured the same way in Node (scripts/bench/node.mjs) and in Chromium
// (scripts/bench/page.html): claimcheck's wasm from pkg/ against MiniSearch, in one
// fresh process or page, so both see the same machine state. Uses nothing but the
// arguments and performance.now(), so it runs unchanged in both.

/** Nearest-rank percentile of ascending `sorted`. */
function percentile(sorted, p) {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)];
}

function summary(times) {
  const sorted = [...times].sort((a, b) => a - b);
  return { p50: percentile(sorted, 0.5), p95: percentile(sorted, 0.95) };
}

const WARMUP_CLAIMS = 20;
const DECODE_REPEATS = 5;

/**
 * @param {object} o
 * @param {Function} o.init          wasm-bindgen's default export from pkg/claimcheck.js
 * @param {Function} o.Checker       the Checker class from pkg/claimcheck.js
 * @param {Function} o.MiniSearch    the MiniSearch class
 * @param {Uint8Array} o.wasmBytes   pkg/claimcheck_bg.wasm
 * @param {Uint8Array} o.ccbBytes    the compiled bundle
 * @param {{id: string, text: string}[]} o.statements   what MiniSearch indexes
 * @param {string[]} o.claims
 */
export async function measure({ init, Checker, MiniSearch, wasmBytes, ccbBytes, statements, claims }) {
  // Cold start: compile and instantiate the wasm, then decode the bundle, once each, in
  // a process that has run neither before. All inputs are already in memory.
  const t0 = performance.now();
  await init({ module_or_path: wasmBytes });
  const t1 = performance.now();
  const checker = Checker.fromBytes(ccbBytes, 'bench');
  const t2 = performance.now();

  // Decoding again, warm: steadier than the one cold decode, and comparable with the
  // native decode benchmark.
  const decodes = [];
  for (let i = 0; i < DECODE_REPEATS; i++) {
    const s = performance.now();
    Checker.fromBytes(ccbBytes, 'bench').free();
    decodes.push(performance.now() - s);
  }

  // MiniSearch's equivalent of our cold start: building its index from the text, which
  // is what a page using it does on load (its first build, also cold).
  const m0 = performance.now();
  const mini = new MiniSearch({ fields: ['text'], storeFields: ['id'] });
  mini.addAll(statements);
  const miniIndexMs = performance.now() - m0;

  const search = (claim) => mini.search(claim).slice(0, 10);
  for (const claim of claims.slice(0, WARMUP_CLAIMS)) {
    checker.check(claim);
    search(claim);
  }
  // Interleaved, claim by claim, so a hiccup of the machine hits both alike.
  const ours = [];
  const theirs = [];
  let evidence = 0;
  let hits = 0;
  for (const claim of claims) {
    let s = performance.now();
    const result = checker.check(claim);
    ours.push(performance.now() - s);
    s = performance.now();
    const found = search(claim);
    theirs.push(performance.now() - s);
    evidence += result.evidence.length;
    hits += found.length;
  }
  checker.free();

  return {
    statements: statements.length,
    claims: claims.length,
    wasm_init_ms: t1 - t0,
    first_decode_ms: t2 - t1,
    cold_start_ms: t2 - t0,
    bundle_decode_ms: summary(decodes).p50,
    check: summary(ours),
    minisearch_index_ms: miniIndexMs,
    minisearch: summary(theirs),
    // Sanity: both answered with something.
    mean_evidence: evidence / claims.length,
    mean_minisearch_hits: hits / claims.length,
  };
}
