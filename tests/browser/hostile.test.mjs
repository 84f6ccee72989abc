// Hostile input in real Chromium: markup and script in claims (typed, linked, given as
// the widget's attribute) and in bundles must show as text and never run; bundle URLs
// that are not http(s) are refused; the widget snippet's Subresource Integrity holds.

import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFile, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import {
  DIST, assertShowsResult, cliCheck, startCdnAndHost, waitForReaderResult, watchErrors,
} from './helpers.mjs';

const PAYLOADS = [
  '<img src=x onerror="window.__pwned=1">',
  '<script>window.__pwned=1</script>',
  '"><svg onload=window.__pwned=1>',
  'javascript:window.__pwned=1',
];
const CONTRADICTED = 'The police in Azerbaijan do not torture anyone.';
const BRIDGE = 'The harbour bridge is closed.';

let world; // dist/ as the "CDN"; the newsroom's pages and the test bundles on the host
let browser;
let widgetUrl;
let hostUrl;
let hostDir;
let pageCount = 0;

before(async () => {
  world = await startCdnAndHost('claimcheck-hostile-');
  ({ browser, cdn: { url: widgetUrl }, host: { url: hostUrl, dir: hostDir } } = world);
});
after(async () => {
  await world?.close();
});

/** A page that records dialogs (and dismisses them) besides errors. */
async function watchedPage() {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  const dialogs = [];
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    dialog.dismiss().catch(() => {});
  });
  return { page, errors, dialogs };
}

/**
 * Asserts nothing ran and no element came from the payloads: no dialog, no
 * window.__pwned, no javascript: link, and no element (in the document or any shadow
 * root) with an attribute naming __pwned — except the widget's own `claim` attribute.
 */
async function assertInert(page, dialogs) {
  await page.waitForTimeout(100); // give an onerror or onload a chance to fire
  assert.deepEqual(dialogs, [], 'no dialog opened');
  assert.equal(await page.evaluate(() => window.__pwned), undefined, 'window.__pwned was never set');
  const found = await page.evaluate(() => {
    const offenders = [];
    const visit = (root) => {
      for (const node of root.querySelectorAll('*')) {
        if (node.matches('a[href^="javascript:" i], [href^="javascript:" i], [src^="javascript:" i]')) offenders.push(`javascript: URL on <${node.localName}>`);
        for (const attribute of node.attributes) {
          const harmlessClaim = node.localName === 'claim-check' && attribute.name === 'claim';
          if (!harmlessClaim && /__pwned/.test(attribute.value)) offenders.push(`<${node.localName} ${attribute.name}="${attribute.value}">`);
          if (/^on/i.test(attribute.name)) offenders.push(`<${node.localName} ${attribute.name}>`);
        }
        if (node.localName === 'script' && /__pwned/.test(node.textContent)) offenders.push('<script> from a payload');
        if (node.shadowRoot) visit(node.shadowRoot);
      }
    };
    visit(document);
    return offenders;
  });
  assert.deepEqual(found, [], 'no element made from a payload');
}

/** All the text of the page, shadow roots included. */
function allText(page) {
  return page.evaluate(() => {
    const parts = [];
    const visit = (root) => {
      for (const node of root.querySelectorAll('*')) {
        if (node.shadowRoot) visit(node.shadowRoot);
      }
      if (root !== document) parts.push(root.textContent);
    };
    parts.push(document.body.textContent);
    visit(document);
    return parts.join('\n');
  });
}

