// What leaves the page: the result as plain text for the clipboard ("Copy result", and
// "Copy" in the offline file, where a link would be a file:// address), copying with a
// fallback, and the newsroom's "Report a problem with this verdict" link. The "Copy as
// ClaimReview" draft is made by the wasm (checker-client.js `claimReviewDraft`).

import { VERDICT_LABELS, confidenceWord, el, formatDate, plainSummary, safeHttpUrl } from './format.js';

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

/**
 * Copies `text`, then says `done` in `statusNode`. Without clipboard access (an iframe
 * without permission, a file:// page, an old browser) the text is shown selected in a
 * field labelled `what`, so the reader can copy it by hand.
 */
export async function copyText(text, done, what, statusNode) {
  try {
    await navigator.clipboard.writeText(text);
    statusNode.textContent = done;
  } catch {
    const field = el(text.includes('\n') ? 'textarea' : 'input', 'cc-link-field');
    field.readOnly = true;
    field.value = text;
    field.setAttribute('aria-label', what);
    statusNode.replaceChildren(`${what}, to copy: `, field);
    field.focus();
    field.select();
  }
}
