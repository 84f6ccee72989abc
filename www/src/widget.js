// <claim-check>: the embeddable widget, built into one script (dist/claim-check.js)
// that loads claimcheck_bg.wasm from beside itself.
//
//   <script type="module" src="https://…/claim-check.js"></script>
//   <claim-check claim="…" bundle="https://…/bundle.ccb" compact></claim-check>
//
// Attributes: `claim` prefills the box and checks it; `bundle` is the URL of another
// bundle (JSON source or compiled .ccb) instead of the embedded default; `compact`
// shows a shorter result; `heading-level` (default 2) is the level of the verdict's
// heading, to fit the host page's outline; `report-url` (http(s) or mailto:) shows
// "Report a problem with this verdict", carrying the claim and verdict; `reviewer` (the
// newsroom's name) adds "Copy as ClaimReview", a draft of schema.org ClaimReview markup
// for an editor, with `review-url` as the address the fact-check will have (without
// them the draft says "EDITOR: …" there). Each result is dispatched as a `claimcheck:result` event
// (bubbles, composed; the result is `detail`) and reflected as `data-verdict` on the
// element. Renders into Shadow DOM; theme it with --cc-* custom properties.

import resultCss from './result.css';
import widgetCss from './widget.css';
import { claimReviewDraft, compileWasm, fetchBundle, openChecker, openDefaultChecker } from './checker-client.js';
import { el, verdictSummary } from './format.js';
import { LoadProgress } from './progress.js';
import { clearResult, renderResult } from './render.js';
import { copyText, reportLink } from './share.js';

const TYPING_PAUSE_MS = 250;

// The sha384 of claimcheck_bg.wasm, baked in by scripts/build-web.mjs: the wasm is
// fetched with Subresource Integrity, so a wasm other than this build's is refused.
const WASM_INTEGRITY = __WASM_INTEGRITY__;

// The checker's worker (checker-worker.js, built without imports), as text baked in by
// scripts/build-web.mjs. It runs from a Blob URL: a worker script must come from the
// page's own origin, and the widget's origin is the CDN's. It is covered by this
// script's own integrity hash, and it gets the wasm already compiled from the
// integrity-checked bytes, so Subresource Integrity holds inside the worker too.
const WORKER_SOURCE = __WORKER_SOURCE__;
let workerUrl;
function createWorker() {
  workerUrl ??= URL.createObjectURL(new Blob([WORKER_SOURCE], { type: 'text/javascript' }));
  return new Worker(workerUrl, { name: 'claimcheck' });
}

let wasmModule;
/** Compiles the wasm once for every widget on the page. */
function loadWasm() {
  wasmModule ??= (async () => {
    const wasmUrl = new URL('./claimcheck_bg.wasm', import.meta.url);
    let response;
    try {
      response = await fetch(wasmUrl, { integrity: WASM_INTEGRITY });
    } catch (error) {
      throw new Error(`${wasmUrl.href}: could not be fetched (${error.message}): the network is down, the server `
        + 'does not allow cross-origin requests, or the file is not the one built with this claim-check.js');
    }
    return compileWasm(response);
  })();
  wasmModule.catch(() => { wasmModule = null; });
  return wasmModule;
}

// One checker per bundle URL, shared by the widgets that name it; '' is the default.
// Each entry: {checker: Promise, progress: the latest progress report, listeners}.
const checkers = new Map();
function checkerFor(bundleUrl, onProgress) {
  let entry = checkers.get(bundleUrl);
  if (!entry) {
    entry = { progress: null, listeners: new Set() };
    const report = (p) => {
      entry.progress = p;
      for (const listener of entry.listeners) listener(p);
    };
    entry.checker = loadChecker(bundleUrl, report);
    checkers.set(bundleUrl, entry);
    // A failed load is not cached, so a later attempt (or another widget) retries.
    entry.checker.catch(() => checkers.delete(bundleUrl));
  }
  // A widget joining a load under way sees where it is.
  if (entry.progress) onProgress(entry.progress);
  entry.listeners.add(onProgress);
  const forget = () => entry.listeners.delete(onProgress);
  entry.checker.then(forget, forget);
  return entry.checker;
}

async function loadChecker(bundleUrl, onProgress) {
  const module = loadWasm();
  if (bundleUrl === '') return openDefaultChecker(await module);
  // The wasm compiles while the bundle downloads.
  const bytes = await fetchBundle(bundleUrl, onProgress);
  return openChecker({ bytes, name: bundleName(bundleUrl), module: await module, createWorker, onProgress });
}

/** The bundle's file name, to name it in verify messages. */
function bundleName(bundleUrl) {
  return new URL(bundleUrl).pathname.split('/').pop() || bundleUrl;
}

