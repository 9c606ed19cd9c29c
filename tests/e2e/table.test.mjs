// The table's features end to end in Debian Chromium, one test per behaviour: search, status
// filter, gaps, facet chips, columns, sorting (single and multi-key), empty state, exports,
// downloads, copy link, cm-change events, attributes, sync-url (reload, back/forward, two
// widgets), print and the sticky header. Driven by keyboard as well as mouse; expected rows are
// computed by hand from the seed (tests/fixtures/seed-compliance.md) and written out below.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { start, widgetReady, eventually } from './harness.mjs';

const T = { timeout: 60000 };
const W = 'compliance-matrix';
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

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

async function open(path = '/index.html', opts = {}) {
  const page = await env.page(opts);
  await page.goto(`${env.base}${path}`);
  await widgetReady(page);
  return page;
}

/** A blank host page with one widget written as `html`. */
async function host(html, { hash = '', opts = {}, selector = W } = {}) {
  const page = await env.page(opts);
  await page.goto(`${env.base}/tests/e2e/fixtures/blank.html${hash}`);
  await page.evaluate(async (h) => {
    await customElements.whenDefined('compliance-matrix');
    document.getElementById('host').innerHTML = h;
  }, html);
  await widgetReady(page, selector);
  return page;
}

/** Program ids of the shown rows, in display order. */
function rowIds(page, sel = W) {
  return page.locator(sel).evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('table[part=table] tr[data-program]')].map((tr) => tr.dataset.program),
  );
}

/** data-key of the header cells, in order. */
function headerKeys(page, sel = W) {
  return page.locator(sel).evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('table[part=table] thead th[scope=col]')].map((th) => th.dataset.key),
  );
}


const expectRows = (page, expected, message, sel = W) => eventually(() => rowIds(page, sel), expected, message);
const countText = (page, sel = W) => page.locator(`${sel} [role=status][part=count]`).textContent();
const expectCount = (page, text, sel = W) => eventually(() => countText(page, sel), text, 'count');
const state = (page, sel = W) => page.locator(sel).evaluate((el) => el.state);
const ariaSorts = (page, sel = W) =>
  page.locator(sel).evaluate((el) =>
    Object.fromEntries([...el.shadowRoot.querySelectorAll('table[part=table] thead th[scope=col]')].map((th) => [th.dataset.key, th.getAttribute('aria-sort')])),
  );
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
  const page = await open();
  const search = page.locator(`${W} input[type=search][part=search]`);
  assert.equal(await search.getAttribute('aria-label'), 'Filter programs');
  await expectCount(page, '20 of 20 programs');
  // Keyboard: focus and type.
  await search.focus();
  await page.keyboard.type('iso 27');
  await expectRows(page, ['iso-27001', 'iso-27017', 'iso-27018']);
  await expectCount(page, '3 of 20 programs');
  await page.keyboard.press('Control+A');
  await page.keyboard.type('hitrusst');
  await expectRows(page, ['hitrust-csf'], 'the seed typo is an alias');
  await expectCount(page, '1 of 20 programs');
  await search.fill('HÍPAA');
  await expectRows(page, ['hipaa-eligible', 'hipaa-baa'], 'case- and accent-insensitive');
  await search.fill('soc 2');
  await expectRows(page, ['soc-2'], 'alias "SOC 2" finds "SOC II"');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expectRows(page, SEED);
  await expectCount(page, '20 of 20 programs');
  assert.deepEqual(page.problems, []);
});

test('status filter: fargate:not-in-scope by mouse, eks:in-progress by keyboard; cells keep symbol, text and source label', T, async () => {
  const page = await open();
  const select = page.locator(`${W} select[part=status-filter]`);
  assert.equal(await select.inputValue(), 'any');
  await select.selectOption('fargate:not-in-scope');
  await expectRows(page, FARGATE_OUT);
  await expectCount(page, '8 of 20 programs');
  const fargateCells = await page.locator(W).evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('table[part=table] td[data-service=fargate]')].map((td) => [td.dataset.status, getComputedStyle(td.querySelector('.cm-badge'), '::before').content + td.textContent]),
  );
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
  await expectRows(page, SEED);
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowDown');
  await eventually(() => select.inputValue(), 'eks:in-progress', 'six ArrowDowns reach eks:in-progress');
  await expectRows(page, ['fedramp-moderate', 'dod-cc-srg']);
  await expectCount(page, '2 of 20 programs');
  const cells = await page.locator(W).evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('table[part=table] td[data-service=eks]')].map((td) => ({
      status: td.dataset.status,
      text: getComputedStyle(td.querySelector('.cm-badge'), '::before').content + td.textContent,
      label: td.querySelector('.cm-label')?.textContent,
    })),
  );
  assert.deepEqual(cells.map((c) => [c.status, c.label]), [
    ['in-progress', '3PAO Assessment'],
    ['in-progress', 'Undergoing assessment'],
  ]);
  for (const c of cells) {
    assert.match(c.text, /◐/);
    assert.match(c.text, /In progress/);
  }
  assert.equal((await state(page)).status, 'eks:in-progress');
  assert.deepEqual(page.problems, []);
});

