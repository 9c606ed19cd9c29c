// The packed tarball in the hosts users build with: React 19 + TypeScript strict, Vue 3 +
// vue-tsc --strictTemplates, esbuild (ESM and IIFE bundles), webpack 5, a CDN on another origin,
// and a plain Node import. Every built page is opened in Chromium and must show the seed's rows.
// Fixtures: tests/hosts/frameworks/ (one npm install for all, cached in its node_modules).
// Run: node --test --test-concurrency=1 tests/e2e/frameworks.test.mjs
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { eventually, session, MatrixPage, DOM } from './support/matrix-page.mjs';
import { packedTarball, sh as run, staticServers } from './support/packed.mjs';

const FW = resolve('tests/hosts/frameworks');
const OUT = join(FW, 'dist');
const SEED_ROWS = 20;
const NO_URL = /cannot tell where its wasm file is.*call setWasmUrl\(url\)/;
// The widget's wasm (fetched at start) and the dataset reader (fetched when a dataset is to be read).
// The gzip-compressed files (www/unpack.js), which the module fetches.
const WASM_FILES = ['compliance-matrix_bg.wasm.gz', 'compliance-matrix-reader_bg.wasm.gz'];

const env = session();
const server = staticServers();
// The fixtures' own commands run in tests/hosts/frameworks unless told otherwise.
const sh = (cmd, args, cwd = FW, timeout) => run(cmd, args, cwd, timeout);
const bin = (name) => join(FW, 'node_modules/.bin', name);

// One install of the fixtures' dependencies, again only when the tarball or package.json changed.
let require_;
before(() => {
  const tgz = packedTarball();
  const hash = createHash('sha256').update(readFileSync(tgz)).update(readFileSync(join(FW, 'package.json'))).update(process.version).digest('hex');
  const stamp = join(FW, 'node_modules', '.frameworks-test-stamp');
  if (!(existsSync(stamp) && readFileSync(stamp, 'utf8') === hash)) {
    // npm keeps an installed file: tarball of the same version; remove it so the new one is unpacked.
    rmSync(join(FW, 'node_modules', 'compliance-matrix'), { recursive: true, force: true });
    sh('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error']);
    writeFileSync(stamp, hash);
  }
  assert.ok(readFileSync(join(FW, 'node_modules/compliance-matrix/compliance-matrix_bg.wasm.gz')).equals(readFileSync('dist/compliance-matrix_bg.wasm.gz')), 'the installed wasm is the built one');
  require_ = createRequire(join(FW, 'package.json'));
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
});

/** Opens `url`, waits for the widget `selector` to show rows; returns it (the page is `.page`). */
async function open(url, selector = '#main', { wasm } = {}) {
  const page = await env.page();
  const wasmResponses = [];
  page.on('response', (r) => {
    if (/\.(wasm|gz)$/.test(r.url())) wasmResponses.push(r.status());
  });
  await page.goto(url);
  const cm = await new MatrixPage(page, selector).ready();
  assert.equal((await cm.programIds()).length, SEED_ROWS, `${url}: the seed's rows`);
  assert.equal(await cm.locator(DOM.row).count(), SEED_ROWS);
  if (wasm !== false) assert.deepEqual(wasmResponses, [200], `${url}: one wasm fetch`);
  return cm;
}

// ---------------------------------------------------------------------------------------------

