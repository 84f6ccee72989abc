// How the reader page and the widget get a checker for a bundle, wherever it runs: one
// async API, `check(claim) → Promise<result | null>` and `info`, whether the Checker
// lives on this thread (small bundles: instant) or in a Web Worker (big ones: typing
// never waits for a check). See checker-worker.js for the other side of the messages.
//
// The wasm is compiled here, once, on the main thread, from bytes the caller vouches for
// (the widget fetched them with Subresource Integrity), and the compiled
// WebAssembly.Module is posted to the worker: the worker never fetches code.

import init, { Checker, claimReviewDraft as wasmClaimReviewDraft } from '../../pkg/claimcheck.js';

/**
 * Bundles bigger than this go to a worker. Measured with the real wasm (Node 20, the
 * 2-core CI machine; Chromium is alike): a compiled bundle of 1 MB (about 4,000
 * statements) decodes in 15–45 ms and checks a claim in 5–40 ms, so on the main thread
 * it stays within the 50 ms a "long task" starts at; the 100,000-statement one (23 MB)
 * takes 130 ms to decode and 50–140 ms per check, which typing would feel. JSON source
 * is verified and indexed in the browser at about 2 ms per KB (the default bundle's 73
 * KB of JSON: 160 ms), so it goes to the worker from 16 KB.
 */
export const WORKER_THRESHOLD_BYTES = { compiled: 1_000_000, json: 16_000 };

const COMPILED_MAGIC = [0x43, 0x4c, 0x4d, 0x43, 0x48, 0x4b]; // "CLMCHK", as the core's is_compiled

/**
 * A compiled bundle with more bytes than this per statement goes to a worker whatever its
 * size. A check judges up to 16 statements in full, so its cost follows how long they are
 * (quote, topics, speaker), not how many there are: 200 statements of 4,000-byte quotes
 * (800 KB, under the size threshold) took 8.5 s per check of a pasted paragraph on the
 * main thread. The default bundle has 421 bytes per statement, Climate-FEVER's about 300.
 */
export const WORKER_BYTES_PER_STATEMENT = 1_500;

/**
 * Whether a bundle is predicted to cost enough per check to run in a worker: by its size,
 * and for a compiled bundle also by its bytes per statement (`statements`, from
 * Checker.peekStatementCount; null when unknown).
 */
export function wantsWorker(bytes, statements = null) {
  const compiled = COMPILED_MAGIC.every((b, i) => bytes[i] === b);
  if (bytes.length > (compiled ? WORKER_THRESHOLD_BYTES.compiled : WORKER_THRESHOLD_BYTES.json)) return true;
  return compiled && statements !== null && statements > 0 && bytes.length / statements > WORKER_BYTES_PER_STATEMENT;
}

/** Compiles the wasm from a fetch Response (streaming when served as application/wasm) or bytes. */
export async function compileWasm(source) {
  if (!(source instanceof Response)) return WebAssembly.compile(source);
  if (!source.ok) throw new Error(`${source.url}: HTTP ${source.status} ${source.statusText}`.trim());
  if ((source.headers.get('content-type') || '').startsWith('application/wasm')) return WebAssembly.compileStreaming(source);
  return WebAssembly.compile(await source.arrayBuffer());
}

let initialized;
// The module checkers were opened with: "Copy as ClaimReview" runs the export on this
// thread, also when the checker itself runs in a worker.
let openedWith;
/** Instantiates the compiled module on this thread, once. */
function initHere(module) {
  initialized ??= init({ module_or_path: module });
  return initialized;
}

/**
 * The largest bundle fetched, as the core's limit (bundle::limits::MAX_BUNDLE_BYTES):
 * a download stops as soon as it passes it, so an endless response cannot fill the
 * renderer's memory (one reached 5.9 GB in 20 s when the limit applied only afterwards).
 */
export const MAX_BUNDLE_BYTES = 256 * 1024 * 1024;
/**
 * The largest JSON source fetched. The browser verifies and indexes JSON itself, at up
 * to 5 times its size in memory (docs/bundle-format.md); bigger bundles should be
 * compiled (`claimcheck bundle build`), which also makes them load faster.
 */
export const MAX_JSON_BUNDLE_BYTES = 64 * 1024 * 1024;

/** A bundle download refused for its size: the message names the URL and the limit. */
export class BundleTooLargeError extends Error {
  constructor(message) {
    super(message);
    this.name = 'BundleTooLargeError';
  }
}

/** A URL as shown in messages: without `user:password@`, which must never be displayed. */
export function displayUrl(url) {
  try {
    const parsed = new URL(url, globalThis.location?.href);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return String(url).replace(/\/\/[^/@]*@/, '//');
  }
}

const mib = (bytes) => `${bytes / (1024 * 1024)} MiB`;

/**
 * Fetches a bundle, reporting `{phase: 'download', loaded, total}` (total: null when the
 * server does not say, or says a compressed length) as the bytes stream in. Stops with a
 * BundleTooLargeError as soon as the bundle passes its limit (MAX_BUNDLE_BYTES, or
 * MAX_JSON_BUNDLE_BYTES for JSON source), or before reading when the server announces
 * more. With `sameOrigin`, a response that redirected to another origin is refused (the
 * reader page's ?bundle= rule would otherwise end at the first hop).
 */
