// The ClaimReview that `claimcheck check --claimreview` exports (issue 11, item 4), and
// the page's and widget's "Copy as ClaimReview" (the same Rust export, through the
// wasm's claimReviewDraft), is valid JSON-LD: it expands with the `jsonld` processor against a vendored subset of
// schema.org's context (tests/fixtures/schemaorg-claimreview-context.jsonld: the
// ClaimReview terms as schema.org's published context defines them, without its
// @vocab, so a misspelled property is dropped and caught), with no network.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import jsonld from 'jsonld';

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const CONTEXT = JSON.parse(readFileSync(join(REPO, 'tests', 'fixtures', 'schemaorg-claimreview-context.jsonld'), 'utf8'));
const S = 'http://schema.org/';

/** Serves schema.org's context from the vendored file; any other URL is an error. */
async function documentLoader(url) {
  if (/^https?:\/\/schema\.org\/?$/.test(url)) return { contextUrl: null, documentUrl: url, document: CONTEXT };
  throw new Error(`no network in tests: ${url}`);
}

/** Every property name in a compacted JSON-LD document (not the @ keywords). */
function properties(value, out = new Set()) {
  if (Array.isArray(value)) value.forEach((v) => properties(v, out));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (!key.startsWith('@')) out.add(key);
      properties(v, out);
    }
  }
  return out;
}

function exported(extra = []) {
  const cli = join(REPO, 'target', 'release', 'claimcheck');
  const args = ['check', '--claimreview', '--reviewer', 'Harbour Fact Check', '--url', 'https://factcheck.example.org/2024/police', '--date', '2024-06-01', ...extra,
    'Police in Azerbaijan tortured detainees.'];
  return JSON.parse(execFileSync(cli, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
}

test('the exported ClaimReview expands against schema.org with every property kept', async () => {
  const review = exported(['--claimant', 'Opposition activists']);
  const [expanded] = await jsonld.expand(review, { documentLoader, safe: true });
  assert.deepEqual(expanded['@type'], [`${S}ClaimReview`]);
  // Every property of the export is a schema.org term (none dropped on expansion).
  const kept = new Set(Object.keys(CONTEXT['@context']).filter((k) => k !== 'schema'));
  for (const name of properties(review)) assert.ok(kept.has(name), `${name} is not a schema.org ClaimReview term of the context`);
  // Google's required properties, expanded.
  assert.equal(expanded[`${S}claimReviewed`][0]['@value'], 'Police in Azerbaijan tortured detainees.');
  assert.equal(expanded[`${S}url`][0]['@id'], 'https://factcheck.example.org/2024/police');
  assert.equal(expanded[`${S}datePublished`][0]['@value'], '2024-06-01');
  assert.equal(expanded[`${S}author`][0][`${S}name`][0]['@value'], 'Harbour Fact Check');
  const rating = expanded[`${S}reviewRating`][0];
  assert.deepEqual(rating['@type'], [`${S}Rating`]);
  assert.ok(rating[`${S}alternateName`][0]['@value']);
  assert.equal(expanded[`${S}itemReviewed`][0][`${S}author`][0][`${S}name`][0]['@value'], 'Opposition activists');
  for (const cite of expanded[`${S}citation`]) assert.match(cite[`${S}url`][0]['@id'], /^https?:\/\//);
});

test('a property schema.org does not define would be caught', async () => {
  const review = { ...exported(), claimRevieved: 'typo' };
  // safe mode: a term that expands to nothing is an error, not silently dropped.
  await assert.rejects(jsonld.expand(review, { documentLoader, safe: true }));
});

test('the wasm\'s draft (page and widget) is the CLI\'s export, and expands the same', async () => {
  const pkg = join(REPO, 'pkg');
  const { default: init, Checker, claimReviewDraft } = await import(pathToFileURL(join(pkg, 'claimcheck.js')).href);
  await init({ module_or_path: readFileSync(join(pkg, 'claimcheck_bg.wasm')) });
  const result = new Checker().check('Police in Azerbaijan tortured detainees.');
  const draft = JSON.parse(claimReviewDraft(JSON.stringify(result), 'Harbour Fact Check', 'https://factcheck.example.org/2024/police', '2024-06-01'));
  assert.deepEqual(draft, exported());
  const [expanded] = await jsonld.expand(draft, { documentLoader, safe: true });
  assert.deepEqual(expanded['@type'], [`${S}ClaimReview`]);
  // Without the newsroom's name and address, placeholders an editor must replace.
  const placeholder = JSON.parse(claimReviewDraft(JSON.stringify(result), '', 'javascript:alert(1)', '2024-06-01'));
  assert.equal(placeholder.author.name, 'EDITOR: your organisation');
  assert.equal(placeholder.url, 'https://example.org/EDITOR-the-address-of-your-fact-check');
  assert.throws(() => claimReviewDraft(JSON.stringify(result), 'X', 'https://x.org/', 'yesterday'), /date: "yesterday" is not a date YYYY-MM-DD/);
});
