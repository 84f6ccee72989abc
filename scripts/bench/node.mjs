// One corpus in a fresh Node process (so the cold start is cold): reads the files first,
// then runs measure.js and prints its result as JSON. Spawned by run.mjs:
//   node scripts/bench/node.mjs CORPUS_NAME
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import MiniSearch from 'minisearch';
import init, { Checker } from '../../pkg/claimcheck.js';
import { measure } from './measure.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const data = join(repo, 'bench', 'data');
const name = process.argv[2];
const corpus = JSON.parse(await readFile(join(data, 'corpora.json'), 'utf8')).find((c) => c.name === name);
if (!corpus) throw new Error(`no corpus "${name}" in bench/data/corpora.json`);

const source = JSON.parse(await readFile(join(data, corpus.json), 'utf8'));
const result = await measure({
  init,
  Checker,
  MiniSearch,
  wasmBytes: await readFile(join(repo, 'pkg', 'claimcheck_bg.wasm')),
  ccbBytes: await readFile(join(data, corpus.ccb)),
  statements: source.statements.map((s) => ({ id: s.id, text: s.quote })),
  claims: corpus.claims,
});
process.stdout.write(JSON.stringify(result));
