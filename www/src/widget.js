// <claim-check>: the embeddable widget, built into one script (dist/claim-check.js)
// that loads claimcheck_bg.wasm from beside itself.
//
//   <script type="module" src="https://…/claim-check.js"></script>
//   <claim-check claim="…" bundle="https://…/bundle.ccb" compact></claim-check>
//
// Attributes: `claim` prefills the box and checks it; `bundle` is the URL of another
// bundle (JSON source or compiled .ccb) instead of the embedded default; `compact`
// shows a shorter result; `heading-level` (default 2) is the level of the verdict's
// heading, to fit the host page's outline. Each result is dispatched as a `claimcheck:result` event
// (bubbles, composed; the result is `detail`) and reflected as `data-verdict` on the
// element. Renders into Shadow DOM; theme it with --cc-* custom properties.

import init, { Checker } from '../../pkg/claimcheck.js';
import resultCss from './result.css';
import widgetCss from './widget.css';
import { el, verdictSummary } from './format.js';
import { clearResult, renderResult } from './render.js';

const TYPING_PAUSE_MS = 250;

// The sha384 of claimcheck_bg.wasm, baked in by scripts/build-web.mjs: the wasm is
// fetched with Subresource Integrity, so a wasm other than this build's is refused.
const WASM_INTEGRITY = __WASM_INTEGRITY__;

let wasmReady;
/** Instantiates the wasm once for every widget on the page. */
function loadWasm() {
  wasmReady ??= (async () => {
    const wasmUrl = new URL('./claimcheck_bg.wasm', import.meta.url);
    let response;
    try {
      response = await fetch(wasmUrl, { integrity: WASM_INTEGRITY });
    } catch (error) {
      throw new Error(`${wasmUrl.href}: could not be fetched (${error.message}): the network is down, the server `
        + 'does not allow cross-origin requests, or the file is not the one built with this claim-check.js');
    }
    if (!response.ok) throw new Error(`${wasmUrl.href}: HTTP ${response.status} ${response.statusText}`.trim());
    return init({ module_or_path: response });
  })();
  return wasmReady;
}

// One checker per bundle URL, shared by the widgets that name it; '' is the default.
const checkers = new Map();
function checkerFor(bundleUrl) {
  let checker = checkers.get(bundleUrl);
  if (!checker) {
    checker = loadChecker(bundleUrl);
    checkers.set(bundleUrl, checker);
    // A failed load is not cached, so a later attempt (or another widget) retries.
    checker.catch(() => checkers.delete(bundleUrl));
  }
  return checker;
}

async function loadChecker(bundleUrl) {
  await loadWasm();
  if (bundleUrl === '') return new Checker();
  let response;
  try {
    response = await fetch(bundleUrl);
  } catch (error) {
    // Browsers say only "Failed to fetch"; the usual causes are these.
    throw new Error(`${bundleUrl}: could not be fetched (${error.message}): the network is down, or the server `
      + 'does not allow cross-origin requests (Access-Control-Allow-Origin)');
  }
  if (!response.ok) throw new Error(`${bundleUrl}: HTTP ${response.status} ${response.statusText}`.trim());
  const bytes = new Uint8Array(await response.arrayBuffer());
  return Checker.fromBytes(bytes, bundleName(bundleUrl));
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

export class ClaimCheckElement extends HTMLElement {
  static observedAttributes = ['claim', 'bundle', 'compact', 'heading-level'];

  #checker = null;
  #loading = null; // the load we wait for; an older one finishing late is ignored
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
    } else if (name === 'compact' || name === 'heading-level') {
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
    const error = el('div', 'cc-error');
    error.setAttribute('role', 'alert');
    const result = el('div', 'cc-result');
    result.setAttribute('part', 'result');
    const announcer = el('p', 'cc-visually-hidden');
    announcer.setAttribute('aria-live', 'polite');
    const footer = el('p', 'cc-footer');

    const wrapper = el('div', 'cc-root cc-widget', form, status, error, result, announcer, footer);
    wrapper.setAttribute('part', 'root');
    root.append(wrapper);
    this.#parts = { input, status, error, result, announcer, footer };

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
    const { status, error, footer } = this.#parts;
    const loading = bundleUrl instanceof Error ? Promise.reject(bundleUrl) : checkerFor(bundleUrl);
    this.#loading = loading;
    this.#checker = null;
    this.#result = null;
    clearResult(this.#parts.result);
    this.removeAttribute('data-verdict');
    error.replaceChildren();
    footer.textContent = '';
    status.textContent = bundleUrl ? 'Loading the bundle…' : 'Loading…';
    try {
      const checker = await loading;
      if (this.#loading !== loading) return;
      this.#checker = checker;
      status.textContent = '';
      const info = checker.bundleInfo();
      footer.textContent = `Checked against “${info.title}”: ${info.statements} sourced statements. claimcheck runs in your browser.`;
      this.#check();
    } catch (failure) {
      if (this.#loading !== loading) return;
      status.textContent = '';
      error.replaceChildren(
        el('p', 'cc-error-title', 'This bundle could not be loaded.'),
        el('p', 'cc-error-message', String(failure?.message ?? failure)),
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

  #check() {
    clearTimeout(this.#typingTimer);
    if (!this.#checker) return; // checked as soon as the bundle is loaded
    const claim = this.#parts.input.value;
    if (claim.trim() === '') {
      this.#result = null;
      this.#render();
      return;
    }
    this.#result = this.#checker.check(claim);
    this.#render();
    this.dispatchEvent(new CustomEvent('claimcheck:result', { detail: this.#result, bubbles: true, composed: true }));
  }

  #render() {
    const { result: box, announcer } = this.#parts;
    if (!this.#result) {
      clearResult(box);
      this.removeAttribute('data-verdict');
      announcer.textContent = '';
      return;
    }
    const level = Number(this.getAttribute('heading-level'));
    const headingLevel = Number.isInteger(level) && level >= 1 && level <= 5 ? level : 2;
    renderResult(box, this.#result, { compact: this.hasAttribute('compact'), headingLevel });
    this.setAttribute('data-verdict', this.#result.verdict);
    const summary = verdictSummary(this.#result);
    if (announcer.textContent !== summary) announcer.textContent = summary;
  }
}

if (!customElements.get('claim-check')) customElements.define('claim-check', ClaimCheckElement);