test('gaps only: 9 rows with all four services, 5 with ECS and EKS shown', T, async () => {
  const page = await open();
  const gaps = page.locator(`${W} input[type=checkbox][part=gaps]`);
  // Keyboard: Space toggles the checkbox.
  await gaps.focus();
  await page.keyboard.press('Space');
  assert.equal(await gaps.isChecked(), true);
  await expectRows(page, GAPS_ALL);
  await expectCount(page, '9 of 20 programs');
  // Hide Fargate and ECR with the mouse: the rows are recomputed over ECS and EKS only.
  await page.locator(`${W} details[part=columns] > summary`).click();
  await page.locator(`${W} input[type=checkbox][data-service=fargate]`).click();
  await page.locator(`${W} input[type=checkbox][data-service=ecr]`).click();
  await eventually(() => headerKeys(page), ['program', 'ecs', 'eks', 'coverage'], 'two service columns');
  await expectRows(page, GAPS_ECS_EKS);
  await expectCount(page, '5 of 20 programs');
  // Mouse: untick gaps, all rows come back.
  await gaps.click();
  await expectRows(page, SEED);
  assert.equal((await state(page)).gaps, false);
  assert.deepEqual(page.problems, []);
});

test('facet chips: OR within a facet, AND across facets, aria-pressed and live counts', T, async () => {
  const page = await open();
  const chip = (tag) => page.locator(`${W} button[data-tag="${tag}"]`);
  const count = (tag) => chip(tag).locator('.cm-chip-count').textContent();
  const counts = (tags) => Promise.all(tags.map(count));
  assert.equal(await page.locator(`${W} [data-facet=jurisdiction] button[data-tag]`).count(), 7);
  assert.equal(await page.locator(`${W} [data-facet=domain] button[data-tag]`).count(), 8);
  const J = ['jurisdiction:global', 'jurisdiction:us', 'jurisdiction:au', 'jurisdiction:sg', 'jurisdiction:de', 'jurisdiction:kr', 'jurisdiction:es'];
  assert.deepEqual(await counts(J), ['8', '6', '1', '2', '1', '1', '1']);
  const D = ['domain:payments', 'domain:health', 'domain:finance', 'domain:security', 'domain:quality', 'domain:cloud', 'domain:privacy', 'domain:government'];
  assert.deepEqual(await counts(D), ['1', '3', '2', '10', '1', '7', '1', '5']);
  assert.equal(await chip('jurisdiction:sg').getAttribute('aria-pressed'), 'false');

  // OR within a facet: Singapore (mouse) + Germany (keyboard).
  await chip('jurisdiction:sg').click();
  await expectRows(page, ['mtcs', 'ospar']);
  await chip('jurisdiction:de').focus();
  await page.keyboard.press('Enter');
  await expectRows(page, ['mtcs', 'c5', 'ospar']);
  assert.equal(await chip('jurisdiction:sg').getAttribute('aria-pressed'), 'true');
  assert.equal(await chip('jurisdiction:de').getAttribute('aria-pressed'), 'true');
  await expectCount(page, '3 of 20 programs');
  // Domain counts follow the jurisdiction selection.
  await eventually(() => counts(['domain:cloud', 'domain:security', 'domain:finance', 'domain:health']), ['2', '2', '1', '0'], 'domain counts under sg+de');
  // Space on a pressed chip unpresses it.
  await page.keyboard.press('Space');
  await expectRows(page, ['mtcs', 'ospar']);
  assert.equal(await chip('jurisdiction:de').getAttribute('aria-pressed'), 'false');
  await chip('jurisdiction:sg').click();
  await expectRows(page, SEED);

  // AND across facets: United States + Health.
  await chip('jurisdiction:us').click();
  await expectRows(page, ['hipaa-eligible', 'fedramp-moderate', 'fedramp-high', 'dod-cc-srg', 'hipaa-baa', 'hitrust-csf']);
  await eventually(() => counts(['domain:health', 'domain:government', 'domain:cloud', 'domain:security', 'domain:payments']), ['3', '3', '3', '1', '0'], 'domain counts under us');
  await chip('domain:health').click();
  await expectRows(page, ['hipaa-eligible', 'hipaa-baa', 'hitrust-csf']);
  // A facet's own selection is ignored for its counts: jurisdiction counts under health.
  await eventually(() => counts(['jurisdiction:us', 'jurisdiction:global', 'jurisdiction:sg']), ['3', '0', '0'], 'jurisdiction counts under health');
  assert.deepEqual((await state(page)).tags, ['jurisdiction:us', 'domain:health']);
  // Counts also follow the text filter.
  await page.locator(`${W} input[part=search]`).fill('baa');
  await expectRows(page, ['hipaa-baa']);
  await eventually(() => counts(['domain:health', 'domain:government']), ['1', '0'], 'domain counts under us + "baa"');
  assert.deepEqual(page.problems, []);
});

