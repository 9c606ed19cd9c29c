// Builds dist/compliance-matrix.html: one self-contained page (both wasm files gzip-compressed and
// inlined as base64,
// their no-modules glue, the element code) that works when opened from file://, offline. The
// dataset reader is compiled the first time a widget has a dataset to read.
// Usage: node scripts/single-file.mjs <glue.js> <optimized.wasm.gz> <reader glue.js> <reader.wasm.gz> <out.html>
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { factorySource } from './wasm-factory.mjs';
import { seedTable } from './seed-table.mjs';

const [glue, wasm, readerGlue, readerWasm, out] = process.argv.slice(2);
if (!glue || !wasm || !readerGlue || !readerWasm || !out) {
  console.error('usage: node scripts/single-file.mjs <glue.js> <wasm.gz> <reader glue.js> <reader.wasm.gz> <out.html>');
  process.exit(2);
}
const glueJs = factorySource(readFileSync(glue, 'utf8'), { classic: true });
const wasmB64 = readFileSync(wasm).toString('base64');
const readerJs = factorySource(readFileSync(readerGlue, 'utf8'), { classic: true, name: 'createReaderGlue' });
const readerB64 = readFileSync(readerWasm).toString('base64');
const www = (f) => readFileSync(new URL(`../www/${f}`, import.meta.url), 'utf8');
const define = [www('options.js'), www('define.js').replace(/^import .*;\n/gm, ''), www('unpack.js')].join('\n').replace(/^export /gm, '');
// The translations inline (the page is one file): lang → its texts, the string each
// www/i18n/<lang>.js exports.
const catalogs = readdirSync(new URL('../www/i18n/', import.meta.url)).filter((f) => f.endsWith('.js')).sort().map((f) => {
  const m = www(`i18n/${f}`).match(/^export default (".*");$/m);
  if (!m) throw new Error(`www/i18n/${f}: no default export of one string`);
  return `    ${f.slice(0, -3)}: function () { return Promise.resolve(${m[1]}); },`;
}).join('\n');
const version = JSON.parse(www('package.json')).version;

// Guard against "</script>" inside inlined code ending the script element early.
const safe = (s) => s.replace(/<\/script/gi, '<\\/script');

const html = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="compliance-matrix ${version}">
<title>Compliance matrix — AWS container services</title>
<link rel="icon" href="data:,">
<style>
  body { margin: 0; padding: 24px; background: #f3f5f9; font-family: system-ui, sans-serif; }
  main { max-width: 1100px; margin: 0 auto; }
  compliance-matrix:not(:defined) { display: block; min-height: 480px; }
  /* The matrix as a plain table: what shows before the widget starts and without JavaScript. */
  compliance-matrix > table { border-collapse: collapse; width: 100%; margin: 0 0 8px; background: #fff; color: #1b2330; font-size: 14px; }
  compliance-matrix > table caption { caption-side: top; text-align: start; padding: 0 0 8px; font-weight: 600; }
  compliance-matrix > table th, compliance-matrix > table td { border: 1px solid #d5dbe5; padding: 4px 8px; text-align: start; }
  compliance-matrix > p { margin: 0; font-size: 14px; }
  @media (prefers-color-scheme: dark) {
    body { background: #0b0f15; color: #e6ebf2; }
    compliance-matrix > table { background: #151b24; color: #e6ebf2; }
    compliance-matrix > table th, compliance-matrix > table td { border-color: #334052; }
    compliance-matrix > table a { color: #8ab4f8; }
  }
</style>
</head>
<body>
<main>
<compliance-matrix>
${seedTable()}
</compliance-matrix>
</main>
<script>
${safe(glueJs)}
${safe(readerJs)}
</script>
<script>
(function () {
${safe(define)}
  var bytesOf = function (b64) { return Uint8Array.from(atob(b64), function (c) { return c.charCodeAt(0); }); };
  // Both wasm files inline gzip-compressed, compiled on first use (www/unpack.js unpacks them).
  var compile = function (b64, name) { return compileWasm(new Response(bytesOf(b64)), name); };
  var wasmB64 = "${wasmB64}";
  var compiled = null;
  var readerB64 = "${readerB64}";
  var readerModule = null;
  var loadReader = function () {
    readerModule = readerModule || compile(readerB64, "the dataset reader");
    readerModule.catch(function () { readerModule = null; });
    return readerModule.then(function (module) {
      return function () {
        var glue = createReaderGlue();
        glue.initSync({ module: module });
        return glue;
      };
    });
  };
  var api = createApi(function () {
    compiled = compiled || compile(wasmB64, "the widget's wasm");
    compiled.catch(function () { compiled = null; });
    return compiled.then(function (module) {
      var glue = createGlue();
      glue.initSync({ module: module });
      return glue;
    });
  }, {
${safe(catalogs)}
  }, loadReader);
  window.ComplianceMatrix = { mount: api.mount, parseDataset: api.parseDataset, catalog: api.catalog, ready: api.ready, preload: api.preload };
  defineElement(api);
})();
</script>
</body>
</html>
`;
writeFileSync(out, html);
console.log(`wrote ${out} (${html.length} bytes)`);
