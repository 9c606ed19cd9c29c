// The security host page (tests/hosts/security/), shared by the security-*.test.mjs files:
// a server that also serves generated files (and one that never answers), pages with sentinels
// and in-page audit helpers installed before any script runs, the checks every security test
// ends with, and the XSS corpus with the datasets that carry it.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after } from 'node:test';
import { session, MatrixPage, DOM } from './matrix-page.mjs';

export const CORPUS = JSON.parse(readFileSync('tests/fixtures/xss-payloads.json', 'utf8')).payloads;
export const SEED = JSON.parse(readFileSync('data/matrix.json', 'utf8'));
export const MAX_FIELD = 2000;
export const CSP_TT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
export const HOST = '/tests/hosts/security/blank.html';
export const GEN = '/tests/hosts/security/gen/';
// The module, the widget's wasm and the dataset reader's (fetched when a dataset is to be read).
export const WIDGET_FILES = ['/dist/compliance-matrix.js', '/dist/compliance-matrix_bg.wasm.gz', '/dist/compliance-matrix-reader_bg.wasm.gz'];

export const chars = (s) => [...s].length;
/** Payloads the widget must accept and show (the others are over the field limit or hold a NUL). */
export const SHOWN = CORPUS.filter((p) => chars(p.payload) <= MAX_FIELD && !p.payload.includes('\0'));
export const REJECTED = CORPUS.filter((p) => !SHOWN.includes(p));
/** The only payloads that are valid http(s)/mailto links (and so must be kept, literally). */
export const VALID_URLS = new Set(['url-14', 'url-15']);

// ---------------------------------------------------------------------------------------------
// Server: the repository root (scripts/serve.mjs) plus generated files under GEN.
// ---------------------------------------------------------------------------------------------

/** path → { body: Buffer|string, type, status?, chunked?, lengthHeader? } */
export const generated = new Map();
/** path → (req, res) => void: a response a test writes itself (trickling, endless, hanging). */
export const handlers = new Map();
const hanging = new Set();
let env;

/**
 * The browser and the server for one test file (started in its `before`, closed in its
 * `after`): the repository root with the CSP + Trusted Types header on csp-tt.html, the files in
 * `generated` under GEN, and GEN/never.csv, which never answers.
 */
export function securitySession() {
  const headers = (url) => (url.pathname === '/tests/hosts/security/csp-tt.html' ? { 'content-security-policy': CSP_TT } : {});
  env = session({ headers }, ({ server }) => {
    const staticHandler = server.listeners('request')[0];
    server.removeAllListeners('request');
    server.on('request', (req, res) => {
      const path = new URL(req.url, 'http://localhost').pathname;
      if (path === `${GEN}never.csv`) {
        hanging.add(res); // never answers: the widget must give up after 15 s
        return;
      }
      const own = handlers.get(path);
      if (own) return own(req, res);
      const g = generated.get(path);
      if (!g) return staticHandler(req, res);
      const body = Buffer.isBuffer(g.body) ? g.body : Buffer.from(g.body, 'utf8');
      const headers = { 'content-type': g.type, 'cache-control': 'no-store' };
      if (g.encoding) headers['content-encoding'] = g.encoding;
      if (!g.chunked) headers['content-length'] = String(body.length);
      res.writeHead(g.status ?? 200, headers);
      if (!g.chunked) return res.end(body);
      // Chunked transfer, no content-length: the size is only known after reading the body.
      let at = 0;
      const pump = () => {
        while (at < body.length) {
          const more = res.write(body.subarray(at, at + 65536));
          at += 65536;
          if (!more) return res.once('drain', pump);
        }
        res.end();
      };
      pump();
    });
  });
  after(() => {
    for (const res of hanging) res.destroy();
  });
  return env;
}

// ---------------------------------------------------------------------------------------------
// Page helpers
// ---------------------------------------------------------------------------------------------

