// The table's features end to end in Debian Chromium, one test per behaviour: search, status
// filter, gaps, facet chips, columns, sorting (single and multi-key), empty state, exports,
// downloads, copy link, cm-change events, attributes, sync-url (reload, back/forward, two
// widgets), print and the sticky header (a table shown whole has no scroll box: the header sticks
// to the page). Driven by keyboard as well as mouse; the controls in the toolbar's menus (Filters,
// Columns, Export) are reached through MatrixPage, which opens their menu first. Expected rows are
// computed by hand from the seed (tests/fixtures/seed-compliance.md) and written out below.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { session, eventually, MatrixPage, BLANK, DOM, sel } from './support/matrix-page.mjs';

const T = { timeout: 60000 };
const SEED = [
  'pci-dss-level-1', 'hipaa-eligible', 'soc-1', 'soc-2', 'soc-3', 'iso-27001', 'iso-9001',
  'iso-27017', 'iso-27018', 'irap', 'fedramp-moderate', 'fedramp-high', 'dod-cc-srg', 'hipaa-baa',
  'mtcs', 'c5', 'k-isms', 'ens-high', 'ospar', 'hitrust-csf',
];
const SERVICES = ['ecs', 'eks', 'fargate', 'ecr'];
const FARGATE_OUT = ['fedramp-moderate', 'fedramp-high', 'dod-cc-srg', 'mtcs', 'c5', 'k-isms', 'ens-high', 'ospar'];
const GAPS_ALL = ['irap', 'fedramp-moderate', 'fedramp-high', 'dod-cc-srg', 'mtcs', 'c5', 'k-isms', 'ens-high', 'ospar'];
const GAPS_ECS_EKS = ['irap', 'fedramp-moderate', 'fedramp-high', 'dod-cc-srg', 'ospar'];
const EKS_IN = SEED.filter((id) => !['irap', 'fedramp-moderate', 'fedramp-high', 'dod-cc-srg', 'ospar'].includes(id));
const EKS_ASC = [...EKS_IN, 'fedramp-moderate', 'dod-cc-srg', 'irap', 'fedramp-high', 'ospar'];
// Descending keeps ties in seed order (stable sort): not in scope, in progress, then in scope.
const EKS_DESC = ['irap', 'fedramp-high', 'ospar', 'fedramp-moderate', 'dod-cc-srg', ...EKS_IN];
// Fargate in scope (12) then not in scope (8); within each, by program name.
const FARGATE_ASC_PROGRAM_ASC = [
  'hipaa-baa', 'hipaa-eligible', 'hitrust-csf', 'irap', 'iso-27001', 'iso-27017', 'iso-27018', 'iso-9001',
  'pci-dss-level-1', 'soc-1', 'soc-2', 'soc-3',
  'c5', 'dod-cc-srg', 'ens-high', 'fedramp-high', 'fedramp-moderate', 'k-isms', 'mtcs', 'ospar',
];
const FARGATE_ASC_PROGRAM_DESC = [
  'soc-3', 'soc-2', 'soc-1', 'pci-dss-level-1', 'iso-9001', 'iso-27018', 'iso-27017', 'iso-27001', 'irap',
  'hitrust-csf', 'hipaa-eligible', 'hipaa-baa',
  'ospar', 'mtcs', 'k-isms', 'fedramp-moderate', 'fedramp-high', 'ens-high', 'dod-cc-srg', 'c5',
];
const FARGATE_IN_SEED = SEED.filter((id) => !FARGATE_OUT.includes(id));

const env = session();

/** `path` and its widget (a MatrixPage) once it shows rows. */
const open = (path = '/index.html', opts = {}) => env.open(path, opts);

/** A blank host page with one widget written as `html`; the widget `selector` once it shows rows. */
async function host(html, { hash = '', opts = {}, selector } = {}) {
  const page = await env.page(opts);
  await page.goto(`${env.base}${BLANK}${hash}`);
  await page.evaluate(async (h) => {
    await customElements.whenDefined('compliance-matrix');
    document.getElementById('host').innerHTML = h;
  }, html);
  return new MatrixPage(page, selector).ready();
}

const hashMap = (page) =>
  page.evaluate(() =>
    Object.fromEntries(
      location.hash.replace(/^#/, '').split('&').filter(Boolean).map((p) => {
        const i = p.indexOf('=');
        return [p.slice(0, i), decodeURIComponent(p.slice(i + 1))];
      }),
    ),
  );

// ---------------------------------------------------------------------------------------------

test('search: typing filters names and aliases (case, accents, the seed typo) and updates the count', T, async () => {
  const cm = await open();
  const { page } = cm;
  const search = cm.searchBox;
  assert.equal(await search.getAttribute('aria-label'), 'Filter programs');
  await cm.expectCount('20 of 20 programs');
  // Keyboard: focus and type.
  await search.focus();
  await page.keyboard.type('iso 27');
  await cm.expectRows(['iso-27001', 'iso-27017', 'iso-27018']);
  await cm.expectCount('3 of 20 programs');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('hitrusst');
  await cm.expectRows(['hitrust-csf'], 'the seed typo is an alias');
  await cm.expectCount('1 of 20 programs');
  await search.fill('HÍPAA');
  await cm.expectRows(['hipaa-eligible', 'hipaa-baa'], 'case- and accent-insensitive');
  await search.fill('soc 2');
  await cm.expectRows(['soc-2'], 'alias "SOC 2" finds "SOC II"');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await cm.expectRows(SEED);
  await cm.expectCount('20 of 20 programs');
  assert.deepEqual(page.problems, []);
});

