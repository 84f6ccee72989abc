// The reader page: a claim box that checks as you type, example claims, the claim kept
// in the URL fragment (#claim=…) so a result can be linked, and results announced to
// screen readers. The same code runs served (page.js) and offline (offline.js); only
// the way the wasm arrives differs.

import { claimReviewDraft, fetchBundle, openChecker, openDefaultChecker } from './checker-client.js';
import { el, plainSummary, verdictSummary, VERDICT_LABELS } from './format.js';
import { LoadProgress } from './progress.js';
import { startPymChild } from './pym-child.js';
import { clearResult, renderResult, smoothOrNot } from './render.js';
import { copyText, reportLink, resultText } from './share.js';

const TYPING_PAUSE_MS = 250;
/** A #claim= link carries at most this many bytes of claim (UTF-8). */
export const LINK_CLAIM_BYTES = 2000;
const PAGE_TITLE = document.title;

/**
 * @param {{compileWasm: () => Promise<WebAssembly.Module>, createWorker?: () => Worker}} options
 *   createWorker is given by the served page only: there `?bundle=URL` loads another
 *   bundle (same site), checked in a worker when it is big. The offline file has no
 *   network and only its embedded bundle.
 */
export async function startReader({ compileWasm, createWorker }) {
  const $ = (id) => document.getElementById(id);
  const form = $('claim-form');
  const input = $('claim');
  const resultBox = $('result');
  const status = $('status');
  const announcer = $('announce');
  const copyButton = $('copy-link');
  const copyResultButton = $('copy-result');
  const copyStatus = $('copy-status');
  const reportBox = $('report');
  let shown = null; // {claim, result} on screen
  let revealNext = false; // a check from an example or a link: bring the verdict into view
  // The newsroom's "report a problem" address: <meta name="claimcheck:report-url">.
  const reportUrl = document.querySelector('meta[name="claimcheck:report-url"]')?.content || '';
  // "Copy as ClaimReview": the newsroom's name and the address the fact-check will have,
  // <meta name="claimcheck:reviewer"> and <meta name="claimcheck:review-url">.
  const reviewer = document.querySelector('meta[name="claimcheck:reviewer"]')?.content || '';
  const reviewUrl = document.querySelector('meta[name="claimcheck:review-url"]')?.content || '';
  const copyClaimReviewButton = $('copy-claimreview');
  // Opened from disk, a link would be a file:// address useless to anyone else: the
  // button copies the claim and the result instead.
  const offline = location.protocol === 'file:';
  if (offline) copyButton.hidden = true;
  const printButton = $('print-result');
  printButton.addEventListener('click', () => window.print());
  // Says when a link cannot carry the whole claim.
  const linkNote = el('p', 'cc-hint cc-link-note');
  linkNote.id = 'link-note';
  linkNote.hidden = true;
  form.querySelector('.cc-actions').after(linkNote);
  const showActions = (claim) => {
    copyResultButton.hidden = !shown;
    copyClaimReviewButton.hidden = !shown;
    printButton.hidden = !shown;
    const cut = !offline && shown && capClaim(claim).cut;
    linkNote.hidden = !cut;
    linkNote.textContent = cut ? `The claim is longer than ${LINK_CLAIM_BYTES.toLocaleString('en')} bytes: its link carries only the first ${LINK_CLAIM_BYTES.toLocaleString('en')}.` : '';
  };
  showActions('');
  const progress = new LoadProgress(status);
  status.after(progress.node);

  startPymChild();

  let checker = null;
  let lastAnnounced = '';
  let typingTimer;
  let latest = 0; // the newest check; an older one finishing late is not shown

  async function check() {
    clearTimeout(typingTimer);
    if (!checker) return; // checked as soon as the bundle is ready
    const claim = input.value;
    const seq = ++latest;
    if (claim.trim() === '') {
      setFragment(claim);
      clearResult(resultBox);
      shown = null;
      showActions(claim);
      document.title = PAGE_TITLE;
      reportBox.replaceChildren();
      lastAnnounced = '';
      announcer.textContent = '';
      return;
    }
    let result;
    try {
      result = await checker.check(claim);
    } catch (error) {
      showFailure(status, 'The check failed', error);
      return;
    }
    if (result === null || seq !== latest) return; // a newer claim is on its way
    // The fragment changes with the result, so a link always shows what it says.
    setFragment(claim);
    shown = { claim, result };
    showActions(claim);
    renderResult(resultBox, result, { claim, checkSentence: (text) => checker.check(text, `sentence:${text}`) });
    document.title = `${VERDICT_LABELS[result.verdict]}: “${shorten(claim, 70)}” — claimcheck`;
    reportBox.replaceChildren(...(reportUrl ? [reportLink(reportUrl, claim, result)] : []));
    if (revealNext) {
      revealNext = false;
      revealVerdict(resultBox);
    }
    // Announce only when the summary changes, so typing does not repeat it endlessly.
    const summary = `${verdictSummary(result)}. ${plainSummary(result)}`;
    if (summary !== lastAnnounced) {
      announcer.textContent = summary;
      lastAnnounced = summary;
    }
  }

  input.addEventListener('input', () => {
    clearTimeout(typingTimer);
    typingTimer = setTimeout(check, TYPING_PAUSE_MS);
  });
  input.addEventListener('keydown', (event) => {
    // Enter checks at once; Shift+Enter still makes a new line; IME composition is left alone.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      check();
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    check();
  });
  for (const button of document.querySelectorAll('[data-example]')) {
    button.addEventListener('click', () => {
      input.value = button.dataset.example;
      revealNext = true;
      check();
    });
  }
  window.addEventListener('hashchange', () => {
    const claim = claimFromFragment();
    if (claim !== null && claim !== input.value && claim !== capClaim(input.value).text) {
      input.value = claim;
      revealNext = true;
      check();
    }
  });
  copyButton.addEventListener('click', () => copyLink(input.value, copyStatus));
  copyClaimReviewButton.addEventListener('click', async () => {
    if (!shown) return;
    const text = await claimReviewDraft(shown.result, { reviewer, url: reviewUrl });
    copyText(text, 'ClaimReview draft copied: an editor should review it before it is published.', 'The ClaimReview draft', copyStatus);
  });
  copyResultButton.addEventListener('click', () => {
    if (shown) copyText(resultText(shown.claim, shown.result), 'Result copied.', 'The result', copyStatus);
  });

  const linked = claimFromFragment();
  if (linked !== null) {
    input.value = linked;
    revealNext = true;
  }

  const params = new URLSearchParams(location.search);
  const bundleParam = createWorker ? params.get('bundle') : null;
  try {
    const module = await compileWasm();
    if (bundleParam) {
      // The examples are about the default bundle.
      document.querySelector('.cc-examples')?.setAttribute('hidden', '');
      const url = sameSiteUrl(bundleParam);
      const bytes = await fetchBundle(url, (p) => progress.update(p), { sameOrigin: true });
      checker = await openChecker({
        bytes,
        name: new URL(url).pathname.split('/').pop() || url,
        module,
        createWorker,
        onProgress: (p) => progress.update(p),
        thread: params.get('thread') === 'main' ? 'main' : 'auto',
      });
    } else {
      checker = await openDefaultChecker(module);
    }
  } catch (error) {
    progress.hide();
    showFailure(status, bundleParam ? 'This bundle could not be loaded' : 'The checker could not start', error);
    throw error;
  }
  progress.hide();
  status.textContent = '';
  showBundleInfo($('bundle-info'), checker.info, bundleParam ? checker : null);
  // A linked claim, or one the browser restored into the text area (back/forward).
  if (input.value.trim() !== '') check();
}

