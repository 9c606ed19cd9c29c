// Where the time goes: the profiles behind bench/analysis.md, one Chromium (the benchmark's launch
// options) on the benchmark's own page of our widget (bench/pages/ours.html).
//
//   node bench/profile.mjs load      [--data synthetic|seed] [--runs 5] [--match REGEX]
//        CPU profile (CDP Profiler, 50 µs sampling) of page loads: inclusive ms per function,
//        averaged over the runs.
//   node bench/profile.mjs filter    [--data …] [--runs 6] [--match REGEX]
//        CPU profile of typing "fedramp" and clearing it, `runs` times: inclusive ms per change.
//   node bench/profile.mjs under NAME [--data …] [--runs 3]
//        page loads: self time of the functions called (at any depth) under NAME.
//   node bench/profile.mjs trace     [--data …] [--runs 3]
//        devtools.timeline trace of `runs` × (type, clear): ms per change for script, style
//        (UpdateLayoutTree), layout, paint, raster, with the layout objects of the last one.
//   node bench/profile.mjs loadtrace [--data …] [--runs 3]
//        devtools.timeline trace of page loads: ms per load for script, wasm compile, style, layout,
//        paint, and the layout objects of the largest layout.
//   --page lighthouse.html: that page of bench/pages instead of ours.html; --cpu 4: the CPU slowed
//        down 4× (CDP Emulation.setCPUThrottlingRate), as Lighthouse's mobile preset simulates.
//   node bench/profile.mjs mutations [--data …]
//        what one filter and one clear change in the shadow DOM (MutationObserver), by kind.
//
// It profiles bench/data/dist/, the copy `node bench/run.mjs` takes of dist/. With --named it first
// writes there a copy of the current build whose wasm keeps its function names (`wasm-opt -g` on
// target/bindgen/nomod, left by `make dist`), so the profiles name Rust functions.
import { chromium } from 'playwright-core';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchOptions } from '../tests/e2e/support/harness.mjs';
import { serve } from '../scripts/serve.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const mode = args[0];
const opt = (name, def) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && i + 1 < args.length ? args[i + 1] : def;
};
// The seed is data/matrix.json itself (bench/run.mjs writes only the synthetic file).
const DATA = { synthetic: '/bench/data/synthetic-2000x40.json', seed: '/data/matrix.json', csv: '/bench/data/synthetic-2000x40.csv' }[opt('data', 'synthetic')];
if (!DATA || !['load', 'filter', 'under', 'trace', 'loadtrace', 'mutations'].includes(mode)) {
  console.error('usage: node bench/profile.mjs load|filter|under NAME|trace|loadtrace|mutations [--data synthetic|seed|csv] [--runs N] [--match REGEX] [--named]');
  process.exit(2);
}
const RUNS = Number(opt('runs', { load: 5, filter: 6, under: 3, trace: 3, loadtrace: 3, mutations: 1 }[mode]));
const MATCH = new RegExp(opt('match', '.'));
const CPU = Number(opt('cpu', 1));

if (args.includes('--named')) {
  const out = join(ROOT, 'bench/data/dist');
  mkdirSync(out, { recursive: true });
  copyFileSync(join(ROOT, 'dist/compliance-matrix.js'), join(out, 'compliance-matrix.js'));
  for (const name of ['compliance-matrix_bg', 'compliance-matrix-reader_bg']) {
    const wasm = join(out, `${name}.wasm`);
    execFileSync('node', [join(ROOT, 'node_modules/binaryen/bin/wasm-opt'), '-Oz', '--converge', '--low-memory-unused', '-g',
      '--enable-bulk-memory', '--enable-nontrapping-float-to-int', '--enable-sign-ext', '--enable-mutable-globals',
      join(ROOT, `target/bindgen/nomod/${name}.wasm`), '-o', wasm], { stdio: 'inherit' });
    // The module's glue calls the wasm by the short names of scripts/minify-names.mjs: the twin
    // gets the same ones (they follow the order of the imports and exports).
    execFileSync('node', [join(ROOT, 'scripts/minify-names.mjs'), wasm], { stdio: 'inherit' });
    // The module fetches the compressed file.
    writeFileSync(`${wasm}.gz`, gzipSync(readFileSync(wasm)));
  }
}

