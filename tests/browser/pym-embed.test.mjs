// The reader page in an iframe on another origin, resized by the real pym.js (from npm),
// as newsroom CMSs that use pym embed it.

import assert from 'node:assert/strict';
import { copyFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { REPO, cliCheck, startCdnAndHost, watchErrors } from './helpers.mjs';

const DENIAL = "Azerbaijan's Interior Ministry denies that the torture photos were taken in the country.";
const OFF_TOPIC = 'The capital of Australia is Canberra.';

let world; // dist/ (the reader page) on one origin; the article with pym.js on another
let browser;
let readerUrl;
let hostUrl;
let hostDir;

before(async () => {
  world = await startCdnAndHost('claimcheck-pym-');
  ({ browser, cdn: { url: readerUrl }, host: { url: hostUrl, dir: hostDir } } = world);
  await copyFile(join(REPO, 'node_modules', 'pym.js', 'dist', 'pym.v1.min.js'), join(hostDir, 'pym.v1.min.js'));
  await writeFile(join(hostDir, 'article.html'), `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Article</title><link rel="icon" href="data:,">
<script>window.pymMessages = []; addEventListener('message', (e) => pymMessages.push(e.data));</script>
</head>
<body>
  <h1>An article</h1>
  <p class="long-article">Paragraphs of the article, taller than the screen: the embed starts below the fold.</p>
  <style>.long-article { height: 1500px; }</style>
  <div id="claimcheck" data-pym-src="${readerUrl}index.html#claim=${encodeURIComponent(DENIAL)}">Loading…</div>
  <script src="pym.v1.min.js"></script>
</body>
</html>`);
});
after(async () => {
  await world?.close();
});

/** Waits until pym has sized the iframe to the child's content, and returns both heights. */
async function settledHeights(page, frame) {
  let heights;
  for (let tries = 0; tries < 50; tries++) {
    const content = await frame.evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const iframe = await page.locator('#claimcheck iframe').evaluate((f) => f.getBoundingClientRect().height);
    heights = { content, iframe };
    if (Math.abs(content - iframe) <= 1) return heights;
    await page.waitForTimeout(100);
  }
  return heights;
}

test('pym.js sizes the iframe to the reader page, growing and shrinking with the result', async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 600 } });
  const errors = watchErrors(page);
  await page.goto(`${hostUrl}article.html`);
  const frame = page.frameLocator('#claimcheck iframe');
  await frame.locator('#result[data-verdict]').waitFor();
  assert.equal(await frame.locator('#result').getAttribute('data-verdict'), cliCheck(DENIAL).verdict);
  const child = page.frames().find((f) => f.url().startsWith(readerUrl));

  // pym added childId to the URL; the page answered in pym's message format.
  assert.equal(new URL(child.url()).searchParams.get('childId'), 'claimcheck');
  const messages = await page.evaluate(() => window.pymMessages);
  assert.ok(messages.length > 0, 'height messages were posted');
  for (const message of messages) assert.match(message, /^pymxPYMxclaimcheckxPYMxheightxPYMx\d+$/);

  // The linked claim does not scroll the host's article to the verdict (the page alone does that).
  assert.equal(await page.evaluate(() => scrollY), 0, 'the article stays where the reader is');
  // The reader scrolls to the embed (Chromium defers an off-screen frame's layout work).
  await page.locator('#claimcheck').scrollIntoViewIfNeeded();
  const tall = await settledHeights(page, child);
  assert.ok(Math.abs(tall.content - tall.iframe) <= 1, `iframe ${tall.iframe}px for content ${tall.content}px`);
  assert.ok(tall.iframe > 1000, 'the whole result shows without scrolling inside the frame');

  // A result with no evidence is much shorter: the iframe follows it down.
  await frame.locator('#claim').fill(OFF_TOPIC);
  await frame.locator('#claim').press('Enter');
  await frame.locator('#result[data-verdict="no_evidence"]').waitFor();
  const short = await settledHeights(page, child);
  assert.ok(Math.abs(short.content - short.iframe) <= 1, `iframe ${short.iframe}px for content ${short.content}px`);
  assert.ok(short.iframe < tall.iframe - 300, `shrank from ${tall.iframe}px to ${short.iframe}px`);
  assert.deepEqual(errors, []);
  await page.close();
});

test('outside an iframe the page posts nothing and keeps its header', async () => {
  const page = await browser.newPage();
  await page.goto(`${readerUrl}?childId=claimcheck`);
  await page.locator('#bundle-info').filter({ hasText: 'Bundle:' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.classList.contains('cc-embedded')), false);
  assert.ok(await page.locator('header h1').isVisible());
  await page.close();
});