test('React 19 + TypeScript strict: JSX attributes, ref, oncm-change and .data', { timeout: 180000 }, async () => {
  // tsc --strict over react/app.tsx: the JSX types come from compliance-matrix/react alone
  // (the file has @ts-expect-error lines for wrong uses, so the types are not `any`).
  sh(bin('tsc'), ['--noEmit', '--strict', '-p', 'tsconfig.json']);
  const esbuild = require_('esbuild');
  const dir = join(OUT, 'react');
  await esbuild.build({
    entryPoints: [join(FW, 'react/app.tsx')],
    bundle: true,
    format: 'esm',
    jsx: 'automatic',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    outfile: join(dir, 'app.js'),
    logLevel: 'error',
  });
  // esbuild does not rewrite new URL(…, import.meta.url): both wasm files are copied next to the
  // bundle, where the module looks for them (the dataset reader when `.data` is first set).
  for (const f of WASM_FILES) cpSync(join(FW, 'node_modules/compliance-matrix', f), join(dir, f));
  cpSync(join(FW, 'react/index.html'), join(dir, 'index.html'));
  const cm = await open(`${await server(dir)}/index.html`);
  assert.equal(await cm.host.getAttribute('services'), 'ecs,eks', 'a JSX attribute is set as the attribute');
  assert.equal(await cm.host.evaluate((el) => el.gaps), false);
  assert.deepEqual((await cm.state()).services, ['ecs', 'eks']);
  // oncm-change: React 19 listens to cm-change.
  await cm.search('soc');
  await cm.page.locator('#last', { hasText: '3 visible, services ecs,eks' }).waitFor({ timeout: 10000 });
  // .data through the ref.
  await cm.page.click('#two');
  await cm.search('');
  await cm.expectRows(['alpha', 'beta'], 'data set through the ref');
  assert.deepEqual(cm.page.problems, []);
});

test('Vue 3 + vue-tsc --strictTemplates: an SFC with attributes, :data and @cm-change, built by Vite', { timeout: 180000 }, async () => {
  sh(bin('vue-tsc'), ['--noEmit', '-p', 'tsconfig.vue.json']);
  sh(bin('vite'), ['build', '-c', 'vue/vite.config.mjs']);
  const dir = join(OUT, 'vue');
  const assets = readdirSync(join(dir, 'assets'));
  assert.equal(assets.filter((f) => f.endsWith('.gz')).length, 2, `Vite emitted both wasm files (assets: ${assets.join(', ')})`);
  const cm = await open(`${await server(dir)}/index.html`);
  assert.deepEqual((await cm.state()).services, ['ecs', 'eks']);
  await cm.search('soc');
  await cm.page.locator('#last', { hasText: '3 visible, services ecs,eks' }).waitFor({ timeout: 10000 });
  await cm.page.click('#two');
  await cm.search('');
  await cm.expectRows(['alpha', 'beta'], ':data set as the property');
  assert.deepEqual(cm.page.problems, []);
});

test('esbuild: an ESM and an IIFE bundle with setWasmUrl; the IIFE without it shows the clear message', { timeout: 120000 }, async () => {
  const esbuild = require_('esbuild');
  const dir = join(OUT, 'esbuild');
  const common = { bundle: true, minify: true, outdir: dir, loader: { '.gz': 'file' }, logLevel: 'error' };
  await esbuild.build({ ...common, entryPoints: [join(FW, 'esbuild/esm.js')], format: 'esm' });
  // import.meta is empty in an IIFE (esbuild warns; silenced here, the point of the test).
  await esbuild.build({ ...common, entryPoints: [join(FW, 'esbuild/iife.js'), join(FW, 'esbuild/iife-no-url.js')], format: 'iife', logOverride: { 'empty-import-meta': 'silent' } });
  for (const f of ['esm.html', 'iife.html', 'iife-no-url.html']) cpSync(join(FW, 'esbuild', f), join(dir, f));
  const base = await server(dir);

  const esm = await open(`${base}/esm.html`);
  assert.deepEqual((await esm.state()).services, ['ecs', 'eks']);
  // The dataset reader from the URL given to setWasmUrl as its second argument.
  const readerFetch = esm.page.waitForResponse((r) => /compliance-matrix-reader_bg\.wasm-[^/]*\.gz$/.test(r.url()));
  await esm.host.evaluate((el) => {
    el.data = { as_of: '2026-01-01', source: { title: 'esbuild', url: 'https://example.org/' }, services: [{ id: 'ecs', name: 'Amazon ECS' }], programs: [{ id: 'alpha', name: 'Alpha', status: { ecs: 'in-scope' } }] };
  });
  assert.equal((await readerFetch).status(), 200);
  await esm.expectRows(['alpha'], 'data read by the reader esbuild emitted');
  assert.deepEqual(esm.page.problems, []);
  const iife = await open(`${base}/iife.html`);
  assert.deepEqual(iife.page.problems, []);

  const page = await env.page();
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('cm-error', (e) => window.__errors.push(e.detail.message));
  });
  await page.goto(`${base}/iife-no-url.html`);
  const broken = new MatrixPage(page, '#main');
  await broken.alertBox.waitFor({ timeout: 10000 });
  assert.match(await broken.alertBox.textContent(), NO_URL);
  await page.waitForFunction(() => window.__errors.length > 0, null, { timeout: 10000 });
  assert.match((await page.evaluate(() => window.__errors))[0], NO_URL);
  assert.equal(await broken.locator(DOM.row).count(), 0);
});

