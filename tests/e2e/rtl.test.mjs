// Right-to-left pages: a widget inside <div dir="rtl"> mirrors its layout (the
// stylesheet uses logical properties; direction inherits into the shadow root), the diagram's
// variant columns run from the right, arrow keys (diagram and table grid) move the way they
// point, the column menu's move buttons point the way they move, a wide long list windows its
// columns when scrolled to the far (left) end, and axe-core finds nothing. Left to right nothing
// changes.
// Run: node --test --test-concurrency=1 tests/e2e/rtl.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { session, eventually, poll, DOM, sel, MatrixPage, axeViolations } from './support/matrix-page.mjs';

const HOST = '/tests/hosts/a11y/index.html';
const VARIANTS = JSON.parse(readFileSync('data/responsibility.json', 'utf8')).variants.map((v) => v.id);
const TIMEOUT = 90000;

const env = session();

/**
 * The well-formed host page with one widget, inside a `<div dir=…>` when `dir` is given (the
 * page's direction, inherited by the element); `attrs` go on the element.
 */
async function open({ dir, attrs = {}, data, viewport = { width: 1280, height: 900 } } = {}) {
  const page = await env.page({ viewport });
  await page.goto(`${env.base}${HOST}`);
  await page.evaluate((dir) => {
    const box = document.createElement('div');
    box.id = 'box';
    if (dir) box.dir = dir;
    document.getElementById('host').append(box);
  }, dir);
  const cm = await MatrixPage.add(page, { attrs, data, into: 'box', whenDefined: true });
  await cm.ready(30000);
  return cm;
}

/** Left and right edges (px, rounded) of the first element matching `css` in the widget. */
const box = (cm, css) =>
  cm.locator(css).first().evaluate((e) => {
    const r = e.getBoundingClientRect();
    return { left: Math.round(r.left), right: Math.round(r.right) };
  });

/** Where the table's columns sit: the header keys from left to right on the screen, and whether
 * the program column touches the table's right (or left) edge. */
const tableSides = (cm) =>
  cm.evaluate((el, D) => {
    const r = el.shadowRoot;
    const table = r.querySelector(D.table).getBoundingClientRect();
    const heads = [...r.querySelectorAll(D.header)];
    const byX = [...heads].sort((a, b) => a.getBoundingClientRect().left - b.getBoundingClientRect().left);
    const program = r.querySelector(`${D.header}[data-key=program]`).getBoundingClientRect();
    const name = r.querySelector(`${D.row} th`).getBoundingClientRect();
    return {
      leftToRight: byX.map((h) => h.dataset.key),
      programAtRight: Math.abs(program.right - table.right) <= 1 && Math.abs(name.right - table.right) <= 1,
      programAtLeft: Math.abs(program.left - table.left) <= 1 && Math.abs(name.left - table.left) <= 1,
    };
  }, DOM);

/** The diagram's variant columns from left to right, where the layer labels sit against them,
 * and whether any text is drawn mirrored (a negative horizontal scale). */
const diagramSides = (cm) =>
  cm.evaluate((el, D) => {
    const svg = el.shadowRoot.querySelector(D.diagram);
    const cols = [...svg.querySelectorAll('g[data-variant]')].map((g) => ({
      id: g.dataset.variant,
      left: g.querySelector('rect').getBoundingClientRect().left,
      right: g.querySelector('rect').getBoundingClientRect().right,
    }));
    const labels = [...svg.querySelectorAll(D.diagramLabel)].map((t) => t.getBoundingClientRect());
    const frame = svg.getBoundingClientRect();
    return {
      leftToRight: [...cols].sort((a, b) => a.left - b.left).map((c) => c.id),
      labelsRightOfColumns: labels.every((l) => cols.every((c) => l.left >= c.right - 0.5)),
      labelsLeftOfColumns: labels.every((l) => cols.every((c) => l.right <= c.left + 0.5)),
      labelsInside: labels.every((l) => l.left >= frame.left && l.right <= frame.right),
      mirroredText: [...svg.querySelectorAll('text')].some((t) => t.getScreenCTM().a < 0),
    };
  }, DOM);

