// Builds everything web from pkg/ (which wasm-bindgen wrote) and www/:
//   pkg/package.json, pkg/README.md   the npm package, from pkg-config/
//   dist/                             reader page, widget script, checker worker, wasm,
//                                     demo host page
//   dist/claimcheck.html              the offline single file, under a hash-based CSP
//   dist/embed-snippet.html           the embed snippets, with Subresource Integrity hashes
//   dist/embed.html                   the embed generator (options, live preview, snippet)
// and prints the gzip sizes against the budget. Run by scripts/build.sh.

import { build, transform } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFile, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const at = (...parts) => join(repo, ...parts);
const pkg = at('pkg');
const dist = at('dist');
const src = at('www', 'src');

// Browsers from early 2023 on; light-dark() degrades to the light theme before 2024.
const TARGET = ['chrome111', 'firefox115', 'safari16.4'];
const SIZE_BUDGET_GZIP = 120 * 1024; // wasm + JS glue

await writePackageJson();
await rm(dist, { recursive: true, force: true });
await mkdir(dist, { recursive: true });

// The checker's worker, for big bundles: a classic script without imports, so that it
// runs from a file beside the page and from a Blob URL inside the widget alike.
const workerJs = await bundle('checker-worker.js', 'iife', join(dist, 'checker-worker.js'));

// The served reader page: native module script and stylesheet, wasm fetched beside them.
await bundle('page.js', 'esm', join(dist, 'app.js'));
const pageCss = await minifiedCss(['result.css', 'page.css']);
await writeFile(join(dist, 'app.css'), pageCss);
const pageHtml = await readFile(at('www', 'index.html'), 'utf8');
await writeFile(join(dist, 'index.html'), pageHtml);
await copyFile(join(pkg, 'claimcheck_bg.wasm'), join(dist, 'claimcheck_bg.wasm'));
const favicon = await readFile(at('www', 'favicon.svg'));
await writeFile(join(dist, 'favicon.svg'), favicon);

// The widget: one module script (CSS inside) plus the same wasm, which it fetches with
// the wasm's hash baked in (fetch's `integrity`), so a swapped wasm is refused.
const wasmBytes = await readFile(join(dist, 'claimcheck_bg.wasm'));
// Its worker rides inside it as text (a worker from the CDN's origin is not allowed on
// the host page's), so the host page's integrity hash of claim-check.js covers it too.
await bundle('widget.js', 'esm', join(dist, 'claim-check.js'), {
  __WASM_INTEGRITY__: JSON.stringify(sri('sha384', wasmBytes)),
  __WORKER_SOURCE__: JSON.stringify(workerJs),
});

// The embed generator: a newsroom picks options, sees the widget live and copies the
// snippet with the SRI hash of the claim-check.js just built.
await bundle('embed-generator.js', 'esm', join(dist, 'embed-generator.js'), {
  __WIDGET_INTEGRITY__: JSON.stringify(sri('sha384', await readFile(join(dist, 'claim-check.js')))),
});
await copyFile(at('www', 'embed.html'), join(dist, 'embed.html'));
await copyFile(at('www', 'embed.css'), join(dist, 'embed.css'));

// A host page showing both embeds, for `make demo`; pym.js comes from npm so that it
// works offline too.
await copyFile(at('www', 'embed-examples.html'), join(dist, 'embed-examples.html'));
await copyFile(at('www', 'embed-examples.css'), join(dist, 'embed-examples.css'));
await mkdir(join(dist, 'vendor'), { recursive: true });
await copyFile(at('node_modules', 'pym.js', 'dist', 'pym.v1.min.js'), join(dist, 'vendor', 'pym.v1.min.js'));

// The offline single file: the page with its CSS and a classic script inlined; the wasm
// rides inside the script as base64. Chrome refuses fetch() and module imports on
// file://, so nothing may be loaded: a classic inline script needs neither.
const offlineJs = await bundle('offline.js', 'iife', null);
let offlineHtml = replaceOnce(pageHtml, '<link rel="stylesheet" href="app.css">', `<style>\n${pageCss}</style>`);
offlineHtml = replaceOnce(offlineHtml, '<script type="module" src="app.js"></script>', '');
offlineHtml = replaceOnce(offlineHtml, 'href="favicon.svg"', `href="data:image/svg+xml;base64,${favicon.toString('base64')}"`);
offlineHtml = replaceOnce(offlineHtml, '</body>', `<script>\n${escapeScript(offlineJs)}</script>\n</body>`);
offlineHtml = replaceOnce(offlineHtml, '<meta charset="utf-8">', `<meta charset="utf-8">\n  ${offlineCspMeta(offlineHtml)}`);
await writeFile(join(dist, 'claimcheck.html'), offlineHtml);

await writeEmbedSnippet();

await reportSizes();

async function writePackageJson() {
  const config = JSON.parse(await readFile(at('pkg-config', 'package.json'), 'utf8'));
  const cargo = await readFile(at('Cargo.toml'), 'utf8');
  const version = /^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m.exec(cargo)?.[1];
  if (!version) throw new Error('no [package] version in Cargo.toml');
  // Version right after name, as npm writes it.
  const { name, ...rest } = config;
  await writeFile(join(pkg, 'package.json'), `${JSON.stringify({ name, version, ...rest }, null, 2)}\n`);
  await copyFile(at('pkg-config', 'README.md'), join(pkg, 'README.md'));
  for (const file of config.files) await readFile(join(pkg, file)); // fails if one is missing
}