export async function fetchBundle(url, onProgress = () => {}, { sameOrigin = false } = {}) {
  const shown = displayUrl(url);
  let given = shown;
  try {
    given = new URL(url, globalThis.location?.href).href;
  } catch { /* fetch names the problem below */ }
  if (shown !== given) {
    // Browsers refuse such a request, quoting the URL, password and all, in their error.
    throw new Error(`${shown}: a bundle URL must not carry a user name or password`);
  }
  let response;
  try {
    response = await fetch(url);
  } catch (error) {
    // Browsers say only "Failed to fetch"; the usual causes are these.
    throw new Error(`${shown}: could not be fetched (${error.message}): the network is down, or the server `
      + 'does not allow cross-origin requests (Access-Control-Allow-Origin)');
  }
  if (sameOrigin && response.url && new URL(response.url).origin !== new URL(url, globalThis.location?.href).origin) {
    response.body?.cancel().catch(() => {});
    throw new Error(`${shown}: redirected to ${displayUrl(response.url)}, another site; this page loads bundles from its own site only`);
  }
  if (!response.ok) throw new Error(`${shown}: HTTP ${response.status} ${response.statusText}`.trim());
  const length = Number(response.headers.get('content-length'));
  const encoded = (response.headers.get('content-encoding') || 'identity') !== 'identity';
  let total = Number.isFinite(length) && length > 0 && !encoded ? length : null;
  const tooLarge = (limit, size) => new BundleTooLargeError(`${shown}: the bundle is ${size}; the limit is ${limit} bytes (${mib(limit)})`);
  if (total !== null && total > MAX_BUNDLE_BYTES) {
    response.body?.cancel().catch(() => {});
    throw tooLarge(MAX_BUNDLE_BYTES, `${total} bytes`);
  }
  onProgress({ phase: 'download', loaded: 0, total });
  if (!response.body) return new Uint8Array(await response.arrayBuffer()); // no body: empty
  const chunks = [];
  let loaded = 0;
  let limit = MAX_BUNDLE_BYTES;
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    if (loaded === 0 && value.length > 0) {
      // The first bytes say which form this is: JSON has the lower limit.
      limit = COMPILED_MAGIC.every((b, i) => value[i] === b) ? MAX_BUNDLE_BYTES : MAX_JSON_BUNDLE_BYTES;
      if (total !== null && total > limit) {
        reader.cancel().catch(() => {});
        throw tooLarge(limit, `${total} bytes of JSON source`);
      }
    }
    loaded += value.length;
    if (loaded > limit) {
      reader.cancel().catch(() => {});
      throw tooLarge(limit, `over ${loaded} bytes (the download was stopped there)`);
    }
    chunks.push(value);
    if (total !== null && loaded > total) total = null;
    onProgress({ phase: 'download', loaded, total });
  }
  const bytes = new Uint8Array(loaded);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** A checker on this thread, behind the same async API as the worker's. */
class LocalChecker {
  constructor(checker) {
    this.checker = checker;
    this.info = checker.bundleInfo();
    this.inWorker = false;
  }

  async check(claim) {
    return this.checker.check(claim);
  }

  dispose() {
    this.checker.free();
  }
}

/**
 * A checker in a Web Worker. Latest claim wins, per `channel` (each widget on a page is
 * one): at most one check runs in the worker and at most one per channel waits; a check
 * overtaken by a newer one of its channel resolves to null (if it was already running,
 * its result is dropped), so typing never queues up stale checks.
 */
class WorkerChecker {
  #worker;
  #running = null; // {channel, id, resolve, reject}, sent to the worker
  #waiting = new Map(); // channel → {id, claim, resolve, reject}, not sent yet
  #latest = new Map(); // channel → id of its newest check
  #nextId = 0;

  constructor(worker, info) {
    this.#worker = worker;
    this.info = info;
    this.inWorker = true;
    worker.onmessage = ({ data }) => this.#settled(data);
    worker.onerror = (event) => {
      event.preventDefault?.();
      this.#failAll(new Error(`the checker's worker stopped: ${event.message || 'unknown error'}`));
    };
  }

  check(claim, channel = '') {
    const id = ++this.#nextId;
    this.#latest.set(channel, id);
    this.#waiting.get(channel)?.resolve(null);
    return new Promise((resolve, reject) => {
      this.#waiting.set(channel, { id, claim, resolve, reject });
      this.#send();
    });
  }

  #send() {
    if (this.#running || this.#waiting.size === 0) return;
    const [channel, job] = this.#waiting.entries().next().value; // the channel that has waited longest
    this.#waiting.delete(channel);
    this.#running = { channel, ...job };
    this.#worker.postMessage({ type: 'check', id: job.id, claim: job.claim });
  }

  #settled(data) {
    const job = this.#running;
    if (!job || data.id !== job.id) return;
    this.#running = null;
    if (data.type === 'result') job.resolve(this.#latest.get(job.channel) === job.id ? data.result : null);
    else job.reject(new Error(data.message));
    this.#send();
  }

