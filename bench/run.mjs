#!/usr/bin/env node
// Benchmark of <compliance-matrix> against a windowed vanilla JS table (the floor), a naive
// vanilla table (reference), Tabulator and Grid.js: bytes to transfer, first painted table,
// filter and sort latency, memory after load. One headless Chromium session (playwright-core,
// Debian Chromium, the e2e launch options), all contenders interleaved in the same run, medians
// with min–max and ratios against the windowed vanilla table.
//
// Three datasets: the seed (data/matrix.json, 20 × 4), the synthetic 2,000 × 40 matrix (JSON written
// by bench/gen-data.mjs), and the same synthetic matrix as a CSV table (also written by
// bench/gen-data.mjs) with two contenders of its own: ours given the CSV's URL as `src` (it fetches
// and reads the CSV itself, with its dataset reader), and its floor, the windowed vanilla table
// fetching the CSV and parsing it (VanillaCsv.parse (bench/baseline-csv.js)) as part of its first paint. Ratios on
// the CSV dataset are against that floor.
//
//   node bench/run.mjs [--reps 15] [--warmup 2] [--smoke] [--no-floor] [--only ours,vanilla] [--datasets seed,synthetic,synthetic-csv]
//                      [--out bench/results.md] [--svg docs/bench-ratios.svg] [--timeout 180000]
//
// --smoke: 1 warm-up + 2 repetitions on every dataset, written to bench/results-smoke.md (+ .json,
// .svg) so the committed full results are not overwritten. Exits non-zero only when the harness
// could not measure (a page error, a timeout, a contender showing other rows than expected),
// never because a target is missed.
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync, mkdirSync, existsSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { gzipSync, brotliCompressSync, constants as zc } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { launchOptions } from '../tests/e2e/support/harness.mjs';
import { serve } from '../scripts/serve.mjs';
import { writeDataset, writeCsv, DEFAULT_SEED } from './gen-data.mjs';

const BENCH = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(BENCH, '..');
const rel = (p) => relative(ROOT, p);

// ------------------------------------------------------------------------------------------------
// Options
// ------------------------------------------------------------------------------------------------
const argv = process.argv.slice(2);
const flag = (k) => argv.includes(k);
const opt = (k, d) => {
  const i = argv.indexOf(k);
  return i >= 0 && i + 1 < argv.length ? argv[i + 1] : d;
};
const SMOKE = flag('--smoke');
const REPS = Number(opt('--reps', SMOKE ? 2 : 15));
const WARMUP = Number(opt('--warmup', SMOKE ? 1 : 2));
const TIMEOUT = Number(opt('--timeout', 180000));
const OUT = resolve(opt('--out', join(BENCH, SMOKE ? 'results-smoke.md' : 'results.md')));
const OUT_JSON = OUT.replace(/\.md$/, '') + '.json';
const SVG = resolve(opt('--svg', SMOKE ? join(BENCH, 'results-smoke.svg') : join(ROOT, 'docs/bench-ratios.svg')));
if (!(REPS >= 1 && WARMUP >= 0)) {
  console.error('--reps must be ≥ 1 and --warmup ≥ 0');
  process.exit(2);
}

/** The search string: one input event puts it in the box (like a paste); expected rows are computed below. */
const QUERY = 'fedramp';
/** Idle time on a blank page of a new context before the measured navigation. */
const SETTLE_MS = 250;

const pkgVersion = (name) => {
  try {
    return JSON.parse(readFileSync(join(BENCH, 'node_modules', name, 'package.json'), 'utf8')).version;
  } catch {
    return null;
  }
};
const TABULATOR_V = pkgVersion('tabulator-tables');
const GRIDJS_V = pkgVersion('gridjs');

// The controls the harness drives: search box, program sort button, the sort cycle of a click.
const WIDGET_CONTROLS = {
  search: 'compliance-matrix input[part=search]',
  sort: 'compliance-matrix th[data-key=program] button',
  cycle: ['asc', 'desc', 'none'],
};
const VANILLA_CONTROLS = {
  search: '#host input[type=search]',
  sort: 'th[data-key=program] button',
  cycle: ['asc', 'desc', 'none'],
};

const CONTENDERS = [
  {
    key: 'ours',
    label: 'compliance-matrix (ours)',
    page: 'ours.html',
    ...WIDGET_CONTROLS,
    // Served from a copy taken at the start of the run (bench/data/dist/), so a `make dist` running
    // meanwhile cannot break the run or mix two builds; sizes are reported under the dist/ names.
    // The page gives the widget its data, so it loads the dataset reader too (bench/size.md has
    // the first download of a page showing the embedded matrix, without it). The module fetches
    // the wasm files gzip-compressed (scripts/precompress.mjs).
    files: ['dist/compliance-matrix.js', 'dist/compliance-matrix_bg.wasm.gz', 'dist/compliance-matrix-reader_bg.wasm.gz'],
    snapshot: 'bench/data/dist',
  },
  {
    // The seed as a page showing it writes the widget: a default <compliance-matrix> (its
    // embedded matrix, built into the wasm), given no data, so no dataset reader either.
    key: 'ours-embedded',
    label: 'compliance-matrix, embedded matrix (ours)',
    page: 'ours-embedded.html',
    datasets: ['seed'],
    ...WIDGET_CONTROLS,
    files: ['dist/compliance-matrix.js', 'dist/compliance-matrix_bg.wasm.gz'],
    snapshot: 'bench/data/dist',
  },
  {
    // The CSV dataset only: the widget given the CSV's URL as `src` (in the page's HTML, as a page
    // showing a CSV file writes it); it fetches the CSV and reads it with its dataset reader,
    // fetched on first use. Same files and snapshot as `ours`.
    key: 'ours-csv',
    label: 'compliance-matrix, CSV through src (ours)',
    page: 'ours-csv.html',
    datasets: ['synthetic-csv'],
    ...WIDGET_CONTROLS,
    files: ['dist/compliance-matrix.js', 'dist/compliance-matrix_bg.wasm.gz', 'dist/compliance-matrix-reader_bg.wasm.gz'],
    snapshot: 'bench/data/dist',
  },
  {
    key: 'vanilla',
    label: 'windowed vanilla JS (floor)',
    page: 'vanilla.html',
    ...VANILLA_CONTROLS,
    files: ['bench/baseline-vanilla.js'],
  },
  {
    // The floor of the CSV dataset: the same windowed table, the page fetching the CSV text and
    // parsing it with VanillaCsv.parse (bench/baseline-csv.js: RFC 4180, the widget's cell
    // meanings) before mounting.
    key: 'vanilla-csv',
    label: 'windowed vanilla JS, parsing the CSV (floor)',
    page: 'vanilla-csv.html',
    datasets: ['synthetic-csv'],
    ...VANILLA_CONTROLS,
    files: ['bench/baseline-vanilla.js', 'bench/baseline-csv.js'],
  },
  {
    key: 'naive',
    label: 'naive vanilla JS (every row)',
    page: 'naive.html',
    ...VANILLA_CONTROLS,
    files: ['bench/naive-vanilla.js'],
  },
  {
    key: 'tabulator',
    label: `Tabulator ${TABULATOR_V}`,
    page: 'tabulator.html',
    search: '#search',
    sort: '.tabulator-col[tabulator-field="name"] .tabulator-col-title',
    cycle: ['asc', 'desc'],
    files: [
      'bench/node_modules/tabulator-tables/dist/js/tabulator.min.js',
      'bench/node_modules/tabulator-tables/dist/css/tabulator.min.css',
      'bench/pages/glue-common.js',
      'bench/pages/tabulator-glue.js',
    ],
  },
  {
    key: 'gridjs',
    label: `Grid.js ${GRIDJS_V}`,
    page: 'gridjs.html',
    search: 'input.gridjs-search-input',
    sort: 'th[data-column-id="name"] button.gridjs-sort',
    cycle: ['asc', 'desc'],
    files: [
      'bench/node_modules/gridjs/dist/gridjs.umd.js',
      'bench/node_modules/gridjs/dist/theme/mermaid.min.css',
      'bench/pages/glue-common.js',
      'bench/pages/gridjs-glue.js',
    ],
  },
];
/** The ratio base (the floor) of a dataset that does not name its own. */
const BASE = 'vanilla';

