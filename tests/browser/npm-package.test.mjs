// pkg/, the npm package: its package.json, what `npm pack` would publish, and the
// module itself working outside a browser (Node), answering as the CLI does.

import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FIXTURES, REPO, cliCheck } from './helpers.mjs';

const PKG = join(REPO, 'pkg');

test('package.json comes from pkg-config/ with the version of Cargo.toml', async () => {
  const manifest = JSON.parse(await readFile(join(PKG, 'package.json'), 'utf8'));
  const config = JSON.parse(await readFile(join(REPO, 'pkg-config', 'package.json'), 'utf8'));
  const cargoVersion = /^version\s*=\s*"([^"]+)"/m.exec(await readFile(join(REPO, 'Cargo.toml'), 'utf8'))[1];
  assert.equal(manifest.version, cargoVersion);
  for (const key of ['name', 'license', 'exports', 'types', 'files', 'type']) assert.deepEqual(manifest[key], config[key], key);
});

test('npm pack would publish the module, its types and the wasm', () => {
  const [packed] = JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: PKG, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }));
  const files = packed.files.map((f) => f.path).sort();
  assert.deepEqual(files, ['README.md', 'claimcheck.d.ts', 'claimcheck.js', 'claimcheck_bg.wasm', 'claimcheck_bg.wasm.d.ts', 'package.json']);
});

test('the .d.ts declares the result types', async () => {
  const types = await readFile(join(PKG, 'claimcheck.d.ts'), 'utf8');
  for (const name of ['CheckResult', 'Evidence', 'BundleInfo', 'Verdict']) assert.match(types, new RegExp(`export (type|interface) ${name}\\b`));
  assert.match(types, /check\(claim: string\): CheckResult;/);
  assert.match(types, /static fromBytes\(bytes: Uint8Array, name\?: string \| null\): Checker;/);
});

test('in Node, the module answers exactly as the CLI does', async () => {
  const { default: init, Checker } = await import(pathToFileURL(join(PKG, 'claimcheck.js')).href);
  await init({ module_or_path: await readFile(join(PKG, 'claimcheck_bg.wasm')) });
  const checker = new Checker();
  for (const claim of ['The police in Azerbaijan do not torture anyone.', 'The capital of Australia is Canberra.']) {
    assert.deepEqual(checker.check(claim), cliCheck(claim));
  }
  const fixture = join(FIXTURES, 'widget-bundle.json');
  const custom = Checker.fromBytes(await readFile(fixture), 'widget-bundle.json');
  assert.deepEqual(custom.check('The harbour bridge is closed.'), cliCheck('The harbour bridge is closed.', fixture));
  assert.throws(() => Checker.fromBytes(new TextEncoder().encode('{"format":'), 'broken.json'), (error) => error instanceof Error && /^broken\.json: /.test(error.message));
});
