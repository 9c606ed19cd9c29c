// The <compliance-matrix> element and the mount() API around the wasm core: what only JavaScript
// can do — define the element and reflect its attributes, boot the wasm and restart the widgets
// on a fresh instance after a trap, import a translation, load the dataset reader — and nothing
// else: a widget's options, data, view state and strings are the core's (src/element/).
// Shared by the npm entry (compliance-matrix.js) and the single-file build (scripts/single-file.mjs),
// which inline options.js and this file as one script after removing `import` and `export`.
import { OPTIONS, FATAL } from './options.js';

export const TAG = 'compliance-matrix';

// From the one table of options (core/src/options/): attribute → property; booleans present or not.
const ATTRIBUTES = Object.fromEntries(OPTIONS.map(([attribute, property]) => [attribute, property]));
const BOOLEAN = new Set(OPTIONS.filter((o) => o[2]).map((o) => o[0]));
const own = (o, k) => o !== null && typeof o === 'object' && Object.prototype.hasOwnProperty.call(o, k);
const messageOf = (e) => (e && e.message ? e.message : String(e));
const primaryOf = (tag) => (typeof tag === 'string' && tag.trim() ? tag.split(/[-_]/)[0].trim().toLowerCase() : 'en');
// A view state given to restore() before the core can take it: kept with what the widget
// remembers (the core's object, `{ view, fields, on }`; src/element/memory.rs), applied (and
// checked) when it starts.
const remembering = (memory, state) => ({ ...memory, view: { ...memory?.view, ...state }, fields: [...new Set([...(memory?.fields || []), ...Object.keys(state)])] });

// The language a widget is asked to speak, as the core finds it (src/element/locale.rs): needed
// here only before the core runs (which translation to import beside the wasm) and when it cannot
// run (the alert below).
function spoken(target, options) {
  const asked = [options.lang, target.closest?.('[lang]')?.getAttribute('lang'),
    globalThis.document?.documentElement.getAttribute('lang'), globalThis.navigator?.language];
  return primaryOf(asked.find((l) => typeof l === 'string' && l.trim() !== ''));
}

// An alert in the widget when the core cannot run (it cannot be asked then): the prefix from the
// page's own `strings`, else from options.js (generated from the catalogs); the page's own content
// (a child table) stays on screen as the page styled it.
function showFatal(target, options, error, key) {
  const prefix = typeof options.strings?.[key] === 'string' && own(options.strings, key) ? options.strings[key]
    : (FATAL[spoken(target, options)] || FATAL.en)[key];
  const root = target.shadowRoot || target.attachShadow({ mode: 'open' });
  const box = Object.assign(document.createElement('div'), { textContent: prefix + messageOf(error) });
  box.setAttribute('role', 'alert');
  box.setAttribute('part', 'error');
  root.replaceChildren(box, document.createElement('slot'));
  target.dispatchEvent(new CustomEvent('cm-error', { bubbles: true, composed: true, detail: { message: box.textContent } }));
}

// The handle's methods the API passes on as they are, and what each gives before the core runs.
const DELEGATED = [['state', null], ['error', undefined], ['exportCsv', ''], ['exportJson', ''], ['exportMarkdown', '']];

// More restarts than this within RESTART_WINDOW ms: the core itself is broken, every widget shows it.
const MAX_RESTARTS = 3, RESTART_WINDOW = 10000;
// A translation that has not arrived in this time is given up (English is shown, as for a 404).
const LOAD_LIMIT = 15000;
const timed = (promise, what) => Promise.race([promise, new Promise((_, no) => setTimeout(() => no(new Error(`${what} did not arrive within ${LOAD_LIMIT / 1000} s`)), LOAD_LIMIT))]);