// `base`: the contender the ratios of this dataset are taken against (default BASE). `csv`: the
// file is a CSV table, read for the expectations with the floor's own parser. `optIn`: only the
// contenders naming this dataset in their `datasets` run on it.
const DATASETS = [
  { key: 'seed', label: 'seed (20 × 4, data/matrix.json)', file: join(ROOT, 'data/matrix.json') },
  { key: 'synthetic', label: 'synthetic (2,000 × 40, bench/gen-data.mjs)', file: null },
  {
    key: 'synthetic-csv',
    label: 'synthetic (2,000 × 40) as CSV: ours through `src`, the floor fetches and parses the CSV',
    file: null,
    base: 'vanilla-csv',
    csv: true,
    optIn: true,
  },
];
const wantedDatasets = opt('--datasets', DATASETS.map((d) => d.key).join(',')).split(',');
const datasets = DATASETS.filter((d) => wantedDatasets.includes(d.key));
/** The contender the ratios of dataset `dk` are taken against. */
const baseOf = (dk) => (DATASETS.find((d) => d.key === dk) || {}).base || BASE;

const only = opt('--only', null);
// --only keeps the ratio base of every dataset measured.
const bases = new Set([BASE, ...datasets.map((d) => baseOf(d.key))]);
const contenders = only
  ? CONTENDERS.filter((c) => only.split(',').includes(c.key) || bases.has(c.key))
  : CONTENDERS;
/**
 * Whether contender `c` is measured on dataset `d`: the datasets it names, or else every dataset
 * that is not opt-in.
 */
const runsOn = (c, d) => (c.datasets ? c.datasets.includes(d.key) : !d.optIn);

// ------------------------------------------------------------------------------------------------
// Helpers
// ------------------------------------------------------------------------------------------------
const problems = [];
const problem = (msg) => {
  problems.push(msg);
  console.error(`  ! ${msg}`);
};
const log = (msg) => console.log(msg);

