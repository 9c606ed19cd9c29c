// A page's own table: a child <table> of <compliance-matrix> is the dataset when no
// `data` or `src` is given (read with textContent; <caption> = title; data-as-of, data-source,
// data-source-url); it stays on screen until the widget renders and wherever the widget cannot
// (scripts off, wasm blocked, a table the widget cannot read: then with an alert naming the row and
// column); the widget follows when the page edits the table. The demo page carries the seed as
// such a table: no layout jump when the widget takes over, and the embedded data's history stays.
// Run: node --test --test-concurrency=1 tests/e2e/child-table.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { session, eventually, DOM, MatrixPage, axeViolations } from './support/matrix-page.mjs';

const T = { timeout: 90000 };

const env = session();

const THREE = `
  <table data-as-of="2026-11-30" data-source="Compliance wiki" data-source-url="https://wiki.example.com/compliance">
    <caption>Our container compliance</caption>
    <thead><tr><th>Compliance Program</th><th>Amazon ECS</th><th>AWS Fargate</th></tr></thead>
    <tbody>
      <tr><th>PCI DSS Level 1</th><td>1</td><td>In scope</td></tr>
      <tr><th>SOC II</th><td>0</td><td>3PAO
        Assessment</td></tr>
      <tr><th>Our own audit</th><td></td><td>no</td></tr>
    </tbody>
  </table>`;

/** The well-formed host page (tests/hosts/a11y) with one widget holding `html` as its light DOM; `attrs` on the element. */
async function withTable(html, { attrs = {}, data, ready = true } = {}) {
  const page = await env.page();
  await page.goto(`${env.base}/tests/hosts/a11y/index.html`);
  await page.evaluate(
    ({ html, attrs, data }) => {
      const el = document.createElement('compliance-matrix');
      for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      // Test markup, written by this file.
      el.innerHTML = html;
      if (data !== undefined) el.data = data;
      window.errors = [];
      el.addEventListener('cm-error', (e) => window.errors.push(e.detail.message));
      document.getElementById('host').append(el);
    },
    { html, attrs, data },
  );
  const cm = new MatrixPage(page);
  if (ready) await cm.ready(30000);
  return cm;
}

/** Whether the page's own table is rendered (has a box on screen). */
const pageTableShown = (page) =>
  page.evaluate(() => {
    const t = document.querySelector('compliance-matrix > table');
    const r = t.getBoundingClientRect();
    return r.width > 0 && r.height > 0 && t.getClientRects().length > 0;
  });

test('a three-program child table is what the widget shows: rows, cells, caption, date and source', T, async () => {
  const cm = await withTable(THREE);
  assert.deepEqual(await cm.statusRows(), [
    ['pci-dss-level-1', 'ecs=in-scope', 'fargate=in-scope'],
    ['soc-2', 'ecs=not-in-scope', 'fargate=in-progress'],
    ['our-own-audit', 'ecs=unknown', 'fargate=not-in-scope'],
  ]);
  assert.match(await cm.cell('soc-2', 'fargate').textContent(), /3PAO Assessment/);
  assert.equal(await cm.locator('.cm-title').textContent(), 'Our container compliance');
  assert.equal(await cm.locator('.cm-meta time').getAttribute('datetime'), '2026-11-30');
  const source = cm.locator('.cm-meta a');
  assert.equal(await source.getAttribute('href'), 'https://wiki.example.com/compliance');
  assert.equal(await source.textContent(), 'Compliance wiki');
  // The page's table is the widget's now: its own rendering is gone, nothing was wrong.
  assert.equal(await pageTableShown(cm.page), false);
  assert.deepEqual(await cm.page.evaluate(() => window.errors), []);
  assert.match(await cm.evaluate((el) => el.exportCsv()), /^Compliance Program,Amazon ECS,ECS Fargate\r\nPCI DSS Level 1,1,1\r\n/);
  // A search works on it like on any dataset, and the revision picker (the embedded history) is not offered.
  await cm.search('audit');
  await cm.expectRows(['our-own-audit']);
  assert.equal(await cm.locator(DOM.revision).count(), 0);
  assert.deepEqual(cm.page.problems, []);
});