// load(hint): a fresh, initialised wasm-bindgen glue (or a Promise of one); `hint` is the first
// widget's `wasmUrl`. catalogs: lang → () => Promise of a translation's texts (www/i18n/<lang>.js).
// loadReader(): a Promise of a function that makes a fresh glue of the dataset reader (the core
// calls it when it first needs one: src/reader.rs).
export function createApi(load, catalogs = {}, loadReader = () => Promise.reject(new Error('this build has no dataset reader'))) {
  // The core: one instance for all widgets, restarted after a trap.
  let glue = null, booting = null, givenUp = null, hint, restarts = [];
  const live = new Set();
  const stopped = () => new Error(`compliance-matrix stopped after internal errors: ${givenUp}`);
  const boot = () => Promise.resolve().then(() => load(hint)).then(attach);
  const begin = (wasmUrl) => {
    if (hint === undefined && typeof wasmUrl === 'string' && wasmUrl) hint = wasmUrl;
    // A failed load is tried again by the next widget or preload() (a 503 once is not for ever).
    if (!booting) (booting = boot()).catch(() => { booting = null; });
    return booting;
  };
  const attach = (g) => {
    glue = g;
    g.setHost({ loadReader, catalog: catalogFor });
    g.onPanic((message, culprit) => {
      if (glue !== g) return;
      glue = null;
      // Once the dying call has unwound; its listeners on window would keep the dead instance alive.
      setTimeout(() => {
        try { g.releaseListeners(); } catch { /* a second trap: nothing more to do */ }
        const now = Date.now();
        restarts = restarts.filter((t) => now - t < RESTART_WINDOW).concat(now);
        const widgets = [...live];
        if (restarts.length > MAX_RESTARTS) {
          givenUp = message;
          return widgets.forEach((w) => w.fail(message));
        }
        booting = boot();
        booting.then(() => widgets.forEach((w) => later(() => w.restart(message, culprit))), (e) => widgets.forEach((w) => w.fail(e)));
      });
    });
  };
  // Every call into the core: the events it raised go out once it has returned (their listeners
  // may call back in); a call the instance died in leaves the rest to the panic listener.
  const within = (g, f) => { try { return f(); } finally { try { g.flushEvents(); } catch { /* trapped */ } } };

  // A translation, imported when the core asks for it (src/catalogs.rs; the browser imports each
  // file once); a failed import leaves English, with a warning.
  const catalogFor = (lang) => (own(catalogs, lang) ? timed(Promise.resolve().then(() => catalogs[lang]()), `i18n/${lang}.js`) : Promise.reject(new Error('none')))
    .catch((e) => { console.warn(`compliance-matrix: the ${lang} strings could not be loaded (${messageOf(e)}); English is shown instead`); throw e; });
  // The core and its dataset reader (which parseDataset needs; src/reader.rs loads it).
  const both = () => begin().then(() => glue.loadReader()).then(() => {});
  // A thenable, so importing the module fetches nothing.
  const ready = { then: (y, n) => both().then(y, n), catch: (n) => both().catch(n), finally: (f) => both().finally(f) };

  // Widget starts, one task each: a page of many widgets stays responsive while they start.
  const starts = [];
  let channel = null;
  const later = (f) => {
    if (!channel) (channel = new MessageChannel()).port1.onmessage = () => { starts.shift()?.(); if (starts.length) channel.port2.postMessage(0); };
    if (starts.push(f) === 1) channel.port2.postMessage(0);
  };
  // A view restored while a widget is away: checked against the data it was on (src/element/).
  const remember = (memory, state) => (glue ? within(glue, () => glue.remember(memory, state)) : remembering(memory, state));
  const mounted = new WeakSet();
  // memory: what an earlier mount of this target remembered of the user's view (only kept here,
  // across a move and a restart).
  function mount(target, options = {}, memory = null) {
    if (!target || typeof target.attachShadow !== 'function') throw new TypeError('mount(target, options): target must be an Element');
    if (mounted.has(target)) throw new Error('mount(target, options): this element already holds a widget; call unmount() on its handle first (or update() it)');
    mounted.add(target);
    // owner: the instance the handle lives in (a restart makes it anew); queued: a start waits its turn.
    let handle = null, owner = null, queued = false, closed = false, failed = false, current = { ...options }, settle;
    const rendered = new Promise((resolve, reject) => { settle = { resolve, reject }; }); rendered.catch(() => {});
    const call = (f, fallback) => (handle && glue === owner ? within(glue, () => f(handle)) : fallback);
    const queue = () => { queued = true; later(() => { queued = false; start(); }); };
    const start = () => {
      if (closed || handle) return;
      if (!glue) return void (givenUp && widget.fail(givenUp));
      const g = glue;
      if (failed) target.shadowRoot?.replaceChildren();
      else for (const n of target.shadowRoot?.querySelectorAll(':scope > [role=alert][part=error], :scope > slot') || []) n.remove();
      failed = false;
      try {
        within(g, () => {
          handle = g.mount(target, current, memory, (m) => { memory = m; }); owner = g;
          handle.ready.then(() => settle.resolve());
        });
      } catch (e) {
        // A panic while mounting: the panic listener restarts the others; this one stays down.
        if (glue !== g) widget.fail(e);
        else { showFatal(target, current, e, 'fatalStart'); settle.resolve(); }
      }
    };
    const widget = {
      restart(message, culprit) {
        // A widget showing its own panic stays so until its host updates it.
        if (closed || failed) return;
        const guilty = handle && culprit !== 0 && handle.mountId === culprit;
        handle = null;
        if (guilty) return widget.fail(message);
        target.shadowRoot?.replaceChildren();
        start();
      },
      fail(error) {
        handle = null; failed = true;
        if (closed) return;
        showFatal(target, current, error, givenUp ? 'fatalGivenUp' : 'fatalStopped');
        settle.resolve();
      },
    };
    live.add(widget);
    // The widget's translation is imported beside the wasm (the core asks for it once it runs).
    const lang = spoken(target, current);
    if (own(catalogs, lang)) Promise.resolve().then(() => catalogs[lang]()).catch(() => {});
    if (glue) queue();
    else begin(own(options, 'wasmUrl') ? options.wasmUrl : undefined).then(queue, (e) => {
      if (!closed) { showFatal(target, current, e, 'fatalStart'); settle.reject(e); }
    });
    const api = {
      ready: rendered,
      // What this widget remembers of the user's view, for the element's next mount.
      memory: () => memory,
      save: () => call((h) => h.save(), memory ? memory.view : null),
      update(next = {}) {
        current = { ...current, ...next };
        if (handle && glue === owner) call((h) => h.update(next));
        // Not started yet (or stopped by an error: it tries again): these win over what it remembered.
        else { if (memory?.fields) memory = { ...memory, fields: memory.fields.filter((f) => !own(next, f)) }; if (glue && !queued) start(); }
      },
      restore(state) { if (handle && glue === owner) call((h) => h.restore(state)); else memory = remember(memory, state); },
      unmount() {
        if (closed) return;
        closed = true; live.delete(widget); mounted.delete(target);
        const h = handle;
        if (h && glue === owner) within(glue, () => { h.unmount(); h.free(); });
        handle = null;
      },
    };
    for (const [name, none] of DELEGATED) api[name] = () => call((h) => h[name](), none);
    return api;
  }

  function parseDataset(text, format) {
    if (givenUp) throw stopped();
    if (!glue) throw new Error('compliance-matrix is still loading: await ready first');
    return within(glue, () => glue.parseDataset(String(text), format));
  }

  // A Promise: the wasm, and the language's translation, may have to load first.
  function catalog(lang) {
    return begin().then(() => {
      if (givenUp) throw stopped();
      if (!glue) throw new Error('compliance-matrix is restarting after an internal error: try again');
      return within(glue, () => glue.catalog(lang === undefined || lang === null ? undefined : String(lang)));
    });
  }

  return { mount, parseDataset, catalog, ready, remember, preload: () => begin() };
}

