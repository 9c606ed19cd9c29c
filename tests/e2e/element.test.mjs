// The element keeps what the user did: across an unrelated attribute change and across being
// moved in the page (disconnect + reconnect).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, session, DOM } from './support/matrix-page.mjs';

const env = session();

test('typed search and sort survive an attribute change and a move in the page', { timeout: 60000 }, async () => {
  const cm = await env.widget({ theme: 'light' }, { ready: 30000 });
  const { page } = cm;
  await cm.search('soc');
  await cm.sortButton('program').click();
  await cm.sortButton('program').click();
  await cm.expectRows(['soc-3', 'soc-2', 'soc-1']);
  // An unrelated attribute keeps the typed query and the sort.
  await cm.setAttribute('theme', 'dark');
  await eventually(() => cm.locator(DOM.root).getAttribute('class'), 'cm cm-theme-dark');
  assert.deepEqual(await cm.programIds(), ['soc-3', 'soc-2', 'soc-1']);
  // Moving the element (disconnect, reconnect) keeps them too.
  await page.evaluate(() => {
    const el = document.querySelector('compliance-matrix');
    const box = document.createElement('section');
    document.body.append(box);
    box.append(el);
  });
  await cm.expectRows(['soc-3', 'soc-2', 'soc-1']);
  assert.equal(await cm.searchBox.inputValue(), 'soc');
  assert.equal(await cm.header('program').getAttribute('aria-sort'), 'descending');
  // Setting the query attribute still wins.
  await cm.setAttribute('query', 'iso 27');
  await cm.expectRows(['iso-27018', 'iso-27017', 'iso-27001']);
  assert.deepEqual(page.problems, []);
});

test('a page that paints no frame (a hidden tab) still gets the diagram and a resolved ready', { timeout: 60000 }, async () => {
  const page = await env.page();
  // A hidden tab runs no animation frames: the diagram, which follows the first paint, must not
  // wait for one.
  await page.addInitScript(() => {
    window.requestAnimationFrame = () => 0;
  });
  await page.goto(`${env.base}/tests/e2e/fixtures/blank.html`);
  const ready = await page.evaluate(async () => {
    await customElements.whenDefined('compliance-matrix');
    const el = document.createElement('compliance-matrix');
    document.getElementById('host').append(el);
    const late = new Promise((resolve) => setTimeout(() => resolve('late'), 15000));
    if ((await Promise.race([el.ready, late])) === 'late') return 'ready did not resolve within 15 s';
    return {
      rows: el.shadowRoot.querySelectorAll('tr[data-program]').length,
      diagram: el.shadowRoot.querySelectorAll('svg[part=diagram]').length,
    };
  });
  assert.deepEqual(ready, { rows: 20, diagram: 1 });
  assert.deepEqual(page.problems, []);
});
