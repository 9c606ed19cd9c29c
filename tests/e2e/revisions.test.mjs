// Revisions, compare mode and imports of CSV / Markdown through src, in the built widget.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, start } from './harness.mjs';

let env;
before(async () => {
  env = await start();
});
after(async () => {
  await env?.close();
});

/** A page with one widget with the given attributes; resolves when rows show. */
async function widget(attrs) {
  const page = await env.page();
  await page.goto(`${env.base}/tests/e2e/fixtures/blank.html`);
  await page.evaluate((attrs) => {
    const el = document.createElement('compliance-matrix');
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.getElementById('host').append(el);
  }, attrs);
  await page.locator('compliance-matrix tr[data-program]').first().waitFor();
  return page;
}

const shadow = (page, fn, arg) => page.locator('compliance-matrix').evaluate(fn, arg);

test('compare="latest" marks the five EKS changes since the seed, old → new', { timeout: 60000 }, async () => {
  const page = await widget({ compare: 'latest' });
  const changes = await page.locator('compliance-matrix [part=changes] li').allTextContents();
  assert.deepEqual(changes, [
    'IRAP · Amazon EKS: not in scope → in scope',
    'FedRAMP Moderate (East/West) · Amazon EKS: in progress (3PAO Assessment) → in scope',
    'FedRAMP High (GovCloud) · Amazon EKS: not in scope → in scope',
    'DOD CC SRG · Amazon EKS: in progress (Undergoing assessment) → in progress (DISA Review (IL5))',
    'OSPAR · Amazon EKS: not in scope → in scope',
  ]);
  const changed = await shadow(page, (el) =>
    [...el.shadowRoot.querySelectorAll('td[data-changed]')].map((td) => [
      td.closest('tr').dataset.program, td.dataset.service, td.dataset.changed, td.dataset.status, td.textContent,
    ]),
  );
  assert.equal(changed.length, 5);
  const irap = changed.find((c) => c[0] === 'irap');
  assert.deepEqual(irap.slice(0, 4), ['irap', 'eks', 'not-in-scope', 'in-scope']);
  assert.match(irap[4], /Not in scope.*→.*In scope/);
  assert.equal((await page.locator('compliance-matrix').evaluate((el) => el.state)).compare, '2021-04-24');
  assert.match(await page.locator('compliance-matrix [part=warning]').textContent(), /changes over time/);
  assert.deepEqual(page.problems, []);
});

test('the oldest revision against the seed: added and removed rows and the odd-row note', { timeout: 60000 }, async () => {
  const page = await widget({ revision: '2020-03-25', compare: '2020-04-21' });
  const diff = await shadow(page, (el) =>
    [...el.shadowRoot.querySelectorAll('tr[data-diff]')].map((tr) => [tr.dataset.program, tr.dataset.diff]),
  );
  assert.deepEqual(diff, [
    ['fedramp-moderate', 'added'], ['fedramp-high', 'added'], ['hipaa-baa', 'added'], ['ospar', 'added'],
    ['hitrust-csf', 'added'], ['fedramp', 'removed'], ['jab-review', 'removed'],
  ]);
  assert.equal(await page.locator('compliance-matrix td[data-changed]').count(), 13);
  const notes = await page.locator('compliance-matrix [part=revision-note]').allTextContents();
  assert.ok(notes.some((n) => n.includes('JAB Review')), notes.join('\n'));
  assert.deepEqual(page.problems, []);
});

test('the revision and compare pickers work by keyboard and fire cm-change', { timeout: 60000 }, async () => {
  const page = await widget({});
  await page.evaluate(() => {
    window.events = [];
    document.querySelector('compliance-matrix').addEventListener('cm-change', (e) => window.events.push(e.detail));
  });
  const revision = page.locator('compliance-matrix select[part=revision]');
  await revision.focus();
  await page.keyboard.press('End'); // 2021-04-24 (latest)
  await eventually(() => page.locator('compliance-matrix').evaluate((el) => el.state.revision), '2021-04-24');
  await eventually(async () => (await shadow(page, (el) => el.shadowRoot.querySelector('tr[data-program=irap] td[data-service=eks]').dataset.status)), 'in-scope');
  await page.locator('compliance-matrix select[part=compare]').selectOption('2020-03-25');
  await page.locator('compliance-matrix [part=changes]').waitFor();
  const last = await page.evaluate(() => window.events.at(-1));
  assert.equal(last.revision, '2021-04-24');
  assert.equal(last.compare, '2020-03-25');
  await page.locator('compliance-matrix select[part=compare]').selectOption('');
  await eventually(() => page.locator('compliance-matrix [part=changes]').count(), 0);
  assert.deepEqual(page.problems, []);
});

test('an unknown revision is an error that names the attribute and lists the choices', { timeout: 60000 }, async () => {
  const page = await widget({ revision: '2019-01-01' });
  const alert = await page.locator('compliance-matrix [role=alert][part=error]').textContent();
  assert.match(alert, /revision: unknown revision '2019-01-01' \(expected one of 2020-03-25, 2020-04-21, 2020-04-24, 2020-10-06, 2020-10-13, 2021-04-24, or latest\)/);
  assert.equal(await page.locator('compliance-matrix tr[data-program]').count(), 20);
});

test('src imports a Markdown revision and a CSV with an unknown service and aliases', { timeout: 60000 }, async () => {
  const page = await widget({ src: '/tests/fixtures/import/latest.md' });
  await eventually(async () => (await shadow(page, (el) => el.shadowRoot.querySelector('tr[data-program=irap] td[data-service=eks]')?.dataset.status)), 'in-scope');
  assert.equal(await page.locator('compliance-matrix tr[data-program]').count(), 20);
  assert.equal(await page.locator('compliance-matrix select[part=revision]').count(), 0, 'revisions apply to the embedded matrix only');
  await page.locator('compliance-matrix').evaluate((el) => el.setAttribute('src', '/tests/fixtures/import/own.csv'));
  await eventually(() => page.locator('compliance-matrix tr[data-program]').count(), 3);
  const rows = await shadow(page, (el) =>
    [...el.shadowRoot.querySelectorAll('tr[data-program]')].map((tr) => [
      tr.dataset.program,
      ...[...tr.querySelectorAll('td[data-service]')].map((td) => `${td.dataset.service}=${td.dataset.status}`),
    ]),
  );
  assert.deepEqual(rows, [
    ['soc-2', 'ecs=in-scope', 'aws-lambda=in-scope', 'fargate=in-scope'],
    ['iso-27001', 'ecs=in-scope', 'aws-lambda=not-in-scope', 'fargate=in-progress'],
    ['my-internal-baseline', 'ecs=unknown', 'aws-lambda=not-in-scope', 'fargate=unknown'],
  ]);
  assert.match(await page.locator('compliance-matrix tr[data-program=iso-27001] td[data-service=fargate]').textContent(), /JAB Review/);
  assert.deepEqual(page.problems, []);
});
