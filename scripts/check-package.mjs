// The published package's linters, run on the packed tarball (what npm publish uploads), not on
// www/: publint, Are the Types Wrong (attw) and the Custom Elements Manifest validator. Every one
// must report zero errors and zero warnings; any message fails the check (exit 1).
// Usage: node scripts/check-package.mjs [dist/compliance-matrix-<version>.tgz]
//   (default: the tarball of www/package.json's version; make it with `make pack`).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { validateCem } from '@wc-toolkit/cem-validator';

const version = JSON.parse(readFileSync(new URL('../www/package.json', import.meta.url), 'utf8')).version;
const tgz = resolve(process.argv[2] || `dist/compliance-matrix-${version}.tgz`);
if (!existsSync(tgz)) {
  console.error(`check-package: ${tgz} is missing (run make pack)`);
  process.exit(2);
}
const bin = (name) => resolve(new URL(`../node_modules/.bin/${name}`, import.meta.url).pathname);
const failures = [];

function run(label, cmd, args, passes) {
  let out = '';
  let ok = true;
  try {
    out = execFileSync(cmd, args, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', FORCE_COLOR: '0' } });
  } catch (e) {
    ok = false;
    out = `${e.stdout || ''}${e.stderr || ''}`;
  }
  ok = ok && passes(out);
  console.log(`${ok ? 'ok  ' : 'FAIL'} ${label}${ok ? '' : `\n${out.trim()}`}`);
  if (!ok) failures.push(label);
}

// publint --strict: warnings count as errors (exit 1). Suggestions do not change the exit code,
// so the check also requires publint's "All good!" (no message of any level).
run('publint --strict', bin('publint'), ['run', '--strict', tgz], (out) => /All good!/.test(out));

// attw --profile esm-only: the package is ESM-only ("type": "module", an `import` condition and
// no CommonJS build) and runs in browsers only, so the node10 and node16-from-CJS resolutions,
// which `strict` also checks, are not ways it can be used; `require()` of it is not supported.
// --exclude-entrypoints: the four wasm files (each wasm plain and gzip-compressed) and
// ./custom-elements.json are exported for
// bundlers and tools that fetch or copy the files (the wasm asset, the element manifest); they are
// not modules, carry no types, and attw reports any such subpath as NoResolution. Every JS and
// type entry point (".", "./react", "./vue") is still checked; no rule is ignored.
run(
  'attw --profile esm-only',
  bin('attw'),
  [tgz, '--profile', 'esm-only', '--exclude-entrypoints', './compliance-matrix_bg.wasm', './compliance-matrix-reader_bg.wasm', './compliance-matrix_bg.wasm.gz', './compliance-matrix-reader_bg.wasm.gz', './custom-elements.json', '--format', 'table', '--no-emoji', '--no-color'],
  // attw exits 1 on any problem left after the profile; the CJSResolvesToESM note it prints is
  // for the node16-from-CJS resolution the profile leaves out.
  () => true,
);

// The Custom Elements Manifest validator, default rules (errors and warnings) on the unpacked
// package.json and custom-elements.json: any message, warning or error, fails.
const dir = mkdtempSync(join(tmpdir(), 'cm-check-'));
try {
  execFileSync('tar', ['xzf', tgz, '-C', dir]);
  const pkg = join(dir, 'package');
  const manifest = JSON.parse(readFileSync(join(pkg, 'custom-elements.json'), 'utf8'));
  const lines = [];
  const saved = { log: console.log, warn: console.warn, error: console.error, info: console.info };
  for (const k of Object.keys(saved)) console[k] = (...a) => lines.push(a.map((x) => String(x).replace('%s', '')).join(' '));
  let threw = null;
  try {
    await validateCem(manifest, { packageJsonPath: join(pkg, 'package.json'), cemFileName: 'custom-elements.json', logErrors: true });
  } catch (e) {
    threw = e;
  } finally {
    Object.assign(console, saved);
  }
  const text = lines.join('\n').replace(/\x1b\[[0-9;]*m/g, '');
  // Without `debug` it prints nothing when every rule passes, and one line a problem otherwise
  // (a warning's line has no header), so any output fails.
  const ok = !threw && text.trim() === '';
  console.log(`${ok ? 'ok  ' : 'FAIL'} cem-validator${ok ? '' : `\n${threw ? `${threw.message}\n` : ''}${text}`}`);
  if (!ok) failures.push('cem-validator');
} finally {
  rmSync(dir, { recursive: true, force: true });
}

if (failures.length) {
  console.error(`check-package: ${failures.length} of 3 failed (${failures.join(', ')}) on ${tgz}`);
  process.exit(1);
}
console.log(`check-package: publint, attw and cem-validator report no problem on ${tgz}`);
