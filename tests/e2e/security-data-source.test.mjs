// Hardening e2e, never the embedded data in the page's place: a widget whose page gave it data
// (a `data` object, or its own <table>) shows that data or an error, never the embedded AWS
// matrix, which a reader would take for the page's answer. A dataset that fails validation at
// the first mount, a dataset the reader could not be loaded for, a page table taken out for a
// moment, a table wrapped in a <div> or <figure>, and content without any table: each shows the
// page's rows or an alert, and the state and the exports hold no AWS program. Shared set-up:
// support/security-page.mjs.
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security-data-source.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { poll, DOM, MatrixPage } from './support/matrix-page.mjs';
import { securitySession, newPage, HOST, SEED, TINY } from './support/security-page.mjs';

const env = securitySession();

const AWS_IDS = SEED.programs.map((p) => p.id);
const AWS_TITLE = SEED.title;

/** A page table of our own: a header of services and ✓/✗ cells (as child-table.test.mjs reads them). */
const table = (rows) => `
  <table>
    <thead><tr><th>Program</th><th>Amazon ECS</th><th>Amazon EKS</th></tr></thead>
    <tbody>${rows.map(([name, a, b]) => `<tr><th>${name}</th><td>${a}</td><td>${b}</td></tr>`).join('')}</tbody>
  </table>`;
const OURS = table([['Our baseline', '✓', '✗'], ['Vendor audit', '✗', '✓']]);
const OURS_IDS = ['our-baseline', 'vendor-audit'];

/** Adds a widget (`id`, `attrs`, light DOM `html`, `data`) to #host; its MatrixPage. */
async function add(page, { id = 'w', attrs = {}, html, data } = {}) {
  await page.evaluate(
    ({ id, attrs, html, data }) => {
      const el = document.createElement('compliance-matrix');
      el.id = id;
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      // Test markup, written by this file.
      if (html !== undefined) el.innerHTML = html;
      if (data !== undefined) el.data = data;
      document.getElementById('host').append(el);
    },
    { id, attrs, html, data },
  );
  return new MatrixPage(page, `#${id}`);
}

/** What the widget shows and offers: rows, title, alerts, the AWS names in its text, state, CSV. */
function shown(w) {
  return w.evaluate((el, D) => {
    const root = el.shadowRoot;
    let csv;
    try {
      csv = { text: el.exportCsv() };
    } catch (e) {
      csv = { threw: String(e && e.message) };
    }
    const state = el.state;
    return {
      rows: root ? [...root.querySelectorAll(D.row)].map((tr) => tr.dataset.program) : [],
      title: root?.querySelector(D.title)?.textContent ?? null,
      tableText: root?.querySelector(D.table)?.textContent ?? '',
      alerts: root ? [...root.querySelectorAll(D.anyAlert)].map((a) => a.textContent) : [],
      visible: state ? state.visible : [],
      csv,
    };
  }, DOM);
}

/** None of the embedded AWS matrix is shown, kept in the state, or exported. */
function assertNoAws(s, where) {
  const aws = s.rows.filter((id) => AWS_IDS.includes(id));
  assert.deepEqual(aws, [], `${where}: no program row of the embedded AWS matrix`);
  assert.notEqual(s.title, AWS_TITLE, `${where}: not titled as the embedded AWS matrix`);
  assert.ok(!s.tableText.includes('PCI DSS Level 1'), `${where}: no "PCI DSS Level 1" in the table`);
  assert.deepEqual(s.visible.filter((id) => AWS_IDS.includes(id)), [], `${where}: state.visible holds no AWS program`);
  if (s.csv.text !== undefined) assert.ok(!s.csv.text.includes('PCI DSS Level 1'), `${where}: exportCsv() holds no AWS row`);
}

test('a data object that fails validation at the first mount: an alert, and no AWS row shown, kept in state or exported', { timeout: 60000 }, async () => {
  const page = await newPage();
  await page.goto(`${env.base}${HOST}`);
  const w = await add(page, { attrs: { view: 'table' }, data: { ...TINY, as_of: '2024-13-45' } });
  const s = await poll(() => shown(w), (x) => x.alerts.length > 0, 20000);
  assert.ok(s.alerts.some((a) => /as_of/.test(a)), `an alert names as_of: ${s.alerts.join(' | ')}`);
  await page.waitForTimeout(500); // a late render of something else would show now
  const after = await shown(w);
  assertNoAws(after, 'invalid as_of');
  assert.ok(!after.visible.includes('pci-dss-level-1'));
  const errors = await page.evaluate(() => window.__errors.map((e) => e.message));
  assert.ok(errors.some((m) => /as_of: '2024-13-45'/.test(m)), `cm-error names the field: ${errors.join(' | ')}`);
  await page.close();
});

