// Hardening e2e, memory and state: what the widget keeps, and for whom. An element a listener
// takes out during its own start is let go (no widget left rendering for it); a page's strings or
// a restored view of any size is refused without copying it into wasm memory (which never
// shrinks) or echoing it in the alert; a view restored while a `src` loads, or named in the link,
// waits for the data it names; a view nested 10,000 deep or a revoked Proxy is an error, and the
// widget keeps working; a removed element checks a restored view as a mounted one does. Shared
// set-up: support/security-page.mjs.
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security-state.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eventually, poll, DOM, MatrixPage } from './support/matrix-page.mjs';
import { securitySession, newPage, hostPage, handlers, HOST, GEN, TINY } from './support/security-page.mjs';
import { wasmMemoryBytes } from './support/wasm-memory.mjs';

const env = securitySession();

const EN = [...readFileSync('core/src/i18n/en.rs', 'utf8').matchAll(/^ {4}(\w+) = "((?:[^"\\]|\\.)*)",$/gm)];
const GERMAN = JSON.parse(readFileSync('www/i18n/de.js', 'utf8').match(/^export default (".*");$/m)[1]).split('\u001f');
const PLACEHOLDER_DE = GERMAN[EN.findIndex((m) => m[1] === 'searchPlaceholder')];

/** The bytes of every live WebAssembly.Memory on the page, after a garbage collection. */
async function wasmMemoryAfterGc(page) {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    return await wasmMemoryBytes(cdp);
  } finally {
    await cdp.detach().catch(() => {});
  }
}

test('elements a cm-error listener replaces during their own start are let go: a language change re-renders none of them', { timeout: 60000 }, async () => {
  const page = await newPage();
  await page.goto(`${env.base}${HOST}`);
  const out = await page.evaluate(async ([D, german]) => {
    const { ready } = await import('/dist/compliance-matrix.js');
    await ready; // so that each element starts (and meets its error) inside its own connect
    const host = document.getElementById('host');
    const control = document.createElement('compliance-matrix');
    control.setAttribute('view', 'table');
    host.append(control);
    await control.ready;
    const removed = [];
    let fired = 0;
    for (let i = 0; i < 50; i++) {
      const el = document.createElement('compliance-matrix');
      el.setAttribute('view', 'table');
      el.setAttribute('sort', 'nope');
      el.data = { programs: 'not a list' };
      // The page's fallback for a widget that reports a problem: take it out, put a note in.
      el.addEventListener('cm-error', (e) => {
        fired += 1;
        const fallback = document.createElement('p');
        fallback.className = 'fallback';
        fallback.textContent = 'The matrix is not available.';
        e.target.replaceWith(fallback);
      });
      host.append(el);
      removed.push(el);
    }
    await new Promise((r) => setTimeout(r, 500));
    const text = (el) => (el.shadowRoot ? el.shadowRoot.textContent : null);
    const before = removed.map(text);
    const connected = removed.filter((el) => el.isConnected).length;
    const fallbacks = host.querySelectorAll('p.fallback').length;
    document.documentElement.lang = 'de';
    const placeholder = (el) => el.shadowRoot?.querySelector(D.search)?.placeholder ?? null;
    const t0 = performance.now();
    while (performance.now() - t0 < 10000 && placeholder(control) !== german) {
      await new Promise((r) => setTimeout(r, 50));
    }
    await new Promise((r) => setTimeout(r, 1000));
    return {
      fired,
      connected,
      fallbacks,
      control: placeholder(control),
      german: removed.filter((el) => placeholder(el) !== null && placeholder(el) === placeholder(control)).length,
      changed: removed.filter((el, i) => text(el) !== before[i] && (text(el) ?? '').trim() !== '').length,
      live: removed.filter((el) => el.state !== null).length,
    };
  }, [DOM, PLACEHOLDER_DE]);
  assert.equal(out.fallbacks, 50, 'every element was replaced by the fallback');
  assert.equal(out.connected, 0);
  assert.ok(out.fired >= 50, `cm-error fired (${out.fired})`);
  assert.equal(out.control, PLACEHOLDER_DE, 'a mounted widget follows <html lang> into German');
  assert.equal(out.german, 0, 'no removed element re-rendered in German');
  assert.equal(out.changed, 0, "no removed element's shadow root changed after the language switch");
  assert.equal(out.live, 0, 'no removed element has a live widget (its state is null)');
  await page.close();
});

