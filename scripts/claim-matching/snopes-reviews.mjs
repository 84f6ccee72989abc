// CLEF CheckThat! 2022 Task 2A's verified claims (Snopes fact-checks) as reviews, for
// measuring claim matching. Evaluation data: read from ../shared, written to a scratch
// folder, never into the project.
//
//   node scripts/claim-matching/snopes-reviews.mjs [--bundle] VCLAIMS.jsonl OUT
//
// Writes schema.org ClaimReview JSON-LD (an array, as a newsroom's feed would be; import it
// with `claimcheck bundle import-reviews`), or with --bundle a claimcheck-bundle/2 JSON.
// Snopes's subtitle (the article's dek) is the review's `description`, as on snopes.com.
// The data has no ratings: every review gets the rating "Not given in the benchmark data".
// Most claims have no url; Snopes's pattern (https://www.snopes.com/fact-check/<slug>/),
// which every given url follows, stands in for them.
import { readFileSync, writeFileSync } from 'node:fs';

const args = process.argv.slice(2);
const bundle = args[0] === '--bundle';
const [input, output] = bundle ? args.slice(1) : args;
if (!input || !output) {
  console.error('usage: snopes-reviews.mjs [--bundle] VCLAIMS.jsonl OUT');
  process.exit(2);
}
const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
function isoDate(text) {
  const m = /^(\d{1,2}) (\w+) (\d{4})$/.exec((text || '').trim());
  if (!m || !months.includes(m[2])) return '2000';
  const month = String(months.indexOf(m[2]) + 1).padStart(2, '0');
  return `${m[3]}-${month}-${m[1].padStart(2, '0')}`;
}
const RATING = 'Not given in the benchmark data';
const claims = readFileSync(input, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const url = (c) => c.url || `https://www.snopes.com/fact-check/${c.id.replace(/^vclaim-sno-/, '')}/`;
if (bundle) {
  const reviews = claims.map((c) => ({
    id: c.id, claim: c.claim.trim(), reviewer: 'Snopes', reviewed: isoDate(c.date), rating: RATING, url: url(c),
    ...(c.title.trim() ? { title: c.title.trim() } : {}),
    ...(c.subtitle.trim() ? { summary: c.subtitle.trim() } : {}),
  }));
  writeFileSync(output, JSON.stringify({ format: 'claimcheck-bundle/2', title: 'CheckThat! 2022 verified claims', language: 'en', reviews }));
} else {
  const feed = claims.map((c) => ({
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    '@id': c.id,
    url: url(c),
    claimReviewed: c.claim.trim(),
    ...(c.title.trim() ? { headline: c.title.trim() } : {}),
    ...(c.subtitle.trim() ? { description: c.subtitle.trim() } : {}),
    author: { '@type': 'Organization', name: 'Snopes', url: 'https://www.snopes.com/' },
    datePublished: isoDate(c.date),
    reviewRating: { '@type': 'Rating', alternateName: RATING },
  }));
  writeFileSync(output, JSON.stringify(feed));
}
console.log(`${output}: ${claims.length} reviews`);