/** The current band as `variant/layer` (the one marked cm-current). */
const current = (cm) =>
  cm.evaluate((el, D) => {
    const b = el.shadowRoot.querySelector(`${D.diagram} .cm-current`);
    return b ? `${b.closest('g[data-variant]').dataset.variant}/${b.dataset.layer}` : null;
  }, DOM);


test('in a dir="rtl" page the table, toolbar and diagram mirror, arrow keys follow the screen, axe finds nothing', { timeout: TIMEOUT }, async () => {
  const cm = await open({ dir: 'rtl' });
  const { page } = cm;
  assert.equal(await cm.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('[part=root]')).direction), 'rtl', 'the direction reaches the shadow root');

  const t = await tableSides(cm);
  assert.ok(t.programAtRight, 'the program column is at the right edge of the table');
  assert.deepEqual(t.leftToRight, ['coverage', 'ecr', 'fargate', 'eks', 'ecs', 'program'], 'columns run from the right');

  // The toolbar starts at the right: the search box first, the status filter left of it.
  const toolbar = await box(cm, DOM.toolbar);
  const search = await box(cm, DOM.search);
  const status = await box(cm, DOM.statusFilter);
  assert.ok(Math.abs(search.right - toolbar.right) <= 1, `search at the toolbar's right edge (${search.right} vs ${toolbar.right})`);
  assert.ok(status.right < search.left, 'the next control is left of the search box');

  // The diagram: the first variant at the right, the layer labels right of the columns, text upright.
  await cm.diagram.scrollIntoViewIfNeeded();
  const d = await diagramSides(cm);
  assert.deepEqual(d.leftToRight, [...VARIANTS].reverse(), 'variant columns run from the right');
  assert.ok(d.labelsRightOfColumns, 'layer labels sit right of the columns');
  assert.ok(d.labelsInside, 'layer labels stay inside the drawing');
  assert.equal(d.mirroredText, false, 'no text is drawn mirrored');

  // Keys: focus starts at the first variant; ArrowLeft goes to the next one (to its left).
  await cm.diagram.focus();
  await eventually(() => current(cm), `${VARIANTS[0]}/data`, 'focus makes the first variant current');
  await page.keyboard.press('ArrowLeft');
  await eventually(() => current(cm), `${VARIANTS[1]}/data`, 'ArrowLeft moves to the next variant');
  await page.keyboard.press('ArrowLeft');
  await eventually(() => current(cm), `${VARIANTS[2]}/data`, 'ArrowLeft again');
  await page.keyboard.press('ArrowRight');
  await eventually(() => current(cm), `${VARIANTS[1]}/data`, 'ArrowRight moves back');
  const ring = await box(cm, `${DOM.diagram} .cm-current-ring`);
  const col = await box(cm, sel.band(VARIANTS[1], 'data'));
  assert.deepEqual(ring, col, 'the ring is drawn on the current band');

  // The table is a grid: its arrow keys follow the columns on the screen too.
  const focusedKey = () => cm.evaluate((el) => el.shadowRoot.activeElement?.closest('td, th')?.dataset.service ?? null);
  await cm.cell('pci-dss-level-1', 'ecs').focus();
  await page.keyboard.press('ArrowLeft');
  await eventually(focusedKey, 'eks', 'ArrowLeft moves to the next column (to its left)');
  await page.keyboard.press('ArrowLeft');
  await eventually(focusedKey, 'fargate', 'ArrowLeft again');
  await page.keyboard.press('ArrowRight');
  await eventually(focusedKey, 'eks', 'ArrowRight moves back (to the right)');
  const [eksCell, ecsCell] = [await box(cm, sel.cell('pci-dss-level-1', 'eks')), await box(cm, sel.cell('pci-dss-level-1', 'ecs'))];
  assert.ok(eksCell.right <= ecsCell.left + 1, 'EKS is left of ECS on the screen');

  // The column menu: the button that moves a service earlier (to the right) points right.
  await cm.columnsToggle.click();
  const up = cm.moveUp('eks');
  const down = cm.moveDown('eks');
  assert.equal((await up.textContent()).trim(), '→');
  assert.equal(await up.getAttribute('aria-label'), 'Move Amazon EKS right');
  assert.equal((await down.textContent()).trim(), '←');
  assert.equal(await down.getAttribute('aria-label'), 'Move Amazon EKS left');
  assert.ok((await box(cm, sel.moveUp('eks'))).left > (await box(cm, sel.moveDown('eks'))).left, '→ is the right-hand button');
  await up.click();
  await eventually(() => cm.headerKeys(), ['program', 'eks', 'ecs', 'fargate', 'ecr', 'coverage'], 'eks moved earlier');
  assert.deepEqual((await tableSides(cm)).leftToRight, ['coverage', 'ecr', 'fargate', 'ecs', 'eks', 'program'], 'eks moved right on the screen');

  const v = await axeViolations(page);
  assert.deepEqual(v, [], `axe violations in RTL:\n${v.join('\n')}`);
  assert.deepEqual(page.problems, []);
});

