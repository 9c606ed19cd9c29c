// Hardening e2e, loads that end: every file the widget fetches for itself has an end. A dataset
// reader (.wasm.gz) that never arrives or trickles for ever turns, after 15 s, into an alert and
// a `cm-error`, and `ready` settles (a widget that waits for ever looks like a page that hangs);
// a translation that never arrives leaves the widget in English, as a missing one does; and a
// wasm that failed once (a 503 from a busy server) is fetched again by the next widget or
// preload(), and setWasmUrl() may point elsewhere after the failure. Shared set-up:
// support/security-page.mjs.
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security-loads.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { poll, DOM, MatrixPage } from './support/matrix-page.mjs';
import { securitySession, newPage, handlers, HOST, GOOD, GOOD_ROWS, TINY } from './support/security-page.mjs';

const env = securitySession();

const READER = '/dist/compliance-matrix-reader_bg.wasm.gz';
const isWidgetWasm = (url) => url.pathname === '/dist/compliance-matrix_bg.wasm.gz';

// The search placeholder in English and in German, from the sources (en.rs: keys and English in
// order; the generated catalog: the texts in that order).
const EN = [...readFileSync('core/src/i18n/en.rs', 'utf8').matchAll(/^ {4}(\w+) = "((?:[^"\\]|\\.)*)",$/gm)];
const PLACEHOLDER = EN.find((m) => m[1] === 'searchPlaceholder')[2];
const GERMAN = JSON.parse(readFileSync('www/i18n/de.js', 'utf8').match(/^export default (".*");$/m)[1]).split('\u001f');
const PLACEHOLDER_DE = GERMAN[EN.findIndex((m) => m[1] === 'searchPlaceholder')];

/**
 * Adds widget #w (`attrs`, `data`) to the page and records in the page when its `ready` settles
 * (window.__settled: 'resolved' or 'rejected: …').
 */
function addWidget(page, { attrs = {}, data } = {}) {
  return page.evaluate(
    ({ attrs, data }) => {
      const el = document.createElement('compliance-matrix');
      el.id = 'w';
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      if (data !== undefined) el.data = data;
      window.__settled = null;
      el.ready.then(
        () => { window.__settled = 'resolved'; },
        (e) => { window.__settled = `rejected: ${e && e.message}`; },
      );
      document.getElementById('host').append(el);
    },
    { attrs, data },
  );
}

/** Waits (up to `ms`) until the page has a cm-error and #w's `ready` has settled; what was seen. */
async function untilGivenUp(page, ms) {
  const look = () =>
    page.evaluate(() => ({
      errors: window.__errors.map((e) => e.message),
      settled: window.__settled,
      alert: [...(document.getElementById('w').shadowRoot?.querySelectorAll('[role=alert]') ?? [])].map((a) => a.textContent).join(' | '),
    }));
  return poll(look, (s) => s.errors.length > 0 && s.settled !== null && s.alert !== '', ms);
}

/** The checks a reader that never came must end with, `elapsed` ms after the widget was added. */
function assertReaderGivenUp(seen, elapsed, where) {
  assert.ok(seen.errors.length > 0, `${where}: a cm-error within ${elapsed} ms (alert: "${seen.alert}", ready: ${seen.settled})`);
  assert.match(seen.errors[0], /dataset reader/, `${where}: the cm-error names the dataset reader`);
  assert.match(seen.errors[0], /15 s|15 seconds/, `${where}: the cm-error names the 15 s limit`);
  assert.match(seen.alert, /dataset reader/, `${where}: the alert names the dataset reader`);
  assert.match(seen.alert, /15 s|15 seconds/, `${where}: the alert names the 15 s limit`);
  assert.notEqual(seen.settled, null, `${where}: ready settled`);
  assert.ok(elapsed < 22000, `${where}: given up after ${elapsed} ms (15 s expected)`);
}