const server = await serve(ROOT, 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(launchOptions);
// --page: another page of bench/pages (lighthouse.html: one default widget, table and diagram).
const url = `${base}/bench/pages/${opt('page', 'ours.html')}?data=${DATA}`;
const SEARCH = 'compliance-matrix input[part=search]';

async function open(page) {
  await page.goto(url);
  await page.locator('compliance-matrix tr[data-program]').first().waitFor({ timeout: 60000 });
}

/** A CPU profile's samples as stacks of names (leaf first), with their durations in µs. */
function stacks(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (id) => byId.get(id).callFrame.functionName.replace(/::h[0-9a-f]{16}/, '') || '(anonymous)';
  return profile.samples.map((id, i) => {
    const s = [];
    for (let p = id; p; p = parent.get(p)) s.push(name(p));
    return { stack: s, us: profile.timeDeltas[i] || 0 };
  });
}

function inclusive(samples, into) {
  for (const { stack, us } of samples) for (const f of new Set(stack)) into.set(f, (into.get(f) || 0) + us);
}

function print(map, per, limit = 40) {
  const rows = [...map].filter(([k]) => MATCH.test(k)).sort((a, b) => b[1] - a[1]).slice(0, limit);
  for (const [k, us] of rows) console.log((us / 1000 / per).toFixed(1).padStart(8), 'ms ', k.slice(0, 150));
}

async function cpuProfile(page, body) {
  const cdp = await page.context().newCDPSession(page);
  if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  await body();
  const { profile } = await cdp.send('Profiler.stop');
  return stacks(profile);
}

async function typeAndClear(page, times) {
  for (let i = 0; i < times; i++) {
    await page.locator(SEARCH).fill('fedramp');
    await page.waitForTimeout(300);
    await page.locator(SEARCH).fill('');
    await page.waitForTimeout(300);
  }
}

try {
  if (mode === 'load' || mode === 'under') {
    const target = args[1];
    const agg = new Map();
    for (let r = 0; r < RUNS; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${base}/bench/pages/blank.html`);
      const samples = await cpuProfile(page, async () => {
        await open(page);
        await page.waitForTimeout(300);
      });
      if (mode === 'load') inclusive(samples, agg);
      else for (const { stack, us } of samples) if (stack.some((f) => f.includes(target))) agg.set(stack[0], (agg.get(stack[0]) || 0) + us);
      await page.close();
    }
    console.log(mode === 'load' ? `inclusive time per load (${RUNS} loads of ${DATA})` : `self time under ${target} per load (${RUNS} loads of ${DATA})`);
    print(agg, RUNS);
  } else if (mode === 'filter') {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await open(page);
    await page.waitForTimeout(1000);
    const agg = new Map();
    inclusive(await cpuProfile(page, () => typeAndClear(page, RUNS)), agg);
    console.log(`inclusive time per change (${RUNS} × type + clear on ${DATA}; includes the 300 ms idle waits as "(idle)")`);
    print(agg, 2 * RUNS);
  } else if (mode === 'trace') {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await open(page);
    await page.waitForTimeout(1000);
    const path = join(tmpdir(), `cm-trace-${process.pid}.json`);
    await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
    await typeAndClear(page, RUNS);
    await browser.stopTracing();
    const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents.filter((e) => e.ph === 'X' && e.dur);
    rmSync(path);
    const total = new Map();
    for (const e of events) total.set(e.name, (total.get(e.name) || 0) + e.dur);
    console.log(`ms per change (${RUNS} × type + clear on ${DATA}; events nest: an input's EventDispatch holds its script and any style and layout it forces)`);
    for (const k of ['FunctionCall', 'EventDispatch', 'UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'RasterTask', 'Layerize']) {
      console.log((((total.get(k) || 0) / 1000) / (2 * RUNS)).toFixed(1).padStart(8), 'ms ', k);
    }
    const last = events.filter((e) => e.name === 'Layout').at(-1);
    if (last) console.log(`layout objects: ${last.args?.beginData?.totalObjects ?? last.args?.data?.totalObjects ?? '?'}`);
  } else if (mode === 'loadtrace') {
    const total = new Map();
    const objects = [];
    for (let r = 0; r < RUNS; r++) {
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      await page.goto(`${base}/bench/pages/blank.html`);
      const path = join(tmpdir(), `cm-trace-${process.pid}-${r}.json`);
      await browser.startTracing(page, { path, categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.wasm'] });
      await open(page);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
      await browser.stopTracing();
      const events = JSON.parse(readFileSync(path, 'utf8')).traceEvents.filter((e) => e.ph === 'X' && e.dur);
      rmSync(path);
      for (const e of events) total.set(e.name, (total.get(e.name) || 0) + e.dur);
      const big = events.filter((e) => e.name === 'Layout').sort((a, b) => b.dur - a.dur)[0];
      if (big) objects.push(`${big.args?.beginData?.totalObjects ?? '?'} objects in ${(big.dur / 1000).toFixed(1)} ms`);
      await page.close();
    }
    console.log(`ms per load (${RUNS} loads of ${DATA}; events nest)`);
    for (const [k, us] of [...total].filter(([k]) => MATCH.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 30)) {
      console.log((us / 1000 / RUNS).toFixed(1).padStart(8), 'ms ', k);
    }
    console.log(`largest layout per load: ${objects.join('; ')}`);
  } else {
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await open(page);
    await page.waitForTimeout(500);
    await page.evaluate(() => {
      const root = document.querySelector('compliance-matrix').shadowRoot;
      const name = (n) =>
        n.nodeType === 1
          ? `${n.localName}.${(n.getAttribute('class') || '').split(' ')[0]}`
          : n.nodeType === 3
            ? `#text in ${n.parentNode ? n.parentNode.localName : '?'}`
            : `#${n.nodeType}`;
      window.__mutations = {};
      new MutationObserver((ms) => {
        for (const m of ms) {
          const k =
            m.type === 'attributes'
              ? `attribute ${name(m.target)} @${m.attributeName}`
              : m.type === 'characterData'
                ? `text ${name(m.target)}`
                : `children of ${name(m.target)}: +${m.addedNodes.length} −${m.removedNodes.length}`;
          window.__mutations[k] = (window.__mutations[k] || 0) + 1;
        }
      }).observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    for (const q of ['fedramp', '']) {
      await page.locator(SEARCH).fill(q);
      await page.waitForTimeout(500);
      const m = await page.evaluate(() => {
        const r = window.__mutations;
        window.__mutations = {};
        return r;
      });
      console.log(`after ${JSON.stringify(q)}:`);
      for (const [k, v] of Object.entries(m).sort((a, b) => b[1] - a[1]).slice(0, 25)) console.log(String(v).padStart(6), k);
    }
  }
} finally {
  await browser.close();
  server.close();
}
