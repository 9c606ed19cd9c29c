// Long lists: only the rows in view are in the DOM, the scroll height stands for all of them,
// aria-rowcount / aria-rowindex tell assistive technology where a row is, and search, sort and
// export still work on every row.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

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
async function openBig() {
  const page = await env.page({ viewport: { width: 1200, height: 800 } });
  await page.goto(`${env.base}/tests/e2e/fixtures/blank.html`);
  await page.evaluate((data) => {
    const el = document.createElement('compliance-matrix');
    el.setAttribute('view', 'table');
    el.data = data;
    document.getElementById('host').append(el);
  }, bigDataset());
  await page.locator('compliance-matrix tr[data-program]').first().waitFor();
  return page;
}

test('a 1,000-row matrix renders a window of rows and scrolls through all of them', { timeout: 90000 }, async () => {
  const page = await openBig();
  const info = () =>
    page.locator('compliance-matrix').evaluate((el) => {
      const rows = [...el.shadowRoot.querySelectorAll('tr[data-program]')];
      return {
        count: rows.length,
        first: rows[0]?.dataset.program,
        firstIndex: rows[0]?.getAttribute('aria-rowindex'),
        rowcount: el.shadowRoot.querySelector('table[part=table]').getAttribute('aria-rowcount'),
        status: el.shadowRoot.querySelector('[part=count]').textContent,
      };
    });
  let i = await info();
  assert.ok(i.count < 100, `only a window is rendered (${i.count} rows)`);
  assert.equal(i.first, 'p-0000');
  assert.equal(i.firstIndex, '2');
  assert.equal(i.rowcount, '1001');
  assert.equal(i.status, '1000 of 1000 programs');
  // Scroll to the middle: the rows there are rendered, with their position.
  await page.locator('compliance-matrix [part=table-wrap]').evaluate((w) => (w.scrollTop = 44 * 500));
  const deadline = Date.now() + 10000;
  do {
    i = await info();
    if (Number(i.firstIndex) > 400) break;
    await page.waitForTimeout(50);
  } while (Date.now() < deadline);
  assert.ok(Number(i.firstIndex) > 400 && Number(i.firstIndex) < 520, `window follows the scroll (first aria-rowindex ${i.firstIndex})`);
  const visible = await page.locator('compliance-matrix').evaluate((el) => {
    const wrap = el.shadowRoot.querySelector('[part=table-wrap]').getBoundingClientRect();
    return [...el.shadowRoot.querySelectorAll('tr[data-program]')]
      .filter((tr) => {
        const b = tr.getBoundingClientRect();
        return b.top >= wrap.top + 60 && b.bottom <= wrap.bottom;
      })
      .map((tr) => tr.dataset.program);
  });
  assert.ok(visible.length > 5, 'rows fill the view');
  assert.ok(visible.includes('p-0500') || visible.includes('p-0499') || visible.includes('p-0501'), `row 500 is in view: ${visible.join(',')}`);
  // Sort and search work on all rows; exports hold all of them.
  await page.locator('compliance-matrix th[data-key=program] button').click();
  await page.locator('compliance-matrix th[data-key=program] button').click();
  const state = await page.locator('compliance-matrix').evaluate((el) => el.state);
  assert.equal(state.visible[0], 'p-0999');
  assert.equal(state.visible.length, 1000);
  const csvRows = await page.locator('compliance-matrix').evaluate((el) => el.exportCsv().trim().split('\r\n').length);
  assert.equal(csvRows, 1001);
  await page.locator('compliance-matrix input[part=search]').fill('fedramp');
  await page.locator('compliance-matrix [part=table-wrap]').evaluate((w) => (w.scrollTop = 0));
  const deadline2 = Date.now() + 10000;
  do {
    i = await info();
    if (i.status === '100 of 1000 programs') break;
    await page.waitForTimeout(50);
  } while (Date.now() < deadline2);
  assert.equal(i.status, '100 of 1000 programs');
  assert.equal(i.count, 100, 'under the threshold every row is rendered again');
  assert.equal(i.rowcount, null);
  assert.deepEqual(page.problems, []);
});

