// The packed tarball for the host tests (tests/e2e/hosts.test.mjs, frameworks.test.mjs): the
// steps of `make pack` (same file lists), from what is already in dist/ (no wasm rebuild).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after } from 'node:test';
import { serve } from '../../../scripts/serve.mjs';

export const FROM_WWW = ['package.json', 'compliance-matrix.d.ts', 'react.d.ts', 'vue.d.ts', 'custom-elements.json', 'README.md'];
export const FROM_DIST = ['compliance-matrix.js', 'compliance-matrix_bg.wasm', 'compliance-matrix-reader_bg.wasm', 'compliance-matrix_bg.wasm.gz', 'compliance-matrix-reader_bg.wasm.gz', 'THIRD_PARTY_NOTICES'];

const mtime = (path) => statSync(path).mtimeMs;

/** Runs a command (CI=true, so installers do not prompt); its output, or an Error with both streams. */
export function sh(cmd, args, cwd, timeout = 240000) {
  try {
    return execFileSync(cmd, args, { cwd, timeout, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(' ')} (in ${cwd}) failed:\n${e.stdout || ''}\n${e.stderr || ''}`);
  }
}

/**
 * For one test file: `server(root, options)` starts another static server (scripts/serve.mjs)
 * and returns its base URL; every one is closed in the file's `after`.
 */
export function staticServers() {
  const servers = [];
  after(() => {
    for (const s of servers) s.close();
  });
  return async (root, options) => {
    const s = await serve(root, 0, options);
    servers.push(s);
    return `http://127.0.0.1:${s.address().port}`;
  };
}

/**
 * dist/compliance-matrix-<version>.tgz, fresh. When it is missing or older than one of its inputs
 * it is packed again with the steps of `make pack`; dist/THIRD_PARTY_NOTICES is written when a
 * dist/ built before it existed lacks it.
 */
export function packedTarball() {
  const version = JSON.parse(readFileSync('www/package.json', 'utf8')).version;
  const tgz = `dist/compliance-matrix-${version}.tgz`;
  for (const f of ['compliance-matrix.js', 'compliance-matrix_bg.wasm.gz', 'compliance-matrix-reader_bg.wasm.gz', 'i18n']) assert.ok(existsSync(`dist/${f}`), `dist/${f} is missing: run make dist`);
  if (!existsSync('dist/THIRD_PARTY_NOTICES')) sh('node', ['scripts/notices.mjs', 'dist/THIRD_PARTY_NOTICES'], '.');
  sh('node', ['scripts/framework-types.mjs', '--check'], '.');
  // The translations too (dist/i18n/, copied as make pack copies them).
  const translations = readdirSync('dist/i18n').map((f) => `dist/i18n/${f}`);
  const inputs = [...FROM_WWW.map((f) => `www/${f}`), 'LICENSE', ...FROM_DIST.map((f) => `dist/${f}`), ...translations];
  if (existsSync(tgz) && inputs.every((f) => mtime(f) <= mtime(tgz))) return tgz;
  const dir = 'target/hosts-pkg';
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const f of [...FROM_WWW.map((f) => `www/${f}`), 'LICENSE', ...FROM_DIST.map((f) => `dist/${f}`)]) cpSync(f, join(dir, f.split('/').pop()));
  cpSync('dist/i18n', join(dir, 'i18n'), { recursive: true });
  sh('npm', ['pack', '--pack-destination', resolve('dist')], dir, 120000);
  assert.ok(existsSync(tgz), `npm pack did not write ${tgz}`);
  return tgz;
}
