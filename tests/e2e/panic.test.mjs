// A panic inside one widget stops only that widget: it shows the error as an alert, and the other
// widgets on the page go on, as they were, on a fresh wasm instance. Uses the fault-injection
// build (make fault-dist), where typing "💥panic" into a search box panics inside that widget.
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

const PANIC = '\u{1f4a5}panic';
const rows = (page, id) =>
  page.locator(`#${id}`).evaluate((el) => [...el.shadowRoot.querySelectorAll('tr[data-program]')].map((r) => r.dataset.program));
const alerts = (page, id) =>
  page.locator(`#${id}`).evaluate((el) => [...el.shadowRoot.querySelectorAll('[role=alert]')].map((a) => a.textContent));

test('a panic in one widget: that one shows an alert, the others keep their state and keep working', { timeout: 120000 }, async () => {
  const page = await env.page();
  await page.goto(`${env.base}/tests/hosts/panic/index.html`);
  for (const id of ['a', 'b', 'c']) await page.locator(`#${id} tr[data-program]`).first().waitFor({ timeout: 60000 });
  const cBefore = await rows(page, 'c');
  assert.ok(cBefore.length > 0 && cBefore.length < 20, 'c shows its filter (eks:in-scope)');

  // What the user did in a: a search.
  await page.locator('#a input[part=search]').fill('iso');
  await eventually(() => rows(page, 'a'), ['iso-27001', 'iso-9001', 'iso-27017', 'iso-27018']);
  const aBefore = await rows(page, 'a');

  // b panics.
  await page.locator('#b input[part=search]').fill(PANIC);
  await eventually(async () => (await alerts(page, 'b')).some((t) => t.includes('internal error') && t.includes('fault injection')), true, 'b shows the panic as an alert');
  assert.deepEqual(await rows(page, 'b'), [], 'b shows no stale table');

  // a and c are back on a fresh instance, as they were.
  await eventually(() => rows(page, 'a'), aBefore, 'a keeps its search after the restart');
  assert.equal(await page.locator('#a input[part=search]').inputValue(), 'iso');
  await eventually(() => rows(page, 'c'), cBefore, 'c keeps its options after the restart');
  assert.deepEqual(await alerts(page, 'a'), []);
  assert.deepEqual(await alerts(page, 'c'), []);

  // ... and keep working: a reacts to typing, c to its API.
  await page.locator('#a input[part=search]').fill('soc');
  await eventually(() => rows(page, 'a'), ['soc-1', 'soc-2', 'soc-3'], 'a filters after the restart');
  await page.evaluate(() => window.handleC.update({ query: 'pci' }));
  await eventually(() => page.evaluate(() => window.handleC.state().visible), ['pci-dss-level-1']);
  assert.match(await page.evaluate(() => window.handleC.exportCsv()), /^Compliance Program,/);
  assert.equal(await page.evaluate(() => document.querySelector('#a').state.query), 'soc');

  // b comes back when the host gives it something new.
  await page.locator('#b').evaluate((el) => el.setAttribute('query', 'hipaa'));
  await eventually(() => rows(page, 'b'), ['hipaa-eligible', 'hipaa-baa'], 'b mounts again after a new attribute (with its sort)');
  assert.deepEqual(await alerts(page, 'b'), []);

  // The dead instance is let go: one wasm memory left after garbage collection.
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
  assert.equal(result.value, 1, 'one live wasm memory after the restart');

  // The only errors: the trap of the panicking call and the hook's console line.
  const unexpected = page.problems.filter((p) => !/unreachable|internal error: panicked at/.test(p));
  assert.deepEqual(unexpected, []);
  assert.ok(page.problems.some((p) => /fault injection/.test(p)), 'the panic was logged');
});

test('more than three panics within 10 s: every widget, and any new one, says the core stopped', { timeout: 120000 }, async () => {
  const page = await env.page();
  await page.goto(`${env.base}/tests/hosts/panic/index.html`);
  for (const id of ['a', 'b', 'c']) await page.locator(`#${id} tr[data-program]`).first().waitFor({ timeout: 60000 });
  const panicIn = async (id) => {
    await page.locator(`#${id} tr[data-program]`).first().waitFor({ timeout: 20000 });
    await page.locator(`#${id} input[part=search]`).fill(PANIC);
    await eventually(async () => (await alerts(page, id)).some((t) => t.includes('fault injection')), true, `${id} shows its panic`);
  };
  await panicIn('a');
  await panicIn('b');
  // A failed widget stays failed while others restart; its host brings it back.
  assert.ok((await alerts(page, 'a')).length > 0, 'a still shows its error after b panicked');
  await page.locator('#a').evaluate((el) => el.setAttribute('query', 'soc'));
  await panicIn('a');
  await page.locator('#b').evaluate((el) => el.setAttribute('query', 'soc'));
  await panicIn('b');
  // The fourth panic within 10 s: the core is given up.
  await eventually(async () => (await alerts(page, 'c')).some((t) => t.includes('repeated internal errors')), true, 'c says the core stopped');
  await page.evaluate(() => {
    const d = document.createElement('compliance-matrix');
    d.id = 'd';
    document.body.append(d);
  });
  await eventually(async () => (await alerts(page, 'd')).some((t) => t.includes('repeated internal errors')), true, 'a new widget says so too, it is not blank');
  const thrown = await page.evaluate(async () => {
    const { parseDataset } = await import('/target/fault-dist/compliance-matrix.js');
    try {
      parseDataset('| Program | Amazon ECS |\n|---|---|\n| SOC II | 1 |', 'markdown');
      return null;
    } catch (e) {
      return e.message;
    }
  });
  assert.match(thrown, /stopped after internal errors/);
});