test('columns: show/hide and reorder by keyboard and mouse; the last column cannot be hidden', T, async () => {
  const page = await open();
  const details = page.locator(`${W} details[part=columns]`);
  const box = (s) => page.locator(`${W} input[type=checkbox][data-service=${s}]`);
  const cellServices = () =>
    page.locator(W).evaluate((el) => [...el.shadowRoot.querySelectorAll('table[part=table] tr[data-program=irap] td[data-service]')].map((td) => td.dataset.service));
  assert.equal(await details.evaluate((d) => d.open), false);
  // Keyboard: Enter on the summary opens it; Space on a checkbox hides ECS.
  await details.locator('summary').focus();
  await page.keyboard.press('Enter');
  await eventually(() => details.evaluate((d) => d.open), true, 'Enter opens the column chooser');
  await box('ecs').focus();
  await page.keyboard.press('Space');
  await eventually(() => headerKeys(page), ['program', 'eks', 'fargate', 'ecr', 'coverage'], 'ECS hidden');
  assert.deepEqual(await cellServices(), ['eks', 'fargate', 'ecr']);
  assert.equal(await box('ecs').isChecked(), false);
  // Mouse: move Fargate left.
  await page.locator(`${W} button[data-move-up=fargate]`).click();
  await eventually(() => headerKeys(page), ['program', 'fargate', 'eks', 'ecr', 'coverage'], 'Fargate moved left');
  assert.deepEqual(await cellServices(), ['fargate', 'eks', 'ecr']);
  assert.deepEqual((await state(page)).services, ['fargate', 'eks', 'ecr']);
  // Keyboard: Enter on "move right" moves it back.
  await page.locator(`${W} button[data-move-down=fargate]`).focus();
  await page.keyboard.press('Enter');
  await eventually(() => headerKeys(page), ['program', 'eks', 'fargate', 'ecr', 'coverage'], 'Fargate moved right');
  // The first column cannot move left, the last cannot move right.
  assert.equal(await page.locator(`${W} button[data-move-up=eks]`).isDisabled(), true);
  assert.equal(await page.locator(`${W} button[data-move-down=ecr]`).isDisabled(), true);
  // Hide down to one column: its checkbox is disabled and stays checked.
  await box('eks').click();
  await box('fargate').click();
  await eventually(() => headerKeys(page), ['program', 'ecr', 'coverage'], 'only ECR left');
  assert.equal(await box('ecr').isChecked(), true);
  assert.equal(await box('ecr').isDisabled(), true);
  await box('ecr').click({ force: true });
  await eventually(() => headerKeys(page), ['program', 'ecr', 'coverage'], 'the last column stays');
  // Showing ECS again puts it back in dataset order.
  await box('ecs').click();
  await eventually(() => headerKeys(page), ['program', 'ecs', 'ecr', 'coverage'], 'ECS back before ECR');
  assert.deepEqual((await state(page)).services, ['ecs', 'ecr']);
  assert.equal(await page.locator(`${W} table[part=table] tr[data-program] td[data-service]`).count(), 40);
  assert.deepEqual(page.problems, []);
});

test('sort: a header cycles ascending → descending → seed order, with aria-sort, by mouse and Enter', T, async () => {
  const page = await open();
  const eks = page.locator(`${W} th[scope=col][data-key=eks]`);
  assert.deepEqual(await ariaSorts(page), { program: 'none', ecs: 'none', eks: 'none', fargate: 'none', ecr: 'none', coverage: 'none' });
  await eks.locator('button').click();
  await expectRows(page, EKS_ASC);
  assert.deepEqual(await ariaSorts(page), { program: 'none', ecs: 'none', eks: 'ascending', fargate: 'none', ecr: 'none', coverage: 'none' });
  await eks.locator('button').focus();
  await page.keyboard.press('Enter');
  await expectRows(page, EKS_DESC);
  assert.equal(await eks.getAttribute('aria-sort'), 'descending');
  assert.equal((await state(page)).sort, 'eks:desc');
  await page.keyboard.press('Enter');
  await expectRows(page, SEED);
  assert.equal(await eks.getAttribute('aria-sort'), 'none');
  assert.equal((await state(page)).sort, '');
  // Program, with the keyboard: Space also activates the button.
  await page.locator(`${W} th[data-key=program] button`).focus();
  await page.keyboard.press('Space');
  await expectRows(page, [
    'c5', 'dod-cc-srg', 'ens-high', 'fedramp-high', 'fedramp-moderate', 'hipaa-baa', 'hipaa-eligible', 'hitrust-csf',
    'irap', 'iso-27001', 'iso-27017', 'iso-27018', 'iso-9001', 'k-isms', 'mtcs', 'ospar', 'pci-dss-level-1',
    'soc-1', 'soc-2', 'soc-3',
  ]);
  // Coverage descending: 4 in scope first (seed order), then 3 (irap, mtcs, c5, k-isms, ens-high),
  // then 2 + 1 in progress (fedramp-moderate, dod-cc-srg), then 2 (fedramp-high, ospar).
  const cov = page.locator(`${W} th[data-key=coverage] button`);
  await cov.click();
  await cov.click();
  assert.equal(await page.locator(`${W} th[data-key=coverage]`).getAttribute('aria-sort'), 'descending');
  await expectRows(page, [
    ...SEED.filter((id) => !GAPS_ALL.includes(id)),
    'irap', 'mtcs', 'c5', 'k-isms', 'ens-high', 'fedramp-moderate', 'dod-cc-srg', 'fedramp-high', 'ospar',
  ]);
  assert.deepEqual(page.problems, []);
});

