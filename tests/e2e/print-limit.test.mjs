// Printing at the limits stays bounded, so that printing cannot freeze the page: a 2,000 × 100
// matrix printed whole is 204,000 cells and blocked the page for seconds; beyond 40,000 cells the
// print shows the rows and columns in view and a note that offers the CSV/Markdown export.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, session, DOM } from './support/matrix-page.mjs';

const env = session();

function hugeDataset(rows, columns) {
  const services = Array.from({ length: columns }, (_, k) => ({ id: `s${k}`, name: `Service ${k}` }));
  const statuses = ['in-scope', 'not-in-scope', 'unknown', 'in-progress'];
  const programs = Array.from({ length: rows }, (_, i) => {
    const status = {};
    services.forEach((s, k) => (status[s.id] = statuses[(i + k) % 4]));
    return { id: `p-${i}`, name: `Program ${i}`, status };
  });
  return { as_of: '2024-01-01', source: { title: 'generated', url: 'https://example.org/' }, services, programs };
}

test('printing 2,000 × 100 prints the window and a note, not 204,000 cells', { timeout: 120000 }, async () => {
  // All 100 columns shown (a dataset this wide shows its first twelve unless told).
  const all = Array.from({ length: 100 }, (_, k) => `s${k}`).join(',');
  const cm = await env.widget({ view: 'table', services: all }, { widget: { data: hugeDataset(2000, 100) }, ready: 60000, viewport: { width: 1200, height: 800 } });
  const { page } = cm;
  const cells = () => cm.locator(DOM.cell).count();
  const before = await cells();
  assert.ok(before < 2000, `a window of cells (${before})`);
  const blocked = await page.evaluate(() => {
    const t0 = performance.now();
    window.dispatchEvent(new Event('beforeprint'));
    return performance.now() - t0;
  });
  // Let Yew render what beforeprint asked for, then count.
  await page.evaluate(() => new Promise((r) => setTimeout(r, 200)));
  assert.ok((await cells()) < 2000, 'still a window while printing');
  assert.equal(await cm.locator(DOM.row).count() < 100, true);
  const note = cm.locator('[part=print-note]');
  assert.match(await note.textContent(), /only the rows and columns that were in view.*2,000 programs × 100 services.*CSV or Markdown/);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  // A real print: a few pages, not hundreds.
  await page.emulateMedia({ media: 'print' });
  assert.equal(await note.isVisible(), true, 'the note is on paper');
  await page.emulateMedia({ media: 'screen' });
  assert.equal(await note.isVisible(), false, 'and not on screen');
  const pdf = await page.pdf({ format: 'A4' });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  assert.ok(pages <= 10, `the PDF has ${pages} pages`);
  assert.ok(blocked < 5000, `beforeprint took ${blocked} ms`);
  // The print's page size may have grown the window (resizes only grow it): still a window.
  assert.ok((await cells()) < 2000, 'a window after printing');
  assert.deepEqual(page.problems, []);
});