/**
 * The ?bundle= value as an absolute URL on this page's own origin. Only the site that
 * serves the page chooses what it presents as sourced statements: a link elsewhere
 * cannot make this page show someone else's bundle. (The widget's `bundle` attribute is
 * set by the page that embeds it, so it may point anywhere.)
 */
function sameSiteUrl(value) {
  let url;
  try {
    url = new URL(value, location.href);
  } catch {
    throw new Error(`"${value}" is not a URL`);
  }
  if (url.origin !== location.origin) {
    throw new Error(`${url.href}: this page loads bundles from its own site (${location.origin}) only; use the <claim-check> widget for bundles hosted elsewhere`);
  }
  return url.href;
}

function showFailure(status, what, error) {
  status.textContent = `${what}: ${error?.message || error}`;
  status.classList.add('cc-error');
}

/**
 * The claim a #claim= link carries, at most LINK_CLAIM_BYTES of it: a crafted link of
 * megabytes would otherwise fill the box and be checked again at every keystroke. Only
 * the start of the fragment is parsed (a byte is at most 3 characters percent-encoded).
 */
function claimFromFragment() {
  const claim = new URLSearchParams(location.hash.slice(1, 16 + 3 * LINK_CLAIM_BYTES)).get('claim');
  return claim === null ? null : capClaim(claim).text;
}

