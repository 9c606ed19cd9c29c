// The <compliance-matrix> element and the mount() API around the wasm core: defining the element,
// reflecting its attributes, and restarting the widgets after a panic. Everything else is Rust.
// Shared by the npm entry (compliance-matrix.js) and the single-file build (scripts/single-file.mjs),
// which inline options.js and this file as one script after removing `import` and `export`.
import { OPTIONS, FATAL } from './options.js';

export const TAG = 'compliance-matrix';

// From the one table of options (core/src/options.rs): attribute → property; booleans are
// present/absent attributes; view-state properties are what save() returns.
const ATTRIBUTES = Object.fromEntries(OPTIONS.map(([attribute, property]) => [attribute, property]));
const BOOLEAN = new Set(OPTIONS.filter((o) => o[2]).map((o) => o[0]));
const VIEW_STATE = new Set(OPTIONS.filter((o) => o[3]).map((o) => o[1]));

// The prefix of an alert shown when the core cannot run (it cannot be asked then), in the
// widget's language found as the core finds it: the page's own `strings` for that key, else the
// `lang` option, the closest `lang` attribute, the document's, the browser's; English otherwise.
function fatalText(target, options, key) {
  const own = options && options.strings && Object.prototype.hasOwnProperty.call(options.strings, key)
    ? options.strings[key] : undefined;
  if (typeof own === 'string') return own;
  const primary = spoken(target, options);
  return (Object.prototype.hasOwnProperty.call(FATAL, primary) ? FATAL[primary] : FATAL.en)[key];
}

// The primary subtag of the language a widget is asked to speak, found as the core finds it (src/
// element/locale.rs): the `lang` option, the closest `lang` attribute, the document's, the
// browser's; `en` without any.
function spoken(target, options) {
  const asked = [
    options && options.lang,
    target.closest && target.closest('[lang]')?.getAttribute('lang'),
    typeof document === 'undefined' ? undefined : document.documentElement.getAttribute('lang'),
    typeof navigator === 'undefined' ? undefined : navigator.language,
  ].find((l) => typeof l === 'string' && l.trim() !== '');
  return primaryOf(asked);
}
const primaryOf = (tag) => (typeof tag === 'string' && tag.trim() !== '' ? tag.split(/[-_]/)[0].trim().toLowerCase() : 'en');

// An error's message, or the thrown value as text.
const messageOf = (error) => (error && error.message ? error.message : String(error));

function showFatal(target, error, prefix) {
  const root = target.shadowRoot || target.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.setAttribute('part', 'error');
  box.textContent = prefix + messageOf(error);
  // The page's own content (a child <table>: its data) stays on screen as the page styled it.
  root.replaceChildren(box, document.createElement('slot'));
  target.dispatchEvent(new CustomEvent('cm-error', { bubbles: true, composed: true, detail: { message: box.textContent } }));
}

// A panic stops the wasm instance all widgets share. The core names the widget it was working
// for: that one shows the error; the others are mounted again, as they were, on a fresh instance.
// More than this many restarts within RESTART_WINDOW ms means something is wrong with the core
// itself: then every widget shows the error.
const MAX_RESTARTS = 3;
const RESTART_WINDOW = 10000;

