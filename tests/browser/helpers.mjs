// Shared by the browser tests and scripts/screenshots.mjs: Debian's Chromium driven by
// playwright-core, the static server, and the native CLI as the reference for results.

import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
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
    hidden: card.hidden,
  })));
}
