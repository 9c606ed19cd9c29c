// The <compliance-matrix> element and the mount() API around the wasm core.
// Shared by the npm entry (compliance-matrix.js) and the single-file build (scripts/single-file.mjs),
// which inlines this file as a classic script after removing the `export` keywords.

export const TAG = 'compliance-matrix';

// attribute → option name; booleans are present/absent attributes.
const ATTRIBUTES = {
  services: 'services',
  query: 'query',
  status: 'status',
  gaps: 'gaps',
  tags: 'tags',
  sort: 'sort',
  view: 'view',
  theme: 'theme',
  src: 'src',
  revision: 'revision',
  compare: 'compare',
  'sync-url': 'syncUrl',
};
const BOOLEAN = new Set(['gaps', 'sync-url']);

function showFatal(target, error, prefix = 'compliance-matrix could not start: ') {
  const root = target.shadowRoot || target.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.setAttribute('part', 'error');
  box.textContent = prefix + (error && error.message ? error.message : String(error));
  root.replaceChildren(box);
  target.dispatchEvent(new CustomEvent('cm-error', { bubbles: true, composed: true, detail: { message: box.textContent } }));
}

/** The options that bring back what the user did, from a state snapshot (cm-change detail). */
export function optionsFromState(s, embedded) {
  const o = {
    query: s.query, status: s.status, gaps: s.gaps, tags: s.tags.join(','), sort: s.sort,
    services: s.services.join(','),
  };
  // Revisions only exist for the embedded matrix.
  if (embedded) Object.assign(o, { revision: s.revision, compare: s.compare });
  return o;
}

// A panic stops the wasm instance all widgets share. The core names the widget it was working
// for: that one shows the error; the others are mounted again, as they were, on a fresh instance.
// More than this many restarts within RESTART_WINDOW ms means something is wrong with the core
// itself: then every widget shows the error.
const MAX_RESTARTS = 3;
const RESTART_WINDOW = 10000;

// load(): a fresh, initialised wasm-bindgen glue ({ mount, parseDataset, onPanic }) or a Promise of one.
export function createApi(load) {
  let glue = null;
  let restarts = [];
  // Set when the core is given up (too many panics): new widgets show it instead of nothing.
  let givenUp = null;
  const live = new Set();

  const attach = (g) => {
    glue = g;
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
      const g = load();
      return g && typeof g.then === 'function' ? g.then(attach) : (attach(g), Promise.resolve());
    } catch (e) {
      return Promise.reject(e);
    }
  };
  let booting = boot();
  const ready = booting;
  ready.catch(() => {});

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

  function mount(target, options = {}) {
    if (!target || typeof target.attachShadow !== 'function') {
      throw new TypeError('mount(target, options): target must be an Element');
    }
    let handle = null;
    let closed = false;
    let current = { ...options };
    // What the user changed since (cm-change), minus what the host set again later.
    let restore = {};
    const onChange = (e) => {
      if (e.target === target && e.detail) restore = optionsFromState(e.detail, current.data == null && !current.src);
    };
    target.addEventListener('cm-change', onChange);
    // Set while this widget shows the error of a panic: cleared by the next mount.
    let failed = false;
    const start = () => {
      if (closed || handle) return;
      if (!glue) {
        if (givenUp) widget.fail(givenUp);
        return;
      }
      const g = glue;
      if (failed && target.shadowRoot) target.shadowRoot.replaceChildren();
      failed = false;
      try {
        handle = g.mount(target, { ...current, ...restore });
      } catch (e) {
        // A panic while mounting: the panic listener restarts the others; this one stays down.
        if (glue !== g) widget.fail(e);
        else showFatal(target, e);
      }
    };
    const widget = {
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
        showFatal(target, error, givenUp
          ? 'compliance-matrix stopped after repeated internal errors (reload the page to start again): '
          : 'This widget stopped after an internal error (change its data or options to try again): ');
      },
    };
    live.add(widget);
    const whenReady = () => booting.then(start, (e) => { if (!closed) showFatal(target, e); });
    if (glue) start();
    else whenReady();
    const call = (f, fallback) => (handle && glue ? f(handle) : fallback);
    return {
      update(next = {}) {
        const { data, ...rest } = next;
        current = { ...current, ...rest };
        if ('data' in next) current.data = data;
        for (const key of Object.keys(next)) delete restore[key];
        if (handle && glue) handle.update('data' in next ? { ...current, data } : withoutData(current));
        // After an error in this widget: try again with what the host gave now.
        else if (!handle && glue) start();
      },
      state() {
        return call((h) => h.state(), null);
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
        closed = true;
        live.delete(widget);
        target.removeEventListener('cm-change', onChange);
        if (handle && glue) {
          handle.unmount();
          handle.free();
        }
        handle = null;
      },
    };
  }

  function parseDataset(text, format) {
    if (givenUp) throw new Error(`compliance-matrix stopped after internal errors: ${givenUp}`);
    if (!glue) throw new Error('compliance-matrix is still loading: await ready first');
    return glue.parseDataset(String(text), format);
  }

  return { mount, parseDataset, ready };
}

function withoutData(options) {
  const { data, ...rest } = options;
  return rest;
}

export function defineElement(api) {
  if (typeof customElements === 'undefined' || customElements.get(TAG)) return;

  class ComplianceMatrix extends HTMLElement {
    static get observedAttributes() {
      return Object.keys(ATTRIBUTES);
    }

    #api = null;
    #data = undefined;
    // What the user did (query, sort, …) when the element left the page, restored on return.
    #saved = null;

    connectedCallback() {
      // Properties set before the element was defined sit on the instance and hide the class
      // accessors: take them off and set them again through the accessors.
      for (const key of ['data', ...Object.values(ATTRIBUTES)]) {
        if (Object.prototype.hasOwnProperty.call(this, key)) {
          const value = this[key];
          delete this[key];
          this[key] = value;
        }
      }
      if (this.#api) return;
      const options = this.#options();
      if (this.#saved) {
        Object.assign(options, optionsFromState(this.#saved, this.#data == null && !this.hasAttribute('src')));
        this.#saved = null;
      }
      if (this.#data !== undefined) options.data = this.#data;
      this.#api = api.mount(this, options);
    }

    disconnectedCallback() {
      if (this.#api) {
        this.#saved = this.#api.state();
        this.#api.unmount();
      }
      this.#api = null;
    }

    attributeChangedCallback(name, oldValue, newValue) {
      // Only the attribute that changed is passed on, so what the user did with the others stays.
      if (this.#api && oldValue !== newValue) {
        this.#api.update({ [ATTRIBUTES[name]]: BOOLEAN.has(name) ? newValue !== null : newValue });
      }
    }

    #options() {
      const options = { namespace: this.id || 'cm' };
      for (const [attr, key] of Object.entries(ATTRIBUTES)) {
        options[key] = BOOLEAN.has(attr) ? this.hasAttribute(attr) : this.getAttribute(attr);
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

    /** Resolves when the wasm core has loaded and the widget has rendered. */
    get ready() {
      return api.ready;
    }
  }

  for (const [attr, key] of Object.entries(ATTRIBUTES)) {
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