/** In-page helpers and sentinels, installed before any page script runs. */
function pageInit(D) {
  window.__pwned = undefined;
  const hit = (how) =>
    function () {
      window.__pwned = window.__pwned || how;
    };
  window.alert = hit('alert');
  window.confirm = hit('confirm');
  window.prompt = hit('prompt');
  window.__errors = [];
  window.__violations = [];
  document.addEventListener('cm-error', (e) => window.__errors.push({ id: e.target.id, message: e.detail && e.detail.message }), true);
  document.addEventListener(
    'securitypolicyviolation',
    (e) => window.__violations.push(`${e.violatedDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber} ${e.sample || ''}`),
    true,
  );
  const BAD_TAGS = new Set([
    'script', 'iframe', 'frame', 'frameset', 'img', 'image', 'object', 'embed', 'style', 'link', 'meta', 'base',
    'form', 'math', 'foreignobject', 'video', 'audio', 'source', 'track', 'animate', 'animatetransform',
    'animatemotion', 'set', 'use', 'marquee', 'body', 'html', 'head', 'noscript', 'template', 'portal',
    'area', 'map', 'applet', 'textarea', 'mglyph', 'maction', 'mtext', 'picture', 'canvas', 'dialog',
  ]);
  const URL_ATTRS = new Set(['href', 'xlink:href', 'src', 'srcset', 'srcdoc', 'action', 'formaction', 'data', 'poster', 'background', 'ping', 'codebase', 'cite', 'manifest', 'lowsrc', 'dynsrc']);
  window.__t = {
    sleep: (ms) => new Promise((r) => setTimeout(r, ms)),
    /** Re-evaluates fn until it returns something truthy (or time runs out); returns the last value. */
    async until(fn, ms = 5000) {
      const end = performance.now() + ms;
      let v = fn();
      while (!v && performance.now() < end) {
        await new Promise((r) => setTimeout(r, 10));
        v = fn();
      }
      return v;
    },
    rows(el) {
      return [...el.shadowRoot.querySelectorAll(D.row)].map((tr) => tr.dataset.program);
    },
    /** Waits until the alert shows the newest cm-error message after index `before`. */
    async untilAlert(el, before, ms = 2000) {
      return window.__t.until(() => {
        const m = window.__errors.length > before && window.__errors.at(-1).message;
        const a = window.__t.alert(el);
        return m && a && a.items.includes(m);
      }, ms);
    },
    alert(el) {
      const a = el.shadowRoot.querySelector(D.alert);
      return a ? { text: a.textContent, items: [...a.querySelectorAll('li')].map((li) => li.textContent) } : null;
    },
    /** Everything in the shadow root that could run or load something. */
    audit(el) {
      const root = el.shadowRoot;
      const problems = [];
      if (!root) return { problems: ['no shadow root'], hrefs: [] };
      for (const e of root.querySelectorAll('*')) {
        const tag = e.localName.toLowerCase();
        if (BAD_TAGS.has(tag)) problems.push(`<${tag}> element`);
        for (const a of e.attributes) {
          const n = a.name.toLowerCase();
          if (n.startsWith('on')) problems.push(`${tag}[${n}] event handler attribute`);
          // The one style the widget sets itself: a cell's details placed under its cell through
          // two custom properties of its own (CSSOM, which a strict style-src allows).
          const placement = n === 'style' && e.matches('[part~=cell-details]') && /^(\s*--_details-[xy]: -?\d+px;)+\s*$/.test(a.value);
          if (n === 'style' && !placement) problems.push(`${tag}[style="${a.value.slice(0, 80)}"] style attribute`);
          if (URL_ATTRS.has(n) && !(tag === 'a' && n === 'href')) problems.push(`${tag}[${n}="${a.value.slice(0, 80)}"]`);
        }
      }
      const hrefs = [];
      for (const a of root.querySelectorAll('a')) {
        const href = a.getAttribute('href');
        if (href === null) continue;
        hrefs.push(href);
        let scheme;
        try {
          scheme = new URL(href, document.baseURI).protocol;
        } catch {
          scheme = 'unparseable';
        }
        if (!['http:', 'https:', 'mailto:'].includes(scheme)) problems.push(`<a href="${href.slice(0, 80)}"> has scheme ${scheme}`);
      }
      const sheets = root.adoptedStyleSheets.length;
      if (sheets !== 1) problems.push(`${sheets} adopted stylesheets (expected the widget's one)`);
      return { problems, hrefs };
    },
    /** The page outside the widget: the sentinel, the title, and nothing injected. */
    pageState() {
      return {
        pwned: window.__pwned,
        title: document.title,
        scripts: document.scripts.length,
        injected: document.querySelectorAll('body img, body iframe, body object, body embed, body svg, body math, body form, body style, body script, body base, body meta, body video, body audio').length,
        sheets: document.styleSheets.length,
        proto: Object.prototype.ecs !== undefined || Object.prototype.polluted !== undefined,
      };
    },
  };
}

