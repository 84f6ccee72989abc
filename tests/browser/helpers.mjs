// Shared by the browser tests and scripts/screenshots.mjs: Debian's Chromium driven by
// playwright-core, the static server, and the native CLI as the reference for results.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const DIST = join(REPO, 'dist');
export const FIXTURES = join(REPO, 'tests', 'fixtures');
const CLI = join(REPO, 'target', 'release', 'claimcheck');

// Playwright's own browser downloads are not used (nor reachable): Debian's Chromium,
// with background networking off so it makes no connections of its own.
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A fresh browser (Playwright gives each launch a new, empty user data dir). */
export function launchChromium() {
  for (const file of [CHROMIUM, join(DIST, 'index.html')]) {
    if (!existsSync(file)) throw new Error(`${file} is missing: run \`make test\` (it installs and builds first)`);
  }
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
}

/** Serves dist/ at / and tests/fixtures/ at /fixtures/ on a free 127.0.0.1 port. */
export function serveDist() {
  return startServer({ root: DIST, mounts: { '/fixtures/': FIXTURES }, port: 0 });
}

/**
 * The world of an embed test: dist/ served as the "CDN" (see serveDist), an empty temp
 * folder served as the newsroom's host, and a fresh Chromium. Put files for the host in
 * `host.dir`; call `close()` in after().
 */
export async function startCdnAndHost(prefix) {
  const cdn = await serveDist();
  const dir = await mkdtemp(join(tmpdir(), prefix));
  const host = await startServer({ root: dir, port: 0 });
  const browser = await launchChromium();
  return {
    browser,
    cdn,
    host: { ...host, dir },
    async close() {
      await browser.close();
      cdn.server.close();
      host.server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What the native CLI answers for the claim: the reference the page must agree with. */
export function cliCheck(claim, bundlePath) {
  const args = ['check', '--json', ...(bundlePath ? ['--bundle', bundlePath] : []), claim];
  return JSON.parse(execFileSync(CLI, args, { encoding: 'utf8' }));
}

/** Collects uncaught errors and console errors of a page, to assert there were none. */
export function watchErrors(page) {
  const errors = [];
  page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  return errors;
}

/** The evidence cards as shown: stance, quote, highlighted words and source link. */
export function readCards(scope) {
  return scope.locator('.cc-card').evaluateAll((cards) => cards.map((card) => ({
    stance: card.dataset.stance,
    quote: card.querySelector('.cc-quote').textContent,
    marked: [...card.querySelectorAll('.cc-quote mark')].map((m) => m.textContent),
    link: card.querySelector('a.cc-source-link')?.href ?? null,
    hidden: !card.checkVisibility(),
  })));
}

/** Waits until the reader page shows the result for exactly `claim` (the fragment is set as the result renders). */
export async function waitForReaderResult(page, claim) {
  await page.waitForFunction(
    (expected) => new URLSearchParams(location.hash.slice(1)).get('claim') === expected
      && document.getElementById('result').hasAttribute('data-verdict'),
    claim,
  );
}

/** Asserts that the shown result (cards, banner, timeline) is the CLI's `expected` result. */
export async function assertShowsResult(assert, scope, expected) {
  const box = scope.locator('.cc-result');
  assert.equal(await box.getAttribute('data-verdict'), expected.verdict, 'verdict (data-verdict) as the CLI says');
  const cards = await readCards(scope);
  assert.equal(cards.length, expected.evidence.length, 'one card per evidence item');
  cards.forEach((card, i) => {
    const item = expected.evidence[i];
    assert.equal(card.stance, item.stance, `card ${i + 1} stance`);
    assert.equal(card.quote, item.quote, `card ${i + 1} quote, as text`);
    assert.equal(card.link, new URL(item.source.url).href, `card ${i + 1} links to its source`);
    // Every highlighted stretch is a matched word, and every matched word is highlighted.
    const folded = card.marked.map((text) => foldWord(text));
    const matchedWord = (word) => item.matched.includes(word) || item.matched.includes(`${word}.`); // "U.S." is marked without its last dot
    for (const word of folded) assert.ok(matchedWord(word), `card ${i + 1}: "${word}" highlighted but not matched (${item.matched})`);
    for (const word of item.matched) assert.ok(folded.includes(word.replace(/\.$/, '')), `card ${i + 1}: matched "${word}" not highlighted in ${JSON.stringify(card.quote)}`);
  });
  const banner = await scope.locator('.cc-verdict').innerText();
  if (expected.verdict !== 'no_evidence') {
    const n = expected.independent_sources;
    assert.match(banner, new RegExp(`\\b${n} independent source${n === 1 ? '' : 's'}\\b`), 'banner counts independent sources');
  } else {
    assert.match(banner, /No evidence in this bundle/);
  }
  const notes = await scope.locator('.cc-note').allInnerTexts();
  assert.deepEqual(notes, expected.notes, 'notes shown as given');
}

/** The engine's folding of a quote word, enough for the test bundles: lowercase, no accents or hyphens. */
export function foldWord(text) {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/ə/g, 'a').toLowerCase().replace(/-/g, '');
}

/** Runs axe-core on the page (Shadow DOM included) and returns its violations, summarised. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: join(REPO, 'node_modules', 'axe-core', 'axe.min.js') });
  const violations = await page.evaluate(async () => (await window.axe.run(document, { resultTypes: ['violations'] })).violations);
  return violations.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}