test('multi-key sort: shift-click and Shift+Enter add a secondary key; a plain click replaces the sort', T, async () => {
  const page = await open();
  const fargate = page.locator(`${W} th[data-key=fargate]`);
  const program = page.locator(`${W} th[data-key=program]`);
  await fargate.locator('button').click();
  await expectRows(page, [...FARGATE_IN_SEED, ...FARGATE_OUT]);
  // Mouse: shift-click adds program ascending as the secondary key.
  await program.locator('button').click({ modifiers: ['Shift'] });
  await expectRows(page, FARGATE_ASC_PROGRAM_ASC);
  assert.equal((await state(page)).sort, 'fargate:asc,program:asc');
  // aria-sort is on the primary key only.
  assert.equal(await fargate.getAttribute('aria-sort'), 'ascending');
  assert.equal(await program.getAttribute('aria-sort'), 'none');
  // Keyboard: Shift+Enter on the program button flips the secondary key to descending.
  await program.locator('button').focus();
  await page.keyboard.press('Shift+Enter');
  await expectRows(page, FARGATE_ASC_PROGRAM_DESC);
  assert.equal((await state(page)).sort, 'fargate:asc,program:desc');
  assert.equal(await fargate.getAttribute('aria-sort'), 'ascending');
  assert.equal(await program.getAttribute('aria-sort'), 'none');
  // A third additive activation removes the secondary key: seed order breaks the ties again.
  await page.keyboard.press('Shift+Enter');
  await expectRows(page, [...FARGATE_IN_SEED, ...FARGATE_OUT]);
  assert.equal((await state(page)).sort, 'fargate:asc');
  // A plain click on another header replaces the whole sort.
  await program.locator('button').click({ modifiers: ['Shift'] });
  await expectRows(page, FARGATE_ASC_PROGRAM_ASC);
  await program.locator('button').click();
  assert.equal((await state(page)).sort, 'program:asc');
  assert.equal(await fargate.getAttribute('aria-sort'), 'none');
  assert.equal(await program.getAttribute('aria-sort'), 'ascending');
  assert.deepEqual(page.problems, []);
});

test('empty state names the filters; its button and the toolbar "Clear filters" reset them', T, async () => {
  const page = await open();
  assert.equal(await page.locator(`${W} button[part=clear-filters]`).count(), 0, 'no Clear filters when unfiltered');
  assert.equal(await page.locator(`${W} [part=empty]`).count(), 0);
  await page.locator(`${W} input[part=search]`).fill('hipaa');
  await page.locator(`${W} select[part=status-filter]`).selectOption('fargate:not-in-scope');
  await expectRows(page, []);
  await expectCount(page, '0 of 20 programs');
  const empty = page.locator(`${W} [part=empty]`);
  await empty.waitFor();
  const text = await empty.textContent();
  assert.match(text, /No program matches/);
  assert.match(text, /hipaa/);
  assert.match(text, /ECS Fargate: not in scope/);
  assert.equal(await page.locator(`${W} button[part=clear-filters]`).count(), 1);
  // Keyboard: Enter on the empty state's button clears every filter.
  await page.locator(`${W} [part=empty-clear]`).focus();
  await page.keyboard.press('Enter');
  await expectRows(page, SEED);
  assert.equal(await page.locator(`${W} input[part=search]`).inputValue(), '');
  assert.equal(await page.locator(`${W} select[part=status-filter]`).inputValue(), 'any');
  assert.equal(await page.locator(`${W} [part=empty]`).count(), 0);
  assert.equal(await page.locator(`${W} button[part=clear-filters]`).count(), 0);
  // The toolbar button (mouse): gaps + a chip, then clear; the sort is not a filter and stays.
  await page.locator(`${W} th[data-key=program] button`).click();
  await page.locator(`${W} input[part=gaps]`).click();
  await page.locator(`${W} button[data-tag="jurisdiction:sg"]`).click();
  await expectRows(page, ['mtcs', 'ospar']);
  await page.locator(`${W} button[part=clear-filters]`).click();
  await eventually(async () => (await state(page)).visible.length, 20, 'all rows back');
  const s = await state(page);
  assert.equal(s.gaps, false);
  assert.deepEqual(s.tags, []);
  assert.equal(s.sort, 'program:asc');
  assert.equal(await page.locator(`${W} button[data-tag="jurisdiction:sg"]`).getAttribute('aria-pressed'), 'false');
  assert.deepEqual(page.problems, []);
});

