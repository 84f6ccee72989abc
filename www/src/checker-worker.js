// The checker's Web Worker, for big bundles (see checker-client.js, its other side).
// It owns one Checker. Messages in: {type: 'load', module, bytes, name} once, then
// {type: 'check', id, claim}. Messages out: 'ready' on start; 'preparing' (statement
// count, or null) and then 'loaded' (bundle info) or 'failed' (the core's message, the
// very text the main thread would show); per check, 'result' or 'error' with its id.
//
// The wasm arrives compiled (a WebAssembly.Module from the main thread, which checked
// its integrity): this worker fetches nothing. Built as a classic script without
// imports (scripts/build-web.mjs), so it runs from a file or from a Blob URL.

import init, { Checker } from '../../pkg/claimcheck.js';

// Enough of a compiled bundle to read its statement count (see checker-client.js).
const PEEK_BYTES = 1 << 20;

let checker = null;

const message = (error) => String(error?.message ?? error);

self.onmessage = async ({ data }) => {
  if (data.type === 'load') {
    try {
      await init({ module_or_path: data.module });
      const bytes = new Uint8Array(data.bytes);
      self.postMessage({ type: 'preparing', statements: Checker.peekStatementCount(bytes.subarray(0, PEEK_BYTES)) ?? null });
      checker = Checker.fromBytes(bytes, data.name);
      self.postMessage({ type: 'loaded', info: checker.bundleInfo() });
    } catch (error) {
      self.postMessage({ type: 'failed', message: message(error) });
    }
  } else if (data.type === 'check') {
    try {
      self.postMessage({ type: 'result', id: data.id, result: checker.check(data.claim) });
    } catch (error) {
      self.postMessage({ type: 'error', id: data.id, message: message(error) });
    }
  }
};

self.postMessage({ type: 'ready' });
