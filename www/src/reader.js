// The reader page: a claim box that checks as you type, example claims, the claim kept
// in the URL fragment (#claim=…) so a result can be linked, and results announced to
// screen readers. The same code runs served (page.js) and offline (offline.js); only
// the way the wasm arrives differs.

import { fetchBundle, openChecker, openDefaultChecker } from './checker-client.js';
import { el, verdictSummary } from './format.js';
import { LoadProgress } from './progress.js';
import { startPymChild } from './pym-child.js';
import { clearResult, renderResult } from './render.js';

const TYPING_PAUSE_MS = 250;

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
  const copyStatus = $('copy-status');
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
    renderResult(resultBox, result);
    // Announce only when the summary changes, so typing does not repeat it endlessly.
    const n = result.evidence.length;
    const summary = `${verdictSummary(result)}. ${n} piece${n === 1 ? '' : 's'} of evidence.`;
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
      check();
    });
  }
  window.addEventListener('hashchange', () => {
    const claim = claimFromFragment();
    if (claim !== null && claim !== input.value) {
      input.value = claim;
      check();
    }
  });
  copyButton.addEventListener('click', () => copyLink(input.value, copyStatus));

  const linked = claimFromFragment();
  if (linked !== null) input.value = linked;

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

function claimFromFragment() {
  return new URLSearchParams(location.hash.slice(1)).get('claim');
}

function linkFor(claim) {
  const url = new URL(location.href);
  url.hash = claim.trim() === '' ? '' : `claim=${encodeURIComponent(claim)}`;
  return url.href;
}

/** Keeps the URL fragment in step with the claim without adding history entries. */
function setFragment(claim) {
  const href = linkFor(claim);
  if (href !== location.href) history.replaceState(null, '', href);
}

async function copyLink(claim, statusNode) {
  const href = linkFor(claim);
  try {
    await navigator.clipboard.writeText(href);
    statusNode.textContent = 'Link copied.';
  } catch {
    // No clipboard access (an iframe without permission, an old browser): show the link
    // selected, so the reader can copy it by hand.
    const field = el('input', 'cc-link-field');
    field.readOnly = true;
    field.value = href;
    field.setAttribute('aria-label', 'Link to this result');
    statusNode.replaceChildren('Copy this link: ', field);
    field.focus();
    field.select();
  }
}

function showBundleInfo(node, info, checker) {
  node.textContent = `Bundle: ${info.title} — ${info.sources} sources, ${info.statements} statements, `
    + `${info.relations} curated relations. Language: ${info.language}.`
    + (checker ? ` Checked in ${checker.inWorker ? 'a background worker' : 'this page'}.` : '');
}
