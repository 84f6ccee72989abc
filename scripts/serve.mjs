// A tiny static file server for dist/ (and, in tests, fixtures), on 127.0.0.1 only.
//
//   node scripts/serve.mjs [--port N]    serves dist/ for `make demo`
//
// Also imported by the browser tests: startServer({ root, mounts, port: 0 }).

import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  // application/wasm lets browsers compile the wasm while it downloads.
  '.wasm': 'application/wasm',
  '.ccb': 'application/octet-stream',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.ts': 'text/plain; charset=utf-8',
};

// Lets a page on another origin load the widget, its wasm and bundles (and read a 404),
// as a newsroom page does when the widget lives on a CDN.
const CORS = { 'access-control-allow-origin': '*' };

/**
 * Serves `root` at "/" and each `mounts[prefix]` folder at that prefix ("/fixtures/"),
 * adding `headers` to every file (a test's Content-Security-Policy, say). `routes` maps
 * exact paths to handlers `(request, response) => void` (a test's redirect or endless
 * response). Resolves to { server, url } once listening; port 0 picks a free port.
 */
export function startServer({ root, mounts = {}, port = 0, host = '127.0.0.1', headers = {}, routes = {} }) {
  const folders = [...Object.entries(mounts), ['/', root]].map(([prefix, dir]) => [prefix, resolve(dir)]);
  const server = createServer(async (request, response) => {
    try {
      const { pathname } = new URL(request.url, 'http://localhost');
      if (Object.hasOwn(routes, pathname)) {
        routes[pathname](request, response);
        return;
      }
      const file = await findFile(folders, decodeURIComponent(pathname));
      if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) {
        response.writeHead(file ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8', ...CORS });
        response.end(file ? 'Method not allowed\n' : 'Not found\n');
        return;
      }
      const body = await readFile(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] || 'application/octet-stream',
        'content-length': body.length,
        'cache-control': 'no-store',
        ...CORS,
        ...headers,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch (error) {
      response.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      response.end(`${error.message}\n`);
    }
  });
  return new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.address();
      resolvePromise({ server, url: `http://${host}:${address.port}/` });
    });
  });
}

async function findFile(folders, pathname) {
  for (const [prefix, dir] of folders) {
    if (!pathname.startsWith(prefix)) continue;
    let relative = pathname.slice(prefix.length);
    if (relative === '' || relative.endsWith('/')) relative += 'index.html';
    const file = normalize(join(dir, relative));
    // No escaping the folder with ../
    if (file !== dir && !file.startsWith(dir + sep)) return null;
    const info = await stat(file).catch(() => null);
    if (info?.isFile()) return file;
    if (info?.isDirectory()) {
      const index = join(file, 'index.html');
      if ((await stat(index).catch(() => null))?.isFile()) return index;
    }
  }
  return null;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const repo = resolve(fileURLToPath(import.meta.url), '../..');
  const portArg = process.argv.indexOf('--port');
  const wanted = Number(portArg > 0 ? process.argv[portArg + 1] : process.env.PORT || 8000);
  const dist = join(repo, 'dist');
  const listen = async (port) => {
    try {
      return await startServer({ root: dist, port });
    } catch (error) {
      if (error.code !== 'EADDRINUSE') throw error;
      console.log(`Port ${port} is taken; using a free one.`);
      return startServer({ root: dist, port: 0 });
    }
  };
  const { url } = await listen(wanted);
  console.log(`
claimcheck demo
  Reader page:     ${url}
  Widget and pym:  ${url}embed-examples.html
  Offline file:    ${join(dist, 'claimcheck.html')}  (open it from disk; it needs no network)

Serving ${dist} on 127.0.0.1 only. Press Ctrl-C to stop.`);
}