test('strings with a 30,000,000-character key and a restored 30,000,000-character query: short errors, bounded wasm memory, the widget usable', { timeout: 90000 }, async (t) => {
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  const before = await wasmMemoryAfterGc(page);
  const out = await w.evaluate(async (el) => {
    const r = {};
    const n = window.__errors.length;
    try {
      el.strings = { ['k'.repeat(30e6)]: 'x' };
      r.strings = null;
    } catch (e) {
      r.strings = String(e && e.message).slice(0, 2000);
    }
    await new Promise((res) => setTimeout(res, 300));
    const t0 = performance.now();
    try {
      el.restore({ query: 'q'.repeat(30e6) });
      r.restore = 'no error';
    } catch (e) {
      r.restore = `${e instanceof Error ? 'Error' : typeof e}: ${String(e && e.message).slice(0, 2000)}`;
    }
    r.restoreMs = performance.now() - t0;
    await new Promise((res) => setTimeout(res, 300));
    r.errors = window.__errors.slice(n).map((e) => ({ length: e.message.length, start: e.message.slice(0, 200) }));
    r.alertLength = [...el.shadowRoot.querySelectorAll('[role=alert]')].reduce((k, a) => k + a.textContent.length, 0);
    r.query = el.state.query.length;
    return r;
  });
  const after = await wasmMemoryAfterGc(page);
  t.diagnostic(`wasm memory ${before} → ${after} bytes; restore took ${Math.round(out.restoreMs)} ms: ${out.restore.slice(0, 200)}`);
  for (const e of out.errors) assert.ok(e.length < 1000, `a cm-error of ${e.length} characters: ${e.start}…`);
  assert.ok(out.alertLength < 2000, `the alerts hold ${out.alertLength} characters`);
  assert.ok(out.strings === null || out.strings.length < 1000, 'setting strings throws nothing long');
  assert.match(out.restore, /^Error: /, 'restore() of a 30,000,000-character query throws');
  assert.match(out.restore, /restore/, 'the error names restore()');
  assert.ok(out.restore.length < 1000, 'the error is short');
  assert.ok(out.restoreMs < 1000, `restore() threw after ${Math.round(out.restoreMs)} ms`);
  assert.equal(out.query, 0, 'the query was not taken');
  assert.ok(after < 64 * 1024 * 1024, `wasm memory is ${(after / 1048576).toFixed(1)} MB (was ${(before / 1048576).toFixed(1)} MB)`);
  // Usable: a search and a restore work as before.
  await w.search('soc');
  await w.expectRows(['soc-1', 'soc-2', 'soc-3'], 'search works');
  await w.search('');
  await w.evaluate((el) => el.restore({ query: 'iso' }));
  await w.expectRows(['iso-27001', 'iso-9001', 'iso-27017', 'iso-27018'], 'restore works');
  await page.close();
});

const CSV = 'Compliance Program,CRM,Payroll\nAlpha,1,0\nBeta,0,1\nGamma,1,1\nDelta,0,0\nEpsilon,1,0\n';
const IN_SCOPE_CRM = ['alpha', 'gamma', 'epsilon'];

/** A `src` under GEN that answers CSV after `ms`. */
function slowCsv(name, ms = 1000) {
  handlers.set(`${GEN}${name}`, (req, res) => {
    const timer = setTimeout(() => {
      res.writeHead(200, { 'content-type': 'text/csv', 'cache-control': 'no-store' });
      res.end(CSV);
    }, ms);
    res.on('close', () => clearTimeout(timer));
  });
  return `${GEN}${name}`;
}

test('restore() while a src loads: no error, and the view applies once the data it names has arrived', { timeout: 60000 }, async () => {
  const src = slowCsv('crm-restore.csv');
  const page = await newPage();
  await page.goto(`${env.base}${HOST}`);
  const out = await page.evaluate(async (src) => {
    const { ready } = await import('/dist/compliance-matrix.js');
    await ready;
    const el = document.createElement('compliance-matrix');
    el.id = 'w';
    el.setAttribute('view', 'table');
    el.setAttribute('src', src);
    document.getElementById('host').append(el);
    const saved = { query: '', status: 'crm:in-scope', gaps: false, tags: [], sort: 'payroll:desc', services: [], revision: null, compare: null };
    try {
      el.restore(saved);
      return 'no error';
    } catch (e) {
      return `threw: ${e.message}`;
    }
  }, src);
  assert.equal(out, 'no error', 'restore() during the load');
  const w = new MatrixPage(page, '#w');
  await w.ready(20000);
  await eventually(async () => (await w.state())?.status, 'crm:in-scope', 'the restored status applies', 5000);
  const state = await w.state();
  assert.equal(state.sort, 'payroll:desc', 'the restored sort applies');
  assert.deepEqual([...state.visible].sort(), [...IN_SCOPE_CRM].sort(), 'the in-scope CRM programs');
  assert.deepEqual(await w.alertTexts(), [], 'no alert');
  await page.close();
});

for (const syncUrl of [false, true]) {
  test(`a link's view (#cm.status=crm:in-scope&cm.sort=payroll:desc) on a src widget ${syncUrl ? 'with' : 'without'} sync-url applies once the src has arrived`, { timeout: 60000 }, async () => {
    const src = slowCsv(`crm-link-${syncUrl}.csv`);
    const page = await newPage();
    await page.goto(`${env.base}${HOST}#cm.status=crm:in-scope&cm.sort=payroll:desc`);
    const w = await MatrixPage.add(page, { attrs: { view: 'table', src, ...(syncUrl ? { 'sync-url': '' } : {}) }, whenDefined: true });
    await w.ready(20000);
    await eventually(async () => (await w.state())?.visible.length, IN_SCOPE_CRM.length, "the link's status filter applies", 5000);
    const state = await w.state();
    assert.equal(state.status, 'crm:in-scope');
    assert.equal(state.sort, 'payroll:desc');
    assert.deepEqual([...state.visible].sort(), [...IN_SCOPE_CRM].sort());
    assert.equal(await w.count(), '3 of 5 programs');
    await page.close();
  });
}

