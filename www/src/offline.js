// Entry of the offline single file (dist/claimcheck.html). The wasm arrives inlined:
// esbuild's binary loader turns this import into base64 text decoded to a Uint8Array,
// which init() compiles asynchronously — no fetch, which Chrome refuses on file://.
// The default bundle needs no inlining of its own: it is embedded in the wasm.
import wasmBytes from '../../pkg/claimcheck_bg.wasm';
import { startReader } from './reader.js';

startReader({ module_or_path: wasmBytes });
