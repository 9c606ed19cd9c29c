// Keyboard-only use of the built widget: with page.keyboard alone (Tab, Shift+Tab, Enter,
// Space, arrows, Home/End, Escape) every control is reached and operated: search, status filter,
// the Filters menu (gaps, a facet chip), the column menu (open, hide, move, close), every sort
// header (Enter, Shift+Enter), the Export menu, the History menu (revision and compare pickers),
// the table as a data grid (one tab stop, arrows, Home/End, Ctrl+Home/End, Page Up/Down, Enter
// opens a cell's details, Escape returns to the cell), the diagram bands and the variant chips.
// The menus open with Enter on their summary, and Escape closes them and puts focus
// back on it. Every element that takes focus shows it (outline or box-shadow), and focus can
// leave the widget (no trap). Host: tests/hosts/a11y/index.html.
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/keyboard.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { session, eventually, DOM, sel, MatrixPage } from './support/matrix-page.mjs';

const HOST = '/tests/hosts/a11y/index.html';
const MODEL = JSON.parse(readFileSync('data/responsibility.json', 'utf8'));
const SEED = JSON.parse(readFileSync('data/matrix.json', 'utf8')).programs.map((p) => p.id);
const FARGATE_OUT = ['fedramp-moderate', 'fedramp-high', 'dod-cc-srg', 'mtcs', 'c5', 'k-isms', 'ens-high', 'ospar'];
const GAPS_ALL = ['irap', 'fedramp-moderate', 'fedramp-high', 'dod-cc-srg', 'mtcs', 'c5', 'k-isms', 'ens-high', 'ospar'];
const T = { timeout: 60000 };

const env = session();

/** The host page with one widget (a MatrixPage); focus starts on the document (nothing focused). */
async function open(attrs = {}, viewport = { width: 1280, height: 900 }) {
  const cm = await env.widget(attrs, { path: HOST, widget: { id: 'cm', whenDefined: true, selector: 'compliance-matrix' }, viewport });
  cm.page.focusLog = [];
  return cm;
}

/** The focused element, through shadow roots: a description, whether it matches `sel`, and its focus style. */
function focused(page, sel = null) {
  return page.evaluate((sel) => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    if (!a || a === document.body) return { desc: 'body', matches: false, visible: false, inWidget: false };
    const cs = getComputedStyle(a);
    const outline = cs.outlineStyle !== 'none' && parseFloat(cs.outlineWidth) > 0;
    const shadow = cs.boxShadow && cs.boxShadow !== 'none';
    const attrs = ['part', 'data-tag', 'data-export', 'data-service', 'data-move-up', 'data-move-down', 'data-variant-toggle', 'id', 'href']
      .map((k) => (a.getAttribute(k) ? `[${k}=${a.getAttribute(k)}]` : ''))
      .join('');
    const th = a.closest && a.closest('th[data-key]');
    const tr = a.closest && a.closest('tr[data-program]');
    return {
      desc: `${a.localName}${attrs}${th ? `(th ${th.dataset.key})` : ''}${tr ? `(row ${tr.dataset.program})` : ''} "${(a.textContent || '').trim().slice(0, 30)}"`,
      inTable: Boolean(a.closest && a.closest('table[part=table]')),
      matches: sel ? a.matches(sel) : false,
      visible: outline || shadow,
      style: `outline ${cs.outlineStyle} ${cs.outlineWidth}, box-shadow ${cs.boxShadow}`,
      inWidget: a.getRootNode() !== document,
    };
  }, sel);
}

/** Presses `key` until the focused element matches `sel`; logs every stop for the focus check. */
async function tabTo(page, sel, { key = 'Tab', max = 80 } = {}) {
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const f = await focused(page, sel);
    page.focusLog.push(f);
    if (f.matches) return f;
  }
  throw new Error(`${key} did not reach ${sel} in ${max} presses (last: ${page.focusLog.at(-1)?.desc})`);
}

/** Tabs to the summary of the menu `part` and opens it with Enter. */
async function openByKeyboard(cm, part) {
  await tabTo(cm.page, sel.menuToggle(part));
  await cm.page.keyboard.press('Enter');
  await eventually(() => cm.isMenuOpen(part), true, `Enter opens ${part}`);
}

/**
 * Opens the menu `part` by keyboard (Tab to its summary, Enter), then Tabs through its panel until
 * focus leaves the menu; returns the stops inside the panel. Tabbing out closes the menu.
 */
