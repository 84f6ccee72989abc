// Entry of the offline single file (dist/claimcheck.html). The wasm arrives inlined:
// esbuild's binary loader turns this import into base64 text decoded to a Uint8Array,
// which is compiled asynchronously — no fetch, which Chrome refuses on file://.
// The default bundle needs no inlining of its own: it is embedded in the wasm, and it is
// small, so it is checked on the main thread: the offline file needs no worker (and its
// Content-Security-Policy allows none).
import wasmBytes from '../../pkg/claimcheck_bg.wasm';
import { compileWasm } from './checker-client.js';
import { startReader } from './reader.js';

startReader({ compileWasm: () => compileWasm(wasmBytes) });
