// The reader page, served over HTTP as `make demo` serves it, in headless Chromium.
// Results are compared with the native CLI's for the same claim, so these tests hold
// while the engine is tuned.

import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import {
  DIST, assertShowsResult, axeViolations, cliCheck, launchChromium, serveDist, waitForReaderResult, watchErrors,
} from './helpers.mjs';

const CONTRADICTED = 'The police in Azerbaijan do not torture anyone.';
const DENIAL = "Azerbaijan's Interior Ministry denies that the torture photos were taken in the country.";
const OFF_TOPIC = 'The capital of Australia is Canberra.';

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

async function openPage(options = {}, address = url) {
  const page = await browser.newPage(options);
  const errors = watchErrors(page);
  await page.goto(address);
  await page.locator('#bundle-info').filter({ hasText: 'Bundle:' }).waitFor(); // the wasm is running
  return { page, errors };
}

const linkTo = (claim) => `${url}#claim=${encodeURIComponent(claim)}`;

test('the CLI gives the verdicts these tests rely on', () => {
  // If tuning changes these, pick other claims: each test below needs its kind of result.
  assert.notEqual(cliCheck(CONTRADICTED).evidence.length, 0);
  assert.equal(cliCheck(OFF_TOPIC).verdict, 'no_evidence');
});

test('typing a claim shows the CLI\'s verdict and evidence once typing pauses', async () => {
  const { page, errors } = await openPage();
  await page.locator('#claim').fill('');
  await page.locator('#claim').pressSequentially(CONTRADICTED);
  await waitForReaderResult(page, CONTRADICTED); // no Enter: the pause after typing checks
  await assertShowsResult(assert, page, cliCheck(CONTRADICTED));
  const expected = cliCheck(CONTRADICTED);
  // One marker per date; together they link to every dated card once.
  const markers = await page.locator('.cc-timeline .cc-mark').evaluateAll((links) => links.map((a) => a.dataset.cards.split(' ').map(Number)));
  const dates = new Set(expected.evidence.map((e) => e.date).filter(Boolean));
  assert.equal(markers.length, dates.size, 'one timeline marker per date');
  const dated = expected.evidence.map((e, i) => (e.date ? i + 1 : null)).filter(Boolean);
  assert.deepEqual(markers.flat().sort((a, b) => a - b), dated, 'every dated card is behind exactly one marker');
  for (const numbers of markers) {
    const same = new Set(numbers.map((n) => expected.evidence[n - 1].date));
    assert.equal(same.size, 1, `a marker holds one date only (${numbers})`);
  }
  assert.match(await page.locator('#announce').innerText(), /^(Supported|Contradicted|Disputed|No evidence)/, 'announced to screen readers');
  assert.deepEqual(errors, []);
  await page.close();
});

test('a government denial: its note is shown with the verdict', async () => {
  const { page, errors } = await openPage({}, linkTo(DENIAL));
  await waitForReaderResult(page, DENIAL);
  const expected = cliCheck(DENIAL);
  await assertShowsResult(assert, page, expected);
  // Curated relations are shown on the cards they apply to.
  const relations = await page.locator('.cc-card').evaluateAll((cards) => cards.map((c) => [...c.querySelectorAll('.cc-relation')].map((r) => r.textContent)));
  assert.deepEqual(relations, expected.evidence.map((e) => e.relations));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a claim the bundle cannot settle says so, with no evidence cards', async () => {
  const { page } = await openPage({}, linkTo(OFF_TOPIC));
  await waitForReaderResult(page, OFF_TOPIC);
  await assertShowsResult(assert, page, cliCheck(OFF_TOPIC));
  assert.equal(await page.locator('.cc-result').getAttribute('data-verdict'), 'no_evidence');
  assert.equal(await page.locator('.cc-timeline').count(), 0);
  await page.close();
});

test('dates show at their precision, with machine-readable datetime', async () => {
  const { page } = await openPage({}, linkTo(CONTRADICTED));
  await waitForReaderResult(page, CONTRADICTED);
  const times = await page.locator('.cc-speaker time').evaluateAll((nodes) => nodes.map((t) => [t.dateTime, t.textContent]));
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  assert.deepEqual(times.map(([iso]) => iso), cliCheck(CONTRADICTED).evidence.map((e) => e.date));
  for (const [iso, text] of times) {
    const [y, m, d] = iso.split('-');
    const wanted = d ? `${Number(d)} ${months[m - 1]} ${y}` : m ? `${months[m - 1]} ${y}` : y;
    assert.equal(text, wanted);
  }
  await page.close();
});

