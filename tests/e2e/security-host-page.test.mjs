// Hardening e2e, busy host pages and leaks: 50 instances with different attributes on
// one page each show their own rows and stay independent; mount/unmount cycles (through mount()
// and the element) return the JS heap, wasm memory, DOM nodes and listeners to the start,
// measured through CDP. And what a host page's own code may do around the widget: a fetch that
// throws, listeners that call back into the element, options set on Object.prototype, in-page
// anchors beside `sync-url`, mount() twice on one target, `ready` with a slow `src`, the element
// moved into an iframe and back. Shared set-up: support/security-page.mjs.
// Full-scale cycles: CM_CYCLES=1000 node --test --test-concurrency=1 --test-timeout=600000 tests/e2e/security-host-page.test.mjs
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security-host-page.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, MatrixPage, DOM } from './support/matrix-page.mjs';
import {
  securitySession, newPage, hostPage, assertRequests, assertPageClean, finish, handlers, nextError, errorCount,
  SEED, HOST, GEN, GOOD, GOOD_ROWS, TINY,
} from './support/security-page.mjs';
import { wasmMemoryBytes } from './support/wasm-memory.mjs';

const env = securitySession();
const CYCLES = Number(process.env.CM_CYCLES || 400);

// A reference model of the filters and sort (src/query.rs), for the 50-instance page.
const LATEST_EKS = { irap: 'in-scope', 'fedramp-moderate': 'in-scope', 'fedramp-high': 'in-scope', 'dod-cc-srg': 'in-progress', ospar: 'in-scope' };
const RANK = { 'in-scope': 0, 'in-progress': 1, 'not-in-scope': 2, unknown: 3 };
const SERVICE_IDS = SEED.services.map((s) => s.id);
function programsFor(revision) {
  return SEED.programs.map((p) => {
    const cells = {};
    for (const s of SERVICE_IDS) {
      const c = p.status[s] ?? 'unknown';
      cells[s] = typeof c === 'string' ? c : c.status;
    }
    if (revision === 'latest' && LATEST_EKS[p.id]) cells.eks = LATEST_EKS[p.id];
    return { id: p.id, name: p.name, aliases: p.aliases ?? [], tags: p.tags ?? [], cells };
  });
}
function words(s) {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
function expectedFor(a) {
  const list = (v) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const shown = list(a.services).length ? list(a.services) : SERVICE_IDS;
  const qw = words(a.query ?? '');
  const [fs, fv] = a.status && a.status !== 'any' ? a.status.split(':') : [];
  const tags = list(a.tags);
  const facets = [...new Set(tags.map((t) => t.split(':')[0]))];
  let rows = programsFor(a.revision).filter((p) => {
    const names = [p.name, ...p.aliases].map(words);
    if (qw.length && !names.some((n) => qw.every((q) => n.some((w) => w.startsWith(q))))) return false;
    if (fs && p.cells[fs] !== fv) return false;
    if (a.gaps !== null && a.gaps !== undefined && shown.every((s) => p.cells[s] === p.cells[shown[0]])) return false;
    for (const f of facets) if (!tags.filter((t) => t.startsWith(`${f}:`)).some((t) => p.tags.includes(t))) return false;
    return true;
  });
  const keys = list(a.sort).map((k) => k.split(':'));
  const cov = (p) => [shown.filter((s) => p.cells[s] === 'in-scope').length, shown.filter((s) => p.cells[s] === 'in-progress').length];
  const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  rows = [...rows].sort((x, y) => {
    for (const [k, d] of keys) {
      let o;
      if (k === 'program') o = cmp(x.name.toLowerCase(), y.name.toLowerCase()) || cmp(x.name, y.name);
      else if (k === 'coverage') {
        const [cx, cy] = [cov(x), cov(y)];
        o = cmp(cx[0], cy[0]) || cmp(cx[1], cy[1]);
      } else o = cmp(RANK[x.cells[k]], RANK[y.cells[k]]);
      if (d === 'desc') o = -o;
      if (o) return o;
    }
    return 0;
  });
  return { visible: rows.map((p) => p.id), services: shown };
}

test('50 instances with different attributes on one page each show their own rows; typing in one changes only it', { timeout: 120000 }, async () => {
  const page = await newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${env.base}/tests/hosts/security/fifty.html`);
  page.baseline = await page.evaluate(() => window.__t.pageState());
  const attrs = await page.evaluate(() =>
    [...document.querySelectorAll('compliance-matrix')].map((el) => ({
      id: el.id,
      ...Object.fromEntries(['services', 'query', 'status', 'gaps', 'tags', 'sort', 'view', 'theme', 'revision'].map((k) => [k, el.getAttribute(k)])),
    })),
  );
  assert.equal(attrs.length, 50);
  assert.ok(new Set(attrs.map((a) => JSON.stringify({ ...a, id: 0 }))).size === 50, 'every instance has different attributes');
  await page.waitForFunction(() => [...document.querySelectorAll('compliance-matrix')].every((el) => el.state), null, { timeout: 30000 });
  const shownNow = () =>
    page.evaluate((D) =>
      [...document.querySelectorAll('compliance-matrix')].map((el) => {
        const r = el.shadowRoot;
        return {
          id: el.id,
          visible: el.state.visible,
          services: el.state.services,
          rows: window.__t.rows(el),
          heads: [...r.querySelectorAll(D.header)].map((th) => th.dataset.key),
          table: r.querySelectorAll(D.table).length,
          diagram: r.querySelectorAll(D.diagram).length,
          theme: [...r.querySelector(D.root).classList].filter((c) => c.startsWith('cm-theme-')),
          alert: window.__t.alert(el),
        };
      }),
    DOM);
  const want = attrs.map((a) => {
    const e = expectedFor(a);
    const view = a.view ?? 'both';
    return {
      id: a.id,
      visible: e.visible,
      services: e.services,
      rows: view === 'diagram' ? [] : e.visible,
      heads: view === 'diagram' ? [] : ['program', ...e.services, 'coverage'],
      table: view === 'diagram' ? 0 : 1,
      diagram: view === 'table' ? 0 : 1,
      theme: a.theme === 'light' || a.theme === 'dark' ? [`cm-theme-${a.theme}`] : [],
      alert: null,
    };
  });
  await eventually(shownNow, want, 'each instance shows the rows its attributes ask for', 15000);
  const nonEmpty = want.filter((w) => w.visible.length > 0).length;
  assert.ok(nonEmpty >= 25, `at least half the instances show rows (${nonEmpty})`);
  // Independence: typing into one changes that one only.
  const target = attrs.find((a) => (a.view ?? 'both') !== 'diagram' && !a.query && !a.status && !a.tags && a.gaps === null);
  assert.ok(target, 'an unfiltered instance to type into');
  await new MatrixPage(page, `#${target.id}`).search('iso 27');
  const after = want.map((w) => (w.id === target.id ? { ...w, ...(() => { const e = expectedFor({ ...target, query: 'iso 27' }); return { visible: e.visible, rows: e.visible }; })() } : w));
  await eventually(shownNow, after, `only #${target.id} changes`);
  await assertPageClean(page, '50 instances');
  assertRequests(page, ['/tests/hosts/security/fifty.html']);
  finish(page);
});

test(`${CYCLES} mount/unmount cycles: JS heap, wasm memory, DOM nodes and listeners return to the start`, { timeout: 120000 + CYCLES * 300 }, async () => {
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  await w.evaluate((el) => el.remove());
  const cdp = await page.context().newCDPSession(page);
  const listenersOn = async (expr) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return listeners.map((l) => l.type).sort();
  };
  const measure = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const wasm = await wasmMemoryBytes(cdp);
    return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents, wasm, window: await listenersOn('window'), document: await listenersOn('document') };
  };
  // Half the cycles use mount() on a div, half create and remove the element; options vary and
  // include sync-url (window listeners), the diagram and data. A new mount must never show an
  // earlier mount's content (a reused root rendered late): the wait for rows would then end at
  // once, and the widget's renders would queue up unrun instead of being measured.
  await page.evaluate((D) => {
    window.__stale = 0;
    window.__cycles = async (n, offset) => {
      const { mount, ready } = await import('/dist/compliance-matrix.js');
      await ready;
      const host = document.getElementById('host');
      const variants = [
        { view: 'table' },
        { view: 'both', query: 'iso' },
        { view: 'diagram' },
        { view: 'table', syncUrl: true, sort: 'program:desc' },
        { view: 'table', status: 'fargate:not-in-scope', gaps: true },
        { view: 'table', data: { as_of: '2024-01-01', source: { title: 't', url: 'https://example.com' }, services: [{ id: 'ecs', name: 'E' }], programs: [{ id: 'a', name: 'A', status: { ecs: 'in-scope' } }] } },
      ];
      for (let i = offset; i < offset + n; i++) {
        const o = variants[i % variants.length];
        const ready = (root) => root && root.querySelector(`${D.row}, ${D.diagram}`);
        if (i % 2 === 0) {
          const div = document.createElement('div');
          host.append(div);
          const h = mount(div, o);
          if (ready(div.shadowRoot)) window.__stale++;
          await window.__t.until(() => ready(div.shadowRoot), 5000);
          h.unmount();
          div.remove();
        } else {
          const el = document.createElement('compliance-matrix');
          for (const [k, v] of Object.entries(o)) {
            if (k === 'data') el.data = v;
            else if (k === 'syncUrl') el.setAttribute('sync-url', '');
            else if (v === true) el.setAttribute(k, '');
            else el.setAttribute(k, v);
          }
          host.append(el);
          if (ready(el.shadowRoot)) window.__stale++;
          await window.__t.until(() => ready(el.shadowRoot), 5000);
          el.remove();
        }
      }
      history.replaceState(null, '', location.pathname);
      await window.__t.sleep(50);
    };
  }, DOM);
  const warmup = 12;
  await page.evaluate((n) => window.__cycles(n, 0), warmup);
  const start = await measure();
  const t0 = Date.now();
  await page.evaluate((n) => window.__cycles(n, 12), CYCLES);
  const ms = Date.now() - t0;
  const end = await measure();
  const stale = await page.evaluate(() => window.__stale);
  const pct = (a, b) => `${(((b - a) / a) * 100).toFixed(1)}%`;
  const report = `${CYCLES} cycles in ${ms} ms: heap ${start.heap} → ${end.heap} (${pct(start.heap, end.heap)}), wasm ${start.wasm} → ${end.wasm} (${pct(start.wasm, end.wasm)}), nodes ${start.nodes} → ${end.nodes}, listeners ${start.listeners} → ${end.listeners}, documents ${start.documents} → ${end.documents}`;
  console.log(`# ${report}`);
  const leaks = [];
  if (stale) leaks.push(`${stale} mounts showed an earlier mount's content before rendering their own`);
  if (end.heap > start.heap * 1.1) leaks.push('JS heap grew more than 10% after GC');
  if (end.wasm > start.wasm * 1.1) leaks.push('wasm memory grew more than 10%');
  if (end.nodes > start.nodes + 50) leaks.push(`${end.nodes - start.nodes} DOM nodes left (tolerance 50)`);
  if (end.listeners > start.listeners + 5) leaks.push(`${end.listeners - start.listeners} JS event listeners left (tolerance 5)`);
  if (JSON.stringify(end.window) !== JSON.stringify(start.window)) leaks.push(`window listeners ${start.window.join(',')} → ${end.window.join(',')}`);
  if (JSON.stringify(end.document) !== JSON.stringify(start.document)) leaks.push(`document listeners ${start.document.join(',')} → ${end.document.join(',')}`);
  assert.deepEqual(leaks, [], report);
  assert.equal(await page.evaluate(() => document.getElementById('host').children.length), 0);
  assertRequests(page, []);
  finish(page);
});

// ---------------------------------------------------------------------------------------------
// What the host page's own code does: its fetch, its listeners, its prototypes, its anchors
// ---------------------------------------------------------------------------------------------

test('a host fetch that throws synchronously is an error in the widget, not a page error or an endless load', { timeout: 60000 }, async () => {
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

test('listeners of cm-error and cm-change may call every method and property of the element', { timeout: 60000 }, async () => {
  // Before the fix: "recursive use of an object detected which would lead to unsafe aliasing in rust".
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

test('Object.prototype.data and .src are never read as options', { timeout: 60000 }, async () => {
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

test('an in-page link to #faq neither resets the view nor gets state written into it; an id change moves the keys', { timeout: 60000 }, async () => {
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

test('mount() twice on one target is refused; ready resolves after a src has rendered', { timeout: 60000 }, async () => {
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

test('an element moved into an iframe and back renders each time, with no alert left', { timeout: 60000 }, async () => {
  // Before the fix: "Sharing constructed stylesheets in multiple documents is not allowed".
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