test('a valid data object while the dataset reader answers 404: an alert, and no AWS row shown, kept in state or exported', { timeout: 60000 }, async () => {
  const page = await newPage();
  await page.route((url) => url.pathname === '/dist/compliance-matrix-reader_bg.wasm.gz', (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' }));
  await page.goto(`${env.base}${HOST}`);
  const w = await add(page, { attrs: { view: 'table' }, data: TINY });
  const s = await poll(() => shown(w), (x) => x.alerts.length > 0, 20000);
  assert.ok(s.alerts.length > 0, 'an alert');
  assert.ok(s.alerts.some((a) => /reader/.test(a)), `the alert names the dataset reader: ${s.alerts.join(' | ')}`);
  await page.waitForTimeout(500);
  assertNoAws(await shown(w), 'reader 404');
  await page.close();
});

test('a page table taken out for 400 ms and replaced: meanwhile its rows stay with an alert, then the new table shows', { timeout: 60000 }, async () => {
  const page = await newPage();
  await page.goto(`${env.base}${HOST}`);
  const w = await add(page, { attrs: { view: 'table' }, html: OURS });
  await w.expectRows(OURS_IDS, "the page's table shows", 20000);
  // The page re-renders its content: empties the element, and puts a new table in 400 ms later.
  const gap = await w.evaluate(async (el, [D, next]) => {
    const look = () => ({
      rows: [...el.shadowRoot.querySelectorAll(D.row)].map((tr) => tr.dataset.program),
      title: el.shadowRoot.querySelector(D.title)?.textContent ?? null,
      alerts: [...el.shadowRoot.querySelectorAll(D.anyAlert)].map((a) => a.textContent),
    });
    el.replaceChildren();
    const seen = [];
    for (let t = 0; t < 4; t++) {
      await new Promise((r) => setTimeout(r, 90));
      seen.push(look());
    }
    // Test markup, written by this file.
    el.innerHTML = next;
    return seen;
  }, [DOM, table([['New program', '1', '0']])]);
  for (const [k, s] of gap.entries()) {
    assert.deepEqual(s.rows, OURS_IDS, `${(k + 1) * 90} ms into the gap: the page's rows stay (not the AWS matrix)`);
    assert.notEqual(s.title, AWS_TITLE);
  }
  const last = gap.at(-1);
  assert.ok(last.alerts.some((a) => /no longer in the element/.test(a)), `an alert says the table is gone: ${last.alerts.join(' | ')}`);
  await w.expectRows(['new-program'], 'the new table shows', 10000);
  assert.deepEqual(await w.alertTexts(), [], 'the alert goes once a table is back');
  await page.close();
});

test('a page table inside <div class="table-wrap"> or <figure> is read: its rows, not the AWS matrix', { timeout: 60000 }, async () => {
  const page = await newPage();
  await page.goto(`${env.base}${HOST}`);
  const wrapped = await add(page, { id: 'wrapped', attrs: { view: 'table' }, html: `<div class="table-wrap">${OURS}</div>` });
  const figure = await add(page, { id: 'figure', attrs: { view: 'table' }, html: `<figure>${OURS}<figcaption>Our programs</figcaption></figure>` });
  for (const [name, w] of [['div.table-wrap', wrapped], ['figure', figure]]) {
    const s = await poll(() => shown(w), (x) => x.rows.length > 0 || x.alerts.length > 0, 20000);
    await page.waitForTimeout(300);
    const now = await shown(w);
    assertNoAws(now, name);
    assert.deepEqual(now.rows, OURS_IDS, `${name}: the page's rows (first saw ${JSON.stringify(s.rows)})`);
    assert.deepEqual(now.alerts, [], `${name}: no alert`);
  }
  await page.close();
});

test('content without any table and no data or src: an alert that no table was found, never the AWS rows', { timeout: 60000 }, async () => {
  const page = await newPage();
  await page.goto(`${env.base}${HOST}`);
  const w = await add(page, { attrs: { view: 'table' }, html: '<p>hello</p>' });
  const s = await poll(() => shown(w), (x) => x.rows.length > 0 || x.alerts.length > 0, 20000);
  await page.waitForTimeout(500);
  const now = await shown(w);
  assertNoAws(now, 'no table');
  assert.ok(now.alerts.some((a) => /no table/i.test(a)), `an alert says no table was found: ${now.alerts.join(' | ') || '(none)'} (first saw rows ${JSON.stringify(s.rows)})`);
  await page.close();
});