for (const payload of PAYLOADS) {
  const claim = `${CONTRADICTED} ${payload}`;

  test(`reader page: a typed claim with ${payload} stays text`, async () => {
    const { page, errors, dialogs } = await watchedPage();
    await page.goto(widgetUrl);
    await page.locator('#bundle-info').filter({ hasText: 'Bundle:' }).waitFor();
    await page.locator('#claim').fill(claim);
    await page.locator('#claim').press('Enter');
    await waitForReaderResult(page, claim);
    await assertShowsResult(assert, page, cliCheck(claim));
    assert.equal(await page.locator('#claim').inputValue(), claim, 'the claim box holds the payload as text');
    await assertInert(page, dialogs);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test(`reader page: a #claim= link with ${payload} stays text`, async () => {
    const { page, errors, dialogs } = await watchedPage();
    await page.goto(`${widgetUrl}#claim=${encodeURIComponent(claim)}`);
    await waitForReaderResult(page, claim);
    await assertShowsResult(assert, page, cliCheck(claim));
    assert.equal(await page.locator('#claim').inputValue(), claim);
    // The payload as the whole claim, through a later fragment change.
    await page.evaluate((text) => { location.hash = `claim=${encodeURIComponent(text)}`; }, payload);
    await waitForReaderResult(page, payload);
    assert.equal(await page.locator('#claim').inputValue(), payload);
    await assertInert(page, dialogs);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

/** Serves a host page with `body`, loading the widget from the other origin (or as `head` says), and opens it. */
async function hostPage(body, { head = `<script type="module" src="${widgetUrl}claim-check.js"></script>` } = {}) {
  const name = `host-${++pageCount}.html`;
  await writeFile(join(hostDir, name), `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Host page ${pageCount}</title>
  <link rel="icon" href="data:,">
  ${head}
</head>
<body>
  <main>
    <h1>An article</h1>
    ${body}
  </main>
</body>
</html>`);
  const watched = await watchedPage();
  await watched.page.goto(hostUrl + name);
  return watched;
}

test('widget: claim attributes carrying each payload stay text', async () => {
  const { page, errors, dialogs } = await hostPage('<div id="slot"></div>');
  // Set through the DOM, as a CMS does with untrusted text (not spliced into HTML).
  await page.evaluate((claims) => {
    claims.forEach((claim, i) => {
      const widget = document.createElement('claim-check');
      widget.id = `w${i}`;
      widget.setAttribute('claim', claim);
      document.getElementById('slot').append(widget);
    });
  }, PAYLOADS.map((payload) => `${CONTRADICTED} ${payload}`));
  for (const [i, payload] of PAYLOADS.entries()) {
    const claim = `${CONTRADICTED} ${payload}`;
    const widget = page.locator(`claim-check#w${i}`);
    await page.locator(`claim-check#w${i}[data-verdict]`).waitFor();
    await assertShowsResult(assert, widget, cliCheck(claim));
    assert.equal(await widget.locator('textarea').inputValue(), claim, 'the widget\'s box holds the payload as text');
  }
  await assertInert(page, dialogs);
  assert.deepEqual(errors, []);
  await page.close();
});

/** A bundle whose every shown text field carries payloads; `url` for its first source. */
function hostileBundle(url = 'https://example.org/harbour-bridge') {
  const [img, script, svg, js] = PAYLOADS;
  return {
    format: 'claimcheck-bundle/1',
    title: `Hostile bundle ${script}`,
    language: 'en',
    sources: [
      {
        id: 'port-authority', publisher: `Port Authority ${img}`, kind: 'government',
        title: `Harbour bridge closed ${svg}`, url, published: '2023-03-02',
      },
      {
        id: 'gazette', publisher: `Gazette ${js}`, kind: 'news',
        title: `Bridge open ${script}`, url: 'https://news.example.org/bridge-open', published: '2023-03',
      },
    ],
    statements: [
      {
        id: 'port-authority/closed', source: 'port-authority',
        quote: `The harbour bridge is closed ${img} to all traffic until the end of April.`,
        speaker: `Harbour master ${svg}`, speaker_kind: 'government', date: '2023-03-02',
        topics: [`harbour ${script}`, js],
      },
      {
        id: 'gazette/open', source: 'gazette',
        quote: `Drivers said the harbour bridge was not closed ${script} ${svg} ${js} on Monday.`,
        speaker: `Gazette reporter ${js}`, speaker_kind: 'news',
        topics: [img],
      },
    ],
    relations: [
      { from: 'gazette/open', to: 'port-authority/closed', kind: 'contradicts', note: `Disagrees ${img}` },
    ],
  };
}

test('widget: a bundle whose quotes, titles, publishers, speakers and topics carry payloads renders them as text', async () => {
  const bundle = hostileBundle();
  const path = join(hostDir, 'hostile-bundle.json');
  await writeFile(path, JSON.stringify(bundle, null, 2));
  const expected = cliCheck(BRIDGE, path);
  assert.equal(expected.evidence.length, 2, 'both hostile statements are shown');

  const { page, errors, dialogs } = await hostPage(`<claim-check id="h" bundle="hostile-bundle.json" claim="${BRIDGE}"></claim-check>`);
  const widget = page.locator('claim-check#h');
  await page.locator('claim-check#h[data-verdict]').waitFor();
  await assertShowsResult(assert, widget, expected); // quotes compared as text
  const text = await allText(page);
  for (const item of expected.evidence) {
    for (const shown of [item.quote, item.speaker, item.source.title, item.source.publisher, ...item.relations]) {
      assert.ok(text.includes(shown), `${JSON.stringify(shown)} shown as text`);
    }
  }
  for (const payload of PAYLOADS) assert.ok(text.includes(payload), `${payload} shown as text`);
  assert.ok(text.includes(bundle.title), 'the bundle title, as text, in the footer');
  const links = await widget.locator('a').evaluateAll((as) => as.filter((a) => !(a instanceof SVGElement)).map((a) => [a.href, a.rel, a.target]));
  assert.deepEqual(links, expected.evidence.map((e) => [e.source.url, 'noopener noreferrer', '_blank']), 'only the verified http(s) links');
  // The timeline's markers link within the result only.
  const markers = await widget.locator('a').evaluateAll((as) => as.filter((a) => a instanceof SVGElement).map((a) => a.getAttribute('href')));
  for (const href of markers) assert.match(href, /^#cc-r\d+-card-\d+$/);
  await assertInert(page, dialogs);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const [name, url] of [['javascript', 'javascript:alert(1)'], ['data', 'data:text/html,<script>alert(1)</script>']]) {
  test(`widget: a bundle whose source url is ${name}: is refused, naming the field`, async () => {
    await writeFile(join(hostDir, `bad-url-${name}.json`), JSON.stringify(hostileBundle(url)));
    const { page, errors, dialogs } = await hostPage(`<claim-check id="b" bundle="bad-url-${name}.json" claim="${BRIDGE}"></claim-check>`);
    const message = page.locator('claim-check#b .cc-error-message');
    await message.waitFor();
    const shown = await message.innerText();
    assert.match(shown, /field "url"/, 'the message names the field');
    assert.ok(shown.includes(`bad-url-${name}.json`), 'and the file');
    assert.ok(shown.includes(url), 'and shows the URL as text');
    assert.equal(await page.locator('claim-check#b').getAttribute('data-verdict'), null);
    assert.equal(await page.locator('claim-check#b a').count(), 0, 'no link rendered');
    await assertInert(page, dialogs);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

/** The widget's <script> line of dist/embed-snippet.html, and its integrity value. */
async function snippet() {
  const html = await readFile(join(DIST, 'embed-snippet.html'), 'utf8');
  const script = /<script type="module" src="https:\/\/your\.cdn\/claimcheck\/claim-check\.js" integrity="(sha384-[A-Za-z0-9+/]+=*)" crossorigin="anonymous"><\/script>/.exec(html);
  assert.ok(script, 'the snippet has the widget script with integrity and crossorigin');
  assert.match(html, /<claim-check claim="[^"]+"><\/claim-check>/);
  assert.match(html, /data-pym-src="https:\/\/your\.cdn\/claimcheck\/index\.html#claim=/, 'and the pym.js embed');
  return { html, tag: script[0], integrity: script[1] };
}

test('the embed snippet\'s integrity is the sha384 of dist/claim-check.js', async () => {
  const { integrity } = await snippet();
  const actual = `sha384-${createHash('sha384').update(await readFile(join(DIST, 'claim-check.js'))).digest('base64')}`;
  assert.equal(integrity, actual);
});

test('a host page using the snippet (with integrity) loads the widget and shows a verdict', async () => {
  const { tag } = await snippet();
  const { page, errors } = await hostPage(`<claim-check id="s" claim="${CONTRADICTED}"></claim-check>`,
    { head: tag.replace('https://your.cdn/claimcheck/', widgetUrl) });
  await page.locator('claim-check#s[data-verdict]').waitFor();
  await assertShowsResult(assert, page.locator('claim-check#s'), cliCheck(CONTRADICTED));
  assert.deepEqual(errors, []);
  await page.close();
});

test('a tampered claim-check.js is refused by the snippet; a tampered wasm by the widget', async (t) => {
  const { tag } = await snippet();
  const cdn = await mkdtemp(join(tmpdir(), 'claimcheck-tampered-'));
  const tampered = await startServer({ root: cdn, port: 0 });
  t.after(async () => {
    tampered.server.close();
    await rm(cdn, { recursive: true, force: true });
  });
  // A script with one extra byte: the browser must not run it.
  await writeFile(join(cdn, 'claim-check.js'), `${await readFile(join(DIST, 'claim-check.js'), 'utf8')}\n`);
  await copyFile(join(DIST, 'claimcheck_bg.wasm'), join(cdn, 'claimcheck_bg.wasm'));
  const first = await hostPage('<claim-check id="x"></claim-check>', { head: tag.replace('https://your.cdn/claimcheck/', tampered.url) });
  await first.page.waitForLoadState('load');
  await first.page.waitForTimeout(300);
  assert.equal(await first.page.evaluate(() => customElements.get('claim-check')), undefined, 'the tampered script did not run');
  assert.ok(first.errors.some((e) => /integrity/i.test(e)), `the browser reports the integrity failure: ${first.errors}`);
  await first.page.close();

  // The real script beside a wasm with one byte changed: its baked-in hash refuses it.
  await copyFile(join(DIST, 'claim-check.js'), join(cdn, 'claim-check.js'));
  const wasm = await readFile(join(DIST, 'claimcheck_bg.wasm'));
  wasm[wasm.length - 1] ^= 1;
  await writeFile(join(cdn, 'claimcheck_bg.wasm'), wasm);
  const second = await hostPage(`<claim-check id="y" claim="${CONTRADICTED}"></claim-check>`, { head: tag.replace('https://your.cdn/claimcheck/', tampered.url) });
  const message = second.page.locator('claim-check#y .cc-error-message');
  await message.waitFor();
  assert.match(await message.innerText(), /claimcheck_bg\.wasm: could not be fetched/);
  assert.equal(await second.page.locator('claim-check#y').getAttribute('data-verdict'), null);
  await second.page.close();
});
