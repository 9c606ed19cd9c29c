// THIRD_PARTY_NOTICES (scripts/notices.mjs) lists the crates compiled into the wasm and no crate
// that is only a dev-, build- or proc-macro dependency. Run: node --test tests/package/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

test('THIRD_PARTY_NOTICES lists the wasm crates with their licenses, and no dev-only crate', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cm-notices-'));
  try {
    const out = join(dir, 'THIRD_PARTY_NOTICES');
    execFileSync('node', ['scripts/notices.mjs', out], { stdio: 'pipe' });
    const text = readFileSync(out, 'utf8');
    const entries = new Map([...text.matchAll(/^(\S+) (\d+\.\d+\.\d+\S*)(?: \(proc-macro[^\n]*)?\n {2}License: (.+)$/gm)].map((m) => [m[1], m[3]]));
    for (const name of ['yew', 'wasm-bindgen', 'serde', 'serde_json', 'js-sys', 'web-sys']) {
      assert.ok(entries.has(name), `${name} is listed`);
    }
    assert.match(entries.get('yew'), /MIT|Apache-2\.0/);
    // Dev-dependencies (proptest of core, wasm-bindgen-test) and the proc-macros' own dependencies.
    for (const name of ['proptest', 'wasm-bindgen-test', 'syn', 'quote', 'proc-macro2']) {
      assert.ok(!entries.has(name), `${name} is not listed`);
    }
    assert.ok(!entries.has('compliance-matrix') && !entries.has('compliance-matrix-core'), 'our own crates are not third-party');
    assert.match(text, /No npm package has code in the package at run time/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
