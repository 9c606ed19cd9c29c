// www/react.d.ts and www/vue.d.ts are what scripts/framework-types.mjs generates from the option
// table (www/options.js) and the element's types: stale ones fail. Run: node --test tests/package/
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { OPTIONS } from '../../www/options.js';

test('the React and Vue types are generated from the current option table', () => {
  execFileSync('node', ['scripts/framework-types.mjs', '--check'], { stdio: 'pipe' });
  for (const file of ['www/react.d.ts', 'www/vue.d.ts']) {
    const text = readFileSync(file, 'utf8');
    for (const [attribute] of OPTIONS) {
      const key = attribute.includes('-') ? `'${attribute}'?:` : `${attribute}?:`;
      assert.ok(text.includes(key), `${file} declares ${attribute}`);
    }
  }
  assert.match(readFileSync('www/react.d.ts', 'utf8'), /'oncm-change'\?: \(event: CmChangeEvent\) => void;/);
  assert.match(readFileSync('www/vue.d.ts', 'utf8'), /'cm-change': \(event: CmChangeEvent\) => void;/);
});

test('the package exports the framework types and ships every file it names', () => {
  const pkg = JSON.parse(readFileSync('www/package.json', 'utf8'));
  assert.deepEqual(pkg.exports['./react'], { types: './react.d.ts' });
  assert.deepEqual(pkg.exports['./vue'], { types: './vue.d.ts' });
  assert.equal(pkg.exports['./custom-elements.json'], './custom-elements.json');
  for (const f of ['react.d.ts', 'vue.d.ts', 'custom-elements.json', 'THIRD_PARTY_NOTICES', 'LICENSE']) assert.ok(pkg.files.includes(f), `files has ${f}`);
  const dts = readFileSync('www/compliance-matrix.d.ts', 'utf8');
  assert.doesNotMatch(dts, /interface (HTMLElementEventMap|DocumentEventMap|WindowEventMap)/, 'no global event map augmentation');
  assert.match(dts, /interface HTMLElementTagNameMap/);
});
