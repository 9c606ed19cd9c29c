// compliance-matrix: importing this module registers <compliance-matrix> (a second import is a
// no-op) and exports mount(), parseDataset() and ready.
import { createGlue } from './compliance-matrix-wasm.js';
import { createApi, defineElement } from './define.js';

const wasmUrl = new URL('./compliance-matrix_bg.wasm', import.meta.url);

// Compiled once; instantiated once per start (a panic restarts the widgets on a fresh instance).
let compiled = null;
async function compile() {
  const response = await fetch(wasmUrl);
  if (!response.ok) throw new Error(`could not load ${wasmUrl.pathname}: HTTP ${response.status}`);
  const type = (response.headers.get('content-type') || '').split(';')[0].trim();
  return type === 'application/wasm' && WebAssembly.compileStreaming
    ? WebAssembly.compileStreaming(response)
    : WebAssembly.compile(await response.arrayBuffer());
}
async function load() {
  compiled = compiled || compile();
  compiled.catch(() => { compiled = null; });
  const module = await compiled;
  const glue = createGlue();
  await glue({ module_or_path: module });
  return glue;
}

const api = createApi(load);

/** Resolves once the wasm core is loaded. */
export const ready = api.ready;
/** mount(target, options) → { update(options), state(), error(), exportCsv(), exportJson(), exportMarkdown(), unmount() } */
export const mount = api.mount;
/** parseDataset(text, format?) → dataset object (JSON schema); throws an Error naming line/column or field. */
export const parseDataset = api.parseDataset;

defineElement(api);