/** A page that records console errors, page errors and every request; off-origin requests are aborted. */
export async function newPage(opts = {}) {
  const page = await env.page(opts);
  page.requests = [];
  page.on('request', (r) => page.requests.push(r.url()));
  // Anything off this server is recorded (above) and aborted, so a leak shows without waiting on DNS.
  const origin = new URL(env.base).origin;
  await page.route((url) => url.origin !== origin, (route) => route.abort('blockedbyclient'));
  await page.addInitScript(pageInit, DOM);
  return page;
}

/** Opens the security host page with one widget #w (`attrs`) in #host; its MatrixPage once it shows rows. */
export async function hostPage(attrs = {}, opts) {
  const page = await newPage(opts);
  await page.goto(`${env.base}${HOST}`);
  const w = await MatrixPage.add(page, { attrs, id: 'w', whenDefined: true });
  await w.ready(20000);
  page.baseline = await page.evaluate(() => window.__t.pageState());
  return w;
}

/** The host page (as hostPage) with TINY as its data, shown: alpha and beta. */
export async function tinyPage() {
  const w = await hostPage({ view: 'table' });
  await w.evaluate((el, tiny) => (el.data = tiny), TINY);
  await w.expectRows(['alpha', 'beta'], 'the tiny dataset shows');
  return w;
}

/** A `src` that loads: good.csv of the security host, whose rows are GOOD_ROWS. */
export const GOOD = '/tests/hosts/security/good.csv';
export const GOOD_ROWS = ['soc-2', 'pci-dss-level-1'];

/** How many cm-error events the page has recorded so far. */
export const errorCount = (page) => page.evaluate(() => window.__errors.length);

/** Waits for the next cm-error after the ones already recorded; returns its message. */
export async function nextError(page, before, timeout = 10000) {
  await page.waitForFunction((n) => window.__errors.length > n, before, { timeout, polling: 50 });
  return page.evaluate((n) => window.__errors[n].message, before);
}

/** Every request went to this origin under /dist/ or /tests/, or was data:/blob:. */
export function assertRequests(page, only) {
  const bad = page.requests.filter((u) => {
    if (/^(data|blob):/i.test(u)) return false;
    const url = new URL(u);
    return url.origin !== new URL(env.base).origin || !(url.pathname.startsWith('/dist/') || url.pathname.startsWith('/tests/'));
  });
  assert.deepEqual(bad, [], 'no request beyond the widget files, the host page and the given src');
  if (only) {
    const allowed = new Set([...WIDGET_FILES, HOST, '/tests/hosts/security/icon.svg', ...only]);
    const extra = page.requests.filter((u) => !/^(data|blob):/i.test(u) && !allowed.has(new URL(u).pathname));
    assert.deepEqual(extra, [], 'no request beyond the expected files (an injected <img src=x> would show here)');
  }
}

