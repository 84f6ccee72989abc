// The result as a reader meets it (issue 10): the verdict and a plain sentence first, at
// most three decisive cards with the rest collapsed, a timeline whose markers lead to
// the cards, the verdict brought into view on a phone, sharing (link cap, title, copied
// text), printing and the report link. Real wasm in headless Chromium; the expected
// results come from the native CLI.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  cliCheck, launchChromium, serveDist, waitForReaderResult, watchErrors,
} from './helpers.mjs';

const EXAMPLES = [
  "Azerbaijan's Interior Ministry denies that the torture photos were taken in the country.",
  'The police in Azerbaijan do not torture anyone.',
  'About 254 political prisoners were held in Azerbaijan at the end of 2023.',
  'The capital of Australia is Canberra.',
];
const CONTRADICTED = EXAMPLES[1];

let browser;
let server;
let url;

before(async () => {
  ({ server, url } = await serveDist());
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
});

const linkTo = (claim) => `${url}#claim=${encodeURIComponent(claim)}`;

async function open(address, options = {}) {
  const page = await browser.newPage(options);
  const errors = watchErrors(page);
  await page.goto(address);
  return { page, errors };
}

test('each example\'s result is at most 1,600 px tall at 1280 px and 2,600 px at 360 px', async () => {
  const heights = [];
  for (const [width, limit] of [[1280, 1600], [360, 2600]]) {
    for (const claim of EXAMPLES) {
      const { page } = await open(linkTo(claim), { viewport: { width, height: 800 } });
      await waitForReaderResult(page, claim);
      const height = await page.locator('#result').evaluate((r) => r.getBoundingClientRect().height);
      heights.push(`${width}px ${Math.round(height)}px: ${claim}`);
      assert.ok(height <= limit, `${claim} at ${width}px: the result is ${height}px tall`);
      await page.close();
    }
  }
  console.log(heights.join('\n'));
});

test('the banner says the verdict in one sentence naming who says so', async () => {
  const { page } = await open(linkTo(CONTRADICTED));
  await waitForReaderResult(page, CONTRADICTED);
  const expected = cliCheck(CONTRADICTED);
  const summary = await page.locator('.cc-verdict .cc-summary').innerText();
  const firstAgainst = expected.evidence.find((e) => e.stance === 'contradicts');
  assert.ok(summary.startsWith(firstAgainst.speaker), `names the first contradicting speaker: ${summary}`);
  assert.match(summary, /contradict this claim/);
  assert.match(await page.locator('.cc-verdict-detail').innerText(), /^Confidence: (strong|moderate|weak) · /);
  assert.doesNotMatch(await page.locator('.cc-verdict').innerText(), /%/, 'no percentages');
  await page.close();
});

test('at most three decisive cards; the rest open and close with "Show N more"', async () => {
  const { page, errors } = await open(linkTo(CONTRADICTED));
  await waitForReaderResult(page, CONTRADICTED);
  const expected = cliCheck(CONTRADICTED);
  const decisive = expected.evidence.filter((e) => e.stance !== 'related').length;
  const shown = Math.min(3, decisive);
  assert.ok(expected.evidence.length > shown, 'the claim needs more evidence than is shown at first');
  assert.equal(await page.locator('.cc-card:visible').count(), shown);
  const button = page.locator('button.cc-more');
  assert.equal(await button.innerText(), `Show ${expected.evidence.length - shown} more statements`);
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  const controlled = await button.getAttribute('aria-controls');
  assert.equal(await page.locator(`#${controlled}`).isHidden(), true);
  await button.click();
  assert.equal(await page.locator('.cc-card:visible').count(), expected.evidence.length);
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  assert.equal(await button.innerText(), `Hide the ${expected.evidence.length - shown} other statements`);
  // Numbering goes on across the two lists.
  assert.deepEqual(await page.locator('.cc-card .cc-number').allInnerTexts(), expected.evidence.map((_, i) => String(i + 1)));
  await button.click();
  assert.equal(await page.locator('.cc-card:visible').count(), shown);
  assert.deepEqual(errors, []);
  await page.close();
});