// load(hint): a fresh, initialised wasm-bindgen glue ({ mount, parseDataset, onPanic,
// flushEvents }; onPanic is the glue's own, scripts/wasm-factory.mjs: the wasm traps on a panic)
// or a Promise of one; `hint` is the `wasmUrl` option of the widget that started
// it, if any. Nothing is loaded until a widget starts, preload() is called or `ready` is awaited.
// catalogs: lang → () => Promise of that translation's texts (www/i18n/<lang>.js), the languages
// the wasm is built without; one is loaded when a widget is to speak it.
// loadReader(): a Promise of a function that makes a fresh, initialised glue of the dataset
// reader (the second wasm: JSON, CSV and Markdown readers and validation, { read }). It loads the
// first time a widget has a dataset to read (`data`, a `src` that arrived, a child table other
// than the embedded matrix) or `ready` is awaited.
export function createApi(load, catalogs = {}, loadReader = () => Promise.reject(new Error('this build has no dataset reader'))) {
  let glue = null;
  let restarts = [];
  // Set when the core is given up (too many panics): new widgets show it instead of nothing.
  let givenUp = null;
  const live = new Set();
  // Targets that hold a mounted widget: a second mount() on one of them is refused.
  const mounted = new WeakSet();
  let hint;
  // One observer for the whole document: a `lang` attribute changed anywhere (the page switched
  // language, or an ancestor of a widget did) makes every widget look again for its language.
  let langObserver = null;
  const observeLang = () => {
    if (langObserver || typeof MutationObserver === 'undefined' || typeof document === 'undefined') return;
    langObserver = new MutationObserver(() => {
      for (const w of live) w.relang();
    });
    langObserver.observe(document.documentElement, { attributes: true, subtree: true, attributeFilter: ['lang'] });
  };

  // The translations: lang → Promise settled when its file has arrived (or failed: that language
  // is then spoken in English, with a warning in the console), and lang → texts once arrived.
  // Each instance is given every arrived one before it is called (a fresh one after a panic too).
  const loading = new Map();
  const texts = new Map();
  let given = new Set();
  const lazy = (lang) => Object.prototype.hasOwnProperty.call(catalogs, lang);
  // Arrived or failed: the widget can speak it (or English instead) now.
  const known = (lang) => !lazy(lang) || loading.get(lang)?.settled === true;
  const catalogFor = (lang) => {
    if (!lazy(lang)) return Promise.resolve();
    if (!loading.has(lang)) {
      const p = Promise.resolve()
        .then(() => catalogs[lang]())
        .then((t) => { texts.set(lang, t); }, (e) => {
          console.warn(`compliance-matrix: the ${lang} strings could not be loaded (${messageOf(e)}); English is shown instead`);
        })
        .finally(() => { p.settled = true; });
      loading.set(lang, p);
    }
    return loading.get(lang);
  };
  const give = (g) => {
    for (const [lang, t] of texts) {
      if (given.has(lang)) continue;
      given.add(lang);
      try {
        g.addCatalog(lang, t);
      } catch (e) {
        console.warn(`compliance-matrix: ${messageOf(e)}; English is shown instead`);
      }
    }
  };

  // The dataset reader. The wasm core calls reader.read(kind, a, b, c) (src/reader.rs): it
  // throws an Error named ReaderLoadError while the reader is not loaded (with why, if its load
  // failed). A reader that traps is replaced by a fresh instance for the next read. pending():
  // not loaded and no load failed (a child table then waits for it).
  let readerLoading = null;
  let makeReader = null;
  let readerInstance = null;
  let readerFailure = null;
  const loadError = (message) => Object.assign(new Error(message), { name: 'ReaderLoadError' });
  const reader = {
    load() {
      if (makeReader) return Promise.resolve();
      if (!readerLoading) {
        readerFailure = null;
        readerLoading = Promise.resolve().then(loadReader).then((make) => {
          makeReader = make;
        }, (e) => {
          readerFailure = messageOf(e);
          readerLoading = null;
          throw loadError(readerFailure);
        });
      }
      return readerLoading;
    },
    pending: () => !makeReader && readerFailure === null,
    read(kind, a, b, c) {
      if (!makeReader) throw loadError(readerFailure || 'it has not loaded');
      readerInstance = readerInstance || makeReader();
      try {
        return readerInstance.read(kind, a, b, c);
      } catch (e) {
        readerInstance = null;
        throw new Error(`it stopped after an internal error: ${messageOf(e)}`);
      }
    },
  };
  // A dataset to read: the reader loads before the core is given it.
  const hasData = (options) => Object.prototype.hasOwnProperty.call(options, 'data') && options.data !== null && options.data !== undefined;
  // A `src` will need the reader once its text has arrived: its load starts now, beside the
  // widget's wasm and the text (a failure is said when the text is read).
  const prefetchFor = (options) => {
    if (!makeReader && typeof options.src === 'string' && options.src.trim() !== '') reader.load().catch(() => {});
  };

  const attach = (g) => {
    glue = g;
    given = new Set();
    g.setReader(reader);
    g.onPanic((message, generation) => {
      if (glue !== g) return;
      glue = null;
      // Not from inside the dying call: once it has unwound. Its listeners on window would keep
      // the dead instance alive: it removes them (its own list only; best effort).
      setTimeout(() => {
        try {
          g.releaseListeners();
        } catch {
          // A second trap: nothing more to do for that instance.
        }
        recover(message, generation);
      });
    });
  };
  const boot = () => {
    try {
      const g = load(hint);
      return g && typeof g.then === 'function' ? g.then(attach) : (attach(g), Promise.resolve());
    } catch (e) {
      return Promise.reject(e);
    }
  };
  let booting = null;
  const begin = (wasmUrl) => {
    if (!booting) {
      if (hint === undefined && typeof wasmUrl === 'string' && wasmUrl) hint = wasmUrl;
      booting = boot();
      booting.catch(() => {});
    }
    return booting;
  };
  // Awaiting `ready` starts the load of the core and of the dataset reader parseDataset() needs
  // (a thenable, so importing the module fetches nothing).
  const both = () => Promise.all([begin(), reader.load()]).then(() => {});
  const ready = {
    then: (resolve, reject) => both().then(resolve, reject),
    catch: (reject) => both().catch(reject),
    finally: (f) => both().finally(f),
  };

  // Events the core raised during a call are dispatched once the call has returned, so their
  // listeners may call back into the widget.
  const flush = (g) => {
    try {
      g.flushEvents();
    } catch {
      // The instance died in the call: its panic listener takes over.
    }
  };
  const within = (g, f) => {
    try {
      give(g);
      return f();
    } finally {
      flush(g);
    }
  };

  function recover(message, generation) {
    const now = Date.now();
    restarts = restarts.filter((t) => now - t < RESTART_WINDOW).concat(now);
    const widgets = [...live];
    if (restarts.length > MAX_RESTARTS) {
      givenUp = message;
      for (const w of widgets) w.fail(message);
      return;
    }
    booting = boot();
    booting.then(
      () => { for (const w of widgets) w.restart(message, generation); },
      (e) => { for (const w of widgets) w.fail(e); },
    );
  }

  // One saved view state per widget (what save() returns, kept from every cm-change): restored on
  // top of the page's options and the hash at every start of the widget, the first (a move in the
  // page hands it over), and after a panic alike. An option the page sets again leaves it.
  function mount(target, options = {}, initialState = null) {
    if (!target || typeof target.attachShadow !== 'function') {
      throw new TypeError('mount(target, options): target must be an Element');
    }
    if (mounted.has(target)) {
      throw new Error('mount(target, options): this element already holds a widget; call unmount() on its handle first (or update() it)');
    }
    mounted.add(target);
    let handle = null;
    let closed = false;
    let current = { ...options };
    let saved = initialState ? { ...initialState } : null;
    // Resolves once this widget has rendered what it will show: its data, or the error instead.
    let settle;
    const rendered = new Promise((resolve, reject) => { settle = { resolve, reject }; });
    rendered.catch(() => {});
    const onChange = (e) => {
      if (e.target === target && e.detail) saved = { ...e.detail };
    };
    target.addEventListener('cm-change', onChange);
    // Set while this widget shows the error of a panic: cleared by the next mount.
    let failed = false;
    // key: fatalStart, fatalStopped (after a panic) or fatalGivenUp (see FATAL).
    const fatal = (e, key) => {
      showFatal(target, e, fatalText(target, current, key));
      settle.resolve();
    };
    // A child table other than the embedded matrix is read by the dataset reader: once it has
    // loaded (or failed to, which the widget then says), the widget reads the table again.
    const readTableLater = () => {
      if (!handle || !handle.waitsForReader) return;
      // (`call` is defined below; this runs after the load.)
      const again = () => call((h) => h.refreshTable());
      reader.load().then(again, again);
    };
    // readerTried: the dataset reader has loaded or failed to (the core then shows why).
    const start = (readerTried = false) => {
      if (closed || handle) return;
      if (!glue) {
        if (givenUp) widget.fail(givenUp);
        return;
      }
      if (!readerTried && !makeReader && hasData(current)) {
        const again = () => start(true);
        reader.load().then(again, again);
        return;
      }
      const g = glue;
      const root = target.shadowRoot;
      if (root) {
        if (failed) root.replaceChildren();
        // An alert left by an earlier start that could not run (this one may).
        else for (const n of root.querySelectorAll(':scope > [role=alert][part=error], :scope > slot')) n.remove();
      }
      failed = false;
      try {
        within(g, () => {
          handle = g.mount(target, current);
          if (saved) {
            try {
              handle.restore(saved);
            } catch {
              // A state that no longer fits the data (another src): the page's options stand.
            }
          }
          handle.ready.then(() => settle.resolve());
        });
        readTableLater();
      } catch (e) {
        // A panic while mounting: the panic listener restarts the others; this one stays down.
        if (glue !== g) widget.fail(e);
        else fatal(e, 'fatalStart');
      }
    };
    const widget = {
      relang() {
        // A language whose strings are still on their way: the widget keeps speaking the one it
        // speaks until they have arrived.
        const lang = spoken(target, current);
        if (!known(lang)) catalogFor(lang).then(() => widget.relang());
        else if (handle && glue) within(glue, () => handle.refreshLanguage());
      },
      restart(message, generation) {
        // A widget showing its own panic stays so until its host updates it.
        if (closed || failed) return;
        const culprit = handle && generation !== 0 && handle.generation === generation;
        // The old handle belongs to the dead instance: drop it without calling into it.
        handle = null;
        if (culprit) {
          widget.fail(message);
          return;
        }
        const root = target.shadowRoot;
        if (root) root.replaceChildren();
        start();
      },
      fail(error) {
        handle = null;
        failed = true;
        if (closed) return;
        fatal(error, givenUp ? 'fatalGivenUp' : 'fatalStopped');
      },
    };
    live.add(widget);
    observeLang();
    // The page's own child <table> (the dataset when neither data nor src is given): read again
    // when the page changes it. Mutations inside the shadow root are not seen here.
    const tableObserver = typeof MutationObserver === 'undefined' ? null : new MutationObserver(() => {
      if (handle && glue) {
        within(glue, () => handle.refreshTable());
        readTableLater();
      }
    });
    tableObserver?.observe(target, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ['data-as-of', 'data-source', 'data-source-url', 'colspan', 'rowspan'],
    });
    // The wasm and the strings of the widget's language load side by side; it starts with both.
    prefetchFor(current);
    const lang = spoken(target, current);
    if (glue && known(lang)) start();
    else {
      const wasm = begin(Object.prototype.hasOwnProperty.call(options, 'wasmUrl') ? options.wasmUrl : undefined);
      Promise.all([wasm, catalogFor(lang)]).then(() => start(), (e) => {
        if (closed) return;
        showFatal(target, e, fatalText(target, current, 'fatalStart'));
        settle.reject(e);
      });
    }
    const call = (f, fallback) => (handle && glue ? within(glue, () => f(handle)) : fallback);
    return {
      /** Resolves when the widget has rendered its data (or the error it shows instead). */
      ready: rendered,
      update(next = {}) {
        current = { ...current, ...next };
        prefetchFor(next);
        if (saved) for (const key of Object.keys(next)) if (VIEW_STATE.has(key)) delete saved[key];
        const lang = spoken(target, current);
        if (handle && glue) {
          // A new language once its strings have arrived, a dataset once the reader has loaded
          // (each the latest asked for by then); the rest now.
          const rest = { ...next };
          if (Object.prototype.hasOwnProperty.call(next, 'lang') && !known(lang)) {
            delete rest.lang;
            catalogFor(lang).then(() => call((h) => h.update({ lang: current.lang })));
          }
          if (!makeReader && hasData(next)) {
            delete rest.data;
            const read = () => call((h) => h.update({ data: current.data }));
            reader.load().then(read, read);
          }
          call((h) => h.update(rest));
        }
        // After an error in this widget: try again with what the host gave now.
        else if (!handle && glue) start();
      },
      state() {
        return call((h) => h.state(), null);
      },
      save() {
        return call((h) => h.save(), saved);
      },
      restore(state) {
        if (handle && glue) {
          call((h) => {
            h.restore(state);
            saved = h.save();
          });
        } else {
          saved = { ...(saved || {}), ...state };
        }
      },
      error() {
        return call((h) => h.error(), undefined);
      },
      exportCsv() {
        return call((h) => h.exportCsv(), '');
      },
      exportJson() {
        return call((h) => h.exportJson(), '');
      },
      exportMarkdown() {
        return call((h) => h.exportMarkdown(), '');
      },
      unmount() {
        if (closed) return;
        closed = true;
        live.delete(widget);
        mounted.delete(target);
        tableObserver?.disconnect();
        target.removeEventListener('cm-change', onChange);
        if (handle && glue) {
          const h = handle;
          within(glue, () => {
            h.unmount();
            h.free();
          });
        }
        handle = null;
      },
    };
  }

  function parseDataset(text, format) {
    if (givenUp) throw new Error(`compliance-matrix stopped after internal errors: ${givenUp}`);
    if (!glue || !makeReader) throw new Error('compliance-matrix is still loading: await ready first');
    return glue.parseDataset(String(text), format);
  }

  // A Promise: the wasm and the language's strings may have to load first.
  function catalog(lang) {
    const asked = lang === undefined || lang === null ? undefined : String(lang);
    return Promise.all([begin(), catalogFor(primaryOf(asked))]).then(() => {
      if (givenUp) throw new Error(`compliance-matrix stopped after internal errors: ${givenUp}`);
      const g = glue;
      if (!g) throw new Error('compliance-matrix is restarting after an internal error: try again');
      return within(g, () => g.catalog(asked));
    });
  }

  /** Starts loading the wasm now (before any widget needs it); resolves when it is ready. */
  const preload = () => begin();

  return { mount, parseDataset, catalog, ready, preload };
}

