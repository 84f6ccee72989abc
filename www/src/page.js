// Entry of the served reader page (dist/app.js): the wasm is fetched from beside it, and
// big bundles (?bundle=URL) are checked in dist/checker-worker.js, also beside it.
import { compileWasm } from './checker-client.js';
import { startReader } from './reader.js';

startReader({
  compileWasm: async () => compileWasm(await fetch(new URL('./claimcheck_bg.wasm', import.meta.url))),
  createWorker: () => new Worker(new URL('./checker-worker.js', import.meta.url), { name: 'claimcheck' }),
});
