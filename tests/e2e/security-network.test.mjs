// Hardening e2e, network: what a `src` server can send. Truncated and deep JSON, NUL
// characters, invalid UTF-8, HTTP 404 and 500, an HTML page, an empty body, 10 MB (with and
// without content-length), 100,000 rows and a server that never answers: each a clear error in
// [role=alert][part=error] and `cm-error`, the previous rows kept, the page responsive; no
// request beyond the widget's own files and the given `src`. A body without content-length and a
// gzip bomb are read up to the 4 MiB limit and no further; a body that trickles ends with the
// timeout; a superseded `src`, and a load still running when the element is removed or
// unmounted, is aborted at once, so hanging requests cannot hold the browser's connections. The
// module fetches nothing when imported, and each wasm once. Shared set-up:
// support/security-page.mjs.
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security-network.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { eventually, poll, DOM } from './support/matrix-page.mjs';
import {
  securitySession, hostPage, newPage, assertRequests, assertPageClean, assertShadowClean, finish, generated, handlers,
  nextError, errorCount, GEN, GOOD, GOOD_ROWS, TINY,
} from './support/security-page.mjs';

const env = securitySession();

const TEN_MB = 10 * 1024 * 1024;
function bigCsv(bytes) {
  const line = 'Some program name that is long enough,1,0\n';
  return 'Compliance Program,Amazon ECS,ECS Fargate\n' + line.repeat(Math.ceil(bytes / line.length));
}
const UTF8_PREFIX = 'Compliance Program,Amazon ECS\nSOC II,';

function malformedCases() {
  const deepCell = '{"as_of":"2020-01-01","source":{"title":"t","url":""},"services":[{"id":"ecs","name":"E"}],"programs":[{"id":"a","name":"A","status":{"ecs":' + '['.repeat(100000);
  const cases = [
    { name: 'truncated.json', type: 'application/json', body: '{"as_of": "2020-01-01", "source": {"title": "t", "url": "https://example.com"}, "services": [{"id": "ecs", "na', expect: /truncated\.json: line 1, column \d+: invalid JSON: EOF while parsing/ },
    { name: 'deep.json', type: 'application/json', body: '['.repeat(100000), expect: /deep\.json: line 1, column \d+: invalid JSON/ },
    // A cell that is not a status is skipped without recursion (src/dataset.rs), so 100,000
    // unclosed brackets there are read to the end of the text.
    { name: 'deep-cell.json', type: 'application/json', body: deepCell, expect: /deep-cell\.json: line 1, column \d+: invalid JSON: EOF while parsing a list/ },
    { name: 'nul.csv', type: 'text/csv', body: 'Compliance Program,Amazon ECS\nSOC\u0000II,1\n', expect: /nul\.csv: programs\[0\]\.name: contains a NUL character/ },
    { name: 'nul.json', type: 'application/json', body: '{"as_of": "2020-01-01\u0000"}', expect: /nul\.json: line 1, column \d+: invalid JSON: control character/ },
    { name: 'nul-escaped.json', type: 'application/json', body: JSON.stringify({ ...TINY, title: 'a\u0000b' }), expect: /nul-escaped\.json: title: contains a NUL character/ },
    { name: 'latin1.csv', type: 'text/csv', body: Buffer.concat([Buffer.from(UTF8_PREFIX), Buffer.from([0xff, 0xfe, 0x31]), Buffer.from('\n')]), expect: new RegExp(`latin1\\.csv is not UTF-8 text \\(invalid byte at offset ${Buffer.byteLength(UTF8_PREFIX)}\\)`) },
    { name: 'missing.csv', type: 'text/plain', status: 404, body: 'not found', expect: /missing\.csv answered HTTP 404/ },
    { name: 'server-error.json', type: 'text/plain', status: 500, body: 'oops', expect: /server-error\.json answered HTTP 500/ },
    { name: 'page.html', type: 'text/html; charset=utf-8', body: '<!doctype html><html><head><title>Login</title></head><body><script>window.__pwned=1</script><form>…</form></body></html>', expect: /page\.html: got an HTML page, not a dataset/ },
    { name: 'error-page.csv', type: 'text/csv', body: '<HTML><body><h1>502 Bad Gateway</h1><img src=x onerror=window.__pwned=1></body></HTML>', expect: /error-page\.csv: got an HTML page/ },
    { name: 'empty.csv', type: 'text/csv', body: '', expect: /empty\.csv: empty input/ },
    { name: 'big.csv', type: 'text/csv', body: bigCsv(TEN_MB), expect: /big\.csv is \d+ bytes, more than the limit of 4194304 bytes/ },
    { name: 'big-chunked.csv', type: 'text/csv', chunked: true, body: bigCsv(TEN_MB), expect: /big-chunked\.csv is larger than the limit of 4194304 bytes \(4 MiB\): the read stopped at \d+ bytes/ },
  ];
  for (const c of cases) if (c.name !== 'missing.csv') generated.set(`${GEN}${c.name}`, c);
  generated.set(`${GEN}missing.csv`, { type: 'text/plain', status: 404, body: 'not found' });
  return cases;
}

