// Gives the names that tie a wasm file to its wasm-bindgen glue short forms, in both, in place:
// the import module ("./compliance-matrix_bg.js" → "a"), every import (`__wbg_<name>_<16 hex
// digits>` → "a", "b", …) and every export (`handle_exportCsv`, the closure shims' 200-character
// names, … → "a", "b", …). The hex digits do not compress: this saves 3.5 kB gzip in the wasm
// and about as much in the module (measured 2026-12-06). The glue's own API (mount, parseDataset,
// …) keeps its names: only what it says to the wasm changes.
// binaryen's --minify-imports-and-exports-and-modules does the wasm half, but gives the exports
// longer names than this (one sequence for imports and exports): measured in docs/decisions.md.
//
// Usage: node scripts/minify-names.mjs <file.wasm> [<glue.js>] (both rewritten). Without a glue,
// only the wasm: the names follow the order of the imports and exports, so a twin of a wasm (the
// same wasm-opt run with -g, for profiles: bench/profile.mjs --named) gets the same short names.
import { readFileSync, writeFileSync } from 'node:fs';

const [wasmPath, gluePath] = process.argv.slice(2);
if (!wasmPath) {
  console.error('usage: node scripts/minify-names.mjs <file.wasm> [<glue.js>]');
  process.exit(2);
}

const ALPHABET = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** The n-th short name: a … Z, aa, ab, … (identifier names: property access with a dot). */
function shortName(n) {
  let s = '';
  n += 1;
  while (n > 0) {
    n -= 1;
    s = ALPHABET[n % ALPHABET.length] + s;
    n = Math.floor(n / ALPHABET.length);
  }
  return s;
}

// ---- reading and writing the binary format -----------------------------------------------------
class Reader {
  constructor(bytes, pos = 0) {
    this.b = bytes;
    this.pos = pos;
  }
  byte() {
    if (this.pos >= this.b.length) throw new Error('unexpected end of the wasm file');
    return this.b[this.pos++];
  }
  u32() {
    let result = 0;
    let shift = 0;
    for (;;) {
      const x = this.byte();
      result += (x & 0x7f) * 2 ** shift;
      if (x < 0x80) return result;
      shift += 7;
    }
  }
  bytes(n) {
    const out = this.b.subarray(this.pos, this.pos + n);
    this.pos += n;
    return out;
  }
  name() {
    return new TextDecoder('utf-8', { fatal: true }).decode(this.bytes(this.u32()));
  }
}
const u32 = (n) => {
  const out = [];
  do {
    let x = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) x |= 0x80;
    out.push(x);
  } while (n > 0);
  return out;
};
const name = (s) => {
  const b = new TextEncoder().encode(s);
  return [...u32(b.length), ...b];
};

/** An import's description (kind and type), as raw bytes. */
function importDesc(r) {
  const start = r.pos;
  const kind = r.byte();
  const limits = () => {
    const flags = r.byte();
    r.u32();
    if (flags & 1) r.u32();
  };
  if (kind === 0) r.u32(); // function: type index
  else if (kind === 1) { r.byte(); limits(); } // table: element type, limits
  else if (kind === 2) limits(); // memory
  else if (kind === 3) { r.byte(); r.byte(); } // global: value type, mutability
  else if (kind === 4) { r.byte(); r.u32(); } // tag
  else throw new Error(`unknown import kind ${kind}`);
  return r.b.subarray(start, r.pos);
}

const wasm = readFileSync(wasmPath);
if (wasm.readUInt32LE(0) !== 0x6d736100) throw new Error(`${wasmPath}: not a wasm file`);
const r = new Reader(wasm, 8);
const out = [wasm.subarray(0, 8)];
const imports = new Map(); // old name → new name
const exports = new Map();
const modules = new Set();
while (r.pos < wasm.length) {
  const id = r.byte();
  const size = r.u32();
  const end = r.pos + size;
  let body;
  if (id === 2) {
    const count = r.u32();
    body = [...u32(count)];
    for (let i = 0; i < count; i++) {
      modules.add(r.name());
      const old = r.name();
      if (imports.has(old)) throw new Error(`${wasmPath}: the import ${old} twice`);
      imports.set(old, shortName(imports.size));
      body.push(...name('a'), ...name(imports.get(old)), ...importDesc(r));
    }
  } else if (id === 7) {
    const count = r.u32();
    body = [...u32(count)];
    for (let i = 0; i < count; i++) {
      const old = r.name();
      exports.set(old, shortName(exports.size));
      const kind = r.byte();
      body.push(...name(exports.get(old)), kind, ...u32(r.u32()));
    }
  } else {
    r.pos = end;
    body = wasm.subarray(end - size, end);
  }
  if (r.pos !== end) throw new Error(`${wasmPath}: section ${id} did not read to its end`);
  out.push(Buffer.from([id, ...u32(body.length)]), Buffer.from(body));
}
if (modules.size !== 1) throw new Error(`${wasmPath}: expected one import module, found ${[...modules].join(', ')}`);
const [module] = modules;

if (gluePath) rewriteGlue();

const result = Buffer.concat(out);
writeFileSync(wasmPath, result);
console.log(`minify-names: ${imports.size} imports, ${exports.size} exports in ${wasmPath}: ${wasm.length} → ${result.length} bytes`);

// ---- the glue ----------------------------------------------------------------------------------
function rewriteGlue() {
  let glue = readFileSync(gluePath, 'utf8');
  const escape = (s) => s.replace(/[$]/g, '\\$');
  const moduleKey = `${JSON.stringify(module)}: import0`;
  if (glue.split(moduleKey).length !== 2) throw new Error(`${gluePath}: expected the imports object under ${moduleKey}`);
  glue = glue.replace(moduleKey, '"a": import0');
  // Imports: each a key of the imports object, `name: function(…)`, written once.
  for (const [old, short] of imports) {
    const key = new RegExp(`^(\\s+)${escape(old)}: `, 'gm');
    const found = glue.match(key) || [];
    if (found.length !== 1) throw new Error(`${gluePath}: the import ${old} is a key ${found.length} times (expected once)`);
    glue = glue.replace(key, `$1${short}: `);
  }
  // Exports: read as `wasm.<name>` (the glue's one way to the instance's exports).
  for (const [old, short] of exports) {
    glue = glue.replace(new RegExp(`\\bwasm\\.${escape(old)}\\b`, 'g'), `wasm.${short}`);
  }
  // Nothing may be left under a long name (an import written otherwise, an export read otherwise).
  for (const old of imports.keys()) {
    if (new RegExp(`\\b${escape(old)}\\b`).test(glue)) throw new Error(`${gluePath}: the import ${old} is still named`);
  }
  if (/\binstance\.exports\.|\bwasmInstance\.exports\b/.test(glue)) throw new Error(`${gluePath}: reads the exports other than through \`wasm.\``);
  writeFileSync(gluePath, glue);
}
