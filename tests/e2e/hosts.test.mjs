// The element in the hosts a user puts it in: a fresh Vite + TypeScript app installing the packed
// tarball, a plain page with one script tag, a strict-CSP page, a page with hostile global CSS,
// the single file from file://, two instances on one page, and changes after mount.
// Fixtures: tests/hosts/. Run: node --test --test-concurrency=1 tests/e2e/hosts.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { inflateSync } from 'node:zlib';
import { eventually, session, MatrixPage, DOM } from './support/matrix-page.mjs';
import { packedTarball, sh, staticServers } from './support/packed.mjs';

const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const ARTIFACTS = 'tests/e2e/artifacts';
const VITE_APP = 'tests/hosts/vite';

const env = session();
const server = staticServers();

// ---------------------------------------------------------------------------------------------
// a. A fresh Vite + TypeScript app installing the packed tarball
// ---------------------------------------------------------------------------------------------

/** Installs the app's dependencies unless node_modules already holds this tarball and package.json. */
function installViteApp(tgz) {
  const hash = createHash('sha256')
    .update(readFileSync(tgz))
    .update(readFileSync(join(VITE_APP, 'package.json')))
    .update(process.version)
    .digest('hex');
  const stamp = join(VITE_APP, 'node_modules', '.hosts-test-stamp');
  if (existsSync(stamp) && readFileSync(stamp, 'utf8') === hash && existsSync(join(VITE_APP, 'node_modules/.bin/vite'))) return false;
  // npm keeps an installed file: tarball of the same version; remove it so the new one is unpacked.
  rmSync(join(VITE_APP, 'node_modules', 'compliance-matrix'), { recursive: true, force: true });
  sh('npm', ['install', '--no-audit', '--no-fund', '--no-package-lock', '--loglevel=error'], VITE_APP);
  writeFileSync(stamp, hash);
  return true;
}