async function walkMenu(cm, part) {
  const { page } = cm;
  await openByKeyboard(cm, part);
  const inside = [];
  for (let i = 0; i < 60; i++) {
    await page.keyboard.press('Tab');
    const f = await focused(page, `${sel.panel(part)} *`);
    page.focusLog.push(f);
    if (!f.matches) break;
    inside.push(f.desc);
  }
  await eventually(() => cm.isMenuOpen(part), false, `${part} closes as focus leaves it`);
  return inside;
}

/** What Tab reaches inside each menu of the seed view, opened by keyboard. */
async function walkMenus(cm) {
  const menus = {};
  for (const part of ['about', 'filters', 'history', 'columns', 'export']) menus[part] = await walkMenu(cm, part);
  const kinds = (part, re) => menus[part].filter((d) => re.test(d)).length;
  // About: the links in the dataset's notes (AWS Artifact, the facets' source, ...).
  assert.ok(kinds('about', /^a\[href=/) >= 2, `About this data: its links\n${menus.about.join('\n')}`);
  assert.equal(kinds('filters', /data-tag=/), 16, `Filters: 16 chips\n${menus.filters.join('\n')}`);
  assert.equal(kinds('filters', /part=gaps/), 1, 'Filters: gaps only');
  assert.deepEqual(menus.history.map((d) => d.split(' ')[0]), ['select[part=revision]', 'select[part=compare]'], 'History: the two pickers');
  // Columns: four checkboxes and the move buttons that can move (not ECS left, not ECR right).
  assert.equal(kinds('columns', /^input\[data-service=/), 4, `Columns: four checkboxes\n${menus.columns.join('\n')}`);
  assert.equal(kinds('columns', /^button\[data-move-(up|down)=/), 6, 'Columns: six move buttons');
  assert.deepEqual(menus.export.map((d) => d.split(' ')[0]), ['button[data-export=csv]', 'button[data-export=json]', 'button[data-export=markdown]', 'button[part=copy-link]', 'button[part=print]', 'button[part=load-data]'], 'Export: three formats, copy link, print, load data');
  return menus;
}

/** The focused element inside the widget: {cell: 'program/service' or 'th key', ...}. */
function focusedCell(cm) {
  return cm.evaluate((el) => {
    const a = el.shadowRoot.activeElement;
    if (!a) return null;
    const th = a.closest('thead th[data-key]');
    if (th) return `th ${th.dataset.key}`;
    const tr = a.closest('tr[data-program]');
    if (!tr) return a.localName;
    const td = a.closest('td, th');
    return `${tr.dataset.program}/${td.dataset.service || (td.localName === 'th' ? 'program' : 'coverage')}`;
  });
}

/** Every element focused along the way showed a visible focus indicator. */
function assertFocusVisible(page) {
  const bad = page.focusLog.filter((f) => f.inWidget && !f.visible).map((f) => `${f.desc}: ${f.style}`);
  assert.deepEqual([...new Set(bad)], [], 'every focused control shows a visible focus indicator');
}


// ---------------------------------------------------------------------------------------------

test('search: Tab reaches the search box, typing filters, select-all + Backspace clears', T, async () => {
  const cm = await open();
  const { page } = cm;
  await tabTo(page, DOM.search);
  await page.keyboard.type('iso 27');
  await cm.expectRows(['iso-27001', 'iso-27017', 'iso-27018']);
  await cm.expectCount('3 of 20 programs');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await cm.expectRows(SEED);
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('status filter: arrows choose fargate:not-in-scope, Home returns to any', T, async () => {
  const cm = await open();
  const { page } = cm;
  await tabTo(page, DOM.statusFilter);
  // Options: any, then per service in-scope, in-progress, not-in-scope, unknown (ecs, eks, fargate, ecr).
  for (let i = 0; i < 11; i++) await page.keyboard.press('ArrowDown');
  await eventually(async () => (await cm.state()).status, 'fargate:not-in-scope', 'status');
  await cm.expectRows(FARGATE_OUT);
  assert.ok((await focused(page, DOM.statusFilter)).matches, 'focus stays on the select');
  await page.keyboard.press('Home');
  await cm.expectRows(SEED);
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('gaps: Enter opens Filters, Space toggles the checkbox on and off', T, async () => {
  const cm = await open();
  const { page } = cm;
  await openByKeyboard(cm, 'filters');
  await tabTo(page, DOM.gaps);
  await page.keyboard.press('Space');
  await cm.expectRows(GAPS_ALL);
  await eventually(() => cm.filtersBadge.textContent(), '1 active', 'Filters counts gaps only');
  await page.keyboard.press('Space');
  await cm.expectRows(SEED);
  assert.ok((await focused(page, DOM.gaps)).matches, 'focus stays on the checkbox');
  assert.equal(await cm.filtersBadge.count(), 0, 'no active filter');
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('facet chips: Enter and Space press and release a chip; focus stays on it; Escape closes Filters', T, async () => {
  const cm = await open();
  const { page } = cm;
  await openByKeyboard(cm, 'filters');
  await tabTo(page, sel.chip('jurisdiction:sg'));
  await page.keyboard.press('Enter');
  await cm.expectRows(['mtcs', 'ospar']);
  assert.equal(await cm.chip('jurisdiction:sg').getAttribute('aria-pressed'), 'true');
  assert.ok((await focused(page, sel.chip('jurisdiction:sg'))).matches, 'focus stays on the chip');
  await tabTo(page, sel.chip('domain:finance'));
  await page.keyboard.press('Space');
  await cm.expectRows(['ospar']);
  await tabTo(page, sel.chip('jurisdiction:sg'), { key: 'Shift+Tab' });
  await page.keyboard.press('Space');
  await cm.expectRows(['ospar']);
  assert.equal(await cm.chip('jurisdiction:sg').getAttribute('aria-pressed'), 'false');
  // Escape closes the menu and returns focus to its summary, which counts the active filters.
  await page.keyboard.press('Escape');
  await eventually(() => cm.isMenuOpen('filters'), false, 'Escape closes Filters');
  assert.ok((await focused(page, sel.menuToggle('filters'))).matches, 'Escape returns focus to the Filters button');
  assert.equal(await cm.filtersBadge.textContent(), '1 active');
  assert.equal(await cm.panel('filters').count(), 0, 'the panel is gone while closed');
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('column menu: Enter opens it, Space hides a column, Enter moves one, Escape closes; focus stays with the service', T, async () => {
  const cm = await open();
  const { page } = cm;
  const heads = () => cm.headerKeys();
  const isOpen = () => cm.columnsMenu.evaluate((d) => d.open);
  const listBuilt = () => cm.columnsMenu.evaluate((d) => d.querySelector('input[type=checkbox][data-service]') !== null);
  await tabTo(page, DOM.columnsToggle);
  await page.keyboard.press('Enter');
  await eventually(isOpen, true, 'Enter opens the column menu');
  // Built as the summary is activated, not on the later `toggle` task: the next Tab finds it.
  assert.equal(await listBuilt(), true, 'the list is there as the menu opens');
  await tabTo(page, sel.columnBox('ecs'));
  await page.keyboard.press('Space');
  await eventually(heads, ['program', 'eks', 'fargate', 'ecr', 'coverage'], 'ECS hidden');
  const afterHide = await focused(page, sel.columnBox('ecs'));
  await tabTo(page, sel.moveUp('fargate'));
  await page.keyboard.press('Enter');
  await eventually(heads, ['program', 'fargate', 'eks', 'ecr', 'coverage'], 'Fargate moved left');
  assert.deepEqual((await cm.state()).services, ['fargate', 'eks', 'ecr']);
  const afterMove = await focused(page, '[data-service=fargate], [data-move-up=fargate], [data-move-down=fargate]');
  assert.equal(await isOpen(), true, 'the menu stays open while it is used');
  await page.keyboard.press('Escape');
  await eventually(isOpen, false, 'Escape closes the menu');
  assert.ok((await focused(page, DOM.columnsToggle)).matches, 'Escape returns focus to the menu button');
  // Reopen and show ECS again by keyboard.
  await page.keyboard.press('Enter');
  await eventually(isOpen, true, 'Enter reopens');
  assert.equal(await listBuilt(), true, 'the list is there as the menu reopens');
  await tabTo(page, sel.columnBox('ecs'));
  await page.keyboard.press('Space');
  await eventually(heads, ['program', 'ecs', 'fargate', 'eks', 'ecr', 'coverage'], 'ECS shown again, in dataset position');
  assertFocusVisible(page);
  // Last, so that the operations above are all checked: where focus went.
  assert.ok(afterHide.matches, `after Space on the ECS checkbox, focus stays on it (it went to ${afterHide.desc})`);
  assert.ok(afterMove.matches, `after "Move ECS Fargate left", focus stays on a Fargate control (it went to ${afterMove.desc})`);
  assert.deepEqual(page.problems, []);
});

test('every sort header: arrows reach it inside the grid; Enter cycles ascending → descending → seed order; Shift+Enter adds a secondary key', T, async () => {
  const cm = await open();
  const { page } = cm;
  const keys = ['program', 'ecs', 'eks', 'fargate', 'ecr', 'coverage'];
  // The grid is one tab stop (its first status cell); ArrowUp goes to the header row, Home to
  // its first header, ArrowRight along it.
  await tabTo(page, sel.cell('pci-dss-level-1', 'ecs'));
  await page.keyboard.press('ArrowUp');
  await eventually(() => focusedCell(cm), 'th ecs', 'ArrowUp reaches the ECS header');
  await page.keyboard.press('Home');
  await eventually(() => focusedCell(cm), 'th program', 'Home reaches the first header');
  for (const [i, key] of keys.entries()) {
    const th = cm.header(key);
    if (i > 0) await page.keyboard.press('ArrowRight');
    await eventually(async () => (await focused(page, sel.sortButton(key))).matches, true, `ArrowRight reaches the ${key} header's button`);
    page.focusLog.push(await focused(page));
    await page.keyboard.press('Enter');
    await eventually(() => th.getAttribute('aria-sort'), 'ascending', `${key}: Enter sorts ascending`);
    assert.equal((await cm.state()).sort, `${key}:asc`);
    await page.keyboard.press('Enter');
    await eventually(() => th.getAttribute('aria-sort'), 'descending', `${key}: Enter again sorts descending`);
    await page.keyboard.press('Enter');
    await eventually(() => th.getAttribute('aria-sort'), 'none', `${key}: a third Enter returns to seed order`);
    assert.equal((await cm.state()).sort, '');
    assert.ok((await focused(page, sel.sortButton(key))).matches, `${key}: focus stays on the header`);
    // The header holds the grid's one tab stop now.
    assert.equal(await cm.sortButton(key).getAttribute('tabindex'), '0', `${key}: the tab stop follows focus`);
  }
  // Fargate primary, program secondary, all by keyboard.
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('ArrowLeft');
  await eventually(async () => (await focused(page, sel.sortButton('fargate'))).matches, true, 'two ArrowLefts back to Fargate');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Home');
  await eventually(async () => (await focused(page, sel.sortButton('program'))).matches, true, 'Home back to the program header');
  await page.keyboard.press('Shift+Enter');
  await eventually(async () => (await cm.state()).sort, 'fargate:asc,program:asc', 'Shift+Enter adds program as the secondary key');
  assert.equal(await cm.header('fargate').getAttribute('aria-sort'), 'ascending');
  assert.equal((await cm.programIds())[0], 'hipaa-baa');
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('the table is a grid: one tab stop, arrows, Home/End, Ctrl+Home/End and Page Up/Down move it; Enter opens a cell\'s details, Escape returns', T, async () => {
  const cm = await open();
  const { page } = cm;
  const ids = await cm.programIds();
  const stops = () => cm.evaluate((el, t) => [...el.shadowRoot.querySelectorAll(`${t} [tabindex="0"]`)].length, DOM.table);
  assert.equal(await stops(), 1, 'one tab stop in the grid');
  await tabTo(page, sel.cell(ids[0], 'ecs'));
  const moves = [
    ['ArrowRight', `${ids[0]}/eks`],
    ['ArrowDown', `${ids[1]}/eks`],
    ['ArrowLeft', `${ids[1]}/ecs`],
    ['ArrowLeft', `${ids[1]}/program`],
    ['ArrowLeft', `${ids[1]}/program`],
    ['End', `${ids[1]}/coverage`],
    ['Home', `${ids[1]}/program`],
    ['PageDown', `${ids[11]}/program`],
    ['PageDown', `${ids[19]}/program`],
    ['ArrowDown', `${ids[19]}/program`],
    ['PageUp', `${ids[9]}/program`],
    ['Control+End', `${ids[19]}/coverage`],
    ['Control+Home', 'th program'],
    ['ArrowUp', 'th program'],
    ['ArrowDown', `${ids[0]}/program`],
    ['ArrowRight', `${ids[0]}/ecs`],
  ];
  for (const [key, want] of moves) {
    await page.keyboard.press(key);
    await eventually(() => focusedCell(cm), want, `${key} → ${want}`);
    page.focusLog.push(await focused(page));
    assert.equal(await stops(), 1, `${key}: still one tab stop`);
  }
  // Tab leaves the grid in one press, and Shift+Tab comes back to the cell it left.
  await page.keyboard.press('Tab');
  assert.equal(await cm.evaluate((el, t) => Boolean(el.shadowRoot.activeElement?.closest(t)), DOM.table), false, 'Tab leaves the grid');
  await page.keyboard.press('Shift+Tab');
  await eventually(() => focusedCell(cm), `${ids[0]}/ecs`, 'Shift+Tab returns to the cell that held the tab stop');
  // Enter on IRAP × EKS opens its details; Escape closes them and focus returns to the cell.
  for (let i = 0; i < ids.indexOf('irap'); i++) await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowRight');
  await eventually(() => focusedCell(cm), 'irap/eks', 'arrows reach IRAP × EKS');
  await page.keyboard.press('Enter');
  await cm.details.waitFor();
  assert.equal(await cm.details.getAttribute('role'), 'dialog');
  assert.match(await cm.details.locator('h3').textContent(), /IRAP.*Amazon EKS/);
  assert.equal(await cm.details.evaluate((d) => d.contains(d.getRootNode().activeElement)), true, 'focus moves into the details');
  await page.keyboard.press('Escape');
  await cm.details.waitFor({ state: 'detached' });
  await eventually(() => focusedCell(cm), 'irap/eks', 'Escape returns focus to the cell');
  // Space opens them too; the Close button (Tab, Enter) closes them and focus returns.
  await page.keyboard.press('Space');
  await cm.details.waitFor();
  await tabTo(page, DOM.detailsClose, { max: 3 });
  await page.keyboard.press('Enter');
  await cm.details.waitFor({ state: 'detached' });
  await eventually(() => focusedCell(cm), 'irap/eks', 'Close returns focus to the cell');
  // On a row header, Enter opens the details of the row's first shown service.
  await page.keyboard.press('Home');
  await eventually(() => focusedCell(cm), 'irap/program', 'Home to the row header');
  await page.keyboard.press('Enter');
  await cm.details.waitFor();
  assert.match(await cm.details.locator('h3').textContent(), /IRAP.*Amazon ECS/);
  await page.keyboard.press('Escape');
  await cm.details.waitFor({ state: 'detached' });
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('export: Enter on the CSV button downloads the shown rows; the result is announced', T, async () => {
  const cm = await open();
  const { page } = cm;
  await tabTo(page, DOM.search);
  await page.keyboard.type('soc');
  await cm.expectRows(['soc-1', 'soc-2', 'soc-3']);
  await openByKeyboard(cm, 'export');
  await tabTo(page, sel.exportButton('csv'));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'compliance-matrix-2020-04-21.csv');
  const text = readFileSync(await download.path(), 'utf8');
  assert.equal(text.trim().split(/\r?\n/).length, 4, 'a header and three rows');
  await eventually(() => cm.message.textContent(), 'Downloaded 3 rows as compliance-matrix-2020-04-21.csv', 'announced');
  assert.ok((await focused(page, sel.exportButton('csv'))).matches, 'focus stays on the button');
  // Escape closes Export and returns focus to its summary.
  await page.keyboard.press('Escape');
  await eventually(() => cm.isMenuOpen('export'), false, 'Escape closes Export');
  assert.ok((await focused(page, sel.menuToggle('export'))).matches, 'focus back on the Export button');
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('revision and compare pickers: End/Home/arrows choose revisions; compare marks the changes', T, async () => {
  const cm = await open();
  const { page } = cm;
  const status = (program, service) => cm.cellStatus(program, service);
  await openByKeyboard(cm, 'history');
  await tabTo(page, DOM.revision);
  await page.keyboard.press('End');
  await eventually(async () => (await cm.state()).revision, '2021-04-24', 'End picks the latest revision');
  await eventually(() => cm.menuToggle('history').textContent(), 'History: 2021-04-24', 'the History button names the revision shown');
  assert.equal(await cm.isMenuOpen('history'), true, 'History stays open while its pickers are used');
  await eventually(() => status('irap', 'eks'), 'in-scope', 'the latest table shows');
  assert.ok((await focused(page, DOM.revision)).matches, 'focus stays on the revision picker');
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowUp');
  await eventually(async () => (await cm.state()).revision, '2020-04-21', 'four ArrowUps (six revisions) return to the seed');
  await eventually(() => status('irap', 'eks'), 'not-in-scope', 'the seed table shows');
  await tabTo(page, DOM.compare);
  await page.keyboard.press('End');
  await eventually(async () => (await cm.state()).compare, '2021-04-24', 'End compares with the latest');
  await eventually(() => cm.locator('[part=changes] li').count(), 5, 'five changes listed');
  assert.equal(await cm.locator('td[data-changed]').count(), 5);
  assert.ok((await focused(page, DOM.compare)).matches, 'focus stays on the compare picker');
  await page.keyboard.press('Home');
  await eventually(async () => (await cm.state()).compare, null, 'Home: no comparison');
  await eventually(() => cm.changes.count(), 0, 'the change list goes');
  await page.keyboard.press('Escape');
  await eventually(() => cm.isMenuOpen('history'), false, 'Escape closes History');
  assert.ok((await focused(page, sel.menuToggle('history'))).matches, 'focus back on the History button');
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('diagram: Tab focuses it, arrows move between bands and the panel explains each, Escape clears', T, async () => {
  const cm = await open();
  const { page } = cm;
  const variants = MODEL.variants.map((v) => v.id);
  const layers = MODEL.layers.map((l) => l.id); // bottom first
  const layerName = (id) => MODEL.layers.find((l) => l.id === id).name;
  const variantName = (id) => MODEL.variants.find((v) => v.id === id).name;
  const current = () =>
    cm.evaluate((el) => [...el.shadowRoot.querySelectorAll('svg[part=diagram] .cm-current')].map((b) => `${b.closest('g[data-variant]').dataset.variant}/${b.dataset.layer}`));
  const panel = () => cm.bandInfo.textContent();
  await tabTo(page, DOM.diagram);
  // Focus puts the first variant's top band in the panel.
  let v = 0;
  let l = layers.length - 1;
  const check = async (how) => {
    const want = `${variants[v]}/${layers[l]}`;
    await eventually(current, [want], `${how}: current band`);
    const text = await panel();
    assert.ok(text.includes(`${variantName(variants[v])} — ${layerName(layers[l])}`), `${how}: the panel names ${want} (got "${text.slice(0, 120)}")`);
  };
  await check('focus');
  const moves = [
    ['ArrowDown', () => (l -= 1)],
    ['ArrowDown', () => (l -= 1)],
    ['ArrowRight', () => (v += 1)],
    ['ArrowRight', () => (v += 1)],
    ['ArrowUp', () => (l += 1)],
    ['ArrowLeft', () => (v -= 1)],
    ['End', () => (v = variants.length - 1)],
    ['Home', () => (v = 0)],
  ];
  for (const [key, move] of moves) {
    await page.keyboard.press(key);
    move();
    await check(key);
    assert.ok((await focused(page, DOM.diagram)).matches, `${key}: focus stays on the diagram`);
  }
  for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowDown');
  l = 0;
  await check('ArrowDown to the bottom (facilities)');
  await page.keyboard.press('Escape');
  await eventually(current, [], 'Escape clears the current band');
  assert.match(await panel(), /Point at a band/);
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('variant chips: Enter hides and shows a variant in the diagram', T, async () => {
  const cm = await open();
  const { page } = cm;
  const drawn = () => cm.evaluate((el) => [...el.shadowRoot.querySelectorAll('svg[part=diagram] g[data-variant]')].map((g) => g.dataset.variant));
  const all = MODEL.variants.map((v) => v.id);
  await eventually(drawn, all, 'all variants drawn');
  await tabTo(page, sel.variantToggle('eks-fargate'));
  await page.keyboard.press('Enter');
  await eventually(drawn, all.filter((v) => v !== 'eks-fargate'), 'EKS on Fargate hidden');
  assert.equal(await cm.variantToggle('eks-fargate').getAttribute('aria-pressed'), 'false');
  assert.ok((await focused(page, sel.variantToggle('eks-fargate'))).matches, 'focus stays on the chip');
  await page.keyboard.press('Space');
  await eventually(drawn, all, 'shown again');
  assert.equal(await cm.variantToggle('eks-fargate').getAttribute('aria-pressed'), 'true');
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('every tab stop shows visible focus, in order, and focus leaves the widget both ways (no trap)', T, async () => {
  const cm = await open();
  const { page } = cm;
  await tabTo(page, '#after', { max: 150 });
  const stops = page.focusLog.filter((f) => f.inWidget);
  const order = stops.map((f) => f.desc);
  const list = `\n${order.join('\n')}`;
  // The answer first: ten stops before the table, in the order of the layout —
  // About this data, the source, the warning's link, then the toolbar row and the notes row.
  const before = [
    /^summary.*"About this data"/,
    /^a\[href=https:\/\/github\.com\/aws\/aws-eks-best-practices\/.*"Amazon EKS Best Practices Gui/,
    /^a\[href=https:\/\/aws\.amazon\.com\/compliance\/services-in-scope\/\] "the current list"/,
    /^input\[part=search\]/,
    /^select\[part=status-filter\]/,
    /^summary.*"Filters"/,
    /^summary.*"History: 2020-04-21"/,
    /^summary.*"Columns"/,
    /^summary.*"Export"/,
    /^button\[part=show-latest\].*"Show the latest"/,
  ];
  assert.equal(order.length > before.length, true, `tab stops in the widget:${list}`);
  before.forEach((re, i) => assert.match(order[i], re, `tab stop ${i + 1}:${list}`));
  // Then the table, as ONE stop: its first status cell.
  const inTable = stops.filter((f) => f.inTable);
  assert.deepEqual(inTable.map((f) => f.desc), [order[before.length]], `the grid is one tab stop:${list}`);
  assert.match(order[before.length], /^td\[data-service=ecs\]\(row pci-dss-level-1\)/, 'the grid\'s stop is the first status cell');
  // After it the diagram (variant chips, the drawing, the table equivalent) and the tools.
  const first = (re) => order.findIndex((d) => re.test(d));
  const after = [/data-variant-toggle=ecs-ec2/, /data-variant-toggle=ecr/, /part=diagram/, /summary.*The diagram as a table/, /kube-bench/, /summary.*More about kube-bench/, /Amazon Inspector/];
  const at = after.map(first);
  assert.ok(at.every((i) => i > before.length), `every control after the table is a tab stop:${list}`);
  assert.deepEqual([...at].sort((a, b) => a - b), at, `tab order follows the layout:${list}`);
  assert.equal(new Set(order).size, order.length, `no control is a tab stop twice:${list}`);
  assertFocusVisible(page);
  // Back in with Shift+Tab: the grid is one stop that way too, and focus leaves at the top.
  page.focusLog = [];
  await tabTo(page, DOM.diagram, { key: 'Shift+Tab', max: 40 });
  await tabTo(page, DOM.search, { key: 'Shift+Tab', max: 150 });
  assert.equal(page.focusLog.filter((f) => f.inTable).length, 1, 'Shift+Tab crosses the grid in one stop');
  await tabTo(page, sel.menuToggle('about'), { key: 'Shift+Tab', max: 5 });
  await page.keyboard.press('Shift+Tab');
  assert.equal((await focused(page)).inWidget, false, 'Shift+Tab from the first stop leaves the widget');
  assertFocusVisible(page);
  // Inside the menus, opened by keyboard: every control is reached and shows its focus.
  page.focusLog = [];
  await walkMenus(cm);
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('in forced-colors and dark mode focus stays visible', T, async () => {
  for (const [attrs, media] of [
    [{ theme: 'dark' }, { colorScheme: 'dark' }],
    [{}, { forcedColors: 'active' }],
  ]) {
    const { page } = await env.widget(attrs, { path: HOST, media, widget: { whenDefined: true }, viewport: { width: 1280, height: 900 } });
    page.focusLog = [];
    await tabTo(page, '#after', { max: 150 });
    assertFocusVisible(page);
    // And inside every menu (Filters, History, Columns, Export, About this data): Tab from the
    // page's heading, before the widget.
    await page.locator('h1').click();
    page.focusLog = [];
    const cm = new MatrixPage(page);
    await walkMenus(cm);
    assertFocusVisible(page);
    assert.deepEqual(page.problems, []);
  }
});
