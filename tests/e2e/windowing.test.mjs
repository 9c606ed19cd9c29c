// Long lists: only the rows in view are in the DOM, the scroll height stands for all of them,
// aria-rowcount / aria-rowindex tell assistive technology where a row is, and search, sort and
// export still work on every row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, poll, session, DOM } from './support/matrix-page.mjs';

const env = session();

/** 1,000 programs × 4 services, deterministic. */
function bigDataset() {
  const statuses = ['in-scope', 'not-in-scope', 'unknown', { status: 'in-progress', label: 'JAB Review' }];
  const services = ['ecs', 'eks', 'fargate', 'ecr'].map((id) => ({ id, name: id.toUpperCase() }));
  const programs = [];
  for (let i = 0; i < 1000; i++) {
    const n = String(i).padStart(4, '0');
    const status = {};
    services.forEach((s, k) => (status[s.id] = statuses[(i * 7 + k * 3) % 4]));
    programs.push({ id: `p-${n}`, name: `Program ${n}${i % 10 === 0 ? ' FedRAMP' : ''}`, status });
  }
  return { as_of: '2024-01-01', source: { title: 'generated', url: 'https://example.org/' }, services, programs };
}

/** A page showing bigDataset() in the table view, rendered. */
const openBig = () => env.widget({ view: 'table' }, { widget: { data: bigDataset() }, ready: 30000, viewport: { width: 1200, height: 800 } });

test('a 1,000-row matrix renders a window of rows and scrolls through all of them', { timeout: 90000 }, async () => {
  const cm = await openBig();
  const { page } = cm;
  const info = () =>
    cm.evaluate((el, D) => {
      const rows = [...el.shadowRoot.querySelectorAll(D.row)];
      return {
        count: rows.length,
        first: rows[0]?.dataset.program,
        firstIndex: rows[0]?.getAttribute('aria-rowindex'),
        rowcount: el.shadowRoot.querySelector(D.table).getAttribute('aria-rowcount'),
        status: el.shadowRoot.querySelector(D.count).textContent,
      };
    }, DOM);
  let i = await info();
  assert.ok(i.count < 100, `only a window is rendered (${i.count} rows)`);
  assert.equal(i.first, 'p-0000');
  assert.equal(i.firstIndex, '2');
  assert.equal(i.rowcount, '1001');
  assert.equal(i.status, '1,000 of 1,000 programs');
  // The grid's keys reach rows outside the window: Ctrl+End scrolls the list to the
  // last row and focuses its last cell, Ctrl+Home returns to the first header.
  const focusedAt = () => cm.evaluate((el) => {
    const a = el.shadowRoot.activeElement;
    return a ? `${a.closest('tr[data-program]')?.dataset.program ?? 'head'}/${a.closest('td, th')?.dataset.service ?? a.closest('th')?.dataset.key ?? (a.closest('td.cm-coverage') ? 'coverage' : '?')}` : null;
  });
  await cm.cell('p-0000', 'ecs').focus();
  await page.keyboard.press('Control+End');
  await eventually(focusedAt, 'p-0999/coverage', 'Ctrl+End reaches the last row of the 1,000', 10000);
  assert.equal(await cm.locator(`${DOM.table} [tabindex="0"]`).count(), 1, 'one tab stop');
  await page.keyboard.press('Control+Home');
  await eventually(focusedAt, 'head/program', 'Ctrl+Home returns to the first header', 10000);
  await cm.tableWrap.evaluate((w) => (w.scrollTop = 0));
  await poll(info, (x) => x.first === 'p-0000', 10000);
  // Scroll to the middle: the rows there are rendered, with their position.
  await cm.tableWrap.evaluate((w) => (w.scrollTop = 44 * 500));
  i = await poll(info, (x) => Number(x.firstIndex) > 400, 10000);
  assert.ok(Number(i.firstIndex) > 400 && Number(i.firstIndex) < 520, `window follows the scroll (first aria-rowindex ${i.firstIndex})`);
  const visible = await cm.evaluate((el, D) => {
    const wrap = el.shadowRoot.querySelector(D.tableWrap).getBoundingClientRect();
    return [...el.shadowRoot.querySelectorAll(D.row)]
      .filter((tr) => {
        const b = tr.getBoundingClientRect();
        return b.top >= wrap.top + 60 && b.bottom <= wrap.bottom;
      })
      .map((tr) => tr.dataset.program);
  }, DOM);
  assert.ok(visible.length > 5, 'rows fill the view');
  assert.ok(visible.includes('p-0500') || visible.includes('p-0499') || visible.includes('p-0501'), `row 500 is in view: ${visible.join(',')}`);
  // Sort and search work on all rows; exports hold all of them.
  await cm.sortButton('program').click();
  await cm.sortButton('program').click();
  const state = await cm.state();
  assert.equal(state.visible[0], 'p-0999');
  assert.equal(state.visible.length, 1000);
  const csvRows = await cm.evaluate((el) => el.exportCsv().trim().split('\r\n').length);
  assert.equal(csvRows, 1001);
  await cm.search('fedramp');
  await cm.tableWrap.evaluate((w) => (w.scrollTop = 0));
  i = await poll(info, (x) => x.status === '100 of 1,000 programs', 10000);
  assert.equal(i.status, '100 of 1,000 programs');
  assert.equal(i.count, 100, 'under the threshold every row is rendered again');
  assert.equal(i.rowcount, null);
  assert.deepEqual(page.problems, []);
});