  #failAll(error) {
    this.#running?.reject(error);
    for (const job of this.#waiting.values()) job.reject(error);
    this.#running = null;
    this.#waiting.clear();
  }

  dispose() {
    this.#failAll(new Error('the checker was closed'));
    this.#worker.terminate();
  }
}

/**
 * A checker over `bytes` (compiled or JSON source; `name` names the bundle in errors),
 * in a worker when they are big or their statements long (see WORKER_THRESHOLD_BYTES and
 * WORKER_BYTES_PER_STATEMENT) and `createWorker` can make one, else here. Reports `{phase: 'prepare', statements}` (statements: null when unknown)
 * while the bundle is decoded. A bad bundle rejects with the core's own message.
 *
 * @param {{bytes: Uint8Array, name: string, module: WebAssembly.Module,
 *          createWorker?: () => Worker, onProgress?: (p: object) => void,
 *          thread?: 'auto' | 'main'}} options
 */
export async function openChecker({ bytes, name, module, createWorker, onProgress = () => {}, thread = 'auto' }) {
  openedWith ??= module;
  let statements = null;
  if (createWorker && thread !== 'main' && !wantsWorker(bytes)) {
    // Small enough for this thread by size: is it by the length of its statements too?
    await initHere(module);
    statements = Checker.peekStatementCount(bytes.subarray(0, PEEK_BYTES)) ?? null;
  }
  if (createWorker && thread !== 'main' && wantsWorker(bytes, statements)) {
    const worker = await startedWorker(createWorker);
    if (worker) return loadInWorker(worker, { bytes, name, module, onProgress });
  }
  onProgress({ phase: 'prepare', statements: null });
  await initHere(module);
  onProgress({ phase: 'prepare', statements: Checker.peekStatementCount(bytes.subarray(0, PEEK_BYTES)) ?? null });
  // Let the progress paint before the decode holds this thread.
  await new Promise((resolve) => { setTimeout(resolve, 0); });
  return new LocalChecker(Checker.fromBytes(bytes, name));
}

// The head of a compiled bundle (title, language, sources) is read for its statement
// count; a bundle whose sources alone fill more than this just says "Preparing".
const PEEK_BYTES = 1 << 20;

/**
 * A worker that said it is ready, or null when there can be none: a host page whose
 * Content-Security-Policy refuses it (the widget's worker needs `worker-src blob:`).
 * Then the checker runs here, slower, rather than not at all.
 */
async function startedWorker(createWorker) {
  const refused = (why) => {
    console.warn(`claimcheck: no worker (${why}); checking on the page's main thread. `
      + 'A Content-Security-Policy must allow worker-src blob: (widget) or \'self\' (reader page) to keep typing smooth with big bundles.');
    return null;
  };
  let worker;
  try {
    worker = createWorker();
  } catch (error) {
    return refused(error.message);
  }
  return new Promise((resolve) => {
    worker.onmessage = ({ data }) => {
      if (data.type === 'ready') resolve(worker);
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      resolve(refused(event.message || 'it could not start'));
    };
  });
}

/** A checker over the embedded default bundle, on this thread. */
export async function openDefaultChecker(module) {
  openedWith ??= module;
  await initHere(module);
  return new LocalChecker(new Checker());
}

function loadInWorker(worker, { bytes, name, module, onProgress }) {
  return new Promise((resolve, reject) => {
    worker.onmessage = ({ data }) => {
      if (data.type === 'preparing') {
        onProgress({ phase: 'prepare', statements: data.statements ?? null });
      } else if (data.type === 'loaded') {
        resolve(new WorkerChecker(worker, data.info));
      } else if (data.type === 'failed') {
        worker.terminate();
        reject(new Error(data.message));
      }
    };
    worker.onerror = (event) => {
      event.preventDefault?.();
      worker.terminate();
      reject(new Error(`the checker's worker stopped: ${event.message || 'unknown error'}`));
    };
    onProgress({ phase: 'prepare', statements: null });
    // The bytes move to the worker (transferred, not copied).
    const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength;
    const buffer = whole ? bytes.buffer : bytes.slice().buffer;
    worker.postMessage({ type: 'load', module, bytes: buffer, name }, [buffer]);
  });
}

/**
 * A check's `result` as a draft of schema.org ClaimReview JSON-LD (text), for an editor
 * to review before it is published: made by the wasm's `claimReviewDraft`, which is the
 * CLI's own `check --claimreview` export (src/reviews/claimreview.rs), so page, widget
 * and CLI write the same markup. `reviewer` and `url` are the newsroom's; when missing
 * (or not http(s)) the draft says "EDITOR: …" where they go. `date` defaults to today (UTC).
 */
export async function claimReviewDraft(result, { reviewer = '', url = '', date = new Date().toISOString().slice(0, 10) } = {}) {
  if (!openedWith) throw new Error('claimReviewDraft: no checker has been opened yet');
  await initHere(openedWith);
  return wasmClaimReviewDraft(JSON.stringify(result), reviewer, url, date);
}
