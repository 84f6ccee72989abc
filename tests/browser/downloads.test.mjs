// Hostile bundle downloads (issue 12, items 5, 6, 9, 12): an endless response is stopped
// at the size limit while it streams, with a named error; a size announced over the limit
// is refused before reading; the reader page's own-site rule holds across redirects; a
// bundle URL's credentials never appear in an error message; a small bundle of long
// statements is checked in the worker (its cost per check is predicted, not its size).

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { startServer } from '../../scripts/serve.mjs';
import { DIST, FIXTURES, REPO, startCdnAndHost, watchErrors } from './helpers.mjs';

const MIB = 1024 * 1024;

let world;
let browser;
let widgetUrl;
let hostUrl;
let hostDir;
let hostile; // a server of endless and oversized responses, on its own origin
let sent = { endless: 0 };

before(async () => {
  world = await startCdnAndHost('claimcheck-downloads-');
  ({ browser, cdn: { url: widgetUrl }, host: { url: hostUrl, dir: hostDir } } = world);
  const cors = { 'access-control-allow-origin': '*', 'cache-control': 'no-store' };
  hostile = await startServer({
    root: FIXTURES,
    routes: {
      // JSON that never ends: "{" and then spaces, as fast as the socket takes them.
      '/endless.json': (request, response) => {
        response.writeHead(200, { 'content-type': 'application/json', ...cors });
        const chunk = Buffer.alloc(MIB, 0x20);
        response.write('{');
        const pump = () => {
          while (!response.destroyed) {
            sent.endless += chunk.length;
            if (!response.write(chunk)) return response.once('drain', pump);
          }
          return undefined;
        };
        response.on('close', () => response.destroy());
        pump();
      },
      // Says 300 MiB, sends a little, and waits.
      '/huge.ccb': (request, response) => {
        response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(300 * MIB), ...cors });
        response.write(Buffer.from('CLMCHK\0\x01'));
        request.on('close', () => response.destroy());
      },
    },
  });
});
after(async () => {
  hostile?.server.close();
  await world?.close();
});

async function widgetError(bundleUrl) {
  const { writeFile } = await import('node:fs/promises');
  const name = `host-${Math.random().toString(36).slice(2)}.html`;
  await writeFile(join(hostDir, name), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<script type="module" src="${widgetUrl}claim-check.js"></script></head>
<body><claim-check id="w" bundle="${bundleUrl}" claim="The harbour bridge is closed."></claim-check></body></html>`);
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(hostUrl + name);
  const message = page.locator('claim-check#w .cc-error-message');
  await message.waitFor({ timeout: 120_000 });
  const text = await message.innerText();
  await page.close();
  return { text, errors };
}

test('widget: an endless bundle download stops at the limit with a named error', async () => {
  const { text } = await widgetError(`${hostile.url}endless.json`);
  assert.match(text, /endless\.json: the bundle is over \d+ bytes \(the download was stopped there\); the limit is 67108864 bytes \(64 MiB\)/);
  // The connection was given up: the server stopped sending not far past the limit.
  await new Promise((resolve) => { setTimeout(resolve, 500); });
  assert.ok(sent.endless < 3 * 64 * MIB, `${sent.endless} bytes sent`);
});

test('widget: a bundle announced over the limit is refused before it is read', async () => {
  const started = Date.now();
  const { text } = await widgetError(`${hostile.url}huge.ccb`);
  assert.match(text, /huge\.ccb: the bundle is 314572800 bytes; the limit is 268435456 bytes \(256 MiB\)/);
  assert.ok(Date.now() - started < 30_000);
});

test('widget: a bundle URL\'s credentials never appear in its error message', async () => {
  const url = new URL(`${hostile.url}no-such-bundle.json`);
  url.username = 'editor';
  url.password = 's3cret-pw';
  const { text } = await widgetError(url.href);
  assert.match(text, /no-such-bundle\.json/);
  assert.doesNotMatch(text, /s3cret-pw|editor/);
});

test('reader page: ?bundle= that redirects to another site is refused', async () => {
  const other = await startServer({ root: FIXTURES });
  const page$ = await startServer({
    root: DIST,
    routes: {
      '/redirect': (request, response) => {
        response.writeHead(302, { location: `${other.url}widget-bundle.json` });
        response.end();
      },
    },
  });
  try {
    const page = await browser.newPage();
    await page.goto(`${page$.url}index.html?bundle=/redirect`);
    const status = page.locator('.cc-error');
    await status.waitFor({ timeout: 60_000 });
    const text = await status.innerText();
    assert.match(text, /redirect: redirected to http:\/\/127\.0\.0\.1:\d+\/widget-bundle\.json, another site; this page loads bundles from its own site only/);
    await page.close();
  } finally {
    other.server.close();
    page$.server.close();
  }
});

test('reader page: a compiled bundle under 1 MB whose statements are long is checked in the worker', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'claimcheck-long-'));
  const sentence = 'The committee heard that detainees in the capital were held without charge for weeks, denied lawyers, and beaten during questioning by officers of the police. ';
  const quote = sentence.repeat(Math.floor(3900 / sentence.length)).trim();
  const statements = Array.from({ length: 60 }, (_, i) => ({
    id: `s/${i}`, source: 's', quote: `${quote} Case ${i}.`, speaker: 'Committee', speaker_kind: 'intergovernmental',
  }));
  await writeFile(join(dir, 'long.json'), JSON.stringify({
    format: 'claimcheck-bundle/1', title: 'Long statements', language: 'en',
    sources: [{ id: 's', publisher: 'P', kind: 'ngo', title: 'T' }], statements,
  }));
  execFileSync(join(REPO, 'target', 'release', 'claimcheck'), ['bundle', 'build', join(dir, 'long.json'), '-o', join(dir, 'long.ccb')]);
  const site = await startServer({ root: DIST, mounts: { '/bundles/': dir } });
  try {
    const page = await browser.newPage();
    await page.goto(`${site.url}index.html?bundle=/bundles/long.ccb`);
    const info = page.locator('#bundle-info');
    await info.filter({ hasText: 'Checked in' }).waitFor({ timeout: 60_000 });
    assert.match(await info.innerText(), /60 statements.*Checked in a background worker/s);
    await page.close();
  } finally {
    site.server.close();
    await rm(dir, { recursive: true, force: true });
  }
});
