// The e2e page object: Debian Chromium through playwright-core, a local static server, pages that
// record console and page errors, and `MatrixPage`, one <compliance-matrix> on a page.
//
// The DOM contract inside the widget's shadow root (which element carries which attribute or part)
// is written once, in DOM below; tests reach the shadow root through MatrixPage, or pass DOM into
// their own page functions, so that a change of that contract is made here and only here.
import assert from 'node:assert/strict';
import { before, after } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../../scripts/serve.mjs';

export const launchOptions = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
};

/** The element's tag name, the default selector of a MatrixPage. */
export const W = 'compliance-matrix';
/** The empty host page the tests add widgets to (a <main id="host">). */
export const BLANK = '/tests/e2e/fixtures/blank.html';

/**
 * The DOM contract inside the shadow root: plain strings, so page functions can take them too.
 *
 * The layout, made for the reader's first minute (the answer first): a header (title, About this
 * data, and one line with the as-of date, the source and the warning), a toolbar row (search,
 * status, the Filters, History, Columns and Export menus, the count), the notes row (superseded
 * cells and the legend), the table as a data grid (one tab stop, arrow keys inside, a cell's
 * details as a dialog), then the diagram and the tools. A menu (`details.cm-menu`) builds its panel
 * only while it is open: the controls inside it exist only then (see MatrixPage.openMenu).
 */
export const DOM = {
  root: '[part=root]',
  table: 'table[part=table]',
  /** One per shown program; `data-program` is its id. */
  row: 'tr[data-program]',
  /** A row's header: the program name (and a † mark when the program has a note). */
  rowHeader: 'th[scope=row]',
  /** The † beside a program that has a note (the note itself is in the cell's details). */
  noteMark: 'span.cm-note-mark',
  /** One per shown program and service; `data-service` and `data-status` are their ids. */
  cell: 'td[data-service][data-status]',
  /** The status word inside a status cell (visually hidden on a narrow widget). */
  statusWord: 'span.cm-st',
  /** In a cell a later revision reads otherwise: "›✓" and a visually hidden sentence. */
  later: '[part=later]',
  /** The column headers; `data-key` is program, a service id or coverage. */
  header: 'table[part=table] thead th[scope=col]',
  /** A header's label: the full name (a service's short name on a narrow widget is another span). */
  headerLabel: '.cm-sort-label:not(.cm-name-short)',
  headerShort: '.cm-sort-label.cm-name-short',
  toolbar: '[part=toolbar]',
  search: 'input[type=search][part=search]',
  /** The result count, a polite status region. */
  count: '[role=status][part=count]',
  /** The result count by its part alone (to check the role it carries). */
  countPart: '[part=count]',
  status: '[role=status]',
  /** The error banner, one <li> a problem. */
  alert: '[role=alert][part=error]',
  anyAlert: '[role=alert]',
  /** The status filter: in the toolbar row on a wide widget, inside Filters on a narrow one. */
  statusFilter: 'select[part=status-filter]',
  clearFilters: 'button[part=clear-filters]',
  empty: '[part=empty]',
  emptyClear: '[part=empty-clear]',
  message: '[part=message]',
  // --- the header --------------------------------------------------------------------------
  title: 'h2.cm-title',
  /** The line under the title: as-of `time[datetime]`, the source link and the warning. */
  meta: 'p.cm-meta',
  /** The data's warning; the address inside it is a link reading "the current list". */
  warning: '[part=warning]',
  // --- menus (a <details class="cm-menu" part=…>, a <summary>, a panel while open) ----------
  menu: 'details.cm-menu',
  openMenu: 'details.cm-menu[open]',
  panel: '.cm-panel',
  about: 'details[part~=about]',
  filters: 'details[part=filters]',
  /** The number of active filters on the Filters summary. */
  filtersBadge: 'details[part=filters] > summary .cm-count-badge',
  history: 'details[part=history]',
  columns: 'details[part=columns]',
  columnsToggle: 'details[part=columns] > summary',
  export: 'details[part=export]',
  // ... inside About this data
  /** The dataset's notes: what "in scope" means, provenance, the facets' source. */
  note: '[part=note]',
  revisionStatus: '[part=revision-status]',
  // ... inside Filters
  gaps: 'input[type=checkbox][part=gaps]',
  facetFind: '[part=facet-find]',
  // ... inside History
  revision: 'select[part=revision]',
  compare: 'select[part=compare]',
  revisionNote: '[part=revision-note]',
  // ... inside Export
  copyLink: 'button[part=copy-link]',
  print: 'button[part=print]',
  // --- around the table ---------------------------------------------------------------------
  /** Compare mode's "what changed": a <details>, closed at first; the list items inside. */
  changes: '[part=changes]',
  superseded: '[part=superseded]',
  showLatest: 'button[part=show-latest]',
  legend: '[part=legend]',
  tableWrap: '[part=table-wrap]',
  /** A status cell's details: a non-modal dialog (Escape or Close return focus to the cell). */
  details: '[part~=cell-details]',
  detailsClose: '[part~=cell-details] button.cm-close',
  // --- the diagram and the tools ------------------------------------------------------------
  diagram: 'svg[part=diagram]',
  /** The layer names beside the diagram's columns. */
  diagramLabel: 'svg[part=diagram] text.cm-d-label',
  bandInfo: '[part=band-info]',
  diagramTable: 'details[part=diagram-table]',
  /** A narrow widget's diagram shows one variant, chosen here (instead of the toggle chips). */
  variantPicker: 'select[part=variant-picker]',
  tools: '[part=tools]',
  tool: 'li.cm-tool[data-tool]',
};

