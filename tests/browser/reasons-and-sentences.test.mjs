// What a result says in words (issue 10): reasons in plain English, a pasted paragraph
// sentence by sentence, and the language notice and typo readings the engine adds to a
// result. Real wasm in headless Chromium; expected results from the native CLI.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { build } from 'esbuild';
import {
  REPO, axeViolations, cliCheck, launchChromium, serveDist, waitForReaderResult, watchErrors,
} from './helpers.mjs';

const EXAMPLES = [
  "Azerbaijan's Interior Ministry denies that the torture photos were taken in the country.",
  'The police in Azerbaijan do not torture anyone.',
  'About 254 political prisoners were held in Azerbaijan at the end of 2023.',
];
const PARAGRAPH = 'The police in Azerbaijan do not torture anyone. About 254 political prisoners were held in Azerbaijan at the end of 2023. The capital of Australia is Canberra.';

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

test('reasons read as sentences: no straight-quoted stems, no weights or percentages', async () => {
  for (const claim of EXAMPLES) {
    const page = await browser.newPage();
    await page.goto(linkTo(claim));
    await waitForReaderResult(page, claim);
    await page.locator('button.cc-more').click().catch(() => {}); // all cards, if some are collapsed
    const reasons = await page.locator('.cc-card .cc-reason').allInnerTexts();
    assert.equal(reasons.length, cliCheck(claim).evidence.length, 'every card has a reason');
    for (const reason of reasons) {
      assert.match(reason, /^[A-Z“]/, `starts as a sentence: ${reason}`);
      assert.match(reason, /[.!?”)]$/, `ends as a sentence: ${reason}`);
      assert.doesNotMatch(reason, /%|weight|"|statement affirms|^claim says|; statement says/, `plain words: ${reason}`);
    }
    await page.close();
  }
});

test('a reason quotes the statement\'s words as the quote writes them', async () => {
  const claim = EXAMPLES[1];
  const page = await browser.newPage();
  await page.goto(linkTo(claim));
  await waitForReaderResult(page, claim);
  const expected = cliCheck(claim);
  const i = expected.evidence.findIndex((e) => /“azerbaijani”/.test(e.reason) && /Azerbaijani/.test(e.quote));
  assert.ok(i >= 0, 'the CLI quotes a name folded to lowercase');
  const shown = await page.locator('.cc-card .cc-reason').nth(i).innerText();
  assert.match(shown, /“Azerbaijani”/, shown);
  await page.close();
});

test('a pasted paragraph: one line per sentence, each opening to its own check', async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(linkTo(PARAGRAPH));
  await waitForReaderResult(page, PARAGRAPH);
  const expected = cliCheck(PARAGRAPH);
  assert.equal(expected.sentences.length, 3);
  const lines = await page.locator('.cc-sentence > summary').allInnerTexts();
  assert.equal(lines.length, 3);
  const phrases = { supported: 'is supported', contradicted: 'is contradicted', disputed: 'is disputed', no_evidence: 'is not settled by this bundle' };
  expected.sentences.forEach((sentence, i) => {
    assert.ok(lines[i].startsWith(`Sentence ${i + 1} of 3 ${phrases[sentence.verdict]}`), lines[i]);
  });
  // The contradicted sentence names who contradicts it (its evidence is the result's).
  const contradicted = expected.sentences.findIndex((s) => s.verdict === 'contradicted');
  const speaker = expected.evidence.find((e) => e.id === expected.sentences[contradicted].evidence[0]).speaker;
  assert.ok(lines[contradicted].includes(` by ${speaker}`), lines[contradicted]);
  // Opening a sentence shows the sentence and its own check, as the CLI gives it.
  const second = page.locator('.cc-sentence').nth(1);
  await second.locator('summary').press('Enter');
  assert.equal(await second.getAttribute('open'), '');
  await second.locator('.cc-sentence-result[data-verdict]').waitFor();
  const own = cliCheck(expected.sentences[1].text);
  assert.equal(await second.locator('.cc-sentence-result').getAttribute('data-verdict'), own.verdict);
  assert.equal(await second.locator('.cc-sentence-text').innerText(), expected.sentences[1].text);
  assert.deepEqual(errors, []);
  await page.close();
});

for (const colorScheme of ['light', 'dark']) {
  test(`axe-core: a paragraph with a sentence, the other statements and "How to read this" open (${colorScheme})`, async () => {
    const page = await browser.newPage({ colorScheme });
    await page.goto(linkTo(PARAGRAPH));
    await waitForReaderResult(page, PARAGRAPH);
    await page.locator('.cc-sentence').first().locator('summary').click();
    await page.locator('.cc-sentence-result[data-verdict]').first().waitFor();
    for (const more of await page.locator('button.cc-more').all()) await more.click();
    await page.locator('details.cc-howto summary').click();
    await page.locator('.cc-relations-box summary').first().click();
    assert.deepEqual(await axeViolations(page), []);
    await page.close();
  });
}

/**
 * The renderer itself, bundled from www/src as the build bundles it, on a page with the
 * page's stylesheet: for result fields the engine is about to send (`language`,
 * `readings`) before it sends them.
 */
async function rendererPage() {
  const bundled = await build({
    stdin: { contents: "import { renderResult } from './render.js'; window.renderResult = renderResult;", resolveDir: join(REPO, 'www', 'src') },
    bundle: true, format: 'iife', write: false, loader: { '.css': 'text' }, logLevel: 'silent',
  });
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.setContent(`<!doctype html><html lang="en" class="cc-root"><head><title>Renderer</title><link rel="stylesheet" href="${url}app.css"></head><body><main><div id="box" class="cc-result"></div></main></body></html>`);
  await page.addScriptTag({ content: bundled.outputFiles[0].text });
  return { page, errors };
}

test('a claim the engine reads as another language gets a notice; typo readings are shown', async () => {
  const { page, errors } = await rendererPage();
  const russian = { ...cliCheck('Полиция в Азербайджане никого не пытает.'), language: { code: 'ru', name: 'Russian' }, readings: [] };
  await page.evaluate((result) => window.renderResult(document.getElementById('box'), result), russian);
  assert.equal(await page.locator('.cc-notice--language').innerText(), 'claimcheck reads English; this looks like Russian. Nothing can be checked in it.');
  assert.equal(await page.locator('.cc-notice--reading').count(), 0);

  const typo = { ...cliCheck('Azerbaijan holds politcal prisoners.'), language: null, readings: [{ written: 'politcal', read_as: 'political' }] };
  await page.evaluate((result) => window.renderResult(document.getElementById('box'), result), typo);
  assert.equal(await page.locator('.cc-notice--language').count(), 0);
  assert.equal(await page.locator('.cc-notice--reading').innerText(), 'Read “politcal” as “political”.');

  // Today's engine sends neither field: nothing shown, nothing broken.
  await page.evaluate((result) => window.renderResult(document.getElementById('box'), result), cliCheck(EXAMPLES[1]));
  assert.equal(await page.locator('.cc-notice').count(), 0);
  assert.equal(await page.locator('#box').getAttribute('data-verdict'), cliCheck(EXAMPLES[1]).verdict);
  assert.deepEqual(errors, []);
  await page.close();
});