function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timeout after ${ms} ms: ${what}`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}

const median = (xs) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const stats = (xs) => (xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs), n: xs.length } : null);

function loadScript(path, name) {
  const ctx = { globalThis: {} };
  ctx.globalThis = ctx;
  vm.createContext(ctx);
  vm.runInContext(readFileSync(join(BENCH, path), 'utf8'), ctx);
  return ctx[name];
}
const loadGlue = () => loadScript('pages/glue-common.js', 'BenchGlue');
/** The floor's code (bench/baseline-vanilla.js), for its CSV parser. */
const loadVanilla = () => loadScript('baseline-csv.js', 'VanillaCsv');

/** Expected first rows and counts of every step; throws if a test would be ambiguous. */
function expectations(ds, glue) {
  const names = ds.programs.map((p) => p.name);
  const q = glue.words(QUERY);
  const matched = ds.programs.filter((p) => glue.matches(glue.keys(p), q));
  // Grid.js matches substrings of every cell (name, hidden aliases, status text): must find the same rows.
  const ql = QUERY.toLowerCase();
  const gridMatched = glue
    .toRows(ds)
    .filter((r) => Object.entries(r).some(([k, v]) => k !== 'id' && k !== '_k' && String(v).toLowerCase().includes(ql)));
  if (gridMatched.length !== matched.length) {
    throw new Error(`query "${QUERY}": Grid.js substring search finds ${gridMatched.length} rows, the word-start search ${matched.length}`);
  }
  if (new Set(names).size !== names.length) throw new Error('program names are not unique');
  // Ascending/descending first rows under each contender's comparator must agree.
  const fold = (a, b) => {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : a < b ? -1 : a > b ? 1 : 0;
  };
  const raw = (a, b) => (a < b ? -1 : a > b ? 1 : 0);
  const locale = (a, b) => a.toLowerCase().localeCompare(b.toLowerCase());
  const ends = [fold, raw, locale].map((cmp) => {
    const s = [...names].sort(cmp);
    return [s[0], s[s.length - 1]];
  });
  for (const e of ends) {
    if (e[0] !== ends[0][0] || e[1] !== ends[0][1]) throw new Error(`sort ends differ between comparators: ${JSON.stringify(ends)}`);
  }
  const exp = {
    all: { first: names[0], count: names.length },
    filter: { first: matched[0] && matched[0].name, count: matched.length },
    asc: { first: ends[0][0], count: names.length },
    desc: { first: ends[0][1], count: names.length },
    none: { first: names[0], count: names.length },
  };
  if (!matched.length || matched.length === names.length) throw new Error(`query "${QUERY}" must match a proper subset`);
  for (const [a, b] of [['all', 'filter'], ['none', 'asc'], ['asc', 'desc'], ['desc', 'none']]) {
    if (exp[a].first === exp[b].first) throw new Error(`steps ${a} and ${b} show the same first row; the test could not tell them apart`);
  }
  return exp;
}

function transfer(c) {
  const per = c.files.map((f) => {
    const buf = readFileSync(c.snapshot ? join(ROOT, c.snapshot, f.split('/').pop()) : join(ROOT, f));
    return {
      file: f,
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, {
        params: { [zc.BROTLI_PARAM_QUALITY]: 11, [zc.BROTLI_PARAM_SIZE_HINT]: buf.length },
      }).length,
    };
  });
  const sum = (k) => per.reduce((n, x) => n + x[k], 0);
  return { files: per, raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
}

/**
 * The size floor of the framework: bench/yew-floor (a Yew app with one table and one search box)
 * built with the widget's release profile, wasm-bindgen and the same wasm-opt flags, measured
 * like a contender (glue minified by esbuild as the widget's is). Skipped with --no-floor / --smoke.
 */
async function yewFloor() {
  const out = join(ROOT, 'target/yew-floor');
  // Built by `make yew-floor` with the widget's toolchain and flags (it is a prerequisite of
  // `make bench`); built here too when the harness runs on its own.
  if (!existsSync(join(out, 'yew_floor_bg.wasm')) || !existsSync(join(out, 'yew_floor.js'))) {
    execFileSync('make', ['-C', ROOT, 'yew-floor'], { stdio: 'inherit' });
  }
  return transfer({ files: ['target/yew-floor/yew_floor.js', 'target/yew-floor/yew_floor_bg.wasm'] });
}

function machine() {
  const sh = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return 'unknown';
    }
  };
  const chromium = sh(launchOptions.executablePath, ['--version']).split('\n').find((l) => /chrom/i.test(l)) || 'unknown';
  let pw = 'unknown';
  try {
    pw = JSON.parse(readFileSync(join(ROOT, 'node_modules/playwright-core/package.json'), 'utf8')).version;
  } catch {
    /* resolved elsewhere */
  }
  return {
    nproc: sh('nproc', []),
    cpu: (cpus()[0] && cpus()[0].model) || 'unknown',
    memGiB: (totalmem() / 2 ** 30).toFixed(1),
    chromium,
    node: process.version,
    playwright: pw,
    os: sh('sh', ['-c', '. /etc/os-release && echo "$PRETTY_NAME"']),
  };
}

// ------------------------------------------------------------------------------------------------
// Browser work
// ------------------------------------------------------------------------------------------------
async function newPage(browser) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  page.setDefaultTimeout(TIMEOUT);
  page.pageErrors = [];
  page.on('pageerror', (e) => page.pageErrors.push(e.message));
  page.on('console', (m) => {
    if (m.type() === 'error') page.pageErrors.push(`console: ${m.text()}`);
  });
  return { context, page };
}

async function pageError(page) {
  const err = await page.evaluate(() => window.bench && window.bench.error).catch(() => null);
  return err || page.pageErrors[0] || null;
}

/**
 * Opens a contender's page on a dataset; resolves with its first-paint figures. The page gets the
 * data file's URL (`?data=`) and the expected first row (`&first=`, for a page that does not read
 * the data itself: ours-csv).
 */
async function openAndPaint(browser, base, c, d) {
  const { context, page } = await newPage(browser);
  try {
    // Let the new renderer process start up on a blank page of the same origin first, so its
    // start-up work does not land inside the measured load.
    await withTimeout(page.goto(`${base}/bench/pages/blank.html`), TIMEOUT, `${c.key}: blank page`);
    await page.waitForTimeout(SETTLE_MS);
    const query = `?data=${encodeURIComponent(d.url)}&first=${encodeURIComponent(d.exp.all.first)}`;
    await withTimeout(page.goto(`${base}/bench/pages/${c.page}${query}`), TIMEOUT, `${c.key}: load`);
    const fp = await withTimeout(
      (async () => {
        // Poll the page for an error while waiting, so a broken page fails fast.
        const done = page.evaluate(() => window.bench.firstPaint);
        for (;;) {
          const r = await Promise.race([done, new Promise((ok) => setTimeout(() => ok(null), 500))]);
          if (r) return r;
          const err = await pageError(page);
          if (err) throw new Error(`${c.key}: page error: ${err}`);
        }
      })(),
      TIMEOUT,
      `${c.key}: first paint`,
    );
    return { context, page, fp };
  } catch (e) {
    await context.close().catch(() => {});
    throw e;
  }
}

async function memory(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  await cdp.send('Performance.enable');
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const wasm = await page.evaluate(() => window.bench.wasmBytes());
  await cdp.detach().catch(() => {});
  const js = heap.usedSize;
  const buffers = heap.backingStorageSize || 0;
  return { js, buffers, wasm, total: js + buffers + wasm, nodes: dom.nodes, jsHeapUsedMetric: metrics.JSHeapUsedSize };
}

/**
 * Waits until a page is quiet: a forced full garbage collection (V8 and DOM, through CDP), then an
 * idle period of the main thread (a requestIdleCallback with ≥ 45 ms left). Run before every
 * measured interaction and after each contender's turn, so that no test starts while this page,
 * or the page of the contender measured just before (on a 2-core machine), is still collecting
 * the garbage of its previous step.
 */
async function quiet(page) {
  if (!page.cdp) page.cdp = await page.context().newCDPSession(page);
  await page.cdp.send('HeapProfiler.collectGarbage');
  // (requestIdleCallback is not used: in headless Chromium it stops firing once text in an
  // input has been selected.) Three 50 ms timers in a row that fire less than 8 ms late = idle.
  await page.evaluate(
    () =>
      new Promise((ok) => {
        const until = performance.now() + 5000;
        let good = 0;
        const tick = () => {
          const t = performance.now();
          setTimeout(() => {
            good = performance.now() - t < 58 ? good + 1 : 0;
            if (good >= 3 || performance.now() > until) ok();
            else tick();
          }, 50);
        };
        tick();
      }),
  );
}

/** One measured interaction: arms the in-page probe, performs `act`, waits for the painted frame. */
async function measure(page, c, type, expect, act, what) {
  await withTimeout(quiet(page), TIMEOUT, `${c.key}: quiet before ${what}`);
  await page.evaluate(([t, first]) => window.bench.arm(t, first), [type, expect.first]);
  await act();
  const r = await withTimeout(page.evaluate(() => window.bench.pending), TIMEOUT, `${c.key}: ${what}`);
  const count = await page.evaluate(() => window.bench.adapter.rowCount());
  if (count !== expect.count) throw new Error(`${c.key}: ${what}: ${count} rows shown, expected ${expect.count}`);
  const err = await pageError(page);
  if (err) throw new Error(`${c.key}: ${what}: page error: ${err}`);
  return r;
}

async function filterCycle(page, c, exp) {
  const box = page.locator(c.search);
  await box.focus();
  const apply = await measure(page, c, 'beforeinput', exp.filter, () => page.keyboard.insertText(QUERY), `filter "${QUERY}"`);
  await box.focus();
  await page.keyboard.press('ControlOrMeta+A');
  const clear = await measure(page, c, 'beforeinput', exp.all, () => page.keyboard.press('Backspace'), 'clear filter');
  await withTimeout(quiet(page), TIMEOUT, `${c.key}: quiet after filter`);
  return { apply, clear };
}

async function sortCycle(page, c, exp) {
  const out = [];
  const button = page.locator(c.sort).first();
  for (const step of c.cycle) {
    const r = await measure(page, c, 'click', exp[step], () => button.click(), `sort ${step}`);
    if (step !== 'none') out.push(r);
  }
  await withTimeout(quiet(page), TIMEOUT, `${c.key}: quiet after sort`);
  return out;
}

// ------------------------------------------------------------------------------------------------
// Main
// ------------------------------------------------------------------------------------------------
async function main() {
  const started = new Date();
  const loadStart = loadavg();
  for (const c of contenders) {
    for (const f of c.files) {
      if (!existsSync(join(ROOT, f))) {
        throw new Error(`missing ${f}: run \`make dist\` and \`cd bench && npm install\` first`);
      }
    }
  }
  // Snapshot of the built widget (see CONTENDERS): every repetition measures the same build.
  const builds = {};
  // Two contenders may share a snapshot (ours, ours-embedded): each directory is emptied once.
  for (const dir of new Set(contenders.filter((c) => c.snapshot).map((c) => join(ROOT, c.snapshot)))) {
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
  }
  for (const c of contenders) {
    if (!c.snapshot) continue;
    const dir = join(ROOT, c.snapshot);
    const hash = createHash('sha256');
    for (const f of c.files) {
      const buf = readFileSync(join(ROOT, f));
      hash.update(buf);
      writeFileSync(join(dir, f.split('/').pop()), buf);
    }
    builds[c.key] = hash.digest('hex').slice(0, 12);
  }
  const synthOpts = { programs: 2000, services: 40, seed: DEFAULT_SEED };
  const byKey = (k) => DATASETS.find((d) => d.key === k);
  byKey('synthetic').file = writeDataset(join(BENCH, 'data/synthetic-2000x40.json'), synthOpts);
  // The same matrix as a CSV table (names and statuses; a table has no aliases, tags or notes).
  byKey('synthetic-csv').file = writeCsv(join(BENCH, 'data/synthetic-2000x40.csv'), synthOpts);
  const glue = loadGlue();
  const vanilla = loadVanilla();
  for (const d of datasets) {
    // A CSV file as the floor's parser reads it (the widget's reading of a table: names, no
    // aliases, no tags), so the expected rows are those of the data as the CSV carries it.
    const text = readFileSync(d.file, 'utf8');
    d.data = d.csv ? vanilla.parse(text) : JSON.parse(text);
    d.url = '/' + rel(d.file);
    d.exp = expectations(d.data, glue);
    const buf = readFileSync(d.file);
    d.bytes = { raw: buf.length, gzip: gzipSync(buf, { level: 9 }).length, brotli: brotliCompressSync(buf).length };
    d.size = `${d.data.programs.length} × ${d.data.services.length}`;
  }
  const sizes = Object.fromEntries(contenders.map((c) => [c.key, transfer(c)]));
  if (!SMOKE && !flag('--no-floor') && contenders.some((c) => c.key === 'ours')) {
    log('building the Yew size floor (bench/yew-floor)…');
    sizes.yewFloor = await yewFloor();
  }
  const mach = machine();
  log(`bench: ${contenders.map((c) => c.key).join(', ')} on ${datasets.map((d) => d.key).join(', ')}; ${WARMUP} warm-up + ${REPS} measured repetitions`);

  const results = {}; // results[dataset][contender] = {firstPaint:[], filter:[], clear:[], sort:[], memory:[], ...}
  const server = await serve(ROOT, 0);
  const base = `http://127.0.0.1:${server.address().port}`;
  let browser;
  try {
    browser = await chromium.launch(launchOptions);
    for (const d of datasets) {
      log(`\n== ${d.label}: "${QUERY}" → ${d.exp.filter.count} of ${d.exp.all.count} rows`);
      const R = (results[d.key] = {});
      for (const c of contenders) {
        R[c.key] = { firstPaint: [], firstPaint2: [], wasmReady: [], filter: [], filter2: [], clear: [], clear2: [], sort: [], sort2: [], memory: [], failed: null };
      }
      const fail = (c, e) => {
        if (!R[c.key].failed) R[c.key].failed = e.message;
        problem(`${d.key}/${c.key}: ${e.message}`);
      };

      // 1. First paint and memory: a fresh page (own browser context, so its own renderer
      //    process and V8 heap) per repetition, contenders interleaved within each repetition.
      for (let rep = 0; rep < WARMUP + REPS; rep++) {
        const measured = rep >= WARMUP;
        for (const c of contenders) {
          if (R[c.key].failed || !runsOn(c, d)) continue;
          let context;
          try {
            const o = await openAndPaint(browser, base, c, d);
            context = o.context;
            const count = await o.page.evaluate(() => window.bench.adapter.rowCount());
            if (count !== d.exp.all.count) throw new Error(`first paint: ${count} rows, expected ${d.exp.all.count}`);
            if (measured) {
              R[c.key].firstPaint.push(o.fp.ms);
              R[c.key].firstPaint2.push(o.fp.ms2);
              const ready = await o.page.evaluate(() => window.bench.wasmReady());
              if (ready !== null) R[c.key].wasmReady.push(ready);
              const m = await withTimeout(memory(context, o.page), TIMEOUT, `${c.key}: memory`);
              m.domRows = await o.page.evaluate(() => window.bench.adapter.domRows());
              R[c.key].memory.push(m);
            }
          } catch (e) {
            fail(c, e);
          } finally {
            await context?.close().catch(() => {});
          }
        }
        log(`  first paint ${measured ? `rep ${rep - WARMUP + 1}/${REPS}` : `warm-up ${rep + 1}/${WARMUP}`}: ` +
          contenders.filter((c) => runsOn(c, d)).map((c) => `${c.key} ${R[c.key].failed ? 'FAILED' : (R[c.key].firstPaint.at(-1) ?? NaN).toFixed(0)}`).join(', '));
      }

      // 2. Filter and sort: one page per contender, kept open; contenders interleaved per cycle.
      const pages = {};
      try {
        for (const c of contenders) {
          if (R[c.key].failed || !runsOn(c, d)) continue;
          try {
            pages[c.key] = await openAndPaint(browser, base, c, d);
          } catch (e) {
            fail(c, e);
          }
        }
        for (const [phase, run] of [['filter', filterCycle], ['sort', sortCycle]]) {
          for (let rep = 0; rep < WARMUP + REPS; rep++) {
            const measured = rep >= WARMUP;
            for (const c of contenders) {
              if (R[c.key].failed || !pages[c.key]) continue;
              try {
                const r = await run(pages[c.key].page, c, d.exp);
                if (!measured) continue;
                if (phase === 'filter') {
                  R[c.key].filter.push(r.apply.ms);
                  R[c.key].filter2.push(r.apply.ms2);
                  R[c.key].clear.push(r.clear.ms);
                  R[c.key].clear2.push(r.clear.ms2);
                } else {
                  for (const x of r) {
                    R[c.key].sort.push(x.ms);
                    R[c.key].sort2.push(x.ms2);
                  }
                }
              } catch (e) {
                fail(c, e);
              }
            }
            log(`  ${phase} ${measured ? `rep ${rep - WARMUP + 1}/${REPS}` : `warm-up ${rep + 1}/${WARMUP}`}: ` +
              contenders.filter((c) => runsOn(c, d)).map((c) => {
                if (R[c.key].failed) return `${c.key} FAILED`;
                const xs = phase === 'filter' ? [R[c.key].filter.at(-1), R[c.key].clear.at(-1)] : R[c.key].sort.slice(-2);
                return `${c.key} ${xs.map((x) => (x ?? NaN).toFixed(0)).join('/')}`;
              }).join(', '));
          }
        }
      } finally {
        for (const p of Object.values(pages)) await p.context.close().catch(() => {});
      }
    }
  } finally {
    await browser?.close().catch(() => {});
    server.close();
  }

  // ----------------------------------------------------------------------------------------------
  // Report
  // ----------------------------------------------------------------------------------------------
  const loadEnd = loadavg();
  const finished = new Date();
  const summary = {};
  for (const d of datasets) {
    summary[d.key] = {};
    for (const c of contenders) {
      const r = results[d.key][c.key];
      summary[d.key][c.key] = {
        failed: r.failed,
        transferGzip: sizes[c.key].gzip,
        firstPaint: stats(r.firstPaint),
        filter: stats(r.filter),
        clear: stats(r.clear),
        sort: stats(r.sort),
        memory: stats(r.memory.map((m) => m.total)),
        jsHeap: stats(r.memory.map((m) => m.js)),
        wasm: stats(r.memory.map((m) => m.wasm)),
        nodes: stats(r.memory.map((m) => m.nodes)),
        domRows: stats(r.memory.map((m) => m.domRows)),
        firstPaint2: stats(r.firstPaint2),
        wasmReady: stats(r.wasmReady),
        filter2: stats(r.filter2),
        clear2: stats(r.clear2),
        sort2: stats(r.sort2),
      };
    }
  }
  const ratio = (dk, ck, metric) => {
    const a = summary[dk][ck][metric];
    const b = summary[dk][baseOf(dk)][metric];
    if (metric === 'transferGzip') return a / b;
    return a && b ? a.median / b.median : NaN;
  };

  const targets = datasets.length ? buildTargets(summary, ratio, sizes) : [];
  const md = renderMarkdown({ started, mach, sizes, summary, ratio, targets });
  mkdirSync(dirname(OUT), { recursive: true });
  writeFileSync(OUT, md);
  writeFileSync(
    OUT_JSON,
    JSON.stringify(
      {
        date: started.toISOString(),
        machine: mach,
        options: { reps: REPS, warmup: WARMUP, smoke: SMOKE, query: QUERY, argv },
        loadavg: { start: loadStart, end: loadEnd },
        minutes: (finished - started) / 60000,
        datasets: datasets.map((d) => ({ key: d.key, file: rel(d.file), size: d.size, bytes: d.bytes, base: baseOf(d.key), expected: d.exp })),
        transfer: sizes,
        builds,
        summary,
        samples: results,
        targets,
        problems,
      },
      null,
      1,
    ) + '\n',
  );
  mkdirSync(dirname(SVG), { recursive: true });
  writeFileSync(SVG, renderSvg(summary, ratio));
  log(`\nwrote ${rel(OUT)}, ${rel(OUT_JSON)} and ${rel(SVG)}`);
  log(md.slice(md.indexOf('## Results'), md.indexOf('## Method')));
  return problems.length === 0;

  // --- rendering helpers (closures over the run) --------------------------------------------------
  function renderMarkdown({ started, mach, sizes, summary, ratio, targets }) {
    const kb = (b) => `${(b / 1000).toFixed(1)} kB`;
    const mb = (b) => `${(b / 1e6).toFixed(1)} MB`;
    const ms = (x) => (x < 10 ? x.toFixed(1) : x.toFixed(0));
    const cell = (s, fmt, r) => (s ? `${fmt(s.median)} (${fmt(s.min)}–${fmt(s.max)})${Number.isFinite(r) ? `, **${r.toFixed(2)}×**` : ''}` : 'n/a');
    const L = [];
    L.push('# Benchmark: compliance-matrix vs vanilla JS, Tabulator and Grid.js');
    L.push('');
    L.push(`Generated by \`node bench/run.mjs${argv.length ? ' ' + argv.join(' ') : ''}\` on ${started.toISOString().slice(0, 10)} ` +
      `(${started.toISOString().slice(11, 16)} UTC)${SMOKE ? ' — **SMOKE RUN: too few repetitions to quote**' : ''}.`);
    L.push('');
    L.push(`- Machine: ${mach.nproc} CPUs (\`nproc\`), ${mach.cpu}, ${mach.memGiB} GiB RAM, ${mach.os}`);
    L.push(`- Browser: ${mach.chromium}, headless, through playwright-core ${mach.playwright}, launch options of tests/e2e/support/harness.mjs (\`${launchOptions.args.join(' ')}\`); viewport 1280 × 800`);
    const la = (l) => l.map((x) => x.toFixed(2)).join(' / ');
    L.push(`- Load average (1 / 5 / 15 min) at the start ${la(loadStart)}, at the end ${la(loadEnd)}; the run took ${((finished - started) / 60000).toFixed(0)} min. ` +
      'Load above the CPU count means other work shared the machine: absolute times are inflated and noisy, the ratios less so.');
    if (builds.ours) L.push(`- Widget build measured: dist/ as of the start of the run (copied to bench/data/dist/), sha256 of its files ${builds.ours}`);
    L.push(`- Node ${mach.node}; Tabulator ${TABULATOR_V}, Grid.js ${GRIDJS_V} (pinned in bench/package.json)`);
    L.push(`- ${WARMUP} warm-up + ${REPS} measured repetitions per test; medians with (min–max); **ratio** = median ÷ the windowed vanilla table's median in this same run (lower is better, 1× = the floor); ` +
      'on the CSV dataset, ÷ the windowed vanilla table that fetches and parses the same CSV.');
    L.push('');
    L.push('## Results');
    for (const d of datasets) {
      L.push('');
      L.push(`### ${d.label}`);
      L.push('');
      const floor = contenders.find((c) => c.key === baseOf(d.key));
      L.push(`Filter: "${QUERY}" finds ${d.exp.filter.count} of ${d.exp.all.count} programs; clear: back to all ${d.exp.all.count}. ` +
        `Data file ${kb(d.bytes.raw)} raw, ${kb(d.bytes.gzip)} gzip -9 (the same file for every contender, not in the transfer column).` +
        (baseOf(d.key) !== BASE ? ` Ratios against ${floor ? floor.label : baseOf(d.key)}.` : ''));
      L.push('');
      L.push('| contender | transfer (gzip -9) | first paint (ms) | filter: type query (ms) | filter: clear (ms) | sort: program header (ms) | memory after load (MB) | DOM nodes / rows in DOM |');
      L.push('|---|---|---|---|---|---|---|---|');
      for (const c of contenders) {
        if (!runsOn(c, d)) continue;
        const s = summary[d.key][c.key];
        if (s.failed && !s.firstPaint) {
          L.push(`| ${c.label} | ${kb(sizes[c.key].gzip)} | failed: ${s.failed.replace(/\|/g, '/')} | | | | | |`);
          continue;
        }
        L.push(`| ${c.key.startsWith('ours') ? `**${c.label}**` : c.label} | ${kb(sizes[c.key].gzip)}, **${ratio(d.key, c.key, 'transferGzip').toFixed(1)}×** | ` +
          `${cell(s.firstPaint, ms, ratio(d.key, c.key, 'firstPaint'))} | ${cell(s.filter, ms, ratio(d.key, c.key, 'filter'))} | ` +
          `${cell(s.clear, ms, ratio(d.key, c.key, 'clear'))} | ${cell(s.sort, ms, ratio(d.key, c.key, 'sort'))} | ` +
          `${cell(s.memory && { median: s.memory.median / 1e6, min: s.memory.min / 1e6, max: s.memory.max / 1e6 }, (x) => x.toFixed(1), ratio(d.key, c.key, 'memory'))} | ` +
          `${s.nodes ? Math.round(s.nodes.median) : 'n/a'} / ${s.domRows ? Math.round(s.domRows.median) : 'n/a'} |` +
          (s.failed ? ` (partly failed: ${s.failed.replace(/\|/g, '/')})` : ''));
      }
    }
    L.push('');
    L.push('![Ratios against the windowed vanilla table](../docs/bench-ratios.svg)');
    L.push('');
    L.push('## Targets for compliance-matrix: size and speed');
    L.push('');
    L.push('| target | measured | |');
    L.push('|---|---|---|');
    for (const t of targets) L.push(`| ${t.target} | ${t.measured} | ${t.met === null ? 'n/a' : t.met ? 'met' : '**not met**'} |`);
    L.push('');
    L.push('## Transfer sizes (bytes)');
    L.push('');
    L.push('Every file a page needs besides the data and the benchmark probe, each compressed on its own (as HTTP does): raw, `gzip -9` (node zlib level 9), brotli (quality 11).');
    L.push('');
    L.push('| contender | file | raw | gzip -9 | brotli |');
    L.push('|---|---|---:|---:|---:|');
    for (const c of contenders) {
      for (const f of sizes[c.key].files) L.push(`| ${c.label} | \`${f.file}\` | ${f.raw} | ${f.gzip} | ${f.brotli} |`);
      L.push(`| **${c.label}** | **total** | **${sizes[c.key].raw}** | **${sizes[c.key].gzip}** | **${sizes[c.key].brotli}** |`);
    }
    if (sizes.yewFloor) {
      for (const f of sizes.yewFloor.files) L.push(`| Yew floor (bench/yew-floor, not a contender) | \`${f.file}\` | ${f.raw} | ${f.gzip} | ${f.brotli} |`);
      L.push(`| **Yew floor** | **total** | **${sizes.yewFloor.raw}** | **${sizes.yewFloor.gzip}** | **${sizes.yewFloor.brotli}** |`);
    }
    for (const d of datasets) L.push(`| data | \`${rel(d.file)}\` (${d.size}) | ${d.bytes.raw} | ${d.bytes.gzip} | ${d.bytes.brotli} |`);
    L.push('');
    L.push('## Memory detail (medians after load, after two forced GCs)');
    L.push('');
    L.push('| dataset | contender | JS heap used | wasm linear memory | total | DOM nodes |');
    L.push('|---|---|---:|---:|---:|---:|');
    for (const d of datasets) {
      for (const c of contenders) {
        const s = summary[d.key][c.key];
        if (!runsOn(c, d) || !s.memory) continue;
        L.push(`| ${d.key} | ${c.label} | ${mb(s.jsHeap.median)} | ${mb(s.wasm.median)} | ${mb(s.memory.median)} | ${Math.round(s.nodes.median)} |`);
      }
    }
    L.push('');
    L.push('## Secondary figure: two requestAnimationFrame');
    L.push('');
    L.push('The same events timed to the second `requestAnimationFrame` after the DOM shows the expected rows (medians, ms); this adds up to one idle frame (≈16.7 ms) to every figure, which is why the table above uses the end of the rendered frame instead.');
    L.push('');
    L.push('| dataset | contender | first paint | filter | clear | sort |');
    L.push('|---|---|---:|---:|---:|---:|');
    for (const d of datasets) {
      for (const c of contenders) {
        if (!runsOn(c, d)) continue;
        const s = summary[d.key][c.key];
        const f = (x) => (x ? ms(x.median) : 'n/a');
        L.push(`| ${d.key} | ${c.label} | ${f(s.firstPaint2)} | ${f(s.filter2)} | ${f(s.clear2)} | ${f(s.sort2)} |`);
      }
    }
    L.push('');
    // The hand-written analysis of the targets this build misses (profiles), kept beside the
    // harness so a new run keeps it; update it when the figures move.
    const analysis = join(BENCH, 'analysis.md');
    if (!SMOKE && existsSync(analysis)) {
      L.push(readFileSync(analysis, 'utf8').trim());
      L.push('');
    }
    L.push(METHOD);
    if (problems.length) {
      L.push('');
      L.push('## Problems in this run (the harness could not measure these)');
      L.push('');
      for (const p of problems) L.push(`- ${p}`);
    }
    L.push('');
    return L.join('\n');
  }
}