/** Which menu holds which control (its panel, and so the control, exists only while open). */
export const MENU_OF = {
  chip: 'filters',
  gaps: 'filters',
  facetFind: 'filters',
  revision: 'history',
  compare: 'history',
  revisionNote: 'history',
  columnBox: 'columns',
  move: 'columns',
  exportButton: 'export',
  copyLink: 'export',
  print: 'export',
  note: 'about',
  revisionStatus: 'about',
};

/** A CSS attribute value, quoted. */
const q = (v) => JSON.stringify(String(v));
/** Selectors built from the contract. */
export const sel = {
  row: (program) => `tr[data-program=${q(program)}]`,
  /** The cells of `service` (in a row, or anywhere). */
  serviceCell: (service) => `td[data-service=${q(service)}][data-status]`,
  cell: (program, service) => `${sel.row(program)} ${sel.serviceCell(service)}`,
  serviceCells: (service) => `${DOM.table} ${sel.serviceCell(service)}`,
  header: (key) => `th[data-key=${q(key)}]`,
  sortButton: (key) => `th[data-key=${q(key)}] button`,
  /** The menu whose part is `part` (filters, history, columns, export, about). */
  menu: (part) => `details.cm-menu[part~=${q(part)}]`,
  /** Its summary: a click, Enter or Space opens and closes it. */
  menuToggle: (part) => `${sel.menu(part)} > summary`,
  /** Its panel (only while open). */
  panel: (part) => `${sel.menu(part)} > .cm-panel`,
  chip: (tag) => `button[data-tag=${q(tag)}]`,
  facet: (name) => `[data-facet=${q(name)}]`,
  columnBox: (service) => `input[type=checkbox][data-service=${q(service)}]`,
  moveUp: (service) => `button[data-move-up=${q(service)}]`,
  moveDown: (service) => `button[data-move-down=${q(service)}]`,
  exportButton: (kind) => `button[data-export=${q(kind)}]`,
  variantToggle: (variant) => `button[data-variant-toggle=${q(variant)}]`,
  band: (variant, layer) => `${DOM.diagram} g[data-variant=${q(variant)}] g[data-layer=${q(layer)}]`,
  tool: (id) => `li.cm-tool[data-tool=${q(id)}]`,
};

