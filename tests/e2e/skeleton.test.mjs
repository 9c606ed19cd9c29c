// The walking skeleton, end to end in Debian Chromium: the demo page, sorting, search, the
// single file from file://, and no console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { session, MatrixPage, DOM } from './support/matrix-page.mjs';

/** The seed table, read straight from the fixture: [{name, cells: [text × 4]}]. */
function seedRows() {
  const lines = readFileSync('tests/fixtures/seed-compliance.md', 'utf8')
    .split('\n')
    .filter((l) => l.trim().startsWith('|'));
  const split = (l) => l.trim().replace(/^\||\|$/g, '').split('|').map((c) => c.trim());
  return lines.slice(2).map(split).map((c) => ({ name: c[0], cells: c.slice(1) }));
}
const STATUS = { 1: 'in-scope', 0: 'not-in-scope' };

const env = session();

const demo = () => env.open('/index.html');

test('the demo page shows the seed: 20 rows, 80 status cells, the seed statuses', async () => {
  const cm = await demo();
  const shown = await cm.rows();
  assert.equal(shown.length, 20);
  assert.equal(shown.flatMap((r) => r.cells).length, 80);
  const seed = seedRows();
  assert.equal(seed.length, 20);
  seed.forEach((row, i) => {
    assert.deepEqual(shown[i].cells.map((c) => c.service), ['ecs', 'eks', 'fargate', 'ecr']);
    row.cells.forEach((text, j) => {
      const cell = shown[i].cells[j];
      assert.equal(cell.status, STATUS[text] ?? 'in-progress', `${row.name} / column ${j}`);
      if (!STATUS[text]) assert.ok(cell.text.includes(text), `label "${text}" is visible in ${cell.text}`);
    });
  });
  const caption = await cm.locator(`${DOM.table} caption`).textContent();
  // The as-of date in the user's format (English here); the ISO date is in the header's <time>.
  assert.match(caption, /as of Apr 21, 2020/);
  assert.equal(await cm.locator('.cm-meta time').getAttribute('datetime'), '2020-04-21');
  const warning = await cm.locator('[part=warning]').textContent();
  assert.match(warning, /Compliance status changes over time/);
  assert.deepEqual(cm.page.problems, []);
});

test('sorting the program column sorts, then reverses the order', async () => {
  const cm = await demo();
  const { page } = cm;
  const header = cm.header('program');
  await header.locator('button').click();
  const asc = await cm.programIds();
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  assert.equal(asc[0], 'c5');
  await header.locator('button').click();
  const desc = await cm.programIds();
  assert.equal(await header.getAttribute('aria-sort'), 'descending');
  assert.deepEqual(desc, [...asc].reverse());
  // Keyboard: focus the button, Enter returns to seed order.
  await header.locator('button').focus();
  await page.keyboard.press('Enter');
  assert.equal(await header.getAttribute('aria-sort'), 'none');
  assert.equal((await cm.programIds())[0], 'pci-dss-level-1');
  assert.deepEqual(page.problems, []);
});

test('the search box narrows the rows and the count says so', async () => {
  const cm = await demo();
  await cm.search('hipaa');
  assert.deepEqual(await cm.programIds(), ['hipaa-eligible', 'hipaa-baa']);
  assert.equal(await cm.count(), '2 of 20 programs');
  await cm.search('hitrusst');
  assert.deepEqual(await cm.programIds(), ['hitrust-csf']);
  await cm.search('');
  assert.equal((await cm.programIds()).length, 20);
  assert.deepEqual(cm.page.problems, []);
});

test('the single-file page works from file:// with the network cut off', async () => {
  const page = await env.page();
  const requests = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:')) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto('file://' + resolve('dist/compliance-matrix.html'));
  const cm = await new MatrixPage(page).ready();
  const shown = await cm.rows();
  assert.equal(shown.length, 20);
  assert.equal(shown.flatMap((r) => r.cells).length, 80);
  await cm.search('iso 27');
  assert.deepEqual(await cm.programIds(), ['iso-27001', 'iso-27017', 'iso-27018']);
  assert.deepEqual(requests, []);
  assert.deepEqual(page.problems, []);
});
