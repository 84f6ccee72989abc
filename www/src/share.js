// What leaves the page: the result as plain text for the clipboard ("Copy result", and
// "Copy" in the offline file, where a link would be a file:// address), and the
// newsroom's "Report a problem with this verdict" link.

import { VERDICT_LABELS, confidenceWord, el, formatDate, plainSummary, safeHttpUrl } from './format.js';

/** The rating words and 1-5 value of a verdict, as `claimcheck check --claimreview` writes them. */
const CLAIMREVIEW_RATINGS = {
  supported: ['Supported by the record', 5],
  disputed: ['Disputed: the record is divided', 3],
  contradicted: ['Contradicted by the record', 1],
  no_evidence: ['No evidence in this bundle', null],
};

/**
 * The check as draft schema.org ClaimReview JSON-LD, the same shape as the CLI's
 * `check --claimreview` (src/reviews/claimreview.rs): for an editor to review and
 * complete before it is published. `reviewer` and `url` come from the newsroom's page
 * (meta claimcheck:reviewer and claimcheck:review-url); when missing they say so.
 */
export function claimReviewText(claim, result, { reviewer, url, date }) {
  const [words, value] = CLAIMREVIEW_RATINGS[result.verdict] || CLAIMREVIEW_RATINGS.no_evidence;
  const rating = { '@type': 'Rating', alternateName: words };
  if (value !== null) Object.assign(rating, { ratingValue: value, bestRating: 5, worstRating: 1 });
  const item = { '@type': 'Claim' };
  const known = (result.reviews || []).find((r) => r.relation === 'same' && r.claimant);
  if (known) item.author = { '@type': 'Organization', name: known.claimant };
  const citation = [];
  for (const e of result.evidence) {
    const href = safeHttpUrl(e.source.url);
    if (e.stance === 'related' || !href || citation.some((c) => c.url === e.source.url)) continue;
    const cite = { '@type': 'CreativeWork', url: e.source.url, name: e.source.title, publisher: { '@type': 'Organization', name: e.source.publisher } };
    if (e.source.published) cite.datePublished = e.source.published;
    citation.push(cite);
  }
  const review = {
    '@context': 'https://schema.org',
    '@type': 'ClaimReview',
    url: safeHttpUrl(url || '') || 'https://example.org/EDITOR-the-address-of-your-fact-check',
    claimReviewed: claim.trim(),
    itemReviewed: item,
    author: { '@type': 'Organization', name: (reviewer || '').trim() || 'EDITOR: your organisation' },
    datePublished: date,
    reviewRating: rating,
  };
  if (citation.length) review.citation = citation;
  return JSON.stringify(review, null, 2);
}

/** How many evidence items the copied text lists. */
const COPIED_EVIDENCE = 5;

/** The claim, the verdict in words and the decisive evidence with their sources, as plain text. */
export function resultText(claim, result) {
  const lines = [`Claim: “${claim.trim()}”`, `Verdict: ${VERDICT_LABELS[result.verdict] || result.verdict}`];
  if (result.verdict !== 'no_evidence') lines.push(`Confidence: ${confidenceWord(result.confidence)}`);
  lines.push(plainSummary(result));
  const decisive = result.evidence.filter((item) => item.stance !== 'related');
  const listed = (decisive.length ? decisive : result.evidence).slice(0, COPIED_EVIDENCE);
  if (listed.length) lines.push('', 'Evidence:');
  for (const item of listed) {
    const when = item.date ? `, ${formatDate(item.date)}` : '';
    const stance = { supports: 'Supports', contradicts: 'Contradicts', related: 'Related' }[item.stance] || item.stance;
    lines.push(`- ${stance}: “${item.quote}” — ${item.speaker}${when}`);
    const url = safeHttpUrl(item.source.url);
    lines.push(`  Source: ${item.source.title || item.source.publisher}${url ? ` ${url}` : ''}`);
  }
  lines.push('', 'Checked with claimcheck against a bundle of sourced statements.');
  return lines.join('\n');
}

/**
 * "Report a problem with this verdict": the newsroom's address with the claim and the
 * verdict as query parameters (a mailto: address gets them as subject and body). Only
 * http(s) and mailto: addresses are used.
 */
export function reportLink(base, claim, result) {
  const href = reportHref(base, claim, result);
  if (!href) return null;
  const link = el('a', 'cc-report-link', 'Report a problem with this verdict');
  link.href = href;
  if (!href.startsWith('mailto:')) {
    link.target = '_blank';
    link.rel = 'noopener';
    link.append(el('span', 'cc-visually-hidden', ' (opens in a new tab)'));
  }
  return el('p', 'cc-report', link);
}

export function reportHref(base, claim, result) {
  const text = claim.trim().slice(0, 2000);
  if (/^mailto:/i.test(base)) {
    const subject = `claimcheck: a problem with the verdict "${VERDICT_LABELS[result.verdict]}"`;
    const body = `Claim: ${text}\nVerdict: ${result.verdict}\n\nWhat is wrong:\n`;
    const join = base.includes('?') ? '&' : '?';
    return `${base}${join}subject=${encodeURIComponent(subject)}&body=${encodeURIComponent(body)}`;
  }
  let url;
  try {
    url = new URL(base, document.baseURI);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  url.searchParams.set('claim', text);
  url.searchParams.set('verdict', result.verdict);
  return url.href;
}
