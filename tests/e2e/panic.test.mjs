// A panic inside one widget stops only that widget: it shows the error as an alert, and the other
// widgets on the page go on, as they were, on a fresh wasm instance. Uses the fault-injection
// build (make fault-dist), where typing "💥panic" into a search box panics inside that widget.
// It is built as the widget ships, with panic=immediate-abort: the panic is a bare wasm trap
// ("unreachable", no Rust message), caught by the glue at the entry into the wasm.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, session, MatrixPage } from './support/matrix-page.mjs';

const env = session();

const PANIC = '\u{1f4a5}panic';
/** The host page with widgets #a, #b and #c, each showing rows; `w.x` is widget #x. */
async function open() {
  const page = await env.page();
  await page.goto(`${env.base}/tests/hosts/panic/index.html`);
  const w = Object.fromEntries(['a', 'b', 'c', 'd'].map((id) => [id, new MatrixPage(page, `#${id}`)]));
  for (const id of ['a', 'b', 'c']) await w[id].ready(60000);
  return { page, w };
}

test('a panic in one widget: that one shows an alert, the others keep their state and keep working', { timeout: 120000 }, async () => {
  const { page, w } = await open();
  const cBefore = await w.c.programIds();
  assert.ok(cBefore.length > 0 && cBefore.length < 20, 'c shows its filter (eks:in-scope)');

  // What the user did in a: a search.
  await w.a.search('iso');
  await w.a.expectRows(['iso-27001', 'iso-9001', 'iso-27017', 'iso-27018']);
  const aBefore = await w.a.programIds();

  // b panics.
  await w.b.search(PANIC);
  await eventually(async () => (await w.b.alertTexts()).some((t) => t.includes('internal error: unreachable')), true, 'b shows the panic as an alert');
  assert.deepEqual(await w.b.programIds(), [], 'b shows no stale table');

  // a and c are back on a fresh instance, as they were.
  await w.a.expectRows(aBefore, 'a keeps its search after the restart');
  assert.equal(await w.a.searchBox.inputValue(), 'iso');
  await w.c.expectRows(cBefore, 'c keeps its options after the restart');
  assert.deepEqual(await w.a.alertTexts(), []);
  assert.deepEqual(await w.c.alertTexts(), []);

  // ... and keep working: a reacts to typing, c to its API.
  await w.a.search('soc');
  await w.a.expectRows(['soc-1', 'soc-2', 'soc-3'], 'a filters after the restart');
  await page.evaluate(() => window.handleC.update({ query: 'pci' }));
  await eventually(() => page.evaluate(() => window.handleC.state().visible), ['pci-dss-level-1']);
  assert.match(await page.evaluate(() => window.handleC.exportCsv()), /^Compliance Program,/);
  assert.equal(await page.evaluate(() => document.querySelector('#a').state.query), 'soc');

  // b comes back when the host gives it something new.
  await w.b.setAttribute('query', 'hipaa');
  await w.b.expectRows(['hipaa-eligible', 'hipaa-baa'], 'b mounts again after a new attribute (with its sort)');
  assert.deepEqual(await w.b.alertTexts(), []);

  // The dead instance is let go: one wasm memory left after garbage collection.
  const cdp = await page.context().newCDPSession(page);
  for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', { objectId: objects.objectId, functionDeclaration: 'function () { return this.length; }', returnByValue: true });
  assert.equal(result.value, 1, 'one live wasm memory after the restart');

  // The only errors: the trap, uncaught where the browser called in (the input event), and the
  // glue's console line.
  const unexpected = page.problems.filter((p) => !/unreachable/.test(p));
  assert.deepEqual(unexpected, []);
  assert.ok(page.problems.some((p) => /compliance-matrix stopped after an internal error: unreachable/.test(p)), 'the panic was logged');
});

test('more than three panics within 10 s: every widget, and any new one, says the core stopped', { timeout: 120000 }, async () => {
  const { page, w } = await open();
  const panicIn = async (id) => {
    await w[id].ready(20000);
    await w[id].search(PANIC);
    await eventually(async () => (await w[id].alertTexts()).some((t) => t.includes('internal error: unreachable')), true, `${id} shows its panic`);
  };
  await panicIn('a');
  await panicIn('b');
  // A failed widget stays failed while others restart; its host brings it back.
  assert.ok((await w.a.alertTexts()).length > 0, 'a still shows its error after b panicked');
  await w.a.setAttribute('query', 'soc');
  await panicIn('a');
  await w.b.setAttribute('query', 'soc');
  await panicIn('b');
  // The fourth panic within 10 s: the core is given up.
  await eventually(async () => (await w.c.alertTexts()).some((t) => t.includes('repeated internal errors')), true, 'c says the core stopped');
  await page.evaluate(() => {
    const d = document.createElement('compliance-matrix');
    d.id = 'd';
    document.body.append(d);
  });
  await eventually(async () => (await w.d.alertTexts()).some((t) => t.includes('repeated internal errors')), true, 'a new widget says so too, it is not blank');
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