/** Locator methods that act on or read the element: through an opening locator they open its menu first. */
const OPENING = new Set([
  'click', 'dblclick', 'tap', 'hover', 'focus', 'press', 'pressSequentially', 'type', 'fill', 'clear', 'check',
  'uncheck', 'setChecked', 'selectOption', 'inputValue', 'isChecked', 'isDisabled', 'isEnabled', 'isEditable',
  'getAttribute', 'textContent', 'innerText', 'innerHTML', 'allTextContents', 'allInnerTexts', 'evaluate',
  'evaluateAll', 'boundingBox', 'scrollIntoViewIfNeeded', 'screenshot', 'dispatchEvent', 'waitFor',
]);
/** Locator methods that make another locator: it opens the same menu. */
const CHAINING = new Set(['locator', 'first', 'last', 'nth', 'filter', 'and', 'or', 'getByRole', 'getByText', 'getByLabel']);

/**
 * `locator`, but every action or read through it (click, focus, getAttribute, textContent, …)
 * first runs `open()` — opens the menu it lives in. `count()` and `isVisible()` do not open
 * anything (they say whether the control is there now), nor does waitFor({state: 'hidden' |
 * 'detached'}).
 */
function opening(locator, open) {
  return new Proxy(locator, {
    get(target, prop) {
      const v = Reflect.get(target, prop);
      if (typeof v !== 'function') return v;
      if (OPENING.has(prop)) {
        return async (...args) => {
          if (!(prop === 'waitFor' && ['hidden', 'detached'].includes(args[0]?.state))) await open();
          return v.apply(target, args);
        };
      }
      if (CHAINING.has(prop)) return (...args) => opening(v.apply(target, args), open);
      return v.bind(target);
    },
  });
}

