// Published fact-checks (issue 11): with a bundle holding reviews imported from the
// ClaimReview fixtures, the reader page shows a matching fact-check first, labelled as
// the fact-checker's verdict and apart from claimcheck's own; the opposite claim is
// labelled so, on the page and in the widget; "Copy as ClaimReview" copies a draft of the
// markup, made by the CLI's own export through the wasm.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { DIST, FIXTURES, REPO, launchChromium, watchErrors } from './helpers.mjs';

const CLI = join(REPO, 'target', 'release', 'claimcheck');
const FEEDS = ['article.html', 'single.json', 'feed.json', 'factcheck-tools.json'].map((f) => join(FIXTURES, 'claimreview', f));

let dir;
let site;
let browser;

before(async () => {
  dir = await mkdtemp(join(tmpdir(), 'claimcheck-factchecks-'));
  execFileSync(CLI, ['bundle', 'import-reviews', ...FEEDS, '--into', join(REPO, 'bundles', 'default', 'bundle.json'), '-o', join(dir, 'merged.ccb')], { stdio: 'ignore' });
  site = await startServer({ root: DIST, mounts: { '/reviews/': dir }, port: 0 });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  site?.server.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

async function open(claim, context) {
  const page = await (context || browser).newPage();
  const errors = watchErrors(page);
  await page.goto(`${site.url}?bundle=reviews/merged.ccb#claim=${encodeURIComponent(claim)}`);
  await page.locator('.cc-result[data-verdict]').waitFor();
  return { page, errors };
}

test('a fact-check of the same claim is shown first, as the fact-checker\'s verdict', async () => {
  const { page, errors } = await open('There are no political prisoners in Azerbaijan.');
  const result = page.locator('.cc-result');
  // In the result's order: the fact-check, then claimcheck's own label, then its banner.
  const order = await result.evaluate((node) => [...node.children].filter((c) => getComputedStyle(c).display !== 'none').map((c) => c.className));
  assert.deepEqual(order.slice(0, 3).map((c) => c.split(' ')[0]), ['cc-factchecks', 'cc-own-assessment', 'cc-verdict'], order.join(' | '));
  const first = result.locator('.cc-factcheck').first();
  assert.equal(await first.locator('.cc-factcheck-by').textContent(), 'Fact-checked by Harbour Fact Check, 3 May 2024: False');
  assert.match(await first.locator('.cc-factcheck-claim').textContent(), /^Reviewed claim: There are no political prisoners in Azerbaijan\.$/);
  assert.equal(await first.locator('a').getAttribute('href'), 'https://factcheck.example.org/2024/azerbaijan-political-prisoners/');
  assert.match(await first.textContent(), /Human rights groups and the UN have documented/);
  assert.match(await result.locator('.cc-own-assessment').textContent(), /claimcheck’s own assessment/);
  // The bundle's description counts its fact-checks beside its statements.
  assert.match(await page.locator('#bundle-info').textContent(), /, 6 published fact-checks\. Language/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('on a phone, a link to the claim lands on the fact-check, not past it', async () => {
  const page = await browser.newPage({ viewport: { width: 360, height: 780 } });
  await page.goto(`${site.url}?bundle=reviews/merged.ccb#claim=${encodeURIComponent('There are no political prisoners in Azerbaijan.')}`);
  await page.locator('.cc-result[data-verdict]').waitFor();
  await page.waitForTimeout(1000); // the smooth scroll
  const top = await page.locator('.cc-factchecks').evaluate((node) => node.getBoundingClientRect().top);
  assert.ok(top > -2 && top < 780, `the fact-check's top is at ${top}`);
  await page.close();
});

test('a fact-check of the opposite claim says so and is never shown as the same claim', async () => {
  const { page, errors } = await open('There are political prisoners in Azerbaijan.');
  const checks = page.locator('.cc-factcheck');
  assert.equal(await checks.count(), 1);
  assert.equal(await checks.first().getAttribute('class'), 'cc-factcheck cc-factcheck--opposite');
  assert.equal(await checks.first().locator('.cc-factcheck-by').textContent(), 'Fact-checked by Harbour Fact Check, 3 May 2024: False (of the opposite claim)');
  assert.match(await checks.first().locator('.cc-factcheck-claim').textContent(), /^A fact-check of the opposite claim: There are no political prisoners in Azerbaijan\.$/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('no fact-check, no section; and "Copy as ClaimReview" copies a draft of the markup', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  const { page, errors } = await open('The capital of Australia is Canberra.', context);
  assert.equal(await page.locator('.cc-factchecks').count(), 0);
  assert.equal(await page.locator('.cc-own-assessment').count(), 0);
  await page.locator('#claim').fill('Police in Azerbaijan tortured detainees in custody.');
  await page.locator('.cc-factchecks').waitFor();
  await page.locator('#copy-claimreview').click();
  await page.locator('#copy-status', { hasText: 'an editor should review it' }).waitFor();
  const review = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  assert.equal(review['@type'], 'ClaimReview');
  assert.equal(review.claimReviewed, 'Police in Azerbaijan tortured detainees in custody.');
  assert.ok(review.reviewRating.alternateName && review.author.name && review.url.startsWith('https://') && /^\d{4}-\d\d-\d\d$/.test(review.datePublished));
  assert.equal(review.itemReviewed.author.name, 'Social media users', 'the claimant of the matched review');
  // No reviewer or address on this page: the draft says what the editor must put there.
  assert.equal(review.author.name, 'EDITOR: your organisation');
  assert.equal(review.url, 'https://example.org/EDITOR-the-address-of-your-fact-check');
  assert.deepEqual(errors, []);
  await context.close();
});

/** A host page on the same site with the widget, checking `claim` against the merged bundle. */
async function widgetPage(attributes, claim, context) {
  const { writeFile } = await import('node:fs/promises');
  await writeFile(join(dir, 'host.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title><link rel="icon" href="data:,"></head><body>
<script type="module" src="/claim-check.js"></script>
<claim-check id="w" bundle="/reviews/merged.ccb" ${attributes} claim="${claim}"></claim-check></body></html>`);
  const page = await (context || browser).newPage();
  const errors = watchErrors(page);
  await page.goto(`${site.url}reviews/host.html`);
  await page.locator('claim-check#w[data-verdict]').waitFor();
  return { page, errors, widget: page.locator('claim-check#w') };
}

test('the widget labels a fact-check of the opposite claim too, and offers no ClaimReview copy unless the newsroom names itself', async () => {
  const { page, errors, widget } = await widgetPage('', 'There are political prisoners in Azerbaijan.');
  const check = widget.locator('.cc-factcheck');
  await check.first().waitFor();
  assert.equal(await check.count(), 1);
  assert.equal(await check.first().getAttribute('class'), 'cc-factcheck cc-factcheck--opposite');
  assert.equal(await check.first().locator('.cc-factcheck-by').textContent(), 'Fact-checked by Harbour Fact Check, 3 May 2024: False (of the opposite claim)');
  assert.match(await check.first().locator('.cc-factcheck-claim').textContent(), /^A fact-check of the opposite claim: There are no political prisoners in Azerbaijan\.$/);
  assert.equal(await widget.locator('.cc-copy-claimreview').isVisible(), false);
  assert.deepEqual(errors, []);
  await page.close();
});

test('the widget\'s "Copy as ClaimReview" copies exactly what the CLI exports (one export, in Rust)', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  const claim = 'Police in Azerbaijan tortured detainees in custody.';
  const { page, errors, widget } = await widgetPage('reviewer="Harbour Fact Check" review-url="https://factcheck.example.org/2024/police"', claim, context);
  await widget.locator('.cc-factchecks').waitFor();
  const button = widget.locator('button.cc-copy-claimreview');
  assert.equal(await button.textContent(), 'Copy as ClaimReview');
  // Reached and pressed from the keyboard.
  await button.focus();
  await page.keyboard.press('Enter');
  await widget.locator('.cc-copy-status', { hasText: 'an editor should review it' }).waitFor();
  const copied = JSON.parse(await page.evaluate(() => navigator.clipboard.readText()));
  const date = new Date().toISOString().slice(0, 10);
  const cli = JSON.parse(execFileSync(CLI, ['check', '--claimreview', '--bundle', join(dir, 'merged.ccb'), '--reviewer', 'Harbour Fact Check',
    '--url', 'https://factcheck.example.org/2024/police', '--date', date, claim], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  assert.deepEqual(copied, cli);
  assert.equal(copied.itemReviewed.author.name, 'Social media users', 'the claimant of the matched review');
  assert.deepEqual(errors, []);
  await context.close();
});
