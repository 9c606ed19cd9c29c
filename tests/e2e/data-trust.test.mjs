// Data you can trust (the review of 2026-12): six revisions, the seed's superseded cells marked,
// what "in scope" means, the diagram on the right columns, and never the embedded matrix shown as
// a page's own data while its src loads, after it fails, or after a move.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, poll, session, BLANK, DOM, sel, MatrixPage } from './support/matrix-page.mjs';

const env = session();
const T = { timeout: 90000 };
const CSV = '/tests/fixtures/import/own.csv';

test('six revisions; the seed view marks the five EKS cells the latest revision reads otherwise', T, async () => {
  const cm = await env.widget();
  const revisions = await cm.revisionPicker.locator('option').evaluateAll((os) => os.map((o) => o.value));
  assert.deepEqual(revisions, ['2020-03-25', '2020-04-21', '2020-04-24', '2020-10-06', '2020-10-13', '2021-04-24']);
  // How current the upstream table is: in About this data.
  assert.match(await cm.revisionStatus.textContent(), /has not changed since 2021-04-24; AWS's current page is the authority/);
  await cm.closeMenus();
  const marked = () =>
    cm.inRoot((root) => [...root.querySelectorAll('td[data-superseded]')].map((td) => [td.closest('tr').dataset.program, td.dataset.service, td.dataset.superseded]));
  assert.deepEqual(await marked(), [
    ['irap', 'eks', 'in-scope'],
    ['fedramp-moderate', 'eks', 'in-scope'],
    ['fedramp-high', 'eks', 'in-scope'],
    ['dod-cc-srg', 'eks', 'in-progress'],
    ['ospar', 'eks', 'in-scope'],
  ]);
  // A short mark in the cell, since a cell holds no sentence: the later status as a symbol on
  // screen, the sentence as the cell's text for screen readers and as its tooltip.
  const later = (program) =>
    cm.locator(`${sel.cell(program, 'eks')} ${DOM.later}`).evaluate((m) => ({
      shown: m.querySelector('[aria-hidden=true]').textContent,
      spoken: m.querySelector('.cm-vh').textContent,
      title: m.getAttribute('title'),
    }));
  const IRAP_LATER = 'Later: In scope, 2021-04-24';
  const DOD_LATER = 'Later: In progress (DISA Review (IL5)), 2021-04-24';
  assert.deepEqual(await later('irap'), { shown: '›✓', spoken: IRAP_LATER, title: IRAP_LATER });
  assert.deepEqual(await later('dod-cc-srg'), { shown: '›◐', spoken: DOD_LATER, title: DOD_LATER });
  // The sentence is also in the cell's details, with the cell's history.
  const details = await cm.openDetails('irap', 'eks');
  assert.equal(await details.locator('.cm-details-later').textContent(), IRAP_LATER);
  await cm.closeDetails();
  assert.match(await cm.locator(DOM.superseded).textContent(), /^5 cells shown read otherwise in the latest revision \(2021-04-24\)/);
  // The count follows what is shown.
  await cm.search('fedramp');
  await eventually(() => cm.locator(DOM.superseded).textContent(), '2 cells shown read otherwise in the latest revision (2021-04-24). Show the latest');
  await cm.search('');
  // The button shows the latest revision: no marks there.
  await cm.locator(DOM.showLatest).click();
  await eventually(async () => (await cm.state()).revision, '2021-04-24');
  await eventually(() => marked(), []);
  assert.equal(await cm.locator(DOM.superseded).count(), 0);
  assert.deepEqual(cm.page.problems, []);
});

test('"in scope" is explained with AWS Artifact, and the orchestrator columns are named', T, async () => {
  const cm = await env.widget();
  // One click away, in About this data, so that nothing stands above the table.
  assert.equal(await cm.locator(DOM.note).count(), 0, 'the notes are not shown before About this data opens');
  await cm.openAbout();
  const notes = await cm.inRoot((root) => [...root.querySelectorAll('[part=note]')].map((p) => ({ text: p.textContent, links: [...p.querySelectorAll('a')].map((a) => a.href) })));
  const scope = notes.find((n) => /scope of AWS's third-party audits/.test(n.text));
  assert.ok(scope, JSON.stringify(notes));
  assert.match(scope.text, /not that a workload running on it is compliant/);
  assert.deepEqual(scope.links, ['https://aws.amazon.com/artifact/']);
  assert.ok(notes.some((n) => /ECS and EKS columns are the orchestrators/.test(n.text)));
});

test('each variant names the table columns it stands for, and highlighting follows them', T, async () => {
  const cm = await env.widget();
  const services = await cm.inRoot((root) => Object.fromEntries([...root.querySelectorAll('svg[part=diagram] g[data-variant]')].map((g) => [g.dataset.variant, g.dataset.services])));
  assert.deepEqual(services, {
    'ecs-ec2': 'ecs',
    'ecs-fargate': 'ecs fargate',
    'eks-self-managed': 'eks',
    'eks-managed-nodes': 'eks',
    'eks-fargate': 'eks',
    ecr: 'ecr',
  });
  const marked = () => cm.inRoot((root) => [...root.querySelectorAll('g[data-variant][data-highlighted="true"]')].map((g) => g.dataset.variant));
  await cm.header('ecs').hover();
  assert.deepEqual(await poll(marked, (m) => m.length === 2), ['ecs-ec2', 'ecs-fargate']);
  await cm.header('fargate').hover();
  assert.deepEqual(await poll(marked, (m) => m.length === 1), ['ecs-fargate']);
  // Diagram → table: EKS on Fargate points at the EKS column only.
  await cm.locator('g[data-variant=eks-fargate] g[data-layer=data]').hover();
  const headers = () => cm.inRoot((root) => [...root.querySelectorAll('th[data-key][data-highlighted="true"]')].map((th) => th.dataset.key));
  assert.deepEqual(await poll(headers, (h) => h.length > 0), ['eks']);
  // Its band info says why (no column for EKS on Fargate; the GovCloud note).
  await cm.locator('g[data-variant=eks-fargate] g[data-layer=host-os]').click();
  assert.match(await cm.locator('[part=variant-note]').textContent(), /GovCloud/);
});

test('while a slow first src loads: no rows, "Loading…", no visible ids, exports refuse', T, async () => {
  const page = await env.page();
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route(`**${CSV}`, async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto(`${env.base}${BLANK}`);
  await page.evaluate((src) => {
    const el = document.createElement('compliance-matrix');
    el.setAttribute('src', src);
    document.getElementById('host').append(el);
  }, CSV);
  const cm = new MatrixPage(page);
  await eventually(() => cm.locator(DOM.count).textContent(), 'Loading…');
  assert.equal(await cm.locator(DOM.row).count(), 0, 'no embedded rows while loading');
  assert.equal(await cm.locator(DOM.cell).count(), 0);
  assert.equal(await cm.locator('.cm-title').textContent(), 'Compliance matrix', 'not the embedded title');
  assert.equal((await cm.locator('.cm-meta').textContent()).includes('2020-04-21'), false, 'not the embedded date');
  assert.deepEqual((await cm.state()).visible, []);
  const refused = await cm.evaluate((el) => {
    try {
      el.exportCsv();
      return null;
    } catch (e) {
      return e.message;
    }
  });
  assert.match(refused, /nothing to export: the data from .*own\.csv has not arrived/);
  release();
  await cm.ready(20000);
  assert.ok((await cm.state()).visible.length > 0);
  assert.match(await cm.evaluate((el) => el.exportCsv()), /^Compliance Program,/);
});

test('a failed first src shows the alert and no unlabelled embedded rows', T, async () => {
  const cm = await env.widget({ src: '/no/such/file.csv' }, { ready: false });
  await eventually(async () => (await cm.alertTexts()).some((t) => /no\/such\/file\.csv/.test(t)), true, 'the alert names the URL');
  assert.equal(await cm.locator(DOM.row).count(), 0);
  assert.equal(await cm.locator(DOM.count).textContent(), 'No data');
  assert.doesNotMatch(await cm.host.evaluate((el) => el.shadowRoot.textContent), /still shows the previous data/);
});

test('a moved element keeps its loaded data with the server down', T, async () => {
  const cm = await env.widget({ src: CSV }, { ready: 30000 });
  const before = await cm.programIds();
  let fetched = 0;
  await cm.page.route('**/*.csv', (route) => {
    fetched += 1;
    return route.abort('connectionrefused');
  });
  await cm.evaluate((el) => {
    el.remove();
    document.body.append(el);
  });
  await cm.ready(20000);
  assert.deepEqual(await cm.programIds(), before);
  assert.equal(fetched, 0, 'no refetch');
  assert.deepEqual(await cm.alertTexts(), []);
});

test('a later src change keeps the previous data, labelled as previous, until the new one arrives', T, async () => {
  const cm = await env.widget({ src: CSV }, { ready: 30000 });
  const before = await cm.programIds();
  let release;
  const gate = new Promise((r) => { release = r; });
  await cm.page.route('**/latest.md', async (route) => {
    await gate;
    await route.continue();
  });
  await cm.setAttribute('src', '/tests/fixtures/import/latest.md');
  await eventually(async () => /previous data until it arrives/.test(await cm.locator('[part=loading]').textContent().catch(() => '')), true, 'the loading line says the previous data stays');
  assert.deepEqual(await cm.programIds(), before, 'the previous rows stay meanwhile');
  release();
  await eventually(async () => (await cm.programIds()).length, 20, 'the new data arrives');
  assert.equal(await cm.locator('[part=loading]').count(), 0);
});