export function defineElement(api) {
  if (typeof customElements === 'undefined' || customElements.get(TAG)) return;

  class ComplianceMatrix extends HTMLElement {
    // `id` names the widget's keys in the URL hash (sync-url): followed when it changes.
    static get observedAttributes() { return [...Object.keys(ATTRIBUTES), 'id']; }

    #api = null; #data = undefined; #strings = undefined; #ready = null; #settle = null;
    // What the widget remembered when it left the page, and the options set while it was away
    // (they apply over it when it comes back).
    #memory = null; #away = {};

    connectedCallback() {
      // Properties set before the element was defined sit on the instance and hide the class
      // accessors: take them off and set them again through the accessors.
      for (const key of ['data', 'strings', ...Object.values(ATTRIBUTES)].filter((k) => own(this, k))) {
        const value = this[key];
        delete this[key];
        this[key] = value;
      }
      if (this.#api) return;
      const options = { namespace: this.id || 'cm' };
      for (const [attr, key] of Object.entries(ATTRIBUTES)) {
        if (BOOLEAN.has(attr)) options[key] = this.hasAttribute(attr);
        else if (this.hasAttribute(attr)) options[key] = this.getAttribute(attr);
      }
      if (this.#data !== undefined) options.data = this.#data;
      if (this.#strings !== undefined) options.strings = this.#strings;
      this.#api = api.mount(this, options, this.#memory);
      // A listener of its own first events may have taken the element out again.
      if (!this.isConnected) return this.disconnectedCallback();
      if (Object.keys(this.#away).length) this.#api.update(this.#away);
      this.#away = {};
      if (this.#settle) this.#api.ready.then(this.#settle.resolve, this.#settle.reject);
      else this.#ready = this.#ready || this.#api.ready;
      this.#settle = null;
    }

    disconnectedCallback() {
      this.#memory = this.#api ? this.#api.memory() : this.#memory;
      this.#api?.unmount();
      this.#api = null;
    }

    attributeChangedCallback(name, oldValue, value) {
      // Only the attribute set is passed on, so what the user did with the others stays; set
      // again with the value it had, it still applies.
      const next = name === 'id' ? { namespace: value || 'cm' } : { [ATTRIBUTES[name]]: BOOLEAN.has(name) ? value !== null : value };
      if (this.#api) this.#api.update(next);
      else Object.assign(this.#away, next);
    }

    // The element's API (documented in compliance-matrix.d.ts): properties, then methods.
    get data() { return this.#data; }
    set data(value) { this.#data = value; this.#api?.update({ data: value === undefined ? null : value }); }
    get strings() { return this.#strings; }
    set strings(value) { this.#strings = value; this.#api?.update({ strings: value === undefined ? null : value }); }
    get state() { return this.#api ? this.#api.state() : null; }
    exportCsv() { return this.#api ? this.#api.exportCsv() : ''; }
    exportJson() { return this.#api ? this.#api.exportJson() : ''; }
    exportMarkdown() { return this.#api ? this.#api.exportMarkdown() : ''; }
    save() { return this.#api ? this.#api.save() : this.#memory?.view ?? null; }
    restore(state) { if (this.#api) this.#api.restore(state); else this.#memory = api.remember(this.#memory, state); }

    // Resolves when the widget has rendered its data or the error it shows instead (a `src` once
    // it arrived or failed); rejects when the wasm cannot be loaded.
    get ready() {
      if (!this.#ready) {
        this.#ready = new Promise((resolve, reject) => { this.#settle = { resolve, reject }; });
        this.#ready.catch(() => {});
      }
      return this.#ready;
    }
  }

  for (const [attr, key] of Object.entries(ATTRIBUTES)) {
    // `lang` is HTMLElement's own property, which already reflects the attribute.
    if (key in HTMLElement.prototype) continue;
    Object.defineProperty(ComplianceMatrix.prototype, key, {
      configurable: true, enumerable: true,
      get() { return BOOLEAN.has(attr) ? this.hasAttribute(attr) : this.getAttribute(attr); },
      set(value) {
        if (BOOLEAN.has(attr)) this.toggleAttribute(attr, Boolean(value));
        else if (value === null || value === undefined) this.removeAttribute(attr);
        else this.setAttribute(attr, String(value));
      },
    });
  }

  customElements.define(TAG, ComplianceMatrix);
}