test('a dataset reader that never answers: a widget given data shows an alert naming the 15 s limit, fires cm-error and settles ready', { timeout: 60000 }, async (t) => {
  const page = await newPage();
  // The request is never answered (the route is never fulfilled or continued).
  await page.route((url) => url.pathname === READER, () => {});
  await page.goto(`${env.base}${HOST}`);
  const t0 = Date.now();
  await addWidget(page, { attrs: { view: 'table' }, data: TINY });
  const seen = await untilGivenUp(page, 25000);
  t.diagnostic(`after ${Date.now() - t0} ms: ${JSON.stringify(seen)}`);
  assertReaderGivenUp(seen, Date.now() - t0, 'data');
  // The page still answers, and the widget shows nothing it did not read.
  assert.deepEqual(await new MatrixPage(page, '#w').programIds().catch(() => []), [], 'no rows of another dataset');
  await page.close();
});

test('a dataset reader that trickles for ever: a widget given a src that answers at once gives up after 15 s with an alert, cm-error and ready settled', { timeout: 60000 }, async (t) => {
  // The real file's first bytes (a gzip header), then one byte every half second, never ending.
  const head = readFileSync(`.${READER}`).subarray(0, 64);
  const open = new Set();
  handlers.set(READER, (req, res) => {
    open.add(res);
    res.writeHead(200, { 'content-type': 'application/gzip', 'cache-control': 'no-store' });
    res.write(head.subarray(0, 16));
    let at = 16;
    const timer = setInterval(() => {
      if (at < head.length) res.write(head.subarray(at, at + 1));
      at += 1;
    }, 500);
    res.on('close', () => { clearInterval(timer); open.delete(res); });
  });
  try {
    const page = await newPage();
    await page.goto(`${env.base}${HOST}`);
    const t0 = Date.now();
    await addWidget(page, { attrs: { view: 'table', src: GOOD } });
    const seen = await untilGivenUp(page, 25000);
    t.diagnostic(`after ${Date.now() - t0} ms: ${JSON.stringify(seen)}`);
    assertReaderGivenUp(seen, Date.now() - t0, 'src');
    assert.ok(!GOOD_ROWS.some((id) => seen.alert.includes(id)));
    await page.close();
  } finally {
    handlers.delete(READER);
    for (const res of open) res.destroy();
  }
});

test('a translation that never arrives: a lang="de" widget starts in English, ready and catalog("de") settle, and a warning names the file', { timeout: 60000 }, async (t) => {
  const page = await newPage();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  // de.js is never answered (a 404 already fell back to English).
  await page.route('**/i18n/de.js', () => {});
  await page.goto(`${env.base}${HOST}`);
  const t0 = Date.now();
  await addWidget(page, { attrs: { view: 'table', lang: 'de' } });
  await page.evaluate(() => {
    window.__catalog = null;
    import('/dist/compliance-matrix.js')
      .then((m) => m.catalog('de'))
      .then(
        (c) => { window.__catalog = { resolved: c.searchPlaceholder }; },
        (e) => { window.__catalog = { rejected: String(e && e.message) }; },
      );
  });
  const w = new MatrixPage(page, '#w');
  const look = () =>
    page.evaluate((D) => {
      const root = document.getElementById('w').shadowRoot;
      return {
        rows: root ? root.querySelectorAll(D.row).length : 0,
        placeholder: root?.querySelector(D.search)?.placeholder ?? null,
        count: root?.querySelector(D.count)?.textContent ?? null,
        settled: window.__settled,
        catalog: window.__catalog,
      };
    }, DOM);
  const seen = await poll(look, (s) => s.rows > 0 && s.settled !== null && s.catalog !== null, 25000);
  const elapsed = Date.now() - t0;
  t.diagnostic(`after ${elapsed} ms: ${JSON.stringify(seen)}; warnings: ${warnings.join(' | ')}`);
  assert.ok(seen.rows > 0, `the widget shows its rows within ${elapsed} ms (saw ${JSON.stringify(seen)})`);
  assert.equal(seen.placeholder, PLACEHOLDER, 'in English');
  assert.match(seen.count, /^20 of 20 programs$/, 'the count in English');
  assert.equal(seen.settled, 'resolved', 'ready resolved');
  assert.notEqual(seen.catalog, null, "catalog('de') settled");
  if (seen.catalog.resolved !== undefined) assert.notEqual(seen.catalog.resolved, PLACEHOLDER_DE, "catalog('de') did not make up German");
  assert.ok(elapsed < 22000, `started after ${elapsed} ms`);
  assert.ok(warnings.some((m) => /de\.js/.test(m)), `a console warning names de.js:\n${warnings.join('\n')}`);
  // It works in English.
  await w.search('soc');
  await w.expectRows(['soc-1', 'soc-2', 'soc-3'], 'search works');
  await page.close();
});