/** Bundles an entry of www/src; returns the code when `outfile` is null. */
async function bundle(entry, format, outfile, define = {}) {
  const result = await build({
    entryPoints: [join(src, entry)],
    bundle: true,
    format,
    minify: true,
    target: TARGET,
    charset: 'utf8',
    legalComments: 'none',
    define,
    loader: { '.css': 'text', '.wasm': 'binary' },
    write: false,
    outfile: outfile ?? join(dist, entry),
    logLevel: 'warning',
    // wasm-bindgen's default init path uses import.meta.url; the offline build never
    // takes that path (it passes the bytes), so the IIFE's empty import.meta is fine.
    logOverride: format === 'iife' ? { 'empty-import-meta': 'silent' } : {},
  });
  const code = result.outputFiles[0].text;
  if (outfile) await writeFile(outfile, code);
  return code;
}

/** A Subresource Integrity / CSP hash source: "sha384-<base64>". */
function sri(algorithm, content) {
  return `${algorithm}-${createHash(algorithm).update(content).digest('base64')}`;
}

/**
 * The offline file's Content-Security-Policy, as a <meta> tag: nothing may load, and
 * only its own inline <script> and <style> (by their sha256) run; 'wasm-unsafe-eval'
 * compiles the inlined wasm; img-src data: is the inlined favicon. Hashes cover
 * <style> elements only, so the page must not use inline style="" attributes.
 */
function offlineCspMeta(html) {
  const hashes = (tag) => [...html.matchAll(new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`, 'g'))]
    .map((m) => `'${sri('sha256', m[1])}'`);
  const scripts = hashes('script');
  const styles = hashes('style');
  if (scripts.length === 0 || styles.length === 0) throw new Error('the offline file has no inline <script> or <style> to hash');
  const outside = html.replace(/<(script|style)>[\s\S]*?<\/\1>/g, '');
  if (/<script(?!>)|<style(?!>)|\sstyle=/i.test(outside)) throw new Error('the offline file has a <script>/<style> with attributes or an inline style="" the CSP would block');
  const policy = [
    "default-src 'none'",
    `script-src ${scripts.join(' ')} 'wasm-unsafe-eval'`,
    `style-src ${styles.join(' ')}`,
    'img-src data:',
    "connect-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
}

/** dist/embed-snippet.html: the two embeds to paste, the widget's with its SRI hash. */
async function writeEmbedSnippet() {
  const integrity = sri('sha384', await readFile(join(dist, 'claim-check.js')));
  await writeFile(join(dist, 'embed-snippet.html'), `<!-- claimcheck embed snippets, written by scripts/build-web.mjs for this build.
     Host claim-check.js and claimcheck_bg.wasm side by side (with
     Access-Control-Allow-Origin) and replace https://your.cdn/claimcheck/ with their
     folder. The integrity hash matches only this build's claim-check.js: take a new
     snippet after every rebuild. claim-check.js checks the wasm's hash itself. -->

<!-- The <claim-check> widget -->
<script type="module" src="https://your.cdn/claimcheck/claim-check.js" integrity="${integrity}" crossorigin="anonymous"></script>
<claim-check claim="The police in Azerbaijan do not torture anyone."></claim-check>

<!-- The reader page in an iframe, sized by pym.js. pym.js is the copy in dist/vendor/,
     hosted with the rest: no third-party CDN. The link inside the div is what readers
     get if pym.js cannot run; pym.js replaces it with the iframe. -->
<div id="claimcheck" data-pym-src="https://your.cdn/claimcheck/index.html#claim=Azerbaijan%20holds%20political%20prisoners."><a href="https://your.cdn/claimcheck/index.html#claim=Azerbaijan%20holds%20political%20prisoners.">Check this claim with claimcheck</a></div>
<script src="https://your.cdn/claimcheck/vendor/pym.v1.min.js"></script>
`);
}

async function minifiedCss(files) {
  const css = (await Promise.all(files.map((f) => readFile(join(src, f), 'utf8')))).join('\n');
  const result = await transform(css, { loader: 'css', minify: true, target: TARGET, legalComments: 'none' });
  return result.code;
}

function replaceOnce(text, search, replacement) {
  if (!text.includes(search)) throw new Error(`www/index.html no longer contains ${search}`);
  return text.replace(search, () => replacement);
}

/** Keeps the script's text from closing its <script> element early. */
function escapeScript(code) {
  return code.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

async function reportSizes() {
  const gz = async (path) => gzipSync(await readFile(path), { level: 9 }).length;
  const raw = async (path) => (await readFile(path)).length;
  const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
  const rows = [];
  for (const path of [join(pkg, 'claimcheck_bg.wasm'), join(pkg, 'claimcheck.js'), join(dist, 'app.js'), join(dist, 'checker-worker.js'), join(dist, 'claim-check.js'), join(dist, 'app.css'), join(dist, 'claimcheck.html'), join(dist, 'embed-generator.js')]) {
    rows.push([relative(repo, path), await raw(path), await gz(path)]);
  }
  console.log('\nsizes (raw, gzip -9):');
  for (const [name, size, gzip] of rows) console.log(`  ${name.padEnd(24)} ${kb(size).padStart(10)} ${kb(gzip).padStart(10)}`);
  // The README quotes these (with the commit they were measured at).
  const sizes = Object.fromEntries(rows.map(([name, size, gzip]) => [name, { raw: size, gzip }]));
  await writeFile(join(dist, 'sizes.json'), `${JSON.stringify(sizes, null, 2)}\n`);
  const budgetUse = rows[0][2] + rows[1][2];
  const verdict = budgetUse <= SIZE_BUDGET_GZIP ? 'within' : 'OVER';
  console.log(`  wasm + JS glue: ${kb(budgetUse)} gzip, ${verdict} the ${kb(SIZE_BUDGET_GZIP)} budget\n`);
}
