// The embed generator (dist/embed.html): the snippet it writes, pasted into a newsroom's
// page on another origin, renders the widget with the options chosen, under the SRI hash
// of this build's claim-check.js.

import assert from 'node:assert/strict';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { axeViolations, cliCheck, startCdnAndHost, watchErrors } from './helpers.mjs';

const CLAIM = 'The police in Azerbaijan do not torture anyone.';

let world;
before(async () => {
  world = await startCdnAndHost('claimcheck-generator-');
});
after(async () => {
  await world?.close();
});

test('the generated widget snippet, pasted into a host page, renders the widget as chosen', async () => {
  const { browser, cdn, host } = world;
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(`${cdn.url}embed.html`);
  // The live preview checks the default claim with the real widget.
  await page.locator('#embed-preview claim-check[data-verdict]').waitFor();
  await page.locator('#embed-claim').fill(CLAIM);
  await page.locator('#embed-heading').selectOption('4');
  await page.locator('#embed-report').fill('https://newsroom.example/report');
  await page.locator('#embed-theme').selectOption('dark');
  await page.locator('#embed-compact').check();
  const snippet = await page.locator('#snippet-widget').inputValue();
  assert.match(snippet, /<script type="module" src="http:\/\/127\.0\.0\.1:\d+\/claim-check\.js" integrity="sha384-[A-Za-z0-9+/]+=*" crossorigin="anonymous"><\/script>/);
  assert.match(snippet, /compact/);
  assert.match(snippet, /heading-level="4"/);
  assert.match(snippet, /report-url="https:\/\/newsroom\.example\/report"/);
  assert.match(snippet, /style="color-scheme: dark"/);
  const pym = await page.locator('#snippet-pym').inputValue();
  assert.ok(pym.includes(`${cdn.url}vendor/pym.v1.min.js`), 'the pym snippet uses the vendored copy');
  assert.ok(pym.includes(`#claim=${encodeURIComponent(CLAIM)}`));
  // The preview follows the options.
  const preview = page.locator('#embed-preview claim-check');
  await page.waitForFunction(() => document.querySelector('#embed-preview claim-check').getAttribute('heading-level') === '4');
  assert.equal(await preview.getAttribute('report-url'), 'https://newsroom.example/report');
  assert.deepEqual(errors, []);
  await page.close();

  // Pasted into the newsroom's article, on another origin.
  await writeFile(join(host.dir, 'article.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Article</title><link rel="icon" href="data:,"></head>
<body><main><h1>An article</h1><p>Text.</p>
${snippet}
</main></body></html>`);
  const article = await browser.newPage();
  const articleErrors = watchErrors(article);
  await article.goto(`${host.url}article.html`);
  const widget = article.locator('claim-check');
  await article.locator('claim-check[data-verdict]').waitFor();
  assert.equal(await widget.getAttribute('data-verdict'), cliCheck(CLAIM).verdict);
  assert.equal(await widget.locator('.cc-verdict-label').evaluate((h) => h.tagName), 'H4');
  assert.equal(await widget.locator('.cc-card:visible').count(), 1, 'compact');
  const report = new URL(await widget.locator('a.cc-report-link').getAttribute('href'));
  assert.equal(report.searchParams.get('claim'), CLAIM);
  // Dark whatever the reader prefers: the widget's background is dark.
  const background = await widget.locator('.cc-widget').evaluate((w) => getComputedStyle(w).backgroundColor);
  assert.equal(background, 'rgb(13, 17, 23)');
  assert.deepEqual(articleErrors, []);
  await article.close();
});

test('the generator page passes axe-core', async () => {
  const page = await world.browser.newPage();
  await page.goto(`${world.cdn.url}embed.html`);
  await page.locator('#embed-preview claim-check[data-verdict]').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.close();
});