let sheet;
function styleSheet() {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(`${resultCss}\n${widgetCss}`);
  }
  return sheet;
}

let nextId = 0;
let nextChannel = 0;

export class ClaimCheckElement extends HTMLElement {
  static observedAttributes = ['claim', 'bundle', 'compact', 'heading-level', 'report-url', 'reviewer', 'review-url'];

  #checker = null;
  #loading = null; // the load we wait for; an older one finishing late is ignored
  #latest = 0; // the newest check; an older one finishing late is not shown
  #channel = `widget-${nextChannel++}`; // this widget's line to a checker shared with others
  #result = null;
  #typingTimer;
  #parts;

  /** The latest result shown, or null. */
  get result() {
    return this.#result;
  }

  connectedCallback() {
    if (!this.#parts) this.#build();
    if (!this.#loading) this.#load();
  }

  attributeChangedCallback(name, oldValue, newValue) {
    if (!this.#parts || oldValue === newValue) return;
    if (name === 'claim') {
      this.#parts.input.value = newValue ?? '';
      this.#check();
    } else if (name === 'bundle') {
      this.#load();
    } else if (name === 'compact' || name === 'heading-level' || name === 'report-url' || name === 'reviewer' || name === 'review-url') {
      this.#render();
    }
  }

  #build() {
    const root = this.attachShadow({ mode: 'open' });
    root.adoptedStyleSheets = [styleSheet()];
    const id = `cc-claim-${nextId++}`;

    const input = el('textarea', 'cc-input');
    input.id = id;
    input.rows = 2;
    input.autocomplete = 'off';
    input.value = this.getAttribute('claim') ?? '';
    const label = el('label', 'cc-label', 'Check a claim');
    label.htmlFor = id;
    const button = el('button', 'cc-primary', 'Check');
    button.type = 'submit';
    const form = el('form', 'cc-form', label, el('div', 'cc-row', input, button));
    form.setAttribute('part', 'form');

    const status = el('div', 'cc-status');
    status.setAttribute('role', 'status');
    const progress = new LoadProgress(status);
    const error = el('div', 'cc-error');
    error.setAttribute('role', 'alert');
    const result = el('div', 'cc-result');
    result.setAttribute('part', 'result');
    const announcer = el('p', 'cc-visually-hidden');
    announcer.setAttribute('aria-live', 'polite');
    const report = el('div', 'cc-report-box');
    // "Copy as ClaimReview", for newsrooms that name themselves (`reviewer`).
    const copyReview = el('button', 'cc-secondary cc-copy-claimreview', 'Copy as ClaimReview');
    copyReview.type = 'button';
    copyReview.title = 'A draft of schema.org ClaimReview markup for an editor to review';
    const copyStatus = el('p', 'cc-copy-status');
    copyStatus.setAttribute('role', 'status');
    const share = el('div', 'cc-share', copyReview, copyStatus);
    share.hidden = true;
    copyReview.addEventListener('click', async () => {
      if (!this.#result) return;
      try {
        const text = await claimReviewDraft(this.#result, { reviewer: this.getAttribute('reviewer') ?? '', url: this.getAttribute('review-url') ?? '' });
        await copyText(text, 'ClaimReview draft copied: an editor should review it before it is published.', 'The ClaimReview draft', copyStatus);
      } catch (failure) {
        copyStatus.textContent = `The ClaimReview draft could not be made: ${failure?.message ?? failure}`;
      }
    });
    const footer = el('p', 'cc-footer');

    const wrapper = el('div', 'cc-root cc-widget', form, status, progress.node, error, result, report, share, announcer, footer);
    wrapper.setAttribute('part', 'root');
    root.append(wrapper);
    this.#parts = { input, status, progress, error, result, report, share, copyStatus, announcer, footer };

    input.addEventListener('input', () => {
      clearTimeout(this.#typingTimer);
      this.#typingTimer = setTimeout(() => this.#check(), TYPING_PAUSE_MS);
    });
    input.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
        event.preventDefault();
        this.#check();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      this.#check();
    });
  }

  async #load() {
    const bundleUrl = this.#bundleUrl();
    const { status, progress, error, footer } = this.#parts;
    const token = {};
    this.#loading = token;
    this.#checker = null;
    this.#result = null;
    clearResult(this.#parts.result);
    this.removeAttribute('data-verdict');
    error.replaceChildren();
    footer.textContent = '';
    progress.hide();
    status.textContent = bundleUrl ? 'Loading the bundle…' : 'Loading…';
    const showProgress = (p) => {
      if (this.#loading === token) progress.update(p);
    };
    const loading = bundleUrl instanceof Error ? Promise.reject(bundleUrl) : checkerFor(bundleUrl, showProgress);
    try {
      const checker = await loading;
      if (this.#loading !== token) return;
      this.#checker = checker;
      progress.hide();
      status.textContent = '';
      const { info } = checker;
      const factChecks = info.reviews ? ` and ${info.reviews} published fact-check${info.reviews === 1 ? '' : 's'}` : '';
      footer.textContent = `Checked against “${info.title}”: ${info.statements} sourced statements${factChecks}. claimcheck runs in your browser.`;
      this.#check();
    } catch (failure) {
      if (this.#loading !== token) return;
      progress.hide();
      status.textContent = '';
      const message = String(failure?.message ?? failure);
      // The wasm comes from beside claim-check.js; a bundle from its own URL.
      const wasm = /claimcheck_bg\.wasm/.test(message);
      error.replaceChildren(
        el('p', 'cc-error-title', wasm ? 'claimcheck could not start.' : 'This bundle could not be loaded.'),
        el('p', 'cc-error-message', explainFetchFailure(message, bundleUrl, wasm)),
      );
    }
  }

  /** The bundle attribute as an absolute URL ('' for the default), or an Error. */
  #bundleUrl() {
    const value = this.getAttribute('bundle');
    if (value === null || value.trim() === '') return '';
    try {
      return new URL(value, document.baseURI).href;
    } catch {
      return new Error(`"${value}" is not a URL`);
    }
  }

  async #check() {
    clearTimeout(this.#typingTimer);
    if (!this.#checker) return; // checked as soon as the bundle is loaded
    const checker = this.#checker;
    const claim = this.#parts.input.value;
    const seq = ++this.#latest;
    if (claim.trim() === '') {
      this.#result = null;
      this.#render();
      return;
    }
    let result;
    try {
      result = await checker.check(claim, this.#channel);
    } catch (failure) {
      if (seq !== this.#latest) return;
      this.#parts.error.replaceChildren(
        el('p', 'cc-error-title', 'The check failed.'),
        el('p', 'cc-error-message', String(failure?.message ?? failure)),
      );
      return;
    }
    // A newer claim is on its way, or the bundle changed meanwhile.
    if (result === null || seq !== this.#latest || checker !== this.#checker) return;
    this.#result = result;
    this.#render();
    this.dispatchEvent(new CustomEvent('claimcheck:result', { detail: this.#result, bubbles: true, composed: true }));
  }

  #render() {
    const { result: box, announcer, report, share, copyStatus } = this.#parts;
    report.replaceChildren();
    copyStatus.replaceChildren();
    share.hidden = !this.#result || !this.hasAttribute('reviewer');
    if (!this.#result) {
      clearResult(box);
      this.removeAttribute('data-verdict');
      announcer.textContent = '';
      return;
    }
    const level = Number(this.getAttribute('heading-level'));
    const headingLevel = Number.isInteger(level) && level >= 1 && level <= 5 ? level : 2;
    const checker = this.#checker;
    renderResult(box, this.#result, {
      compact: this.hasAttribute('compact'),
      headingLevel,
      claim: this.#parts.input.value,
      checkSentence: (text) => checker.check(text, `${this.#channel}:sentence:${text}`),
    });
    const reportUrl = this.getAttribute('report-url');
    const link = reportUrl ? reportLink(reportUrl, this.#parts.input.value, this.#result) : null;
    if (link) report.append(link);
    this.setAttribute('data-verdict', this.#result.verdict);
    const summary = verdictSummary(this.#result);
    if (announcer.textContent !== summary) announcer.textContent = summary;
  }
}

/**
 * A failed fetch says only "Failed to fetch"; across origins the usual cause is a server
 * that does not send Access-Control-Allow-Origin for this site. Said so in the widget, in
 * words a newsroom can act on, not only in the console.
 */
function explainFetchFailure(message, bundleUrl, wasm) {
  if (!/could not be fetched/.test(message)) return message;
  const url = wasm ? new URL('./claimcheck_bg.wasm', import.meta.url).href : bundleUrl;
  const crossOrigin = (() => {
    try {
      return new URL(url).origin !== location.origin;
    } catch {
      return false;
    }
  })();
  const why = crossOrigin
    ? `the server did not allow this site (CORS: it must send Access-Control-Allow-Origin for ${location.origin}), or the network is down`
    : 'the network is down or the server did not answer';
  return `The ${wasm ? 'engine' : 'bundle'} at ${url} could not be read: ${why}.\n${message}`;
}

if (!customElements.get('claim-check')) customElements.define('claim-check', ClaimCheckElement);
