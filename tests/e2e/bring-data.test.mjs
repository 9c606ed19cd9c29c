// Today's data: a saved copy of AWS's "Services in Scope" page through `src`, and data the user
// brings (a dropped file, a pasted table, a file chosen from the Export menu), shown to them in
// place of the page's until they go back; `import="off"` keeps the widget to the page's data.
// Run: node --test --test-concurrency=1 tests/e2e/bring-data.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { session, eventually, DOM, axeViolations } from './support/matrix-page.mjs';

const T = { timeout: 90000 };
const env = session();

const PAGE = '/tests/fixtures/import/services-in-scope.html';
const OWN_CSV = readFileSync('tests/fixtures/import/own.csv', 'utf8');
// The same three programs with services as rows (the orientation of AWS's page).
const SERVICES_DOWN = 'Services,SOC 2,ISO 27001\nAmazon ECS,✓,\nAmazon EKS,,✓\nAWS Lambda,✓,✓\n';
const EMBEDDED_ROWS = 20;

/** Drops a file of `text` named `name` on the widget (as a browser does: dragover, then drop). */
const dropFile = (cm, name, text, type = '') =>
  cm.evaluate(
    (el, { name, text, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type }));
      const root = el.shadowRoot.querySelector('[part=root]');
      const over = new DragEvent('dragover', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true });
      root.dispatchEvent(over);
      const drop = new DragEvent('drop', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true });
      root.dispatchEvent(drop);
      return { overTaken: over.defaultPrevented, dropTaken: drop.defaultPrevented };
    },
    { name, text, type },
  );

/** Pastes `html` and `text` on `css` inside the widget (the focused element, as Ctrl+V does). */
const paste = (cm, css, { html = '', text = '' }) =>
  cm.evaluate(
    (el, { css, html, text }) => {
      const dt = new DataTransfer();
      if (html) dt.setData('text/html', html);
      if (text) dt.setData('text/plain', text);
      const target = el.shadowRoot.querySelector(css);
      target.focus();
      const e = new ClipboardEvent('paste', { clipboardData: dt, bubbles: true, composed: true, cancelable: true });
      target.dispatchEvent(e);
      return e.defaultPrevented;
    },
    { css, html, text },
  );

const shownServices = (cm) =>
  cm.inRoot((root) => [...root.querySelectorAll('table[part=table] thead th[data-key]')].map((th) => th.dataset.key).filter((k) => k !== 'program' && k !== 'coverage'));
const broughtLine = (cm) => cm.inRoot((root) => root.querySelector('[part~=brought]')?.textContent.trim() ?? null);

test('a saved services-in-scope page through src: container services first, the rest in Columns with a find box', T, async () => {
  const cm = await env.widget({ src: PAGE }, { ready: 30000 });
  await eventually(() => shownServices(cm), ['ecs', 'eks', 'fargate', 'ecr'], 'the four container services of 31');
  assert.equal(await cm.cellStatus('fedramp-high', 'eks'), 'in-progress');
  assert.equal(await cm.evaluate(() => window.__cmFixtureRan ?? null), null, 'nothing of the page ran');
  await cm.openColumns();
  const find = cm.inMenu('columns', '[part~=columns-find]');
  const listed = () => cm.inRoot((root) => root.querySelectorAll('[part~=columns] input[data-service]').length);
  assert.equal(await listed(), 31);
  assert.match(await cm.inRoot((root) => root.querySelector('.cm-columns-count').textContent), /4 of 31/);
  await find.fill('lambda');
  await eventually(listed, 1, 'the find box narrows the list');
  const lambda = await cm.inRoot((root) => root.querySelector('[part~=columns] input[data-service]').dataset.service);
  await cm.columnBox(lambda).check();
  await eventually(() => shownServices(cm), ['ecs', 'eks', 'fargate', 'ecr', lambda], 'a column the user adds');
  assert.deepEqual(cm.page.problems, []);
});

