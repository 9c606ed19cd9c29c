// Keyboard-only use of the built widget (issue 7): with page.keyboard alone (Tab, Shift+Tab, Enter,
// Space, arrows, Home/End, Escape) every control is reached and operated: search, status filter,
// gaps, a facet chip, the column menu (open, hide, move, close), every sort header (Enter,
// Shift+Enter), an export button, the revision and compare pickers, the diagram bands and the
// variant chips. Every element that takes focus shows it (outline or box-shadow), and focus can
// leave the widget (no trap). Host: tests/hosts/a11y/index.html.
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/keyboard.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { session, eventually, DOM, sel } from './matrix-page.mjs';

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
    return {
      desc: `${a.localName}${attrs}${th ? `(th ${th.dataset.key})` : ''} "${(a.textContent || '').trim().slice(0, 30)}"`,
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

test('gaps: Space toggles the checkbox on and off', T, async () => {
  const cm = await open();
  const { page } = cm;
  await tabTo(page, DOM.gaps);
  await page.keyboard.press('Space');
  await cm.expectRows(GAPS_ALL);
  await page.keyboard.press('Space');
  await cm.expectRows(SEED);
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('facet chips: Enter and Space press and release a chip; focus stays on it', T, async () => {
  const cm = await open();
  const { page } = cm;
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

test('every sort header: Enter cycles ascending → descending → seed order; Shift+Enter adds a secondary key', T, async () => {
  const cm = await open();
  const { page } = cm;
  const keys = ['program', 'ecs', 'eks', 'fargate', 'ecr', 'coverage'];
  for (const key of keys) {
    const th = cm.header(key);
    await tabTo(page, sel.sortButton(key));
    await page.keyboard.press('Enter');
    await eventually(() => th.getAttribute('aria-sort'), 'ascending', `${key}: Enter sorts ascending`);
    assert.equal((await cm.state()).sort, `${key}:asc`);
    await page.keyboard.press('Enter');
    await eventually(() => th.getAttribute('aria-sort'), 'descending', `${key}: Enter again sorts descending`);
    await page.keyboard.press('Enter');
    await eventually(() => th.getAttribute('aria-sort'), 'none', `${key}: a third Enter returns to seed order`);
    assert.equal((await cm.state()).sort, '');
    assert.ok((await focused(page, sel.sortButton(key))).matches, `${key}: focus stays on the header`);
  }
  // Fargate primary, program secondary, all by keyboard.
  await tabTo(page, sel.sortButton('fargate'), { key: 'Shift+Tab' });
  await page.keyboard.press('Enter');
  await tabTo(page, sel.sortButton('program'), { key: 'Shift+Tab' });
  await page.keyboard.press('Shift+Enter');
  await eventually(async () => (await cm.state()).sort, 'fargate:asc,program:asc', 'Shift+Enter adds program as the secondary key');
  assert.equal(await cm.header('fargate').getAttribute('aria-sort'), 'ascending');
  assert.equal((await cm.programIds())[0], 'hipaa-baa');
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('export: Enter on the CSV button downloads the shown rows; the result is announced', T, async () => {
  const cm = await open();
  const { page } = cm;
  await tabTo(page, DOM.search);
  await page.keyboard.type('soc');
  await cm.expectRows(['soc-1', 'soc-2', 'soc-3']);
  await tabTo(page, sel.exportButton('csv'));
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.keyboard.press('Enter')]);
  assert.equal(download.suggestedFilename(), 'compliance-matrix-2020-04-21.csv');
  const text = readFileSync(await download.path(), 'utf8');
  assert.equal(text.trim().split(/\r?\n/).length, 4, 'a header and three rows');
  await eventually(() => cm.message.textContent(), 'Downloaded 3 rows as compliance-matrix-2020-04-21.csv', 'announced');
  assert.ok((await focused(page, sel.exportButton('csv'))).matches, 'focus stays on the button');
  assertFocusVisible(page);
  assert.deepEqual(page.problems, []);
});

test('revision and compare pickers: End/Home/arrows choose revisions; compare marks the changes', T, async () => {
  const cm = await open();
  const { page } = cm;
  const status = (program, service) => cm.cellStatus(program, service);
  await tabTo(page, DOM.revision);
  await page.keyboard.press('End');
  await eventually(async () => (await cm.state()).revision, '2021-04-24', 'End picks the latest revision');
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
  assert.ok(stops.length >= 40, `${stops.length} tab stops in the widget`);
  const order = stops.map((f) => f.desc);
  const first = (re) => order.findIndex((d) => re.test(d));
  // The visual order: search, status, gaps, chips, revisions, columns, exports, table headers, diagram.
  const seq = [/part=search/, /part=status-filter/, /part=gaps/, /data-tag=/, /part=revision/, /part=compare/, /summary.*Columns/, /data-export=csv/, /th program/, /th coverage/, /data-variant-toggle/, /part=diagram/];
  const at = seq.map(first);
  assert.ok(at.every((i) => i >= 0), `every control is a tab stop:\n${order.join('\n')}`);
  assert.deepEqual([...at].sort((a, b) => a - b), at, `tab order follows the layout:\n${order.join('\n')}`);
  assertFocusVisible(page);
  // Back in with Shift+Tab.
  page.focusLog = [];
  await tabTo(page, DOM.diagram, { key: 'Shift+Tab', max: 40 });
  await tabTo(page, DOM.search, { key: 'Shift+Tab', max: 150 });
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
    assert.deepEqual(page.problems, []);
  }
});
