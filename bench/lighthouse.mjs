// Lighthouse 12.2.3 (bench/package.json, pinned), mobile preset (its default: a mid-tier phone,
// simulated 4G and 4× CPU slowdown), performance category, on a minimal host page
// (bench/pages/lighthouse.html: one default <compliance-matrix>), served twice from this
// checkout: without compression (as many intranet servers serve .wasm) and with gzip. Debian
// Chromium, headless. Prints a Markdown table; `--write <file>` writes it with the audits.
// Usage: node bench/lighthouse.mjs [--runs 3] [--write bench/lighthouse.md] [--results bench/results.md]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { readFileSync, writeFileSync } from 'node:fs';
import { extname, join, normalize, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const ROOT = resolve(fileURLToPath(new URL('..', import.meta.url)));
const arg = (name, d) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : d;
};
const RUNS = Number(arg('--runs', 3));
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.wasm': 'application/wasm', '.gz': 'application/gzip' };

function server(gzip) {
  const s = createServer(async (req, res) => {
    try {
      const path = normalize(join(ROOT, decodeURIComponent(new URL(req.url, 'http://x').pathname)));
      if (!path.startsWith(ROOT)) throw new Error('outside');
      let body = await readFile(path);
      const headers = { 'content-type': TYPES[extname(path)] || 'application/octet-stream', 'cache-control': 'max-age=3600' };
      if (gzip && /gzip/.test(req.headers['accept-encoding'] || '')) {
        body = gzipSync(body, { level: 9 });
        headers['content-encoding'] = 'gzip';
      }
      headers['content-length'] = String(body.length);
      res.writeHead(200, headers).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  return new Promise((ok) => s.listen(0, '127.0.0.1', () => ok(s)));
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu'] });
const rows = [];
try {
  for (const gzip of [false, true]) {
    const s = await server(gzip);
    const url = `http://127.0.0.1:${s.address().port}/bench/pages/lighthouse.html`;
    const runs = [];
    for (let i = 0; i < RUNS; i += 1) {
      const r = await lighthouse(url, { port: chrome.port, onlyCategories: ['performance'], logLevel: 'error', output: 'json' });
      const a = r.lhr.audits;
      runs.push({
        score: Math.round(r.lhr.categories.performance.score * 100),
        fcp: a['first-contentful-paint'].numericValue,
        lcp: a['largest-contentful-paint'].numericValue,
        tbt: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        si: a['speed-index'].numericValue,
        bytes: a['total-byte-weight'].numericValue,
      });
    }
    s.close();
    const m = (k) => median(runs.map((x) => x[k]));
    rows.push({ served: gzip ? 'gzip' : 'uncompressed', scores: runs.map((x) => x.score), score: m('score'), fcp: m('fcp'), lcp: m('lcp'), tbt: m('tbt'), cls: m('cls'), si: m('si'), bytes: m('bytes') });
  }
} finally {
  await chrome.kill();
}
const s1 = (ms) => `${(ms / 1000).toFixed(1)} s`;
const table = [
  '| served | performance (median; runs) | FCP | LCP | TBT | CLS | Speed Index | bytes transferred |',
  '|---|---|---|---|---|---|---|---|',
  ...rows.map((r) => `| ${r.served} | **${r.score}** (${r.scores.join(', ')}) | ${s1(r.fcp)} | ${s1(r.lcp)} | ${Math.round(r.tbt)} ms | ${r.cls.toFixed(3)} | ${s1(r.si)} | ${(r.bytes / 1000).toFixed(1)} kB |`),
].join('\n');
console.log(table);
const section = `## Lighthouse\n\nLighthouse 12.2.3 (pinned in bench/package.json), mobile preset (simulated throttling: a mid-tier phone, slow 4G, 4× CPU slowdown), performance only, ${RUNS} runs per row, on \`bench/pages/lighthouse.html\` (one default \`<compliance-matrix>\`) served from this checkout without compression and with gzip -9 (\`node bench/lighthouse.mjs\`). Targets: ≥ 95 uncompressed, 100 with gzip.\n\n${table}\n`;
// --results <file>: puts the section into the benchmark's results (replacing an earlier one).
const results = arg('--results');
if (results) {
  const old = readFileSync(results, 'utf8');
  const start = old.indexOf('\n## Lighthouse\n');
  let rest = '';
  if (start >= 0) {
    const next = old.indexOf('\n## ', start + 5);
    rest = next >= 0 ? old.slice(next) : '';
  }
  const head = start >= 0 ? old.slice(0, start) : old.trimEnd();
  writeFileSync(results, `${head}\n\n${section}${rest}`);
}
const out = arg('--write');
if (out) {
  writeFileSync(out, `# Lighthouse\n\nWritten by \`node bench/lighthouse.mjs\` (part of \`make bench\`): Lighthouse 12.2.3, mobile preset (simulated throttling: a mid-tier phone, slow 4G, 4× CPU slowdown), performance only, ${RUNS} runs per row, on \`bench/pages/lighthouse.html\` (one default \`<compliance-matrix>\`) served from this checkout without compression and with gzip -9. Targets: ≥ 95 uncompressed, 100 with gzip.\n\n${table}\n`);
}