test('in a dir="rtl" page compare mode draws its old → new arrow pointing left', { timeout: TIMEOUT }, async () => {
  const cm = await open({ dir: 'rtl', attrs: { compare: 'latest', view: 'table' } });
  await cm.changes.waitFor();
  const arrow = cm.locator('td[data-changed] .cm-arrow');
  await arrow.first().waitFor();
  // The old status, then the arrow towards the new one, runs leftwards; the arrow glyph (Unicode
  // arrows do not mirror with the text) is drawn mirrored, so it points left too.
  // A changed cell is short: the old status as a struck symbol, the arrow, the new badge.
  const got = await cm.locator('td[data-changed]').first().evaluate((td) => {
    const a = td.querySelector('.cm-arrow');
    return {
      transform: getComputedStyle(a).transform,
      arrowLeft: a.getBoundingClientRect().left,
      arrowRight: a.getBoundingClientRect().right,
      oldLeft: td.querySelector('.cm-old-symbol').getBoundingClientRect().left,
      newRight: td.querySelector('.cm-old ~ .cm-badge').getBoundingClientRect().right,
    };
  });
  assert.equal(got.transform, 'matrix(-1, 0, 0, 1, 0, 0)', 'the arrow is mirrored');
  assert.ok(got.arrowRight <= got.oldLeft + 0.5, `the arrow (right edge ${got.arrowRight}) is left of the old status (${got.oldLeft})`);
  assert.ok(got.newRight <= got.arrowLeft + 0.5, `the new status (right edge ${got.newRight}) is left of the arrow (${got.arrowLeft})`);
  const v = await axeViolations(cm.page);
  assert.deepEqual(v, [], `axe violations in RTL compare mode:\n${v.join('\n')}`);
  assert.deepEqual(cm.page.problems, []);
});

test('left to right nothing changes: program column and first variant at the left, ArrowRight moves on', { timeout: TIMEOUT }, async () => {
  const cm = await open({ dir: 'ltr' });
  const { page } = cm;
  const t = await tableSides(cm);
  assert.ok(t.programAtLeft, 'the program column is at the left edge of the table');
  assert.deepEqual(t.leftToRight, ['program', 'ecs', 'eks', 'fargate', 'ecr', 'coverage']);
  const toolbar = await box(cm, DOM.toolbar);
  assert.ok(Math.abs((await box(cm, DOM.search)).left - toolbar.left) <= 1, 'search at the toolbar\'s left edge');
  const d = await diagramSides(cm);
  assert.deepEqual(d.leftToRight, VARIANTS);
  assert.ok(d.labelsLeftOfColumns && d.labelsInside, 'layer labels left of the columns');
  await cm.diagram.focus();
  await eventually(() => current(cm), `${VARIANTS[0]}/data`);
  await page.keyboard.press('ArrowRight');
  await eventually(() => current(cm), `${VARIANTS[1]}/data`, 'ArrowRight moves to the next variant');
  await cm.columnsToggle.click();
  assert.equal((await cm.moveUp('eks').textContent()).trim(), '←');
  assert.equal(await cm.moveUp('eks').getAttribute('aria-label'), 'Move Amazon EKS left');
  assert.deepEqual(page.problems, []);
});