/** Sets up: status eks:in-progress, Fargate hidden, EKS moved first, sorted by program. */
async function exportState(page) {
  await page.locator(`${W} select[part=status-filter]`).selectOption('eks:in-progress');
  await page.locator(`${W} details[part=columns] > summary`).click();
  await page.locator(`${W} input[type=checkbox][data-service=fargate]`).click();
  await page.locator(`${W} button[data-move-up=eks]`).click();
  await page.locator(`${W} details[part=columns] > summary`).click(); // close the chooser
  await page.locator(`${W} th[data-key=program] button`).click();
  await expectRows(page, ['dod-cc-srg', 'fedramp-moderate']);
  await eventually(() => headerKeys(page), ['program', 'eks', 'ecs', 'ecr', 'coverage'], 'columns eks, ecs, ecr');
}
const EXPECTED_CSV =
  'Compliance Program,Amazon EKS,Amazon ECS,Amazon ECR\r\n' +
  'DOD CC SRG,Undergoing assessment,1,1\r\n' +
  'FedRAMP Moderate (East/West),3PAO Assessment,1,1\r\n';

test('exportCsv/Json/Markdown return exactly the visible rows and columns, without coverage', T, async () => {
  const page = await open();
  await exportState(page);
  const out = await page.locator(W).evaluate((el) => ({ csv: el.exportCsv(), json: el.exportJson(), md: el.exportMarkdown() }));
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
  await page.locator(`${W} button[part=clear-filters]`).click();
  await page.locator(`${W} details[part=columns] > summary`).click();
  await page.locator(`${W} input[type=checkbox][data-service=fargate]`).click();
  await page.locator(`${W} details[part=columns] > summary`).click();
  await page.locator(`${W} th[data-key=program] button`).click(); // desc
  await page.locator(`${W} th[data-key=program] button`).click(); // seed order
  await expectRows(page, SEED);
  const csv = await page.locator(W).evaluate((el) => el.exportCsv());
  const csvLines = csv.split('\r\n');
  assert.equal(csvLines.length, 22); // header + 20 rows + final empty string
  assert.equal(csvLines[0], 'Compliance Program,Amazon EKS,Amazon ECS,ECS Fargate,Amazon ECR');
  assert.equal(csvLines[1], 'PCI DSS Level 1,1,1,1,1');
  assert.equal(csvLines[11], 'FedRAMP Moderate (East/West),3PAO Assessment,1,0,1');
  assert.equal(csvLines[20], 'HITRUST CSF,1,1,1,1');
  assert.deepEqual(page.problems, []);
});

