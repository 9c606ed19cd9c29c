// Accessibility (WCAG 2.2 AA) of the built widget in Debian Chromium:
// - axe-core (pinned in package.json) with the WCAG 2.0/2.1/2.2 A+AA and best-practice rules, on a
//   well-formed host page (tests/hosts/a11y/index.html), in light, dark, auto-dark and
//   forced-colors modes, for the default view (table + diagram + tools), each open menu (Columns,
//   Filters, History, Export, About this data), a cell's details, compare mode with its changes
//   listed, a focused diagram band, and the error state. axe pierces the open shadow root.
// - The result count is a polite status region, sort order is in aria-sort, status is never told
//   by colour alone, and the page reflows at 320 px and at 200% zoom without horizontal scrolling.
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/a11y.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { session, DOM } from './support/matrix-page.mjs';

const AXE = 'node_modules/axe-core/axe.min.js';
const AXE_VERSION = JSON.parse(readFileSync('node_modules/axe-core/package.json', 'utf8')).version;
const RULESETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];
const HOST = '/tests/hosts/a11y/index.html';
const W = 'compliance-matrix';

const env = session();

const MODES = {
  light: { attrs: { theme: 'light' }, media: { colorScheme: 'light' } },
  dark: { attrs: { theme: 'dark' }, media: { colorScheme: 'dark' } },
  'auto, dark system': { attrs: {}, media: { colorScheme: 'dark' } },
  'forced colors': { attrs: {}, media: { forcedColors: 'active' } },
};

/** The host page with one widget (a MatrixPage); `attrs` are set before it connects. */
async function open(attrs = {}, { media = {}, viewport = { width: 1280, height: 900 }, deviceScaleFactor = 1 } = {}) {
  const cm = await env.widget(attrs, { path: HOST, media, ready: false, widget: { id: 'cm', whenDefined: true, selector: W }, viewport, deviceScaleFactor });
  await cm.locator(DOM.root).waitFor({ timeout: 20000 });
  await cm.page.locator(`${W} ${DOM.row}, ${W} ${DOM.diagram}`).first().waitFor({ timeout: 20000 });
  await cm.page.evaluate(() => document.fonts.ready);
  return cm;
}

/** Runs axe on the whole document; returns the violations, one line each. */
async function axe(page) {
  if (!(await page.evaluate(() => typeof window.axe === 'object'))) await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (runOnly) => {
    const r = await window.axe.run(document, { runOnly, resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: JSON.stringify(n.target), summary: n.failureSummary.replace(/\s+/g, ' ').trim() })),
    }));
  }, RULESETS);
  return violations;
}

function describe(violations) {
  return violations
    .map((v) => `- ${v.id} (${v.impact}): ${v.help}\n${v.nodes.map((n) => `    ${n.target}\n      ${n.summary}`).join('\n')}`)
    .join('\n');
}

/** The widget's states to check; each leaves the page in that state. */
const STATES = {
  'default view (table, diagram, tools)': async () => {},
  'column menu open': async (cm) => {
    await cm.columnsToggle.click();
    await cm.columnBox('ecs').waitFor({ state: 'visible' });
  },
  // The other menus of the toolbar and the header, each open: their panels exist only while open.
  'Filters menu open': async (cm) => {
    await cm.openFilters();
    await cm.chip('jurisdiction:sg').click();
    await cm.gapsBox.waitFor({ state: 'visible' });
  },
  'History menu open': async (cm) => {
    await cm.openHistory();
    await cm.comparePicker.waitFor({ state: 'visible' });
  },
  'Export menu open': async (cm) => {
    await cm.openExport();
    await cm.exportButton('csv').waitFor({ state: 'visible' });
  },
  'About this data open': async (cm) => {
    await cm.openAbout();
    await cm.revisionStatus.waitFor({ state: 'visible' });
  },
  "a cell's details open": async (cm) => {
    const details = await cm.openDetails('irap', 'eks');
    await details.locator('details.cm-sources > summary').click();
  },
  'compare mode': async (cm) => {
    await cm.setAttribute('compare', 'latest');
    await cm.openChanges();
    await cm.locator('td[data-changed]').first().waitFor();
  },
  'a diagram band focused': async (cm) => {
    await cm.diagram.focus();
    await cm.page.keyboard.press('ArrowDown');
    await cm.page.keyboard.press('ArrowRight');
    await cm.locator(`${DOM.bandInfo} .cm-band-info-head`).waitFor();
    await cm.locator(`${DOM.diagramTable} > summary`).evaluate((s) => s.parentElement.setAttribute('open', ''));
  },
  'error state': async (cm) => {
    await cm.evaluate((el) => (el.data = { as_of: '2024-13-45', source: { title: 'x', url: 'javascript:alert(1)' }, services: [], programs: [] }));
    await cm.alertBox.waitFor();
    await cm.setAttribute('sort', 'nonsense');
    await cm.search('zzz');
    await cm.locator('[part=empty]').waitFor();
  },
};

