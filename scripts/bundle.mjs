// Builds the npm module: one self-contained ES module (the wasm-bindgen glue as a factory, the
// option table www/options.js, the element code of www/define.js and the entry
// www/compliance-matrix.js), minified. One file means
// one request before the wasm fetch starts; the wasm is found next to it through import.meta.url.
// Usage: node scripts/bundle.mjs <no-modules glue.js> <out.js> [--no-minify]
import { readFileSync, writeFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { factorySource } from './wasm-factory.mjs';

const [glue, out] = process.argv.slice(2);
if (!glue || !out) {
  console.error('usage: node scripts/bundle.mjs <glue.js> <out.js> [--no-minify]');
  process.exit(2);
}
const www = (f) => readFileSync(new URL(`../www/${f}`, import.meta.url), 'utf8');
const entry = www('compliance-matrix.js');
const imports = entry.match(/^import .*;$/gm) || [];
if (imports.length !== 2) throw new Error(`www/compliance-matrix.js: expected its two imports, found ${imports.length}`);
const version = JSON.parse(www('package.json')).version;
const source = [
  factorySource(readFileSync(glue, 'utf8'), { classic: true }),
  www('options.js').replace(/^export /gm, ''),
  www('define.js').replace(/^import .*;\n/gm, '').replace(/^export /gm, ''),
  entry.replace(/^import .*;\n/gm, ''),
].join('\n');
const { code } = await transform(source, {
  format: 'esm',
  target: 'es2022',
  minify: !process.argv.includes('--no-minify'),
  legalComments: 'none',
});
writeFileSync(out, `/*! compliance-matrix ${version} (MIT) */\n${code}`);