test('a dir attribute set after the widget is shown, on the element or an ancestor, turns the diagram', { timeout: TIMEOUT }, async () => {
  const cm = await open();
  const first = async (want) => (await poll(() => diagramSides(cm), (d) => d.leftToRight[0] === want)).leftToRight;
  assert.deepEqual((await diagramSides(cm)).leftToRight, VARIANTS);
  await cm.setAttribute('dir', 'rtl');
  assert.deepEqual(await first(VARIANTS.at(-1)), [...VARIANTS].reverse(), 'dir="rtl" on the element mirrors the diagram');
  assert.ok((await tableSides(cm)).programAtRight, 'and the table');
  await cm.evaluate((el) => el.removeAttribute('dir'));
  assert.deepEqual(await first(VARIANTS[0]), VARIANTS, 'removing it turns it back');
  // A language switch on the page: dir on <html>.
  await cm.page.evaluate(() => (document.documentElement.dir = 'rtl'));
  assert.deepEqual(await first(VARIANTS.at(-1)), [...VARIANTS].reverse(), 'dir="rtl" on <html> mirrors the diagram');
  await cm.diagram.focus();
  await eventually(() => current(cm), `${VARIANTS[0]}/data`);
  await cm.page.keyboard.press('ArrowLeft');
  await eventually(() => current(cm), `${VARIANTS[1]}/data`, 'and ArrowLeft moves to the next variant');
  await cm.page.evaluate(() => (document.documentElement.dir = 'ltr'));
  assert.deepEqual(await first(VARIANTS[0]), VARIANTS, 'dir="ltr" on <html> turns it back');
  assert.ok((await tableSides(cm)).programAtLeft);
  assert.deepEqual(cm.page.problems, []);
});

/** 300 programs × 40 services: a long list that windows its service columns. */
function wideDataset() {
  const services = Array.from({ length: 40 }, (_, k) => ({ id: `s${k}`, name: `Service ${k}` }));
  const programs = Array.from({ length: 300 }, (_, i) => ({
    id: `w-${i}`,
    name: `Wide program ${i}`,
    status: Object.fromEntries(services.map((s, k) => [s.id, (i + k) % 2 ? 'in-scope' : 'not-in-scope'])),
  }));
  return { as_of: '2024-01-01', source: { title: 'generated', url: 'https://example.org/' }, services, programs };
}

test('a wide long list in a dir="rtl" page windows its columns from the right and follows a scroll to the far left', { timeout: TIMEOUT }, async () => {
  // All 40 columns shown (a dataset this wide shows its first twelve unless told).
  const all = Array.from({ length: 40 }, (_, k) => `s${k}`).join(',');
  const cm = await open({ dir: 'rtl', attrs: { view: 'table', services: all }, data: wideDataset(), viewport: { width: 1200, height: 800 } });
  const services = () => cm.evaluate((el, D) => [...el.shadowRoot.querySelector(D.row).querySelectorAll(D.cell)].map((c) => c.dataset.service), DOM);
  const first = await services();
  assert.equal(first[0], 's0', 'the window starts at the first service');
  assert.ok(first.length < 20, `a window (${first.length} of 40)`);
  assert.ok((await tableSides(cm)).programAtRight, 'the program column at the right');
  // In RTL scrollLeft runs from 0 to minus the overflow.
  await cm.tableWrap.evaluate((w) => (w.scrollLeft = -w.scrollWidth));
  assert.ok((await cm.tableWrap.evaluate((w) => w.scrollLeft)) < -1000, 'scrolled to the far left');
  await eventually(async () => (await services()).includes('s39'), true, 'the last service cells after scrolling to the far left');
  assert.ok(!(await services()).includes('s0'), 'the first columns left the DOM');
  await cm.tableWrap.evaluate((w) => (w.scrollLeft = 0));
  await eventually(async () => (await services())[0], 's0', 'back at the right');
  assert.deepEqual(cm.page.problems, []);
});