/** The sentinel is unset and nothing was injected into the page itself. */
export async function assertPageClean(page, where) {
  await page.waitForTimeout(150); // let onerror/onload of anything injected fire
  const now = await page.evaluate(() => window.__t.pageState());
  assert.equal(now.pwned, undefined, `${where}: a payload ran (sentinel: ${now.pwned})`);
  assert.deepEqual(now, page.baseline, `${where}: the host page is unchanged`);
}

export async function assertShadowClean(page, where, selector = '#w') {
  const a = await page.locator(selector).evaluate((el) => window.__t.audit(el));
  assert.deepEqual(a.problems, [], `${where}: the shadow root holds nothing that runs or loads`);
  return a;
}

export function finish(page, { allowConsole = [] } = {}) {
  const problems = page.problems.filter((p) => !allowConsole.some((re) => re.test(p)));
  assert.deepEqual(problems, [], 'no console error or page error');
}

// ---------------------------------------------------------------------------------------------
// Datasets carrying payloads
// ---------------------------------------------------------------------------------------------

export const TINY = {
  as_of: '2024-01-01',
  source: { title: 'Tiny', url: 'https://example.com/tiny' },
  services: [{ id: 'ecs', name: 'Amazon ECS' }],
  programs: [
    { id: 'alpha', name: 'Alpha', status: { ecs: 'in-scope' } },
    { id: 'beta', name: 'Beta', status: { ecs: 'not-in-scope' } },
  ],
};

/** One program per payload: the payload as name, alias, note and cell label. */
export function programsDataset(items) {
  return {
    title: 'Payload matrix',
    as_of: '2024-01-01',
    source: { title: 'Payload source', url: 'https://example.com/source' },
    services: [
      { id: 'ecs', name: 'Amazon ECS' },
      { id: 'eks', name: 'Amazon EKS' },
    ],
    programs: items.map((p, i) => ({
      id: `p${i}`,
      name: p.payload,
      aliases: [`zq${i}zq`, p.payload],
      tags: ['domain:test'],
      note: p.payload,
      url: `https://example.com/p${i}`,
      status: { ecs: { status: 'in-progress', label: p.payload }, eks: 'in-scope' },
    })),
  };
}

// CSV and Markdown texts: one row per payload (prefixed so every name makes its own id) and a few
// payloads as service headers.
export const TABLE_HEADERS = ['script-1', 'handler-2', 'unicode-2', 'template-1', 'css-1', 'csv-5'].map((id) => CORPUS.find((p) => p.id === id));

export function csvField(s) {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
export function csvText(items) {
  const header = ['Compliance Program', 'Amazon ECS', ...TABLE_HEADERS.map((p, j) => `S${j} ${p.payload}`)];
  const lines = [header.map(csvField).join(',')];
  items.forEach((p, i) => lines.push([`P${i} ${p.payload}`, p.payload, ...TABLE_HEADERS.map(() => '1')].map(csvField).join(',')));
  return lines.join('\r\n') + '\r\n';
}
export const mdCell = (s) => s.replace(/&/g, '&amp;').replace(/\|/g, '\\|');
export function markdownText(items) {
  const header = ['Compliance Program', 'Amazon ECS', ...TABLE_HEADERS.map((p, j) => `S${j} ${p.payload}`)];
  const lines = ['# Payloads', '', `| ${header.map(mdCell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  items.forEach((p, i) => lines.push(`| ${[`P${i} ${p.payload}`, p.payload, ...TABLE_HEADERS.map(() => '1')].map(mdCell).join(' | ')} |`));
  return lines.join('\n') + '\n\nText after the table.\n';
}
/** In tables a row's name is "P<i> <payload>": a payload near the limit is cut to leave room. */
export const fit = (p) => (chars(p.payload) > MAX_FIELD - 10 ? { ...p, payload: p.payload.slice(0, MAX_FIELD - 10) } : p);
/** Markdown rows cannot hold line breaks. */
export const MD_ITEMS = SHOWN.filter((p) => !/[\r\n]/.test(p.payload)).map(fit);
export const CSV_ITEMS = SHOWN.map(fit);
