// `make bench`: where claimcheck stands against what a user would otherwise pick.
// Expects `make build` (the release CLI, pkg/, dist/). In order:
//   1. corpora into bench/data/ (gitignored) and bench/data/corpora.json, their manifest
//   2. native criterion benchmarks (benches/engine.rs)
//   3. pkg/'s wasm against MiniSearch, one fresh Node process per corpus
//   4. the same in headless Chromium, one fresh page per corpus
//   5. gzip -9 sizes
// and writes bench/results.json (flat keys) and bench/results.md (the budgets, met or
// not). One run; nothing here is asserted: timings depend on the machine.
//
//   CLIMATE_FEVER_DIR  Climate-FEVER's evidence.jsonl and claims-dev.jsonl
//                      (default ../shared/benchmarks/climate-fever; skipped if absent)
//   CARGO_TARGET_DIR   where the release CLI and criterion's output are (default target/)

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, totalmem, release, platform } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { launchChromium } from '../../tests/browser/helpers.mjs';
import { startServer } from '../serve.mjs';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const at = (...parts) => join(repo, ...parts);
const data = at('bench', 'data');
const targetDir = resolve(repo, process.env.CARGO_TARGET_DIR || 'target');
const cli = join(targetDir, 'release', 'claimcheck');
const climateDir = resolve(repo, process.env.CLIMATE_FEVER_DIR || '../shared/benchmarks/climate-fever');
const NATIVE_GROUPS = ['analysis', 'retrieval', 'check', 'decode'];
const SYNTHETIC_STATEMENTS = 100000;
const WASM_BUDGET_GZIP = 120 * 1024;
const COLD_START_BUDGET_MS = 300;
const COMPILED_TO_TEXT_BUDGET = 1.5;

const log = (message) => console.log(`bench: ${message}`);

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { cwd: repo, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${result.status ?? result.signal})`);
}

const jsonLines = (text) => text.split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));

/** Writes the corpora and returns the manifest: name, files (in bench/data/), claims. */
async function prepareCorpora() {
  if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`make build\` first`);
  await mkdir(data, { recursive: true });
  const corpora = [];

  // default: the embedded bundle; claims are every labelled claim of tests/eval/.
  log('corpus default');
  await copyFile(at('bundles', 'default.ccb'), join(data, 'default.ccb'));
  await copyFile(at('bundles', 'default', 'bundle.json'), join(data, 'default.json'));
  const evalClaims = [];
  for (const file of ['dev', 'holdout', 'blind', 'blind2']) {
    evalClaims.push(...jsonLines(await readFile(at('tests', 'eval', `${file}.jsonl`), 'utf8')).map((c) => c.claim));
  }
  corpora.push({ name: 'default', ccb: 'default.ccb', json: 'default.json', jsonl: null, claims: evalClaims });

  // climate_fever: ~5,000 Wikipedia sentences, one source per article.
  const evidence = join(climateDir, 'evidence.jsonl');
  if (existsSync(evidence)) {
    log('corpus climate_fever');
    for (const out of ['climate-fever.ccb', 'climate-fever.json']) {
      run(cli, ['bundle', 'import', evidence, '--source-field', 'article', '--publisher', 'Wikipedia', '-o', join(data, out)]);
    }
    const claims = jsonLines(await readFile(join(climateDir, 'claims-dev.jsonl'), 'utf8')).map((c) => c.claim);
    corpora.push({ name: 'climate_fever', ccb: 'climate-fever.ccb', json: 'climate-fever.json', jsonl: evidence, claims });
  } else {
    log(`skipping climate_fever: ${evidence} is missing (set CLIMATE_FEVER_DIR)`);
  }

  // synthetic_100k: deterministic (seed 1), for scale.
  log('corpus synthetic_100k');
  const jsonl = join(data, 'synthetic-100k.jsonl');
  const claimsFile = join(data, 'synthetic-claims.txt');
  run('node', [at('scripts', 'synthetic-corpus.mjs'), '--statements', String(SYNTHETIC_STATEMENTS), '--seed', '1', '--out', jsonl, '--claims', '200', '--claims-out', claimsFile]);
  for (const out of ['synthetic-100k.ccb', 'synthetic-100k.json']) run(cli, ['bundle', 'import', jsonl, '-o', join(data, out)]);
  const claims = (await readFile(claimsFile, 'utf8')).split('\n').filter(Boolean);
  corpora.push({ name: 'synthetic_100k', ccb: 'synthetic-100k.ccb', json: 'synthetic-100k.json', jsonl, claims });

  await writeFile(join(data, 'corpora.json'), JSON.stringify(corpora));
  return corpora;
}

