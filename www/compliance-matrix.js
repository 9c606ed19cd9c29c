// compliance-matrix: importing this module registers <compliance-matrix> (a second import is a
// no-op) and exports mount(), parseDataset() and ready.
import init, { mount as wasmMount, parseDataset as wasmParseDataset } from './compliance-matrix-wasm.js';
import { createApi, defineElement } from './define.js';

let loaded = false;
/** Resolves once the wasm core is loaded. */
export const ready = init().then(() => {
  loaded = true;
});

const core = { ready, isReady: () => loaded, mount: wasmMount, parseDataset: wasmParseDataset };
const api = createApi(core);

/** mount(target, options) → { update(options), state(), error(), unmount() } */
export const mount = api.mount;
/** parseDataset(text, format?) → dataset object (JSON schema); throws an Error naming line/column or field. */
export const parseDataset = api.parseDataset;

defineElement(core, api);