/** Sets src, waits for one more cm-error; checks the alert, the rows kept and responsiveness. */
async function expectSrcError(w, src, expect, keptRows, timeout = 10000) {
  const { page } = w;
  const before = await page.evaluate(() => window.__errors.length);
  await w.setAttribute('src', src);
  await page.waitForFunction((n) => window.__errors.length > n, before, { timeout, polling: 50 });
  const events = await page.evaluate((n) => window.__errors.slice(n).map((e) => e.message), before);
  assert.equal(events.length, 1, `${src}: one cm-error (${events.join(' | ')})`);
  assert.match(events[0], expect, `${src}: cm-error message`);
  await w.alertBox.waitFor({ timeout: 5000 });
  const alert = await w.alert();
  assert.ok(alert.items.includes(events[0]), `${src}: the alert shows the message (${alert.text.slice(0, 300)})`);
  assert.match(alert.text, /still shows the previous data/);
  assert.deepEqual(await w.programIds(), keptRows, `${src}: the previous rows stay`);
  // Responsive: an evaluate answers at once, and the search box still filters.
  const t0 = Date.now();
  await page.evaluate(() => 1);
  assert.ok(Date.now() - t0 < 1000, `${src}: the page answered in ${Date.now() - t0} ms`);
  await w.search('soc');
  await w.expectRows(keptRows.filter((r) => r.startsWith('soc')), `${src}: search still works`);
  await w.search('');
  await w.expectRows(keptRows, `${src}: search cleared`);
  return events[0];
}

test('malformed src (truncated/deep JSON, NUL, invalid UTF-8, 404, 500, HTML page, empty, 10 MB): clear error, cm-error, previous rows, responsive', { timeout: 120000 }, async () => {
  const cases = malformedCases();
  const w = await hostPage({ view: 'table', src: '/tests/hosts/security/good.csv' });
  const { page } = w;
  await w.expectRows(GOOD_ROWS, 'good.csv shows');
  const messages = {};
  for (const c of cases) messages[c.name] = await expectSrcError(w, `${GEN}${c.name}`, c.expect, GOOD_ROWS);
  // A good src after all that still loads.
  await w.setAttribute('src', '/tests/hosts/security/good.csv?again');
  await eventually(() => w.locator(DOM.anyAlert).count(), 0, 'the alert goes when good data loads');
  await w.expectRows(GOOD_ROWS, 'good.csv again');
  await assertShadowClean(page, 'malformed src');
  await assertPageClean(page, 'malformed src');
  assertRequests(page, ['/tests/hosts/security/good.csv', ...cases.map((c) => `${GEN}${c.name}`)]);
  finish(page, { allowConsole: [/Failed to load resource: the server responded with a status of (404|500)/] });
});

