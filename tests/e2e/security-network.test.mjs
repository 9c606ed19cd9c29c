// Hardening e2e (issue 7), network: what a `src` server can send. Truncated and deep JSON, NUL
// characters, invalid UTF-8, HTTP 404 and 500, an HTML page, an empty body, 10 MB (with and
// without content-length), 100,000 rows and a server that never answers: each a clear error in
// [role=alert][part=error] and `cm-error`, the previous rows kept, the page responsive; no
// request beyond the widget's own files and the given `src`. Shared set-up: support/security-page.mjs.
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security-network.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, DOM } from './support/matrix-page.mjs';
import { securitySession, hostPage, assertRequests, assertPageClean, assertShadowClean, finish, generated, GEN, TINY } from './support/security-page.mjs';

securitySession();

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

const GOOD_ROWS = ['soc-2', 'pci-dss-level-1'];

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
