// Which sentences of a bundle's source texts no statement quotes (a curation aid).
//
//   node scripts/bundle-coverage.mjs bundles/default/bundle.json [--skipped]
//
// Splits each source's `text_file` into sentences and lists every sentence that no
// statement of that source covers, with the source id and the sentence's number. A
// sentence is covered when a quote is a substring of it or it is a substring of a quote
// (with or without the quotation marks around it), both compared as the verifier compares
// quotes: Unicode NFKC, runs of whitespace as one space, curly quotes as straight ones.
// Ends with "N of M sentences covered"; exits 0 (non-zero only when the bundle or a text
// cannot be read).
//
// Source texts are web pages saved as text, so site furniture is set aside, generically:
//   - fragments without sentence punctuation ([.!?] at the end) shorter than LONG_WORDS
//     words: navigation, share links, headings, "More reading" lists, bylines;
//   - fragments of fewer than MIN_WORDS words ("Please try again.");
//   - headings: the source's own title, or mostly Capitalised Words and no full stop;
//   - sentences found in more than one source text: the site's shared chrome (donation
//     prompts, newsletter sign-up).
// Saved pages often lose the breaks between blocks ("our workHuman Rights Watch",
// "released today.The report"), so a lowercase letter, ')' or ':' directly followed by a
// capital starts a new fragment too, as does a bullet. A missing space inside a real
// sentence ("it urgesBaku") therefore splits it; its halves are judged separately.
// A sentence repeated within one source (a garbled page) counts once.
// --skipped also prints what was set aside and why, to audit these rules.

import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

const MIN_WORDS = 4;
const LONG_WORDS = 12;
const TITLE_CASE_SHARE = 0.7;
const SMALL_WORDS = new Set(['a', 'an', 'the', 'and', 'or', 'of', 'for', 'in', 'on', 'at', 'to', 'by', 'with', 'from', 'as']);

function fold(text) {
  return text
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

// Fragment boundaries, as offsets where a new fragment starts.
//   1. sentence end: [.!?] (plus closing quotes/brackets), then whitespace or nothing, then
//      a capital, an opening quote or bracket, a bullet (or, after whitespace, a digit);
//      not after a single letter ("U.S. Secretary", "George W. Bush");
//   2. glued blocks: a lowercase letter, ')' or ':' directly followed by a capital or '(';
//   3. bullets.
const SENTENCE_END = /[.!?]+["'\u201D\u2019)\]]*(?:\s+(?=[\p{Lu}\d"'\u201C\u2018(\[\u2022])|(?=[\p{Lu}\u201C\u2018(\u2022]))/gu;
const GLUE = /(?<=[\p{Ll}):])(?=[\p{Lu}(])/gu;
const BULLET = /\s*\u2022\s*/gu;

function fragments(line) {
  const cuts = new Set([0]);
  for (const m of line.matchAll(SENTENCE_END)) {
    const before = line.slice(0, m.index);
    // "U.S." / "W." : a single letter before the full stop is an abbreviation.
    if (m[0].startsWith('.') && /(?:^|[^\p{L}])\p{L}$/u.test(before)) continue;
    cuts.add(m.index + m[0].length);
  }
  for (const m of line.matchAll(GLUE)) cuts.add(m.index);
  for (const m of line.matchAll(BULLET)) {
    cuts.add(m.index);
    cuts.add(m.index + m[0].length);
  }
  const sorted = [...cuts].sort((a, b) => a - b);
  const out = [];
  for (let i = 0; i < sorted.length; i++) {
    const piece = line.slice(sorted[i], sorted[i + 1] ?? line.length).replace(/\u2022/g, '').trim();
    if (piece) out.push(piece);
  }
  return out;
}

const words = (s) => s.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w));
const terminated = (s) => /[.!?]["'\u201D\u2019)\]]*$/u.test(s);

function isHeading(sentence, title) {
  const f = fold(sentence).toLowerCase();
  if (title && f.includes(fold(title).toLowerCase())) return true;
  // A sentence ending in a full stop is prose, however many names it has.
  if (/\.["'\u201D\u2019)\]]*$/u.test(sentence)) return false;
  // The first word is capitalised in any sentence, so it does not count.
  const content = words(sentence).slice(1).filter((w) => /\p{L}/u.test(w) && !SMALL_WORDS.has(w.toLowerCase()));
  if (content.length < 3) return false;
  const capitalised = content.filter((w) => /^[^\p{L}]*\p{Lu}/u.test(w)).length;
  return capitalised / content.length >= TITLE_CASE_SHARE;
}

// A source text -> [{text, skip}] where skip says why a fragment is not a sentence.
function split(text, title) {
  const out = [];
  for (const line of text.split(/\r?\n/)) {
    for (const piece of fragments(line)) {
      const n = words(piece).length;
      let skip = null;
      if (n < MIN_WORDS) skip = 'very short';
      else if (isHeading(piece, title)) skip = 'heading';
      else if (!terminated(piece) && n < LONG_WORDS) skip = 'no sentence punctuation';
      out.push({ text: piece, skip });
    }
  }
  return out;
}

function main() {
  const args = process.argv.slice(2);
  const showSkipped = args.includes('--skipped');
  const path = args.find((a) => !a.startsWith('--'));
  if (!path) {
    console.error('usage: node scripts/bundle-coverage.mjs BUNDLE.json [--skipped]');
    process.exit(2);
  }
  const bundle = JSON.parse(readFileSync(path, 'utf8'));
  const base = dirname(resolve(path));

  const sources = [];
  for (const source of bundle.sources) {
    if (!source.text_file) {
      console.log(`${source.id}: no text_file, not checked`);
      continue;
    }
    const text = readFileSync(resolve(base, source.text_file), 'utf8');
    const quotes = bundle.statements.filter((s) => s.source === source.id).map((s) => fold(s.quote));
    sources.push({ id: source.id, quotes, pieces: split(text, source.title) });
  }

  // Shared chrome: a sentence that appears in more than one source's text.
  const seenIn = new Map();
  for (const s of sources) {
    for (const f of new Set(s.pieces.filter((p) => !p.skip).map((p) => fold(p.text)))) {
      seenIn.set(f, (seenIn.get(f) ?? 0) + 1);
    }
  }

  let total = 0;
  let covered = 0;
  for (const s of sources) {
    const seen = new Set();
    const uncovered = [];
    const skipped = [];
    let number = 0;
    let sourceCovered = 0;
    for (const piece of s.pieces) {
      const f = fold(piece.text);
      let skip = piece.skip;
      if (!skip && seenIn.get(f) > 1) skip = 'in more than one source';
      if (!skip && seen.has(f)) skip = 'repeated in this source';
      if (skip) {
        skipped.push(`  (${skip}) ${piece.text}`);
        continue;
      }
      seen.add(f);
      number += 1;
      // A quote may leave out the quotation marks around the sentence it takes.
      const bare = f.replace(/^["'(\[]+|["')\]]+$/g, '');
      if (s.quotes.some((q) => f.includes(q) || q.includes(f) || q.includes(bare))) sourceCovered += 1;
      else uncovered.push(`  ${s.id} #${number}: ${piece.text}`);
    }
    total += number;
    covered += sourceCovered;
    console.log(`${s.id}: ${sourceCovered} of ${number} sentences covered`);
    for (const line of uncovered) console.log(line);
    if (showSkipped) for (const line of skipped) console.log(line);
  }
  console.log(`${covered} of ${total} sentences covered`);
}

main();