test('status filter: fargate:not-in-scope by mouse, eks:in-progress by keyboard; cells keep symbol, text and source label', T, async () => {
  const cm = await open();
  const { page } = cm;
  const select = cm.statusFilter;
  assert.equal(await select.inputValue(), 'any');
  await select.selectOption('fargate:not-in-scope');
  await cm.expectRows(FARGATE_OUT);
  await cm.expectCount('8 of 20 programs');
  const fargateCells = await cm.evaluate((el, cells) =>
    [...el.shadowRoot.querySelectorAll(cells)].map((td) => [td.dataset.status, getComputedStyle(td.querySelector('.cm-badge'), '::before').content + td.textContent]),
  sel.serviceCells('fargate'));
  assert.equal(fargateCells.length, 8);
  for (const [status, text] of fargateCells) {
    assert.equal(status, 'not-in-scope');
    assert.match(text, /✗/);
    assert.match(text, /Not in scope/);
  }
  // Keyboard: back to "any" with Home, then down to eks:in-progress (options: any, then per
  // service in-scope, in-progress, not-in-scope, unknown).
  await select.focus();
  await page.keyboard.press('Home');
  await eventually(() => select.inputValue(), 'any', 'Home selects "any"');
  await cm.expectRows(SEED);
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await eventually(() => select.inputValue(), 'eks:in-progress', 'six ArrowDowns reach eks:in-progress');
  await cm.expectRows(['fedramp-moderate', 'dod-cc-srg']);
  await cm.expectCount('2 of 20 programs');
  const cells = await cm.evaluate((el, cells) =>
    [...el.shadowRoot.querySelectorAll(cells)].map((td) => ({
      status: td.dataset.status,
      text: getComputedStyle(td.querySelector('.cm-badge'), '::before').content + td.textContent,
      label: td.querySelector('.cm-label')?.textContent,
    })),
  sel.serviceCells('eks'));
  assert.deepEqual(cells.map((c) => [c.status, c.label]), [
    ['in-progress', '3PAO Assessment'],
    ['in-progress', 'Undergoing assessment'],
  ]);
  for (const c of cells) {
    assert.match(c.text, /◐/);
    assert.match(c.text, /In progress/);
  }
  assert.equal((await cm.state()).status, 'eks:in-progress');
  assert.deepEqual(page.problems, []);
});

test('gaps only: 9 rows with all four services, 5 with ECS and EKS shown', T, async () => {
  const cm = await open();
  const { page } = cm;
  const gaps = cm.gapsBox;
  // Keyboard: Space toggles the checkbox.
  await gaps.focus();
  await page.keyboard.press('Space');
  assert.equal(await gaps.isChecked(), true);
  await cm.expectRows(GAPS_ALL);
  await cm.expectCount('9 of 20 programs');
  // Hide Fargate and ECR with the mouse: the rows are recomputed over ECS and EKS only.
  await cm.columnsToggle.click();
  await cm.columnBox('fargate').click();
  await cm.columnBox('ecr').click();
  await eventually(() => cm.headerKeys(), ['program', 'ecs', 'eks', 'coverage'], 'two service columns');
  await cm.expectRows(GAPS_ECS_EKS);
  await cm.expectCount('5 of 20 programs');
  // Mouse: untick gaps, all rows come back.
  await gaps.click();
  await cm.expectRows(SEED);
  assert.equal((await cm.state()).gaps, false);
  assert.deepEqual(page.problems, []);
});

test('facet chips: OR within a facet, AND across facets, aria-pressed and live counts', T, async () => {
  const cm = await open();
  const { page } = cm;
  const chip = (tag) => cm.chip(tag);
  const count = (tag) => chip(tag).locator('.cm-chip-count').textContent();
  const counts = (tags) => Promise.all(tags.map(count));
  const badge = () => cm.filtersBadge.textContent();
  // The chips are in the Filters menu, built as it opens; no filter is active yet.
  assert.equal(await cm.filtersBadge.count(), 0, 'no active-filter count on Filters');
  await cm.openFilters();
  assert.equal(await cm.locator('[data-facet=jurisdiction] button[data-tag]').count(), 7);
  assert.equal(await cm.locator('[data-facet=domain] button[data-tag]').count(), 9);
  const J = ['jurisdiction:global', 'jurisdiction:us', 'jurisdiction:au', 'jurisdiction:sg', 'jurisdiction:de', 'jurisdiction:kr', 'jurisdiction:es'];
  assert.deepEqual(await counts(J), ['8', '6', '1', '2', '1', '1', '1']);
  // SOC 1 is about controls over financial reporting, not the finance sector (review of 2026-12).
  const D = ['domain:payments', 'domain:health', 'domain:financial-reporting', 'domain:finance', 'domain:security', 'domain:quality', 'domain:cloud', 'domain:privacy', 'domain:government'];
  assert.deepEqual(await counts(D), ['1', '3', '1', '1', '10', '1', '7', '1', '5']);
  assert.equal(await chip('jurisdiction:sg').getAttribute('aria-pressed'), 'false');

  // OR within a facet: Singapore (mouse) + Germany (keyboard).
  await chip('jurisdiction:sg').click();
  await cm.expectRows(['mtcs', 'ospar']);
  await chip('jurisdiction:de').focus();
  await page.keyboard.press('Enter');
  await cm.expectRows(['mtcs', 'c5', 'ospar']);
  assert.equal(await chip('jurisdiction:sg').getAttribute('aria-pressed'), 'true');
  assert.equal(await chip('jurisdiction:de').getAttribute('aria-pressed'), 'true');
  await cm.expectCount('3 of 20 programs');
  // The Filters summary counts the active filters.
  await eventually(badge, '2 active', 'two chips pressed: "2 active" on Filters');
  assert.equal(await cm.isMenuOpen('filters'), true, 'the menu stays open while chips are pressed');
  // Domain counts follow the jurisdiction selection.
  await eventually(() => counts(['domain:cloud', 'domain:security', 'domain:finance', 'domain:health']), ['2', '2', '1', '0'], 'domain counts under sg+de');
  // Space on a pressed chip unpresses it.
  await page.keyboard.press('Space');
  await cm.expectRows(['mtcs', 'ospar']);
  assert.equal(await chip('jurisdiction:de').getAttribute('aria-pressed'), 'false');
  await chip('jurisdiction:sg').click();
  await cm.expectRows(SEED);

  // AND across facets: United States + Health.
  await chip('jurisdiction:us').click();
  await cm.expectRows(['hipaa-eligible', 'fedramp-moderate', 'fedramp-high', 'dod-cc-srg', 'hipaa-baa', 'hitrust-csf']);
  await eventually(() => counts(['domain:health', 'domain:government', 'domain:cloud', 'domain:security', 'domain:payments']), ['3', '3', '3', '1', '0'], 'domain counts under us');
  await chip('domain:health').click();
  await cm.expectRows(['hipaa-eligible', 'hipaa-baa', 'hitrust-csf']);
  await eventually(badge, '2 active', 'one chip of each facet: "2 active"');
  // A facet's own selection is ignored for its counts: jurisdiction counts under health.
  await eventually(() => counts(['jurisdiction:us', 'jurisdiction:global', 'jurisdiction:sg']), ['3', '0', '0'], 'jurisdiction counts under health');
  assert.deepEqual((await cm.state()).tags, ['jurisdiction:us', 'domain:health']);
  // Counts also follow the text filter.
  await cm.search('baa');
  await cm.expectRows(['hipaa-baa']);
  await eventually(() => counts(['domain:health', 'domain:government']), ['1', '0'], 'domain counts under us + "baa"');
  assert.deepEqual(page.problems, []);
});

