#!/usr/bin/env node
// Writes a synthetic corpus, deterministically (fixed seed), in the line format of
// `claimcheck bundle import`: one statement per line, {"id","text","source",...}.
// Used by the benchmarks and by the browser test that keeps typing smooth with a
// 100,000-statement bundle.
//
// Why a bigram chain over the default bundle: the sentences then have the vocabulary,
// word frequencies and sentence lengths of human-rights reporting (Zipf-like, names,
// numbers, dates), so posting lists are as long as a newsroom's would be, or longer —
// the vocabulary is small, which makes retrieval harder, not easier.
//
//   node scripts/synthetic-corpus.mjs --statements 100000 [--seed 1] [--out FILE.jsonl]
//        [--claims N --claims-out FILE.txt]
//
// The same arguments always give the same bytes.

import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

const { values: args } = parseArgs({
  options: {
    statements: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '1' },
    out: { type: 'string' },
    claims: { type: 'string', default: '0' },
    'claims-out': { type: 'string' },
  },
});

/** mulberry32: a small, well-mixed 32-bit PRNG; enough for test data, not for secrets. */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Training sentences: the default bundle's quotes and topics. */
function trainingSentences() {
  const bundle = JSON.parse(readFileSync(join(root, 'bundles/default/bundle.json'), 'utf8'));
  const sentences = [];
  for (const s of bundle.statements) {
    for (const part of s.quote.split(/(?<=[.;!?])\s+/)) sentences.push(part);
  }
  return sentences.map((s) => s.split(/\s+/).filter(Boolean)).filter((words) => words.length >= 4);
}

/** A bigram chain: for each word (or the start marker), the words that follow it. */
function bigrams(sentences) {
  const next = new Map();
  const add = (from, to) => {
    if (!next.has(from)) next.set(from, []);
    next.get(from).push(to);
  };
  for (const words of sentences) {
    add('', words[0]);
    for (let i = 0; i + 1 < words.length; i++) add(words[i], words[i + 1]);
    add(words[words.length - 1], null);
  }
  return next;
}

function sentence(chain, random, maxWords = 40) {
  const words = [];
  let word = '';
  while (words.length < maxWords) {
    const options = chain.get(word);
    if (!options) break;
    word = options[Math.floor(random() * options.length)];
    if (word === null) break;
    words.push(word);
  }
  let text = words.join(' ');
  if (!/[.!?]$/.test(text)) text += '.';
  return text;
}

const KINDS = ['ngo', 'news', 'intergovernmental', 'government', 'court', 'news', 'ngo'];
const PUBLISHERS = ['Caspian Monitor', 'Baku Observer', 'Rights Watchers', 'Freedom Desk', 'Council Reporter',
  'Eurasia Ledger', 'Justice Review', 'Press Freedom Wire', 'Helsinki Bulletin', 'Detention Watch'];

function main() {
  const count = Number(args.statements);
  const claimCount = Number(args.claims);
  if (!Number.isInteger(count) || count < 1) throw new Error(`--statements must be a positive integer, got "${args.statements}"`);
  const random = prng(Number(args.seed));
  const chain = bigrams(trainingSentences());
  const sourceCount = Math.max(1, Math.round(count / 50));
  const lines = [];
  const texts = [];
  for (let i = 0; i < count; i++) {
    const source = Math.floor(random() * sourceCount);
    const publisher = PUBLISHERS[source % PUBLISHERS.length];
    const year = 2004 + (source % 21);
    const month = String(1 + (source % 12)).padStart(2, '0');
    // One or two sentences, as quotes in a bundle are.
    let text = sentence(chain, random);
    if (random() < 0.3) text += ' ' + sentence(chain, random, 25);
    texts.push(text);
    lines.push(JSON.stringify({
      id: `syn-${String(i).padStart(6, '0')}`,
      text,
      source: `${publisher} report ${source}`,
      publisher,
      kind: KINDS[source % KINDS.length],
      published: `${year}-${month}`,
      url: `https://example.org/${publisher.toLowerCase().replace(/\s+/g, '-')}/${source}`,
    }));
  }
  const corpus = lines.join('\n') + '\n';
  if (args.out) writeFileSync(args.out, corpus);
  else process.stdout.write(corpus);

  if (claimCount > 0) {
    // Claims: half reworded statements (words dropped, a negation added), half new
    // sentences from the same chain, so some match well and some only share words.
    const claims = [];
    while (claims.length < claimCount) {
      let claim;
      if (claims.length % 2 === 0) {
        const words = texts[Math.floor(random() * texts.length)].split(' ');
        const kept = words.filter(() => random() > 0.25);
        if (random() < 0.3) kept.splice(Math.min(2, kept.length), 0, 'not');
        claim = kept.slice(0, 30).join(' ');
      } else {
        claim = sentence(chain, random, 25);
      }
      // A claim of a word or two is not a claim anyone pastes.
      if (claim.split(' ').length >= 5) claims.push(claim);
    }
    const text = claims.join('\n') + '\n';
    if (args['claims-out']) writeFileSync(args['claims-out'], text);
    else process.stderr.write(text);
  }
}

main();
