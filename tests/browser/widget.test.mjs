// The <claim-check> widget on a host page of another origin, as a newsroom embeds it
// from a CDN: the host page is served by one server, the widget, its wasm and the test
// bundles by another (different port, so different origin).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import {
  FIXTURES, REPO, assertShowsResult, axeViolations, cliCheck, startCdnAndHost, watchErrors,
} from './helpers.mjs';

const CONTRADICTED = 'The police in Azerbaijan do not torture anyone.';
const FIXTURE_BUNDLE = join(FIXTURES, 'widget-bundle.json');
const MALFORMED_BUNDLE = join(FIXTURES, 'malformed-bundle.json');
const BRIDGE = 'The harbour bridge is closed.';

let world; // dist/ and tests/fixtures/ as the "CDN"; the newsroom's pages on the host
let browser;
let widgetUrl;
let hostUrl;
let hostDir;
let pageCount = 0;

before(async () => {
  world = await startCdnAndHost('claimcheck-host-');
  ({ browser, cdn: { url: widgetUrl }, host: { url: hostUrl, dir: hostDir } } = world);
  // A compiled bundle, served by the host itself (same origin as the page).
  execFileSync(join(REPO, 'target', 'release', 'claimcheck'), ['bundle', 'build', FIXTURE_BUNDLE, '-o', join(hostDir, 'widget-bundle.ccb')]);
  await copyFile(join(REPO, 'node_modules', 'axe-core', 'axe.min.js'), join(hostDir, 'axe.min.js'));
});
after(async () => {
  await world?.close();
});

/** Serves a host page with `body` (and the widget script from the other origin); returns the opened page. */
async function hostPage(body, options = {}) {
  const name = `host-${++pageCount}.html`;
  await writeFile(join(hostDir, name), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <meta name="color-scheme" content="light dark">
  <title>Host page ${pageCount}</title>
  <link rel="icon" href="data:,">
  <script type="module" src="${widgetUrl}claim-check.js"></script>
  <script>
    window.results = [];
    addEventListener('claimcheck:result', (e) => results.push({ id: e.target.id, bubbles: e.bubbles, composed: e.composed, detail: e.detail }));
  </script>
</head>
<body>
  <main>
    <h1>An article</h1>
    ${body}
  </main>
</body>
</html>`);
  const page = await browser.newPage(options);
  const errors = watchErrors(page);
  await page.goto(hostUrl + name);
  return { page, errors };
}

/** The widget's result for `claim`, from its claimcheck:result events. */
async function resultEvent(page, id, claim) {
  const handle = await page.waitForFunction(
    ([wanted, text]) => window.results.find((r) => r.id === wanted && r.detail.claim === text),
    [id, claim],
  );
  return handle.jsonValue();
}

test('a claim attribute checks at once; the result event carries exactly the CLI\'s result', async () => {
  const { page, errors } = await hostPage(`<claim-check id="w" claim="${CONTRADICTED}"></claim-check>`);
  const event = await resultEvent(page, 'w', CONTRADICTED);
  const expected = cliCheck(CONTRADICTED);
  assert.deepEqual(event.detail, expected);
  assert.ok(event.bubbles && event.composed);
  const widget = page.locator('claim-check#w');
  assert.equal(await widget.getAttribute('data-verdict'), expected.verdict, 'the verdict is reflected on the host element');
  await assertShowsResult(assert, widget, expected); // Playwright locators pierce the open shadow root
  assert.deepEqual(errors, []);
  await page.close();
});

test('typing in the widget and pressing Enter checks the new claim', async () => {
  const { page } = await hostPage('<claim-check id="w"></claim-check>');
  const box = page.locator('claim-check#w textarea');
  await box.fill('The capital of Australia is Canberra.');
  await box.press('Enter');
  const event = await resultEvent(page, 'w', 'The capital of Australia is Canberra.');
  assert.equal(event.detail.verdict, 'no_evidence');
  assert.equal(await page.locator('claim-check#w').getAttribute('data-verdict'), 'no_evidence');
  // Changing the claim attribute re-checks too.
  await page.locator('claim-check#w').evaluate((el, claim) => el.setAttribute('claim', claim), CONTRADICTED);
  assert.equal((await resultEvent(page, 'w', CONTRADICTED)).detail.verdict, cliCheck(CONTRADICTED).verdict);
  await page.close();
});

test('a custom bundle, as JSON source from another origin and compiled from the host', async () => {
  const { page, errors } = await hostPage(`
    <claim-check id="json" bundle="${widgetUrl}fixtures/widget-bundle.json" claim="${BRIDGE}"></claim-check>
    <claim-check id="ccb" bundle="widget-bundle.ccb" claim="${BRIDGE}"></claim-check>`);
  const expected = cliCheck(BRIDGE, FIXTURE_BUNDLE);
  assert.notEqual(expected.verdict, cliCheck(BRIDGE).verdict, 'the fixture answers differently from the default bundle');
  for (const id of ['json', 'ccb']) {
    assert.deepEqual((await resultEvent(page, id, BRIDGE)).detail, expected, `${id}: the CLI's result over the same bundle`);
    const widget = page.locator(`claim-check#${id}`);
    await assertShowsResult(assert, widget, expected);
    assert.match(await widget.locator('.cc-footer').innerText(), /Widget test bundle: Freedonia harbour/);
  }
  // The fixture's quote and title contain markup: shown as text, never parsed.
  const json = page.locator('claim-check#json');
  assert.equal(await json.locator('.cc-result b, .cc-result script').count(), 0);
  assert.match(await json.locator('.cc-result').innerText(), /<b>Gazette<\/b>.*<script>alert\(1\)<\/script>/s);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a malformed bundle shows the verify message, naming the problems', async () => {
  const { page } = await hostPage(`<claim-check id="bad" bundle="${widgetUrl}fixtures/malformed-bundle.json" claim="${BRIDGE}"></claim-check>`);
  const error = page.locator('claim-check#bad .cc-error');
  await error.locator('.cc-error-message').waitFor();
  const shown = await error.innerText();
  // The CLI's message for the same file, with the widget's name for it (the file name).
  let cliMessage = '';
  try {
    cliCheck(BRIDGE, MALFORMED_BUNDLE);
  } catch (failure) {
    cliMessage = failure.stderr.replace(/^claimcheck: /, '').trim();
  }
  assert.ok(cliMessage, 'the CLI rejects the malformed bundle too');
  for (const line of cliMessage.split('\n')) {
    assert.ok(shown.includes(line.replaceAll(MALFORMED_BUNDLE, 'malformed-bundle.json')), `"${line}" in ${JSON.stringify(shown)}`);
  }
  assert.equal(await page.locator('claim-check#bad').getAttribute('data-verdict'), null);
  assert.equal(await error.getAttribute('role'), 'alert');
  await page.close();
});