test('a wasm that answered 503 once is fetched again: a widget added later starts, and preload() resolves', { timeout: 60000 }, async () => {
  const page = await newPage();
  let asked = 0;
  await page.route(isWidgetWasm, (route) => {
    asked += 1;
    return asked === 1 ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' }) : route.continue();
  });
  await page.goto(`${env.base}${HOST}`);
  // The first widget meets the 503.
  await addWidget(page, { attrs: { view: 'table' } });
  await poll(() => page.evaluate(() => window.__settled), (s) => s !== null, 20000);
  assert.equal(asked, 1, 'the first request was answered 503');
  // A widget added later, and preload(), start from a fresh request.
  const later = await MatrixPage.add(page, { attrs: { view: 'table' }, id: 'later', into: 'other' });
  const preloaded = await page.evaluate(async () => {
    try {
      await (await import('/dist/compliance-matrix.js')).preload();
      return 'resolved';
    } catch (e) {
      return `rejected: ${e.message}`;
    }
  });
  assert.equal(preloaded, 'resolved', 'preload() after the failure');
  const rows = await poll(() => later.programIds(), (ids) => ids.length === 20, 20000);
  assert.equal(rows.length, 20, `the later widget shows its rows (alert: ${(await later.alertTexts()).join(' | ')})`);
  assert.ok(asked >= 2, 'the wasm was asked for again');
  await page.close();
});

test('after a wasm load failed, setWasmUrl() may name another URL (no "already loading") and the widgets start from it', { timeout: 60000 }, async () => {
  const page = await newPage();
  const asked = [];
  await page.route(isWidgetWasm, (route) => {
    asked.push(route.request().url());
    return asked.length === 1 ? route.fulfill({ status: 503, contentType: 'text/plain', body: 'busy' }) : route.continue();
  });
  await page.goto(`${env.base}${HOST}`);
  const out = await page.evaluate(async () => {
    const m = await import('/dist/compliance-matrix.js');
    const r = {};
    try {
      await m.preload();
      r.first = 'resolved';
    } catch (e) {
      r.first = `rejected: ${e.message}`;
    }
    try {
      m.setWasmUrl('/dist/compliance-matrix_bg.wasm.gz?mirror');
      r.set = 'ok';
    } catch (e) {
      r.set = `threw: ${e.message}`;
    }
    const el = document.createElement('compliance-matrix');
    el.setAttribute('view', 'table');
    document.getElementById('host').append(el);
    try {
      await Promise.race([el.ready, new Promise((_, no) => setTimeout(() => no(new Error('not ready after 20 s')), 20000))]);
      r.ready = 'resolved';
    } catch (e) {
      r.ready = `rejected: ${e.message}`;
    }
    r.rows = el.shadowRoot ? el.shadowRoot.querySelectorAll('tr[data-program]').length : 0;
    return r;
  });
  assert.match(out.first, /^rejected: .*503/, 'the first load met the 503');
  assert.equal(out.set, 'ok', 'setWasmUrl() after the failure');
  assert.equal(out.ready, 'resolved', 'a widget added then starts');
  assert.equal(out.rows, 20);
  assert.ok(asked.some((u) => u.endsWith('?mirror')), `the wasm came from the new URL (${asked.join(', ')})`);
  await page.close();
});
