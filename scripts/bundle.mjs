// Builds the npm module: one self-contained ES module (the wasm-bindgen glue as a factory, the
// option table www/options.js, the element code of www/define.js, the wasm unpacking of
// www/unpack.js and the entry
// www/compliance-matrix.js), minified. One file means
// one request before the wasm fetch starts; the wasm is found next to it through import.meta.url.
// The dataset reader's glue (the second wasm) goes in as a second factory.
// Usage: node scripts/bundle.mjs <no-modules glue.js> <reader glue.js> <out.js> [--no-minify]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { transform } from 'esbuild';
import { factorySource } from './wasm-factory.mjs';

const [glue, readerGlue, out] = process.argv.slice(2);
if (!glue || !readerGlue || !out || out.startsWith('--')) {
  console.error('usage: node scripts/bundle.mjs <glue.js> <reader glue.js> <out.js> [--no-minify]');
  process.exit(2);
}
const www = (f) => readFileSync(new URL(`../www/${f}`, import.meta.url), 'utf8');
const entry = www('compliance-matrix.js');
const imports = entry.match(/^import .*;$/gm) || [];
if (imports.length !== 4) throw new Error(`www/compliance-matrix.js: expected its four imports, found ${imports.length}`);
// Every translation in www/i18n/ is imported by the entry, and nothing else is.
const files = readdirSync(new URL('../www/i18n/', import.meta.url)).filter((f) => f.endsWith('.js')).map((f) => f.slice(0, -3)).sort();
const imported = [...entry.matchAll(/^ {2}([a-z]+): \(\) => import\('\.\/i18n\/([a-z]+)\.js'\)/gm)];
if (imported.some(([, key, file]) => key !== file) || imported.map(([, key]) => key).sort().join() !== files.join()) {
  throw new Error(`www/compliance-matrix.js: its CATALOGS (${imported.map((m) => m[1])}) are not the files of www/i18n (${files})`);
}
const version = JSON.parse(www('package.json')).version;
const source = [
  factorySource(readFileSync(glue, 'utf8'), { classic: true }),
  factorySource(readFileSync(readerGlue, 'utf8'), { classic: true, name: 'createReaderGlue' }),
  www('options.js').replace(/^export /gm, ''),
  www('define.js').replace(/^import .*;\n/gm, '').replace(/^export /gm, ''),
  www('unpack.js').replace(/^export /gm, ''),
  entry.replace(/^import .*;\n/gm, ''),
].join('\n');
const { code } = await transform(source, {
  format: 'esm',
  target: 'es2022',
  minify: !process.argv.includes('--no-minify'),
  legalComments: 'none',
});
writeFileSync(out, `/*! compliance-matrix ${version} (MIT) */\n${code}`);