test('a bundle that cannot be fetched says so', async () => {
  const { page } = await hostPage(`<claim-check id="missing" bundle="${widgetUrl}fixtures/no-such-bundle.json"></claim-check>`);
  const message = page.locator('claim-check#missing .cc-error-message');
  await message.waitFor();
  assert.match(await message.innerText(), /no-such-bundle\.json: HTTP 404/);
  await page.close();
});

test('a bundle from a server that does not allow this site says so in the widget (CORS)', async (t) => {
  // A server that sends the bundle without Access-Control-Allow-Origin, as many do.
  const bytes = await readFile(FIXTURE_BUNDLE);
  const noCors = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(bytes);
  });
  await new Promise((resolve) => { noCors.listen(0, '127.0.0.1', resolve); });
  t.after(() => noCors.close());
  const bundleUrl = `http://127.0.0.1:${noCors.address().port}/widget-bundle.json`;
  const { page } = await hostPage(`<claim-check id="cors" bundle="${bundleUrl}" claim="${BRIDGE}"></claim-check>`);
  const error = page.locator('claim-check#cors .cc-error');
  await error.locator('.cc-error-message').waitFor();
  assert.equal(await error.locator('.cc-error-title').innerText(), 'This bundle could not be loaded.');
  const message = await error.locator('.cc-error-message').innerText();
  assert.ok(message.startsWith(`The bundle at ${bundleUrl} could not be read: the server did not allow this site (CORS: it must send Access-Control-Allow-Origin for ${new URL(hostUrl).origin})`), message);
  assert.equal(await error.getAttribute('role'), 'alert');
  assert.equal(await page.locator('claim-check#cors').getAttribute('data-verdict'), null);
  await page.close();
});

test('report-url shows the report link, carrying claim and verdict; without it there is none', async () => {
  const { page } = await hostPage(`
    <claim-check id="r" report-url="mailto:corrections@newsroom.example" claim="${CONTRADICTED}"></claim-check>
    <claim-check id="n" claim="${CONTRADICTED}"></claim-check>`);
  await resultEvent(page, 'r', CONTRADICTED);
  await resultEvent(page, 'n', CONTRADICTED);
  const href = await page.locator('claim-check#r a.cc-report-link').getAttribute('href');
  assert.ok(href.startsWith('mailto:corrections@newsroom.example?subject='), href);
  const body = decodeURIComponent(new URL(href).searchParams.get('body') ?? '');
  assert.match(body, new RegExp(`Claim: ${CONTRADICTED.replace('.', '\\.')}`));
  assert.match(body, new RegExp(`Verdict: ${cliCheck(CONTRADICTED).verdict}`));
  assert.equal(await page.locator('claim-check#n .cc-report-link').count(), 0);
  // javascript: is never a link target.
  await page.locator('claim-check#r').evaluate((w) => w.setAttribute('report-url', 'javascript:alert(1)'));
  assert.equal(await page.locator('claim-check#r .cc-report-link').count(), 0);
  await page.close();
});

