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

function showFatal(target, error) {
  const root = target.shadowRoot || target.attachShadow({ mode: 'open' });
  const box = document.createElement('div');
  box.setAttribute('role', 'alert');
  box.setAttribute('part', 'error');
  box.textContent = 'compliance-matrix could not start: ' + (error && error.message ? error.message : String(error));
  root.replaceChildren(box);
  target.dispatchEvent(new CustomEvent('cm-error', { bubbles: true, composed: true, detail: { message: box.textContent } }));
}

// core: { ready: Promise, isReady(): boolean, mount(target, options), parseDataset(text, format) }
export function createApi(core) {
  function mount(target, options = {}) {
    if (!target || typeof target.attachShadow !== 'function') {
      throw new TypeError('mount(target, options): target must be an Element');
    }
    let handle = null;
    let closed = false;
    let current = { ...options };
    const start = () => {
      if (closed || handle) return;
      try {
        handle = core.mount(target, current);
      } catch (e) {
        showFatal(target, e);
      }
    };
    if (core.isReady()) start();
    else core.ready.then(start, (e) => { if (!closed) showFatal(target, e); });
    return {
      update(next = {}) {
        const { data, ...rest } = next;
        current = { ...current, ...rest };
        if ('data' in next) current.data = data;
        if (handle) handle.update('data' in next ? { ...current, data } : withoutData(current));
      },
      state() {
        return handle ? handle.state() : null;
      },
      error() {
        return handle ? handle.error() : undefined;
      },
      exportCsv() {
        return handle ? handle.exportCsv() : '';
      },
      exportJson() {
        return handle ? handle.exportJson() : '';
      },
      exportMarkdown() {
        return handle ? handle.exportMarkdown() : '';
      },
      unmount() {
        closed = true;
        if (handle) {
          handle.unmount();
          handle.free();
          handle = null;
        }
      },
    };
  }

  function parseDataset(text, format) {
    if (!core.isReady()) throw new Error('compliance-matrix is still loading: await ready first');
    return core.parseDataset(String(text), format);
  }

  return { mount, parseDataset };
}

function withoutData(options) {
  const { data, ...rest } = options;
  return rest;
}

export function defineElement(core, api) {
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
        const s = this.#saved;
        Object.assign(options, {
          query: s.query, status: s.status, gaps: s.gaps, tags: s.tags.join(','), sort: s.sort,
          services: s.services.join(','),
        });
        // Revisions only exist for the embedded matrix.
        if (this.#data == null && !this.hasAttribute('src')) Object.assign(options, { revision: s.revision, compare: s.compare });
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
      return core.ready;
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