test('keyboard only: Tab to the box, type, Enter, Tab on to the first source link', async () => {
  const { page, errors } = await openPage();
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'claim', 'the claim box is the first stop');
  await page.keyboard.type(CONTRADICTED);
  await page.keyboard.press('Enter');
  // Enter checks at once (no waiting for the typing pause) and adds no new line.
  assert.equal(await page.locator('#result').getAttribute('data-verdict'), cliCheck(CONTRADICTED).verdict);
  assert.equal(await page.locator('#claim').inputValue(), CONTRADICTED);

  let reached = null;
  for (let presses = 0; presses < 12 && !reached; presses++) {
    await page.keyboard.press('Tab');
    reached = await page.evaluate(() => {
      const active = document.activeElement;
      if (!active.matches('a.cc-source-link')) return null;
      return { firstCard: active.closest('.cc-card') === document.querySelector('.cc-card'), outline: getComputedStyle(active).outlineStyle };
    });
  }
  assert.ok(reached, 'a source link is reachable by Tab');
  assert.ok(reached.firstCard, 'the first link reached is the first card\'s');
  assert.notEqual(reached.outline, 'none', 'focus is visible');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the claim lives in the URL: links open with the result, copy link copies one', async () => {
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('#claim').fill(DENIAL);
  await page.locator('#claim').press('Enter');
  await waitForReaderResult(page, DENIAL);
  assert.equal(page.url(), linkTo(DENIAL));

  await page.getByRole('button', { name: 'Copy link' }).click();
  await page.locator('#copy-status').filter({ hasText: 'Link copied' }).waitFor();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, linkTo(DENIAL));

  const opened = await context.newPage();
  await opened.goto(copied);
  await waitForReaderResult(opened, DENIAL);
  assert.equal(await opened.locator('#claim').inputValue(), DENIAL);
  await assertShowsResult(assert, opened, cliCheck(DENIAL));

  // Editing the fragment by hand re-checks.
  await opened.evaluate((claim) => { location.hash = `claim=${encodeURIComponent(claim)}`; }, OFF_TOPIC);
  await waitForReaderResult(opened, OFF_TOPIC);
  assert.equal(await opened.locator('#result').getAttribute('data-verdict'), 'no_evidence');
  await context.close();
});

test('example claims check when clicked; clearing the box clears the result', async () => {
  const { page } = await openPage();
  const examples = page.locator('[data-example]');
  assert.ok(await examples.count() >= 3);
  const denialExample = page.locator(`[data-example="${DENIAL}"]`);
  await denialExample.click();
  await waitForReaderResult(page, DENIAL);
  assert.equal(await page.locator('#claim').inputValue(), DENIAL);
  await page.locator('#claim').fill('');
  await page.locator('#claim').press('Enter');
  assert.equal(await page.locator('#result').getAttribute('data-verdict'), null);
  assert.equal(await page.locator('.cc-card').count(), 0);
  assert.equal(new URL(page.url()).hash, '');
  await page.close();
});

test('text from claims is never parsed as HTML', async () => {
  const { page, errors } = await openPage();
  const hostile = '<img src=x onerror="window.pwned=1"> torture <b>police</b>';
  await page.locator('#claim').fill(hostile);
  await page.locator('#claim').press('Enter');
  await waitForReaderResult(page, hostile);
  assert.equal(await page.locator('main img, .cc-result b').count(), 0);
  assert.equal(await page.evaluate(() => window.pwned), undefined);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations (${colorScheme})`, async () => {
    const { page } = await openPage({ colorScheme }, linkTo(DENIAL));
    await waitForReaderResult(page, DENIAL);
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
}

test('fits a 360-px phone screen without sideways scrolling', async () => {
  const { page } = await openPage({ viewport: { width: 360, height: 740 } }, linkTo(DENIAL));
  await waitForReaderResult(page, DENIAL);
  const widest = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(widest <= 360, `page is ${widest}px wide`);
  await page.close();
});

test('works under a strict Content-Security-Policy (no inline script or style)', async (t) => {
  // Only what a wasm page cannot do without: 'wasm-unsafe-eval' to compile the wasm.
  const policy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
  const strict = await startServer({ root: DIST, port: 0, headers: { 'content-security-policy': policy } });
  t.after(() => strict.server.close());
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
  const response = await page.goto(`${strict.url}#claim=${encodeURIComponent(DENIAL)}`);
  assert.equal(response.headers()['content-security-policy'], policy, 'the page is served with the policy');
  await waitForReaderResult(page, DENIAL);
  await assertShowsResult(assert, page, cliCheck(DENIAL));
  // A claim typed and checked end to end, under the same policy.
  await page.locator('#claim').fill(CONTRADICTED);
  await page.locator('#claim').press('Enter');
  await waitForReaderResult(page, CONTRADICTED);
  await assertShowsResult(assert, page, cliCheck(CONTRADICTED));
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await page.close();
});
