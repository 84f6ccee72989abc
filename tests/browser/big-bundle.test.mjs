// "Never block the page": a 100,000-statement bundle (23 MB compiled) in the reader
// page (?bundle=URL) and in the widget is checked in a Web Worker. While checks run, the
// page's main thread stays free: typing is handled at once and no long task holds it.
// Also: progress while the bundle loads, the worker's result is the main thread's and
// the CLI's, stale checks are dropped, errors read as on the main thread.
//
// The bundle is generated here (`scripts/synthetic-corpus.mjs` + `claimcheck bundle
// import`, about 8 s), not committed.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import {
  DIST, REPO, cliCheck, launchChromium, readCards, waitForReaderResult, watchErrors,
} from './helpers.mjs';

const CLI = join(REPO, 'target', 'release', 'claimcheck');
// Claims in the corpus's own vocabulary, so every check walks long posting lists: on the
// main thread each takes 50–140 ms, a long task typing would feel.
const TYPED = 'The government of Azerbaijan said that the police had not tortured political prisoners held in detention in Baku.';
const CLAIM = 'Human Rights Watch said the authorities arrested journalists and human rights defenders on politically motivated charges.';

// The responsiveness budget. Keys: 95 % handled within 50 ms of their dispatch (three
// frames). Main thread: total blocking time (the sum over tasks of their length beyond
// 50 ms, as Lighthouse counts it) under 150 ms for the whole typing run. With the worker
// both measure ~0 here; with the checker forced onto the main thread (?thread=main,
// measured by hand) the blocking time is 300–600 ms, from one 50–140 ms task per check.
const KEY_P95_MS = 50;
const BLOCKING_BUDGET_MS = 150;

/**
 * The verdict and the cards (stance, quote, link) are the CLI's. (Not helpers'
 * assertShowsResult: this bundle's matched terms include names of several words,
 * "human rights watch", which the highlighter does not mark; see FIXME in highlight.js.)
 */
async function assertShowsCards(scope, expected) {
  assert.equal(await scope.locator('.cc-result').getAttribute('data-verdict'), expected.verdict);
  const cards = await readCards(scope);
  assert.deepEqual(cards.map((c) => [c.stance, c.quote, c.link]),
    expected.evidence.map((e) => [e.stance, e.quote, new URL(e.source.url).href]));
}

let dir;
let bigPath;
let browser;
let site; // dist/ with the generated bundles at /big/
let host; // a newsroom page on another origin, for the widget

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimcheck-big-'));
  const corpus = join(dir, 'big.jsonl');
  bigPath = join(dir, 'big.ccb');
  execFileSync(process.execPath, [join(REPO, 'scripts', 'synthetic-corpus.mjs'), '--statements', '100000', '--seed', '1', '--out', corpus]);
  execFileSync(CLI, ['bundle', 'import', corpus, '-o', bigPath], { stdio: 'ignore' });
  // The same bundle with one byte of its payload changed: the checksum refuses it.
  const bad = await readFile(bigPath);
  bad[bad.length - 10] ^= 1;
  await writeFile(join(dir, 'corrupted.ccb'), bad);
  site = await startServer({ root: DIST, mounts: { '/big/': dir }, port: 0 });
  host = await startServer({ root: dir, port: 0 });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  site?.server.close();
  host?.server.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

/**
 * Before any script of the page: records every key's input delay (from its dispatch,
 * event.timeStamp, to the first keydown listener, on window in the capture phase: the
 * widget's shadow DOM included), every long task, and every status text and progress
 * bar state shown while loading (the page's and the widget's, through shadow roots).
 */
function instrument(page) {
  return page.addInitScript(() => {
    window.measure = { keys: [], longTasks: [], statuses: [], bars: [] };
    addEventListener('keydown', (event) => window.measure.keys.push(performance.now() - event.timeStamp), true);
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.measure.longTasks.push(entry.duration);
    }).observe({ type: 'longtask' });
    const seen = (root) => {
      for (const status of root.querySelectorAll('[role=status]')) {
        const text = status.textContent;
        if (text && window.measure.statuses.at(-1) !== text) window.measure.statuses.push(text);
      }
      for (const bar of root.querySelectorAll('progress')) {
        if (!bar.closest('[hidden]')) {
          window.measure.bars.push({ label: bar.getAttribute('aria-label'), role: bar.matches('progress') ? 'progressbar' : '', valuetext: bar.getAttribute('aria-valuetext') });
        }
      }
      for (const node of root.querySelectorAll('*')) if (node.shadowRoot) seen(node.shadowRoot);
    };
    const observer = new MutationObserver(() => seen(document));
    const watch = (root) => observer.observe(root, { subtree: true, childList: true, characterData: true, attributes: true });
    document.addEventListener('DOMContentLoaded', () => watch(document));
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function attachShadow(init) {
      const root = attach.call(this, init);
      queueMicrotask(() => watch(root));
      return root;
    };
  });
}