test('export buttons download the same text as the methods, named by the as-of date', T, async () => {
  const page = await open();
  await exportState(page);
  const methods = await page.locator(W).evaluate((el) => ({ csv: el.exportCsv(), json: el.exportJson(), markdown: el.exportMarkdown() }));
  const ext = { csv: 'csv', json: 'json', markdown: 'md' };
  for (const kind of ['csv', 'json', 'markdown']) {
    const button = page.locator(`${W} button[data-export=${kind}]`);
    const [download] = await Promise.all([
      page.waitForEvent('download', { timeout: 10000 }),
      kind === 'json' ? button.focus().then(() => page.keyboard.press('Enter')) : button.click(),
    ]);
    assert.equal(download.suggestedFilename(), `compliance-matrix-2020-04-21.${ext[kind]}`);
    const text = await readFile(await download.path(), 'utf8');
    assert.equal(text, methods[kind], `${kind} download equals export${kind}()`);
    await eventually(
      () => page.locator(`${W} [part=message]`).textContent(),
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
  const page = await open('/index.html', perms);
  await page.locator(`${W} input[part=search]`).fill('iso 27');
  await page.locator(`${W} th[data-key=program] button`).click();
  await page.locator(`${W} th[data-key=program] button`).click();
  await expectRows(page, ['iso-27018', 'iso-27017', 'iso-27001']);
  await page.locator(`${W} button[part=copy-link]`).click();
  await eventually(() => page.locator(`${W} [part=message]`).textContent(), 'Link copied', 'message');
  assert.equal(
    await page.evaluate(() => navigator.clipboard.readText()),
    `${env.base}/index.html#demo.query=iso%2027&demo.sort=program:desc`,
  );
  assert.deepEqual(page.problems, []);

  // A sync-url page: copy from widget b (keyboard), open the link in a fresh page.
  const p2 = await open('/tests/e2e/fixtures/sync-two.html', perms);
  await p2.locator('#b button[data-tag="jurisdiction:us"]').click();
  await p2.locator('#b select[part=status-filter]').selectOption('eks:in-progress');
  await expectRows(p2, ['fedramp-moderate', 'dod-cc-srg'], 'b filtered', '#b');
  await p2.locator('#b button[part=copy-link]').focus();
  await p2.keyboard.press('Enter');
  await eventually(() => p2.locator('#b [part=message]').textContent(), 'Link copied', 'message');
  const link = await p2.evaluate(() => navigator.clipboard.readText());
  assert.equal(link, `${env.base}/tests/e2e/fixtures/sync-two.html#b.status=eks:in-progress&b.tags=jurisdiction:us`);
  const p3 = await env.page();
  await p3.goto(link);
  await widgetReady(p3, '#b');
  await expectRows(p3, ['fedramp-moderate', 'dod-cc-srg'], 'b restored from the link', '#b');
  await expectRows(p3, SEED, 'a untouched', '#a');
  assert.equal(await p3.locator('#b select[part=status-filter]').inputValue(), 'eks:in-progress');
  assert.equal(await p3.locator('#b button[data-tag="jurisdiction:us"]').getAttribute('aria-pressed'), 'true');
  assert.deepEqual(p2.problems, []);
  assert.deepEqual(p3.problems, []);
});

test('cm-change bubbles out of the shadow root after each user change with the state; el.state agrees', T, async () => {
  const page = await open();
  await page.evaluate(() => {
    window.changes = [];
    document.addEventListener('cm-change', (e) => {
      window.changes.push({ detail: e.detail, bubbles: e.bubbles, composed: e.composed, target: e.target.id });
    });
  });
  const changes = () => page.evaluate(() => window.changes);
  await page.locator(`${W} input[part=search]`).focus();
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
  await page.locator(`${W} button[data-tag="domain:cloud"]`).click();
  await page.locator(`${W} th[data-key=program] button`).click();
  await page.locator(`${W} th[data-key=program] button`).click();
  await page.locator(`${W} input[part=gaps]`).click();
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
  assert.deepEqual(await state(page), last);
  assert.deepEqual(page.problems, []);
});

test('attributes set the initial view and later attribute/property changes apply', T, async () => {
  const page = await host(
    '<compliance-matrix id="x" services="eks,ecs" status="eks:not-in-scope" sort="program:desc" view="table" theme="dark"></compliance-matrix>',
    { selector: '#x' },
  );
  const X = '#x';
  await expectRows(page, ['ospar', 'irap', 'fedramp-high'], 'eks not in scope, program descending', X);
  assert.deepEqual(await headerKeys(page, X), ['program', 'eks', 'ecs', 'coverage']);
  assert.equal(await page.locator(`${X} th[data-key=program]`).getAttribute('aria-sort'), 'descending');
  assert.equal(await page.locator(`${X} svg[part=diagram]`).count(), 0, 'view=table has no diagram');
  assert.equal(await page.locator(X).evaluate((el) => el.shadowRoot.querySelector('[part=root]').classList.contains('cm-theme-dark')), true);
  assert.equal(await page.locator(`${X} select[part=status-filter]`).inputValue(), 'eks:not-in-scope');
  let s = await state(page, X);
  assert.deepEqual([s.services, s.status, s.sort, s.view], [['eks', 'ecs'], 'eks:not-in-scope', 'program:desc', 'table']);
  // Attribute changes.
  await page.locator(X).evaluate((el) => {
    el.removeAttribute('status');
    el.setAttribute('query', 'iso 27');
  });
  await expectRows(page, ['iso-27018', 'iso-27017', 'iso-27001'], 'query attribute', X);
  assert.equal(await page.locator(`${X} input[part=search]`).inputValue(), 'iso 27');
  // Properties reflect attributes.
  await page.locator(X).evaluate((el) => {
    el.query = null;
    el.gaps = true;
    el.tags = 'jurisdiction:sg';
  });
  await expectRows(page, ['ospar'], 'gaps over eks,ecs within Singapore', X);
  assert.equal(await page.locator(X).evaluate((el) => [el.hasAttribute('gaps'), el.getAttribute('tags')].join()), 'true,jurisdiction:sg');
  assert.equal(await page.locator(`${X} input[part=gaps]`).isChecked(), true);
  assert.equal(await page.locator(`${X} button[data-tag="jurisdiction:sg"]`).getAttribute('aria-pressed'), 'true');
  await page.locator(X).evaluate((el) => {
    el.setAttribute('sort', 'eks:asc');
    el.removeAttribute('services');
    el.gaps = false;
    el.tags = 'jurisdiction:us,domain:health';
    el.theme = 'light';
  });
  await expectRows(page, ['hipaa-eligible', 'hipaa-baa', 'hitrust-csf'], 'us + health', X);
  assert.deepEqual(await headerKeys(page, X), ['program', ...SERVICES, 'coverage']);
  assert.equal(await page.locator(`${X} th[data-key=eks]`).getAttribute('aria-sort'), 'ascending');
  assert.equal(await page.locator(X).evaluate((el) => el.shadowRoot.querySelector('[part=root]').classList.contains('cm-theme-light')), true);
  s = await state(page, X);
  assert.deepEqual([s.services, s.tags, s.gaps, s.query], [SERVICES, ['jurisdiction:us', 'domain:health'], false, '']);
  // view=diagram hides the table.
  await page.locator(X).evaluate((el) => el.setAttribute('view', 'diagram'));
  await eventually(() => page.locator(`${X} table[part=table]`).count(), 0, 'no table in diagram view');
  assert.equal(await page.locator(`${X} svg[part=diagram]`).count(), 1);
  assert.deepEqual(page.problems, []);
});

test('sync-url: the state goes to location.hash under the element id (or "cm") and a reload restores it', T, async () => {
  // No id: the prefix is "cm".
  const page = await host('<compliance-matrix sync-url view="table"></compliance-matrix>');
  await page.locator(`${W} input[part=search]`).fill('iso 27');
  await page.locator(`${W} th[data-key=program] button`).click();
  await expectRows(page, ['iso-27001', 'iso-27017', 'iso-27018']);
  await eventually(() => page.evaluate(() => location.hash), '#cm.query=iso%2027&cm.sort=program:asc', 'hash');
  await page.reload();
  await page.evaluate(async () => {
    await customElements.whenDefined('compliance-matrix');
    document.getElementById('host').innerHTML = '<compliance-matrix sync-url view="table"></compliance-matrix>';
  });
  await widgetReady(page);
  await expectRows(page, ['iso-27001', 'iso-27017', 'iso-27018'], 'restored after reload');
  assert.equal(await page.locator(`${W} input[part=search]`).inputValue(), 'iso 27');
  assert.equal(await page.locator(`${W} th[data-key=program]`).getAttribute('aria-sort'), 'ascending');

  // Two widgets with ids a and b: independent keys in one hash.
  const two = await open('/tests/e2e/fixtures/sync-two.html');
  await two.locator('#a input[part=search]').fill('iso 27');
  await two.locator('#a th[data-key=program] button').click();
  await two.locator('#a th[data-key=program] button').click();
  await two.locator('#b button[data-tag="jurisdiction:sg"]').click();
  await two.locator('#b details[part=columns] > summary').click();
  await two.locator('#b input[data-service=fargate]').click();
  await two.locator('#b input[data-service=ecr]').click();
  await two.locator('#b input[part=gaps]').click();
  await expectRows(two, ['iso-27018', 'iso-27017', 'iso-27001'], 'a', '#a');
  await expectRows(two, ['ospar'], 'b: Singapore, gaps over ecs,eks', '#b');
  await eventually(() => hashMap(two), {
    'a.query': 'iso 27',
    'a.sort': 'program:desc',
    'b.tags': 'jurisdiction:sg',
    'b.services': 'ecs,eks',
    'b.gaps': '1',
  }, 'both widgets in the hash');
  await two.reload();
  await widgetReady(two, '#a');
  await widgetReady(two, '#b');
  await expectRows(two, ['iso-27018', 'iso-27017', 'iso-27001'], 'a after reload', '#a');
  await expectRows(two, ['ospar'], 'b after reload', '#b');
  assert.deepEqual(await headerKeys(two, '#b'), ['program', 'ecs', 'eks', 'coverage']);
  assert.equal(await two.locator('#b input[part=gaps]').isChecked(), true);
  assert.equal(await two.locator('#a input[part=search]').inputValue(), 'iso 27');
  // Clearing a's filters removes only a's filter keys.
  await two.locator('#a button[part=clear-filters]').click();
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
  const page = await open('/tests/e2e/fixtures/sync-two.html');
  const chip = (tag) => page.locator(`#a button[data-tag="${tag}"]`);
  await chip('jurisdiction:sg').click();
  await expectRows(page, ['mtcs', 'ospar'], 'sg', '#a');
  await chip('jurisdiction:de').focus();
  await page.keyboard.press('Enter');
  await expectRows(page, ['mtcs', 'c5', 'ospar'], 'sg + de', '#a');
  await page.locator('#a th[data-key=program] button').click();
  await expectRows(page, ['c5', 'mtcs', 'ospar'], 'sorted', '#a');
  await page.goBack();
  await expectRows(page, ['mtcs', 'c5', 'ospar'], 'back: unsorted', '#a');
  assert.equal(await page.locator('#a th[data-key=program]').getAttribute('aria-sort'), 'none');
  await page.goBack();
  await expectRows(page, ['mtcs', 'ospar'], 'back: sg only', '#a');
  assert.equal(await chip('jurisdiction:de').getAttribute('aria-pressed'), 'false');
  await page.goBack();
  await expectRows(page, SEED, 'back: the start', '#a');
  assert.equal(await chip('jurisdiction:sg').getAttribute('aria-pressed'), 'false');
  await page.goForward();
  await expectRows(page, ['mtcs', 'ospar'], 'forward: sg', '#a');
  await page.goForward();
  await page.goForward();
  await expectRows(page, ['c5', 'mtcs', 'ospar'], 'forward: sg + de, sorted', '#a');
  assert.equal(await page.locator('#a th[data-key=program]').getAttribute('aria-sort'), 'ascending');
  await expectRows(page, SEED, 'b never changed', '#b');
  assert.deepEqual(page.problems, []);
});

test('print: the toolbar hides, the active filters and sort are printed, as-of and source stay', T, async () => {
  const page = await open();
  await page.locator(`${W} input[part=search]`).fill('iso 27');
  await page.locator(`${W} button[data-tag="domain:cloud"]`).click();
  await page.locator(`${W} th[data-key=program] button`).click();
  await page.locator(`${W} th[data-key=program] button`).click();
  await expectRows(page, ['iso-27018', 'iso-27017']);
  const filters = page.locator(`${W} .cm-print-filters`);
  assert.equal(await filters.isVisible(), false, 'the print summary is hidden on screen');
  assert.equal(await page.locator(`${W} [part=toolbar]`).isVisible(), true);
  await page.emulateMedia({ media: 'print' });
  await eventually(() => page.locator(`${W} [part=toolbar]`).isVisible(), false, 'toolbar hidden in print');
  assert.equal(await page.locator(`${W} input[part=search]`).isVisible(), false);
  assert.equal(await filters.isVisible(), true);
  const text = await filters.textContent();
  assert.match(text, /2 of 20 programs/);
  assert.match(text, /iso 27/);
  assert.match(text, /Cloud/);
  assert.match(text, /program:desc/);
  const meta = page.locator(`${W} .cm-meta`);
  assert.equal(await meta.isVisible(), true);
  assert.match(await meta.textContent(), /As of 2020-04-21/);
  const source = meta.locator('a');
  assert.equal(await source.isVisible(), true);
  assert.match(await source.getAttribute('href'), /^https:\/\/github\.com\/aws\/aws-eks-best-practices\//);
  await expectRows(page, ['iso-27018', 'iso-27017'], 'the printed rows are the shown rows');
  await page.emulateMedia({ media: 'screen' });
  await eventually(() => page.locator(`${W} [part=toolbar]`).isVisible(), true, 'toolbar back on screen');
  assert.deepEqual(page.problems, []);
});

test('sticky header: scrolling the table wrapper keeps the header row at its top', T, async () => {
  const page = await open('/index.html', { viewport: { width: 1100, height: 600 } });
  const wrap = page.locator(`${W} [part=table-wrap]`);
  const th = page.locator(`${W} thead th[data-key=program]`);
  const firstRow = page.locator(`${W} tr[data-program=pci-dss-level-1]`);
  const dims = await wrap.evaluate((w) => ({ sh: w.scrollHeight, ch: w.clientHeight, mh: getComputedStyle(w).maxHeight }));
  assert.ok(dims.sh > dims.ch + 200, `the wrapper scrolls (${JSON.stringify(dims)})`);
  assert.equal(dims.mh, '480px', '80vh of a 600px viewport');
  await wrap.scrollIntoViewIfNeeded();
  const w0 = await wrap.boundingBox();
  const h0 = await th.boundingBox();
  const r0 = await firstRow.boundingBox();
  assert.ok(h0.y - w0.y > 5, 'before scrolling, the caption is above the header');
  await wrap.evaluate((w) => {
    w.scrollTop = 300;
  });
  await eventually(() => wrap.evaluate((w) => w.scrollTop), 300, 'scrolled');
  const w1 = await wrap.boundingBox();
  const h1 = await th.boundingBox();
  const r1 = await firstRow.boundingBox();
  assert.ok(Math.abs(r1.y - (r0.y - 300)) < 2, 'the rows moved up by 300px');
  assert.ok(h1.y >= w1.y && h1.y - w1.y <= 2, `header at the wrapper's top: th ${h1.y}, wrapper ${w1.y}`);
  // Every header cell sticks, and stays above the rows (the topmost element there is the header).
  const allTops = await page.locator(W).evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('table[part=table] thead th')].map((t) => Math.round(t.getBoundingClientRect().top)),
  );
  assert.equal(new Set(allTops).size, 1);
  const hit = await page.locator(W).evaluate((el, p) => {
    const e = el.shadowRoot.elementFromPoint(p.x, p.y);
    return Boolean(e && e.closest('thead'));
  }, { x: h1.x + h1.width / 2, y: h1.y + h1.height / 2 });
  assert.equal(hit, true, 'the header paints over the scrolled rows');
  assert.deepEqual(page.problems, []);
});
