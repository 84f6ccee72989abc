// Highlights the claim's matched words in a quote, as text nodes and <mark> elements
// (never HTML). The engine reports matched words folded the way it reads them
// (lowercase, accents stripped, hyphens joined: "Ələsgərov" → "alasgarov",
// "ill-treatment" → "illtreatment"), so quote words are folded the same way before
// comparing; the quote itself is shown as written.

// A written word: letters/digits joined by internal hyphens, apostrophes or dots, as
// the engine's tokenizer joins them.
const WORD_RUN = /[\p{L}\p{N}]+(?:[-'’.][\p{L}\p{N}]+)*/gu;
const JOINER = /[-'’.]/u;
const POSSESSIVE = /['’]s$/iu;

export function fold(word) {
  return word
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/ß/g, 'ss')
    .replace(/ı/g, 'i')
    .replace(/[əƏ]/g, 'a')
    .toLowerCase();
}

/**
 * [start, end) ranges of `text` to highlight for the folded words in `matched`.
 * FIXME: matched names of several words ("human rights watch", which bundles made by
 * `claimcheck bundle import` produce) are not marked, only their single words when the
 * engine also reports those.
 */
export function matchRanges(text, matched) {
  const wanted = new Set((matched || []).map(fold));
  const ranges = [];
  if (wanted.size === 0) return ranges;
  for (const run of text.matchAll(WORD_RUN)) {
    const start = run.index;
    const word = run[0].replace(POSSESSIVE, '');
    const folded = fold(word);
    // The whole run as the engine would read it ("ill-treatment", "U.S.", "Azerbaijan's").
    const wholeForms = [folded, folded.replace(/-/g, ''), folded.replace(/’/g, "'"), `${folded}.`];
    if (wholeForms.some((form) => wanted.has(form))) {
      ranges.push([start, start + word.length]);
      continue;
    }
    // Otherwise its parts ("61-page" is read as "61" and "page").
    let offset = 0;
    for (const part of word.split(JOINER)) {
      if (part && wanted.has(fold(part))) ranges.push([start + offset, start + offset + part.length]);
      offset += part.length + 1;
    }
  }
  return ranges;
}

/** Appends `text` to `parent` with the matched words wrapped in <mark>. */
export function appendHighlighted(parent, text, matched) {
  let at = 0;
  for (const [start, end] of matchRanges(text, matched)) {
    if (start > at) parent.append(document.createTextNode(text.slice(at, start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, end);
    parent.append(mark);
    at = end;
  }
  if (at < text.length) parent.append(document.createTextNode(text.slice(at)));
}