/** Every way in: the state, save, restore, the exports, data and attributes. */
async function assertWorking(w, where) {
  const out = await w.evaluate(async (el, tiny) => {
    const r = {};
    const attempt = (name, f) => {
      try {
        r[name] = f();
      } catch (e) {
        r[name] = `threw: ${e.message}`;
      }
    };
    attempt('state', () => Array.isArray(el.state.visible));
    attempt('save', () => typeof el.save() === 'object');
    const settle = () => new Promise((res) => setTimeout(res, 300)); // a restored view renders asynchronously
    attempt('restore', () => {
      el.restore({ query: 'soc' });
      return 'done';
    });
    await settle();
    attempt('restoreRows', () => el.state.visible.join(','));
    attempt('csv', () => el.exportCsv().split('\r\n')[1]);
    attempt('unrestore', () => {
      el.restore({ query: '' });
      return 'done';
    });
    await settle();
    attempt('unrestoreRows', () => el.state.visible.length);
    attempt('data', () => {
      el.data = tiny;
      return 'set';
    });
    await settle();
    attempt('dataRows', () => el.state.visible.join(','));
    attempt('attribute', () => {
      el.setAttribute('query', 'alp');
      return 'set';
    });
    await settle();
    attempt('attributeRows', () => el.state.visible.join(','));
    el.removeAttribute('query');
    el.data = null;
    return r;
  }, TINY);
  assert.deepEqual(out, {
    state: true,
    save: true,
    restore: 'done',
    restoreRows: 'soc-1,soc-2,soc-3',
    csv: 'SOC I,1,1,1,1',
    unrestore: 'done',
    unrestoreRows: 20,
    data: 'set',
    dataRows: 'alpha,beta',
    attribute: 'set',
    attributeRows: 'alpha',
  }, `${where}: everything works afterwards`);
}

test('restore() of a view nested 10,000 deep, and a revoked Proxy as strings or view: a clean error, and everything works afterwards', { timeout: 60000 }, async () => {
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  const deep = await w.evaluate((el) => {
    const text = `{"tags":${'['.repeat(10000)}${']'.repeat(10000)}}`;
    try {
      el.restore(JSON.parse(text));
      return 'no error';
    } catch (e) {
      return `${e instanceof Error ? e.name : typeof e}: ${e.message}`;
    }
  });
  // An Error of the widget's own (a stack overflow from the page's object, a RangeError, is not).
  assert.match(deep, /^Error: restore/, `restore() throws an Error naming restore(): ${deep.slice(0, 300)}`);
  assert.doesNotMatch(deep, /recursive use|unreachable|memory access/, `a clean error: ${deep.slice(0, 300)}`);
  await assertWorking(w, 'after the deep view');

  const proxied = await w.evaluate(async (el) => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const r = {};
    try {
      el.strings = proxy;
      r.strings = 'no error';
    } catch (e) {
      r.strings = `threw: ${e.message}`;
    }
    await new Promise((res) => setTimeout(res, 300));
    try {
      el.restore(proxy);
      r.restore = 'no error';
    } catch (e) {
      r.restore = `${e instanceof Error ? e.name : typeof e}: ${e.message}`;
    }
    el.strings = null;
    return r;
  });
  assert.match(proxied.restore, /^(Type)?Error: /, 'restore(revoked Proxy) throws');
  assert.doesNotMatch(proxied.restore, /recursive use|unreachable|memory access/, `a clean error: ${proxied.restore}`);
  await assertWorking(w, 'after the revoked Proxy');
  await page.close();
});

test('restore() on a removed element checks the view as a mounted one does; the user\'s own sort survives the move', { timeout: 60000 }, async () => {
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  // The user's own sort: a click on the Program header.
  await w.sortButton('program').click();
  await eventually(async () => (await w.state()).sort, 'program:asc', 'the user sorted by program');
  const out = await w.evaluate(async (el) => {
    const attempt = () => {
      try {
        el.restore({ sort: 'lambda:desc' });
        return 'no error';
      } catch (e) {
        return e.message;
      }
    };
    const connected = attempt();
    el.remove();
    const removed = attempt();
    const saved = el.save();
    document.getElementById('host').append(el);
    return { connected, removed, saved: saved && saved.sort };
  });
  assert.match(out.connected, /sort: unknown key 'lambda'/, 'a mounted element refuses the sort');
  assert.match(out.removed, /sort: unknown key 'lambda'/, 'a removed one refuses it too');
  assert.notEqual(out.saved, 'lambda:desc', 'save() does not return the refused sort');
  await eventually(async () => (await w.state())?.sort, 'program:asc', "after reinsertion, the user's sort", 5000);
  await poll(() => w.programIds(), (ids) => ids.length === 20, 5000);
  assert.equal((await w.programIds())[0], 'c5', 'sorted by program, A to Z');
  await page.close();
});