export function defineElement(api) {
  if (typeof customElements === 'undefined' || customElements.get(TAG)) return;

  class ComplianceMatrix extends HTMLElement {
    static get observedAttributes() {
      // `id` names the widget's keys in the URL hash (sync-url): followed when it changes.
      return [...Object.keys(ATTRIBUTES), 'id'];
    }

    #api = null;
    #data = undefined;
    #strings = undefined;
    // The view state while the element is out of the page (save() at disconnect), handed to the
    // next mount.
    #saved = null;
    // `ready`: resolves once the element has rendered its data (or the error it shows instead).
    #ready = null;
    #settle = null;
    // Watches `dir` on the element and its ancestors (a language switch): the widget then renders
    // again and reads its direction, which the diagram and the arrow keys follow.
    #dir = null;

    connectedCallback() {
      // Properties set before the element was defined sit on the instance and hide the class
      // accessors: take them off and set them again through the accessors.
      for (const key of ['data', 'strings', ...Object.values(ATTRIBUTES)]) {
        if (Object.prototype.hasOwnProperty.call(this, key)) {
          const value = this[key];
          delete this[key];
          this[key] = value;
        }
      }
      if (this.#api) return;
      const options = this.#options();
      if (this.#data !== undefined) options.data = this.#data;
      if (this.#strings !== undefined) options.strings = this.#strings;
      this.#api = api.mount(this, options, this.#saved);
      this.#saved = null;
      this.#dir = new MutationObserver(() => this.#api?.update({}));
      this.#dir.observe(this.getRootNode(), { attributes: true, attributeFilter: ['dir'], subtree: true });
      if (this.#settle) {
        const { resolve, reject } = this.#settle;
        this.#api.ready.then(resolve, reject);
        this.#settle = null;
      } else if (!this.#ready) {
        this.#ready = this.#api.ready;
      }
    }

    disconnectedCallback() {
      this.#dir?.disconnect();
      this.#dir = null;
      if (this.#api) {
        this.#saved = this.#api.save();
        this.#api.unmount();
      }
      this.#api = null;
    }

    attributeChangedCallback(name, oldValue, newValue) {
      // Only the attribute set is passed on, so what the reader did with the others stays; set
      // again with the value it had, it still applies.
      if (name === 'id') {
        if (this.#api) this.#api.update({ namespace: newValue || 'cm' });
        return;
      }
      const key = ATTRIBUTES[name];
      if (this.#api) this.#api.update({ [key]: BOOLEAN.has(name) ? newValue !== null : newValue });
      else if (this.#saved && VIEW_STATE.has(key)) delete this.#saved[key];
    }

    #options() {
      const options = { namespace: this.id || 'cm' };
      for (const [attr, key] of Object.entries(ATTRIBUTES)) {
        if (BOOLEAN.has(attr)) options[key] = this.hasAttribute(attr);
        else if (this.hasAttribute(attr)) options[key] = this.getAttribute(attr);
      }
      return options;
    }

    /** A dataset object in the JSON schema; validated, errors shown in the widget and sent as cm-error. */
    get data() {
      return this.#data;
    }
    set data(value) {
      this.#data = value;
      if (this.#api) this.#api.update({ data: value === undefined ? null : value });
    }

    /** The page's own UI strings: key → text, on top of the language's (see StringKey). */
    get strings() {
      return this.#strings;
    }
    set strings(value) {
      this.#strings = value;
      if (this.#api) this.#api.update({ strings: value === undefined ? null : value });
    }

    /** {query, status, gaps, tags, sort, services, view, revision, compare, visible} or null before load. */
    get state() {
      return this.#api ? this.#api.state() : null;
    }

    /** CSV of exactly the visible rows and columns. */
    exportCsv() {
      return this.#api ? this.#api.exportCsv() : '';
    }

    /** JSON (dataset schema) of exactly the visible rows and columns. */
    exportJson() {
      return this.#api ? this.#api.exportJson() : '';
    }

    /** A Markdown table of exactly the visible rows and columns. */
    exportMarkdown() {
      return this.#api ? this.#api.exportMarkdown() : '';
    }

    /** The view state (search, filters, sort, columns, revision) as a plain object. */
    save() {
      return this.#api ? this.#api.save() : this.#saved;
    }

    /** Applies a view state from save() on top of what is shown; throws when it does not fit. */
    restore(state) {
      if (this.#api) this.#api.restore(state);
      else this.#saved = { ...(this.#saved || {}), ...state };
    }

    /** Resolves when the widget has rendered its data, or the error it shows instead (a `src`
     *  included: after it has arrived or failed); rejects when the wasm cannot be loaded. */
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
      configurable: true,
      enumerable: true,
      get() {
        return BOOLEAN.has(attr) ? this.hasAttribute(attr) : this.getAttribute(attr);
      },
      set(value) {
        if (BOOLEAN.has(attr)) this.toggleAttribute(attr, Boolean(value));
        else if (value === null || value === undefined) this.removeAttribute(attr);
        else this.setAttribute(attr, String(value));
      },
    });
  }

  customElements.define(TAG, ComplianceMatrix);
}
