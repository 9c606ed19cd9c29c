// The size of what a page downloads, as a checked budget: gzip -9 and brotli (quality 11) of the
// module and the wasm in dist/. Sizes are deterministic for a given build, so `make test` fails
// when they grow past the budget below; `--write bench/size.md` also writes the table.
// Usage: node scripts/size.mjs [--write <file>]
import { readFileSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

// Budgets in bytes (gzip -9), set from the build of 2026-12-01 plus a little room; lower them as
// the weight goes down (the target is 100 kB for the first download, issue "Weight and start").
const BUDGET = {
  first: 285_000,
  total: 285_000,
};

const files = {
  js: 'dist/compliance-matrix.js',
  wasm: 'dist/compliance-matrix_bg.wasm',
};

const measure = (path) => {
  const bytes = readFileSync(path);
  return {
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
    brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};

const sizes = Object.fromEntries(Object.entries(files).map(([k, f]) => [k, measure(f)]));
const sum = (key) => Object.values(sizes).reduce((n, s) => n + s[key], 0);
// Today one module and one wasm: the first download is everything the package loads.
const first = { raw: sum('raw'), gzip: sum('gzip'), brotli: sum('brotli') };
const total = first;
const kB = (n) => (n / 1000).toFixed(1);

const rows = [
  ['module (JS)', sizes.js],
  ['wasm', sizes.wasm],
  ['first download', first],
  ['everything the package can load', total],
];
const table = [
  '| part | raw kB | gzip -9 kB | brotli kB | budget (gzip) kB |',
  '|---|---|---|---|---|',
  ...rows.map(([name, s]) => `| ${name} | ${kB(s.raw)} | ${kB(s.gzip)} | ${kB(s.brotli)} | ${name === 'first download' ? kB(BUDGET.first) : name.startsWith('everything') ? kB(BUDGET.total) : ''} |`),
].join('\n');
console.log(table);

const out = process.argv.indexOf('--write');
if (out > 0) {
  writeFileSync(
    process.argv[out + 1],
    `# Size of the build\n\nWritten by \`make bench\` (scripts/size.mjs) from \`dist/\`; \`make test\` fails when the gzip sizes pass the budgets.\n\n${table}\n`,
  );
}

const over = [];
if (first.gzip > BUDGET.first) over.push(`first download ${first.gzip} B gzip > budget ${BUDGET.first} B`);
if (total.gzip > BUDGET.total) over.push(`total ${total.gzip} B gzip > budget ${BUDGET.total} B`);
if (over.length) {
  console.error(`size budget exceeded: ${over.join('; ')}`);
  process.exit(1);
}
console.log(`size: within budget (first download ${kB(first.gzip)} kB gzip, budget ${kB(BUDGET.first)} kB)`);