test('a dropped CSV is the user\'s data, named with its date; the way back restores the page\'s', T, async () => {
  // The well-formed host page, for axe.
  const cm = await env.widget({}, { path: '/tests/hosts/a11y/index.html' });
  const taken = await dropFile(cm, 'own.csv', OWN_CSV, 'text/csv');
  assert.deepEqual(taken, { overTaken: true, dropTaken: true });
  await cm.expectRows(['soc-2', 'iso-27001', 'my-internal-baseline']);
  const year = await cm.evaluate(() => String(new Date().getFullYear()));
  const line = await broughtLine(cm);
  assert.match(line, /^Your data: own\.csv, loaded /);
  assert.ok(line.includes(year), `the date it was loaded: ${line}`);
  assert.equal(await cm.cellStatus('iso-27001', 'fargate'), 'in-progress');
  assert.deepEqual(await axeViolations(cm.page), []);
  // A move in the page keeps it, and the way back.
  await cm.evaluate((el) => { const p = el.parentNode; el.remove(); p.append(el); });
  await cm.expectRows(['soc-2', 'iso-27001', 'my-internal-baseline'], 'a move keeps the user\'s data');
  await cm.locator('[part~=restore-data]').click();
  await eventually(async () => (await cm.programIds()).length, EMBEDDED_ROWS, 'back to the page\'s (embedded) data');
  assert.equal(await broughtLine(cm), null);
  assert.deepEqual(cm.page.problems, []);
});

test('a pasted table is read either way round; a paste into the search box stays text', T, async () => {
  const cm = await env.widget({});
  assert.equal(await paste(cm, 'input[part=search]', { text: 'Amazon ECS,✓\nAmazon EKS,' }), false);
  assert.equal(await cm.searchBox.inputValue(), '', 'the widget did not take it (the browser would paste the text)');
  const html = `<meta charset="utf-8"><table><tr><th>Services</th><th>SOC 2</th><th>ISO 27001</th></tr>
    <tr><td>Amazon ECS</td><td>✓</td><td></td></tr><tr><td>Amazon EKS</td><td></td><td>✓</td></tr></table>`;
  assert.equal(await paste(cm, DOM.table, { html, text: 'ignored' }), true);
  await cm.expectRows(['soc-2', 'iso-27001']);
  assert.equal(await cm.cellStatus('iso-27001', 'eks'), 'in-scope');
  assert.equal(await cm.cellStatus('iso-27001', 'ecs'), 'not-in-scope', 'a blank in a table of marks is not in scope');
  assert.match(await broughtLine(cm), /^Your data: Pasted table, loaded /);
  // Spreadsheet text, services down.
  assert.equal(await paste(cm, DOM.table, { text: SERVICES_DOWN.replaceAll(',', '\t') }), true);
  await cm.expectRows(['soc-2', 'iso-27001']);
  assert.equal(await cm.cellStatus('soc-2', 'ecs'), 'in-scope');
  assert.deepEqual(cm.page.problems, []);
});

test('a file chosen from the Export menu loads; a broken one is named in the alert and the data stays', T, async () => {
  const cm = await env.widget({});
  await cm.openExport();
  const [chooser] = await Promise.all([cm.page.waitForEvent('filechooser'), cm.inMenu('export', '[part~=load-data]').click()]);
  await chooser.setFiles({ name: 'services-down.csv', mimeType: 'text/csv', buffer: Buffer.from(SERVICES_DOWN) });
  await cm.expectRows(['soc-2', 'iso-27001']);
  const errors = await cm.evaluate((el) => { window.errors = []; el.addEventListener('cm-error', (e) => window.errors.push(e.detail.message)); return true; });
  assert.ok(errors);
  await dropFile(cm, 'broken.csv', 'Compliance Program,Amazon ECS\nSOC 2,yes\nSOC 2,no\n', 'text/csv');
  const alert = cm.locator('[role=alert][part=error]');
  await eventually(async () => /broken\.csv/.test((await alert.textContent()) ?? ''), true, 'the alert names the file');
  assert.match(await alert.textContent(), /row|line/);
  await cm.expectRows(['soc-2', 'iso-27001'], 'what was shown stays');
  assert.equal((await cm.evaluate(() => window.errors)).length, 1);
  assert.doesNotMatch(await alert.textContent(), /previous data/, 'the page\'s data is not at fault');
  // The alert goes once the user does something else.
  await cm.search('iso');
  await eventually(() => alert.count(), 0, 'the alert is gone');
  assert.deepEqual(cm.page.problems, []);
});

