// Screenshots of the reader page, the widget host page and the offline file at phone
// (360 px) and desktop (1280 px) widths, light and dark, for looking at by eye.
//
//   node scripts/screenshots.mjs [out-dir]     (default /tmp/claimcheck-screenshots)
//
// Needs a built dist/ (`make build`).

import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DIST, launchChromium, serveDist } from '../tests/browser/helpers.mjs';

const out = process.argv[2] || '/tmp/claimcheck-screenshots';
await mkdir(out, { recursive: true });
const claim = encodeURIComponent("Azerbaijan's Interior Ministry denies that the torture photos were taken in the country.");
const { server, url } = await serveDist();
const browser = await launchChromium();
try {
  const shots = [
    ['page', `${url}#claim=${claim}`],
    ['page-noevidence', `${url}#claim=${encodeURIComponent('The capital of Australia is Canberra.')}`],
    ['embeds', `${url}embed-examples.html`],
    ['offline', `${pathToFileURL(join(DIST, 'claimcheck.html')).href}#claim=${claim}`],
  ];
  for (const [name, address] of shots) {
    for (const [width, height] of [[360, 780], [1280, 900]]) {
      for (const colorScheme of ['light', 'dark']) {
        const page = await browser.newPage({ viewport: { width, height }, colorScheme });
        await page.goto(address);
        await page.waitForSelector('[data-verdict]');
        await page.waitForTimeout(300);
        // The first screenful at full resolution, and the whole page.
        for (const fullPage of [false, true]) {
          const file = join(out, `${name}-${width}-${colorScheme}${fullPage ? '-full' : ''}.png`);
          await page.screenshot({ path: file, fullPage });
          console.log(file);
        }
        await page.close();
      }
    }
  }
} finally {
  await browser.close();
  server.close();
}