test('a Vite + TypeScript app installs the packed tarball, type-checks, builds and shows the widget', { timeout: 300000 }, async () => {
  const tgz = packedTarball();
  installViteApp(tgz);
  const installed = join(VITE_APP, 'node_modules/compliance-matrix');
  for (const f of ['compliance-matrix.js', 'compliance-matrix_bg.wasm', 'compliance-matrix-reader_bg.wasm', 'compliance-matrix_bg.wasm.gz', 'compliance-matrix-reader_bg.wasm.gz', 'compliance-matrix.d.ts', 'custom-elements.json', 'package.json']) {
    assert.ok(existsSync(join(installed, f)), `the package holds ${f}`);
  }
  assert.ok(readFileSync(join(installed, 'compliance-matrix_bg.wasm.gz')).equals(readFileSync('dist/compliance-matrix_bg.wasm.gz')), 'the installed wasm is the built one');

  // Strict type check of src/main.ts against the package's .d.ts (it also holds @ts-expect-error lines).
  sh(join(resolve(VITE_APP), 'node_modules/.bin/tsc'), ['--noEmit', '-p', '.'], VITE_APP);
  rmSync(join(VITE_APP, 'dist'), { recursive: true, force: true });
  const log = sh(join(resolve(VITE_APP), 'node_modules/.bin/vite'), ['build'], VITE_APP);
  const assets = readdirSync(join(VITE_APP, 'dist/assets'));
  // Both wasm files (the widget's, and the dataset reader's that parseDataset needs) as assets.
  const wasm = assets.filter((f) => f.endsWith('.gz')).map((f) => readFileSync(join(VITE_APP, 'dist/assets', f)));
  assert.equal(wasm.length, 2, `vite build emitted both compressed wasm files as assets (assets: ${assets.join(', ')})\n${log}`);
  for (const f of ['compliance-matrix_bg.wasm.gz', 'compliance-matrix-reader_bg.wasm.gz']) {
    assert.ok(wasm.some((b) => b.equals(readFileSync(`dist/${f}`))), `the emitted ${f} is the package one`);
  }

  const base = await server(join(VITE_APP, 'dist'));
  const page = await env.page();
  const wasmRequests = [];
  page.on('response', (r) => {
    if (r.url().endsWith('.gz')) wasmRequests.push(`${r.status()} ${r.headers()['content-type']}`);
  });
  await page.goto(`${base}/index.html`);
  const main = await new MatrixPage(page, '#main').ready();
  assert.equal((await main.programIds()).length, 20);
  await page.locator('body[data-host-ready=true]').waitFor({ timeout: 20000 });
  const result = await page.evaluate(() => window.hostResult);
  assert.equal(result.rows, 1, 'parseDataset from the package parsed the Markdown table');
  assert.equal(result.csvLines, 21, 'exportCsv: a header and 20 rows');
  // mount() from the package, into a plain div: services ecs,fargate, query iso, then sort program:desc.
  await main.widget('#mounted').expectRows(['iso-9001', 'iso-27018', 'iso-27017', 'iso-27001']);
  const mounted = await page.evaluate(() => window.hostResult.mountedState);
  assert.deepEqual(mounted?.services, ['ecs', 'fargate']);
  // Served as application/gzip (what a server says of a .gz): the module unpacks them whatever the type.
  assert.deepEqual(wasmRequests, ['200 application/gzip', '200 application/gzip'], 'two wasm fetches (the widget, the reader parseDataset needs), gzip-compressed');
  // The typed cm-change listener of src/main.ts receives the state.
  await main.search('soc');
  await page.locator('#last', { hasText: '3 visible, query "soc"' }).waitFor({ timeout: 10000 });
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// b. One script tag
// ---------------------------------------------------------------------------------------------

test('a plain HTML page with one script tag shows the seed matrix', { timeout: 60000 }, async () => {
  const page = await env.page();
  await page.goto(`${env.base}/tests/hosts/plain/index.html`);
  const cm = await new MatrixPage(page).ready();
  const ids = await cm.programIds();
  assert.equal(ids.length, 20);
  assert.equal(ids[0], 'pci-dss-level-1');
  assert.equal(await cm.locator(DOM.cell).count(), 80);
  const shadow = await cm.evaluate((el) => ({
    open: el.shadowRoot !== null && el.shadowRoot.mode === 'open',
    adopted: el.shadowRoot.adoptedStyleSheets.length,
    styleElements: el.shadowRoot.querySelectorAll('style').length,
  }));
  assert.deepEqual(shadow, { open: true, adopted: 1, styleElements: 0 }, 'open shadow root styled by one constructable stylesheet');
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// c. Strict Content-Security-Policy
// ---------------------------------------------------------------------------------------------

test(`under "${CSP}" there is no violation and the widget works`, { timeout: 60000 }, async () => {
  const base = await server('.', { headers: () => ({ 'content-security-policy': CSP }) });
  const page = await env.page();
  await page.addInitScript(() => {
    window.__violations = [];
    const record = (e) =>
      window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample || ''}`);
    document.addEventListener('securitypolicyviolation', record, true);
  });
  const response = await page.goto(`${base}/tests/hosts/csp/index.html`);
  assert.equal(response.headers()['content-security-policy'], CSP);
  const cm = await new MatrixPage(page).ready();
  assert.equal((await cm.programIds()).length, 20);
  await cm.search('hipaa');
  await cm.expectRows(['hipaa-eligible', 'hipaa-baa'], 'search narrows the rows');
  // Exercise more of the UI under the policy: sort, the status filter, the column menu.
  await cm.sortButton('program').click();
  await cm.expectRows(['hipaa-baa', 'hipaa-eligible'], 'sorting works');
  await cm.search('');
  await cm.columnsToggle.click();
  await cm.columnBox('ecs').waitFor({ state: 'visible' });
  // An export (from the Export menu) downloads through a blob: URL.
  await cm.openExport();
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 10000 }),
    cm.exportButton('csv').click(),
  ]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  // The responsibility diagram: choosing a band explains it.
  const band = cm.band('ecs-fargate', 'iam');
  await band.click();
  assert.match(await cm.bandInfo.textContent(), /\S/);
  // Is the stylesheet applied (a blocked sheet would leave the table unstyled)?
  const styled = await cm.evaluate((el, root) => getComputedStyle(el.shadowRoot.querySelector(root)).borderTopStyle, DOM.root);
  assert.equal(styled, 'solid', 'the constructable stylesheet applies under style-src self');
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// d. Hostile global CSS
// ---------------------------------------------------------------------------------------------

/** Decodes an 8-bit, non-interlaced PNG (what Chromium writes) to {width, height, rgba}. */
function decodePng(buf) {
  assert.equal(buf.subarray(0, 8).toString('hex'), '89504e470d0a1a0a', 'PNG signature');
  let pos = 8;
  let width, height, depth, type, interlace;
  const idat = [];
  while (pos < buf.length) {
    const len = buf.readUInt32BE(pos);
    const kind = buf.toString('latin1', pos + 4, pos + 8);
    const data = buf.subarray(pos + 8, pos + 8 + len);
    if (kind === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      depth = data[8];
      type = data[9];
      interlace = data[12];
    } else if (kind === 'IDAT') idat.push(data);
    else if (kind === 'IEND') break;
    pos += 12 + len;
  }
  const channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[type];
  assert.ok(depth === 8 && interlace === 0 && channels, `unsupported PNG (depth ${depth}, colour type ${type}, interlace ${interlace})`);
  const raw = inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const px = Buffer.alloc(height * stride);
  for (let y = 0; y < height; y++) {
    const filter = raw[y * (stride + 1)];
    const line = raw.subarray(y * (stride + 1) + 1, (y + 1) * (stride + 1));
    const row = y * stride;
    for (let x = 0; x < stride; x++) {
      const a = x >= channels ? px[row + x - channels] : 0;
      const b = y > 0 ? px[row - stride + x] : 0;
      const c = x >= channels && y > 0 ? px[row - stride + x - channels] : 0;
      let v = line[x];
      if (filter === 1) v += a;
      else if (filter === 2) v += b;
      else if (filter === 3) v += (a + b) >> 1;
      else if (filter === 4) {
        const p = a + b - c;
        const pa = Math.abs(p - a);
        const pb = Math.abs(p - b);
        const pc = Math.abs(p - c);
        v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
      } else assert.equal(filter, 0, `PNG filter ${filter}`);
      px[row + x] = v & 0xff;
    }
  }
  const rgba = Buffer.alloc(width * height * 4);
  for (let i = 0; i < width * height; i++) {
    const s = px.subarray(i * channels, (i + 1) * channels);
    const [r, g, b, al] = channels === 4 ? s : channels === 3 ? [s[0], s[1], s[2], 255] : channels === 2 ? [s[0], s[0], s[0], s[1]] : [s[0], s[0], s[0], 255];
    rgba.set([r, g, b, al], i * 4);
  }
  return { width, height, rgba };
}

/** Number of pixels where some channel differs by more than `tolerance` (anti-aliasing noise is ±1). */
function differingPixels(a, b, tolerance = 8) {
  let n = 0;
  for (let i = 0; i < a.rgba.length; i += 4) {
    for (let c = 0; c < 4; c++) {
      if (Math.abs(a.rgba[i + c] - b.rgba[i + c]) > tolerance) {
        n++;
        break;
      }
    }
  }
  return n;
}

test('hostile global CSS on the page does not change how the element looks', { timeout: 60000 }, async () => {
  const shots = {};
  const boxes = {};
  for (const name of ['clean', 'index']) {
    const page = await env.page({ viewport: { width: 1000, height: 800 }, deviceScaleFactor: 1 });
    await page.goto(`${env.base}/tests/hosts/hostile/${name}.html`);
    const cm = await new MatrixPage(page).ready();
    await page.evaluate(() => document.fonts.ready);
    const el = cm.host;
    boxes[name] = await el.boundingBox();
    shots[name] = await el.screenshot({ animations: 'disabled', caret: 'hide' });
    mkdirSync(ARTIFACTS, { recursive: true });
    writeFileSync(`${ARTIFACTS}/hosts-hostile-${name}.png`, shots[name]);
    assert.deepEqual(page.problems, []);
  }
  // The hostile sheet did load (it colours the page's own text red).
  assert.ok(boxes.clean.height > 200, `the clean element is rendered (${JSON.stringify(boxes.clean)})`);
  assert.deepEqual(boxes.index, boxes.clean, 'same box on both pages');
  if (shots.clean.equals(shots.index)) return;
  const a = decodePng(shots.clean);
  const b = decodePng(shots.index);
  assert.deepEqual([b.width, b.height], [a.width, a.height], 'same screenshot size');
  // Anti-aliasing may shift a channel by one here and there; any style that leaks in changes
  // thousands of pixels by far more. Allow a few hundredths of a percent.
  const diff = differingPixels(a, b);
  const allowed = Math.floor(a.width * a.height * 0.0002);
  assert.ok(diff <= allowed, `${diff} pixels differ (allowed ${allowed}); see ${ARTIFACTS}/hosts-hostile-*.png`);
});

// ---------------------------------------------------------------------------------------------
// e. The single file, offline
// ---------------------------------------------------------------------------------------------

test('dist/compliance-matrix.html works from file:// with every network request aborted', { timeout: 60000 }, async () => {
  const page = await env.page();
  const requests = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('file:') || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
    requests.push(url);
    return route.abort('internetdisconnected');
  });
  await page.goto('file://' + resolve('dist/compliance-matrix.html'));
  const cm = await new MatrixPage(page).ready();
  assert.equal((await cm.programIds()).length, 20);
  await cm.search('fedramp');
  await cm.expectRows(['fedramp-moderate', 'fedramp-high']);
  const defined = await page.evaluate(() => typeof customElements.get('compliance-matrix'));
  assert.equal(defined, 'function');
  assert.deepEqual(requests, [], 'no network request');
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// f. Two instances
// ---------------------------------------------------------------------------------------------

/** The seed's programs whose `service` cell has `status`, in seed order. */
function seedWhere(service, status) {
  const data = JSON.parse(readFileSync('data/matrix.json', 'utf8'));
  return data.programs
    .filter((p) => {
      const cell = p.status[service] ?? 'unknown';
      return (typeof cell === 'string' ? cell : cell.status) === status;
    })
    .map((p) => p.id);
}

test('two instances with different attributes stay independent', { timeout: 60000 }, async () => {
  const page = await env.page();
  await page.addInitScript(() => {
    window.__events = [];
    document.addEventListener('cm-change', (e) => window.__events.push({ from: e.target.id, detail: e.detail }));
  });
  await page.goto(`${env.base}/tests/hosts/two/index.html`);
  const a = await new MatrixPage(page, '#a').ready();
  const b = await new MatrixPage(page, '#b').ready();
  const fargateOut = seedWhere('fargate', 'not-in-scope');
  assert.ok(fargateOut.length > 0);
  const iso = ['iso-27001', 'iso-9001', 'iso-27017', 'iso-27018'];
  await a.expectRows(fargateOut);
  await b.expectRows(iso);
  const columns = (w) => w.evaluate((el, D) => [...el.shadowRoot.querySelectorAll(`${D.row}:first-of-type ${D.cell}`)].map((td) => td.dataset.service), DOM);
  assert.deepEqual(await columns(a), ['ecs', 'fargate']);
  assert.deepEqual(await columns(b), ['ecs', 'eks', 'fargate', 'ecr']);
  assert.equal(await b.searchBox.inputValue(), 'iso');
  assert.equal(await a.searchBox.inputValue(), '');

  // Typing in #a changes #a only; the event comes from #a with #a's state.
  await page.evaluate(() => (window.__events.length = 0));
  await a.search('fedramp');
  await a.expectRows(['fedramp-moderate', 'fedramp-high']);
  await b.expectRows(iso, '#b is unchanged');
  assert.equal(await b.searchBox.inputValue(), 'iso');
  let events = await page.evaluate(() => window.__events);
  assert.ok(events.length >= 1, 'cm-change fired');
  assert.ok(events.every((e) => e.from === 'a'), `only #a sent cm-change: ${JSON.stringify(events.map((e) => e.from))}`);
  const lastA = events.at(-1).detail;
  assert.equal(lastA.query, 'fedramp');
  assert.equal(lastA.status, 'fargate:not-in-scope');
  assert.deepEqual(lastA.services, ['ecs', 'fargate']);
  assert.deepEqual(lastA.visible, ['fedramp-moderate', 'fedramp-high']);

  // And the other way round.
  await page.evaluate(() => (window.__events.length = 0));
  await b.search('iso 2701');
  await b.expectRows(['iso-27017', 'iso-27018']);
  await a.expectRows(['fedramp-moderate', 'fedramp-high'], '#a is unchanged');
  events = await page.evaluate(() => window.__events);
  assert.ok(events.length >= 1 && events.every((e) => e.from === 'b'), `only #b sent cm-change: ${JSON.stringify(events.map((e) => e.from))}`);
  const lastB = events.at(-1).detail;
  assert.equal(lastB.query, 'iso 2701');
  assert.equal(lastB.status, 'any');
  assert.deepEqual(lastB.services, ['ecs', 'eks', 'fargate', 'ecr']);
  assert.deepEqual(lastB.visible, ['iso-27017', 'iso-27018']);
  // The state properties agree.
  assert.deepEqual((await a.state()).visible, ['fedramp-moderate', 'fedramp-high']);
  assert.deepEqual((await b.state()).visible, ['iso-27017', 'iso-27018']);
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// g. Changes after mount: attributes, properties, data, a second import, reconnect
// ---------------------------------------------------------------------------------------------

const TINY = {
  as_of: '2024-01-01',
  source: { title: 'test', url: 'https://example.invalid/' },
  services: [{ id: 'ecs', name: 'Amazon ECS' }],
  programs: [
    { id: 'alpha', name: 'Alpha', status: { ecs: 'in-scope' } },
    { id: 'beta', name: 'Beta', status: { ecs: 'not-in-scope' } },
  ],
};

test('attributes and properties after mount, invalid data, a second import, reconnect', { timeout: 90000 }, async () => {
  const page = await env.page();
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('cm-error', (e) => window.__errors.push(e.detail));
  });
  await page.goto(`${env.base}/tests/hosts/dynamic/index.html`);
  const dyn = await new MatrixPage(page, '#dyn').ready();
  const el = dyn.host;

  // An attribute set after mount re-renders.
  await el.evaluate((e) => e.setAttribute('query', 'soc'));
  await dyn.expectRows(['soc-1', 'soc-2', 'soc-3']);
  assert.equal(await el.evaluate((e) => e.query), 'soc', 'the attribute reflects to the property');
  assert.equal(await dyn.count(), '3 of 20 programs');

  // A property reflects to the attribute and re-renders.
  await el.evaluate((e) => (e.sort = 'program:desc'));
  assert.equal(await el.getAttribute('sort'), 'program:desc');
  await dyn.expectRows(['soc-3', 'soc-2', 'soc-1']);
  assert.equal(await dyn.header('program').getAttribute('aria-sort'), 'descending');
  await el.evaluate((e) => (e.gaps = true));
  assert.equal(await el.getAttribute('gaps'), '', 'a boolean property sets an empty attribute');
  await el.evaluate((e) => (e.gaps = false));
  assert.equal(await el.getAttribute('gaps'), null, 'and removes it');
  await dyn.expectRows(['soc-3', 'soc-2', 'soc-1']);

  // Invalid data: an alert naming the field, a cm-error event, and the previous rows stay.
  await el.evaluate((e, tiny) => {
    e.data = { ...tiny, programs: [{ id: 'alpha', name: 'Alpha', status: { ecs: 'in-scope', nope: 'in-scope' } }] };
  }, TINY);
  const alert = dyn.alertBox;
  await alert.waitFor({ timeout: 10000 });
  const text = await alert.textContent();
  assert.match(text, /programs\[0\]\.status\.nope/, `the alert names the field: ${text}`);
  const errors = await page.evaluate(() => window.__errors);
  assert.equal(errors.length, 1, 'one cm-error');
  assert.match(errors[0].message, /programs\[0\]\.status\.nope/);
  await dyn.expectRows(['soc-3', 'soc-2', 'soc-1'], 'the previous rows stay');

  // A missing required field is named too.
  await el.evaluate((e, tiny) => {
    const { as_of, ...rest } = tiny;
    e.data = rest;
  }, TINY);
  await page.waitForFunction(() => window.__errors.length === 2);
  assert.match((await page.evaluate(() => window.__errors))[1].message, /as_of/);
  assert.match(await alert.textContent(), /as_of/);
  await dyn.expectRows(['soc-3', 'soc-2', 'soc-1'], 'the previous rows still stay');

  // Valid data replaces the rows and clears the alert.
  await el.evaluate((e) => e.removeAttribute('query'));
  await el.evaluate((e, tiny) => (e.data = tiny), TINY);
  await dyn.expectRows(['beta', 'alpha']);
  assert.equal(await alert.count(), 0, 'the alert is gone');
  // null returns to the embedded dataset; then the tiny one again.
  await el.evaluate((e) => (e.data = null));
  await eventually(async () => (await dyn.programIds()).length, 20, 'data = null shows the embedded seed');
  await el.evaluate((e, tiny) => (e.data = tiny), TINY);
  await dyn.expectRows(['beta', 'alpha']);

  // A second import of the module is a no-op.
  const again = await page.evaluate(async () => {
    const before = customElements.get('compliance-matrix');
    const m1 = await import('/dist/compliance-matrix.js');
    const m2 = await import('/dist/compliance-matrix.js?second-copy');
    await m2.ready;
    return {
      same: customElements.get('compliance-matrix') === before,
      exports: [typeof m1.mount, typeof m1.parseDataset, typeof m2.mount],
      elements: document.querySelectorAll('compliance-matrix').length,
    };
  });
  assert.deepEqual(again, { same: true, exports: ['function', 'function', 'function'], elements: 1 });
  await dyn.expectRows(['beta', 'alpha'], 'still rendered after the second import');

  // Removed and re-appended elsewhere: it renders again, once, with its attributes and data.
  await el.evaluate((e) => {
    e.remove();
    document.querySelector('#elsewhere').append(e);
  });
  await dyn.expectRows(['beta', 'alpha']);
  const roots = await el.evaluate((e, root) => e.shadowRoot.querySelectorAll(root).length, DOM.root);
  assert.equal(roots, 1, 'one widget in the shadow root after reconnecting');
  await dyn.search('alp');
  await dyn.expectRows(['alpha'], 'and it still responds');
  // Removed and re-appended twice in one task (a move): still one widget.
  await el.evaluate((e) => {
    const parent = document.querySelector('#here');
    parent.append(e);
    parent.append(e);
  });
  await dyn.ready(10000);
  assert.equal(await el.evaluate((e, root) => e.shadowRoot.querySelectorAll(root).length, DOM.root), 1);
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// h. Properties set before the element is defined (frameworks do this)
// ---------------------------------------------------------------------------------------------

test('properties set before the element is defined take effect once it is', { timeout: 60000 }, async () => {
  const page = await env.page();
  // early.js sets el.data and el.sort on a not-yet-defined element, creates a second one with
  // el.query, then loads the module.
  await page.goto(`${env.base}/tests/hosts/upgrade/index.html`);
  const early = await new MatrixPage(page, '#early').ready();
  const late = await new MatrixPage(page, '#late').ready();
  const own = await page.evaluate(() => ['early', 'late'].map((id) => Object.keys(document.getElementById(id))));
  assert.deepEqual(own, [[], []], 'no own property shadows the element accessors');
  assert.equal(await early.host.getAttribute('sort'), 'program:desc');
  assert.equal(await late.host.getAttribute('query'), 'soc');
  await early.expectRows(['beta', 'alpha'], 'data and sort set before the definition apply');
  await late.expectRows(['soc-1', 'soc-2', 'soc-3'], 'query set before the definition applies');
  assert.deepEqual(page.problems, []);
});

// ---------------------------------------------------------------------------------------------
// i. src set or changed after mount
// ---------------------------------------------------------------------------------------------

test('src set after mount loads the dataset; a broken one is reported and the rows stay', { timeout: 60000 }, async () => {
  const page = await env.page();
  await page.addInitScript(() => {
    window.__errors = [];
    document.addEventListener('cm-error', (e) => window.__errors.push(e.detail.message));
  });
  await page.goto(`${env.base}/tests/hosts/dynamic/index.html`);
  const dyn = await new MatrixPage(page, '#dyn').ready();
  const el = dyn.host;
  // good.csv: SOC II (1, 0) and PCI DSS (1, 1) over Amazon ECS and ECS Fargate.
  await el.evaluate((e) => e.setAttribute('src', 'good.csv'));
  await dyn.expectRows(['soc-2', 'pci-dss-level-1'], 'the src set after mount is loaded');
  // bad.csv: line 3 has one cell too many.
  await el.evaluate((e) => (e.src = 'bad.csv'));
  const alert = dyn.alertBox;
  await alert.waitFor({ timeout: 10000 });
  assert.match(await alert.textContent(), /bad\.csv.*line 3/);
  await page.waitForFunction(() => window.__errors.length > 0, null, { timeout: 10000 });
  assert.match((await page.evaluate(() => window.__errors))[0], /bad\.csv.*line 3/);
  await dyn.expectRows(['soc-2', 'pci-dss-level-1'], 'the rows of good.csv stay');
  // Removing src returns to the embedded seed.
  await el.evaluate((e) => e.removeAttribute('src'));
  await eventually(async () => (await dyn.programIds()).length, 20, 'no src: the embedded seed');
  assert.deepEqual(page.problems, []);
});