/** Criterion's median per group and corpus, in µs (target/criterion/G/C/new/estimates.json). */
async function native(corpora) {
  const criterion = join(targetDir, 'criterion');
  // Stale results of a corpus skipped this time must not be reported.
  for (const group of NATIVE_GROUPS) await rm(join(criterion, group), { recursive: true, force: true });
  log('native benchmarks (criterion)');
  run('cargo', ['bench', '--locked', '--bench', 'engine']);
  const results = {};
  for (const group of NATIVE_GROUPS) {
    for (const { name } of corpora) {
      const file = join(criterion, group, name, 'new', 'estimates.json');
      if (!existsSync(file)) continue;
      const estimates = JSON.parse(await readFile(file, 'utf8'));
      results[`native_${group}_median_us.${name}`] = estimates.median.point_estimate / 1000;
    }
  }
  return results;
}

function nodeRuns(corpora) {
  const results = {};
  for (const { name } of corpora) {
    log(`Node: ${name}`);
    const out = execFileSync('node', [at('scripts', 'bench', 'node.mjs'), name], { cwd: repo, encoding: 'utf8', maxBuffer: 1 << 24, stdio: ['ignore', 'pipe', 'inherit'] });
    Object.assign(results, flatten(JSON.parse(out), name, ''));
  }
  return results;
}