test('compact shows the banner, the top card and "Show more", no timeline', async () => {
  const { page } = await hostPage(`<claim-check id="c" compact heading-level="3" claim="${CONTRADICTED}"></claim-check>`);
  await resultEvent(page, 'c', CONTRADICTED);
  const widget = page.locator('claim-check#c');
  assert.equal(await widget.locator('.cc-verdict-label').evaluate((h) => h.tagName), 'H3', 'heading-level sets the verdict heading');
  const total = cliCheck(CONTRADICTED).evidence.length;
  assert.ok(total > 1, 'the claim needs more than one item for this test');
  assert.equal(await widget.locator('.cc-card:visible').count(), 1);
  assert.equal(await widget.locator('.cc-timeline').count(), 0);
  const more = widget.getByRole('button', { name: new RegExp(`^Show ${total - 1} more`) });
  assert.equal(await more.getAttribute('aria-expanded'), 'false');
  await more.click();
  assert.equal(await widget.locator('.cc-card:visible').count(), total);
  assert.equal(await widget.locator('button.cc-more').getAttribute('aria-expanded'), 'true');
  // Compact fits under an article: banner, one card and the button.
  await widget.locator('button.cc-more').click();
  for (const width of [1280, 360]) {
    await page.setViewportSize({ width, height: 800 });
    const height = await widget.evaluate((w) => w.getBoundingClientRect().height);
    assert.ok(height <= 900, `compact widget is ${height}px tall at ${width}px`);
  }
  // Its one card takes the verdict's side.
  const side = { contradicted: 'contradicts', supported: 'supports' }[cliCheck(CONTRADICTED).verdict];
  assert.equal(await widget.locator('.cc-card:visible').getAttribute('data-stance'), side);
  await page.close();
});

test('host pages theme the widget through --cc-* custom properties', async () => {
  const { page } = await hostPage(`<style>claim-check { --cc-accent: rgb(111, 45, 168); }</style>
    <claim-check id="t" claim="${CONTRADICTED}"></claim-check>`);
  await resultEvent(page, 't', CONTRADICTED);
  const background = await page.locator('claim-check#t button.cc-primary').evaluate((b) => getComputedStyle(b).backgroundColor);
  assert.equal(background, 'rgb(111, 45, 168)');
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core finds no violations in the widget (${colorScheme})`, async () => {
    const { page } = await hostPage(`
      <claim-check id="a" claim="${CONTRADICTED}"></claim-check>
      <claim-check id="b" compact bundle="${widgetUrl}fixtures/widget-bundle.json" claim="${BRIDGE}"></claim-check>
      <claim-check id="e" bundle="${widgetUrl}fixtures/malformed-bundle.json"></claim-check>`, { colorScheme });
    await resultEvent(page, 'a', CONTRADICTED);
    await resultEvent(page, 'b', BRIDGE);
    await page.locator('claim-check#e .cc-error-message').waitFor();
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
}

test('fits a 360-px phone screen', async () => {
  const { page } = await hostPage(`<claim-check id="p" claim="${CONTRADICTED}"></claim-check>`, { viewport: { width: 360, height: 740 } });
  await resultEvent(page, 'p', CONTRADICTED);
  const widest = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(widest <= 360, `page is ${widest}px wide`);
  await page.close();
});

test('works on a host page with a strict Content-Security-Policy', async (t) => {
  const widgetOrigin = new URL(widgetUrl).origin;
  const policy = `default-src 'none'; script-src ${widgetOrigin} 'wasm-unsafe-eval'; style-src 'self'; `
    + `connect-src ${widgetOrigin}; img-src data:; base-uri 'none'`;
  await writeFile(join(hostDir, 'csp.html'), `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Strict host</title><link rel="icon" href="data:,">
<script type="module" src="${widgetUrl}claim-check.js"></script></head>
<body><main><claim-check id="s" claim="${CONTRADICTED}"></claim-check></main></body></html>`);
  const strict = await startServer({ root: hostDir, port: 0, headers: { 'content-security-policy': policy } });
  t.after(() => strict.server.close());
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  await page.goto(`${strict.url}csp.html`);
  const widget = page.locator('claim-check#s');
  await page.locator('claim-check#s[data-verdict]').waitFor();
  await assertShowsResult(assert, widget, cliCheck(CONTRADICTED));
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual(errors, []);
  await page.close();
});
