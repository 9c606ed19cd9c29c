// Generated from core/src/options.rs (make options); tests/options.rs fails when it differs.
// [attribute, property, boolean attribute, part of the view state]
export const OPTIONS = [
  ['services', 'services', false, true],
  ['query', 'query', false, true],
  ['status', 'status', false, true],
  ['gaps', 'gaps', true, true],
  ['tags', 'tags', false, true],
  ['sort', 'sort', false, true],
  ['view', 'view', false, false],
  ['theme', 'theme', false, false],
  ['src', 'src', false, false],
  ['revision', 'revision', false, true],
  ['compare', 'compare', false, true],
  ['sync-url', 'syncUrl', true, false],
  ['wasm-url', 'wasmUrl', false, false],
  ['lang', 'lang', false, false],
];