/**
 * Types `text` into the focused box a word at a time, pausing after each word just past
 * the 250-ms typing pause so that a check starts and the next word's first keys arrive
 * while it runs. Returns the keys' input delays and the main thread's long tasks.
 */
async function typeWhileChecking(page, text) {
  await page.evaluate(() => { window.measure.keys = []; window.measure.longTasks = []; });
  for (const word of text.split(' ')) {
    await page.keyboard.type(`${word} `, { delay: 20 });
    await page.waitForTimeout(265);
  }
  await page.waitForTimeout(200); // the last check, and its long task if any, is reported
  const { keys, longTasks } = await page.evaluate(() => window.measure);
  const sorted = [...keys].sort((a, b) => a - b);
  const p95 = sorted[Math.floor(0.95 * (sorted.length - 1))];
  const blocking = longTasks.reduce((sum, d) => sum + Math.max(0, d - 50), 0);
  return { keys: keys.length, p95, max: sorted.at(-1), longTasks: longTasks.map(Math.round), blocking };
}

function assertResponsive(t, measured, checks) {
  t.diagnostic(`${measured.keys} keys, p95 ${measured.p95.toFixed(1)} ms, max ${measured.max.toFixed(1)} ms; `
    + `${checks} results shown; long tasks ${JSON.stringify(measured.longTasks)} (blocking ${Math.round(measured.blocking)} ms)`);
  assert.ok(checks >= 8, `checks ran while typing (${checks} results shown)`);
  assert.ok(measured.p95 < KEY_P95_MS, `keys handled within ${KEY_P95_MS} ms (p95 ${measured.p95.toFixed(1)} ms)`);
  assert.ok(measured.blocking < BLOCKING_BUDGET_MS,
    `the main thread was blocked ${Math.round(measured.blocking)} ms by long tasks ${JSON.stringify(measured.longTasks)}`);
}

