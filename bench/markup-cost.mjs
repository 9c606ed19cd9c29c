// "Markup as data", measured: the sizes `make markup-cost` built (bench/markup-cost: a bare Yew app,
// then 10 or 40 elements written with html! or with one builder function, each build as the
// widget ships), and from them the gzip -9 cost of one element in each form and the builder's
// fixed cost. Prints a Markdown table.
// Usage: node bench/markup-cost.mjs <dir of bare-10.wasm, html-macro-10.wasm, …>
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: node bench/markup-cost.mjs <dir>');
  process.exit(2);
}
const size = (name) => {
  const b = readFileSync(join(dir, `${name}.wasm`));
  return { raw: b.length, gzip: gzipSync(b, { level: 9 }).length };
};
const bare = size('bare-10');
const rows = ['html-macro', 'builder'].map((form) => {
  const a = size(`${form}-10`);
  const b = size(`${form}-40`);
  const per = { raw: (b.raw - a.raw) / 30, gzip: (b.gzip - a.gzip) / 30 };
  const fixed = { raw: a.raw - bare.raw - 10 * per.raw, gzip: a.gzip - bare.gzip - 10 * per.gzip };
  return { form, a, b, per, fixed };
});
const f = (x) => x.toFixed(0);
console.log('| form | 10 elements, gzip (raw) | 40 elements, gzip (raw) | one more element, gzip (raw) | fixed cost, gzip (raw) |');
console.log('|---|---:|---:|---:|---:|');
console.log(`| bare app (no measured markup) | ${bare.gzip} (${bare.raw}) | | | |`);
for (const r of rows) {
  const label = r.form === 'html-macro'
    ? '`html!`: `<p class title onclick>{text}<span class>{text}</span></p>`'
    : 'builder: `el(tag, static names, values, children)`, a `data-act` attribute instead of the callback';
  console.log(`| ${label} | ${r.a.gzip} (${r.a.raw}) | ${r.b.gzip} (${r.b.raw}) | ${r.per.gzip.toFixed(1)} B (${f(r.per.raw)} B) | ${f(r.fixed.gzip)} B (${f(r.fixed.raw)} B) |`);
}
