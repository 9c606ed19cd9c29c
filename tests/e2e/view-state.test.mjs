// One view state, owned by Rust: the precedence of docs/embedding.md (the page's options, then
// the URL hash, then what the reader did since; an option set again applies) across a move in
// the page, a panic restart, and save() → restore() on another element.
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

const T = { timeout: 90000 };
const rows = (page, sel = 'compliance-matrix') =>
  page.locator(sel).evaluate((el) => [...el.shadowRoot.querySelectorAll('tr[data-program]')].map((r) => r.dataset.program));
const search = (page, sel = 'compliance-matrix') => page.locator(`${sel} input[part=search]`);

/** blank.html (or `path`) with `hash`, and one element made from `html` in #host. */
async function open(html, hash = '', path = '/tests/e2e/fixtures/blank.html') {
  const page = await env.page();
  await page.goto(`${env.base}${path}${hash}`);
  await page.evaluate((h) => {
    document.getElementById('host').insertAdjacentHTML('beforeend', h);
  }, html);
  await page.locator('compliance-matrix tr[data-program]').first().waitFor({ timeout: 30000 });
  return page;
}

const HIPAA = ['hipaa-eligible', 'hipaa-baa'];
const SOC = ['soc-1', 'soc-2', 'soc-3'];

test('a hash link, then typing, then a move in the page: what was typed stays', T, async () => {
  const page = await open('<compliance-matrix></compliance-matrix>', '#cm.query=hipaa');
  await eventually(() => rows(page), HIPAA, 'the hash link opens its view');
  await search(page).fill('soc');
  await eventually(() => rows(page), SOC);
  await page.evaluate(() => {
    const el = document.querySelector('compliance-matrix');
    el.remove();
    document.body.append(el);
  });
  await eventually(() => rows(page), SOC, 'the move keeps the typed text, not the hash');
  assert.equal(await search(page).inputValue(), 'soc');
  assert.deepEqual(page.problems, []);
});

test('the hash wins over the page at first mount; the reader over both; an option set again wins', T, async () => {
  const page = await open('<compliance-matrix query="pci" sort="program:desc"></compliance-matrix>', '#cm.query=hipaa');
  // The hash's query over the attribute; the attribute's sort stays (the hash has none).
  await eventually(() => rows(page), ['hipaa-eligible', 'hipaa-baa']);
  assert.equal(await page.locator('compliance-matrix th[data-key=program]').getAttribute('aria-sort'), 'descending');
  await search(page).fill('soc');
  await eventually(() => rows(page), [...SOC].reverse());
  // Set again to the value it already had: the page's word applies.
  await page.locator('compliance-matrix').evaluate((el) => el.setAttribute('query', 'pci'));
  await eventually(() => rows(page), ['pci-dss-level-1']);
  assert.equal(await search(page).inputValue(), 'pci');
  // A property set again (same value) applies as well.
  await search(page).fill('iso 27');
  await eventually(() => rows(page), ['iso-27018', 'iso-27017', 'iso-27001']);
  await page.locator('compliance-matrix').evaluate((el) => { el.query = 'pci'; });
  await eventually(() => rows(page), ['pci-dss-level-1']);
  assert.deepEqual(page.problems, []);
});

test('an attribute set while the element is out of the page wins over the saved state', T, async () => {
  const page = await open('<compliance-matrix></compliance-matrix>');
  await search(page).fill('soc');
  await page.locator('compliance-matrix th[data-key=program] button').click();
  await eventually(() => rows(page), SOC);
  await page.evaluate(() => {
    const el = document.querySelector('compliance-matrix');
    el.remove();
    el.setAttribute('query', 'hipaa');
    document.body.append(el);
  });
  await eventually(() => rows(page), HIPAA, 'the new attribute, with the sort the reader chose');
  assert.equal(await page.locator('compliance-matrix th[data-key=program]').getAttribute('aria-sort'), 'ascending');
});

test('save() → restore() on a second element reproduces the view', T, async () => {
  const page = await open('<compliance-matrix id="a"></compliance-matrix><compliance-matrix id="b"></compliance-matrix>');
  await page.locator('#b tr[data-program]').first().waitFor();
  await page.locator('#a').evaluate((el) => {
    el.revision = 'latest';
  });
  await search(page, '#a').fill('fed');
  await page.locator('#a th[data-key=eks] button').click();
  await page.locator('#a th[data-key=eks] button').click();
  await eventually(() => page.locator('#a').evaluate((el) => el.state.sort), 'eks:desc');
  const saved = await page.locator('#a').evaluate((el) => el.save());
  assert.deepEqual(Object.keys(saved).sort(), ['compare', 'gaps', 'query', 'revision', 'services', 'sort', 'status', 'tags']);
  assert.equal(saved.query, 'fed');
  assert.equal(saved.revision, '2021-04-24');
  // Through JSON, as a page would store it.
  await page.evaluate((s) => document.querySelector('#b').restore(JSON.parse(JSON.stringify(s))), saved);
  const a = await page.locator('#a').evaluate((el) => el.state);
  await eventually(() => page.locator('#b').evaluate((el) => el.state), a, 'b shows what a shows');
  assert.deepEqual(await rows(page, '#b'), await rows(page, '#a'));
  assert.equal(await search(page, '#b').inputValue(), 'fed');
  // A partial state changes only what it names.
  await page.locator('#b').evaluate((el) => el.restore({ query: 'high' }));
  await eventually(() => page.locator('#b').evaluate((el) => [el.state.query, el.state.sort, el.state.revision]), ['high', 'eks:desc', '2021-04-24']);
  // A state that does not fit the data is refused, naming the field, and nothing changes.
  const error = await page.locator('#b').evaluate((el) => {
    try {
      el.restore({ query: 'x', sort: 'lambda:asc' });
      return null;
    } catch (e) {
      return e.message;
    }
  });
  assert.match(error, /^restore\(state\): sort: unknown key 'lambda'/);
  assert.equal(await page.locator('#b').evaluate((el) => el.state.query), 'high');
  assert.deepEqual(page.problems, []);
});

test('a panic restart keeps what the reader did on top of the hash', T, async () => {
  const page = await env.page();
  await page.goto(`${env.base}/tests/e2e/fixtures/blank.html#a.query=hipaa`);
  await page.evaluate(async () => {
    const host = document.getElementById('host');
    host.innerHTML = '<div id="a"></div><div id="b"></div>';
    const { mount } = await import('/target/fault-dist/compliance-matrix.js');
    window.handles = [mount(document.getElementById('a'), { namespace: 'a' }), mount(document.getElementById('b'), {})];
  });
  await page.locator('#a tr[data-program]').first().waitFor({ timeout: 60000 });
  await eventually(() => rows(page, '#a'), HIPAA, 'the hash link applies');
  await search(page, '#a').fill('soc');
  await page.locator('#a th[data-key=program] button').click();
  await eventually(() => rows(page, '#a'), SOC);
  // b panics: a is mounted again on a fresh instance, with the hash still in the URL.
  await search(page, '#b').fill('\u{1f4a5}panic');
  await eventually(() => page.locator('#b [role=alert]').count(), 1, 'b shows its panic');
  await eventually(() => rows(page, '#a'), SOC, 'a keeps the typed text over the hash');
  assert.equal(await search(page, '#a').inputValue(), 'soc');
  assert.deepEqual(await page.evaluate(() => window.handles[0].save().sort), 'program:asc');
});
