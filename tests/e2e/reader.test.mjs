// The dataset reader is a second wasm (reader/, kept out of the widget's wasm so that a default
// widget weighs less and starts sooner): a default widget, and one holding the embedded matrix as
// its child table, never fetch it; the first dataset to read (`data`, a `src` that arrived, another
// child table, parseDataset after `ready`) fetches it once; a dataset given twice while it loads
// shows the latest; a reader that cannot load, or that stops (the fault-injection build), is said
// in the widget's alert and tried again for the next dataset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, eventually, BLANK, DOM, MatrixPage } from './support/matrix-page.mjs';

const T = { timeout: 90000 };
const env = session();
const READER = 'compliance-matrix-reader_bg.wasm.gz';

const dataset = (...ids) => ({
  as_of: '2026-01-01',
  source: { title: 'Reader test', url: 'https://example.org/' },
  services: [{ id: 'ecs', name: 'Amazon ECS' }],
  programs: ids.map((id) => ({ id, name: id.toUpperCase(), status: { ecs: 'in-scope' } })),
});

/** A blank host page (`path`) that records the wasm files it fetches, by name. */
async function page(path = BLANK, route) {
  const p = await env.page({ viewport: { width: 1200, height: 900 } });
  p.wasm = [];
  p.on('request', (r) => {
    const m = r.url().match(/\/([^/]+\.wasm\.gz)$/);
    if (m) p.wasm.push(m[1]);
  });
  if (route) await p.route(`**/${READER}`, route);
  await p.goto(`${env.base}${path}`);
  return p;
}

const setData = (cm, data) => cm.host.evaluate((el, d) => { el.data = d; }, data);

test('a default widget never fetches the reader; the first dataset to read fetches it, once', T, async () => {
  const p = await page();
  const cm = await MatrixPage.add(p, { id: 'seed' });
  await cm.ready();
  await cm.search('iso');
  await cm.expectRows(['iso-27001', 'iso-9001', 'iso-27017', 'iso-27018']);
  await cm.search('');
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(p.wasm, ['compliance-matrix_bg.wasm.gz'], 'the seed, searched: the widget wasm alone');

  await setData(cm, dataset('alpha', 'beta'));
  await cm.expectRows(['alpha', 'beta'], 'data read by the reader');
  await setData(cm, dataset('gamma'));
  await cm.expectRows(['gamma'], 'a second dataset, read by the same reader');
  const csv = await MatrixPage.add(p, { id: 'csv', attrs: { src: '/tests/fixtures/import/own.csv' } });
  await csv.ready();
  assert.ok((await csv.programIds()).includes('my-internal-baseline'), 'a CSV src read by the reader');
  assert.deepEqual(p.wasm, ['compliance-matrix_bg.wasm.gz', READER], 'the reader fetched once for all of them');
  assert.deepEqual(p.problems, []);
});

test('a dataset given twice while the reader loads: the latest is shown', T, async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const p = await page(BLANK, async (route) => {
    await held;
    await route.continue();
  });
  const cm = await MatrixPage.add(p, { id: 'a', data: dataset('first') });
  await eventually(() => Promise.resolve(p.wasm.includes(READER)), true, 'the reader asked for at mount');
  await setData(cm, dataset('second', 'third'));
  release();
  await cm.ready();
  await cm.expectRows(['second', 'third'], 'the latest dataset');
  await new Promise((r) => setTimeout(r, 300));
  assert.deepEqual(await cm.programIds(), ['second', 'third']);
  assert.deepEqual(p.problems, []);
});

test('a reader that cannot load: the widget says so, and the next dataset tries again', T, async () => {
  let refuse = true;
  const p = await page(BLANK, (route) => (refuse ? route.fulfill({ status: 404, body: 'gone' }) : route.continue()));
  await p.evaluate(() => {
    window.errors = [];
    document.addEventListener('cm-error', (e) => window.errors.push(e.detail.message));
  });
  const cm = await MatrixPage.add(p, { id: 'a' });
  await cm.ready();
  await setData(cm, dataset('alpha'));
  await cm.alertBox.waitFor({ timeout: 10000 });
  const text = await cm.alertBox.textContent();
  const said = /^data: the dataset reader could not be loaded \(could not load http:[^)]*compliance-matrix-reader_bg\.wasm\.gz: HTTP 404\)$/;
  const errors = await p.evaluate(() => window.errors);
  assert.equal(errors.length, 1);
  assert.match(errors[0], said, 'cm-error');
  assert.ok(text.includes(errors[0]), `the alert says it: ${text}`);
  assert.equal((await cm.programIds()).length, 20, 'the previous rows stay (the alert says so)');
  refuse = false;
  await setData(cm, dataset('beta'));
  await cm.expectRows(['beta'], 'read once the reader could load');
  assert.equal(await cm.alertBox.count(), 0, 'the alert is gone');
  // 404s are the browser's own console errors; nothing else.
  assert.deepEqual(p.problems.filter((m) => !/404/.test(m)), []);
});