test('printing a long list prints every row: all rows before print, the window again after', { timeout: 90000 }, async () => {
  const cm = await openBig();
  const { page } = cm;
  const rows = () => cm.rowLocator.count();
  const windowRows = await rows();
  assert.ok(windowRows < 100, `a window (${windowRows} rows)`);
  // What the browser does around window.print(): beforeprint, print, afterprint.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await eventually(rows, 1000, 'every row is in the DOM for printing');
  assert.equal(await cm.locator(DOM.table).getAttribute('aria-rowcount'), null);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await eventually(async () => (await rows()) < 100, true, 'back to a window after printing');
  // A real print (PDF): 1,000 rows take many pages, a window would fit on one or two.
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages >= 15, `the PDF has ${pages} pages`);
  assert.ok((await rows()) < 100, 'a window again after the print');
  assert.deepEqual(page.problems, []);
});

/** 300 programs × 40 services: a long list wider than any screen. */
function wideDataset() {
  const statuses = ['in-scope', 'not-in-scope', 'unknown', { status: 'in-progress', label: 'JAB Review' }];
  const services = Array.from({ length: 40 }, (_, k) => ({ id: `s${k}`, name: `Service ${k}` }));
  const programs = [];
  for (let i = 0; i < 300; i++) {
    const status = {};
    services.forEach((s, k) => (status[s.id] = statuses[(i * 5 + k * 3) % 4]));
    programs.push({ id: `w-${String(i).padStart(3, '0')}`, name: `Wide program ${i}`, status });
  }
  return { as_of: '2024-01-01', source: { title: 'generated', url: 'https://example.org/' }, services, programs };
}

// All 40 columns shown (a dataset this wide shows its first twelve unless told).
const ALL_40 = Array.from({ length: 40 }, (_, k) => `s${k}`).join(',');
const openWide = (attrs = {}, style = '', viewport = { width: 1200, height: 800 }) =>
  env.widget({ view: 'table', services: ALL_40, ...attrs }, { widget: { data: wideDataset(), style }, ready: 30000, viewport });

/** The first row's cells (program, services in the DOM, coverage) with their column indices,
 * whether each sits under its column's header, and the table's aria-colcount. */
const columnsOf = (cm) =>
  cm.evaluate((el, D) => {
    const r = el.shadowRoot;
    const row = r.querySelector(D.row);
    const cells = [...row.querySelectorAll(`th, ${D.cell}, td.cm-coverage`)];
    const key = (c) => c.dataset.service || (c.localName === 'th' ? 'program' : 'coverage');
    const x = (e) => Math.round(e.getBoundingClientRect().left);
    return {
      colcount: r.querySelector(D.table).getAttribute('aria-colcount'),
      headers: [...r.querySelectorAll('thead th')].map((h) => h.dataset.key),
      cells: cells.map(key),
      index: cells.map((c) => c.getAttribute('aria-colindex')),
      services: cells.filter((c) => c.dataset.service).map((c) => c.dataset.service),
      aligned: cells.every((c) => Math.abs(x(c) - x(r.querySelector(`thead th[data-key="${key(c)}"]`))) <= 1),
    };
  }, DOM);