test('webpack 5 finds the wasm through new URL(…, import.meta.url) and emits it', { timeout: 120000 }, async () => {
  const webpack = require_('webpack');
  const dir = join(OUT, 'webpack');
  const stats = await new Promise((ok, fail) =>
    webpack({
      mode: 'production',
      context: FW,
      entry: './webpack/entry.js',
      output: { path: dir, filename: 'main.js' },
      performance: { hints: false },
    }).run((err, s) => (err ? fail(err) : ok(s))),
  );
  assert.ok(!stats.hasErrors(), stats.toString('errors-only'));
  assert.ok(!stats.hasWarnings(), stats.toString('errors-warnings'));
  const wasm = readdirSync(dir).filter((f) => f.endsWith('.gz'));
  assert.equal(wasm.length, 2, `webpack emitted both wasm files (${readdirSync(dir).join(', ')})`);
  const emitted = wasm.map((f) => readFileSync(join(dir, f)));
  for (const f of WASM_FILES) assert.ok(emitted.some((b) => b.equals(readFileSync(`dist/${f}`))), `webpack emitted ${f}`);
  cpSync(join(FW, 'webpack/index.html'), join(dir, 'index.html'));
  const cm = await open(`${await server(dir)}/index.html`);
  assert.deepEqual((await cm.state()).services, ['ecs', 'eks']);
  assert.deepEqual(cm.page.problems, []);
});

test('CDN: the module and the wasm from another origin with access-control-allow-origin; without it nothing loads', { timeout: 60000 }, async () => {
  const pkg = join(FW, 'node_modules/compliance-matrix');
  const cdn = await server(pkg, { headers: { 'access-control-allow-origin': '*' } });
  const noCors = await server(pkg);
  const dir = join(OUT, 'cdn');
  mkdirSync(dir, { recursive: true });
  const html = readFileSync(join(FW, 'cdn/index.html'), 'utf8');
  writeFileSync(join(dir, 'index.html'), html.replace('CDN/', `${cdn}/`));
  writeFileSync(join(dir, 'no-cors.html'), html.replace('CDN/', `${noCors}/`));
  const site = await server(dir);
  assert.notEqual(new URL(site).origin, new URL(cdn).origin);

  const cm = await open(`${site}/index.html`);
  assert.deepEqual(cm.page.problems, []);

  // Without the header the browser refuses the cross-origin module script.
  const page = await env.page();
  await page.goto(`${site}/no-cors.html`);
  await eventually(async () => page.problems.some((p) => /CORS|Access-Control-Allow-Origin/i.test(p)), true, 'a CORS error is reported');
  assert.equal(await page.evaluate(() => typeof customElements.get('compliance-matrix')), 'undefined');
});

test("Node: import('compliance-matrix') registers nothing, fetches nothing, leaves no unhandled rejection", { timeout: 30000 }, () => {
  const report = JSON.parse(sh('node', ['node/import.mjs']).trim().split('\n').pop());
  assert.deepEqual(report, {
    exports: ['catalog', 'mount', 'parseDataset', 'preload', 'ready', 'setWasmUrl'],
    customElements: 'undefined',
    fetched: [],
    rejections: [],
  });
});