async function chromiumRuns(corpora) {
  const results = {};
  const { server, url } = await startServer({
    root: at('scripts', 'bench'),
    mounts: { '/pkg/': at('pkg'), '/bench/data/': data, '/node_modules/minisearch/': at('node_modules', 'minisearch') },
    // Cross-origin isolation: performance.now() at 5 µs instead of 100 µs.
    headers: { 'cross-origin-opener-policy': 'same-origin', 'cross-origin-embedder-policy': 'require-corp' },
  });
  const browser = await launchChromium();
  try {
    results.chromium = browser.version();
    for (const { name } of corpora) {
      log(`Chromium: ${name}`);
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(`${url}page.html?corpus=${encodeURIComponent(name)}`);
      await page.waitForFunction(() => window.benchResult || window.benchError, null, { timeout: 15 * 60 * 1000, polling: 500 });
      const { benchResult, benchError } = await page.evaluate(() => ({ benchResult: window.benchResult, benchError: window.benchError }));
      if (benchError) throw new Error(`Chromium, ${name}: ${benchError}`);
      Object.assign(results, flatten(benchResult, name, '_chromium'));
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
  return results;
}

/** measure.js's result as flat keys: `check_p50_ms.climate_fever`, with a suffix per host. */
function flatten(r, name, host) {
  return {
    [`statements.${name}`]: r.statements,
    [`claims.${name}`]: r.claims,
    [`wasm_init_ms${host}.${name}`]: r.wasm_init_ms,
    [`cold_start_ms${host}.${name}`]: r.cold_start_ms,
    [`bundle_decode_ms${host}.${name}`]: r.bundle_decode_ms,
    [`check_p50_ms${host}.${name}`]: r.check.p50,
    [`check_p95_ms${host}.${name}`]: r.check.p95,
    [`minisearch_index_ms${host}.${name}`]: r.minisearch_index_ms,
    [`minisearch_p50_ms${host}.${name}`]: r.minisearch.p50,
    [`minisearch_p95_ms${host}.${name}`]: r.minisearch.p95,
    [`ratio_p50${host}.${name}`]: r.check.p50 / r.minisearch.p50,
    [`ratio_p95${host}.${name}`]: r.check.p95 / r.minisearch.p95,
    // Not the same work: our decode of a prebuilt index vs MiniSearch building its own.
    [`ratio_cold_start_to_minisearch_index${host}.${name}`]: r.cold_start_ms / r.minisearch_index_ms,
    [`mean_evidence${host}.${name}`]: r.mean_evidence,
    [`mean_minisearch_hits${host}.${name}`]: r.mean_minisearch_hits,
  };
}

async function sizes(corpora) {
  const results = {};
  const measure = async (key, path) => {
    const bytes = await readFile(path);
    results[`size_bytes.${key}`] = bytes.length;
    results[`size_gzip_bytes.${key}`] = gzipSync(bytes, { level: 9 }).length;
  };
  await measure('wasm', at('pkg', 'claimcheck_bg.wasm'));
  await measure('js_glue', at('pkg', 'claimcheck.js'));
  await measure('widget_js', at('dist', 'claim-check.js'));
  await measure('offline_html', at('dist', 'claimcheck.html'));
  results['size_gzip_bytes.wasm_plus_js_glue'] = results['size_gzip_bytes.wasm'] + results['size_gzip_bytes.js_glue'];
  for (const { name, ccb, json, jsonl } of corpora) {
    await measure(`bundle_${name}`, join(data, ccb));
    await measure(`json_${name}`, join(data, json));
    const compiled = results[`size_gzip_bytes.bundle_${name}`];
    // The budget's ratio: both sides as served, gzip'd. The raw one is what a server
    // that does not compress sends.
    results[`size_ratio_compiled_to_text_gzip.${name}`] = compiled / results[`size_gzip_bytes.json_${name}`];
    results[`size_ratio_compiled_raw_to_text_gzip.${name}`] = results[`size_bytes.bundle_${name}`] / results[`size_gzip_bytes.json_${name}`];
    if (jsonl) {
      await measure(`jsonl_${name}`, jsonl);
      results[`size_ratio_compiled_to_jsonl_gzip.${name}`] = compiled / results[`size_gzip_bytes.jsonl_${name}`];
    }
  }
  return results;
}

function machine() {
  const git = (...args) => execFileSync('git', args, { cwd: repo, encoding: 'utf8' }).trim();
  return {
    date: new Date().toISOString(),
    commit: git('rev-parse', 'HEAD'),
    // Uncommitted changes to tracked files (the results themselves excepted) make the
    // commit an approximation.
    commit_dirty: git('status', '--porcelain', '--untracked-files=no', '--', '.', ':!bench/results.json', ':!bench/results.md') !== '',
    'machine.cpu': cpus()[0]?.model ?? 'unknown',
    'machine.cores': cpus().length,
    'machine.memory_gb': Math.round(totalmem() / 2 ** 30),
    'machine.os': `${platform()} ${release()}`,
    node: process.version,
    rustc: execFileSync('rustc', ['--version'], { encoding: 'utf8' }).trim(),
  };
}

/** Milliseconds, microseconds and ratios to a sensible precision for JSON. */
function rounded(results) {
  return Object.fromEntries(Object.entries(results).map(([k, v]) => [k, typeof v === 'number' && !Number.isInteger(v) ? Number(v.toPrecision(4)) : v]));
}

function markdown(r, corpora) {
  const names = corpora.map((c) => c.name);
  const ms = (v) => (v === undefined ? '—' : v < 1 ? `${(v * 1000).toFixed(0)} µs` : `${v.toFixed(v < 10 ? 2 : 1)} ms`);
  const us = (v) => (v === undefined ? '—' : v < 1000 ? `${v.toFixed(1)} µs` : `${(v / 1000).toFixed(2)} ms`);
  const kb = (v) => (v === undefined ? '—' : `${(v / 1024).toFixed(1)} KB`);
  const x = (v) => (v === undefined ? '—' : `${v.toFixed(2)}×`);
  const met = (ok) => (ok === undefined ? 'not measured' : ok ? '**met**' : '**not met**');
  const table = (head, rows) => [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...rows.map((row) => `| ${row.join(' | ')} |`)].join('\n');
  const has = (key) => r[key] !== undefined;

  const budgets = [
    ['wasm + JS glue ≤ 120 KB gzip', `${kb(r['size_gzip_bytes.wasm_plus_js_glue'])} (wasm ${kb(r['size_gzip_bytes.wasm'])}, glue ${kb(r['size_gzip_bytes.js_glue'])})`, met(r['size_gzip_bytes.wasm_plus_js_glue'] <= WASM_BUDGET_GZIP)],
  ];
  for (const [name, label] of [['climate_fever', '5k (climate_fever)'], ['synthetic_100k', '100k (synthetic_100k)']]) {
    const ours = r[`check_p50_ms.${name}`];
    const theirs = r[`minisearch_p50_ms.${name}`];
    budgets.push([`check p50 ≤ MiniSearch p50, ${label}, Node`, has(`check_p50_ms.${name}`) ? `${ms(ours)} vs ${ms(theirs)} (${x(ours / theirs)})` : '—', met(has(`check_p50_ms.${name}`) ? ours <= theirs : undefined)]);
  }
  const cold = r['cold_start_ms.synthetic_100k'];
  budgets.push(['cold start ≤ 300 ms at 100k statements, Node', ms(cold), met(cold === undefined ? undefined : cold <= COLD_START_BUDGET_MS)]);
  for (const name of names) {
    const ratio = r[`size_ratio_compiled_to_text_gzip.${name}`];
    budgets.push([`compiled bundle ≤ 1.5× gzip of its text, ${name}`, `${kb(r[`size_gzip_bytes.bundle_${name}`])} vs ${kb(r[`size_gzip_bytes.json_${name}`])} (${x(ratio)})`, met(ratio <= COMPILED_TO_TEXT_BUDGET)]);
  }

  const latency = (host) => table(
    ['corpus', 'statements', 'claims', 'check p50', 'check p95', 'MiniSearch p50', 'MiniSearch p95', 'ratio p50', 'ratio p95'],
    names.filter((n) => has(`check_p50_ms${host}.${n}`)).map((n) => [n, r[`statements.${n}`], r[`claims.${n}`],
      ms(r[`check_p50_ms${host}.${n}`]), ms(r[`check_p95_ms${host}.${n}`]), ms(r[`minisearch_p50_ms${host}.${n}`]), ms(r[`minisearch_p95_ms${host}.${n}`]),
      x(r[`ratio_p50${host}.${n}`]), x(r[`ratio_p95${host}.${n}`])]),
  );
  const coldTable = (host) => table(
    ['corpus', 'wasm init', 'first decode', 'cold start', 'warm decode (median)', 'MiniSearch index build', 'cold start / MiniSearch build'],
    names.filter((n) => has(`cold_start_ms${host}.${n}`)).map((n) => [n, ms(r[`wasm_init_ms${host}.${n}`]),
      ms(r[`cold_start_ms${host}.${n}`] - r[`wasm_init_ms${host}.${n}`]), ms(r[`cold_start_ms${host}.${n}`]),
      ms(r[`bundle_decode_ms${host}.${n}`]), ms(r[`minisearch_index_ms${host}.${n}`]), x(r[`ratio_cold_start_to_minisearch_index${host}.${n}`])]),
  );

  return `# Benchmarks

Written by \`make bench\` (scripts/bench/run.mjs); do not edit by hand. One run on
${r['machine.cpu']} (${r['machine.cores']} cores, ${r['machine.memory_gb']} GB), ${r['machine.os']},
Node ${r.node}, Chromium ${r.chromium ?? '—'}, ${r.rustc}; ${r.date.slice(0, 10)}, commit
\`${r.commit.slice(0, 12)}\`${r.commit_dirty ? ' (with uncommitted changes)' : ''}. Every number is in
[results.json](results.json); [docs/benchmarks.md](../docs/benchmarks.md) says how each is measured.

## Budgets (from the issue)

${table(['budget', 'measured', ''], budgets)}

## Check latency per claim: claimcheck (wasm, full check) vs MiniSearch (search, top 10)

Node ${r.node}:

${latency('')}

Headless Chromium:

${latency('_chromium')}

## Cold start vs MiniSearch building its index

Cold start is instantiating the wasm from its bytes plus decoding the compiled bundle
(index prebuilt), once, in a fresh process or page. MiniSearch has no compiled form to
decode: its figure is building its index from the statements' text, which is what a page
using it does on load. Different work, same moment for the reader.

Node:

${coldTable('')}

Headless Chromium:

${coldTable('_chromium')}

## Native (criterion medians, per claim or per decode)

${table(['corpus', 'analysis', 'retrieval (BM25, top 40)', 'full check', 'bundle decode'],
    names.map((n) => [n, ...NATIVE_GROUPS.map((g) => us(r[`native_${g}_median_us.${n}`]))]))}

## Sizes (gzip -9)

${table(['file', 'raw', 'gzip'], [['wasm (pkg/claimcheck_bg.wasm)', 'wasm'], ['JS glue (pkg/claimcheck.js)', 'js_glue'], ['widget (dist/claim-check.js)', 'widget_js'], ['offline file (dist/claimcheck.html)', 'offline_html']]
    .map(([label, key]) => [label, kb(r[`size_bytes.${key}`]), kb(r[`size_gzip_bytes.${key}`])]))}

${table(['bundle', 'compiled raw', 'compiled gzip', 'JSON source gzip', 'input JSONL gzip', 'compiled gzip / JSON gzip', 'compiled raw / JSON gzip', 'compiled gzip / JSONL gzip'],
    names.map((n) => [n, kb(r[`size_bytes.bundle_${n}`]), kb(r[`size_gzip_bytes.bundle_${n}`]), kb(r[`size_gzip_bytes.json_${n}`]), kb(r[`size_gzip_bytes.jsonl_${n}`]),
      x(r[`size_ratio_compiled_to_text_gzip.${n}`]), x(r[`size_ratio_compiled_raw_to_text_gzip.${n}`]), x(r[`size_ratio_compiled_to_jsonl_gzip.${n}`])]))}
`;
}

const corpora = await prepareCorpora();
const results = { ...machine(), ...(await native(corpora)), ...nodeRuns(corpora), ...(await chromiumRuns(corpora)), ...(await sizes(corpora)) };
const final = rounded(results);
await writeFile(at('bench', 'results.json'), `${JSON.stringify(final, null, 2)}\n`);
await writeFile(at('bench', 'results.md'), markdown(final, corpora));
log(`wrote ${relative(repo, at('bench', 'results.json'))} and ${relative(repo, at('bench', 'results.md'))}`);