test('a wide long list renders only the service cells in view: every header, aria-colcount/colindex, aligned cells, sideways scrolling, arrow keys through every header, printing every column', { timeout: 120000 }, async () => {
  const cm = await openWide();
  const { page } = cm;
  const all = ['program', ...Array.from({ length: 40 }, (_, k) => `s${k}`), 'coverage'];
  let c = await columnsOf(cm);
  assert.deepEqual(c.headers, all, 'every column has its header');
  assert.equal(c.colcount, '42', 'program + 40 services + coverage');
  assert.ok(c.services.length >= 6 && c.services.length < 20, `a window of the cells (${c.services.length} of 40)`);
  assert.deepEqual(c.services, c.services.map((_, k) => `s${k}`), 'from the first service on');
  assert.deepEqual(c.index, c.cells.map((k) => String(all.indexOf(k) + 1)), 'each cell names its column');
  assert.ok(c.aligned, 'every cell sits under its header');
  assert.ok(!c.cells.includes('coverage'), 'the coverage cells (after the last service) wait for the window to reach them');
  // The table is as wide as all 40 columns: scroll to the far right.
  await cm.tableWrap.evaluate((w) => (w.scrollLeft = w.scrollWidth));
  await eventually(async () => (await columnsOf(cm)).services.includes('s39'), true, 'the last service cells after scrolling right');
  c = await columnsOf(cm);
  assert.ok(!c.services.includes('s0'), 'the first columns left the DOM');
  assert.deepEqual(c.index, c.cells.map((k) => String(all.indexOf(k) + 1)));
  assert.equal(c.cells.at(-1), 'coverage', 'the coverage cell is there at the far right');
  assert.ok(c.aligned, 'aligned at the far right');
  const shot = await cm.tableWrap.screenshot();
  assert.ok(shot.length > 5000, 'the scrolled table paints');
  // Scrolling back shows the first columns again.
  await cm.tableWrap.evaluate((w) => (w.scrollLeft = 0));
  await eventually(async () => (await columnsOf(cm)).services[0], 's0', 'back at the left');

  // Keyboard: the table is a grid, one tab stop; from the program header ArrowRight
  // reaches every service header in order, then coverage, each keeping the one tab stop.
  await cm.sortButton('program').focus();
  const reached = [];
  const stops = [];
  for (let k = 0; k < 41; k++) {
    await page.keyboard.press('ArrowRight');
    const want = all[k + 1];
    // Waits for the render that moves focus; a miss shows in the list compared below.
    await eventually(() => cm.evaluate((el) => el.shadowRoot.activeElement?.closest('th')?.dataset.key ?? null), want, `ArrowRight reaches ${want}`).catch(() => {});
    reached.push(await cm.evaluate((el) => el.shadowRoot.activeElement?.closest('th')?.dataset.key ?? null));
    stops.push(await cm.evaluate((el, t) => el.shadowRoot.querySelectorAll(`${t} [tabindex="0"]`).length, DOM.table));
  }
  assert.deepEqual(reached, all.slice(1), 'ArrowRight walks every column header');
  assert.deepEqual([...new Set(stops)], [1], 'one tab stop in the grid all along');
  // The focused last header scrolled the box: the cells under it are there.
  await eventually(async () => (await columnsOf(cm)).services.includes('s39'), true, 'cells follow the focus');

  // Printing renders every column (and row), then the window comes back.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await eventually(async () => (await columnsOf(cm)).services.length, 40, 'every column for printing');
  c = await columnsOf(cm);
  assert.equal(c.colcount, null, 'no aria-colcount when every column is there');
  assert.ok(c.index.every((i) => i === null), 'no aria-colindex either');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await eventually(async () => (await columnsOf(cm)).services.length < 40, true, 'a window of columns after printing');
  assert.deepEqual(page.problems, []);
});

test('a long list adds the status filter options after its first paint; the chosen one shows from the start and filtering works', { timeout: 90000 }, async () => {
  const cm = await openWide({ status: 's2:in-scope' });
  const select = cm.statusFilter;
  assert.equal(await select.inputValue(), 's2:in-scope', 'the chosen option is there at first');
  await eventually(() => select.locator('option').count(), 1 + 40 * 4, 'every option after the first paint');
  assert.equal(await select.locator('optgroup').count(), 40);
  assert.equal(await select.inputValue(), 's2:in-scope', 'still chosen');
  await select.selectOption('s7:not-in-scope');
  const expected = wideDataset().programs.filter((p) => p.status.s7 === 'not-in-scope').length;
  await cm.expectCount(`${expected} of 300 programs`, 'the filter applies');
  assert.deepEqual(cm.page.problems, []);
});

test('the first window of a long list fills its box whatever the page sets: a taller box and a smaller font than the defaults', { timeout: 90000 }, async () => {
  // The first render sizes the window from the stylesheet's defaults (80vh, 15px); the box is
  // measured after the first layout and the rows and columns missing are added before painting.
  const cm = await openWide({}, '--cm-max-height: 1600px; --cm-font-size: 10px', { width: 1600, height: 1000 });
  const gaps = () =>
    cm.evaluate((el, D) => {
      const r = el.shadowRoot;
      const wrap = r.querySelector(D.tableWrap).getBoundingClientRect();
      const rows = [...r.querySelectorAll(D.row)];
      const cells = [...rows[0].querySelectorAll(D.cell)];
      return {
        rowsShort: rows.at(-1).getBoundingClientRect().bottom < wrap.bottom - 1,
        cellsShort: cells.at(-1).getBoundingClientRect().right < wrap.right - 1,
        rows: rows.length,
        cells: cells.length,
      };
    }, DOM);
  const g = await gaps();
  assert.equal(g.rowsShort, false, `rows reach the bottom of the box (${g.rows} rows)`);
  assert.equal(g.cellsShort, false, `cells reach its right edge (${g.cells} cells)`);
  assert.ok(g.rows < 300 && g.cells < 40, 'still a window');
  assert.deepEqual(cm.page.problems, []);
});
