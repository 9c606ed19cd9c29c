// Revisions, compare mode and imports of CSV / Markdown through src, in the built widget.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, session, DOM } from './support/matrix-page.mjs';

const env = session();

/** A page with one widget with the given attributes; resolves when rows show. */
const widget = (attrs) => env.widget(attrs, { ready: 30000 });

test('compare="latest" marks the five EKS changes since the seed, old → new', { timeout: 60000 }, async () => {
  const cm = await widget({ compare: 'latest' });
  // What changed is one line, closed, that says how many changes the table marks.
  assert.equal(await cm.changes.evaluate((d) => d.open), false, 'the list of changes starts closed');
  assert.equal(
    await cm.locator(`${DOM.changes} > summary`).textContent(),
    'What changed from 2020-04-21 to 2021-04-24 · The table shows 2021-04-24 with 5 changes marked (old → new).',
  );
  const changes = await cm.changeList();
  assert.deepEqual(changes, [
    'IRAP · Amazon EKS: not in scope → in scope',
    'FedRAMP Moderate (East/West) · Amazon EKS: in progress (3PAO Assessment) → in scope',
    'FedRAMP High (GovCloud) · Amazon EKS: not in scope → in scope',
    'DOD CC SRG · Amazon EKS: in progress (Undergoing assessment) → in progress (DISA Review (IL5))',
    'OSPAR · Amazon EKS: not in scope → in scope',
  ]);
  const changed = await cm.evaluate((el, D) =>
    [...el.shadowRoot.querySelectorAll('td[data-changed]')].map((td) => [
      td.closest(D.row).dataset.program, td.dataset.service, td.dataset.changed, td.dataset.status, td.textContent,
    ]),
  DOM);
  assert.equal(changed.length, 5);
  const irap = changed.find((c) => c[0] === 'irap');
  assert.deepEqual(irap.slice(0, 4), ['irap', 'eks', 'not-in-scope', 'in-scope']);
  assert.match(irap[4], /Not in scope.*→.*In scope/);
  assert.equal((await cm.state()).compare, '2021-04-24');
  assert.match(await cm.locator('[part=warning]').textContent(), /changes over time/);
  assert.deepEqual(cm.page.problems, []);
});

test('the oldest revision against the seed: added and removed rows and the odd-row note', { timeout: 60000 }, async () => {
  const cm = await widget({ revision: '2020-03-25', compare: '2020-04-21' });
  const diff = await cm.evaluate((el, D) =>
    [...el.shadowRoot.querySelectorAll(`${D.row}[data-diff]`)].map((tr) => [tr.dataset.program, tr.dataset.diff]),
  DOM);
  assert.deepEqual(diff, [
    ['fedramp-moderate', 'added'], ['fedramp-high', 'added'], ['hipaa-baa', 'added'], ['ospar', 'added'],
    ['hitrust-csf', 'added'], ['fedramp', 'removed'], ['jab-review', 'removed'],
  ]);
  assert.equal(await cm.locator('td[data-changed]').count(), 13);
  assert.match(await cm.locator(`${DOM.changes} > summary`).textContent(), /^What changed from 2020-03-25 to 2020-04-21 · The table shows 2020-04-21 with 20 changes marked/, '7 rows and 13 cells');
  // How odd rows were read: in the History menu, beside the pickers.
  const notes = await cm.revisionNotes.allTextContents();
  assert.ok(notes.some((n) => n.includes('JAB Review')), notes.join('\n'));
  assert.deepEqual(cm.page.problems, []);
});

test('the revision and compare pickers work by keyboard and fire cm-change', { timeout: 60000 }, async () => {
  const cm = await widget({});
  const { page } = cm;
  await page.evaluate(() => {
    window.events = [];
    document.querySelector('compliance-matrix').addEventListener('cm-change', (e) => window.events.push(e.detail));
  });
  const revision = cm.revisionPicker;
  await revision.focus();
  await page.keyboard.press('End'); // 2021-04-24 (latest)
  await eventually(async () => (await cm.state()).revision, '2021-04-24');
  await eventually(() => cm.cellStatus('irap', 'eks'), 'in-scope');
  await cm.comparePicker.selectOption('2020-03-25');
  await cm.changes.waitFor();
  const last = await page.evaluate(() => window.events.at(-1));
  assert.equal(last.revision, '2021-04-24');
  assert.equal(last.compare, '2020-03-25');
  await cm.comparePicker.selectOption('');
  await eventually(() => cm.changes.count(), 0);
  assert.deepEqual(page.problems, []);
});

test('an unknown revision is an error that names the attribute and lists the choices', { timeout: 60000 }, async () => {
  const cm = await widget({ revision: '2019-01-01' });
  const alert = await cm.alertBox.textContent();
  assert.match(alert, /revision: unknown revision '2019-01-01' \(expected one of 2020-03-25, 2020-04-21, 2020-04-24, 2020-10-06, 2020-10-13, 2021-04-24, or latest\)/);
  assert.equal(await cm.rowLocator.count(), 20);
});

test('src imports a Markdown revision and a CSV with an unknown service and aliases', { timeout: 60000 }, async () => {
  const cm = await widget({ src: '/tests/fixtures/import/latest.md' });
  await eventually(() => cm.cellStatus('irap', 'eks'), 'in-scope');
  assert.equal(await cm.rowLocator.count(), 20);
  assert.equal(await cm.menu('history').count(), 0, 'revisions apply to the embedded matrix only: no History menu');
  assert.equal(await cm.revisionPicker.count(), 0);
  await cm.setAttribute('src', '/tests/fixtures/import/own.csv');
  await eventually(() => cm.rowLocator.count(), 3);
  const rows = await cm.statusRows();
  assert.deepEqual(rows, [
    ['soc-2', 'ecs=in-scope', 'aws-lambda=in-scope', 'fargate=in-scope'],
    ['iso-27001', 'ecs=in-scope', 'aws-lambda=not-in-scope', 'fargate=in-progress'],
    ['my-internal-baseline', 'ecs=unknown', 'aws-lambda=not-in-scope', 'fargate=unknown'],
  ]);
  assert.match(await cm.cell('iso-27001', 'fargate').textContent(), /JAB Review/);
  assert.deepEqual(cm.page.problems, []);
});
