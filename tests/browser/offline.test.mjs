// dist/claimcheck.html alone, opened from file:// with every network request refused:
// the single file must need nothing but itself.

import assert from 'node:assert/strict';
import { copyFile, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import { DIST, assertShowsResult, cliCheck, launchChromium, watchErrors } from './helpers.mjs';

const CONTRADICTED = 'The police in Azerbaijan do not torture anyone.';
const DENIAL = "Azerbaijan's Interior Ministry denies that the torture photos were taken in the country.";

let browser;
let alone; // a folder holding nothing but the offline file
let fileUrl;

before(async () => {
  alone = await mkdtemp(join(tmpdir(), 'claimcheck-offline-'));
  await copyFile(join(DIST, 'claimcheck.html'), join(alone, 'claimcheck.html'));
  fileUrl = pathToFileURL(join(alone, 'claimcheck.html')).href;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  if (alone) await rm(alone, { recursive: true, force: true });
});

/** A page whose every non-file request is aborted and recorded. */
async function offlinePage() {
  const context = await browser.newContext();
  const attempted = [];
  await context.route((url) => url.protocol !== 'file:', (route) => {
    attempted.push(route.request().url());
    return route.abort('internetdisconnected');
  });
  const page = await context.newPage();
  const errors = watchErrors(page);
  page.on('request', (request) => {
    if (!request.url().startsWith('file:') && !request.url().startsWith('data:')) attempted.push(request.url());
  });
  return { context, page, errors, attempted };
}

test('the file inlines everything: no external script, style, module or fetch', async () => {
  const html = await readFile(join(DIST, 'claimcheck.html'), 'utf8');
  assert.doesNotMatch(html, /<script[^>]*\bsrc=/i);
  assert.doesNotMatch(html, /<script[^>]*type=["']?module/i);
  assert.doesNotMatch(html, /<link[^>]*href=["'](?!data:)/i);
  assert.match(html, /<style>/);
});

test('opened from file:// with no network, it checks a linked claim as the CLI does', async () => {
  const { context, page, errors, attempted } = await offlinePage();
  await page.goto(`${fileUrl}#claim=${encodeURIComponent(DENIAL)}`);
  await page.locator('#result[data-verdict]').waitFor();
  await assertShowsResult(assert, page, cliCheck(DENIAL));
  assert.match(await page.locator('#bundle-info').innerText(), /^Bundle: .+ statements/, 'the default bundle, from inside the wasm');

  // And a claim typed into it.
  await page.locator('#claim').fill(CONTRADICTED);
  await page.locator('#claim').press('Enter');
  await page.waitForFunction((claim) => new URLSearchParams(location.hash.slice(1)).get('claim') === claim, CONTRADICTED);
  await assertShowsResult(assert, page, cliCheck(CONTRADICTED));

  assert.deepEqual([...new Set(attempted)], [], 'no request left the file');
  assert.deepEqual(errors, []);
  await context.close();
});

test('the file carries a hash-based Content-Security-Policy and runs under it', async () => {
  const html = await readFile(join(DIST, 'claimcheck.html'), 'utf8');
  const meta = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html);
  assert.ok(meta, 'a CSP meta tag');
  const policy = meta[1];
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<style>'), 'the policy comes before any style or script');
  assert.doesNotMatch(policy, /unsafe-inline|unsafe-hashes|'unsafe-eval'/);
  assert.match(policy, /(^|; )default-src 'none'(;|$)/);
  assert.match(policy, /(^|; )connect-src 'none'(;|$)/);
  assert.match(policy, /(^|; )script-src 'sha256-[A-Za-z0-9+/]+=*' 'wasm-unsafe-eval'(;|$)/);
  assert.match(policy, /(^|; )style-src 'sha256-[A-Za-z0-9+/]+=*'(;|$)/);
  assert.doesNotMatch(html, /\sstyle=/, 'no inline style attributes (a style hash does not cover them)');

  const { context, page, errors, attempted } = await offlinePage();
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations.push(`${e.violatedDirective}: ${e.blockedURI} ${e.sample}`));
  });
  await page.goto(fileUrl);
  await page.locator('#bundle-info').filter({ hasText: 'Bundle:' }).waitFor();
  await page.locator('#claim').fill(DENIAL);
  await page.locator('#claim').press('Enter');
  await page.locator('#result[data-verdict]').waitFor();
  await assertShowsResult(assert, page, cliCheck(DENIAL));
  // The inlined stylesheet applied (a blocked <style> would leave the page unstyled).
  assert.equal(await page.locator('.cc-visually-hidden').first().evaluate((n) => getComputedStyle(n).position), 'absolute');
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
  assert.deepEqual([...new Set(attempted)], []);
  assert.deepEqual(errors, []);
  await context.close();
});

test('offline, there is no file:// "Copy link": "Copy result" gives the claim, verdict and sources as text', async () => {
  const { context, page, errors } = await offlinePage();
  // What was written to the clipboard (file:// pages may write it but not read it back).
  await page.addInitScript(() => {
    const write = navigator.clipboard?.writeText?.bind(navigator.clipboard);
    if (write) navigator.clipboard.writeText = (text) => { window.copied = text; return write(text); };
  });
  await page.goto(`${fileUrl}#claim=${encodeURIComponent(CONTRADICTED)}`);
  await page.locator('#result[data-verdict]').waitFor();
  assert.equal(await page.getByRole('button', { name: 'Copy link' }).count(), 0, 'no link to a file on this disk');
  await page.getByRole('button', { name: 'Copy result' }).click();
  // With clipboard access it is copied; without (file:// often has none) it is shown selected.
  await page.locator('#copy-status').filter({ hasText: /Result copied|to copy/ }).waitFor();
  const field = page.locator('#copy-status .cc-link-field');
  const text = (await field.count()) > 0 ? await field.inputValue() : await page.evaluate(() => window.copied);
  const expected = cliCheck(CONTRADICTED);
  assert.ok(text.startsWith(`Claim: “${CONTRADICTED}”\nVerdict: Contradicted`), text);
  assert.doesNotMatch(text, /file:/);
  assert.ok(text.includes(expected.evidence.find((e) => e.stance !== 'related').source.url));
  assert.deepEqual(errors, []);
  await context.close();
});
