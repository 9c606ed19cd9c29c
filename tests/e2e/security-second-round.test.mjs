// Hardening e2e, second round (issue 19): limits that hold while reading, loads that abort,
// calls that may re-enter, options never read through the prototype chain, hash keys that keep
// a page's anchors, one widget per target and a `ready` that means rendered. Each test failed on
// the head before the fix (noted per test). Shared set-up: support/security-page.mjs.
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security-second-round.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { eventually, poll, DOM } from './support/matrix-page.mjs';
import { securitySession, hostPage, newPage, handlers, generated, GEN, HOST, TINY } from './support/security-page.mjs';

const env = securitySession();

const GOOD = '/tests/hosts/security/good.csv';
const GOOD_ROWS = ['soc-2', 'pci-dss-level-1'];
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

/** Waits for the next cm-error after the ones already recorded; returns its message. */
async function nextError(page, before, timeout = 10000) {
  await page.waitForFunction((n) => window.__errors.length > n, before, { timeout, polling: 50 });
  return page.evaluate((n) => window.__errors[n].message, before);
}

const errorCount = (page) => page.evaluate(() => window.__errors.length);

test('3: a src body without content-length is read up to the limit and no further; a gzip bomb with an honest length too', { timeout: 90000 }, async (t) => {
  // Before: the whole body was read (200 MB here) and the error quoted its full size.
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

test('4: an oversized data object or parseDataset() text is refused before it is copied into wasm memory', { timeout: 90000 }, async (t) => {
  // Before: the JSON text (60 MB here) was copied into linear memory first, which never shrinks.
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => (await cdp.send('Runtime.getHeapUsage')).backingStorageSize;
  const before = await errorCount(page);
  const grown = await heap();
  await w.evaluate((el) => { el.data = { title: 'é'.repeat(3e7) }; });
  const m = await nextError(page, before);
  assert.match(m, /^data: 30,000,0\d\d characters of text, more than the limit of 4,194,304 bytes \(4 MiB\)$/);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const after = await heap();
  if (grown !== undefined && after !== undefined) {
    // The page's own 30-million-character string lives in the JS heap, not in backing stores.
    assert.ok(after - grown < 16 * 1024 * 1024, `backing stores (wasm memory among them) grew by ${after - grown} bytes`);
    t.diagnostic(`30,000,000 é as data: backing stores grew by ${after - grown} bytes`);
  }
  const thrown = await page.evaluate(async () => {
    const { parseDataset, ready } = await import('/dist/compliance-matrix.js');
    await ready;
    try {
      parseDataset('x'.repeat(5e6), 'csv');
      return 'no error';
    } catch (e) {
      return e.message;
    }
  });
  assert.match(thrown, /^parseDataset\(text\): 5000000 characters of text, more than the limit of 4194304 bytes/);
  await w.expectRows(await w.programIds(), 'the widget still works');
  await page.close();
});

test('5: superseded src requests are aborted at once, and so are loads on remove() and unmount()', { timeout: 90000 }, async (t) => {
  // Before: six hanging requests held the browser's six connections for 15 s each.
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

test('6: a body that trickles forever ends with the timeout message', { timeout: 60000 }, async () => {
  // Before: "the body could not be read" after 15 s.
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

test('8: a host fetch that throws synchronously is an error in the widget, not a page error or an endless load', { timeout: 60000 }, async () => {
  const w = await hostPage({ view: 'table', src: GOOD });
  const { page } = w;
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await w.expectRows(GOOD_ROWS, 'good.csv shows');
  await page.evaluate(() => {
    window.fetch = () => { throw new TypeError('fetch is disabled on this page'); };
  });
  const before = await errorCount(page);
  await w.setAttribute('src', '/tests/hosts/security/other.csv');
  assert.match(await nextError(page, before), /other\.csv could not be loaded \(the page's fetch threw\) \(fetch is disabled on this page\)/);
  await w.alertBox.waitFor({ timeout: 5000 });
  assert.deepEqual(pageErrors, [], 'no uncaught error');
  assert.deepEqual(await w.programIds(), GOOD_ROWS, 'the previous rows stay');
  await page.close();
});

test('9: listeners of cm-error and cm-change may call every method and property of the element', { timeout: 60000 }, async () => {
  // Before: "recursive use of an object detected which would lead to unsafe aliasing in rust".
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  const pageErrors = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  const result = await w.evaluate(async (el, tiny) => {
    const problems = [];
    const everything = (where) => {
      for (const [name, f] of Object.entries({
        state: () => el.state,
        save: () => el.save(),
        exportCsv: () => el.exportCsv(),
        exportJson: () => el.exportJson(),
        exportMarkdown: () => el.exportMarkdown(),
        restore: () => el.restore(el.save() || {}),
        attribute: () => el.setAttribute('sort', 'program:asc'),
        property: () => { el.theme = 'light'; },
      })) {
        try {
          f();
        } catch (e) {
          problems.push(`${where}: ${name}: ${e.message}`);
        }
      }
    };
    let fellBack = 0;
    el.addEventListener('cm-error', () => {
      everything('cm-error');
      fellBack += 1;
      el.data = tiny; // the natural fallback
    }, { once: true });
    let changes = 0;
    el.addEventListener('cm-change', () => {
      changes += 1;
      if (changes === 1) everything('cm-change');
    });
    el.data = { programs: 'not a list' };
    const rows = [...el.shadowRoot.querySelectorAll('tbody tr[data-program]')].map((r) => r.dataset.program);
    el.query = 'alpha';
    await new Promise((r) => setTimeout(r, 200));
    return { problems, fellBack, changes, rows, state: el.state };
  }, TINY);
  assert.deepEqual(result.problems, [], 'every call from inside a listener works');
  assert.equal(result.fellBack, 1, 'the cm-error listener ran once');
  assert.deepEqual(result.state.visible, ['alpha'], 'the fallback data shows, filtered by the query set afterwards');
  await w.expectRows(['alpha'], 'the fallback rows are on screen');
  assert.deepEqual(pageErrors, [], 'no page error');
  await page.close();
});

test('10: Object.prototype.data and .src are never read as options', { timeout: 60000 }, async () => {
  const page = await newPage();
  await page.goto(`${env.base}${HOST}`);
  const out = await page.evaluate(async (tiny) => {
    const { mount } = await import('/dist/compliance-matrix.js');
    Object.prototype.data = tiny; // eslint-disable-line no-extend-native
    Object.prototype.src = '/tests/hosts/security/injected.csv'; // eslint-disable-line no-extend-native
    try {
      const el = document.createElement('compliance-matrix');
      el.setAttribute('view', 'table');
      document.getElementById('host').append(el);
      const div = document.createElement('div');
      document.getElementById('other').append(div);
      const handle = mount(div, { view: 'table' });
      await el.ready;
      await handle.ready;
      const rows = (root) => [...root.querySelectorAll('tbody tr[data-program]')].map((r) => r.dataset.program);
      return { element: rows(el.shadowRoot), mounted: rows(div.shadowRoot) };
    } finally {
      delete Object.prototype.data;
      delete Object.prototype.src;
    }
  }, TINY);
  assert.equal(out.element.length, 20, 'the element shows the embedded matrix, not the injected data');
  assert.equal(out.mounted.length, 20, 'mount(target, {}) shows the embedded matrix');
  assert.ok(!out.element.includes('alpha') && !out.mounted.includes('alpha'));
  assert.ok(!page.requests.some((u) => u.includes('injected.csv')), 'the injected src was never fetched');
  await page.close();
});

test('11: an in-page link to #faq neither resets the view nor gets state written into it; an id change moves the keys', { timeout: 60000 }, async () => {
  const w = await hostPage({ view: 'table', 'sync-url': '' });
  const { page } = w;
  await page.evaluate(() => {
    const faq = document.createElement('h2');
    faq.id = 'faq';
    faq.textContent = 'FAQ';
    faq.style.marginTop = '3000px';
    document.body.append(faq);
    const a = document.createElement('a');
    a.href = '#faq';
    a.id = 'to-faq';
    a.textContent = 'FAQ';
    document.body.prepend(a);
  });
  await w.search('soc');
  await eventually(() => page.evaluate(() => location.hash), '#w.query=soc', 'the search is in the hash');
  await page.click('#to-faq');
  await eventually(() => page.evaluate(() => location.hash), '#faq', 'the link lands on #faq');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  assert.equal((await w.state()).query, 'soc', 'the search was not reset by the anchor link');
  await w.search('pci');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  assert.equal(await page.evaluate(() => location.hash), '#faq', 'the anchor is not written into');
  await page.evaluate(() => history.replaceState(null, '', '#w.query=pci'));
  await w.evaluate((el) => { el.id = 'renamed'; });
  await eventually(() => page.evaluate(() => location.hash), '#renamed.query=pci', 'the keys follow the new id');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  await w.widget('#renamed').search('iso');
  await eventually(() => page.evaluate(() => location.hash), '#renamed.query=iso', 'later writes use the new id only');
  await page.close();
});

test('12: mount() twice on one target is refused; ready resolves after a src has rendered', { timeout: 60000 }, async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  handlers.set(`${GEN}slow.csv`, async (req, res) => {
    await held;
    res.writeHead(200, { 'content-type': 'text/csv' });
    res.end('Compliance Program,Amazon ECS\nSOC 2,1\n');
  });
  const page = await newPage();
  await page.goto(`${env.base}${HOST}`);
  const twice = await page.evaluate(async () => {
    const { mount } = await import('/dist/compliance-matrix.js');
    const div = document.createElement('div');
    document.getElementById('other').append(div);
    const first = mount(div, { view: 'table' });
    let message = 'no error';
    try {
      mount(div, { view: 'table' });
    } catch (e) {
      message = e.message;
    }
    await first.ready;
    const widgets = div.shadowRoot.querySelectorAll('.cm-mount').length;
    first.unmount();
    const again = mount(div, { view: 'table' });
    await again.ready;
    return { message, widgets, after: div.shadowRoot.querySelectorAll('.cm-mount').length };
  });
  assert.match(twice.message, /already holds a widget/);
  assert.equal(twice.widgets, 1, 'one widget in the shadow root');
  assert.equal(twice.after, 1, 'after unmount() the target can be mounted again');
  const state = page.evaluate(async (src) => {
    const el = document.createElement('compliance-matrix');
    el.setAttribute('src', src);
    el.setAttribute('view', 'table');
    document.getElementById('host').append(el);
    window.__slowReady = false;
    await el.ready;
    window.__slowReady = true;
    return [...el.shadowRoot.querySelectorAll('tbody tr[data-program]')].map((r) => r.dataset.program);
  }, `${GEN}slow.csv`);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
  assert.equal(await page.evaluate(() => window.__slowReady), false, 'ready waits for the src');
  release();
  assert.deepEqual(await state, ['soc-2'], 'at ready, the src rows are on screen');
  await page.close();
});

test('lazy: importing the module fetches nothing; preload() loads the wasm, awaiting ready the reader too, each once', { timeout: 60000 }, async () => {
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

test('iframe: an element moved into an iframe and back renders each time, with no alert left', { timeout: 60000 }, async () => {
  // Before (issue 17): "Sharing constructed stylesheets in multiple documents is not allowed".
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  const out = await page.evaluate(async () => {
    const frame = document.createElement('iframe');
    frame.srcdoc = '<!doctype html><html lang="en"><body><main id="in"></main></body></html>';
    document.body.append(frame);
    await new Promise((r) => frame.addEventListener('load', r, { once: true }));
    const el = document.getElementById('w');
    const inner = frame.contentDocument.getElementById('in');
    inner.append(frame.contentDocument.adoptNode(el));
    const wait = (f) => window.__t.until(f, 5000);
    const look = () => ({
      rows: el.shadowRoot.querySelectorAll('tbody tr[data-program]').length,
      alert: el.shadowRoot.querySelector('[role=alert]')?.textContent ?? null,
      sheets: el.shadowRoot.adoptedStyleSheets.length,
    });
    await wait(() => el.shadowRoot.querySelectorAll('tbody tr[data-program]').length === 20);
    const inFrame = look();
    document.getElementById('host').append(document.adoptNode(el));
    await wait(() => el.shadowRoot.querySelectorAll('tbody tr[data-program]').length === 20);
    return { inFrame, back: look() };
  });
  assert.deepEqual(out.inFrame, { rows: 20, alert: null, sheets: 1 }, 'inside the iframe');
  assert.deepEqual(out.back, { rows: 20, alert: null, sheets: 1 }, 'moved back');
  await page.close();
});

test('1: a facet with 180 values shows a screenful of chips and a box that finds the others', { timeout: 60000 }, async () => {
  // Before: every value was a chip (100,000 chips froze the page; 180 fill several screens).
  const programs = Array.from({ length: 180 }, (_, k) => ({
    id: `p${k}`,
    name: `Program ${k}`,
    tags: [`region:r${k}`, k % 2 ? 'kind:odd' : 'kind:even'],
    status: { ecs: 'in-scope' },
  }));
  const data = { ...TINY, programs };
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  await w.evaluate((el, d) => { el.data = d; }, data);
  await eventually(async () => (await w.state())?.visible.length, 180, 'the 180 programs show');
  // The chips are in the Filters menu, built as it opens.
  await w.openFilters();
  const chips = () => w.evaluate((el) => [...el.shadowRoot.querySelectorAll('[data-facet=region] [data-tag]')].map((b) => b.dataset.tag));
  assert.equal((await chips()).length, 24, 'a screenful of region chips');
  assert.equal(await w.evaluate((el) => el.shadowRoot.querySelectorAll('[data-facet=kind] [data-tag]').length), 2, 'a short facet shows all its chips');
  assert.equal(await w.evaluate((el) => el.shadowRoot.querySelectorAll('[data-facet=kind] [part=facet-find]').length), 0, 'and no find box');
  const find = w.locator('[data-facet=region] [part=facet-find]');
  assert.equal(await find.getAttribute('aria-label'), 'Find a value of Region');
  assert.match(await w.locator('[data-facet=region] .cm-facet-note').textContent(), /^24 of 180 values shown/);
  await find.fill('r17');
  await eventually(chips, ['region:r17', ...Array.from({ length: 10 }, (_, k) => `region:r${170 + k}`)], 'the find box narrows the chips');
  assert.match(await w.locator('[data-facet=region] .cm-facet-note').textContent(), /^11 of 180 values match/);
  await w.locator('[data-tag="region:r175"]').click();
  await eventually(async () => (await w.state()).visible, ['p175'], 'a chip found by typing filters the rows');
  await find.fill('');
  await eventually(async () => (await chips()).length, 25, 'the selected chip stays beside the first screenful');
  assert.ok((await chips()).includes('region:r175'));
  await page.close();
});
