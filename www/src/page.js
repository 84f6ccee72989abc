// Entry of the served reader page (dist/app.js): the wasm is fetched from beside it.
import { startReader } from './reader.js';

startReader({ module_or_path: new URL('./claimcheck_bg.wasm', import.meta.url) });
