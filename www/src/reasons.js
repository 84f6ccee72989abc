// The reason shown on an evidence card. The engine writes it in plain English from the
// stance rule that decided (src/stance/wording.rs); the words it quotes from the
// statement come folded the way the engine reads them ("illtreatment", "alasgarov"), so
// here they are put back as the quote writes them ("ill-treatment", "Ələsgərov").

import { fold, matchRanges } from './highlight.js';

/** What each rule means, for an item whose reason is empty. */
const RULE_FALLBACKS = {
  coverage: 'Shares too little with the claim to take a side.',
  related: 'Shares words with the claim but does not settle it.',
  support: 'Says the same as the claim.',
  relation: 'Linked by the bundle’s curators to another statement shown here.',
};

export function plainReason(item) {
  const reason = item.reason || RULE_FALLBACKS[item.rule] || '';
  return restoreWritten(reason, item.quote, item.matched);
}

/** Replaces each quoted “word” that the quote writes differently with the quote's own spelling. */
export function restoreWritten(reason, quote, matched) {
  const written = new Map();
  for (const [start, end] of matchRanges(quote || '', matched || [])) {
    const word = quote.slice(start, end);
    const key = fold(word).replace(/-/g, '');
    // A capital that only starts a sentence is not the word's own.
    const opensSentence = /(^|[.!?]["”’)]?\s+)["“‘(]?$/.test(quote.slice(0, start));
    if (!written.has(key) || written.get(key).opensSentence) written.set(key, { word, opensSentence });
  }
  if (written.size === 0) return reason;
  return reason.replace(/“([^”]+)”/g, (whole, inner) => {
    if (inner.includes(' ')) return whole;
    const found = written.get(fold(inner).replace(/-/g, ''));
    if (!found || found.word === inner) return whole;
    // "illtreatment" → "ill-treatment", "alasgarov" → "Ələsgərov", "azerbaijan" → "Azerbaijan".
    if (found.word.toLowerCase() === inner && found.opensSentence) return whole;
    return `“${found.word}”`;
  });
}