/** Starts a server on the repository root (`options` go to scripts/serve.mjs) and a browser. */
export async function start(options = {}) {
  const server = await serve('.', 0, options);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch(launchOptions);
  const env = {
    base,
    server,
    browser,
    /** A new page that records console errors and page errors in `page.problems`. */
    async page(opts = {}) {
      const page = await browser.newPage(opts);
      page.problems = [];
      page.on('console', (m) => {
        if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
      return page;
    },
    /**
     * A new page at `path` (or a full URL), and the widget `selector` on it once it shows rows
     * (`ready`: the timeout in ms, or false not to wait). The rest of `opts` are page options.
     */
    async open(path = '/index.html', { selector = W, ready = 20000, ...opts } = {}) {
      const page = await env.page(opts);
      await page.goto(/^[a-z]+:/.test(path) ? path : `${base}${path}`);
      const cm = new MatrixPage(page, selector);
      if (ready) await cm.ready(ready);
      return cm;
    },
    /**
     * A new page at `path` (the blank host page) with one widget added by MatrixPage.add: `attrs`,
     * and `widget` ({ id, data, style, into, whenDefined, selector }); `media` is emulated before
     * the page loads; `ready` as in open(). The rest of `opts` are page options.
     */
    async widget(attrs = {}, { path = BLANK, media, ready = 20000, widget = {}, ...opts } = {}) {
      const page = await env.page(opts);
      if (media) await page.emulateMedia(media);
      await page.goto(`${base}${path}`);
      const cm = await MatrixPage.add(page, { attrs, ...widget });
      if (ready) await cm.ready(ready);
      return cm;
    },
    async close() {
      await browser.close().catch(() => {});
      server.closeAllConnections?.();
      server.close();
    },
  };
  return env;
}

/**
 * start() in this test file's `before` (then `setup(env)`, in the same hook: node:test does not
 * wait for one root `before` hook before it runs the next), closed in its `after`. Returns the
 * environment object, filled in when `before` has run: use it inside tests.
 */
export function session(options, setup) {
  const env = {};
  before(async () => {
    Object.assign(env, await start(options));
    await setup?.(env);
  });
  after(async () => {
    await env.close?.();
  });
  return env;
}

/** The rule sets every axe-core run checks: WCAG 2.0–2.2 A/AA and best practice. */
export const AXE_RULESETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** axe-core's violations on the whole page (shadow roots included), one line each. */
export async function axeViolations(page) {
  await page.addScriptTag({ path: 'node_modules/axe-core/axe.min.js' });
  return page.evaluate(async (runOnly) => {
    const r = await window.axe.run(document, { runOnly, resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.help} ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  }, AXE_RULESETS);
}

/** Polls `get` until it deep-equals `expected` (renders are asynchronous), then asserts. */
export async function eventually(get, expected, message, ms = 5000) {
  const end = Date.now() + ms;
  let actual;
  for (;;) {
    actual = await get();
    try {
      assert.deepEqual(actual, expected);
      return;
    } catch {
      if (Date.now() > end) break;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  assert.deepEqual(actual, expected, message);
}

/** Re-reads `read()` until `ok(value)` holds or time runs out; returns the last value. */
export async function poll(read, ok, ms = 3000) {
  const end = Date.now() + ms;
  let value = await read();
  while (!ok(value) && Date.now() < end) {
    await new Promise((r) => setTimeout(r, 25));
    value = await read();
  }
  return value;
}

/** One <compliance-matrix> (the element matching `selector`) on a Playwright page. */
export class MatrixPage {
  constructor(page, selector = W) {
    this.page = page;
    this.selector = selector;
  }

  /**
   * Adds a widget to the page: `attrs` as attributes, then `style`, then `data` as the property,
   * appended to #`into`; `whenDefined` waits for the element's definition first. Returns its
   * MatrixPage (`selector`, or #id when given an id, else the tag name); does not wait for it.
   */
  static async add(page, { attrs = {}, id, data, style, into = 'host', whenDefined = false, selector } = {}) {
    await page.evaluate(
      async ({ attrs, id, data, style, into, whenDefined }) => {
        if (whenDefined) await customElements.whenDefined('compliance-matrix');
        const el = document.createElement('compliance-matrix');
        if (id) el.id = id;
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
        if (style) el.setAttribute('style', style);
        if (data !== undefined) el.data = data;
        document.getElementById(into).append(el);
      },
      { attrs, id, data, style, into, whenDefined },
    );
    return new MatrixPage(page, selector ?? (id ? `#${id}` : W));
  }

  /** Another widget on the same page. */
  widget(selector) {
    return new MatrixPage(this.page, selector);
  }

  /** The element itself. */
  get host() {
    return this.page.locator(this.selector);
  }

  /** `css` inside the widget (Playwright pierces the shadow root). */
  locator(css, options) {
    return this.page.locator(`${this.selector} ${css}`, options);
  }

  /** Runs `fn(element, arg)` in the page. */
  evaluate(fn, arg) {
    return this.host.evaluate(fn, arg);
  }

  /**
   * Runs `fn(shadowRoot, arg)` in the page. `fn` is sent as source and rebuilt there with
   * `new Function`: not for pages whose CSP forbids eval (use evaluate() there).
   */
  inRoot(fn, arg) {
    return this.host.evaluate((el, [src, a]) => new Function(`return (${src})`)()(el.shadowRoot, a), [fn.toString(), arg]);
  }

  setAttribute(name, value) {
    return this.host.evaluate((el, [n, v]) => el.setAttribute(n, v), [name, value]);
  }

  /** Waits until the widget shows table rows. */
  async ready(timeout = 20000) {
    await this.locator(DOM.row).first().waitFor({ timeout });
    // The element's `ready`: everything of its first view is in, the diagram too (it follows the
    // table's first paint). A mount() target has no `ready` of its own.
    await this.host.evaluateAll((els) => Promise.all(els.map((el) => el.ready)));
    return this;
  }

  /** `el.state`, the widget's state snapshot. */
  state() {
    return this.host.evaluate((el) => el.state);
  }

  // --- rows and cells --------------------------------------------------------------------------

  /** All shown rows (a Locator). */
  get rowLocator() {
    return this.locator(DOM.row);
  }

  /** Program ids of the shown rows, in display order. */
  programIds() {
    return this.host.evaluate((el, D) => [...el.shadowRoot.querySelectorAll(D.row)].map((tr) => tr.dataset.program), DOM);
  }

  /** Rows as shown: [{id, name, cells: [{service, status, text}]}]. */
  rows() {
    return this.host.evaluate(
      (el, D) =>
        [...el.shadowRoot.querySelectorAll(D.row)].map((tr) => ({
          id: tr.dataset.program,
          name: tr.querySelector('th').textContent,
          cells: [...tr.querySelectorAll(D.cell)].map((td) => ({
            service: td.dataset.service,
            status: td.dataset.status,
            text: td.textContent,
          })),
        })),
      DOM,
    );
  }

  /** Each shown row as [id, 'service=status', …]. */
  statusRows() {
    return this.host.evaluate(
      (el, D) =>
        [...el.shadowRoot.querySelectorAll(D.row)].map((tr) => [
          tr.dataset.program,
          ...[...tr.querySelectorAll(D.cell)].map((td) => `${td.dataset.service}=${td.dataset.status}`),
        ]),
      DOM,
    );
  }

  /** The status cell of `program` × `service` (a Locator). */
  cell(program, service) {
    return this.locator(sel.cell(program, service));
  }

  /** The status id of `program` × `service`, or undefined when that cell is not shown. */
  cellStatus(program, service) {
    return this.host.evaluate((el, s) => el.shadowRoot.querySelector(s)?.dataset.status, sel.cell(program, service));
  }

  /** Waits until the shown program ids deep-equal `expected`. */
  expectRows(expected, message, ms) {
    return eventually(() => this.programIds(), expected, message, ms);
  }

  // --- menus ------------------------------------------------------------------------------------

  /** The menu `part` (filters, history, columns, export, about): a <details>. */
  menu(part) {
    return this.locator(sel.menu(part));
  }

  /** Its summary (a click, Enter or Space opens and closes it). */
  menuToggle(part) {
    return this.locator(sel.menuToggle(part));
  }

  /** Its panel, there only while it is open. */
  panel(part) {
    return this.locator(sel.panel(part));
  }

  /** Whether the menu `part` is open. */
  isMenuOpen(part) {
    return this.menu(part).evaluate((d) => d.open);
  }

  /** The parts of the open menus. */
  openMenus() {
    return this.host.evaluate((el, s) => [...el.shadowRoot.querySelectorAll(s)].map((d) => d.getAttribute('part')), DOM.openMenu);
  }

  /**
   * Opens the menu `part` by clicking its summary (when it is closed) and waits for its panel.
   * Another open menu is closed first, as a reader would (its panel may lie over this summary).
   * One at a time (reads through opening locators may run side by side: two clicks would open
   * the menu and close it again).
   */
  openMenu(part) {
    const run = async () => {
      const menu = this.menu(part);
      await menu.waitFor({ state: 'attached', timeout: 10000 });
      for (const other of await this.openMenus()) if (other !== part) await this.closeMenu(other);
      if (!(await menu.evaluate((d) => d.open))) await this.menuToggle(part).click();
      await this.panel(part).waitFor({ state: 'attached', timeout: 5000 });
    };
    const next = (this.menuQueue ?? Promise.resolve()).then(run, run);
    this.menuQueue = next.catch(() => {});
    return next;
  }

  /** Closes the menu `part` by clicking its summary (when it is open); its panel goes. */
  async closeMenu(part) {
    if (await this.isMenuOpen(part)) await this.menuToggle(part).click();
    await eventually(() => this.isMenuOpen(part), false, `${part} closes`);
    await this.panel(part).waitFor({ state: 'detached', timeout: 5000 });
  }

  /** Closes every open menu. */
  async closeMenus() {
    for (const part of await this.openMenus()) await this.closeMenu(part);
  }

  openFilters() {
    return this.openMenu('filters');
  }

  openHistory() {
    return this.openMenu('history');
  }

  openColumns() {
    return this.openMenu('columns');
  }

  openExport() {
    return this.openMenu('export');
  }

  /** Opens About this data (the dataset's notes and the upstream status). */
  openAbout() {
    return this.openMenu('about');
  }

  /** `css` inside the menu `part`: an action or read through it opens that menu first. */
  inMenu(part, css) {
    return opening(this.locator(`${sel.menu(part)} ${css}`), () => this.openMenu(part));
  }

  /** Whether the widget is narrow (its root under 600 px wide: class cm-narrow). */
  isNarrow() {
    return this.locator(DOM.root).evaluate((r) => r.classList.contains('cm-narrow'));
  }

  // --- toolbar ---------------------------------------------------------------------------------

  get searchBox() {
    return this.locator(DOM.search);
  }

  /** Fills the search box with `text` (as a paste would). */
  search(text) {
    return this.searchBox.fill(text);
  }

  get countBox() {
    return this.locator(DOM.count);
  }

  /** The result count's text ("3 of 20 programs"). */
  count() {
    return this.countBox.textContent();
  }

  /** Waits until the result count says `text`. */
  expectCount(text, message = 'count') {
    return eventually(() => this.count(), text, message);
  }

  /** The status filter; on a narrow widget it is inside Filters, which an action opens first. */
  get statusFilter() {
    return opening(this.locator(DOM.statusFilter), async () => {
      if (await this.isNarrow()) await this.openFilters();
    });
  }

  /** "Gaps only" (in Filters, opened first). */
  get gapsBox() {
    return this.inMenu('filters', DOM.gaps);
  }

  /** A facet chip (in Filters, opened first). */
  chip(tag) {
    return this.inMenu('filters', sel.chip(tag));
  }

  /** A facet's group of chips (in Filters, opened first). */
  facet(name) {
    return this.inMenu('filters', sel.facet(name));
  }

  /** The Filters summary's count of active filters. */
  get filtersBadge() {
    return this.locator(DOM.filtersBadge);
  }

  get clearFiltersButton() {
    return this.locator(DOM.clearFilters);
  }

  get columnsMenu() {
    return this.menu('columns');
  }

  /** The column menu's summary (opens and closes it). */
  get columnsToggle() {
    return this.menuToggle('columns');
  }

  /** The column menu's checkbox for `service` (Columns opened first). */
  columnBox(service) {
    return this.inMenu('columns', sel.columnBox(service));
  }

  moveUp(service) {
    return this.inMenu('columns', sel.moveUp(service));
  }

  moveDown(service) {
    return this.inMenu('columns', sel.moveDown(service));
  }

  /** An export button: csv, json or markdown (Export opened first). */
  exportButton(kind) {
    return this.inMenu('export', sel.exportButton(kind));
  }

  /** Copy link (Export opened first). */
  get copyLinkButton() {
    return this.inMenu('export', DOM.copyLink);
  }

  /** Print (Export opened first). */
  get printButton() {
    return this.inMenu('export', DOM.print);
  }

  /** The polite message region (exports, copy link). */
  get message() {
    return this.locator(DOM.message);
  }

  /** The revision picker (History opened first). */
  get revisionPicker() {
    return this.inMenu('history', DOM.revision);
  }

  /** The compare picker (History opened first). */
  get comparePicker() {
    return this.inMenu('history', DOM.compare);
  }

  /** How odd rows of the shown revisions were read (History opened first). */
  get revisionNotes() {
    return this.inMenu('history', DOM.revisionNote);
  }

  /** The dataset's notes (About this data opened first). */
  get notes() {
    return this.inMenu('about', DOM.note);
  }

  /** How current the upstream table is (About this data opened first). */
  get revisionStatus() {
    return this.inMenu('about', DOM.revisionStatus);
  }

  /** Compare mode's "what changed" disclosure. */
  get changes() {
    return this.locator(DOM.changes);
  }

  /** Opens "what changed" (closed at first) by clicking its summary. */
  async openChanges() {
    await this.changes.waitFor();
    // An open menu's panel lies over the line (a real user's click outside closes it first).
    await this.closeMenus();
    if (!(await this.changes.evaluate((d) => d.open))) await this.locator(`${DOM.changes} > summary`).click();
    await eventually(() => this.changes.evaluate((d) => d.open), true, 'what changed opens');
  }

  /** The listed changes, one text each (the list is opened first). */
  async changeList() {
    await this.openChanges();
    return this.locator(`${DOM.changes} li`).allTextContents();
  }

  get tableWrap() {
    return this.locator(DOM.tableWrap);
  }

  // --- a cell's details -------------------------------------------------------------------------

  /** The open cell's details (a dialog). */
  get details() {
    return this.locator(DOM.details);
  }

  /**
   * Opens the details of `program` × `service` by clicking the cell, or with `keyboard` by
   * focusing it and pressing Enter; returns the dialog.
   */
  async openDetails(program, service, { keyboard = false } = {}) {
    if (keyboard) {
      await this.cell(program, service).focus();
      await this.page.keyboard.press('Enter');
    } else {
      await this.cell(program, service).click();
    }
    await this.details.waitFor();
    return this.details;
  }

  /** Closes the details with their Close button (focus goes back to the cell). */
  async closeDetails() {
    await this.locator(DOM.detailsClose).click();
    await this.details.waitFor({ state: 'detached' });
  }

  // --- headers and sorting ---------------------------------------------------------------------

  header(key) {
    return this.locator(sel.header(key));
  }

  sortButton(key) {
    return this.locator(sel.sortButton(key));
  }

  /** data-key of the column headers, in order. */
  headerKeys() {
    return this.host.evaluate((el, D) => [...el.shadowRoot.querySelectorAll(D.header)].map((th) => th.dataset.key), DOM);
  }

  /** {key: aria-sort} of the column headers. */
  ariaSorts() {
    return this.host.evaluate(
      (el, D) => Object.fromEntries([...el.shadowRoot.querySelectorAll(D.header)].map((th) => [th.dataset.key, th.getAttribute('aria-sort')])),
      DOM,
    );
  }

  // --- errors ----------------------------------------------------------------------------------

  /** The error banner (a Locator). */
  get alertBox() {
    return this.locator(DOM.alert);
  }

  /** The error banner as {text, items: [one text a problem]}, or null when there is none. */
  alert() {
    return this.host.evaluate((el, D) => {
      const a = el.shadowRoot && el.shadowRoot.querySelector(D.alert);
      return a ? { text: a.textContent, items: [...a.querySelectorAll('li')].map((li) => li.textContent) } : null;
    }, DOM);
  }

  /** The text of every alert in the shadow root. */
  alertTexts() {
    // No shadow root yet (the wasm is still loading): no alert either.
    return this.host.evaluate((el, D) => (el.shadowRoot ? [...el.shadowRoot.querySelectorAll(D.anyAlert)].map((a) => a.textContent) : []), DOM);
  }

  // --- diagram ---------------------------------------------------------------------------------

  get diagram() {
    return this.locator(DOM.diagram);
  }

  band(variant, layer) {
    return this.locator(sel.band(variant, layer));
  }

  get bandInfo() {
    return this.locator(DOM.bandInfo);
  }

  variantToggle(variant) {
    return this.locator(sel.variantToggle(variant));
  }

  /** A narrow widget's variant picker (one variant drawn at a time). */
  get variantPicker() {
    return this.locator(DOM.variantPicker);
  }
}