test('timeline markers are links: Tab reaches them, Enter opens and focuses the card; #claim= stays', async () => {
  const { page, errors } = await open(linkTo(CONTRADICTED));
  await waitForReaderResult(page, CONTRADICTED);
  const before = page.url();
  const markers = page.locator('.cc-timeline a.cc-mark');
  const count = await markers.count();
  assert.ok(count >= 2);
  // A marker whose first card is in the collapsed part, if there is one.
  const targets = await markers.evaluateAll((links) => links.map((a) => Number(a.dataset.cards.split(' ')[0])));
  const pick = targets.findIndex((n) => n > 3) >= 0 ? targets.findIndex((n) => n > 3) : 0;
  const target = targets[pick];
  await page.locator('button.cc-more').focus();
  let reached = false;
  for (let presses = 0; presses < 40 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate((wanted) => document.activeElement?.matches?.('a.cc-mark')
      && Number(document.activeElement.dataset.cards.split(' ')[0]) === wanted, target);
  }
  assert.ok(reached, `Tab reaches the marker of card ${target}`);
  const name = await page.evaluate(() => document.activeElement.querySelector('title').textContent);
  assert.match(name, new RegExp(`card ${target}\\b`), `the marker names its card: ${name}`);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.classList.contains('cc-card'));
  const focused = await page.evaluate(() => ({ number: document.activeElement.querySelector('.cc-number').textContent, visible: document.activeElement.checkVisibility() }));
  assert.equal(focused.number, String(target));
  assert.ok(focused.visible, 'the card is shown, even from the collapsed part');
  assert.equal(page.url(), before, 'the claim link is untouched');
  // Several statements of one date are one marker naming each card.
  const clusters = await page.locator('.cc-timeline a.cc-mark').evaluateAll((links) => links.filter((a) => a.dataset.cards.includes(' ')).map((a) => [a.dataset.cards, a.querySelector('title').textContent]));
  for (const [cards, label] of clusters) {
    for (const n of cards.split(' ')) assert.match(label, new RegExp(`card ${n}\\b`));
  }
  assert.deepEqual(errors, []);
  await page.close();
});

for (const reducedMotion of ['no-preference', 'reduce']) {
  test(`on a phone, an example brings the verdict into view (reduced motion: ${reducedMotion})`, async () => {
    const { page } = await open(url, { viewport: { width: 360, height: 640 }, reducedMotion });
    await page.locator('#bundle-info').filter({ hasText: 'Bundle:' }).waitFor();
    const example = page.locator(`[data-example="${CONTRADICTED}"]`);
    await example.click();
    await waitForReaderResult(page, CONTRADICTED);
    await page.waitForFunction(() => {
      const { top, bottom } = document.querySelector('.cc-verdict').getBoundingClientRect();
      return top >= 0 && bottom <= innerHeight;
    }, null, { timeout: 3000 });
    if (reducedMotion === 'reduce') {
      // No animation: in view at once, not after a smooth scroll.
      assert.ok(await page.evaluate(() => scrollY > 0));
    }
    await page.close();
  });
}

test('a shared link opens with the verdict in view on a phone', async () => {
  const { page } = await open(linkTo(CONTRADICTED), { viewport: { width: 360, height: 640 } });
  await waitForReaderResult(page, CONTRADICTED);
  await page.waitForFunction(() => {
    const { top, bottom } = document.querySelector('.cc-verdict').getBoundingClientRect();
    return top >= 0 && bottom <= innerHeight;
  }, null, { timeout: 3000 });
  await page.close();
});

test('the page title carries the verdict and the claim', async () => {
  const { page } = await open(linkTo(CONTRADICTED));
  await waitForReaderResult(page, CONTRADICTED);
  assert.equal(await page.title(), `Contradicted: “${CONTRADICTED}” — claimcheck`);
  await page.locator('#claim').fill('');
  await page.locator('#claim').press('Enter');
  assert.equal(await page.title(), 'claimcheck: check a claim against sourced statements');
  await page.close();
});

test('a link carries at most 2,000 bytes of claim, and the page says so', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#bundle-info').filter({ hasText: 'Bundle:' }).waitFor();
  // 700 × "é" (2 bytes each) and more: the cut must fall on a character boundary.
  const long = `${CONTRADICTED} ${'Torture é '.repeat(300)}`;
  assert.ok(Buffer.byteLength(long) > 2000);
  await page.locator('#claim').fill(long);
  await page.locator('#claim').press('Enter');
  await page.waitForFunction(() => document.getElementById('result').hasAttribute('data-verdict'));
  const carried = new URLSearchParams(new URL(page.url()).hash.slice(1)).get('claim');
  assert.ok(Buffer.byteLength(carried) <= 2000 && Buffer.byteLength(carried) > 1990, `${Buffer.byteLength(carried)} bytes in the link`);
  assert.ok(long.startsWith(carried), 'the link carries the start of the claim');
  assert.equal(await page.locator('#link-note').isVisible(), true);
  assert.match(await page.locator('#link-note').innerText(), /first 2,000/);
  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.locator('#copy-status').filter({ hasText: 'Link copied' }).waitFor();
  assert.match(await page.locator('#copy-status').innerText(), /first 2,000 bytes/);
  assert.ok(Buffer.byteLength(await page.evaluate(() => navigator.clipboard.readText())) < 2000 * 3 + url.length + 20);
  // A short claim: no note.
  await page.locator('#claim').fill(CONTRADICTED);
  await page.locator('#claim').press('Enter');
  await waitForReaderResult(page, CONTRADICTED);
  assert.equal(await page.locator('#link-note').isVisible(), false);
  await context.close();
});

