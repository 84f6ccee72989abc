// Screenshots of the reader page, the widget host page and the offline file at phone
// (360 px) and desktop (1280 px) widths, light and dark, for looking at by eye.
//
//   node scripts/screenshots.mjs [out-dir] [--big FILE.ccb] [--reviews FILE.ccb]
//                                     (docs/screenshots/ holds a committed set)
//                                     (default out-dir /tmp/claimcheck-screenshots)
//
// With --big, also the page and the widget on that bundle: while it downloads (served
// slowly, so the progress bar is caught) and with a result. With --reviews (a bundle with
// the ClaimReview fixtures imported, see tests/browser/fact-checks.test.mjs), also the
// page with a published fact-check of the claim and of its opposite, and the compact
// widget of a newsroom naming itself (reviewer="…": "Copy as ClaimReview") on the
// opposite claim. Needs a built dist/.

import { mkdir, readFile } from 'node:fs/promises';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { basename, dirname, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startServer } from './serve.mjs';
import { DIST, launchChromium, serveDist } from '../tests/browser/helpers.mjs';

const bigAt = process.argv.indexOf('--big');
const big = bigAt > 0 ? process.argv[bigAt + 1] : null;
const reviewsAt = process.argv.indexOf('--reviews');
const reviews = reviewsAt > 0 ? process.argv[reviewsAt + 1] : null;
const out = (!process.argv[2]?.startsWith('--') && process.argv[2]) || '/tmp/claimcheck-screenshots';
await mkdir(out, { recursive: true });
const bigClaim = encodeURIComponent('Human Rights Watch said the authorities arrested journalists and human rights defenders on politically motivated charges.');
const link = (text) => `${url}#claim=${encodeURIComponent(text)}`;
const EXAMPLES = {
  denial: "Azerbaijan's Interior Ministry denies that the torture photos were taken in the country.",
  police: 'The police in Azerbaijan do not torture anyone.',
  prisoners: 'About 254 political prisoners were held in Azerbaijan at the end of 2023.',
  noevidence: 'The capital of Australia is Canberra.',
};
const PARAGRAPH = `${EXAMPLES.police} ${EXAMPLES.prisoners} ${EXAMPLES.noevidence}`;
const { server, url } = await serveDist();
const browser = await launchChromium();
const reviewSite = reviews ? await startServer({ root: DIST, mounts: { '/reviews/': dirname(reviews) }, port: 0 }) : null;
try {
  const shots = [
    ...Object.entries(EXAMPLES).map(([name, text]) => [`page-${name}`, link(text)]),
    ['page-paragraph', link(PARAGRAPH)],
    ['page-russian', link('Полиция в Азербайджане никого не пытает.')],
    ['embeds', `${url}embed-examples.html`],
    ['embed-generator', `${url}embed.html`],
    ['offline', `${pathToFileURL(join(DIST, 'claimcheck.html')).href}#claim=${encodeURIComponent(EXAMPLES.denial)}`],
  ];
  if (reviewSite) {
    const at = (claim) => `${reviewSite.url}?bundle=reviews/${basename(reviews)}#claim=${encodeURIComponent(claim)}`;
    shots.push(['page-factcheck', at('There are no political prisoners in Azerbaijan.')], ['page-factcheck-opposite', at('There are political prisoners in Azerbaijan.')]);
    // The widget of a newsroom that names itself: the fact-check and "Copy as ClaimReview".
    writeFileSync(join(dirname(reviews), 'widget-host.html'), `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom's article</title>
<meta name="viewport" content="width=device-width, initial-scale=1"><meta name="color-scheme" content="light dark"><link rel="icon" href="data:,">
<style>body { font: 18px/1.5 Georgia, serif; max-width: 40rem; margin: 1rem auto; padding: 0 1rem; } @media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } }</style></head>
<body><h1>What the record shows</h1><script type="module" src="/claim-check.js"></script>
<claim-check bundle="/reviews/${basename(reviews)}" reviewer="Harbour Fact Check" review-url="https://factcheck.example.org/2024/police" claim="There are political prisoners in Azerbaijan." compact></claim-check></body></html>`);
    shots.push(['widget-factcheck', `${reviewSite.url}reviews/widget-host.html`]);
  }
  for (const [name, address] of shots) {
    for (const [width, height] of [[360, 780], [1280, 900]]) {
      for (const colorScheme of ['light', 'dark']) {
        const page = await browser.newPage({ viewport: { width, height }, colorScheme });
        await page.goto(address);
        await page.waitForSelector('[data-verdict]');
        await page.waitForTimeout(700); // the verdict scrolled into view, smoothly
        // The first screenful (as the reader lands on it), and the whole page.
        for (const fullPage of [false, true]) {
          if (fullPage) await page.evaluate(() => window.scrollTo(0, 0));
          const file = join(out, `${name}-${width}-${colorScheme}${fullPage ? '-full' : ''}.png`);
          await page.screenshot({ path: file, fullPage });
          console.log(file);
        }
        await page.close();
      }
    }
  }
  // The print preview: print media, the whole page, as it goes to paper or PDF.
  for (const width of [360, 1280]) {
    const page = await browser.newPage({ viewport: { width, height: 900 } });
    await page.goto(link(EXAMPLES.police));
    await page.waitForSelector('[data-verdict]');
    await page.emulateMedia({ media: 'print' });
    const file = join(out, `print-${width}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
    await page.close();
  }
  if (big) await bigShots();
} finally {
  await browser.close();
  server.close();
  reviewSite?.server.close();
}

/**
 * The page and the widget on a big bundle, from one server that serves dist/ and sends
 * /big.ccb at 2 MB/s, so the download's progress can be seen.
 */
async function bigShots() {
  const bytes = await readFile(big);
  const slow = createServer(async (request, response) => {
    const { pathname } = new URL(request.url, 'http://localhost');
    if (pathname === '/host.html') {
      response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      response.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Host</title><link rel="icon" href="data:,"><script type="module" src="claim-check.js"></script></head><body><main><h1>An article</h1><p>A paragraph of the article.</p><claim-check bundle="big.ccb" claim="${decodeURIComponent(bigClaim)}"></claim-check></main></body></html>`);
    } else if (pathname === '/big.ccb') {
      response.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': bytes.length });
      for (let at = 0; at < bytes.length && !response.destroyed; at += 200_000) {
        response.write(bytes.subarray(at, at + 200_000));
        await new Promise((resolve) => { setTimeout(resolve, 100); });
      }
      response.end();
    } else {
      const file = join(DIST, pathname === '/' ? 'index.html' : pathname.slice(1));
      const type = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.wasm': 'application/wasm', '.svg': 'image/svg+xml' }[extname(file)];
      try {
        const body = await readFile(file);
        response.writeHead(200, { 'content-type': type || 'application/octet-stream' });
        response.end(body);
      } catch {
        response.writeHead(404);
        response.end();
      }
    }
  });
  await new Promise((resolve) => { slow.listen(0, '127.0.0.1', resolve); });
  const base = `http://127.0.0.1:${slow.address().port}/`;
  const downloading = () => {
    const roots = [document, document.querySelector('claim-check')?.shadowRoot].filter(Boolean);
    return roots.some((root) => /MB of/.test(root.querySelector('.cc-progress-detail')?.textContent ?? ''));
  };
  try {
    for (const [name, address] of [['page', `${base}?bundle=big.ccb#claim=${bigClaim}`], ['widget', `${base}host.html`]]) {
      for (const [width, height] of [[360, 780], [1280, 900]]) {
        const page = await browser.newPage({ viewport: { width, height } });
        await page.goto(address);
        await page.waitForFunction(downloading);
        await page.waitForTimeout(4000);
        for (const [state, full] of [['loading', false], ['result', true]]) {
          if (state === 'result') {
            await page.waitForSelector('[data-verdict]', { timeout: 120_000 });
            await page.waitForTimeout(300);
          }
          const file = join(out, `big-${name}-${state}-${width}.png`);
          await page.screenshot({ path: file, fullPage: full });
          console.log(file);
        }
        await page.close();
      }
    }
  } finally {
    slow.close();
  }
}