test('a hostile page dropped is read as text: its scripts and handlers never run; a login page is refused', T, async () => {
  const cm = await env.widget({});
  const page = readFileSync('tests/fixtures/import/services-in-scope.html', 'utf8');
  await dropFile(cm, 'saved.html', page, 'text/html');
  await eventually(() => shownServices(cm), ['ecs', 'eks', 'fargate', 'ecr']);
  assert.equal(await cm.evaluate(() => window.__cmFixtureRan ?? null), null);
  await dropFile(cm, 'login.html', '<!doctype html><html><body><form>Sign in</form></body></html>', 'text/html');
  const alert = cm.locator('[role=alert][part=error]');
  await eventually(async () => /login\.html.*HTML page/.test((await alert.textContent()) ?? ''), true);
  assert.deepEqual(cm.page.problems, []);
});

test('import="off": no Load data, drops and pastes are left to the page', T, async () => {
  const cm = await env.widget({ import: 'off' });
  await cm.openExport();
  assert.equal(await cm.inRoot((root) => root.querySelector('[part~=load-data]')), null);
  const taken = await dropFile(cm, 'own.csv', OWN_CSV, 'text/csv');
  assert.deepEqual(taken, { overTaken: false, dropTaken: false });
  assert.equal(await paste(cm, DOM.table, { text: OWN_CSV }), false);
  await new Promise((r) => setTimeout(r, 300));
  assert.equal((await cm.programIds()).length, EMBEDDED_ROWS);
  assert.equal(await broughtLine(cm), null);
  // Turned off while the user's data is shown: the page's data comes back.
  await cm.setAttribute('import', 'on');
  await dropFile(cm, 'own.csv', OWN_CSV, 'text/csv');
  await cm.expectRows(['soc-2', 'iso-27001', 'my-internal-baseline']);
  await cm.setAttribute('import', 'off');
  await eventually(async () => (await cm.programIds()).length, EMBEDDED_ROWS);
  assert.deepEqual(cm.page.problems, []);
});

test('the user\'s data compared with what they loaded before: changed cells and gone rows are marked', T, async () => {
  const cm = await env.widget({});
  await dropFile(cm, 'check-1.csv', OWN_CSV, 'text/csv');
  await cm.expectRows(['soc-2', 'iso-27001', 'my-internal-baseline']);
  // The next check: ISO 27001 on ECS went out of scope, the internal baseline is gone.
  const next = 'Compliance Program,Amazon ECS,AWS Lambda,ECS Fargate\n"SOC 2",yes,✓,1\nISO 27001,0,no,JAB Review\n';
  await dropFile(cm, 'check-2.csv', next, 'text/csv');
  await cm.expectRows(['soc-2', 'iso-27001']);
  await cm.openHistory();
  const options = await cm.comparePicker.evaluate((s) => [...s.options].map((o) => o.textContent));
  assert.match(options[1], /^check-1\.csv \(\d\d:\d\d\)$/, 'what was loaded before, first, with the time it was loaded');
  assert.ok(options.includes('2021-04-24'), 'then the embedded revisions');
  await cm.comparePicker.selectOption('before');
  await eventually(() => cm.locator('td[data-changed]').count(), 1, 'one changed cell');
  const changed = cm.locator('td[data-changed]');
  assert.deepEqual(
    [await changed.evaluate((td) => td.closest('tr').dataset.program), await changed.getAttribute('data-service'), await changed.getAttribute('data-changed')],
    ['iso-27001', 'ecs', 'in-scope'],
  );
  assert.equal(await cm.locator('tr[data-program="my-internal-baseline"]').getAttribute('data-diff'), 'removed');
  assert.match(await cm.inRoot((root) => root.querySelector('[part~=changes]').textContent), /check-1\.csv.*check-2\.csv/);
  await cm.comparePicker.selectOption('');
  await cm.expectRows(['soc-2', 'iso-27001'], 'no comparison: the data alone');
  // Back to the page's data, then a third check: it can still be compared with the second.
  await cm.closeMenus();
  await cm.locator('[part~=restore-data]').click();
  await dropFile(cm, 'check-3.csv', next, 'text/csv');
  await cm.expectRows(['soc-2', 'iso-27001']);
  await cm.openHistory();
  const again = await cm.comparePicker.evaluate((s) => [...s.options].map((o) => o.textContent));
  assert.match(again[1], /^check-2\.csv/, 'what was loaded before going back');
  assert.deepEqual(cm.page.problems, []);
});