for (const [mode, { attrs, media }] of Object.entries(MODES)) {
  for (const [state, enter] of Object.entries(STATES)) {
    test(`axe-core ${AXE_VERSION}: no violation, ${state}, ${mode}`, { timeout: 60000 }, async () => {
      const cm = await open(attrs, { media });
      const { page } = cm;
      await enter(cm);
      await page.waitForTimeout(100);
      const v = await axe(page);
      assert.equal(v.length, 0, `${v.length} axe violation(s) (${RULESETS.join(', ')}), ${state}, ${mode}:\n${describe(v)}`);
      assert.deepEqual(page.problems, []);
    });
  }
}

test('axe-core: no violation at 320 px wide (light) with the table, diagram and open menus', { timeout: 60000 }, async () => {
  const cm = await open({ theme: 'light' }, { viewport: { width: 320, height: 800 } });
  const { page } = cm;
  assert.equal(await cm.isNarrow(), true, 'a narrow widget at 320 px');
  assert.equal(await cm.variantPicker.count(), 1, 'the diagram has its variant picker');
  await cm.locator(`${DOM.diagramTable} > summary`).click();
  await cm.columnsToggle.click();
  await cm.columnBox('ecs').waitFor({ state: 'visible' });
  let v = await axe(page);
  assert.equal(v.length, 0, `${v.length} axe violation(s) at 320 px, Columns open:\n${describe(v)}`);
  // Filters holds the status filter on a narrow widget.
  await cm.openFilters();
  await cm.locator(`${DOM.filters} ${DOM.statusFilter}`).waitFor({ state: 'visible' });
  v = await axe(page);
  assert.equal(v.length, 0, `${v.length} axe violation(s) at 320 px, Filters open:\n${describe(v)}`);
  await cm.closeMenus();
  await cm.openDetails('irap', 'eks');
  v = await axe(page);
  assert.equal(v.length, 0, `${v.length} axe violation(s) at 320 px, a cell's details open:\n${describe(v)}`);
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------

test('the result count is a polite status region that follows the filters', { timeout: 60000 }, async () => {
  const cm = await open({ theme: 'light' });
  const { page } = cm;
  const count = cm.locator(DOM.countPart);
  assert.equal(await cm.locator(DOM.status).count() >= 1, true);
  assert.equal(await count.getAttribute('role'), 'status');
  assert.equal(await count.getAttribute('aria-live'), 'polite');
  assert.equal(await count.textContent(), '20 of 20 programs');
  // The live region stays in the DOM (it is updated, not re-created, so it is announced).
  const marked = await count.evaluate((el) => (el.dataset.testMark = '1'));
  assert.equal(marked, '1');
  await cm.search('iso');
  await cm.locator(DOM.countPart, { hasText: '4 of 20 programs' }).waitFor({ timeout: 5000 });
  assert.equal(await count.evaluate((el) => el.dataset.testMark), '1', 'the same status element is updated in place');
  await cm.chip('domain:cloud').click();
  await cm.locator(DOM.countPart, { hasText: '2 of 20 programs' }).waitFor({ timeout: 5000 });
  // Other polite regions: export messages and the band panel.
  assert.equal(await cm.message.getAttribute('aria-live'), 'polite');
  assert.equal(await cm.bandInfo.getAttribute('aria-live'), 'polite');
  assert.deepEqual(page.problems, []);
});

test('sort changes are exposed through aria-sort on the primary column only', { timeout: 60000 }, async () => {
  const cm = await open({ theme: 'light' });
  const { page } = cm;
  const sorts = () => cm.ariaSorts();
  const none = { program: 'none', ecs: 'none', eks: 'none', fargate: 'none', ecr: 'none', coverage: 'none' };
  assert.deepEqual(await sorts(), none);
  await cm.sortButton('fargate').click();
  assert.deepEqual(await sorts(), { ...none, fargate: 'ascending' });
  await cm.sortButton('program').click({ modifiers: ['Shift'] });
  assert.deepEqual(await sorts(), { ...none, fargate: 'ascending' }, 'a secondary key does not move aria-sort');
  const hint = await cm.sortButton('program').textContent();
  assert.match(hint, /sort key 2 of 2, ascending/, 'the secondary key is described to screen readers');
  // A plain click on another header replaces the sort; a second click reverses it.
  await cm.sortButton('program').click();
  assert.deepEqual(await sorts(), { ...none, program: 'ascending' });
  await cm.sortButton('program').click();
  assert.deepEqual(await sorts(), { ...none, program: 'descending' });
  // Every header's sort control is a button with an accessible name.
  const buttons = await cm.evaluate((el, headers) => [...el.shadowRoot.querySelectorAll(headers)].map((th) => th.querySelector('button')?.textContent.trim().length > 0), DOM.header);
  assert.ok(buttons.every(Boolean));
  assert.deepEqual(page.problems, []);
});

/** Every status cell and diagram band shows a symbol or pattern and text, not colour alone. */
async function statusNotByColour(cm) {
  return cm.evaluate((el, D) => {
    const problems = [];
    const visible = (e) => {
      const s = getComputedStyle(e);
      const r = e.getBoundingClientRect();
      return s.display !== 'none' && s.visibility !== 'hidden' && Number(s.opacity) > 0 && r.width > 0 && r.height > 0;
    };
    const TEXT = { 'in-scope': 'In scope', 'not-in-scope': 'Not in scope', 'in-progress': 'In progress', unknown: 'Not stated' };
    const SYM = { 'in-scope': '✓', 'not-in-scope': '✗', 'in-progress': '◐', unknown: '?' };
    const cells = el.shadowRoot.querySelectorAll(`${D.table} ${D.cell}`);
    for (const td of cells) {
      const where = `${td.closest(D.row).dataset.program}/${td.dataset.service}`;
      const badge = [...td.querySelectorAll('.cm-badge')].at(-1);
      // The symbol is the badge's generated content: shown, but not part of the accessible name.
      const before = badge ? getComputedStyle(badge, '::before') : null;
      const symbol = before && before.display !== 'none' && before.visibility !== 'hidden' ? before.content : '';
      if (symbol !== `"${SYM[td.dataset.status]}" / ""`) problems.push(`${where}: no visible symbol ${SYM[td.dataset.status]} (got ${symbol})`);
      const text = badge ? badge.textContent.trim() : '';
      if (text !== TEXT[td.dataset.status] || !visible(badge)) problems.push(`${where}: no visible text "${TEXT[td.dataset.status]}" (got "${text}")`);
    }
    for (const g of el.shadowRoot.querySelectorAll(`${D.diagram} g[data-layer]`)) {
      const t = g.querySelector('text');
      if (!t || !t.textContent.trim() || !visible(t)) problems.push(`band ${g.closest('[data-variant]').dataset.variant}/${g.dataset.layer}: no visible owner text`);
    }
    const legend = el.shadowRoot.querySelector('[part=legend]');
    if (!legend || !visible(legend)) problems.push('no visible status legend');
    return { problems, cells: cells.length };
  }, DOM);
}

for (const [mode, { attrs, media }] of Object.entries(MODES)) {
  test(`status is never shown by colour alone: every cell has a visible symbol and text (${mode})`, { timeout: 60000 }, async () => {
    const cm = await open({ ...attrs, compare: 'latest' }, { media });
    const { page } = cm;
    const r = await statusNotByColour(cm);
    assert.equal(r.cells, 80);
    assert.deepEqual(r.problems, []);
    // Changed cells in compare mode say old → new in words too.
    const changed = await cm.locator('td[data-changed]').first().textContent();
    assert.match(changed, /→/);
    assert.match(await cm.locator('td[data-changed] .cm-vh').first().textContent(), /changed from/);
    assert.deepEqual(page.problems, []);
  });
}

// ---------------------------------------------------------------------------------------------
// Reflow (WCAG 1.4.10): 320 CSS px, and 200% zoom (a 1280 px window at 200% is 640 CSS px).
// ---------------------------------------------------------------------------------------------

/** Horizontal overflow of the page, and text that is cut or pushed off screen. */
async function reflow(page) {
  return page.evaluate(() => {
    const doc = document.scrollingElement;
    const vw = document.documentElement.clientWidth;
    const el = document.querySelector('compliance-matrix');
    const root = el.shadowRoot;
    const problems = [];
    if (doc.scrollWidth > vw + 1) problems.push(`the page scrolls sideways: scrollWidth ${doc.scrollWidth} > ${vw}`);
    const host = el.getBoundingClientRect();
    if (host.right > vw + 1) problems.push(`the element is ${host.width}px wide in a ${vw}px viewport`);
    // Scroll containers the widget may use (a wide table or diagram scrolls inside itself).
    const scrollers = [...root.querySelectorAll('*')].filter((e) => /(auto|scroll)/.test(getComputedStyle(e).overflowX));
    const inScroller = (e) => scrollers.some((s) => s !== e && s.contains(e));
    // Visually hidden for assistive technology (the .cm-vh pattern, and the tables' captions):
    // a 1 px box clipped to nothing, which is not text cut off.
    const visuallyHidden = (e) => {
      for (let x = e; x && x.nodeType === 1; x = x.parentElement) {
        const cs = getComputedStyle(x);
        const r = x.getBoundingClientRect();
        if (x.classList.contains('cm-vh')) return true;
        if ((cs.clipPath === 'inset(50%)' || cs.clip === 'rect(0px, 0px, 0px, 0px)') && r.width <= 1 && r.height <= 1) return true;
      }
      return false;
    };
    const textual = root.querySelectorAll('h2, h3, p, label, button, summary, select, input, a, li, legend, caption, .cm-chip, .cm-field-label, .cm-count');
    for (const e of textual) {
      const s = getComputedStyle(e);
      if (s.display === 'none' || s.visibility === 'hidden' || visuallyHidden(e)) continue;
      const r = e.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      if (inScroller(e)) continue;
      const name = `${e.localName}${e.getAttribute('part') ? `[part=${e.getAttribute('part')}]` : ''}${e.className && typeof e.className === 'string' ? '.' + e.className.split(' ')[0] : ''} "${(e.textContent || e.value || '').trim().slice(0, 30)}"`;
      if (r.right > vw + 1 || r.left < -1) problems.push(`${name} is off screen (${Math.round(r.left)}..${Math.round(r.right)} of ${vw})`);
      const clips = /(hidden|clip)/.test(s.overflowX) && s.textOverflow !== 'clip' ? true : /(hidden|clip)/.test(s.overflowX);
      if (clips && e.scrollWidth > e.clientWidth + 1 && !['input', 'select'].includes(e.localName)) problems.push(`${name} is clipped (${e.scrollWidth} > ${e.clientWidth})`);
    }
    // The scroll areas themselves fit the screen.
    for (const s of scrollers) {
      const r = s.getBoundingClientRect();
      if (r.width > 0 && (r.right > vw + 1 || r.left < -1)) problems.push(`scroll area ${s.getAttribute('part') || s.className} is off screen (${Math.round(r.left)}..${Math.round(r.right)})`);
    }
    return { problems, vw, scrollWidth: doc.scrollWidth, scrollers: scrollers.map((s) => s.getAttribute('part') || s.className) };
  });
}

for (const [label, opts] of [
  ['320 CSS px', { viewport: { width: 320, height: 640 }, deviceScaleFactor: 1 }],
  ['200% zoom (640 CSS px at 2x)', { viewport: { width: 640, height: 450 }, deviceScaleFactor: 2 }],
]) {
  test(`reflow at ${label}: no sideways page scroll, no clipped or off-screen text`, { timeout: 60000 }, async () => {
    const cm = await open({ theme: 'light' }, opts);
    const { page } = cm;
    let r = await reflow(page);
    assert.deepEqual(r.problems, [], `default view at ${label}`);
    const narrow = await cm.isNarrow();
    const rootWidth = await cm.locator(DOM.root).evaluate((e) => e.getBoundingClientRect().width);
    assert.equal(narrow, rootWidth < 600, `narrow exactly when the widget is under 600 px (${rootWidth})`);
    /** Table cells and headers off the screen, and the table or diagram scrolling sideways. */
    const unfit = () =>
      cm.evaluate((el, D) => {
        const root = el.shadowRoot;
        const vw = document.documentElement.clientWidth;
        const out = [];
        for (const c of root.querySelectorAll(`${D.table} thead th, ${D.table} ${D.cell}, ${D.table} ${D.row} > th`)) {
          const b = c.getBoundingClientRect();
          if (b.left < -1 || b.right > vw + 1) out.push(`${c.closest('tr').dataset.program || 'head'}/${c.dataset.service || c.dataset.key || 'program'} at ${Math.round(b.left)}..${Math.round(b.right)} of ${vw}`);
        }
        for (const part of ['table-wrap', 'diagram-wrap']) {
          const w = root.querySelector(`[part=${part}]`);
          if (w.scrollWidth > w.clientWidth + 1) out.push(`${part} scrolls sideways (${w.scrollWidth} > ${w.clientWidth})`);
        }
        return out;
      }, DOM);
    if (narrow) {
      // At phone width the whole row fits — no coverage column, every service beside the
      // program name — and the diagram shows one variant that fits: nothing scrolls sideways.
      assert.deepEqual(await cm.headerKeys(), ['program', 'ecs', 'eks', 'fargate', 'ecr']);
      assert.deepEqual(await unfit(), [], `the table and the diagram fit ${label}`);
    }
    // Each menu open in turn (one is open at a time), and a cell's details.
    for (const part of ['about', 'filters', 'history', 'columns', 'export']) {
      await cm.openMenu(part);
      r = await reflow(page);
      assert.deepEqual(r.problems, [], `${part} open at ${label}`);
    }
    await cm.closeMenus();
    await cm.openDetails('irap', 'eks');
    r = await reflow(page);
    assert.deepEqual(r.problems, [], `IRAP × Amazon EKS's details at ${label}`);
    await cm.closeDetails();
    // With the diagram's table, compare mode (its changes listed), an error and the band panel.
    await cm.locator(`${DOM.diagramTable} > summary`).click();
    await cm.setAttribute('compare', 'latest');
    await cm.openChanges();
    await cm.setAttribute('sort', 'no-such-key');
    await cm.locator(DOM.anyAlert).waitFor();
    await cm.diagram.focus();
    await page.keyboard.press('ArrowDown');
    await cm.locator(`${DOM.bandInfo} .cm-band-info-head`).waitFor();
    r = await reflow(page);
    assert.deepEqual(r.problems, [], `the diagram's table, compare, error and band panel at ${label}`);
    if (narrow) {
      // Compare mode's wider cells (old symbol, arrow, new) may not fit: then the table scrolls
      // sideways inside its own frame (the first column in place), never the page.
      const wrap = await cm.tableWrap.evaluate((w) => ({ wide: w.scrollWidth > w.clientWidth + 1, overflows: w.classList.contains('cm-overflows'), ox: getComputedStyle(w).overflowX }));
      if (wrap.wide) assert.deepEqual([wrap.overflows, wrap.ox], [true, 'auto'], 'a table wider than its frame scrolls inside it');
      const diagram = await cm.locator('[part=diagram-wrap]').evaluate((w) => [w.scrollWidth, w.clientWidth]);
      assert.ok(diagram[0] <= diagram[1] + 1, `the diagram still fits (${diagram})`);
      // The last column can be reached.
      await cm.sortButton('ecr').scrollIntoViewIfNeeded();
      assert.ok(await cm.sortButton('ecr').isVisible());
    } else {
      // Wider: a table wider than its frame scrolls inside it (first column in place), not the page.
      assert.ok(r.scrollers.length >= 1, 'a wide table or diagram scrolls inside the widget');
      // Spot-check that everything can still be reached: the last column.
      await cm.sortButton('coverage').scrollIntoViewIfNeeded();
      assert.ok(await cm.sortButton('coverage').isVisible());
    }
    const docScroll = await page.evaluate(() => document.scrollingElement.scrollLeft);
    assert.equal(docScroll, 0, 'reaching the last column did not scroll the page sideways');
    assert.deepEqual(page.problems, []);
  });
}