test('columns: show/hide and reorder by keyboard and mouse; the last column cannot be hidden', T, async () => {
  const cm = await open();
  const { page } = cm;
  const details = cm.columnsMenu;
  const box = (s) => cm.columnBox(s);
  const cellServices = () =>
    cm.evaluate((el, cells) => [...el.shadowRoot.querySelectorAll(cells)].map((td) => td.dataset.service), `${DOM.table} ${sel.row('irap')} ${DOM.cell}`);
  assert.equal(await details.evaluate((d) => d.open), false);
  // Keyboard: Enter on the summary opens it; Space on a checkbox hides ECS.
  await details.locator('summary').focus();
  await page.keyboard.press('Enter');
  await eventually(() => details.evaluate((d) => d.open), true, 'Enter opens the column chooser');
  await box('ecs').focus();
  await page.keyboard.press('Space');
  await eventually(() => cm.headerKeys(), ['program', 'eks', 'fargate', 'ecr', 'coverage'], 'ECS hidden');
  assert.deepEqual(await cellServices(), ['eks', 'fargate', 'ecr']);
  assert.equal(await box('ecs').isChecked(), false);
  // Mouse: move Fargate left.
  await cm.moveUp('fargate').click();
  await eventually(() => cm.headerKeys(), ['program', 'fargate', 'eks', 'ecr', 'coverage'], 'Fargate moved left');
  assert.deepEqual(await cellServices(), ['fargate', 'eks', 'ecr']);
  assert.deepEqual((await cm.state()).services, ['fargate', 'eks', 'ecr']);
  // Keyboard: Enter on "move right" moves it back.
  await cm.moveDown('fargate').focus();
  await page.keyboard.press('Enter');
  await eventually(() => cm.headerKeys(), ['program', 'eks', 'fargate', 'ecr', 'coverage'], 'Fargate moved right');
  // The first column cannot move left, the last cannot move right.
  assert.equal(await cm.moveUp('eks').isDisabled(), true);
  assert.equal(await cm.moveDown('ecr').isDisabled(), true);
  // Hide down to one column: its checkbox is disabled and stays checked.
  await box('eks').click();
  await box('fargate').click();
  await eventually(() => cm.headerKeys(), ['program', 'ecr', 'coverage'], 'only ECR left');
  assert.equal(await box('ecr').isChecked(), true);
  assert.equal(await box('ecr').isDisabled(), true);
  await box('ecr').click({ force: true });
  await eventually(() => cm.headerKeys(), ['program', 'ecr', 'coverage'], 'the last column stays');
  // Showing ECS again puts it back in dataset order.
  await box('ecs').click();
  await eventually(() => cm.headerKeys(), ['program', 'ecs', 'ecr', 'coverage'], 'ECS back before ECR');
  assert.deepEqual((await cm.state()).services, ['ecs', 'ecr']);
  assert.equal(await cm.locator(`${DOM.table} ${DOM.row} ${DOM.cell}`).count(), 40);
  assert.deepEqual(page.problems, []);
});

