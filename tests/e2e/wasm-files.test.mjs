// The module fetches its wasm files gzip-compressed (dist/*.wasm.gz, scripts/precompress.mjs) and
// unpacks them while they compile (www/unpack.js), whatever the server says of them: served as
// they are (application/gzip, as this repository's server does), with Content-Encoding: gzip (the
// browser has unpacked them already), or the uncompressed .wasm given to setWasmUrl. Something
// else in their place (a server's own page) is said in the widget's alert.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync } from 'node:zlib';
import { readFileSync } from 'node:fs';
import { serve } from '../../scripts/serve.mjs';
import { session, BLANK, DOM, MatrixPage } from './support/matrix-page.mjs';

const T = { timeout: 90000 };
const env = session();
const one = {
  as_of: '2026-01-01',
  source: { title: 'Wasm files test', url: 'https://example.org/' },
  services: [{ id: 'ecs', name: 'Amazon ECS' }],
  programs: [{ id: 'alpha', name: 'Alpha', status: { ecs: 'in-scope' } }],
};

/** The blank host page at `base`, recording each wasm response as "name status content-encoding". */
async function page(base = env.base) {
  const p = await env.page({ viewport: { width: 1200, height: 900 } });
  p.wasm = [];
  p.on('response', (r) => {
    const m = r.url().match(/\/([^/]+\.wasm(\.gz)?)$/);
    if (m) p.wasm.push(`${m[1]} ${r.status()} ${r.headers()['content-encoding'] || '-'}`);
  });
  await p.goto(`${base}${BLANK}`);
  return p;
}

/** The seed's rows, then a dataset read by the reader: both wasm files compiled. */
async function bothWork(p) {
  const cm = await MatrixPage.add(p, { id: 'w' });
  await cm.ready();
  assert.equal((await cm.programIds()).length, 20, 'the embedded matrix');
  await cm.host.evaluate((el, d) => { el.data = d; }, one);
  await cm.expectRows(['alpha'], 'a dataset read by the dataset reader');
  assert.deepEqual(p.problems, []);
}

test('the files hold the wasm, compressed', () => {
  for (const f of ['compliance-matrix_bg.wasm', 'compliance-matrix-reader_bg.wasm']) {
    assert.ok(gunzipSync(readFileSync(`dist/${f}.gz`)).equals(readFileSync(`dist/${f}`)), `dist/${f}.gz unpacks to dist/${f}`);
  }
});

test('served as they are (application/gzip): unpacked by the module', T, async () => {
  const p = await page();
  await bothWork(p);
  assert.deepEqual(p.wasm, ['compliance-matrix_bg.wasm.gz 200 -', 'compliance-matrix-reader_bg.wasm.gz 200 -']);
});

test('served with Content-Encoding: gzip: the browser unpacks them, the module takes them as they come', T, async () => {
  const server = await serve('.', 0, { headers: (url) => (url.pathname.endsWith('.gz') ? { 'content-encoding': 'gzip' } : {}) });
  try {
    const p = await page(`http://127.0.0.1:${server.address().port}`);
    await bothWork(p);
    assert.deepEqual(p.wasm, ['compliance-matrix_bg.wasm.gz 200 gzip', 'compliance-matrix-reader_bg.wasm.gz 200 gzip']);
  } finally {
    server.closeAllConnections?.();
    server.close();
  }
});

test('setWasmUrl to the uncompressed .wasm (for a server that sends brotli): the reader is taken uncompressed too', T, async () => {
  const p = await page();
  await p.evaluate(async () => (await import('/dist/compliance-matrix.js')).setWasmUrl('/dist/compliance-matrix_bg.wasm'));
  await bothWork(p);
  assert.deepEqual(p.wasm, ['compliance-matrix_bg.wasm 200 -', 'compliance-matrix-reader_bg.wasm 200 -']);
});

test('a page in place of the wasm (a server answering 200 with its own page): the alert says so', T, async () => {
  const p = await env.page({ viewport: { width: 1200, height: 900 } });
  await p.route('**/compliance-matrix_bg.wasm.gz', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Not here</title>' }));
  await p.goto(`${env.base}${BLANK}`);
  const cm = await MatrixPage.add(p, { id: 'w' });
  await cm.alertBox.waitFor({ timeout: 10000 });
  assert.match(await cm.alertBox.textContent(), /could not load http:[^ ]*compliance-matrix_bg\.wasm\.gz: it is not a wasm file \(the server sent something else in its place\)/);
  assert.equal(await cm.locator(DOM.row).count(), 0);
});