test('src: a 100,000-row CSV is refused with a clear error (over 20,000 programs) while the page stays responsive', { timeout: 90000 }, async () => {
  let csv = 'Compliance Program,Amazon ECS,ECS Fargate\n';
  for (let i = 0; i < 100000; i++) csv += `Program ${i},1,0\n`;
  generated.set(`${GEN}rows-100k.csv`, { type: 'text/csv', body: csv });
  const w = await hostPage({ view: 'table', src: '/tests/hosts/security/good.csv' });
  const { page } = w;
  await w.expectRows(GOOD_ROWS, 'good.csv shows');
  try {
    await w.setAttribute('src', `${GEN}rows-100k.csv`);
    const t0 = Date.now();
    let worst = 0;
    let errors = 0;
    while (Date.now() - t0 < 60000) {
      const p0 = Date.now();
      const answer = await Promise.race([page.evaluate(() => window.__errors.length), new Promise((r) => setTimeout(() => r('no answer'), 2000))]);
      worst = Math.max(worst, Date.now() - p0);
      assert.notEqual(answer, 'no answer', `the page did not answer for 2 s while the ${(csv.length / 1e6).toFixed(1)} MB, 100,000-row CSV was read (${Date.now() - t0} ms after src was set)`);
      errors = answer;
      if (errors > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(errors, 1, 'one cm-error');
    const message = await page.evaluate(() => window.__errors[0].message);
    assert.ok(
      /programs: 100,000 programs is more than the limit of 20,000/.test(message) || /more than the limit of 4,194,304 bytes/.test(message),
      `the error names the limit: ${message}`,
    );
    assert.ok(worst < 1000, `the page answered within ${worst} ms at worst`);
    assert.deepEqual(await w.programIds(), GOOD_ROWS, 'the previous rows stay');
    finish(page);
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => {});
  }
});

test('src: a server that never answers is abandoned after 15 s with a clear error; the page works meanwhile', { timeout: 60000 }, async () => {
  const w = await hostPage({ view: 'table', src: '/tests/hosts/security/good.csv' });
  const { page } = w;
  await w.expectRows(GOOD_ROWS, 'good.csv shows');
  const started = Date.now();
  const before = await page.evaluate(() => window.__errors.length);
  await w.setAttribute('src', `${GEN}never.csv`);
  // While it waits: a loading note, busy state, and everything else still works.
  await w.locator('[part=loading]').waitFor({ timeout: 5000 });
  assert.equal(await w.locator(DOM.root).getAttribute('aria-busy'), 'true');
  await w.search('pci');
  await w.expectRows(['pci-dss-level-1'], 'search works while loading');
  await w.search('');
  await page.waitForFunction((n) => window.__errors.length > n, before, { timeout: 25000, polling: 100 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 14000 && elapsed < 22000, `gave up after ${elapsed} ms (15 s expected)`);
  const message = (await page.evaluate(() => window.__errors.at(-1).message));
  assert.match(message, /never\.csv did not answer within 15 seconds/);
  const alert = await w.alert();
  assert.ok(alert?.items.includes(message), 'shown in the alert');
  assert.equal(await w.locator('[part=loading]').count(), 0, 'the loading note is gone');
  assert.deepEqual(await w.programIds(), GOOD_ROWS, 'the previous rows stay');
  assertRequests(page, ['/tests/hosts/security/good.csv', `${GEN}never.csv`]);
  finish(page);
});

// ---------------------------------------------------------------------------------------------
// Reads that stop at the limit, loads that are let go, and what the module fetches
// ---------------------------------------------------------------------------------------------

const LIMIT = 4 * 1024 * 1024;

/** A URL whose request hangs until the client goes away; `closed` counts the ones that did. */
function hangingUrl(name) {
  const path = `${GEN}${name}`;
  const stats = { opened: 0, closed: 0 };
  handlers.set(path, (req, res) => {
    stats.opened += 1;
    res.on('close', () => { stats.closed += 1; });
  });
  return { path, stats };
}

test('src: a body without content-length is read up to the limit and no further; a gzip bomb with an honest length too', { timeout: 90000 }, async (t) => {
  // Before the fix, the whole body was read (200 MB here) and the error quoted its full size.
  let sent = 0;
  let ended = false;
  handlers.set(`${GEN}endless.csv`, (req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    const line = Buffer.from('Some program name that is long enough,1,0\n'.repeat(1500));
    const pump = () => {
      while (!ended && sent < 200 * 1024 * 1024) {
        sent += line.length;
        if (!res.write(line)) return res.once('drain', pump);
      }
      res.end();
    };
    res.on('close', () => { ended = true; });
    res.write('Compliance Program,Amazon ECS,ECS Fargate\n');
    pump();
  });
  const bomb = gzipSync(Buffer.alloc(64 * 1024 * 1024, 0x41));
  generated.set(`${GEN}bomb.csv`, { type: 'text/csv', body: bomb, encoding: 'gzip' });

  const w = await hostPage({ view: 'table', src: GOOD });
  const { page } = w;
  await w.expectRows(GOOD_ROWS, 'good.csv shows');
  let before = await errorCount(page);
  await w.setAttribute('src', `${GEN}endless.csv`);
  const m = await nextError(page, before, 30000);
  assert.match(m, /endless\.csv is larger than the limit of 4194304 bytes \(4 MiB\): the read stopped at \d+ bytes/);
  const stoppedAt = Number(m.match(/stopped at (\d+)/)[1]);
  assert.ok(stoppedAt > LIMIT && stoppedAt < LIMIT + 4 * 1024 * 1024, `stopped just past the limit (${stoppedAt})`);
  await poll(() => ended, Boolean, 5000);
  assert.ok(ended, 'the connection was closed by the widget');
  assert.ok(sent < 64 * 1024 * 1024, `the server sent ${sent} bytes before the widget hung up (of 200 MB)`);
  t.diagnostic(`endless body: the read stopped at ${stoppedAt} bytes; the server had written ${sent} bytes of 200 MB`);
  assert.deepEqual(await w.programIds(), GOOD_ROWS, 'the previous rows stay');

  assert.ok(bomb.length < LIMIT, `the bomb is ${bomb.length} bytes compressed`);
  before = await errorCount(page);
  await w.setAttribute('src', `${GEN}bomb.csv`);
  assert.match(await nextError(page, before, 30000), /bomb\.csv is larger than the limit of 4194304 bytes \(4 MiB\): the read stopped at \d+ bytes/);
  await page.close();
});

test('src: superseded requests are aborted at once, and so are loads on remove() and unmount()', { timeout: 90000 }, async (t) => {
  // Before the fix, six hanging requests held the browser's six connections for 15 s each.
  const w = await hostPage({ view: 'table', src: GOOD });
  const { page } = w;
  await w.expectRows(GOOD_ROWS, 'good.csv shows');
  const hangs = [];
  for (let i = 0; i < 6; i += 1) {
    const h = hangingUrl(`hang-${i}.csv`);
    hangs.push(h);
    await w.setAttribute('src', h.path);
    await poll(() => h.stats.opened, Boolean, 3000);
  }
  const t0 = Date.now();
  await w.setAttribute('src', '/tests/hosts/security/good.csv?again');
  await poll(() => hangs.filter((h) => h.stats.closed).length, (n) => n === 6, 5000);
  assert.deepEqual(hangs.map((h) => h.stats.closed), [1, 1, 1, 1, 1, 1], 'every superseded request was aborted');
  await w.expectRows(GOOD_ROWS, 'the last src shows');
  assert.ok(Date.now() - t0 < 5000, `the answering src showed after ${Date.now() - t0} ms`);
  t.diagnostic(`after six hanging srcs, the seventh showed in ${Date.now() - t0} ms`);

  const removed = hangingUrl('hang-removed.csv');
  await w.setAttribute('src', removed.path);
  await poll(() => removed.stats.opened, Boolean, 3000);
  await w.evaluate((el) => el.remove());
  await poll(() => removed.stats.closed, Boolean, 5000);
  assert.equal(removed.stats.closed, 1, 'el.remove() during a load aborts it');

  const unmounted = hangingUrl('hang-unmounted.csv');
  await page.evaluate(async (src) => {
    const { mount } = await import('/dist/compliance-matrix.js');
    const div = document.createElement('div');
    document.getElementById('other').append(div);
    window.__handle = mount(div, { src });
  }, unmounted.path);
  await poll(() => unmounted.stats.opened, Boolean, 10000);
  await page.evaluate(() => window.__handle.unmount());
  await poll(() => unmounted.stats.closed, Boolean, 5000);
  assert.equal(unmounted.stats.closed, 1, 'unmount() during a load aborts it');
  await page.close();
});

test('src: a body that trickles forever ends with the timeout message', { timeout: 60000 }, async () => {
  // Before the fix: "the body could not be read" after 15 s.
  let timer;
  handlers.set(`${GEN}trickle.csv`, (req, res) => {
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.write('Compliance Program,Amazon ECS\n');
    timer = setInterval(() => res.write('x'), 300);
    res.on('close', () => clearInterval(timer));
  });
  const w = await hostPage({ view: 'table', src: GOOD });
  const { page } = w;
  await w.expectRows(GOOD_ROWS, 'good.csv shows');
  const before = await errorCount(page);
  await w.setAttribute('src', `${GEN}trickle.csv`);
  assert.match(await nextError(page, before, 25000), /trickle\.csv did not answer within 15 seconds/);
  clearInterval(timer);
  await page.close();
});

test('importing the module fetches nothing; preload() loads the wasm, awaiting ready the reader too, each once', { timeout: 60000 }, async () => {
  const page = await newPage();
  await page.goto(`${env.base}/tests/e2e/fixtures/blank.html`);
  const wasm = () => page.requests.filter((u) => u.endsWith('.wasm.gz')).length;
  await page.evaluate(async () => {
    window.cm = await import('/dist/compliance-matrix.js');
  });
  await page.evaluate(() => new Promise((r) => setTimeout(r, 500)));
  assert.equal(wasm(), 0, 'no wasm request at import');
  assert.equal(await page.evaluate(() => typeof customElements.get('compliance-matrix')), 'function', 'the element is defined');
  await page.evaluate(() => window.cm.preload());
  assert.equal(wasm(), 1, 'preload() loads the wasm');
  // `ready` also loads the dataset reader (parseDataset needs it); the widget's wasm stays loaded once.
  await page.evaluate(async () => { await window.cm.ready; await window.cm.ready; });
  assert.deepEqual(page.requests.filter((u) => u.endsWith('.wasm.gz')).map((u) => u.split('/').pop()), ['compliance-matrix_bg.wasm.gz', 'compliance-matrix-reader_bg.wasm.gz'], 'each once');
  await page.close();
});