test('sort: a header cycles ascending → descending → seed order, with aria-sort, by mouse and Enter', T, async () => {
  const cm = await open();
  const { page } = cm;
  const eks = cm.locator('th[scope=col][data-key=eks]');
  assert.deepEqual(await cm.ariaSorts(), { program: 'none', ecs: 'none', eks: 'none', fargate: 'none', ecr: 'none', coverage: 'none' });
  await eks.locator('button').click();
  await cm.expectRows(EKS_ASC);
  assert.deepEqual(await cm.ariaSorts(), { program: 'none', ecs: 'none', eks: 'ascending', fargate: 'none', ecr: 'none', coverage: 'none' });
  await eks.locator('button').focus();
  await page.keyboard.press('Enter');
  await cm.expectRows(EKS_DESC);
  assert.equal(await eks.getAttribute('aria-sort'), 'descending');
  assert.equal((await cm.state()).sort, 'eks:desc');
  await page.keyboard.press('Enter');
  await cm.expectRows(SEED);
  assert.equal(await eks.getAttribute('aria-sort'), 'none');
  assert.equal((await cm.state()).sort, '');
  // Program, with the keyboard: Space also activates the button.
  await cm.sortButton('program').focus();
  await page.keyboard.press('Space');
  await cm.expectRows([
    'c5', 'dod-cc-srg', 'ens-high', 'fedramp-high', 'fedramp-moderate', 'hipaa-baa', 'hipaa-eligible', 'hitrust-csf',
    'irap', 'iso-27001', 'iso-27017', 'iso-27018', 'iso-9001', 'k-isms', 'mtcs', 'ospar', 'pci-dss-level-1',
    'soc-1', 'soc-2', 'soc-3',
  ]);
  // Coverage descending: 4 in scope first (seed order), then 3 (irap, mtcs, c5, k-isms, ens-high),
  // then 2 + 1 in progress (fedramp-moderate, dod-cc-srg), then 2 (fedramp-high, ospar).
  const cov = cm.sortButton('coverage');
  await cov.click();
  await cov.click();
  assert.equal(await cm.header('coverage').getAttribute('aria-sort'), 'descending');
  await cm.expectRows([
    ...SEED.filter((id) => !GAPS_ALL.includes(id)),
    'irap', 'mtcs', 'c5', 'k-isms', 'ens-high', 'fedramp-moderate', 'dod-cc-srg', 'fedramp-high', 'ospar',
  ]);
  assert.deepEqual(page.problems, []);
});

