// The page's pure helpers, in Node: date display and the highlighting of matched words.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dateToYear, formatDate, safeHttpUrl } from '../../www/src/format.js';
import { matchRanges } from '../../www/src/highlight.js';

test('dates show at their precision', () => {
  assert.equal(formatDate('2024-04'), 'April 2024');
  assert.equal(formatDate('2004-01-22'), '22 January 2004');
  assert.equal(formatDate('2019'), '2019');
  assert.equal(formatDate('2019-13'), '2019-13', 'an impossible month is shown as given');
  assert.equal(formatDate(''), '');
  assert.ok(dateToYear('2024-04') > dateToYear('2024-03-31'));
  assert.ok(dateToYear('2024') > dateToYear('2024-06-01') - 0.1);
});

test('only http(s) URLs become links', () => {
  assert.equal(safeHttpUrl('https://example.org/a b'), 'https://example.org/a%20b');
  assert.equal(safeHttpUrl('http://example.org'), 'http://example.org/');
  assert.equal(safeHttpUrl('javascript:alert(1)'), null);
  assert.equal(safeHttpUrl('data:text/html,hi'), null);
  assert.equal(safeHttpUrl('/relative'), null);
});

test('matched words are highlighted case-insensitively at word boundaries', () => {
  const quote = 'Azerbaijan’s Interior Ministry: ill-treatment by police; the U.S. said Ələsgərov was tortured. Policemen?';
  const marked = (matched) => matchRanges(quote, matched).map(([a, b]) => quote.slice(a, b));
  assert.deepEqual(marked(['police']), ['police'], 'not inside "Policemen"');
  assert.deepEqual(marked(['azerbaijan', 'ministry']), ['Azerbaijan', 'Ministry'], 'possessive dropped, capitals matched');
  assert.deepEqual(marked(['illtreatment']), ['ill-treatment'], 'hyphenated words are joined as the engine joins them');
  assert.deepEqual(marked(['alasgarov']), ['Ələsgərov'], 'accents folded as the engine folds them');
  assert.deepEqual(marked(['u.s.']), ['U.S'], 'dotted acronyms');
  assert.deepEqual(marked(['treatment']), ['treatment'], 'a part of a hyphenated word');
  assert.deepEqual(marked([]), []);
});
