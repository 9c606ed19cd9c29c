// compliance-matrix: importing this module registers <compliance-matrix> (a second import is a
// no-op) and exports mount(), parseDataset(), catalog(), preload(), setWasmUrl() and ready. It fetches
// nothing: the wasm loads when the first widget starts, preload() is called or ready is awaited;
// the dataset reader (a second wasm) when a widget first has a dataset to read or ready is
// awaited; a translation (./i18n/<lang>.js) when a widget is to speak it.
import { createGlue } from './compliance-matrix-wasm.js';
import { createReaderGlue } from './compliance-matrix-reader-wasm.js';
import { createApi, defineElement } from './define.js';
import { compileWasm } from './unpack.js';

// Set by setWasmUrl() (or the first widget's `wasm-url`); otherwise next to this module.
let wasmUrl = null;
// The URL the load started from: fixed from then on.
let loadingFrom = null;

const base = () => (typeof document !== 'undefined' && document.baseURI) || undefined;

// Written as `new URL('<literal>', import.meta.url)`, the form bundlers (Vite, webpack, Parcel)
// recognise to emit the file as an asset and rewrite the URL. The gzip-compressed file
// (www/unpack.js says why).
function defaultUrl() {
  try {
    return new URL('./compliance-matrix_bg.wasm.gz', import.meta.url);
  } catch {
    // A bundle without import.meta.url (an IIFE build, say): the page has to say where it is.
    throw new Error('compliance-matrix cannot tell where its wasm file is (this bundle has no import.meta.url): '
      + 'call setWasmUrl(url) or set the wasm-url attribute before the first widget starts');
  }
}

// Set by setWasmUrl's second argument; otherwise next to the wasm.
let readerUrl = null;

/** Where the wasm file is (resolved against the document's base URL), and optionally the dataset
 *  reader's (otherwise next to it); before the first load. */
export function setWasmUrl(url, reader) {
  const next = new URL(String(url), base());
  if (loadingFrom && loadingFrom.href !== next.href) {
    throw new Error(`setWasmUrl: the wasm is already loading from ${loadingFrom.href}; call setWasmUrl before the first widget starts`);
  }
  wasmUrl = next;
  if (reader !== undefined && reader !== null) readerUrl = new URL(String(reader), base());
}

// Compiled once; instantiated once per start (a panic restarts the widgets on a fresh instance).
// With a `limit` (ms), a download that has not ended by then is given up: its request is aborted,
// so the next attempt starts afresh.
let compiled = null;
async function compile(url, limit) {
  const abort = new AbortController();
  const timer = limit && setTimeout(() => abort.abort(new Error(`could not load ${url.href}: it did not arrive within ${limit / 1000} s`)), limit);
  try {
    const response = await fetch(url, { signal: abort.signal });
    if (!response.ok) throw new Error(`could not load ${url.href}: HTTP ${response.status}`);
    return await compileWasm(response, url.href);
  } catch (error) {
    // An aborted body surfaces as the compiler's own words; the reason says what happened.
    throw abort.signal.aborted ? abort.signal.reason : error;
  } finally {
    clearTimeout(timer);
  }
}
async function load(hint) {
  if (!loadingFrom) {
    if (!wasmUrl && hint) wasmUrl = new URL(String(hint), base());
    loadingFrom = wasmUrl || defaultUrl();
  }
  compiled = compiled || compile(loadingFrom);
  // A failed load is tried again (from setWasmUrl's URL, if the page gives another one).
  compiled.catch(() => { compiled = null; loadingFrom = null; });
  const module = await compiled;
  const glue = createGlue();
  await glue({ module_or_path: module });
  return glue;
}

// The dataset reader: where setWasmUrl said, or next to the widget's wasm when the page said where
// that is (compressed or not, as that one is), otherwise next to this module (the literal form
// again, for bundlers).
let reader = null;
function loadReader() {
  const url = readerUrl || (wasmUrl
    ? new URL(`./compliance-matrix-reader_bg.wasm${wasmUrl.pathname.endsWith('.gz') ? '.gz' : ''}`, wasmUrl)
    : new URL('./compliance-matrix-reader_bg.wasm.gz', import.meta.url));
  // The reader's time limit, as a `src` has (src/platform/fetch.rs).
  reader = reader || compile(url, 15000);
  reader.catch(() => { reader = null; });
  return reader.then((module) => () => {
    const glue = createReaderGlue();
    glue.initSync({ module });
    return glue;
  });
}

// The translations the wasm is built without, one module each (www/i18n/, generated from the
// core's catalogs), imported when a widget is to speak one. Literal specifiers, so bundlers emit
// each as a chunk of its own; scripts/bundle.mjs checks the list against the files.
const CATALOGS = {
  de: () => import('./i18n/de.js').then((m) => m.default),
  fr: () => import('./i18n/fr.js').then((m) => m.default),
  es: () => import('./i18n/es.js').then((m) => m.default),
  ja: () => import('./i18n/ja.js').then((m) => m.default),
  ko: () => import('./i18n/ko.js').then((m) => m.default),
};

const api = createApi(load, CATALOGS, loadReader);

/** Resolves once the wasm core and its dataset reader (which parseDataset needs) have loaded;
 *  awaiting it starts both loads. */
export const ready = api.ready;
/** mount(target, options) → { ready, update(options), state(), save(), restore(), error(), exportCsv(), exportJson(), exportMarkdown(), unmount() } */
export const mount = api.mount;
/** parseDataset(text, format?) → dataset object (JSON schema); throws an Error naming line/column or field. */
export const parseDataset = api.parseDataset;
/** catalog(lang?) → Promise of { key: text }, every UI string in a shipped language (English for
 *  any other): the keys a page's `strings` may override, and a start for a language of its own. */
export const catalog = api.catalog;
/** Starts loading the wasm now; resolves when it is ready (the dataset reader loads when first
 *  needed). */
export const preload = api.preload;

defineElement(api);