test('printing a long list prints every row: all rows before print, the window again after', { timeout: 90000 }, async () => {
  const page = await openBig();
  const rows = () => page.locator('compliance-matrix').evaluate((el) => el.shadowRoot.querySelectorAll('tr[data-program]').length);
  const windowRows = await rows();
  assert.ok(windowRows < 100, `a window (${windowRows} rows)`);
  // What the browser does around window.print(): beforeprint, print, afterprint.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await eventually(rows, 1000, 'every row is in the DOM for printing');
  assert.equal(await page.locator('compliance-matrix table[part=table]').getAttribute('aria-rowcount'), null);
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

async function openWide(attrs = {}, style = '', viewport = { width: 1200, height: 800 }) {
  const page = await env.page({ viewport });
  await page.goto(`${env.base}/tests/e2e/fixtures/blank.html`);
  await page.evaluate(([data, attrs, style]) => {
    const el = document.createElement('compliance-matrix');
    el.setAttribute('view', 'table');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    if (style) el.setAttribute('style', style);
    el.data = data;
    document.getElementById('host').append(el);
  }, [wideDataset(), attrs, style]);
  await page.locator('compliance-matrix tr[data-program]').first().waitFor();
  return page;
}

/** The first row's cells (program, services in the DOM, coverage) with their column indices,
 * whether each sits under its column's header, and the table's aria-colcount. */
const columnsOf = (page) =>
  page.locator('compliance-matrix').evaluate((el) => {
    const r = el.shadowRoot;
    const row = r.querySelector('tr[data-program]');
    const cells = [...row.querySelectorAll('th, td[data-service], td.cm-coverage')];
    const key = (c) => c.dataset.service || (c.localName === 'th' ? 'program' : 'coverage');
    const x = (e) => Math.round(e.getBoundingClientRect().left);
    return {
      colcount: r.querySelector('table[part=table]').getAttribute('aria-colcount'),
      headers: [...r.querySelectorAll('thead th')].map((h) => h.dataset.key),
      cells: cells.map(key),
      index: cells.map((c) => c.getAttribute('aria-colindex')),
      services: cells.filter((c) => c.dataset.service).map((c) => c.dataset.service),
      aligned: cells.every((c) => Math.abs(x(c) - x(r.querySelector(`thead th[data-key="${key(c)}"]`))) <= 1),
    };
  });

test('a wide long list renders only the service cells in view: every header, aria-colcount/colindex, aligned cells, sideways scrolling, Tab through every header, printing every column', { timeout: 120000 }, async () => {
  const page = await openWide();
  const all = ['program', ...Array.from({ length: 40 }, (_, k) => `s${k}`), 'coverage'];
  let c = await columnsOf(page);
  assert.deepEqual(c.headers, all, 'every column has its header');
  assert.equal(c.colcount, '42', 'program + 40 services + coverage');
  assert.ok(c.services.length >= 6 && c.services.length < 20, `a window of the cells (${c.services.length} of 40)`);
  assert.deepEqual(c.services, c.services.map((_, k) => `s${k}`), 'from the first service on');
  assert.deepEqual(c.index, c.cells.map((k) => String(all.indexOf(k) + 1)), 'each cell names its column');
  assert.ok(c.aligned, 'every cell sits under its header');
  assert.ok(!c.cells.includes('coverage'), 'the coverage cells (after the last service) wait for the window to reach them');
  // The table is as wide as all 40 columns: scroll to the far right.
  await page.locator('compliance-matrix [part=table-wrap]').evaluate((w) => (w.scrollLeft = w.scrollWidth));
  await eventually(async () => (await columnsOf(page)).services.includes('s39'), true, 'the last service cells after scrolling right');
  c = await columnsOf(page);
  assert.ok(!c.services.includes('s0'), 'the first columns left the DOM');
  assert.deepEqual(c.index, c.cells.map((k) => String(all.indexOf(k) + 1)));
  assert.equal(c.cells.at(-1), 'coverage', 'the coverage cell is there at the far right');
  assert.ok(c.aligned, 'aligned at the far right');
  const shot = await page.locator('compliance-matrix [part=table-wrap]').screenshot();
  assert.ok(shot.length > 5000, 'the scrolled table paints');
  // Scrolling back shows the first columns again.
  await page.locator('compliance-matrix [part=table-wrap]').evaluate((w) => (w.scrollLeft = 0));
  await eventually(async () => (await columnsOf(page)).services[0], 's0', 'back at the left');

  // Keyboard: from the program header, Tab reaches every service header in order, then coverage.
  await page.locator('compliance-matrix th[data-key=program] button').focus();
  const reached = [];
  for (let k = 0; k < 41; k++) {
    await page.keyboard.press('Tab');
    reached.push(await page.locator('compliance-matrix').evaluate((el) => el.shadowRoot.activeElement?.closest('th')?.dataset.key ?? null));
  }
  assert.deepEqual(reached, all.slice(1), 'Tab walks every column header');
  // The focused last header scrolled the box: the cells under it are there.
  await eventually(async () => (await columnsOf(page)).services.includes('s39'), true, 'cells follow the focus');

  // Printing renders every column (and row), then the window comes back.
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await eventually(async () => (await columnsOf(page)).services.length, 40, 'every column for printing');
  c = await columnsOf(page);
  assert.equal(c.colcount, null, 'no aria-colcount when every column is there');
  assert.ok(c.index.every((i) => i === null), 'no aria-colindex either');
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await eventually(async () => (await columnsOf(page)).services.length < 40, true, 'a window of columns after printing');
  assert.deepEqual(page.problems, []);
});

test('a long list adds the status filter options after its first paint; the chosen one shows from the start and filtering works', { timeout: 90000 }, async () => {
  const page = await openWide({ status: 's2:in-scope' });
  const select = page.locator('compliance-matrix select[part=status-filter]');
  assert.equal(await select.inputValue(), 's2:in-scope', 'the chosen option is there at first');
  await eventually(() => select.locator('option').count(), 1 + 40 * 4, 'every option after the first paint');
  assert.equal(await select.locator('optgroup').count(), 40);
  assert.equal(await select.inputValue(), 's2:in-scope', 'still chosen');
  await select.selectOption('s7:not-in-scope');
  const count = () => page.locator('compliance-matrix [part=count]').textContent();
  const expected = wideDataset().programs.filter((p) => p.status.s7 === 'not-in-scope').length;
  await eventually(count, `${expected} of 300 programs`, 'the filter applies');
  assert.deepEqual(page.problems, []);
});

test('the first window of a long list fills its box whatever the page sets: a taller box and a smaller font than the defaults', { timeout: 90000 }, async () => {
  // The first render sizes the window from the stylesheet's defaults (80vh, 15px); the box is
  // measured after the first layout and the rows and columns missing are added before painting.
  const page = await openWide({}, '--cm-max-height: 1600px; --cm-font-size: 10px', { width: 1600, height: 1000 });
  const gaps = () =>
    page.locator('compliance-matrix').evaluate((el) => {
      const r = el.shadowRoot;
      const wrap = r.querySelector('[part=table-wrap]').getBoundingClientRect();
      const rows = [...r.querySelectorAll('tr[data-program]')];
      const cells = [...rows[0].querySelectorAll('td[data-service]')];
      return {
        rowsShort: rows.at(-1).getBoundingClientRect().bottom < wrap.bottom - 1,
        cellsShort: cells.at(-1).getBoundingClientRect().right < wrap.right - 1,
        rows: rows.length,
        cells: cells.length,
      };
    });
  const g = await gaps();
  assert.equal(g.rowsShort, false, `rows reach the bottom of the box (${g.rows} rows)`);
  assert.equal(g.cellsShort, false, `cells reach its right edge (${g.cells} cells)`);
  assert.ok(g.rows < 300 && g.cells < 40, 'still a window');
  assert.deepEqual(page.problems, []);
});