async function openReader(query, claim) {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await instrument(page);
  const started = Date.now();
  await page.goto(`${site.url}?${query}${claim ? `#claim=${encodeURIComponent(claim)}` : ''}`);
  return { page, errors, started };
}

test('reader page: progress while the 100k bundle loads, then the CLI\'s result', async (t) => {
  const { page, errors, started } = await openReader('bundle=big/big.ccb', CLAIM);
  await waitForReaderResult(page, CLAIM);
  t.diagnostic(`100k bundle loaded and first claim shown in ${Date.now() - started} ms`);
  const { statuses, bars } = await page.evaluate(() => window.measure);
  assert.ok(statuses.includes('Downloading the bundle…'), `download announced: ${statuses}`);
  assert.ok(statuses.includes('Preparing 100,000 statements…'), `preparing announced: ${statuses}`);
  assert.ok(bars.length > 0 && bars.every((b) => b.label === 'Loading the bundle'), 'a labelled progress bar');
  assert.ok(bars.some((b) => /^[\d.]+ MB of 23\.\d MB$/.test(b.valuetext)), `download progress in bytes of the Content-Length: ${bars.map((b) => b.valuetext)}`);
  assert.equal(await page.locator('progress').isVisible(), false, 'the bar is gone once loaded');
  assert.match(await page.locator('#bundle-info').innerText(), /100000 statements.*Checked in a background worker/);
  assert.equal(await page.locator('.cc-examples').isVisible(), false, 'examples about the default bundle are hidden');
  await assertShowsCards(page, cliCheck(CLAIM, bigPath));
  assert.deepEqual(errors, []);
  await page.close();
});

test('reader page: typing stays responsive while checks run in the worker', async (t) => {
  const { page, errors } = await openReader('bundle=big/big.ccb');
  await page.locator('#bundle-info').filter({ hasText: 'background worker' }).waitFor();
  await page.evaluate(() => {
    window.renders = 0;
    new MutationObserver(() => { window.renders += 1; }).observe(document.getElementById('result'), { childList: true });
  });
  await page.locator('#claim').focus();
  const measured = await typeWhileChecking(page, TYPED);
  assertResponsive(t, measured, await page.evaluate(() => window.renders));
  await waitForReaderResult(page, `${TYPED} `);
  assert.deepEqual(errors, []);
  await page.close();
});

test('reader page: the worker shows exactly what the main thread shows', async () => {
  const shown = [];
  for (const query of ['bundle=big/big.ccb', 'bundle=big/big.ccb&thread=main']) {
    const { page } = await openReader(query, TYPED);
    await waitForReaderResult(page, TYPED);
    shown.push({ info: await page.locator('#bundle-info').innerText(), html: await page.locator('#result').innerHTML() });
    await page.close();
  }
  assert.match(shown[0].info, /background worker/);
  assert.match(shown[1].info, /this page/);
  assert.equal(shown[0].html, shown[1].html);
  assert.ok(shown[0].html.includes('cc-card'), 'with evidence');
});

test('reader page: a corrupted big bundle fails with the same message in the worker as on the main thread', async () => {
  const messages = [];
  for (const query of ['bundle=big/corrupted.ccb', 'bundle=big/corrupted.ccb&thread=main']) {
    const { page } = await openReader(query, CLAIM);
    const status = page.locator('#status.cc-error');
    await status.waitFor();
    messages.push(await status.innerText());
    await page.close();
  }
  assert.match(messages[0], /^This bundle could not be loaded: .*corrupted\.ccb.*checksum/);
  assert.equal(messages[0], messages[1]);
});

test('reader page: ?bundle= from another site is refused', async () => {
  const { page } = await openReader(`bundle=${encodeURIComponent(`${host.url}big.ccb`)}`);
  const status = page.locator('#status.cc-error');
  await status.waitFor();
  assert.match(await status.innerText(), /loads bundles from its own site .* only/);
  await page.close();
});

test('reader page under a strict Content-Security-Policy: the worker runs, nothing is refused', async (t) => {
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const strict = await startServer({ root: DIST, mounts: { '/big/': dir }, port: 0, headers: { 'content-security-policy': policy } });
  t.after(() => strict.server.close());
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(`${strict.url}?bundle=big/big.ccb#claim=${encodeURIComponent(CLAIM)}`);
  await waitForReaderResult(page, CLAIM);
  assert.match(await page.locator('#bundle-info').innerText(), /background worker/);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await page.close();
});

/** A host page of another origin with the widget from the site (dist/), under `policy` if given. */
async function widgetPage(body, { policy } = {}) {
  const name = `host-${Math.random().toString(36).slice(2)}.html`;
  await writeFile(join(dir, name), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,">
<script type="module" src="${site.url}claim-check.js"></script></head>
<body><main><h1>An article</h1>${body}</main></body></html>`);
  let server = host;
  if (policy) server = await startServer({ root: dir, port: 0, headers: { 'content-security-policy': policy } });
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await instrument(page);
  await page.addInitScript(() => {
    window.results = [];
    window.cspViolations = [];
    addEventListener('claimcheck:result', (e) => window.results.push({ id: e.target.id, detail: e.detail }));
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(server.url + name);
  return { page, errors, close: async () => { await page.close(); if (policy) server.server.close(); } };
}

test('widget: progress while loading, a responsive box while checks run, the CLI\'s result', async (t) => {
  const { page, errors, close } = await widgetPage(`<claim-check id="w" bundle="${site.url}big/big.ccb" claim="${CLAIM}"></claim-check>`);
  await page.waitForFunction(() => window.results.length > 0);
  const { statuses, bars } = await page.evaluate(() => window.measure);
  assert.ok(statuses.includes('Downloading the bundle…'), `download announced: ${statuses}`);
  assert.ok(statuses.includes('Preparing 100,000 statements…'), `preparing announced: ${statuses}`);
  assert.ok(bars.some((b) => b.role === 'progressbar' && b.label === 'Loading the bundle'), 'a labelled progress bar');
  const [first] = await page.evaluate(() => window.results);
  assert.deepEqual(first.detail, cliCheck(CLAIM, bigPath), 'the worker\'s result is exactly the CLI\'s');
  await assertShowsCards(page.locator('claim-check#w'), first.detail);

  await page.locator('claim-check#w textarea').fill('');
  await page.locator('claim-check#w textarea').focus();
  await page.evaluate(() => { window.results = []; });
  const measured = await typeWhileChecking(page, TYPED);
  assertResponsive(t, measured, await page.evaluate(() => window.results.length));
  assert.deepEqual(errors, []);
  await close();
});

test('widget: latest claim wins — twenty claims in a row give one result, for the last', async () => {
  const { page, errors, close } = await widgetPage(`<claim-check id="l" bundle="${site.url}big/big.ccb"></claim-check>`);
  await page.locator('claim-check#l .cc-footer').filter({ hasText: '100000' }).waitFor();
  const claims = Array.from({ length: 20 }, (_, i) => `${TYPED.split(' ').slice(0, 4 + i).join(' ')}`);
  await page.evaluate((list) => {
    const widget = document.getElementById('l');
    for (const claim of list) widget.setAttribute('claim', claim);
  }, claims);
  await page.locator('claim-check#l[data-verdict]').waitFor();
  await page.waitForTimeout(500); // any stale result would arrive by now
  const results = await page.evaluate(() => window.results.map((r) => r.detail.claim));
  assert.deepEqual(results, [claims.at(-1)]);
  assert.deepEqual(errors, []);
  await close();
});

test('widget: a host CSP that allows worker-src blob: runs the worker; one that does not still gets results', async () => {
  const origin = new URL(site.url).origin;
  const base = `default-src 'none'; script-src ${origin} 'wasm-unsafe-eval'; style-src 'self'; connect-src ${origin}; img-src data:; base-uri 'none'`;
  for (const [policy, worker] of [[`${base}; worker-src blob:`, true], [base, false]]) {
    const { page, errors, close } = await widgetPage(`<claim-check id="c" bundle="${site.url}big/big.ccb" claim="${CLAIM}"></claim-check>`, { policy });
    await page.waitForFunction(() => window.results.length > 0);
    const [result] = await page.evaluate(() => window.results);
    assert.deepEqual(result.detail, cliCheck(CLAIM, bigPath));
    const violations = await page.evaluate(() => window.cspViolations);
    if (worker) {
      assert.deepEqual(violations, []);
      assert.deepEqual(errors, []);
    } else {
      assert.ok(violations.some((v) => v.startsWith('worker-src')), `the worker was refused: ${violations}`);
    }
    await close();
  }
});

test('widget: a corrupted big bundle is refused with the core\'s message, naming the file', async () => {
  const { page, close } = await widgetPage(`<claim-check id="b" bundle="${site.url}big/corrupted.ccb" claim="${CLAIM}"></claim-check>`);
  const message = page.locator('claim-check#b .cc-error-message');
  await message.waitFor();
  assert.match(await message.innerText(), /^corrupted\.ccb: .*checksum/);
  assert.equal(await page.locator('claim-check#b progress').isVisible(), false);
  await close();
});

test('cards without a source url or any date (imported corpora) have no empty link, date or separator', async () => {
  const corpus = join(dir, 'undated.jsonl');
  await writeFile(corpus, [
    { id: 'a', text: 'The harbour bridge is closed to all traffic.', source: 'Port notice' },
    { id: 'b', text: 'The harbour bridge was not closed on Monday.', source: 'Gazette', publisher: 'Gazette' },
  ].map((line) => JSON.stringify(line)).join('\n'));
  execFileSync(CLI, ['bundle', 'import', corpus, '-o', join(dir, 'undated.json')], { stdio: 'ignore' });
  const claim = 'The harbour bridge is closed.';
  const expected = cliCheck(claim, join(dir, 'undated.json'));
  assert.ok(expected.evidence.every((e) => e.date === '' && e.source.url === '' && e.source.published === ''), 'the CLI gives "" for them');

  const { page, errors, close } = await widgetPage(`<claim-check id="u" bundle="undated.json" claim="${claim}"></claim-check>`);
  await page.locator('claim-check#u[data-verdict]').waitFor();
  const widget = page.locator('claim-check#u');
  assert.equal(await widget.locator('.cc-card').count(), 2);
  assert.equal(await widget.locator('a').count(), 0, 'no link');
  assert.equal(await widget.locator('time').count(), 0, 'no date');
  assert.equal(await widget.locator('blockquote[cite]').count(), 0, 'no cite');
  assert.equal(await widget.locator('.cc-timeline').count(), 0, 'no timeline of undated evidence');
  const lines = await widget.locator('.cc-speaker, .cc-source').allInnerTexts();
  assert.deepEqual(lines, [
    'Gazette (Other)', 'Source: Gazette (Other)',
    'Port notice (Other)', 'Source: Port notice (Other)',
  ]);
  assert.deepEqual(errors, []);
  await close();
});