test('"Copy result" copies the claim, the verdict and the evidence with their sources', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  await page.goto(linkTo(CONTRADICTED));
  await waitForReaderResult(page, CONTRADICTED);
  await page.getByRole('button', { name: 'Copy result' }).click();
  await page.locator('#copy-status').filter({ hasText: 'Result copied' }).waitFor();
  const text = await page.evaluate(() => navigator.clipboard.readText());
  const expected = cliCheck(CONTRADICTED);
  assert.ok(text.startsWith(`Claim: “${CONTRADICTED}”\nVerdict: Contradicted\n`), text);
  const first = expected.evidence.find((e) => e.stance !== 'related');
  assert.ok(text.includes(first.quote) && text.includes(first.source.url), 'the first decisive quote and its source URL');
  await context.close();
});

test('printing shows the claim, the verdict and every card with its source URL, and no controls', async () => {
  const { page } = await open(linkTo(CONTRADICTED));
  await waitForReaderResult(page, CONTRADICTED);
  await page.emulateMedia({ media: 'print' });
  const expected = cliCheck(CONTRADICTED);
  assert.equal(await page.locator('.cc-card:visible').count(), expected.evidence.length, 'every card prints');
  assert.equal(await page.locator('.cc-print-claim').isVisible(), true);
  assert.match(await page.locator('.cc-print-claim').innerText(), new RegExp(CONTRADICTED.replace('.', '\\.')));
  assert.equal(await page.locator('#claim-form').isVisible(), false);
  assert.equal(await page.locator('.cc-examples').isVisible(), false);
  assert.equal(await page.locator('button:visible').count(), 0, 'no buttons on paper');
  const urls = await page.locator('.cc-print-url:visible').allInnerTexts();
  assert.ok(urls.some((u) => u.trim() === new URL(expected.evidence[0].source.url).href), 'source URLs printed in full');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await page.locator('.cc-print-url:visible').count(), 0, 'not on screen');
  await page.close();
});

test('the report link appears only when the newsroom configures it, carrying claim and verdict', async () => {
  const { page } = await open(linkTo(CONTRADICTED));
  await waitForReaderResult(page, CONTRADICTED);
  assert.equal(await page.locator('.cc-report-link').count(), 0, 'not configured: no link');
  await page.close();

  // The newsroom's copy of the page, with its address in the <meta> tag.
  const configured = await browser.newPage();
  await configured.route(`${url}`, async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<title>', '<meta name="claimcheck:report-url" content="https://newsroom.example/report?from=claimcheck">\n<title>');
    await route.fulfill({ response, body: html });
  });
  await configured.goto(linkTo(CONTRADICTED));
  await waitForReaderResult(configured, CONTRADICTED);
  const href = new URL(await configured.locator('a.cc-report-link').getAttribute('href'));
  assert.equal(href.origin + href.pathname, 'https://newsroom.example/report');
  assert.equal(href.searchParams.get('from'), 'claimcheck');
  assert.equal(href.searchParams.get('claim'), CONTRADICTED);
  assert.equal(href.searchParams.get('verdict'), cliCheck(CONTRADICTED).verdict);
  await configured.close();
});

test('"How to read this" explains verdicts, confidence words and independence', async () => {
  const { page } = await open(linkTo(CONTRADICTED));
  await waitForReaderResult(page, CONTRADICTED);
  const howto = page.locator('details.cc-howto');
  assert.equal(await howto.getAttribute('open'), null, 'closed at first');
  await howto.locator('summary').click();
  const text = await howto.innerText();
  for (const word of ['Disputed', 'No evidence in this bundle', 'strong', 'moderate', 'weak', 'Independent sources']) {
    assert.ok(text.includes(word), `explains ${word}`);
  }
  await page.close();
});