test('parseDataset: before ready it says to await ready; after, it reads and names what is wrong', T, async () => {
  const p = await page();
  const result = await p.evaluate(async () => {
    const m = await import('/dist/compliance-matrix.js');
    const early = (() => { try { m.parseDataset('| Program | Amazon ECS |\n|---|---|\n| SOC II | 1 |'); return 'read'; } catch (e) { return e.message; } })();
    await m.ready;
    const ds = m.parseDataset('| Program | Amazon ECS |\n|---|---|\n| SOC II | 1 |', 'markdown');
    const wrong = (text, format) => { try { m.parseDataset(text, format); return 'read'; } catch (e) { return e.message; } };
    return { early, programs: ds.programs.map((x) => x.id), format: wrong('x', 'yaml'), schema: wrong('{"services": 3}') };
  });
  assert.equal(result.early, 'compliance-matrix is still loading: await ready first');
  assert.deepEqual(result.programs, ['soc-2']);
  assert.equal(result.format, "unknown format 'yaml' (expected json, csv, markdown or html)");
  assert.equal(result.schema, 'line 1, column 14: invalid JSON: invalid type: integer `3`, expected a sequence');
  assert.deepEqual(p.wasm.sort(), [READER, 'compliance-matrix_bg.wasm.gz'], 'ready loads both');
});

test('a reader that stops (fault-injection build) is replaced: the widget says so, the next dataset is read', T, async () => {
  const p = await page('/tests/e2e/fixtures/fault-blank.html');
  const cm = await MatrixPage.add(p, { id: 'a' });
  await cm.ready();
  await setData(cm, dataset('alpha'));
  await cm.expectRows(['alpha']);
  await setData(cm, { ...dataset('beta'), title: '\u{1f4a5}panic' });
  await cm.alertBox.waitFor({ timeout: 10000 });
  assert.match(await cm.alertBox.textContent(), /data: the dataset reader's answer could not be read \(it stopped after an internal error: .*\)/);
  await setData(cm, dataset('gamma'));
  await cm.expectRows(['gamma'], 'read by a fresh reader instance');
  assert.equal(await cm.alertBox.count(), 0);
  // The widget's own wasm went on: it still searches.
  await cm.search('gam');
  await cm.expectRows(['gamma']);
});

// A page's own child <table>: the embedded matrix as scripts/seed-table.mjs writes it (the demo
// page, the single file) is known without the reader; any other table is read by it, and shows as
// the page wrote it until then.
const OWN = `<table data-as-of="2026-11-30" data-source="Wiki" data-source-url="https://wiki.example.com/c">
  <caption>Our matrix</caption>
  <tr><th>Compliance Program</th><th>Amazon ECS</th></tr>
  <tr><th>Our own audit</th><td>1</td></tr>
  <tr><th>Vendor review</th><td>0</td></tr>
</table>`;

/** Adds a widget #own holding OWN as its child table; its MatrixPage. */
async function addOwn(p) {
  await p.evaluate((html) => {
    const el = document.createElement('compliance-matrix');
    el.id = 'own';
    el.innerHTML = html; // test markup, written by this file
    document.getElementById('host').append(el);
  }, OWN);
  return new MatrixPage(p, '#own');
}

test('the demo page (the seed as a child table) never fetches the reader; another child table is read by it', T, async () => {
  const demo = await page('/index.html');
  const seed = new MatrixPage(demo, 'compliance-matrix');
  await seed.ready();
  assert.equal((await seed.programIds()).length, 20);
  assert.ok((await seed.state()).revision, 'the embedded data, with its history');
  await new Promise((r) => setTimeout(r, 500));
  assert.deepEqual(demo.wasm, ['compliance-matrix_bg.wasm.gz'], 'the widget wasm alone');

  let release;
  const held = new Promise((r) => { release = r; });
  const p = await page(BLANK, async (route) => {
    await held;
    await route.continue();
  });
  const own = await addOwn(p);
  await eventually(() => Promise.resolve(p.wasm.includes(READER)), true, 'the reader asked for');
  // While it loads: the page's table as the page wrote it, and none of the embedded rows.
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await own.locator(DOM.row).count(), 0, 'no rows of other data');
  assert.ok(await p.locator('#own > table').isVisible(), 'the page\'s own table shows');
  const exported = await own.evaluate((el) => { try { return el.exportCsv(); } catch (e) { return e.message; } });
  assert.match(exported, /^nothing to export: the page's table is being read/);
  release();
  await own.expectRows(['our-own-audit', 'vendor-review'], 'the page\'s table, read by the reader');
  assert.deepEqual(p.wasm, ['compliance-matrix_bg.wasm.gz', READER]);
  // An edit of the table is read again (the reader is in now: at once).
  await p.evaluate(() => { document.querySelector('#own tr:last-child th').textContent = 'Vendor audit'; });
  await own.expectRows(['our-own-audit', 'vendor-audit'], 'the edited table');
  assert.deepEqual(p.problems, []);
});

test('a child table whose reader cannot load: the alert says so beside the page\'s table', T, async () => {
  const p = await page(BLANK, (route) => route.fulfill({ status: 404, body: 'gone' }));
  const own = await addOwn(p);
  await own.alertBox.waitFor({ timeout: 10000 });
  assert.match(await own.alertBox.textContent(), /the page's table: the dataset reader could not be loaded \(could not load [^)]*HTTP 404\)/);
  assert.equal(await own.locator(DOM.row).count(), 0);
  assert.ok(await p.locator('#own > table').isVisible(), 'the page\'s own table shows');
});