test('a cell the widget cannot read names its row and column; the page table stays on screen until it is fixed', T, async () => {
  const bad = THREE.replace('<td>0</td><td>3PAO\n        Assessment</td>', '<td colspan="2">0</td>');
  const cm = await withTable(bad, { ready: false });
  const alert = cm.locator(DOM.alert);
  await alert.waitFor({ timeout: 30000 });
  const text = await alert.textContent();
  assert.match(text, /the page's table: row 3, column 2: a merged cell \(colspan="2"\)/);
  assert.match(text, /Below is the page's own table/);
  assert.equal(await cm.locator(DOM.row).count(), 0, 'no rows of another dataset');
  assert.equal(await pageTableShown(cm.page), true, 'the page table is on screen');
  assert.equal(await cm.evaluate((el) => el.ready.then(() => 'settled')), 'settled');
  const errors = await cm.page.evaluate(() => window.errors);
  assert.equal(errors.length, 1);
  assert.match(errors[0], /^the page's table: row 3, column 2: a merged cell/);
  await assert.rejects(cm.evaluate((el) => el.exportCsv()), /nothing to export: the page's table: row 3, column 2/);
  const violations = await axeViolations(cm.page);
  assert.deepEqual(violations, [], `axe on the alert and the page's table:\n${violations.join('\n')}`);
  if (process.env.SCREENSHOTS) await cm.page.screenshot({ path: 'docs/page-table-error.png' });
  // A missing cell: its row and the column where it should be.
  await cm.evaluate((el) => {
    const td = el.querySelector('td[colspan]');
    td.removeAttribute('colspan');
  });
  await eventually(async () => /the page's table: row 3, column 3: this row has 2 cells, the header has 3/.test(await alert.textContent()), true, 'the alert follows the page', 10000);
  // Fixed by the page: the widget takes over.
  await cm.evaluate((el) => {
    const td = document.createElement('td');
    td.textContent = 'Undergoing assessment';
    el.querySelectorAll('tbody tr')[1].append(td);
  });
  await cm.ready(10000);
  assert.equal(await cm.cellStatus('soc-2', 'fargate'), 'in-progress');
  assert.equal(await alert.count(), 0);
  assert.equal(await pageTableShown(cm.page), false);
  assert.deepEqual(cm.page.problems, []);
});

test('the error about a page table speaks the reader\'s language, and follows a language switch', T, async () => {
  const bad = THREE.replace('<td>0</td><td>3PAO\n        Assessment</td>', '<td colspan="2">0</td>');
  const cm = await withTable(bad, { attrs: { lang: 'de' }, ready: false });
  const alert = cm.locator(DOM.alert);
  await alert.waitFor({ timeout: 30000 });
  const text = await alert.textContent();
  assert.match(text, /die Tabelle der Seite: Zeile 3, Spalte 2: eine verbundene Zelle \(colspan="2"\): Geben Sie jedem Programm/);
  assert.match(text, /Darunter steht die Tabelle der Seite/);
  assert.doesNotMatch(text, /row|column|merged/, 'no English left in the alert');
  const errors = await cm.page.evaluate(() => window.errors);
  assert.match(errors[0], /^die Tabelle der Seite: Zeile 3, Spalte 2/, 'cm-error carries what the user sees');
  if (process.env.SCREENSHOTS) await cm.page.screenshot({ path: 'docs/page-table-error-de.png' });
  await cm.evaluate((el) => el.setAttribute('lang', 'ja'));
  await eventually(async () => /ページの表: 3 行目、2 列目: 結合されたセルがあります/.test(await alert.textContent()), true, 'the alert in Japanese after the switch', 10000);
  assert.equal(await pageTableShown(cm.page), true, 'the page table stays on screen');
  assert.deepEqual(cm.page.problems, []);
});

test('the alert of a core that cannot start speaks the language of the page', T, async () => {
  const page = await env.page();
  await page.route('**/*.wasm.gz', (route) => route.abort());
  await page.goto(`${env.base}/tests/hosts/a11y/index.html`);
  await page.evaluate((html) => {
    const de = document.createElement('div');
    de.setAttribute('lang', 'de-AT');
    const el = document.createElement('compliance-matrix');
    // Test markup, written by this file.
    el.innerHTML = html;
    el.id = 'de';
    de.append(el);
    const own = document.createElement('compliance-matrix');
    own.id = 'own';
    own.setAttribute('lang', 'fr');
    own.strings = { fatalStart: 'Matrice indisponible : ' };
    document.getElementById('host').append(de, own);
  }, THREE);
  const cm = new MatrixPage(page, '#de');
  await cm.locator(DOM.alert).waitFor({ timeout: 30000 });
  assert.match(await cm.locator(DOM.alert).textContent(), /^compliance-matrix konnte nicht starten: /);
  const own = new MatrixPage(page, '#own');
  await own.locator(DOM.alert).waitFor({ timeout: 30000 });
  assert.match(await own.locator(DOM.alert).textContent(), /^Matrice indisponible : /, 'the page\'s own string wins');
  assert.equal(await pageTableShown(page), true);
});

test('a page that edits its table sees the widget follow, keeping what the user did', T, async () => {
  const cm = await withTable(THREE);
  await cm.search('soc');
  await cm.expectRows(['soc-2']);
  await cm.evaluate((el) => {
    el.querySelector('tbody tr td').textContent = '0';
    const row = document.createElement('tr');
    for (const t of ['SOC III', '1', '1']) {
      const c = document.createElement(t.startsWith('SOC') ? 'th' : 'td');
      c.textContent = t;
      row.append(c);
    }
    el.querySelector('tbody').append(row);
  });
  await cm.expectRows(['soc-2', 'soc-3'], 'an added row, the search still applied');
  assert.equal(await cm.searchBox.inputValue(), 'soc');
  await cm.search('');
  await eventually(() => cm.cellStatus('pci-dss-level-1', 'ecs'), 'not-in-scope', 'an edited cell');
  await cm.evaluate((el) => el.querySelector('table').setAttribute('data-as-of', '2026-12-01'));
  await eventually(() => cm.locator('.cm-meta time').getAttribute('datetime'), '2026-12-01', 'the table’s date');
  // A bad date on the table: named by its attribute.
  await cm.evaluate((el) => el.querySelector('table').setAttribute('data-as-of', 'yesterday'));
  await eventually(async () => /data-as-of: 'yesterday' is not a date/.test(await cm.locator(DOM.alert).textContent().catch(() => '')), true, 'a bad date');
  assert.deepEqual(cm.page.problems, []);
});

test('data and src win over the child table; without them the table is the dataset again', T, async () => {
  const data = {
    as_of: '2026-01-01',
    source: { title: 'Given', url: 'https://example.com/given' },
    services: [{ id: 'ecs', name: 'Amazon ECS' }],
    programs: [{ id: 'given', name: 'Given program', status: { ecs: 'in-scope' } }],
  };
  const cm = await withTable(THREE, { data });
  await cm.expectRows(['given']);
  await cm.evaluate((el) => { el.data = undefined; });
  await cm.expectRows(['pci-dss-level-1', 'soc-2', 'our-own-audit'], 'the table again without data');
  await cm.setAttribute('src', '/tests/fixtures/import/own.csv');
  await cm.expectRows(['soc-2', 'iso-27001', 'my-internal-baseline'], 'src wins over the table', 10000);
  await cm.evaluate((el) => el.removeAttribute('src'));
  await cm.expectRows(['pci-dss-level-1', 'soc-2', 'our-own-audit'], 'the table again without src');
  assert.deepEqual(cm.page.problems, []);
});

test('the demo page: the seed as a plain table without JavaScript, the embedded data (with history) with it, and no layout jump', T, async () => {
  // Scripts off: the matrix is on screen as the page's table.
  const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  const off = await context.newPage();
  await off.goto(`${env.base}/index.html`);
  const table = off.locator('compliance-matrix > table');
  assert.ok(await table.isVisible());
  assert.equal(await table.locator('tbody tr').count(), 20);
  assert.equal(await table.locator('tbody td').count(), 80);
  assert.match(await table.locator('caption').textContent(), /as of 2020-04-21/);
  assert.match(await off.locator('compliance-matrix > p').textContent(), /Compliance status changes over time/);
  if (process.env.SCREENSHOTS) await off.screenshot({ path: 'docs/no-javascript.png', fullPage: true });
  await context.close();

  // Scripts on: the widget reads the table, finds the embedded matrix, and shows the embedded data.
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${env.base}/index.html`);
  const cm = await new MatrixPage(page, '#demo').ready(30000);
  assert.equal((await cm.programIds()).length, 20);
  assert.equal(await cm.menu('history').count(), 1, 'the embedded history is offered (the History menu)');
  const violations = await axeViolations(page);
  assert.deepEqual(violations, [], `axe on the demo page:\n${violations.join('\n')}`);
  assert.equal(await pageTableShown(page), false);
  await page.waitForTimeout(1000);
  const cls = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
  assert.ok(cls <= 0.02, `cumulative layout shift ${cls}`);
  console.log(`# demo page CLS: ${cls.toFixed(4)}`);
  // History holds the six embedded revisions (opened after the layout shifts were measured).
  await cm.openHistory();
  assert.equal(await cm.revisionPicker.locator('option').count(), 6, 'six revisions to pick from');
  assert.deepEqual(page.problems, []);
});

test('wasm blocked: the alert, and the page table stays on screen', T, async () => {
  const page = await env.page();
  await page.route('**/*.wasm.gz', (route) => route.abort());
  await page.goto(`${env.base}/index.html`);
  const cm = new MatrixPage(page, '#demo');
  await cm.locator(DOM.alert).waitFor({ timeout: 30000 });
  assert.match(await cm.locator(DOM.alert).textContent(), /could not start/);
  assert.equal(await pageTableShown(page), true);
  assert.equal(await page.locator('compliance-matrix > table tbody tr').count(), 20);
});

test('the single file carries the same seed table as the demo page', T, async () => {
  const html = readFileSync('dist/compliance-matrix.html', 'utf8');
  const demo = readFileSync('index.html', 'utf8');
  const table = (s) => s.slice(s.indexOf('<table'), s.indexOf('</table>') + 8).replace(/^\s+/gm, '');
  assert.ok(table(demo).length > 1000);
  assert.equal(table(html), table(demo));
});
