// Hardening e2e, CSP: the widget on a page with a strict Content-Security-Policy and
// Trusted Types (tests/hosts/security/csp-tt.html): zero violations while search, sort, filters,
// columns, exports, compare, a cell's details, the diagram and the error banner are used. Shared
// set-up: support/security-page.mjs.
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security-csp.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, MatrixPage, DOM } from './support/matrix-page.mjs';
import { securitySession, newPage, assertRequests, CSP_TT } from './support/security-page.mjs';

const env = securitySession();

test('strict CSP + Trusted Types: zero violations; search, sort, columns, export, compare, a cell\'s details and the diagram work', { timeout: 90000 }, async () => {
  const page = await newPage();
  const response = await page.goto(`${env.base}/tests/hosts/security/csp-tt.html`);
  assert.equal(response.headers()['content-security-policy'], CSP_TT);
  const strict = await new MatrixPage(page, '#strict').ready(20000);
  const rows = () => strict.programIds();
  assert.equal((await rows()).length, 20);
  await strict.search('hipaa');
  await eventually(rows, ['hipaa-eligible', 'hipaa-baa'], 'search');
  await strict.sortButton('program').click();
  await eventually(rows, ['hipaa-baa', 'hipaa-eligible'], 'sort');
  await strict.sortButton('program').click({ modifiers: ['Shift'] });
  await strict.search('');
  await strict.statusFilter.selectOption('fargate:not-in-scope');
  await eventually(async () => (await rows()).length, 8, 'status filter');
  await strict.gapsBox.click();
  await strict.chip('jurisdiction:us').click();
  await strict.columnsToggle.click();
  await strict.columnBox('ecr').click();
  await strict.moveUp('fargate').click();
  await page.keyboard.press('Escape');
  for (const kind of ['csv', 'json', 'markdown']) {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), strict.exportButton(kind).click()]);
    assert.match(download.suggestedFilename(), /^compliance-matrix-2020-04-21\.(csv|json|md)$/);
  }
  await strict.comparePicker.selectOption('2021-04-24');
  await strict.changes.waitFor();
  await strict.openChanges();
  // A cell's details sit under their cell (CSS anchor positioning, no inline style) under the
  // strict policy.
  const [program] = await rows();
  const details = await strict.openDetails(program, 'eks');
  const cellBottom = await strict.cell(program, 'eks').evaluate((c) => c.getBoundingClientRect().bottom);
  const detailsTop = await details.evaluate((d) => d.getBoundingClientRect().top);
  assert.ok(Math.abs(detailsTop - cellBottom) <= 8, `the details are placed under their cell (${detailsTop} vs ${cellBottom})`);
  assert.equal(await details.getAttribute('style'), null, 'no inline style');
  await strict.closeDetails();
  const band = strict.band('eks-fargate', 'iam');
  await band.click();
  assert.match(await strict.bandInfo.textContent(), /IAM|identity/i);
  await strict.diagram.focus();
  await page.keyboard.press('ArrowDown');
  await strict.variantToggle('ecr').click();
  await strict.locator(`${DOM.diagramTable} > summary`).click();
  // Errors render under the policy too.
  await strict.evaluate((el) => (el.data = { as_of: 'nope' }));
  await strict.alertBox.waitFor();
  const styled = await strict.evaluate((el, root) => getComputedStyle(el.shadowRoot.querySelector(root)).borderTopStyle, DOM.root);
  assert.equal(styled, 'solid', 'the constructable stylesheet applies');
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no securitypolicyviolation');
  assert.deepEqual(page.problems, [], 'no console error (a CSP or Trusted Types violation logs one)');
  // The policy is live: a string sink is refused (this one violation is the test's own).
  const sink = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      return 'allowed';
    } catch (e) {
      return e.name;
    }
  });
  assert.equal(sink, 'TypeError', 'Trusted Types are enforced on this page');
  assertRequests(page, ['/tests/hosts/security/csp-tt.html', '/tests/hosts/security/page.css']);
});
