// The element keeps what the user did: across an unrelated attribute change and across being
// moved in the page (disconnect + reconnect).
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

const rows = (page) =>
  page.locator('compliance-matrix').evaluate((el) => [...el.shadowRoot.querySelectorAll('tr[data-program]')].map((r) => r.dataset.program));


test('typed search and sort survive an attribute change and a move in the page', { timeout: 60000 }, async () => {
  const page = await env.page();
  await page.goto(`${env.base}/tests/e2e/fixtures/blank.html`);
  await page.evaluate(() => {
    const el = document.createElement('compliance-matrix');
    el.setAttribute('theme', 'light');
    document.getElementById('host').append(el);
  });
  await page.locator('compliance-matrix tr[data-program]').first().waitFor();
  await page.locator('compliance-matrix input[part=search]').fill('soc');
  await page.locator('compliance-matrix th[data-key=program] button').click();
  await page.locator('compliance-matrix th[data-key=program] button').click();
  await eventually(() => rows(page), ['soc-3', 'soc-2', 'soc-1']);
  // An unrelated attribute keeps the typed query and the sort.
  await page.locator('compliance-matrix').evaluate((el) => el.setAttribute('theme', 'dark'));
  await eventually(() => page.locator('compliance-matrix [part=root]').getAttribute('class'), 'cm cm-theme-dark');
  assert.deepEqual(await rows(page), ['soc-3', 'soc-2', 'soc-1']);
  // Moving the element (disconnect, reconnect) keeps them too.
  await page.evaluate(() => {
    const el = document.querySelector('compliance-matrix');
    const box = document.createElement('section');
    document.body.append(box);
    box.append(el);
  });
  await eventually(() => rows(page), ['soc-3', 'soc-2', 'soc-1']);
  assert.equal(await page.locator('compliance-matrix input[part=search]').inputValue(), 'soc');
  assert.equal(await page.locator('compliance-matrix th[data-key=program]').getAttribute('aria-sort'), 'descending');
  // Setting the query attribute still wins.
  await page.locator('compliance-matrix').evaluate((el) => el.setAttribute('query', 'iso 27'));
  await eventually(() => rows(page), ['iso-27018', 'iso-27017', 'iso-27001']);
  assert.deepEqual(page.problems, []);
});