/** The claim cut to LINK_CLAIM_BYTES of UTF-8 at a character boundary, and whether it was cut. */
export function capClaim(claim) {
  const bytes = new TextEncoder().encode(claim);
  if (bytes.length <= LINK_CLAIM_BYTES) return { text: claim, cut: false };
  // fatal: false drops a split character at the end; trim the replacement it leaves.
  const text = new TextDecoder().decode(bytes.slice(0, LINK_CLAIM_BYTES)).replace(/\uFFFD$/, '');
  return { text, cut: true };
}

function linkFor(claim) {
  const url = new URL(location.href);
  url.hash = claim.trim() === '' ? '' : `claim=${encodeURIComponent(capClaim(claim).text)}`;
  return url.href;
}

function shorten(text, max) {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1).trimEnd()}…`;
}

/**
 * After a check the reader did not type (an example, a shared link), brings the verdict
 * into view when it is below the fold, as on a phone; no animation under reduced motion.
 */
function revealVerdict(resultBox) {
  // A published fact-check of the claim comes first: bring it into view, not past it.
  const banner = resultBox.querySelector('.cc-factchecks') || resultBox.querySelector('.cc-verdict');
  // In an iframe (pym.js) scrolling would move the host's article: never.
  if (!banner || window.parent !== window) return;
  const { top, bottom } = banner.getBoundingClientRect();
  if (top >= 0 && bottom <= window.innerHeight) return;
  banner.scrollIntoView({ block: 'start', behavior: smoothOrNot() });
}

/** Keeps the URL fragment in step with the claim without adding history entries. */
function setFragment(claim) {
  const href = linkFor(claim);
  if (href !== location.href) history.replaceState(null, '', href);
}

async function copyLink(claim, statusNode) {
  const cut = capClaim(claim).cut;
  const note = cut ? ` It carries the first ${LINK_CLAIM_BYTES.toLocaleString('en')} bytes of the claim.` : '';
  await copyText(linkFor(claim), `Link copied.${note}`, `This link${cut ? ` (the first ${LINK_CLAIM_BYTES.toLocaleString('en')} bytes of the claim)` : ''}`, statusNode);
}

function showBundleInfo(node, info, checker) {
  node.textContent = `Bundle: ${info.title} — ${info.sources} sources, ${info.statements} statements, `
    + `${info.relations} curated relations${info.reviews ? `, ${info.reviews} published fact-check${info.reviews === 1 ? '' : 's'}` : ''}. Language: ${info.language}.`
    + (checker ? ` Checked in ${checker.inWorker ? 'a background worker' : 'this page'}.` : '');
}
