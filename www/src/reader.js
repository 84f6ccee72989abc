// The reader page: a claim box that checks as you type, example claims, the claim kept
// in the URL fragment (#claim=…) so a result can be linked, and results announced to
// screen readers. The same code runs served (page.js) and offline (offline.js); only
// the way the wasm arrives differs.

import init, { Checker } from '../../pkg/claimcheck.js';
import { el, verdictSummary } from './format.js';
import { startPymChild } from './pym-child.js';
import { clearResult, renderResult } from './render.js';

const TYPING_PAUSE_MS = 250;

/** @param {object} wasmSource what wasm-bindgen's init takes: {module_or_path: URL | bytes} */
export async function startReader(wasmSource) {
  const $ = (id) => document.getElementById(id);
  const form = $('claim-form');
  const input = $('claim');
  const resultBox = $('result');
  const status = $('status');
  const announcer = $('announce');
  const copyButton = $('copy-link');
  const copyStatus = $('copy-status');

  startPymChild();

  let checker;
  try {
    await init(wasmSource);
    checker = new Checker();
  } catch (error) {
    status.textContent = `The checker could not start: ${error.message || error}`;
    status.classList.add('cc-error');
    throw error;
  }
  status.textContent = '';
  showBundleInfo($('bundle-info'), checker.bundleInfo());

  let lastAnnounced = '';
  let typingTimer;

  function check() {
    clearTimeout(typingTimer);
    const claim = input.value;
    setFragment(claim);
    if (claim.trim() === '') {
      clearResult(resultBox);
      lastAnnounced = '';
      announcer.textContent = '';
      return;
    }
    const result = checker.check(claim);
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
  if (linked !== null) {
    input.value = linked;
    check();
  } else if (input.value.trim() !== '') {
    // A claim the browser restored into the text area (back/forward navigation).
    check();
  }
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

function showBundleInfo(node, info) {
  node.textContent = `Bundle: ${info.title} — ${info.sources} sources, ${info.statements} statements, `
    + `${info.relations} curated relations. Language: ${info.language}.`;
}
