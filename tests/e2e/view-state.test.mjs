// One view state, owned by Rust: the precedence of docs/embedding.md (the page's options, then
// the URL hash, then what the user did since; an option set again applies) across a move in
// the page, a panic restart, and save() → restore() on another element.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, session, BLANK, MatrixPage } from './support/matrix-page.mjs';

const env = session();
const T = { timeout: 90000 };
const HIPAA = ['hipaa-eligible', 'hipaa-baa'];
const SOC = ['soc-1', 'soc-2', 'soc-3'];

/** The blank host page at `hash`, with one widget of `attrs`. */
const widgetAt = (hash, attrs = {}) => env.widget(attrs, { path: `${BLANK}${hash}`, ready: 30000 });

/** Removes the element and inserts it again elsewhere, setting `attr` ([name, value]) while out. */
const move = (cm, attr = null) =>
  cm.evaluate((el, attr) => {
    el.remove();
    if (attr) el.setAttribute(...attr);
    document.body.append(el);
  }, attr);

test('a hash link, then typing, then a move in the page: what was typed stays', T, async () => {
  const cm = await widgetAt('#cm.query=hipaa');
  await cm.expectRows(HIPAA, 'the hash link opens its view');
  await cm.search('soc');
  await cm.expectRows(SOC);
  await move(cm);
  await cm.expectRows(SOC, 'the move keeps the typed text, not the hash');
  assert.equal(await cm.searchBox.inputValue(), 'soc');
  assert.deepEqual(cm.page.problems, []);
});

test('the hash wins over the page at first mount; the reader over both; an option set again wins', T, async () => {
  const cm = await widgetAt('#cm.query=hipaa', { query: 'pci', sort: 'program:desc' });
  // The hash's query over the attribute; the attribute's sort stays (the hash has none).
  await cm.expectRows(['hipaa-eligible', 'hipaa-baa']);
  assert.equal(await cm.header('program').getAttribute('aria-sort'), 'descending');
  await cm.search('soc');
  await cm.expectRows([...SOC].reverse());
  // Set again to the value it already had: the page's word applies.
  await cm.setAttribute('query', 'pci');
  await cm.expectRows(['pci-dss-level-1']);
  assert.equal(await cm.searchBox.inputValue(), 'pci');
  // A property set again (same value) applies as well.
  await cm.search('iso 27');
  await cm.expectRows(['iso-27018', 'iso-27017', 'iso-27001']);
  await cm.evaluate((el) => {
    el.query = 'pci';
  });
  await cm.expectRows(['pci-dss-level-1']);
  assert.deepEqual(cm.page.problems, []);
});

test('an attribute set while the element is out of the page wins over the saved state', T, async () => {
  const cm = await widgetAt('');
  await cm.search('soc');
  await cm.sortButton('program').click();
  await cm.expectRows(SOC);
  await move(cm, ['query', 'hipaa']);
  await cm.expectRows(['hipaa-baa', 'hipaa-eligible'], 'the new attribute, with the sort the reader chose');
  assert.equal(await cm.header('program').getAttribute('aria-sort'), 'ascending');
});

test('save() → restore() on a second element reproduces the view', T, async () => {
  const a = await env.widget({ revision: 'latest' }, { widget: { id: 'a' }, ready: 30000 });
  const b = await MatrixPage.add(a.page, { id: 'b' });
  await b.ready();
  await a.search('fed');
  await a.sortButton('eks').click();
  await a.sortButton('eks').click();
  await eventually(async () => (await a.state()).sort, 'eks:desc');
  const saved = await a.evaluate((el) => el.save());
  assert.deepEqual(Object.keys(saved).sort(), ['compare', 'gaps', 'query', 'revision', 'services', 'sort', 'status', 'tags']);
  assert.equal(saved.query, 'fed');
  assert.equal(saved.revision, '2021-04-24');
  // Through JSON, as a page would store it.
  await b.evaluate((el, s) => el.restore(JSON.parse(s)), JSON.stringify(saved));
  await eventually(() => b.state(), await a.state(), 'b shows what a shows');
  assert.deepEqual(await b.programIds(), await a.programIds());
  assert.equal(await b.searchBox.inputValue(), 'fed');
  // A partial state changes only what it names.
  await b.evaluate((el) => el.restore({ query: 'high' }));
  await eventually(async () => {
    const s = await b.state();
    return [s.query, s.sort, s.revision];
  }, ['high', 'eks:desc', '2021-04-24']);
  // A state that does not fit the data is refused, naming the field, and nothing changes.
  const error = await b.evaluate((el) => {
    try {
      el.restore({ query: 'x', sort: 'lambda:asc' });
      return null;
    } catch (e) {
      return e.message;
    }
  });
  assert.match(error, /^restore\(state\): sort: unknown key 'lambda'/);
  assert.equal((await b.state()).query, 'high');
  assert.deepEqual(a.page.problems, []);
});

test('a panic restart keeps what the user did on top of the hash', T, async () => {
  const page = await env.page();
  await page.goto(`${env.base}${BLANK}#a.query=hipaa`);
  await page.evaluate(async () => {
    const host = document.getElementById('host');
    host.replaceChildren(...['a', 'b'].map((id) => Object.assign(document.createElement('div'), { id })));
    const { mount } = await import('/target/fault-dist/compliance-matrix.js');
    window.handles = [mount(document.getElementById('a'), { namespace: 'a' }), mount(document.getElementById('b'), {})];
  });
  const a = new MatrixPage(page, '#a');
  const b = new MatrixPage(page, '#b');
  await a.ready(60000);
  await a.expectRows(HIPAA, 'the hash link applies');
  await a.search('soc');
  await a.sortButton('program').click();
  await a.expectRows(SOC);
  // b panics: a is mounted again on a fresh instance, with the hash still in the URL.
  await b.search('\u{1f4a5}panic');
  await eventually(async () => (await b.alertTexts()).length > 0, true, 'b shows its panic');
  await a.expectRows(SOC, 'a keeps the typed text over the hash');
  assert.equal(await a.searchBox.inputValue(), 'soc');
  assert.equal(await page.evaluate(() => window.handles[0].save().sort), 'program:asc');
});