function buildTargets(summary, ratio, sizes) {
  const t = [];
  const fmt = (r, s) => (s ? `${r.toFixed(2)}× (${s.median.toFixed(s.median < 10 ? 1 : 0)} ms vs ${'{B}'})` : 'n/a');
  // Ratios are against the dataset's own floor (baseOf: vanilla, or vanilla-csv on the CSV dataset).
  const has = (dk, ck = 'ours') => summary[dk] && summary[dk][ck] && summary[dk][baseOf(dk)];
  const gz = sizes.ours ? sizes.ours.gzip : null;
  const first = sizes['ours-embedded'];
  const floor = sizes.yewFloor
    ? `; the framework alone (bench/yew-floor: Yew, one table, one search box, same build) is ${(sizes.yewFloor.gzip / 1000).toFixed(1)} kB gzip`
    : '';
  t.push({
    target: 'Total transfer ≤ 100 kB gzip (JS + wasm + CSS; the data is the same for every contender)',
    measured: gz === null ? 'n/a' : (first ? `a default widget (the embedded matrix): ${(first.gzip / 1000).toFixed(1)} kB gzip (${(first.brotli / 1000).toFixed(1)} kB brotli); a page giving data, with the dataset reader: ` : '') +
      `${(gz / 1000).toFixed(1)} kB gzip (${(sizes.ours.brotli / 1000).toFixed(1)} kB brotli)${floor}`,
    met: gz === null ? null : (first ? first.gzip : gz) <= 100000,
  });
  const rel = (dk, metric, limit, text, ck = 'ours') => {
    if (!has(dk, ck)) return;
    const s = summary[dk][ck][metric];
    const b = summary[dk][baseOf(dk)][metric];
    const r = ratio(dk, ck, metric);
    t.push({
      target: text,
      measured: s && b ? fmt(r, s).replace('{B}', `${b.median.toFixed(b.median < 10 ? 1 : 0)} ms`) : 'n/a',
      met: s && b ? r <= limit : null,
    });
  };
  rel('synthetic', 'filter', 1.5, '2,000 × 40: filter (type the query) ≤ 1.5× the windowed floor');
  rel('synthetic', 'clear', 1.5, '2,000 × 40: filter (clear the query) ≤ 1.5× the windowed floor');
  rel('synthetic', 'sort', 1.5, '2,000 × 40: sort ≤ 1.5× the windowed floor');
  rel('synthetic', 'firstPaint', 2, '2,000 × 40: first paint ≤ 2× the windowed floor');
  rel('seed', 'firstPaint', 1.5, 'seed 20 × 4: first paint ≤ 1.5× vanilla');
  rel('seed', 'firstPaint', 1.5, 'seed 20 × 4, a default widget showing its embedded matrix (no data given, no dataset reader): first paint ≤ 1.5× vanilla', 'ours-embedded');
  // The same 2,000 × 40 matrix as a CSV file given as `src`: the widget fetches the CSV and reads
  // it (its dataset reader, fetched on first use), against a windowed vanilla table that fetches
  // and parses the same CSV (bench/pages/vanilla-csv.html).
  const CSV_TARGET = '2,000 × 40 from a CSV `src`';
  rel('synthetic-csv', 'firstPaint', 2, `${CSV_TARGET}: first paint ≤ 2× a windowed vanilla table that fetches and parses the same CSV`, 'ours-csv');
  rel('synthetic-csv', 'filter', 1.0, `${CSV_TARGET}: filter (type the query) ≤ 1.0× that table`, 'ours-csv');
  rel('synthetic-csv', 'clear', 1.0, `${CSV_TARGET}: filter (clear the query) ≤ 1.0× that table`, 'ours-csv');
  rel('synthetic-csv', 'sort', 1.0, `${CSV_TARGET}: sort ≤ 1.0× that table`, 'ours-csv');
  for (const [dk, ck, prefix] of [
    ['synthetic', 'ours', '2,000 × 40: first paint'],
    ['seed', 'ours', 'seed 20 × 4: first paint'],
    ['synthetic-csv', 'ours-csv', `${CSV_TARGET}: first paint`],
  ]) {
    // How much of our first paint passes before any of our code runs: the wasm's fetch,
    // compile and instantiation (probe.js), against the floor's whole first paint.
    const w = has(dk, ck) && summary[dk][ck].wasmReady;
    const b = has(dk, ck) && summary[dk][baseOf(dk)].firstPaint;
    const row = t.find((x) => x.target.startsWith(prefix));
    if (w && b && row) {
      row.measured += `; our wasm is instantiated at ${w.median.toFixed(0)} ms (${(w.median / b.median).toFixed(2)}× the floor's whole first paint) before any of our code runs`;
    }
  }
  if (summary.synthetic && summary.synthetic.ours && summary.synthetic.tabulator) {
    const rs = ['firstPaint', 'filter', 'sort'].map((m) => {
      const a = summary.synthetic.ours[m];
      const b = summary.synthetic.tabulator[m];
      return a && b ? b.median / a.median : NaN;
    });
    t.push({
      target: '(consequence) 2,000 × 40: at least 2× faster than Tabulator in first paint, filter and sort',
      measured: `Tabulator ÷ ours: first paint ${rs[0].toFixed(2)}×, filter ${rs[1].toFixed(2)}×, sort ${rs[2].toFixed(2)}×`,
      met: rs.every(Number.isFinite) ? rs.every((x) => x >= 2) : null,
    });
  }
  return t;
}