test('multi-key sort: shift-click and Shift+Enter add a secondary key; a plain click replaces the sort', T, async () => {
  const cm = await open();
  const { page } = cm;
  const fargate = cm.header('fargate');
  const program = cm.header('program');
  await fargate.locator('button').click();
  await cm.expectRows([...FARGATE_IN_SEED, ...FARGATE_OUT]);
  // Mouse: shift-click adds program ascending as the secondary key.
  await program.locator('button').click({ modifiers: ['Shift'] });
  await cm.expectRows(FARGATE_ASC_PROGRAM_ASC);
  assert.equal((await cm.state()).sort, 'fargate:asc,program:asc');
  // aria-sort is on the primary key only.
  assert.equal(await fargate.getAttribute('aria-sort'), 'ascending');
  assert.equal(await program.getAttribute('aria-sort'), 'none');
  // Keyboard: Shift+Enter on the program button flips the secondary key to descending.
  await program.locator('button').focus();
  await page.keyboard.press('Shift+Enter');
  await cm.expectRows(FARGATE_ASC_PROGRAM_DESC);
  assert.equal((await cm.state()).sort, 'fargate:asc,program:desc');
  assert.equal(await fargate.getAttribute('aria-sort'), 'ascending');
  assert.equal(await program.getAttribute('aria-sort'), 'none');
  // A third additive activation removes the secondary key: seed order breaks the ties again.
  await page.keyboard.press('Shift+Enter');
  await cm.expectRows([...FARGATE_IN_SEED, ...FARGATE_OUT]);
  assert.equal((await cm.state()).sort, 'fargate:asc');
  // A plain click on another header replaces the whole sort.
  await program.locator('button').click({ modifiers: ['Shift'] });
  await cm.expectRows(FARGATE_ASC_PROGRAM_ASC);
  await program.locator('button').click();
  assert.equal((await cm.state()).sort, 'program:asc');
  assert.equal(await fargate.getAttribute('aria-sort'), 'none');
  assert.equal(await program.getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(page.problems, []);
});

test('empty state names the filters; its button and the toolbar "Clear filters" reset them', T, async () => {
  const cm = await open();
  const { page } = cm;
  assert.equal(await cm.locator('button[part=clear-filters]').count(), 0, 'no Clear filters when unfiltered');
  assert.equal(await cm.locator('[part=empty]').count(), 0);
  await cm.search('hipaa');
  await cm.statusFilter.selectOption('fargate:not-in-scope');
  await cm.expectRows([]);
  await cm.expectCount('0 of 20 programs');
  const empty = cm.locator('[part=empty]');
  await empty.waitFor();
  const text = await empty.textContent();
  assert.match(text, /No program matches/);
  assert.match(text, /hipaa/);
  assert.match(text, /ECS Fargate: not in scope/);
  assert.equal(await cm.locator('button[part=clear-filters]').count(), 1);
  // Keyboard: Enter on the empty state's button clears every filter.
  await cm.locator('[part=empty-clear]').focus();
  await page.keyboard.press('Enter');
  await cm.expectRows(SEED);
  assert.equal(await cm.searchBox.inputValue(), '');
  assert.equal(await cm.statusFilter.inputValue(), 'any');
  assert.equal(await cm.locator('[part=empty]').count(), 0);
  assert.equal(await cm.locator('button[part=clear-filters]').count(), 0);
  // The toolbar button (mouse): gaps + a chip, then clear; the sort is not a filter and stays.
  await cm.sortButton('program').click();
  await cm.gapsBox.click();
  await cm.chip('jurisdiction:sg').click();
  await cm.expectRows(['mtcs', 'ospar']);
  await cm.locator('button[part=clear-filters]').click();
  await eventually(async () => (await cm.state()).visible.length, 20, 'all rows back');
  const s = await cm.state();
  assert.equal(s.gaps, false);
  assert.deepEqual(s.tags, []);
  assert.equal(s.sort, 'program:asc');
  assert.equal(await cm.chip('jurisdiction:sg').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(page.problems, []);
});

/** Sets up: status eks:in-progress, Fargate hidden, EKS moved first, sorted by program. */
async function exportState(cm) {
  await cm.statusFilter.selectOption('eks:in-progress');
  await cm.columnsToggle.click();
  await cm.columnBox('fargate').click();
  await cm.moveUp('eks').click();
  await cm.columnsToggle.click(); // close the chooser
  await cm.sortButton('program').click();
  await cm.expectRows(['dod-cc-srg', 'fedramp-moderate']);
  await eventually(() => cm.headerKeys(), ['program', 'eks', 'ecs', 'ecr', 'coverage'], 'columns eks, ecs, ecr');
}
const EXPECTED_CSV =
  'Compliance Program,Amazon EKS,Amazon ECS,Amazon ECR\r\n' +
  'DOD CC SRG,Undergoing assessment,1,1\r\n' +
  'FedRAMP Moderate (East/West),3PAO Assessment,1,1\r\n';

test('exportCsv/Json/Markdown return exactly the visible rows and columns, without coverage', T, async () => {
  const cm = await open();
  const { page } = cm;
  await exportState(cm);
  const out = await cm.evaluate((el) => ({ csv: el.exportCsv(), json: el.exportJson(), md: el.exportMarkdown() }));
  assert.equal(out.csv, EXPECTED_CSV);
  const json = JSON.parse(out.json);
  assert.equal(json.as_of, '2020-04-21');
  assert.deepEqual(json.services.map((s) => s.id), ['eks', 'ecs', 'ecr']);
  assert.deepEqual(json.programs.map((p) => p.id), ['dod-cc-srg', 'fedramp-moderate']);
  assert.deepEqual(Object.keys(json.programs[1].status).sort(), ['ecr', 'ecs', 'eks']);
  assert.deepEqual(json.programs[1].status.eks, { status: 'in-progress', label: '3PAO Assessment' });
  assert.equal(json.programs[1].status.ecs, 'in-scope');
  const lines = out.md.split('\n');
  const table = lines.filter((l) => l.startsWith('|'));
  assert.deepEqual(table, [
    '| Compliance Program | Amazon EKS | Amazon ECS | Amazon ECR |',
    '| ------------------ |:---:|:---:|:---:|',
    '| DOD CC SRG | Undergoing assessment | 1 | 1 |',
    '| FedRAMP Moderate (East/West) | 3PAO Assessment | 1 | 1 |',
  ]);
  assert.match(out.md, /As of 2020-04-21/);
  for (const text of [out.csv, out.json, out.md]) {
    assert.doesNotMatch(text, /coverage/i);
    assert.doesNotMatch(text, /ECS Fargate|"fargate"/);
  }
  // Unfiltered: all 20 rows and 4 columns.
  await cm.locator('button[part=clear-filters]').click();
  await cm.columnsToggle.click();
  await cm.columnBox('fargate').click();
  await cm.columnsToggle.click();
  await cm.sortButton('program').click(); // desc
  await cm.sortButton('program').click(); // seed order
  await cm.expectRows(SEED);
  const csv = await cm.evaluate((el) => el.exportCsv());
  const csvLines = csv.split('\r\n');
  assert.equal(csvLines.length, 22); // header + 20 rows + final empty string
  assert.equal(csvLines[0], 'Compliance Program,Amazon EKS,Amazon ECS,ECS Fargate,Amazon ECR');
  assert.equal(csvLines[1], 'PCI DSS Level 1,1,1,1,1');
  assert.equal(csvLines[11], 'FedRAMP Moderate (East/West),3PAO Assessment,1,0,1');
  assert.equal(csvLines[20], 'HITRUST CSF,1,1,1,1');
  assert.deepEqual(page.problems, []);
});

test('export buttons download the same text as the methods, named by the as-of date', T, async () => {
  const cm = await open();
  const { page } = cm;
  await exportState(cm);
  const methods = await cm.evaluate((el) => ({ csv: el.exportCsv(), json: el.exportJson(), markdown: el.exportMarkdown() }));
  const ext = { csv: 'csv', json: 'json', markdown: 'md' };
  for (const kind of ['csv', 'json', 'markdown']) {
    const button = cm.exportButton(kind);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10000 }),
      kind === 'json' ? button.focus().then(() => page.keyboard.press('Enter')) : button.click(),
    ]);
    assert.equal(download.suggestedFilename(), `compliance-matrix-2020-04-21.${ext[kind]}`);
    const text = await readFile(await download.path(), 'utf8');
    assert.equal(text, methods[kind], `${kind} download equals export${kind}()`);
    await eventually(
      () => cm.message.textContent(),
      `Downloaded 2 rows as compliance-matrix-2020-04-21.${ext[kind]}`,
      'message after download',
    );
  }
  assert.equal(methods.csv, EXPECTED_CSV);
  assert.deepEqual(page.problems, []);
});

