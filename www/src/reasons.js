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
    if (!written.has(key)) written.set(key, word);
  }
  if (written.size === 0) return reason;
  return reason.replace(/“([^”]+)”/g, (whole, inner) => {
    const words = inner.split(' ');
    if (words.length !== 1) return whole;
    const shown = written.get(fold(inner).replace(/-/g, ''));
    // Only a different spelling is restored ("illtreatment" → "ill-treatment"); a
    // capital at the start of a sentence is not.
    return shown && shown.toLowerCase() !== inner ? `“${shown}”` : whole;
  });
}