// ------------------------------------------------------------------------------------------------
// The chart: hand-made SVG, log-scale horizontal bars of ratios against the windowed floor.
// ------------------------------------------------------------------------------------------------
function renderSvg(summary, ratio) {
  const COLORS = { ours: '#0969da', 'ours-embedded': '#54aeff', 'ours-csv': '#0a3069', naive: '#8c959f', tabulator: '#bf8700', gridjs: '#8250df', vanilla: '#1a7f37', 'vanilla-csv': '#4ac26b' };
  const METRICS = [
    ['transferGzip', 'transfer (gzip)'],
    ['firstPaint', 'first paint'],
    ['filter', 'filter: type'],
    ['clear', 'filter: clear'],
    ['sort', 'sort'],
    ['memory', 'memory'],
  ];
  const TARGET = {
    synthetic: { firstPaint: 2, filter: 1.5, clear: 1.5, sort: 1.5 },
    seed: { firstPaint: 1.5 },
    'synthetic-csv': { firstPaint: 2, filter: 1, clear: 1, sort: 1 },
  };
  // A dataset's panel: the contenders measured on it, except its floor (the 1× line).
  const othersOf = (d) => contenders.filter((c) => runsOn(c, d) && c.key !== baseOf(d.key));
  // The legend: every contender with a bar in some panel.
  const others = contenders.filter((c) => datasets.some((d) => othersOf(d).includes(c)));
  const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
  const W = 960;
  const left = 150;
  const right = 70;
  const barH = 11;
  const gap = 2;
  const groupGap = 12;
  const plotW = W - left - right;
  let maxR = 1;
  let minR = 1;
  for (const d of datasets) {
    for (const c of othersOf(d)) {
      for (const [m] of METRICS) {
        const r = ratio(d.key, c.key, m);
        if (Number.isFinite(r) && r > 0) {
          maxR = Math.max(maxR, r);
          minR = Math.min(minR, r);
        }
      }
    }
  }
  const lo = Math.pow(10, Math.floor(Math.log10(Math.min(minR, 0.5)) + 1e-9));
  const hi = Math.pow(10, Math.ceil(Math.log10(Math.max(maxR * 1.05, 2)) - 1e-9));
  const x = (r) => left + (Math.log10(r / lo) / Math.log10(hi / lo)) * plotW;
  const ticks = [];
  for (let p = lo; p <= hi * 1.0001; p *= 10) for (const k of [1, 2, 5]) if (p * k <= hi * 1.0001) ticks.push(p * k);
  const groupHOf = (d) => Math.max(1, othersOf(d).length) * (barH + gap) - gap;
  const panelHOf = (d) => 34 + METRICS.length * (groupHOf(d) + groupGap) + 22;
  // The legend, wrapped into rows that fit the width (16 px each).
  const legend = [];
  {
    let lx = 16;
    let row = 0;
    for (const c of others) {
      const w = 24 + c.label.length * 6.2;
      if (lx > 16 && lx + w - 10 > W - 16) {
        lx = 16;
        row++;
      }
      legend.push({ c, x: lx, y: 52 + row * 16 });
      lx += w;
    }
  }
  const legendExtra = legend.length ? legend[legend.length - 1].y - 52 : 0;
  const H = 70 + legendExtra + datasets.reduce((h, d) => h + panelHOf(d), 0) + 40;
  const o = [];
  o.push(`<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" font-family="system-ui, -apple-system, 'Segoe UI', sans-serif" font-size="11">`);
  o.push(`<title>Benchmark ratios against the windowed vanilla JS table (lower is better)</title>`);
  o.push(`<rect width="${W}" height="${H}" fill="#ffffff"/>`);
  o.push(`<text x="16" y="24" font-size="15" font-weight="600" fill="#1f2328">compliance-matrix benchmark: median ÷ windowed vanilla JS table (log scale, lower is better)</text>`);
  o.push(`<text x="16" y="42" fill="#57606a">${esc(`${REPS} measured repetitions after ${WARMUP} warm-ups, one headless Chromium run; dashed red: the target for compliance-matrix; CSV panel: ÷ its own floor, vanilla-csv`)}</text>`);
  for (const { c, x: lx, y: ly } of legend) {
    o.push(`<rect x="${lx.toFixed(1)}" y="${ly}" width="10" height="10" fill="${COLORS[c.key] || '#444'}"/>`);
    o.push(`<text x="${(lx + 14).toFixed(1)}" y="${ly + 9}" fill="#1f2328">${esc(c.label)}</text>`);
  }
  let y = 78 + legendExtra;
  for (const d of datasets) {
    const panel = othersOf(d);
    const groupH = groupHOf(d);
    const panelH = panelHOf(d);
    o.push(`<text x="16" y="${y + 14}" font-size="13" font-weight="600" fill="#1f2328">${esc(d.label.replace(/`/g, ''))}</text>`);
    const top = y + 26;
    const bottom = y + panelH - 22;
    for (const t of ticks) {
      const tx = x(t).toFixed(1);
      o.push(`<line x1="${tx}" y1="${top}" x2="${tx}" y2="${bottom}" stroke="${t === 1 ? '#1a7f37' : '#d0d7de'}" stroke-width="${t === 1 ? 1.5 : 1}"/>`);
      o.push(`<text x="${tx}" y="${bottom + 13}" text-anchor="middle" fill="#57606a">${t >= 1 ? t : t.toFixed(t < 0.1 ? 2 : 1)}×</text>`);
    }
    o.push(`<text x="${(x(1) + 4).toFixed(1)}" y="${top + 8}" fill="#1a7f37">${esc(d.base ? `floor (${d.base}) = 1×` : 'floor = 1×')}</text>`);
    let gy = top + 12;
    for (const [m, label] of METRICS) {
      o.push(`<text x="${left - 8}" y="${gy + groupH / 2 + 4}" text-anchor="end" fill="#1f2328">${esc(label)}</text>`);
      panel.forEach((c, i) => {
        const by = gy + i * (barH + gap);
        const r = ratio(d.key, c.key, m);
        if (!Number.isFinite(r) || r <= 0) {
          o.push(`<text x="${left + 4}" y="${by + barH - 2}" fill="#cf222e">n/a</text>`);
          return;
        }
        const x0 = x(lo);
        const w = Math.max(1, x(r) - x0);
        o.push(`<rect x="${x0.toFixed(1)}" y="${by}" width="${w.toFixed(1)}" height="${barH}" fill="${COLORS[c.key] || '#444'}"><title>${esc(`${c.label}, ${label}: ${r.toFixed(2)}×`)}</title></rect>`);
        o.push(`<text x="${(x0 + w + 4).toFixed(1)}" y="${by + barH - 2}" fill="#1f2328">${r < 10 ? r.toFixed(2) : r.toFixed(1)}×</text>`);
        const tgt = TARGET[d.key] && TARGET[d.key][m];
        if (c.key.startsWith('ours') && tgt) {
          const tx = x(tgt).toFixed(1);
          o.push(`<line x1="${tx}" y1="${by - 2}" x2="${tx}" y2="${by + barH + 2}" stroke="#cf222e" stroke-width="2" stroke-dasharray="3 2"/>`);
        }
      });
      gy += groupH + groupGap;
    }
    y += panelH;
  }
  o.push(`<text x="16" y="${H - 14}" fill="#57606a">${esc(`Written by bench/run.mjs (${new Date().toISOString().slice(0, 10)}); numbers in bench/results.md. Transfer target (≤ 100 kB gzip) is absolute, not a ratio.`)}</text>`);
  o.push('</svg>');
  return o.join('\n') + '\n';
}

const METHOD = `## Method

