// First paint with a page's own table: the demo page (index.html) carries the seed as a
// child <table> of <compliance-matrix>, so the matrix is on screen before the wasm arrives. Measured
// on a fresh page per repetition (own browser context), Debian Chromium with the e2e launch
// options, served from this checkout by scripts/serve.mjs (no compression, no cache):
//   - first contentful paint with scripts on (the page's table), the same page with scripts off
//     (the plain HTML table: the floor) and with the wasm blocked;
//   - when the widget has taken over (its `ready` resolved and the next frame rendered);
//   - the cumulative layout shift until then plus one second.
// Usage: node bench/page-table.mjs [--reps 7] [--results bench/results.md]
import { chromium } from 'playwright-core';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchOptions } from '../tests/e2e/support/harness.mjs';
import { serve } from '../scripts/serve.mjs';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name) => {
  const i = process.argv.indexOf(name);
  return i < 0 ? undefined : process.argv[i + 1];
};
const REPS = Number(arg('--reps') ?? 7);
const WARMUP = 1;
if (!Number.isInteger(REPS) || REPS < 1) throw new Error(`--reps: expected a positive whole number, got ${arg('--reps')}`);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

async function once(browser, base, mode) {
  const context = await browser.newContext({ javaScriptEnabled: mode !== 'no-js', viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  if (mode === 'wasm-blocked') await page.route('**/*.wasm', (route) => route.abort());
  await page.addInitScript(() => {
    window.shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(`${base}/index.html`, { waitUntil: 'load' });
  const fcp = async () => {
    for (let i = 0; i < 100; i++) {
      // A page without scripts still reports its paint timing to the inspector's evaluate.
      const t = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
      if (t !== null) return t;
      await page.waitForTimeout(20);
    }
    throw new Error(`${mode}: no first contentful paint`);
  };
  const row = { fcp: await fcp() };
  if (mode === 'widget') {
    row.ready = await page.evaluate(async () => {
      const el = document.querySelector('#demo');
      await customElements.whenDefined('compliance-matrix');
      await el.ready;
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      if (!el.shadowRoot.querySelector('tbody tr')) throw new Error('the widget shows no rows');
      return performance.now();
    });
    await page.waitForTimeout(1000);
    row.cls = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
  }
  if (mode === 'no-js') {
    // The table is what painted: it is on screen.
    const rows = await page.locator('compliance-matrix > table tbody tr').count();
    if (rows !== 20) throw new Error(`no-js: ${rows} rows in the page's table`);
  }
  await context.close();
  return row;
}

const server = await serve(ROOT, 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(launchOptions);
const runs = { 'no-js': [], widget: [], 'wasm-blocked': [] };
try {
  for (let rep = 0; rep < WARMUP + REPS; rep++) {
    // Interleaved, so a slow moment of the machine falls on every mode alike.
    for (const mode of Object.keys(runs)) {
      const r = await once(browser, base, mode);
      if (rep >= WARMUP) runs[mode].push(r);
    }
  }
} finally {
  await browser.close();
  server.close();
}

const m = (mode, key) => median(runs[mode].map((r) => r[key]));
const floor = m('no-js', 'fcp');
const ms = (x) => `${x.toFixed(0)} ms`;
const table = [
  '| page | first contentful paint (median) | × the page without JavaScript | widget interactive (median) | CLS (max) |',
  '|---|---|---|---|---|',
  `| index.html, scripts off (the page's table alone) | ${ms(floor)} | 1.00× | — | — |`,
  `| index.html (the page's table, then the widget) | ${ms(m('widget', 'fcp'))} | ${(m('widget', 'fcp') / floor).toFixed(2)}× | ${ms(m('widget', 'ready'))} | ${Math.max(...runs.widget.map((r) => r.cls)).toFixed(4)} |`,
  `| index.html, the wasm blocked (the page's table and the alert) | ${ms(m('wasm-blocked', 'fcp'))} | ${(m('wasm-blocked', 'fcp') / floor).toFixed(2)}× | — | — |`,
].join('\n');
const section = `## A page's own table\n\n\`node bench/page-table.mjs\` (part of \`make bench\`): the demo page, which carries the seed as a child \`<table>\` of \`<compliance-matrix>\`, ${REPS} repetitions after ${WARMUP} warm-up, each on a fresh page, served from this checkout without compression. First contentful paint is the browser's own paint timing; "widget interactive" is when the element's \`ready\` has resolved and the next frame has rendered; CLS is summed until one second after that.\n\n${table}\n`;
console.log(section);
const results = arg('--results');
if (results) {
  const old = readFileSync(results, 'utf8');
  const start = old.indexOf("\n## A page's own table\n");
  let head = old.trimEnd();
  let rest = '';
  if (start >= 0) {
    head = old.slice(0, start).trimEnd();
    const next = old.indexOf('\n## ', start + 1);
    rest = next >= 0 ? `\n${old.slice(next + 1)}` : '';
  }
  writeFileSync(results, `${head}\n\n${section}${rest}`);
}
