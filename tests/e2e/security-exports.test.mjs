// Hardening e2e, exports: what the widget hands to other programs. The XSS corpus
// (tests/fixtures/xss-payloads.json) as program data, then exported: CSV formulas are defused with
// a leading apostrophe (and come back on import), Markdown holds no live markup, link or image from
// data, JSON gives every payload back exactly. Shared set-up: support/security-page.mjs.
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security-exports.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { eventually } from './support/matrix-page.mjs';
import { securitySession, hostPage, assertRequests, assertPageClean, finish, SHOWN, programsDataset } from './support/security-page.mjs';

securitySession();

/** RFC 4180 parser (for checking the export). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      /* CRLF */
    } else if (c === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else f += c;
  }
  if (f || row.length) rows.push([...row, f]);
  return rows;
}
const isFormula = (f) => /^[=+@\t\r]/.test(f) || (f.startsWith('-') && f.length > 1);
// A field that starts with ' gets one more, so the importer's removal of one gives it back.
const defused = (f) => (isFormula(f) || f.startsWith("'") ? `'${f}` : f);

/** The host page showing one program per payload (a MatrixPage). */
async function exportPage() {
  const w = await hostPage({ view: 'table' });
  await w.evaluate((el, ds) => (el.data = ds), programsDataset(SHOWN));
  await eventually(() => w.programIds().then((r) => r.length), SHOWN.length, 'one row per payload');
  return w;
}

test('exportCsv(): formulas are defused with a leading apostrophe, text is otherwise exact, and the toolbar download is the same file', { timeout: 60000 }, async () => {
  const w = await exportPage();
  const { page } = w;
  const csv = await w.evaluate((el) => el.exportCsv());
  const rows = parseCsv(csv);
  assert.deepEqual(rows[0], ['Compliance Program', 'Amazon ECS', 'Amazon EKS']);
  assert.equal(rows.length, SHOWN.length + 1);
  // Names are trimmed on import; the cell labels are kept as they are.
  SHOWN.forEach((p, i) => assert.deepEqual(rows[i + 1], [defused(p.payload.trim()), defused(p.payload), '1'], `${p.id}: exported as text, formulas defused`));
  for (const [r, row] of rows.entries()) {
    for (const f of row) assert.ok(!isFormula(f), `row ${r}: a field starts like a formula: ${JSON.stringify(f.slice(0, 60))}`);
  }
  assert.ok(rows.some((r) => r[0].startsWith("'=HYPERLINK")), 'the =HYPERLINK payload is defused');
  // The defusing apostrophes are removed again on import.
  const formulas = SHOWN.filter((p) => p.category === 'csv' && isFormula(p.payload));
  const back = await page.evaluate(async (items) => {
    const { parseDataset, ready } = await import('/dist/compliance-matrix.js');
    await ready; // parseDataset needs the dataset reader
    const el = document.getElementById('w');
    el.data = {
      as_of: '2024-01-01',
      source: { title: 's', url: '' },
      services: [{ id: 'ecs', name: 'Amazon ECS' }],
      programs: items.map((p, i) => ({ id: `f${i}`, name: p.payload, status: { ecs: { status: 'in-progress', label: p.payload } } })),
    };
    await window.__t.until(() => window.__t.rows(el).length === items.length);
    const ds = parseDataset(el.exportCsv(), 'csv');
    return ds.programs.map((p) => [p.name, p.status.ecs.label]);
  }, formulas);
  assert.deepEqual(back, formulas.map((p) => [p.payload.trim(), p.payload]), 'exportCsv → parseDataset gives the original text back');
  // The toolbar's CSV button downloads exactly exportCsv().
  await w.evaluate((el, ds) => (el.data = ds), programsDataset(SHOWN));
  await eventually(() => w.programIds().then((r) => r.length), SHOWN.length, 'payload rows again');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), w.exportButton('csv').click()]);
  assert.equal(download.suggestedFilename(), 'compliance-matrix-2024-01-01.csv');
  const file = readFileSync(await download.path(), 'utf8');
  assert.equal(file, await w.evaluate((el) => el.exportCsv()), 'the download is exportCsv()');
  await assertPageClean(page, 'CSV export');
  assertRequests(page, []);
  finish(page);
});

test('exportMarkdown(): markup is escaped and no link or image comes from data', { timeout: 60000 }, async () => {
  const w = await exportPage();
  const { page } = w;
  const md = await w.evaluate((el) => el.exportMarkdown());
  // The source link is the widget's own: [title](<https://…>). Anything else must be inert text.
  const withoutSource = md.replace(/\]\(<https:\/\/example\.com\/source>\)/, '](SOURCE)');
  assert.ok(!withoutSource.includes('<'), `no raw "<" in the Markdown (HTML in Markdown renders): ${withoutSource.match(/.{0,40}<.{0,40}/)?.[0]}`);
  const table = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Compliance Program') && !l.startsWith('| ---'));
  assert.equal(table.length, SHOWN.length, 'one table line per program');
  // Inline links and images written by data would be live when the Markdown is rendered.
  const links = [];
  for (const m of withoutSource.matchAll(/(!?)\[((?:\\.|[^\]\\])*)\]\(\s*<?([^)\s>]*)/g)) {
    if (m[3] !== 'SOURCE') links.push(m[0]);
  }
  assert.deepEqual(links, [], 'no Markdown link or image syntax from data survives unescaped (e.g. [click](javascript:…), ![x](https://evil…))');
  await assertPageClean(page, 'Markdown export');
  finish(page);
});

test('exportJson(): valid JSON that gives every payload back exactly', { timeout: 60000 }, async () => {
  const w = await exportPage();
  const { page } = w;
  const text = await w.evaluate((el) => el.exportJson());
  const json = JSON.parse(text);
  assert.equal(typeof json, 'object');
  assert.ok(text.trimStart().startsWith('{'), 'an object, not code');
  SHOWN.forEach((p, i) => {
    const q = json.programs[i];
    assert.deepEqual([q.id, q.name, q.note, q.status.ecs.label], [`p${i}`, p.payload.trim(), p.payload, p.payload], p.id);
  });
  // And it is accepted back as data.
  const back = await w.evaluate(async (el, text) => {
    el.data = JSON.parse(text);
    await window.__t.until(() => window.__t.rows(el).length > 0);
    return { rows: window.__t.rows(el).length, alert: window.__t.alert(el) };
  }, text);
  assert.deepEqual(back, { rows: SHOWN.length, alert: null });
  await assertPageClean(page, 'JSON export');
  finish(page);
});