test('copy link puts the view in a URL; opening it with sync-url restores the view', T, async () => {
  const perms = { permissions: ['clipboard-read', 'clipboard-write'] };
  // The demo page: its element has id="demo", so the keys are demo.*.
  const cm = await open('/index.html', perms);
  const { page } = cm;
  await cm.search('iso 27');
  await cm.sortButton('program').click();
  await cm.sortButton('program').click();
  await cm.expectRows(['iso-27018', 'iso-27017', 'iso-27001']);
  await cm.copyLinkButton.click();
  await eventually(() => cm.message.textContent(), 'Link copied', 'message');
  assert.equal(
    await page.evaluate(() => navigator.clipboard.readText()),
    `${env.base}/index.html#demo.query=iso%2027&demo.sort=program:desc`,
  );
  assert.deepEqual(page.problems, []);

  // A sync-url page: copy from widget b (keyboard), open the link in a fresh page.
  const b2 = (await open('/tests/e2e/fixtures/sync-two.html', perms)).widget('#b');
  const p2 = b2.page;
  await b2.chip('jurisdiction:us').click();
  await b2.statusFilter.selectOption('eks:in-progress');
  await b2.expectRows(['fedramp-moderate', 'dod-cc-srg'], 'b filtered');
  await b2.copyLinkButton.focus();
  await p2.keyboard.press('Enter');
  await eventually(() => b2.message.textContent(), 'Link copied', 'message');
  const link = await p2.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${env.base}/tests/e2e/fixtures/sync-two.html#b.status=eks:in-progress&b.tags=jurisdiction:us`);
  const b3 = await env.open(link, { selector: '#b' });
  const p3 = b3.page;
  await b3.expectRows(['fedramp-moderate', 'dod-cc-srg'], 'b restored from the link');
  await b3.widget('#a').expectRows(SEED, 'a untouched');
  assert.equal(await b3.statusFilter.inputValue(), 'eks:in-progress');
  assert.equal(await b3.chip('jurisdiction:us').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(p2.problems, []);
  assert.deepEqual(p3.problems, []);
});

test('cm-change bubbles out of the shadow root after each user change with the state; el.state agrees', T, async () => {
  const cm = await open();
  const { page } = cm;
  await page.evaluate(() => {
    window.changes = [];
    document.addEventListener('cm-change', (e) => {
      window.changes.push({ detail: e.detail, bubbles: e.bubbles, composed: e.composed, target: e.target.id });
    });
  });
  const changes = () => page.evaluate(() => window.changes);
  await cm.searchBox.focus();
  await page.keyboard.type('iso 27');
  await eventually(async () => (await changes()).length, 6, 'one event per keystroke');
  let all = await changes();
  for (const c of all) {
    assert.equal(c.bubbles, true);
    assert.equal(c.composed, true);
    assert.equal(c.target, 'demo');
  }
  assert.deepEqual(all.map((c) => c.detail.query), ['i', 'is', 'iso', 'iso ', 'iso 2', 'iso 27']);
  assert.deepEqual(all[5].detail, {
    query: 'iso 27',
    status: 'any',
    gaps: false,
    tags: [],
    sort: '',
    services: SERVICES,
    view: 'both',
    revision: '2020-04-21',
    compare: null,
    visible: ['iso-27001', 'iso-27017', 'iso-27018'],
  });
  await cm.chip('domain:cloud').click();
  await cm.sortButton('program').click();
  await cm.sortButton('program').click();
  await cm.gapsBox.click();
  await eventually(async () => (await changes()).length, 10, 'one event each for chip, sort, sort, gaps');
  all = await changes();
  assert.deepEqual(all[6].detail.tags, ['domain:cloud']);
  assert.deepEqual(all[6].detail.visible, ['iso-27017', 'iso-27018']);
  assert.equal(all[7].detail.sort, 'program:asc');
  assert.deepEqual(all[8].detail.visible, ['iso-27018', 'iso-27017']);
  assert.equal(all[8].detail.sort, 'program:desc');
  assert.equal(all[9].detail.gaps, true);
  assert.deepEqual(all[9].detail.visible, [], 'no iso 27 cloud row has a gap');
  await new Promise((r) => setTimeout(r, 200));
  assert.equal((await changes()).length, 10, 'no extra events');
  const last = (await changes()).at(-1).detail;
  assert.deepEqual(await cm.state(), last);
  assert.deepEqual(page.problems, []);
});

test('attributes set the initial view and later attribute/property changes apply', T, async () => {
  const x = await host(
    '<compliance-matrix id="x" services="eks,ecs" status="eks:not-in-scope" sort="program:desc" view="table" theme="dark"></compliance-matrix>',
    { selector: '#x' },
  );
  const { page } = x;
  await x.expectRows(['ospar', 'irap', 'fedramp-high'], 'eks not in scope, program descending');
  assert.deepEqual(await x.headerKeys(), ['program', 'eks', 'ecs', 'coverage']);
  assert.equal(await x.header('program').getAttribute('aria-sort'), 'descending');
  assert.equal(await x.diagram.count(), 0, 'view=table has no diagram');
  assert.equal(await x.evaluate((el, root) => el.shadowRoot.querySelector(root).classList.contains('cm-theme-dark'), DOM.root), true);
  assert.equal(await x.statusFilter.inputValue(), 'eks:not-in-scope');
  let s = await x.state();
  assert.deepEqual([s.services, s.status, s.sort, s.view], [['eks', 'ecs'], 'eks:not-in-scope', 'program:desc', 'table']);
  // Attribute changes.
  await x.evaluate((el) => {
    el.removeAttribute('status');
    el.setAttribute('query', 'iso 27');
  });
  await x.expectRows(['iso-27018', 'iso-27017', 'iso-27001'], 'query attribute');
  assert.equal(await x.searchBox.inputValue(), 'iso 27');
  // Properties reflect attributes.
  await x.evaluate((el) => {
    el.query = null;
    el.gaps = true;
    el.tags = 'jurisdiction:sg';
  });
  await x.expectRows(['ospar'], 'gaps over eks,ecs within Singapore');
  assert.equal(await x.evaluate((el) => [el.hasAttribute('gaps'), el.getAttribute('tags')].join()), 'true,jurisdiction:sg');
  assert.equal(await x.gapsBox.isChecked(), true);
  assert.equal(await x.chip('jurisdiction:sg').getAttribute('aria-pressed'), 'true');
  await x.evaluate((el) => {
    el.setAttribute('sort', 'eks:asc');
    el.removeAttribute('services');
    el.gaps = false;
    el.tags = 'jurisdiction:us,domain:health';
    el.theme = 'light';
  });
  await x.expectRows(['hipaa-eligible', 'hipaa-baa', 'hitrust-csf'], 'us + health');
  assert.deepEqual(await x.headerKeys(), ['program', ...SERVICES, 'coverage']);
  assert.equal(await x.header('eks').getAttribute('aria-sort'), 'ascending');
  assert.equal(await x.evaluate((el, root) => el.shadowRoot.querySelector(root).classList.contains('cm-theme-light'), DOM.root), true);
  s = await x.state();
  assert.deepEqual([s.services, s.tags, s.gaps, s.query], [SERVICES, ['jurisdiction:us', 'domain:health'], false, '']);
  // view=diagram hides the table.
  await x.evaluate((el) => el.setAttribute('view', 'diagram'));
  await eventually(() => x.locator(DOM.table).count(), 0, 'no table in diagram view');
  assert.equal(await x.diagram.count(), 1);
  assert.deepEqual(page.problems, []);
});

test('sync-url: the state goes to location.hash under the element id (or "cm") and a reload restores it', T, async () => {
  // No id: the prefix is "cm".
  const cm = await host('<compliance-matrix sync-url view="table"></compliance-matrix>');
  const { page } = cm;
  await cm.search('iso 27');
  await cm.sortButton('program').click();
  await cm.expectRows(['iso-27001', 'iso-27017', 'iso-27018']);
  await eventually(() => page.evaluate(() => location.hash), '#cm.query=iso%2027&cm.sort=program:asc', 'hash');
  await page.reload();
  await page.evaluate(async () => {
    await customElements.whenDefined('compliance-matrix');
    document.getElementById('host').innerHTML = '<compliance-matrix sync-url view="table"></compliance-matrix>';
  });
  await cm.ready();
  await cm.expectRows(['iso-27001', 'iso-27017', 'iso-27018'], 'restored after reload');
  assert.equal(await cm.searchBox.inputValue(), 'iso 27');
  assert.equal(await cm.header('program').getAttribute('aria-sort'), 'ascending');

  // Two widgets with ids a and b: independent keys in one hash.
  const both = await open('/tests/e2e/fixtures/sync-two.html');
  const a = both.widget('#a');
  const b = both.widget('#b');
  const two = both.page;
  await a.search('iso 27');
  await a.sortButton('program').click();
  await a.sortButton('program').click();
  await b.chip('jurisdiction:sg').click();
  await b.columnsToggle.click();
  await b.columnBox('fargate').click();
  await b.columnBox('ecr').click();
  await b.gapsBox.click();
  await a.expectRows(['iso-27018', 'iso-27017', 'iso-27001'], 'a');
  await b.expectRows(['ospar'], 'b: Singapore, gaps over ecs,eks');
  await eventually(() => hashMap(two), {
    'a.query': 'iso 27',
    'a.sort': 'program:desc',
    'b.tags': 'jurisdiction:sg',
    'b.services': 'ecs,eks',
    'b.gaps': '1',
  }, 'both widgets in the hash');
  await two.reload();
  await a.ready();
  await b.ready();
  await a.expectRows(['iso-27018', 'iso-27017', 'iso-27001'], 'a after reload');
  await b.expectRows(['ospar'], 'b after reload');
  assert.deepEqual(await b.headerKeys(), ['program', 'ecs', 'eks', 'coverage']);
  assert.equal(await b.gapsBox.isChecked(), true);
  assert.equal(await a.searchBox.inputValue(), 'iso 27');
  // Clearing a's filters removes only a's filter keys.
  await a.locator('button[part=clear-filters]').click();
  await eventually(() => hashMap(two), {
    'a.sort': 'program:desc',
    'b.tags': 'jurisdiction:sg',
    'b.services': 'ecs,eks',
    'b.gaps': '1',
  }, 'a cleared');
  assert.deepEqual(page.problems, []);
  assert.deepEqual(two.problems, []);
});

test('sync-url: back and forward restore earlier states', T, async () => {
  const a = (await open('/tests/e2e/fixtures/sync-two.html')).widget('#a');
  const { page } = a;
  const chip = (tag) => a.chip(tag);
  await chip('jurisdiction:sg').click();
  await a.expectRows(['mtcs', 'ospar'], 'sg');
  await chip('jurisdiction:de').focus();
  await page.keyboard.press('Enter');
  await a.expectRows(['mtcs', 'c5', 'ospar'], 'sg + de');
  await a.sortButton('program').click();
  await a.expectRows(['c5', 'mtcs', 'ospar'], 'sorted');
  await page.goBack();
  await a.expectRows(['mtcs', 'c5', 'ospar'], 'back: unsorted');
  assert.equal(await a.header('program').getAttribute('aria-sort'), 'none');
  await page.goBack();
  await a.expectRows(['mtcs', 'ospar'], 'back: sg only');
  assert.equal(await chip('jurisdiction:de').getAttribute('aria-pressed'), 'false');
  await page.goBack();
  await a.expectRows(SEED, 'back: the start');
  assert.equal(await chip('jurisdiction:sg').getAttribute('aria-pressed'), 'false');
  await page.goForward();
  await a.expectRows(['mtcs', 'ospar'], 'forward: sg');
  await page.goForward();
  await page.goForward();
  await a.expectRows(['c5', 'mtcs', 'ospar'], 'forward: sg + de, sorted');
  assert.equal(await a.header('program').getAttribute('aria-sort'), 'ascending');
  await a.widget('#b').expectRows(SEED, 'b never changed');
  assert.deepEqual(page.problems, []);
});

test('print: the toolbar hides, the active filters and sort are printed, as-of and source stay', T, async () => {
  const cm = await open();
  const { page } = cm;
  await cm.search('iso 27');
  await cm.chip('domain:cloud').click();
  await cm.sortButton('program').click();
  await cm.sortButton('program').click();
  await cm.expectRows(['iso-27018', 'iso-27017']);
  const filters = cm.locator('.cm-print-filters');
  assert.equal(await filters.isVisible(), false, 'the print summary is hidden on screen');
  assert.equal(await cm.locator('[part=toolbar]').isVisible(), true);
  await page.emulateMedia({ media: 'print' });
  await eventually(() => cm.locator('[part=toolbar]').isVisible(), false, 'toolbar hidden in print');
  assert.equal(await cm.searchBox.isVisible(), false);
  assert.equal(await filters.isVisible(), true);
  const text = await filters.textContent();
  assert.match(text, /2 of 20 programs/);
  assert.match(text, /iso 27/);
  assert.match(text, /Cloud/);
  assert.match(text, /program:desc/);
  const meta = cm.locator('.cm-meta');
  assert.equal(await meta.isVisible(), true);
  // The date in the user's format (English here), the ISO date in datetime.
  assert.match(await meta.textContent(), /As of Apr 21, 2020/);
  assert.equal(await meta.locator('time').getAttribute('datetime'), '2020-04-21');
  // Two links on that line: the source, then the warning's "the current list".
  assert.equal(await meta.locator('a').count(), 2);
  const source = meta.locator('a').first();
  assert.equal(await source.isVisible(), true);
  assert.match(await source.getAttribute('href'), /^https:\/\/github\.com\/aws\/aws-eks-best-practices\//);
  const latest = meta.locator(`${DOM.warning} a`);
  assert.equal(await latest.isVisible(), true, 'the warning and its link stay in print');
  assert.equal(await latest.textContent(), 'the current list');
  assert.equal(await latest.getAttribute('href'), 'https://aws.amazon.com/compliance/services-in-scope/');
  await cm.expectRows(['iso-27018', 'iso-27017'], 'the printed rows are the shown rows');
  await page.emulateMedia({ media: 'screen' });
  await eventually(() => cm.locator('[part=toolbar]').isVisible(), true, 'toolbar back on screen');
  assert.deepEqual(page.problems, []);
});

test('sticky header: a table shown whole has no scroll box; scrolling the page keeps the header row at the top of the screen', T, async () => {
  // A table shown whole (20 rows) scrolls with the page: its wrapper clips its corners
  // but is no scroller, and the header sticks to the top of the viewport.
  const cm = await open('/index.html', { viewport: { width: 1100, height: 600 } });
  const { page } = cm;
  const wrap = cm.tableWrap;
  const th = cm.locator('thead th[data-key=program]');
  const firstRow = cm.locator(sel.row('pci-dss-level-1'));
  const dims = await wrap.evaluate((w) => {
    const cs = getComputedStyle(w);
    return { sh: w.scrollHeight, ch: w.clientHeight, mh: cs.maxHeight, ox: cs.overflowX, oy: cs.overflowY, long: w.classList.contains('cm-long') };
  });
  assert.deepEqual({ mh: dims.mh, ox: dims.ox, oy: dims.oy, long: dims.long }, { mh: 'none', ox: 'clip', oy: 'clip', long: false }, `no scroll box (${JSON.stringify(dims)})`);
  assert.ok(dims.sh <= dims.ch + 1, `the wrapper holds the whole table (${JSON.stringify(dims)})`);
  assert.equal(await wrap.evaluate((w) => { w.scrollTop = 300; return w.scrollTop; }), 0, 'the wrapper cannot be scrolled');
  // The page scrolls instead: the table is taller than the screen.
  const page0 = await page.evaluate(() => ({ sh: document.scrollingElement.scrollHeight, vh: innerHeight }));
  assert.ok(page0.sh > page0.vh + 300, `the page scrolls (${JSON.stringify(page0)})`);
  await page.evaluate(() => window.scrollTo(0, 0));
  const h0 = await th.boundingBox();
  const r0 = await firstRow.boundingBox();
  assert.ok(h0.y > 0, `before scrolling, the header is in its place below the page top (${h0.y})`);
  assert.ok(r0.y >= h0.y + h0.height - 1, 'the first row is under the header');
  // Scroll the page 300 px past the header's place: the rows go up, the header stays at the top.
  const by = Math.round(h0.y + 300);
  await page.evaluate((y) => window.scrollTo(0, y), by);
  await eventually(() => page.evaluate(() => Math.round(scrollY)), by, 'the page scrolled');
  const h1 = await th.boundingBox();
  const r1 = await firstRow.boundingBox();
  assert.ok(Math.abs(r1.y - (r0.y - by)) < 2, `the rows moved up with the page (${r0.y} → ${r1.y}, scrolled ${by})`);
  assert.ok(Math.abs(h1.y) <= 1, `the header sticks at the top of the viewport: th at ${h1.y}`);
  const table = await cm.locator(DOM.table).boundingBox();
  assert.ok(table.y < 0 && table.y + table.height > h1.y + h1.height, 'while the table runs under it');
  // Every header cell sticks, and stays above the rows (the topmost element there is the header).
  const allTops = await cm.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('table[part=table] thead th')].map((t) => Math.round(t.getBoundingClientRect().top)),
  );
  assert.equal(allTops.length, 6);
  assert.deepEqual([...new Set(allTops)], [Math.round(h1.y)], 'every header cell at the same top');
  const hit = await cm.evaluate((el, p) => {
    const e = el.shadowRoot.elementFromPoint(p.x, p.y);
    return Boolean(e && e.closest('thead'));
  }, { x: h1.x + h1.width / 2, y: h1.y + h1.height / 2 });
  assert.equal(hit, true, 'the header paints over the scrolled rows');
  // Back at the top: the header is in its place again.
  await page.evaluate(() => window.scrollTo(0, 0));
  await eventually(async () => Math.round((await th.boundingBox()).y), Math.round(h0.y), 'the header back in its place');
  assert.deepEqual(page.problems, []);
});