- **Pages** (\`bench/pages/*.html\`, served from the repository root by \`scripts/serve.mjs\` on 127.0.0.1, \`cache-control: no-store\`): the first script records \`performance.now()\` and starts fetching the data file (the widget's JSON schema, the same file for every contender); then \`probe.js\` (instrumentation, not counted), then the contender's code and CSS. Ours: \`<compliance-matrix view="table">\` with \`el.data = dataset\` set before it is connected (the other contenders have no diagram, so the widget's diagram view is off). Ours, embedded matrix (the seed only): a default \`<compliance-matrix view="table">\` in the page's HTML, given no data, showing the matrix built into its wasm (so it never fetches the dataset reader); the page still fetches the data file, only to tell the probe the expected first row. Windowed vanilla: \`bench/baseline-vanilla.js\`. Naive vanilla: \`bench/naive-vanilla.js\`. Tabulator: \`layout: "fitDataFill"\`, header sort, virtual DOM (default; it needs a fixed height: 640 px, as the windowed vanilla table), a search box calling \`table.setFilter\` with the widget's word-start search (\`bench/pages/glue-common.js\`, \`tabulator-glue.js\`). Grid.js: \`sort: true\`, \`pagination: false\`, built-in search with the aliases in a hidden column it searches (\`search: {ignoreHiddenColumns: false}\`). Grid.js and Tabulator get the same rows converted in the page (\`BenchGlue.toRows\`, timed as part of first paint). On the CSV dataset only, two pages of their own: ours, CSV through \`src\` (\`ours-csv.html\`): \`<compliance-matrix view="table">\` in the page's HTML with the CSV's URL as its \`src\` (set by a script before the module upgrades the element, as if written in the HTML); the page fetches nothing and preloads nothing: the widget fetches the CSV itself and reads it with its dataset reader (\`compliance-matrix-reader_bg.wasm.gz\`, fetched on first use); the harness tells the page the expected first row (\`&first=\`), so the page does no work of its own. Its floor, windowed vanilla from the CSV (\`vanilla-csv.html\`): the first script fetches the CSV as text; the page parses it with \`VanillaCsv.parse\` (\`bench/baseline-csv.js\`: RFC 4180, the widget's cell meanings: \`1\` in scope, \`0\` not in scope, empty unknown, other text in progress with that label) and mounts the same windowed table; the parse is part of its first paint.
- **Each page in its own browser context** (own renderer process and V8 heap), cold: no HTTP or code cache (the wasm and JS are compiled on every load). Loopback network: transfer size does not show in the times; it is reported on its own.
- **First paint**: from the first script's \`performance.now()\` to the end of the rendered frame that first shows the dataset's first program as the first row. "Painted" is detected with a \`requestAnimationFrame\` loop in the page (no MutationObserver, so no observer work is added to the contender): the condition is checked at the start of each frame and right after it has rendered (a \`MessageChannel\` message posted from the rAF callback runs after the frame's style, layout and paint); the time is taken at that message. A fresh page per repetition.
- **Filter**: one page per contender kept open; the search box is focused and the query "${QUERY}" arrives as one input event (\`page.keyboard.insertText\`, like a paste); timed from the \`beforeinput\` event (a capture listener on \`window\`, which sees events inside the widget's shadow root) to the end of the frame that shows the first matching program as the first row. **Clear**: select all, then one Backspace key press, timed the same way until the first program of the full list is painted. Each measured step also checks the number of matching rows through the contender's API (ours: \`el.state.visible\`; Tabulator: \`getDataCount("active")\`; Grid.js and vanilla: their rows), and the run fails if it differs.
- **Sort**: a real mouse click on the program header (ours \`th[data-key=program] button\`), timed from the \`click\` event to the painted frame showing the expected first row (A → Z, then Z → A). Ours and the vanilla tables cycle ascending → descending → seed order; the third click (back to seed order) is not timed. Tabulator and Grid.js toggle ascending ↔ descending. The expected first and last names are the same under the comparators involved (case-folded code-unit order, code-unit order, \`localeCompare\`), checked before the run.
- **Memory** (on the first-paint pages, after two forced garbage collections through CDP \`HeapProfiler.collectGarbage\`): \`Runtime.getHeapUsage\` \`usedSize\` (V8 JS heap) + \`backingStorageSize\` (ArrayBuffers) + the wasm linear memory. V8 does not count wasm memory in its heap figures and the widget does not expose it, so \`probe.js\` wraps \`WebAssembly.instantiate\`/\`instantiateStreaming\` and sums \`memory.buffer.byteLength\` of every exported \`WebAssembly.Memory\`. DOM memory (Blink's own heap for elements, layout objects) is not in these figures; the DOM node count (CDP \`Memory.getDOMCounters\`) is reported beside it.
- **Quiet start**: before every measured filter or sort step, and after each contender's turn, the page gets a forced full garbage collection (CDP \`HeapProfiler.collectGarbage\`) and the harness waits until its main thread is idle (three 50 ms timers in a row fire less than 8 ms late; at most 5 s). Without this, on 2 cores, a contender measured right after a heavy one (e.g. the windowed floor after our widget re-rendered 2,000 rows) paid for the other renderer's garbage collection. Each step thus starts from a quiet state; garbage a step itself creates and collects during the step still counts.
- **Order**: within each repetition the contenders run one after another (interleaved), so a slow phase of the machine touches all of them; ratios are taken within the run.
- **Data**: the seed is \`data/matrix.json\`; the synthetic matrix is written by \`bench/gen-data.mjs\` (mulberry32, seed ${DEFAULT_SEED}): shuffled seed order, unique names, ~60 % in scope, ~18 % not in scope, ~12 % in progress with a label, ~10 % unknown or left out. The CSV dataset is the same matrix written by \`bench/gen-data.mjs\` as \`bench/data/synthetic-2000x40.csv\`, as the widget's CSV export writes one: header \`Compliance Program\` then the service names, one row per program in the same order, cells \`1\`, \`0\`, the in-progress label, or empty; fields with \`,\`, \`"\`, CR or LF quoted (RFC 4180), CRLF line ends. A table carries names and statuses only (no aliases, tags or notes), so its expected rows are computed from the CSV as \`parseCsv\` reads it: "${QUERY}" finds the programs named FedRAMP only. The generator refuses names and labels the widget's reader would read back otherwise (a leading \`=\`, \`+\`, \`-\`, \`@\`, a label that reads as a status, a name of the seed's programs).

## Caveats

- Our widget does more per row than the others: a coverage column (a pip per service, one bar above 12 services), status cells with symbols, row headers, and toolbar features (status filter, facets, export, live count). The windowed vanilla floor has the same search, sort, sticky header and aria row counts, but no keyboard navigation and no print view.
- The times include the frame the browser needs to show the change (up to one frame, ≈16.7 ms, of waiting for the next vsync after the work is done); for operations that take a few milliseconds this narrows the ratios towards 1.
- Our widget (above 150 rows) and Tabulator's virtual DOM render only the rows in view, like the windowed floor; Grid.js and the naive table render every row.
- Headless Chromium with \`--disable-gpu\` paints in software; absolute times differ from a desktop browser, ratios much less.

## How to reproduce

\`\`\`sh
make bench            # make dist, then: cd bench && npm install && cd .. && node bench/run.mjs
# or, with a built dist/:
(cd bench && npm install) && node bench/run.mjs              # full run: 15 repetitions after 2 warm-ups
node bench/run.mjs --smoke                                    # CI smoke run: 1 warm-up + 2 repetitions → bench/results-smoke.md
node bench/profile.mjs load|filter|under NAME|trace|loadtrace|mutations --named  # the profiles behind the analysis above
node bench/run.mjs --reps 30 --only ours,tabulator --datasets synthetic
node bench/run.mjs --only ours-csv --datasets synthetic-csv    # the CSV dataset: ours through src vs its floor (always kept)
\`\`\`
`;

main()
  .then((ok) => {
    if (!ok) {
      console.error(`\nbench: ${problems.length} problem(s); see the end of ${rel(OUT)}`);
      process.exitCode = 1;
    }
  })
  .catch((e) => {
    console.error(`bench: harness error: ${e && e.stack ? e.stack : e}`);
    process.exitCode = 1;
  });
