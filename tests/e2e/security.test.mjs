// Hardening e2e (issue 7): hostile data, malformed input, hostile and busy pages, leaks, network.
//
// - An XSS corpus (tests/fixtures/xss-payloads.json) goes through the `data` property, `src`
//   (CSV and Markdown served by this file's server), `parseDataset()`, the attributes and a shared
//   link, and the exports. Every payload that would run code sets `window.__pwned` (or calls
//   alert/confirm/prompt, which are hooked to set it): the sentinel must stay unset, the shadow
//   root must hold no element or attribute that runs or loads anything, every link must be
//   http/https/mailto, and the payload text must show literally.
// - Malformed input through `src` and `parseDataset()`: a clear error in [role=alert][part=error],
//   `cm-error`, the previous rows kept, the page responsive.
// - A strict CSP + Trusted Types page, 50 instances on one page, mount/unmount cycles measured
//   through CDP, and no request beyond the widget's own files and the given `src`.
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security.test.mjs
// Full-scale cycles: CM_CYCLES=1000 node --test --test-concurrency=1 --test-timeout=600000 tests/e2e/security.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { launchOptions, eventually } from './harness.mjs';
import { serve } from '../../scripts/serve.mjs';

const CORPUS = JSON.parse(readFileSync('tests/fixtures/xss-payloads.json', 'utf8')).payloads;
const SEED = JSON.parse(readFileSync('data/matrix.json', 'utf8'));
const CYCLES = Number(process.env.CM_CYCLES || 400);
const MAX_FIELD = 2000;
const CSP_TT = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; require-trusted-types-for 'script'";
const HOST = '/tests/hosts/security/blank.html';
const GEN = '/tests/hosts/security/gen/';
const WIDGET_FILES = ['/dist/compliance-matrix.js', '/dist/compliance-matrix_bg.wasm'];

const chars = (s) => [...s].length;
/** Payloads the widget must accept and show (the others are over the field limit or hold a NUL). */
const SHOWN = CORPUS.filter((p) => chars(p.payload) <= MAX_FIELD && !p.payload.includes('\0'));
const REJECTED = CORPUS.filter((p) => !SHOWN.includes(p));
/** The only payloads that are valid http(s)/mailto links (and so must be kept, literally). */
const VALID_URLS = new Set(['url-14', 'url-15']);

// ---------------------------------------------------------------------------------------------
// Server: the repository root (scripts/serve.mjs) plus generated files under GEN.
// ---------------------------------------------------------------------------------------------

/** path → { body: Buffer|string, type, status?, chunked?, lengthHeader? } */
const generated = new Map();
const hanging = new Set();
let server;
let base;
let origin;
let browser;

before(async () => {
  server = await serve('.', 0, {
    headers: (url) => (url.pathname === '/tests/hosts/security/csp-tt.html' ? { 'content-security-policy': CSP_TT } : {}),
  });
  const staticHandler = server.listeners('request')[0];
  server.removeAllListeners('request');
  server.on('request', (req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    if (path === `${GEN}never.csv`) {
      hanging.add(res); // never answers: the widget must give up after 15 s
      return;
    }
    const g = generated.get(path);
    if (!g) return staticHandler(req, res);
    const body = Buffer.isBuffer(g.body) ? g.body : Buffer.from(g.body, 'utf8');
    const headers = { 'content-type': g.type, 'cache-control': 'no-store' };
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
  base = `http://127.0.0.1:${server.address().port}`;
  origin = new URL(base).origin;
  browser = await chromium.launch(launchOptions);
});

after(async () => {
  for (const res of hanging) res.destroy();
  await browser?.close().catch(() => {});
  server?.closeAllConnections?.();
  server?.close();
});

// ---------------------------------------------------------------------------------------------
// Page helpers
// ---------------------------------------------------------------------------------------------

/** In-page helpers and sentinels, installed before any page script runs. */
function pageInit() {
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
      return [...el.shadowRoot.querySelectorAll('table[part=table] tr[data-program]')].map((tr) => tr.dataset.program);
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
      const a = el.shadowRoot.querySelector('[role=alert][part=error]');
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
          if (n === 'style') problems.push(`${tag}[style="${a.value.slice(0, 80)}"] style attribute`);
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

async function newPage(opts = {}) {
  const page = await browser.newPage(opts);
  page.problems = [];
  page.requests = [];
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => page.requests.push(r.url()));
  // Anything off this server is recorded (above) and aborted, so a leak shows without waiting on DNS.
  await page.route((url) => url.origin !== origin, (route) => route.abort('blockedbyclient'));
  await page.addInitScript(pageInit);
  return page;
}

/** Opens the security host page with one widget (`attrs`) in #host; waits for its rows. */
async function hostPage(attrs = {}, opts) {
  const page = await newPage(opts);
  await page.goto(`${base}${HOST}`);
  await page.evaluate(async (attrs) => {
    await customElements.whenDefined('compliance-matrix');
    const el = document.createElement('compliance-matrix');
    el.id = 'w';
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    document.getElementById('host').append(el);
  }, attrs);
  await page.locator('#w tr[data-program]').first().waitFor({ timeout: 20000 });
  page.baseline = await page.evaluate(() => window.__t.pageState());
  return page;
}

/** Every request went to this origin under /dist/ or /tests/, or was data:/blob:. */
function assertRequests(page, only) {
  const bad = page.requests.filter((u) => {
    if (/^(data|blob):/i.test(u)) return false;
    const url = new URL(u);
    return url.origin !== origin || !(url.pathname.startsWith('/dist/') || url.pathname.startsWith('/tests/'));
  });
  assert.deepEqual(bad, [], 'no request beyond the widget files, the host page and the given src');
  if (only) {
    const allowed = new Set([...WIDGET_FILES, HOST, '/tests/hosts/security/icon.svg', ...only]);
    const extra = page.requests.filter((u) => !/^(data|blob):/i.test(u) && !allowed.has(new URL(u).pathname));
    assert.deepEqual(extra, [], 'no request beyond the expected files (an injected <img src=x> would show here)');
  }
}

/** The sentinel is unset and nothing was injected into the page itself. */
async function assertPageClean(page, where) {
  await page.waitForTimeout(150); // let onerror/onload of anything injected fire
  const now = await page.evaluate(() => window.__t.pageState());
  assert.equal(now.pwned, undefined, `${where}: a payload ran (sentinel: ${now.pwned})`);
  assert.deepEqual(now, page.baseline, `${where}: the host page is unchanged`);
}

async function assertShadowClean(page, where, selector = '#w') {
  const a = await page.locator(selector).evaluate((el) => window.__t.audit(el));
  assert.deepEqual(a.problems, [], `${where}: the shadow root holds nothing that runs or loads`);
  return a;
}

function finish(page, { allowConsole = [] } = {}) {
  const problems = page.problems.filter((p) => !allowConsole.some((re) => re.test(p)));
  assert.deepEqual(problems, [], 'no console error or page error');
}


const rowsOf = (page, sel = '#w') => page.locator(sel).evaluate((el) => window.__t.rows(el));

// ---------------------------------------------------------------------------------------------
// Datasets carrying payloads
// ---------------------------------------------------------------------------------------------

const TINY = {
  as_of: '2024-01-01',
  source: { title: 'Tiny', url: 'https://example.com/tiny' },
  services: [{ id: 'ecs', name: 'Amazon ECS' }],
  programs: [
    { id: 'alpha', name: 'Alpha', status: { ecs: 'in-scope' } },
    { id: 'beta', name: 'Beta', status: { ecs: 'not-in-scope' } },
  ],
};

/** One program per payload: the payload as name, alias, note and cell label. */
function programsDataset(items) {
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
const TABLE_HEADERS = ['script-1', 'handler-2', 'unicode-2', 'template-1', 'css-1', 'csv-5'].map((id) => CORPUS.find((p) => p.id === id));

function csvField(s) {
  return /[",\r\n]/.test(s) || /^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
function csvText(items) {
  const header = ['Compliance Program', 'Amazon ECS', ...TABLE_HEADERS.map((p, j) => `S${j} ${p.payload}`)];
  const lines = [header.map(csvField).join(',')];
  items.forEach((p, i) => lines.push([`P${i} ${p.payload}`, p.payload, ...TABLE_HEADERS.map(() => '1')].map(csvField).join(',')));
  return lines.join('\r\n') + '\r\n';
}
const mdCell = (s) => s.replace(/&/g, '&amp;').replace(/\|/g, '\\|');
function markdownText(items) {
  const header = ['Compliance Program', 'Amazon ECS', ...TABLE_HEADERS.map((p, j) => `S${j} ${p.payload}`)];
  const lines = ['# Payloads', '', `| ${header.map(mdCell).join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  items.forEach((p, i) => lines.push(`| ${[`P${i} ${p.payload}`, p.payload, ...TABLE_HEADERS.map(() => '1')].map(mdCell).join(' | ')} |`));
  return lines.join('\n') + '\n\nText after the table.\n';
}
/** In tables a row's name is "P<i> <payload>": a payload near the limit is cut to leave room. */
const fit = (p) => (chars(p.payload) > MAX_FIELD - 10 ? { ...p, payload: p.payload.slice(0, MAX_FIELD - 10) } : p);
/** Markdown rows cannot hold line breaks. */
const MD_ITEMS = SHOWN.filter((p) => !/[\r\n]/.test(p.payload)).map(fit);
const CSV_ITEMS = SHOWN.map(fit);

// ---------------------------------------------------------------------------------------------

test('the corpus has at least 40 payloads of every required kind', () => {
  assert.ok(CORPUS.length >= 40, `${CORPUS.length} payloads`);
  const kinds = new Set(CORPUS.map((p) => p.category));
  for (const k of ['script', 'handler', 'url', 'svg', 'mathml', 'entity', 'unicode', 'template', 'css', 'long', 'csv', 'markdown']) {
    assert.ok(kinds.has(k), `a ${k} payload`);
  }
  const all = CORPUS.map((p) => p.payload).join('\n');
  for (const needle of ['\u202E', '\u200B', 'javascript:', 'JaVaScRiPt:', 'data:text/html', 'vbscript:', '<svg', '<math', '{{', '${', '</style><style>', '"><img src=x onerror=']) {
    assert.ok(all.includes(needle), `the corpus holds ${JSON.stringify(needle)}`);
  }
  assert.ok(CORPUS.some((p) => chars(p.payload) >= 10000), 'a 10k-character payload');
  assert.equal(new Set(CORPUS.map((p) => p.id)).size, CORPUS.length, 'unique ids');
});

test(`data property: ${SHOWN.length} payloads as program names, aliases, notes and cell labels show literally and run nothing`, { timeout: 90000 }, async () => {
  const page = await hostPage({ view: 'table' });
  const ds = programsDataset(SHOWN);
  await page.locator('#w').evaluate((el, ds) => (el.data = ds), ds);
  await eventually(() => rowsOf(page).then((r) => r.length), SHOWN.length, 'one row per payload');
  assert.equal(await page.locator('#w [role=alert]').count(), 0, 'no error: every payload is valid text');
  const shown = await page.locator('#w').evaluate((el, n) => {
    const out = [];
    for (let i = 0; i < n; i++) {
      const tr = el.shadowRoot.querySelector(`tr[data-program="p${i}"]`);
      out.push({
        name: tr?.querySelector('.cm-program-name')?.textContent,
        note: tr?.querySelector('.cm-program-note')?.textContent,
        label: tr?.querySelector('td[data-service=ecs] .cm-label')?.textContent,
        status: tr?.querySelector('td[data-service=ecs]')?.dataset.status,
      });
    }
    return out;
  }, SHOWN.length);
  SHOWN.forEach((p, i) => {
    assert.deepEqual(shown[i], { name: p.payload, note: p.payload, label: p.payload, status: 'in-progress' }, `${p.id} shows literally`);
  });
  // Hover and focus across the widget: an injected on* handler would fire now.
  const box = await page.locator('#w').boundingBox();
  for (let y = box.y + 5; y < Math.min(box.y + box.height, 2000); y += 37) await page.mouse.move(box.x + box.width / 2, y);
  for (let i = 0; i < 15; i++) await page.keyboard.press('Tab');
  await assertShadowClean(page, 'program payloads');
  await assertPageClean(page, 'program payloads');

  // Aliases are searchable, and every payload typed into the search box stays text.
  const search = page.locator('#w input[part=search]');
  for (const i of [0, 7, 21, SHOWN.length - 1]) {
    await search.fill(`zq${i}zq`);
    await eventually(() => rowsOf(page), [`p${i}`], `alias zq${i}zq finds p${i}`);
  }
  for (const [i, p] of SHOWN.entries()) {
    await search.fill(p.payload);
    // What the <input> holds (Chromium turns typed line breaks into spaces) is the query.
    const typed = await search.inputValue();
    assert.equal(typed.replace(/\s/g, ''), p.payload.replace(/\s/g, ''), `${p.id}: the search box holds the payload`);
    await eventually(() => page.locator('#w').evaluate((el) => el.state.query), typed, `${p.id}: the query is the payload`);
    const rows = await rowsOf(page);
    assert.ok(rows.includes(`p${i}`), `${p.id}: searching a payload finds its own row`);
  }
  await search.fill('');
  await assertShadowClean(page, 'after searching the payloads');
  await assertPageClean(page, 'after searching the payloads');
  assertRequests(page, []);
  finish(page);
});

test('data property: payloads as service names, title, warning and link titles show literally; http(s)/mailto links carrying markup are kept verbatim', { timeout: 90000 }, async () => {
  const page = await hostPage({ view: 'table' });
  // All accepted payloads as service columns at once (the limit is 100 services).
  const services = SHOWN.slice(0, 100);
  const ds = {
    ...TINY,
    services: services.map((p, i) => ({ id: `s${i}`, name: p.payload })),
    programs: [{ id: 'alpha', name: 'Alpha', status: { s0: 'in-scope', s1: { status: 'in-progress', label: 'x' } } }],
  };
  await page.locator('#w').evaluate((el, ds) => (el.data = ds), ds);
  await eventually(() => rowsOf(page), ['alpha'], 'the service dataset shows');
  // The column chooser's list is built when it opens.
  await page.locator('#w details[part=columns] > summary').click();
  await page.locator('#w input[type=checkbox][data-service]').first().waitFor();
  const heads = await page.locator('#w').evaluate((el) => ({
    th: [...el.shadowRoot.querySelectorAll('thead th[data-key^="s"] .cm-sort-label')].map((s) => s.textContent),
    choosers: [...el.shadowRoot.querySelectorAll('input[type=checkbox][data-service]')].map((i) => i.closest('label').textContent),
    groups: [...el.shadowRoot.querySelectorAll('select[part=status-filter] optgroup')].map((g) => g.getAttribute('label')),
  }));
  assert.deepEqual(heads.th, services.map((p) => p.payload), 'service headers show the payloads literally');
  assert.deepEqual(heads.groups, services.map((p) => p.payload), 'status filter groups are labelled literally');
  assert.equal(heads.choosers.length, services.length, 'a chooser per service');
  services.forEach((p, i) => assert.ok(heads.choosers[i].includes(p.payload), `${p.id}: column chooser label`));
  await assertShadowClean(page, 'service payloads');
  await assertPageClean(page, 'service payloads');

  // Title, warning, source/latest/tags_source titles and notes, one payload at a time.
  const results = await page.locator('#w').evaluate(async (el, items) => {
    const out = [];
    for (const p of items) {
      el.data = {
        title: p.payload,
        as_of: '2024-01-01',
        warning: p.payload,
        source: { title: p.payload, url: 'https://example.com/source', note: p.payload },
        latest: { title: p.payload, url: 'https://example.com/latest', note: p.payload },
        tags_source: { title: p.payload, url: 'https://example.com/tags', note: p.payload },
        services: [{ id: 'ecs', name: 'Amazon ECS' }],
        programs: [{ id: 'alpha', name: 'Alpha', status: { ecs: 'in-scope' } }],
      };
      const r = el.shadowRoot;
      await window.__t.until(() => r.querySelector('.cm-title')?.textContent === p.payload, 2000);
      out.push({
        id: p.id,
        title: r.querySelector('.cm-title')?.textContent,
        source: r.querySelector('.cm-meta a')?.textContent,
        warning: r.querySelector('[part=warning]')?.textContent,
        alert: window.__t.alert(el),
        audit: window.__t.audit(el).problems,
        pwned: window.__pwned,
      });
    }
    return out;
  }, SHOWN);
  for (const [i, r] of results.entries()) {
    const p = SHOWN[i];
    assert.equal(r.alert, null, `${p.id}: accepted`);
    assert.equal(r.title, p.payload, `${p.id}: title`);
    assert.equal(r.source, p.payload, `${p.id}: source link text`);
    assert.ok(r.warning?.includes(p.payload), `${p.id}: warning`);
    assert.deepEqual(r.audit, [], `${p.id}: nothing that runs or loads`);
    assert.equal(r.pwned, undefined, `${p.id}: sentinel`);
  }

  // Valid http(s)/mailto URLs that carry markup are links, kept exactly, never markup.
  for (const id of VALID_URLS) {
    const url = CORPUS.find((p) => p.id === id).payload;
    await page.locator('#w').evaluate((el, url) => {
      el.data = {
        as_of: '2024-01-01',
        warning: 'See the latest status.',
        source: { title: 'Source', url },
        latest: { title: 'Latest', url },
        services: [{ id: 'ecs', name: 'Amazon ECS' }],
        programs: [{ id: 'alpha', name: 'Alpha', url, status: { ecs: 'in-scope' } }],
      };
    }, url);
    await eventually(() => page.locator('#w').evaluate((el) => el.shadowRoot.querySelector('.cm-meta a')?.getAttribute('href')), url, `${id}: the source link keeps the URL verbatim`);
    const a = await assertShadowClean(page, id);
    assert.ok(a.hrefs.filter((h) => h === url).length >= 2, `${id}: source and latest links carry the URL verbatim (${a.hrefs.join(' ')})`);
    const rel = await page.locator('#w').evaluate((el) => [...el.shadowRoot.querySelectorAll('.cm-meta a, [part=warning] a')].map((a) => [a.target, a.rel]));
    for (const [target, r] of rel) {
      assert.equal(target, '_blank');
      assert.match(r, /noopener/);
      assert.match(r, /noreferrer/);
    }
  }
  await assertPageClean(page, 'link payloads');
  assertRequests(page, []);
  finish(page);
});

test(`data property: each of the ${SHOWN.length} payloads as a tag is rejected naming the field; the previous rows stay`, { timeout: 90000 }, async () => {
  const page = await hostPage({ view: 'table' });
  await page.locator('#w').evaluate((el, tiny) => (el.data = tiny), TINY);
  await eventually(() => rowsOf(page), ['alpha', 'beta'], 'the tiny dataset shows');
  const results = await page.locator('#w').evaluate(async (el, { items, tiny }) => {
    const out = [];
    for (const p of items) {
      const before = window.__errors.length;
      el.data = { ...tiny, programs: [{ ...tiny.programs[0], tags: ['domain:ok', p.payload] }, tiny.programs[1]] };
      await window.__t.untilAlert(el, before);
      out.push({
        events: window.__errors.slice(before).map((e) => e.message),
        alert: window.__t.alert(el),
        rows: window.__t.rows(el),
        audit: window.__t.audit(el).problems,
      });
    }
    return out;
  }, { items: SHOWN, tiny: TINY });
  for (const [i, r] of results.entries()) {
    const p = SHOWN[i];
    assert.equal(r.events.length, 1, `${p.id}: one cm-error`);
    const msg = r.events[0];
    assert.ok(msg.includes('programs[0].tags[1]'), `${p.id}: the error names the field: ${msg.slice(0, 200)}`);
    assert.ok(msg.includes("is not a facet tag of the form 'facet:value'"), `${p.id}: the error says what is expected`);
    assert.ok(msg.includes(`'${p.payload}'`), `${p.id}: the error quotes the tag literally`);
    assert.ok(r.alert && r.alert.items.includes(msg), `${p.id}: the alert shows the message as text`);
    assert.match(r.alert.text, /still shows the previous data/);
    assert.deepEqual(r.rows, ['alpha', 'beta'], `${p.id}: the previous rows stay`);
    assert.deepEqual(r.audit, [], `${p.id}: nothing that runs or loads`);
  }
  await assertPageClean(page, 'tag payloads');
  assertRequests(page, []);
  finish(page);
});

test('data property: javascript:, data:, vbscript: and every other non-http(s)/mailto URL is rejected naming the field', { timeout: 90000 }, async () => {
  const page = await hostPage({ view: 'table' });
  await page.locator('#w').evaluate((el, tiny) => (el.data = tiny), TINY);
  await eventually(() => rowsOf(page), ['alpha', 'beta'], 'the tiny dataset shows');
  const urlPayloads = SHOWN.filter((p) => p.category === 'url' && !VALID_URLS.has(p.id));
  const others = SHOWN.filter((p) => p.category !== 'url');
  const cases = [];
  for (const field of ['source.url', 'latest.url', 'tags_source.url', 'programs[0].url']) {
    for (const p of urlPayloads) cases.push({ field, p });
  }
  for (const p of others) cases.push({ field: 'programs[0].url', p });
  const results = await page.locator('#w').evaluate(async (el, { cases, tiny }) => {
    const out = [];
    for (const { field, p } of cases) {
      const ds = structuredClone(tiny);
      if (field === 'source.url') ds.source.url = p.payload;
      if (field === 'latest.url') ds.latest = { title: 'Latest', url: p.payload };
      if (field === 'tags_source.url') ds.tags_source = { title: 'Tags', url: p.payload };
      if (field === 'programs[0].url') ds.programs[0].url = p.payload;
      const before = window.__errors.length;
      el.data = ds;
      await window.__t.untilAlert(el, before);
      out.push({ events: window.__errors.slice(before).map((e) => e.message), alert: window.__t.alert(el), rows: window.__t.rows(el), hrefs: window.__t.audit(el) });
    }
    return out;
  }, { cases, tiny: TINY });
  for (const [k, r] of results.entries()) {
    const { field, p } = cases[k];
    const at = `${field} = ${p.id}`;
    assert.equal(r.events.length, 1, `${at}: one cm-error`);
    const msg = r.events[0];
    assert.ok(msg.startsWith(`data: ${field}: `), `${at}: the error names the field: ${msg.slice(0, 200)}`);
    assert.ok(msg.endsWith('is not an http:, https: or mailto: link'), `${at}: the error says what is allowed: ${msg.slice(0, 200)}`);
    assert.ok(r.alert?.items.includes(msg), `${at}: shown in the alert`);
    assert.deepEqual(r.rows, ['alpha', 'beta'], `${at}: the previous rows stay`);
    assert.deepEqual(r.hrefs.problems, [], `${at}: no unsafe link or element`);
  }
  await assertPageClean(page, 'URL payloads');
  assertRequests(page, []);
  finish(page);
});

test('data property: text over 2,000 characters, NUL characters, prototype keys and bad ids are rejected naming the field', { timeout: 60000 }, async () => {
  const page = await hostPage({ view: 'table' });
  await page.locator('#w').evaluate((el, tiny) => (el.data = tiny), TINY);
  await eventually(() => rowsOf(page), ['alpha', 'beta'], 'the tiny dataset shows');
  const FIELDS = ['programs[0].name', 'programs[0].aliases[0]', 'programs[0].note', 'programs[0].status.ecs.label', 'services[0].name', 'title', 'warning', 'source.title', 'source.note'];
  const cases = [];
  for (const p of REJECTED) {
    const expect = chars(p.payload) > MAX_FIELD ? `longer than ${MAX_FIELD} characters` : 'contains a NUL character';
    for (const field of FIELDS) cases.push({ field, payload: p.payload, id: p.id, expect });
  }
  const results = await page.locator('#w').evaluate(async (el, { cases, tiny }) => {
    const out = [];
    for (const c of cases) {
      const ds = structuredClone(tiny);
      const v = c.payload;
      ({
        'programs[0].name': () => (ds.programs[0].name = v),
        'programs[0].aliases[0]': () => (ds.programs[0].aliases = [v]),
        'programs[0].note': () => (ds.programs[0].note = v),
        'programs[0].status.ecs.label': () => (ds.programs[0].status.ecs = { status: 'in-progress', label: v }),
        'services[0].name': () => (ds.services[0].name = v),
        title: () => (ds.title = v),
        warning: () => (ds.warning = v),
        'source.title': () => (ds.source.title = v),
        'source.note': () => (ds.source.note = v),
      })[c.field]();
      const before = window.__errors.length;
      el.data = ds;
      await window.__t.untilAlert(el, before);
      out.push({ events: window.__errors.slice(before).map((e) => e.message), alert: window.__t.alert(el), rows: window.__t.rows(el) });
    }
    return out;
  }, { cases, tiny: TINY });
  for (const [k, r] of results.entries()) {
    const c = cases[k];
    const at = `${c.id} in ${c.field}`;
    assert.equal(r.events.length, 1, `${at}: one cm-error`);
    assert.equal(r.events[0], `data: ${c.field}: ${c.expect}`, `${at}: the error names the field and the limit`);
    assert.ok(r.alert?.items.includes(r.events[0]), `${at}: shown in the alert`);
    assert.deepEqual(r.rows, ['alpha', 'beta'], `${at}: the previous rows stay`);
  }

  // Prototype keys and ids that are not slugs.
  const more = await page.locator('#w').evaluate(async (el, tiny) => {
    const out = {};
    const attempt = async (name, ds) => {
      const before = window.__errors.length;
      el.data = ds;
      await window.__t.untilAlert(el, before);
      out[name] = { events: window.__errors.slice(before).map((e) => e.message), rows: window.__t.rows(el) };
    };
    await attempt('proto-status', { ...tiny, programs: [{ id: 'alpha', name: 'Alpha', status: JSON.parse('{"__proto__": "in-scope", "ecs": "in-scope"}') }] });
    await attempt('proto-id', { ...tiny, programs: [{ id: '__proto__', name: 'Alpha', status: { ecs: 'in-scope' } }] });
    await attempt('markup-id', { ...tiny, programs: [{ id: '"><img src=x onerror=window.__pwned=1>', name: 'Alpha', status: { ecs: 'in-scope' } }] });
    await attempt('markup-service-id', { ...tiny, services: [{ id: '<svg onload=window.__pwned=1>', name: 'S' }], programs: [{ id: 'alpha', name: 'Alpha', status: {} }] });
    await attempt('proto-top', JSON.parse('{"__proto__": {"polluted": 1}, "as_of": "2024-01-01", "source": {"title": "t", "url": ""}, "services": [{"id": "ecs", "name": "E"}], "programs": [{"id": "a", "name": "A", "status": {}}]}'));
    return out;
  }, TINY);
  assert.match(more['proto-status'].events[0] ?? '', /programs\[0\]\.status\.__proto__: unknown service '__proto__'/);
  assert.match(more['proto-id'].events[0] ?? '', /programs\[0\]\.id: '__proto__' is not an id/);
  assert.match(more['markup-id'].events[0] ?? '', /programs\[0\]\.id: .* is not an id/);
  assert.match(more['markup-service-id'].events[0] ?? '', /services\[0\]\.id: .* is not an id/);
  assert.match(more['proto-top'].events[0] ?? '', /__proto__/, 'an unknown top-level key (__proto__) is named');
  for (const [name, r] of Object.entries(more)) assert.deepEqual(r.rows, ['alpha', 'beta'], `${name}: the previous rows stay`);
  await assertShadowClean(page, 'rejected data');
  await assertPageClean(page, 'rejected data');
  assertRequests(page, []);
  finish(page);
});

test(`src: a CSV with ${CSV_ITEMS.length} payload rows and ${TABLE_HEADERS.length} payload headers shows everything literally`, { timeout: 60000 }, async () => {
  generated.set(`${GEN}payloads.csv`, { type: 'text/csv; charset=utf-8', body: csvText(CSV_ITEMS) });
  const page = await hostPage({ view: 'table', src: `${GEN}payloads.csv` });
  await eventually(() => rowsOf(page).then((r) => r.length), CSV_ITEMS.length, 'one row per payload', 15000);
  assert.equal(await page.locator('#w [role=alert]').count(), 0, 'no error');
  await checkTableImport(page, CSV_ITEMS);
  assertRequests(page, [`${GEN}payloads.csv`]);
  finish(page);
});

test(`src: a Markdown table with ${MD_ITEMS.length} payload rows shows everything literally (entities decoded once, as documented)`, { timeout: 60000 }, async () => {
  generated.set(`${GEN}payloads.md`, { type: 'text/markdown; charset=utf-8', body: markdownText(MD_ITEMS) });
  const page = await hostPage({ view: 'table', src: `${GEN}payloads.md` });
  await eventually(() => rowsOf(page).then((r) => r.length), MD_ITEMS.length, 'one row per payload', 15000);
  assert.equal(await page.locator('#w [role=alert]').count(), 0, 'no error');
  await checkTableImport(page, MD_ITEMS);
  assertRequests(page, [`${GEN}payloads.md`]);
  finish(page);
});

/** Rows in file order: name "P<i> <payload>", the ECS cell labelled with the payload; payload headers. */
async function checkTableImport(page, items) {
  const got = await page.locator('#w').evaluate((el) => ({
    rows: [...el.shadowRoot.querySelectorAll('table[part=table] tbody tr[data-program]')].map((tr) => ({
      name: tr.querySelector('.cm-program-name')?.textContent,
      label: tr.querySelector('td[data-service=ecs] .cm-label')?.textContent,
      status: tr.querySelector('td[data-service=ecs]')?.dataset.status,
    })),
    heads: [...el.shadowRoot.querySelectorAll('thead th .cm-sort-label')].map((s) => s.textContent),
  }));
  items.forEach((p, i) => {
    assert.deepEqual(got.rows[i], { name: `P${i} ${p.payload}`.trim(), label: p.payload.trim(), status: 'in-progress' }, `${p.id} shows literally`);
  });
  assert.deepEqual(got.heads.slice(2, 2 + TABLE_HEADERS.length), TABLE_HEADERS.map((p, j) => `S${j} ${p.payload}`.trim()), 'payload service headers show literally');
  const box = await page.locator('#w').boundingBox();
  for (let y = box.y + 5; y < Math.min(box.y + box.height, 2000); y += 41) await page.mouse.move(box.x + 100, y);
  await assertShadowClean(page, 'table import');
  await assertPageClean(page, 'table import');
}

test('parseDataset(): JSON, CSV and Markdown with payloads give the payloads back literally; the result renders safely', { timeout: 60000 }, async () => {
  const page = await hostPage({ view: 'table' });
  const json = JSON.stringify(programsDataset(SHOWN));
  const out = await page.evaluate(async ({ json, csv, md }) => {
    const { parseDataset, ready } = await import('/dist/compliance-matrix.js');
    await ready;
    const fromJson = parseDataset(json, 'json');
    const fromCsv = parseDataset(csv, 'csv');
    const fromMd = parseDataset(md, 'markdown');
    const guessed = parseDataset(md);
    let unknownFormat;
    try {
      parseDataset(csv, 'html');
    } catch (e) {
      unknownFormat = e.message;
    }
    const el = document.getElementById('w');
    el.data = fromJson;
    await window.__t.until(() => window.__t.rows(el).length === fromJson.programs.length, 5000);
    const renderedJson = window.__t.audit(el).problems;
    el.data = fromCsv;
    await window.__t.until(() => window.__t.rows(el).length === fromCsv.programs.length, 5000);
    const renderedCsv = window.__t.audit(el).problems;
    const pick = (ds) => ds.programs.map((p) => ({ name: p.name, label: typeof p.status.ecs === 'object' ? p.status.ecs.label : p.status.ecs }));
    return {
      json: fromJson.programs.map((p) => ({ name: p.name, note: p.note, aliases: p.aliases, label: p.status.ecs.label })),
      csv: pick(fromCsv),
      md: pick(fromMd),
      mdServices: fromMd.services.map((s) => s.name),
      guessedRows: guessed.programs.length,
      unknownFormat,
      renderedJson,
      renderedCsv,
    };
  }, { json, csv: csvText(CSV_ITEMS), md: markdownText(MD_ITEMS) });
  SHOWN.forEach((p, i) => assert.deepEqual(out.json[i], { name: p.payload, note: p.payload, aliases: [`zq${i}zq`, p.payload], label: p.payload }, `json ${p.id}`));
  CSV_ITEMS.forEach((p, i) => assert.deepEqual(out.csv[i], { name: `P${i} ${p.payload}`.trim(), label: p.payload.trim() }, `csv ${p.id}`));
  MD_ITEMS.forEach((p, i) => assert.deepEqual(out.md[i], { name: `P${i} ${p.payload}`.trim(), label: p.payload.trim() }, `markdown ${p.id}`));
  assert.deepEqual(out.mdServices.slice(1), TABLE_HEADERS.map((p, j) => `S${j} ${p.payload}`.trim()));
  assert.equal(out.guessedRows, MD_ITEMS.length, 'the format is guessed from the text');
  assert.match(out.unknownFormat ?? '', /unknown format 'html'/);
  assert.deepEqual(out.renderedJson, []);
  assert.deepEqual(out.renderedCsv, []);
  await assertPageClean(page, 'parseDataset');
  assertRequests(page, []);
  finish(page);
});

// ---------------------------------------------------------------------------------------------
// Exports
// ---------------------------------------------------------------------------------------------

/** RFC 4180 parser (for checking the export). */
function parseCsv(text) {
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') {
        f += '"';
        i++;
      } else if (c === '"') q = false;
      else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') {
      row.push(f);
      f = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      /* CRLF */
    } else if (c === '\n') {
      row.push(f);
      rows.push(row);
      row = [];
      f = '';
    } else f += c;
  }
  if (f || row.length) rows.push([...row, f]);
  return rows;
}
const isFormula = (f) => /^[=+@\t\r]/.test(f) || (f.startsWith('-') && f.length > 1);
const defused = (f) => (isFormula(f) ? `'${f}` : f);

async function exportPage() {
  const page = await hostPage({ view: 'table' });
  await page.locator('#w').evaluate((el, ds) => (el.data = ds), programsDataset(SHOWN));
  await eventually(() => rowsOf(page).then((r) => r.length), SHOWN.length, 'one row per payload');
  return page;
}

test('exportCsv(): formulas are defused with a leading apostrophe, text is otherwise exact, and the toolbar download is the same file', { timeout: 60000 }, async () => {
  const page = await exportPage();
  const csv = await page.locator('#w').evaluate((el) => el.exportCsv());
  const rows = parseCsv(csv);
  assert.deepEqual(rows[0], ['Compliance Program', 'Amazon ECS', 'Amazon EKS']);
  assert.equal(rows.length, SHOWN.length + 1);
  SHOWN.forEach((p, i) => assert.deepEqual(rows[i + 1], [defused(p.payload), defused(p.payload), '1'], `${p.id}: exported as text, formulas defused`));
  for (const [r, row] of rows.entries()) {
    for (const f of row) assert.ok(!isFormula(f), `row ${r}: a field starts like a formula: ${JSON.stringify(f.slice(0, 60))}`);
  }
  assert.ok(rows.some((r) => r[0].startsWith("'=HYPERLINK")), 'the =HYPERLINK payload is defused');
  // The defusing apostrophes are removed again on import.
  const formulas = SHOWN.filter((p) => p.category === 'csv' && isFormula(p.payload));
  const back = await page.evaluate(async (items) => {
    const { parseDataset } = await import('/dist/compliance-matrix.js');
    const el = document.getElementById('w');
    el.data = {
      as_of: '2024-01-01',
      source: { title: 's', url: '' },
      services: [{ id: 'ecs', name: 'Amazon ECS' }],
      programs: items.map((p, i) => ({ id: `f${i}`, name: p.payload, status: { ecs: { status: 'in-progress', label: p.payload } } })),
    };
    await window.__t.until(() => window.__t.rows(el).length === items.length);
    const ds = parseDataset(el.exportCsv(), 'csv');
    return ds.programs.map((p) => [p.name, p.status.ecs.label]);
  }, formulas);
  assert.deepEqual(back, formulas.map((p) => [p.payload, p.payload]), 'exportCsv → parseDataset gives the original text back');
  // The toolbar's CSV button downloads exactly exportCsv().
  await page.locator('#w').evaluate((el, ds) => (el.data = ds), programsDataset(SHOWN));
  await eventually(() => rowsOf(page).then((r) => r.length), SHOWN.length, 'payload rows again');
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.locator('#w button[data-export=csv]').click()]);
  assert.equal(download.suggestedFilename(), 'compliance-matrix-2024-01-01.csv');
  const file = readFileSync(await download.path(), 'utf8');
  assert.equal(file, await page.locator('#w').evaluate((el) => el.exportCsv()), 'the download is exportCsv()');
  await assertPageClean(page, 'CSV export');
  assertRequests(page, []);
  finish(page);
});

test('exportMarkdown(): markup is escaped and no link or image comes from data', { timeout: 60000 }, async () => {
  const page = await exportPage();
  const md = await page.locator('#w').evaluate((el) => el.exportMarkdown());
  // The source link is the widget's own: [title](<https://…>). Anything else must be inert text.
  const withoutSource = md.replace(/\]\(<https:\/\/example\.com\/source>\)/, '](SOURCE)');
  assert.ok(!withoutSource.includes('<'), `no raw "<" in the Markdown (HTML in Markdown renders): ${withoutSource.match(/.{0,40}<.{0,40}/)?.[0]}`);
  const table = md.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Compliance Program') && !l.startsWith('| ---'));
  assert.equal(table.length, SHOWN.length, 'one table line per program');
  // Inline links and images written by data would be live when the Markdown is rendered.
  const links = [];
  for (const m of withoutSource.matchAll(/(!?)\[((?:\\.|[^\]\\])*)\]\(\s*<?([^)\s>]*)/g)) {
    if (m[3] !== 'SOURCE') links.push(m[0]);
  }
  assert.deepEqual(links, [], 'no Markdown link or image syntax from data survives unescaped (e.g. [click](javascript:…), ![x](https://evil…))');
  await assertPageClean(page, 'Markdown export');
  finish(page);
});

test('exportJson(): valid JSON that gives every payload back exactly', { timeout: 60000 }, async () => {
  const page = await exportPage();
  const text = await page.locator('#w').evaluate((el) => el.exportJson());
  const json = JSON.parse(text);
  assert.equal(typeof json, 'object');
  assert.ok(text.trimStart().startsWith('{'), 'an object, not code');
  SHOWN.forEach((p, i) => {
    const q = json.programs[i];
    assert.deepEqual([q.id, q.name, q.note, q.status.ecs.label], [`p${i}`, p.payload, p.payload, p.payload], p.id);
  });
  // And it is accepted back as data.
  const back = await page.locator('#w').evaluate(async (el, text) => {
    el.data = JSON.parse(text);
    await window.__t.until(() => window.__t.rows(el).length > 0);
    return { rows: window.__t.rows(el).length, alert: window.__t.alert(el) };
  }, text);
  assert.deepEqual(back, { rows: SHOWN.length, alert: null });
  await assertPageClean(page, 'JSON export');
  finish(page);
});

// ---------------------------------------------------------------------------------------------
// Attributes, shared links
// ---------------------------------------------------------------------------------------------

test('attributes and a shared #hash link holding payloads stay text', { timeout: 90000 }, async () => {
  const page = await hostPage({ view: 'table' });
  const items = SHOWN.filter((p) => chars(p.payload) < 300);
  const results = await page.locator('#w').evaluate(async (el, items) => {
    const out = [];
    for (const attr of ['query', 'status', 'services', 'tags', 'sort', 'view', 'theme', 'revision', 'compare']) {
      for (const p of items) {
        el.setAttribute(attr, p.payload);
        await window.__t.sleep(0);
        const input = () => el.shadowRoot.querySelector('input[part=search]');
        await window.__t.until(() => el.state && (attr !== 'query' || (el.state.query === p.payload && input().value.replace(/\s/g, '') === p.payload.replace(/\s/g, ''))), 1000);
        // Rendering is asynchronous: for attributes that can be invalid, wait until the alert (if any) has caught up.
        if (['status', 'services', 'sort', 'view', 'theme', 'revision', 'compare'].includes(attr)) {
          await window.__t.until(() => {
            const a = window.__t.alert(el);
            return !a || a.items.some((m) => m.startsWith(`${attr}:`));
          }, 1000);
        }
        out.push({ attr, id: p.id, audit: window.__t.audit(el).problems, alert: window.__t.alert(el), pwned: window.__pwned, query: el.shadowRoot.querySelector('input[part=search]')?.value });
        el.removeAttribute(attr);
      }
    }
    await window.__t.sleep(50);
    return out;
  }, items);
  for (const r of results) {
    const p = items.find((x) => x.id === r.id);
    const at = `${r.attr}="${r.id}"`;
    assert.deepEqual(r.audit, [], `${at}: nothing that runs or loads`);
    assert.equal(r.pwned, undefined, `${at}: sentinel`);
    if (r.attr === 'query') assert.equal(r.query, p.payload.replace(/[\r\n]/g, ''), `${at}: the search box shows the payload (an <input> drops line breaks)`);
    if (['status', 'services', 'sort', 'view', 'theme', 'revision', 'compare'].includes(r.attr)) {
      assert.ok(r.alert, `${at}: an invalid ${r.attr} is reported`);
      assert.ok(r.alert.items.some((m) => m.startsWith(`${r.attr}:`)), `${at}: the message names the attribute: ${r.alert.items.join(' | ').slice(0, 200)}`);
    }
  }
  assert.deepEqual(await rowsOf(page), SEED.programs.map((p) => p.id), 'all attributes removed: the seed again');
  await assertPageClean(page, 'attribute payloads');

  // A link someone shares: the state in location.hash is read back as text.
  const q = CORPUS.find((p) => p.id === 'handler-2').payload;
  const tag = CORPUS.find((p) => p.id === 'script-1').payload;
  const hash = `#w.query=${encodeURIComponent(q)}&w.tags=${encodeURIComponent('domain:' + tag)}&w.sort=${encodeURIComponent(tag)}&w.status=${encodeURIComponent(q)}`;
  const linked = await newPage();
  await linked.goto(`${base}${HOST}${hash}`);
  await linked.evaluate(() => {
    const el = document.createElement('compliance-matrix');
    el.id = 'w';
    el.setAttribute('sync-url', '');
    el.setAttribute('view', 'table');
    document.getElementById('host').append(el);
  });
  await linked.locator('#w input[part=search]').waitFor({ timeout: 20000 });
  linked.baseline = { ...(await linked.evaluate(() => window.__t.pageState())), pwned: undefined };
  await eventually(() => linked.locator('#w input[part=search]').inputValue(), q, 'the query from the link is shown as typed');
  await assertShadowClean(linked, 'hash payloads');
  await assertPageClean(linked, 'hash payloads');
  assertRequests(page, []);
  assertRequests(linked, []);
  finish(page);
  finish(linked);
});

// ---------------------------------------------------------------------------------------------
// Malformed input
// ---------------------------------------------------------------------------------------------

const TEN_MB = 10 * 1024 * 1024;
function bigCsv(bytes) {
  const line = 'Some program name that is long enough,1,0\n';
  return 'Compliance Program,Amazon ECS,ECS Fargate\n' + line.repeat(Math.ceil(bytes / line.length));
}
const UTF8_PREFIX = 'Compliance Program,Amazon ECS\nSOC II,';

function malformedCases() {
  const deepCell = '{"as_of":"2020-01-01","source":{"title":"t","url":""},"services":[{"id":"ecs","name":"E"}],"programs":[{"id":"a","name":"A","status":{"ecs":' + '['.repeat(100000);
  const cases = [
    { name: 'truncated.json', type: 'application/json', body: '{"as_of": "2020-01-01", "source": {"title": "t", "url": "https://example.com"}, "services": [{"id": "ecs", "na', expect: /truncated\.json: line 1, column \d+: invalid JSON: EOF while parsing/ },
    { name: 'deep.json', type: 'application/json', body: '['.repeat(100000), expect: /deep\.json: line 1, column \d+: invalid JSON/ },
    // A cell that is not a status is skipped without recursion (src/dataset.rs), so 100,000
    // unclosed brackets there are read to the end of the text.
    { name: 'deep-cell.json', type: 'application/json', body: deepCell, expect: /deep-cell\.json: line 1, column \d+: invalid JSON: EOF while parsing a list/ },
    { name: 'nul.csv', type: 'text/csv', body: 'Compliance Program,Amazon ECS\nSOC\u0000II,1\n', expect: /nul\.csv: programs\[0\]\.name: contains a NUL character/ },
    { name: 'nul.json', type: 'application/json', body: '{"as_of": "2020-01-01\u0000"}', expect: /nul\.json: line 1, column \d+: invalid JSON: control character/ },
    { name: 'nul-escaped.json', type: 'application/json', body: JSON.stringify({ ...TINY, title: 'a\u0000b' }), expect: /nul-escaped\.json: title: contains a NUL character/ },
    { name: 'latin1.csv', type: 'text/csv', body: Buffer.concat([Buffer.from(UTF8_PREFIX), Buffer.from([0xff, 0xfe, 0x31]), Buffer.from('\n')]), expect: new RegExp(`latin1\\.csv is not UTF-8 text \\(invalid byte at offset ${Buffer.byteLength(UTF8_PREFIX)}\\)`) },
    { name: 'missing.csv', type: 'text/plain', status: 404, body: 'not found', expect: /missing\.csv answered HTTP 404/ },
    { name: 'server-error.json', type: 'text/plain', status: 500, body: 'oops', expect: /server-error\.json answered HTTP 500/ },
    { name: 'page.html', type: 'text/html; charset=utf-8', body: '<!doctype html><html><head><title>Login</title></head><body><script>window.__pwned=1</script><form>…</form></body></html>', expect: /page\.html: got an HTML page, not a dataset/ },
    { name: 'error-page.csv', type: 'text/csv', body: '<HTML><body><h1>502 Bad Gateway</h1><img src=x onerror=window.__pwned=1></body></HTML>', expect: /error-page\.csv: got an HTML page/ },
    { name: 'empty.csv', type: 'text/csv', body: '', expect: /empty\.csv: empty input/ },
    { name: 'big.csv', type: 'text/csv', body: bigCsv(TEN_MB), expect: /big\.csv is \d+ bytes, more than the limit of 4194304 bytes/ },
    { name: 'big-chunked.csv', type: 'text/csv', chunked: true, body: bigCsv(TEN_MB), expect: /big-chunked\.csv is \d+ bytes, more than the limit of 4194304 bytes/ },
  ];
  for (const c of cases) if (c.name !== 'missing.csv') generated.set(`${GEN}${c.name}`, c);
  generated.set(`${GEN}missing.csv`, { type: 'text/plain', status: 404, body: 'not found' });
  return cases;
}

/** Sets src, waits for one more cm-error; checks the alert, the rows kept and responsiveness. */
async function expectSrcError(page, src, expect, keptRows, timeout = 10000) {
  const before = await page.evaluate(() => window.__errors.length);
  await page.locator('#w').evaluate((el, src) => el.setAttribute('src', src), src);
  await page.waitForFunction((n) => window.__errors.length > n, before, { timeout, polling: 50 });
  const events = await page.evaluate((n) => window.__errors.slice(n).map((e) => e.message), before);
  assert.equal(events.length, 1, `${src}: one cm-error (${events.join(' | ')})`);
  assert.match(events[0], expect, `${src}: cm-error message`);
  await page.locator('#w [role=alert][part=error]').waitFor({ timeout: 5000 });
  const alert = await page.locator('#w').evaluate((el) => window.__t.alert(el));
  assert.ok(alert.items.includes(events[0]), `${src}: the alert shows the message (${alert.text.slice(0, 300)})`);
  assert.match(alert.text, /still shows the previous data/);
  assert.deepEqual(await rowsOf(page), keptRows, `${src}: the previous rows stay`);
  // Responsive: an evaluate answers at once, and the search box still filters.
  const t0 = Date.now();
  await page.evaluate(() => 1);
  assert.ok(Date.now() - t0 < 1000, `${src}: the page answered in ${Date.now() - t0} ms`);
  await page.locator('#w input[part=search]').fill('soc');
  await eventually(() => rowsOf(page), keptRows.filter((r) => r.startsWith('soc')), `${src}: search still works`);
  await page.locator('#w input[part=search]').fill('');
  await eventually(() => rowsOf(page), keptRows, `${src}: search cleared`);
  return events[0];
}

const GOOD_ROWS = ['soc-2', 'pci-dss-level-1'];

test('malformed src (truncated/deep JSON, NUL, invalid UTF-8, 404, 500, HTML page, empty, 10 MB): clear error, cm-error, previous rows, responsive', { timeout: 120000 }, async () => {
  const cases = malformedCases();
  const page = await hostPage({ view: 'table', src: '/tests/hosts/security/good.csv' });
  await eventually(() => rowsOf(page), GOOD_ROWS, 'good.csv shows');
  const messages = {};
  for (const c of cases) messages[c.name] = await expectSrcError(page, `${GEN}${c.name}`, c.expect, GOOD_ROWS);
  // A good src after all that still loads.
  await page.locator('#w').evaluate((el) => el.setAttribute('src', '/tests/hosts/security/good.csv?again'));
  await eventually(() => page.locator('#w [role=alert]').count(), 0, 'the alert goes when good data loads');
  await eventually(() => rowsOf(page), GOOD_ROWS, 'good.csv again');
  await assertShadowClean(page, 'malformed src');
  await assertPageClean(page, 'malformed src');
  assertRequests(page, ['/tests/hosts/security/good.csv', ...cases.map((c) => `${GEN}${c.name}`)]);
  finish(page, { allowConsole: [/Failed to load resource: the server responded with a status of (404|500)/] });
});

test('malformed text through parseDataset(): truncated, 100k-deep, NUL, over 4 MiB, empty and HTML each throw a clear Error', { timeout: 60000 }, async () => {
  const page = await hostPage({ view: 'table' });
  const out = await page.evaluate(async () => {
    const { parseDataset, ready } = await import('/dist/compliance-matrix.js');
    await ready;
    const t = (text, format) => {
      const t0 = performance.now();
      try {
        parseDataset(text, format);
        return { ok: true };
      } catch (e) {
        return { error: e instanceof Error ? e.message : String(e), ms: performance.now() - t0 };
      }
    };
    const tiny = '{"as_of":"2020-01-01","source":{"title":"t","url":""},"services":[{"id":"ecs","name":"E"}],"programs":[{"id":"a","name":"A","status":{"ecs":';
    return {
      truncated: t('{"as_of": "2020-01-01", "sou', 'json'),
      deepArray: t('['.repeat(100000), 'json'),
      deepObject: t('{"a":'.repeat(100000), 'json'),
      deepCell: t(tiny + '['.repeat(100000), 'json'),
      deepMarkdown: t('| P | Amazon ECS |\n|---|---|\n| P ' + '['.repeat(1500) + '{'.repeat(400) + ' | 1 |', 'markdown'),
      longMarkdown: t('| P | Amazon ECS |\n|---|---|\n| P ' + '['.repeat(100000) + ' | 1 |', 'markdown'),
      nulCsv: t('Compliance Program,Amazon ECS\nA\u0000B,1\n', 'csv'),
      nulMd: t('| Compliance Program | Amazon ECS |\n|---|---|\n| A | \u0000 |\n', 'markdown'),
      huge: t('x'.repeat(10 * 1024 * 1024), 'csv'),
      empty: t('', 'json'),
      html: t('<!DOCTYPE html><html><body><script>window.__pwned=1</script></body></html>'),
      unclosed: t('Compliance Program,Amazon ECS\n"SOC II,1\n', 'csv'),
    };
  });
  assert.match(out.truncated.error, /^line 1, column \d+: invalid JSON: EOF while parsing/);
  assert.match(out.deepArray.error, /^line 1, column \d+: invalid JSON/);
  assert.match(out.deepObject.error, /^line 1, column \d+: invalid JSON/);
  assert.match(out.deepCell.error, /^line 1, column \d+: invalid JSON: EOF while parsing a list/);
  assert.deepEqual(out.deepMarkdown, { ok: true }, 'brackets in a Markdown cell are just text');
  assert.match(out.longMarkdown.error, /^programs\[0\]\.name: longer than 2000 characters/);
  assert.match(out.nulCsv.error, /programs\[0\]\.name: contains a NUL character/);
  assert.match(out.nulMd.error, /contains a NUL character/);
  assert.equal(out.huge.error, 'input is 10485760 bytes, more than the limit of 4194304 bytes (4 MiB)');
  assert.equal(out.empty.error, 'empty input: expected a table or a JSON dataset');
  assert.match(out.html.error, /got an HTML page, not a dataset/);
  assert.match(out.unclosed.error, /^line 2, column 1: a quoted field is never closed/);
  for (const [k, v] of Object.entries(out)) if (v.ms !== undefined) assert.ok(v.ms < 2000, `${k}: rejected in ${Math.round(v.ms)} ms`);
  await assertPageClean(page, 'parseDataset malformed');
  finish(page);
});

test('CSV and Markdown: program names and service headers in any script (CJK, Cyrillic, Greek, symbols) import, each its own row', { timeout: 60000 }, async () => {
  const page = await hostPage({ view: 'table' });
  const out = await page.evaluate(async () => {
    const { parseDataset } = await import('/dist/compliance-matrix.js');
    const t = (text, format) => {
      try {
        const d = parseDataset(text, format);
        return { ids: d.programs.map((p) => p.id), names: d.programs.map((p) => p.name), services: d.services.map((s) => [s.id, s.name]) };
      } catch (e) {
        return { error: e.message };
      }
    };
    return {
      csv: t('Compliance Program,Amazon ECS,Программа\n個人情報保護法,1,0\nΑΒΓ,1,1\nДЕЖ,0,1\n— ✓ —,1,\n', 'csv'),
      md: t('| Compliance Program | Amazon ECS | 服务 |\n|---|---|---|\n| 個人情報保護法 | 1 | 0 |\n| ΑΒΓ | 1 | 1 |\n| ДЕЖ | 0 | 1 |\n', 'markdown'),
    };
  });
  for (const [format, r] of Object.entries(out)) {
    assert.equal(r.error, undefined, `${format}: non-Latin names import (got: ${r.error})`);
    assert.ok(r.ids.every((id) => id.length > 0), `${format}: every program gets an id`);
    assert.equal(new Set(r.ids).size, r.ids.length, `${format}: distinct names are distinct programs`);
    assert.deepEqual(r.names.slice(0, 3), ['個人情報保護法', 'ΑΒΓ', 'ДЕЖ'], `${format}: names kept literally`);
    assert.equal(new Set(r.services.map((s) => s[0])).size, r.services.length, `${format}: distinct service ids`);
  }
  finish(page);
});

test('src: a 100,000-row CSV is refused with a clear error (over 20,000 programs) while the page stays responsive', { timeout: 90000 }, async () => {
  let csv = 'Compliance Program,Amazon ECS,ECS Fargate\n';
  for (let i = 0; i < 100000; i++) csv += `Program ${i},1,0\n`;
  generated.set(`${GEN}rows-100k.csv`, { type: 'text/csv', body: csv });
  const page = await hostPage({ view: 'table', src: '/tests/hosts/security/good.csv' });
  await eventually(() => rowsOf(page), GOOD_ROWS, 'good.csv shows');
  try {
    await page.locator('#w').evaluate((el, src) => el.setAttribute('src', src), `${GEN}rows-100k.csv`);
    const t0 = Date.now();
    let worst = 0;
    let errors = 0;
    while (Date.now() - t0 < 60000) {
      const p0 = Date.now();
      const answer = await Promise.race([page.evaluate(() => window.__errors.length), new Promise((r) => setTimeout(() => r('no answer'), 2000))]);
      worst = Math.max(worst, Date.now() - p0);
      assert.notEqual(answer, 'no answer', `the page did not answer for 2 s while the ${(csv.length / 1e6).toFixed(1)} MB, 100,000-row CSV was read (${Date.now() - t0} ms after src was set)`);
      errors = answer;
      if (errors > 0) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(errors, 1, 'one cm-error');
    const message = await page.evaluate(() => window.__errors[0].message);
    assert.ok(
      /programs: 100000 programs is more than the limit of 20000/.test(message) || /more than the limit of 4194304 bytes/.test(message),
      `the error names the limit: ${message}`,
    );
    assert.ok(worst < 1000, `the page answered within ${worst} ms at worst`);
    assert.deepEqual(await rowsOf(page), GOOD_ROWS, 'the previous rows stay');
    finish(page);
  } finally {
    await page.close({ runBeforeUnload: false }).catch(() => {});
  }
});

test('src: a server that never answers is abandoned after 15 s with a clear error; the page works meanwhile', { timeout: 60000 }, async () => {
  const page = await hostPage({ view: 'table', src: '/tests/hosts/security/good.csv' });
  await eventually(() => rowsOf(page), GOOD_ROWS, 'good.csv shows');
  const started = Date.now();
  const before = await page.evaluate(() => window.__errors.length);
  await page.locator('#w').evaluate((el, src) => el.setAttribute('src', src), `${GEN}never.csv`);
  // While it waits: a loading note, busy state, and everything else still works.
  await page.locator('#w [part=loading]').waitFor({ timeout: 5000 });
  assert.equal(await page.locator('#w [part=root]').getAttribute('aria-busy'), 'true');
  await page.locator('#w input[part=search]').fill('pci');
  await eventually(() => rowsOf(page), ['pci-dss-level-1'], 'search works while loading');
  await page.locator('#w input[part=search]').fill('');
  await page.waitForFunction((n) => window.__errors.length > n, before, { timeout: 25000, polling: 100 });
  const elapsed = Date.now() - started;
  assert.ok(elapsed >= 14000 && elapsed < 22000, `gave up after ${elapsed} ms (15 s expected)`);
  const message = (await page.evaluate(() => window.__errors.at(-1).message));
  assert.match(message, /never\.csv did not answer within 15 seconds/);
  const alert = await page.locator('#w').evaluate((el) => window.__t.alert(el));
  assert.ok(alert?.items.includes(message), 'shown in the alert');
  assert.equal(await page.locator('#w [part=loading]').count(), 0, 'the loading note is gone');
  assert.deepEqual(await rowsOf(page), GOOD_ROWS, 'the previous rows stay');
  assertRequests(page, ['/tests/hosts/security/good.csv', `${GEN}never.csv`]);
  finish(page);
});

// ---------------------------------------------------------------------------------------------
// Hostile and busy pages
// ---------------------------------------------------------------------------------------------

test('strict CSP + Trusted Types: zero violations; search, sort, columns, export, compare and the diagram work', { timeout: 90000 }, async () => {
  const page = await newPage();
  const response = await page.goto(`${base}/tests/hosts/security/csp-tt.html`);
  assert.equal(response.headers()['content-security-policy'], CSP_TT);
  await page.locator('#strict tr[data-program]').first().waitFor({ timeout: 20000 });
  const W = '#strict';
  const rows = () => rowsOf(page, W);
  assert.equal((await rows()).length, 20);
  await page.locator(`${W} input[part=search]`).fill('hipaa');
  await eventually(rows, ['hipaa-eligible', 'hipaa-baa'], 'search');
  await page.locator(`${W} th[data-key=program] button`).click();
  await eventually(rows, ['hipaa-baa', 'hipaa-eligible'], 'sort');
  await page.locator(`${W} th[data-key=program] button`).click({ modifiers: ['Shift'] });
  await page.locator(`${W} input[part=search]`).fill('');
  await page.locator(`${W} select[part=status-filter]`).selectOption('fargate:not-in-scope');
  await eventually(async () => (await rows()).length, 8, 'status filter');
  await page.locator(`${W} input[part=gaps]`).click();
  await page.locator(`${W} button[data-tag="jurisdiction:us"]`).click();
  await page.locator(`${W} details[part=columns] > summary`).click();
  await page.locator(`${W} input[type=checkbox][data-service=ecr]`).click();
  await page.locator(`${W} button[data-move-up=fargate]`).click();
  await page.keyboard.press('Escape');
  for (const kind of ['csv', 'json', 'markdown']) {
    const [download] = await Promise.all([page.waitForEvent('download', { timeout: 10000 }), page.locator(`${W} button[data-export=${kind}]`).click()]);
    assert.match(download.suggestedFilename(), /^compliance-matrix-2020-04-21\.(csv|json|md)$/);
  }
  await page.locator(`${W} select[part=compare]`).selectOption('2021-04-24');
  await page.locator(`${W} [part=changes]`).waitFor();
  const band = page.locator(`${W} svg[part=diagram] g[data-variant=eks-fargate] g[data-layer=iam]`);
  await band.click();
  assert.match(await page.locator(`${W} [part=band-info]`).textContent(), /IAM|identity/i);
  await page.locator(`${W} svg[part=diagram]`).focus();
  await page.keyboard.press('ArrowDown');
  await page.locator(`${W} button[data-variant-toggle=ecr]`).click();
  await page.locator(`${W} details[part=diagram-table] > summary`).click();
  // Errors render under the policy too.
  await page.locator(W).evaluate((el) => (el.data = { as_of: 'nope' }));
  await page.locator(`${W} [role=alert][part=error]`).waitFor();
  const styled = await page.locator(W).evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('[part=root]')).borderTopStyle);
  assert.equal(styled, 'solid', 'the constructable stylesheet applies');
  await page.waitForTimeout(300);
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no securitypolicyviolation');
  assert.deepEqual(page.problems, [], 'no console error (a CSP or Trusted Types violation logs one)');
  // The policy is live: a string sink is refused (this one violation is the test's own).
  const sink = await page.evaluate(() => {
    try {
      document.body.insertAdjacentHTML('beforeend', '<b>x</b>');
      return 'allowed';
    } catch (e) {
      return e.name;
    }
  });
  assert.equal(sink, 'TypeError', 'Trusted Types are enforced on this page');
  assertRequests(page, ['/tests/hosts/security/csp-tt.html', '/tests/hosts/security/page.css']);
});

// A reference model of the filters and sort (src/query.rs), for the 50-instance page.
const LATEST_EKS = { irap: 'in-scope', 'fedramp-moderate': 'in-scope', 'fedramp-high': 'in-scope', 'dod-cc-srg': 'in-progress', ospar: 'in-scope' };
const RANK = { 'in-scope': 0, 'in-progress': 1, 'not-in-scope': 2, unknown: 3 };
const SERVICE_IDS = SEED.services.map((s) => s.id);
function programsFor(revision) {
  return SEED.programs.map((p) => {
    const cells = {};
    for (const s of SERVICE_IDS) {
      const c = p.status[s] ?? 'unknown';
      cells[s] = typeof c === 'string' ? c : c.status;
    }
    if (revision === 'latest' && LATEST_EKS[p.id]) cells.eks = LATEST_EKS[p.id];
    return { id: p.id, name: p.name, aliases: p.aliases ?? [], tags: p.tags ?? [], cells };
  });
}
function words(s) {
  return s
    .toLowerCase()
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
}
function expectedFor(a) {
  const list = (v) => (v ?? '').split(',').map((x) => x.trim()).filter(Boolean);
  const shown = list(a.services).length ? list(a.services) : SERVICE_IDS;
  const qw = words(a.query ?? '');
  const [fs, fv] = a.status && a.status !== 'any' ? a.status.split(':') : [];
  const tags = list(a.tags);
  const facets = [...new Set(tags.map((t) => t.split(':')[0]))];
  let rows = programsFor(a.revision).filter((p) => {
    const names = [p.name, ...p.aliases].map(words);
    if (qw.length && !names.some((n) => qw.every((q) => n.some((w) => w.startsWith(q))))) return false;
    if (fs && p.cells[fs] !== fv) return false;
    if (a.gaps !== null && a.gaps !== undefined && shown.every((s) => p.cells[s] === p.cells[shown[0]])) return false;
    for (const f of facets) if (!tags.filter((t) => t.startsWith(`${f}:`)).some((t) => p.tags.includes(t))) return false;
    return true;
  });
  const keys = list(a.sort).map((k) => k.split(':'));
  const cov = (p) => [shown.filter((s) => p.cells[s] === 'in-scope').length, shown.filter((s) => p.cells[s] === 'in-progress').length];
  const cmp = (x, y) => (x < y ? -1 : x > y ? 1 : 0);
  rows = [...rows].sort((x, y) => {
    for (const [k, d] of keys) {
      let o;
      if (k === 'program') o = cmp(x.name.toLowerCase(), y.name.toLowerCase()) || cmp(x.name, y.name);
      else if (k === 'coverage') {
        const [cx, cy] = [cov(x), cov(y)];
        o = cmp(cx[0], cy[0]) || cmp(cx[1], cy[1]);
      } else o = cmp(RANK[x.cells[k]], RANK[y.cells[k]]);
      if (d === 'desc') o = -o;
      if (o) return o;
    }
    return 0;
  });
  return { visible: rows.map((p) => p.id), services: shown };
}

test('50 instances with different attributes on one page each show their own rows; typing in one changes only it', { timeout: 120000 }, async () => {
  const page = await newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${base}/tests/hosts/security/fifty.html`);
  page.baseline = await page.evaluate(() => window.__t.pageState());
  const attrs = await page.evaluate(() =>
    [...document.querySelectorAll('compliance-matrix')].map((el) => ({
      id: el.id,
      ...Object.fromEntries(['services', 'query', 'status', 'gaps', 'tags', 'sort', 'view', 'theme', 'revision'].map((k) => [k, el.getAttribute(k)])),
    })),
  );
  assert.equal(attrs.length, 50);
  assert.ok(new Set(attrs.map((a) => JSON.stringify({ ...a, id: 0 }))).size === 50, 'every instance has different attributes');
  await page.waitForFunction(() => [...document.querySelectorAll('compliance-matrix')].every((el) => el.state), null, { timeout: 30000 });
  const shownNow = () =>
    page.evaluate(() =>
      [...document.querySelectorAll('compliance-matrix')].map((el) => {
        const r = el.shadowRoot;
        return {
          id: el.id,
          visible: el.state.visible,
          services: el.state.services,
          rows: window.__t.rows(el),
          heads: [...r.querySelectorAll('table[part=table] thead th[scope=col]')].map((th) => th.dataset.key),
          table: r.querySelectorAll('table[part=table]').length,
          diagram: r.querySelectorAll('svg[part=diagram]').length,
          theme: [...r.querySelector('[part=root]').classList].filter((c) => c.startsWith('cm-theme-')),
          alert: window.__t.alert(el),
        };
      }),
    );
  const want = attrs.map((a) => {
    const e = expectedFor(a);
    const view = a.view ?? 'both';
    return {
      id: a.id,
      visible: e.visible,
      services: e.services,
      rows: view === 'diagram' ? [] : e.visible,
      heads: view === 'diagram' ? [] : ['program', ...e.services, 'coverage'],
      table: view === 'diagram' ? 0 : 1,
      diagram: view === 'table' ? 0 : 1,
      theme: a.theme === 'light' || a.theme === 'dark' ? [`cm-theme-${a.theme}`] : [],
      alert: null,
    };
  });
  await eventually(shownNow, want, 'each instance shows the rows its attributes ask for', 15000);
  const nonEmpty = want.filter((w) => w.visible.length > 0).length;
  assert.ok(nonEmpty >= 25, `at least half the instances show rows (${nonEmpty})`);
  // Independence: typing into one changes that one only.
  const target = attrs.find((a) => (a.view ?? 'both') !== 'diagram' && !a.query && !a.status && !a.tags && a.gaps === null);
  assert.ok(target, 'an unfiltered instance to type into');
  await page.locator(`#${target.id} input[part=search]`).fill('iso 27');
  const after = want.map((w) => (w.id === target.id ? { ...w, ...(() => { const e = expectedFor({ ...target, query: 'iso 27' }); return { visible: e.visible, rows: e.visible }; })() } : w));
  await eventually(shownNow, after, `only #${target.id} changes`);
  await assertPageClean(page, '50 instances');
  assertRequests(page, ['/tests/hosts/security/fifty.html']);
  finish(page);
});

/** The bytes of every live WebAssembly.Memory on the page (an instance left behind counts too). */
async function wasmMemoryBytes(cdp) {
  const { result: proto } = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const { objects } = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.objectId });
  const { result } = await cdp.send('Runtime.callFunctionOn', {
    objectId: objects.objectId,
    functionDeclaration: 'function () { return this.reduce((n, m) => n + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  await cdp.send('Runtime.releaseObject', { objectId: objects.objectId });
  await cdp.send('Runtime.releaseObject', { objectId: proto.objectId });
  return result.value;
}

test(`${CYCLES} mount/unmount cycles: JS heap, wasm memory, DOM nodes and listeners return to the start`, { timeout: 120000 + CYCLES * 300 }, async () => {
  const page = await hostPage({ view: 'table' });
  await page.locator('#w').evaluate((el) => el.remove());
  const cdp = await page.context().newCDPSession(page);
  const listenersOn = async (expr) => {
    const { result } = await cdp.send('Runtime.evaluate', { expression: expr });
    const { listeners } = await cdp.send('DOMDebugger.getEventListeners', { objectId: result.objectId });
    await cdp.send('Runtime.releaseObject', { objectId: result.objectId });
    return listeners.map((l) => l.type).sort();
  };
  const measure = async () => {
    for (let i = 0; i < 3; i++) await cdp.send('HeapProfiler.collectGarbage');
    const heap = await cdp.send('Runtime.getHeapUsage');
    const dom = await cdp.send('Memory.getDOMCounters');
    const wasm = await wasmMemoryBytes(cdp);
    return { heap: heap.usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners, documents: dom.documents, wasm, window: await listenersOn('window'), document: await listenersOn('document') };
  };
  // Half the cycles use mount() on a div, half create and remove the element; options vary and
  // include sync-url (window listeners), the diagram and data. A new mount must never show an
  // earlier mount's content (a reused root rendered late): the wait for rows would then end at
  // once, and the widget's renders would queue up unrun instead of being measured.
  await page.evaluate(() => {
    window.__stale = 0;
    window.__cycles = async (n, offset) => {
      const { mount, ready } = await import('/dist/compliance-matrix.js');
      await ready;
      const host = document.getElementById('host');
      const variants = [
        { view: 'table' },
        { view: 'both', query: 'iso' },
        { view: 'diagram' },
        { view: 'table', syncUrl: true, sort: 'program:desc' },
        { view: 'table', status: 'fargate:not-in-scope', gaps: true },
        { view: 'table', data: { as_of: '2024-01-01', source: { title: 't', url: 'https://example.com' }, services: [{ id: 'ecs', name: 'E' }], programs: [{ id: 'a', name: 'A', status: { ecs: 'in-scope' } }] } },
      ];
      for (let i = offset; i < offset + n; i++) {
        const o = variants[i % variants.length];
        const ready = (root) => root && root.querySelector('tr[data-program], svg[part=diagram]');
        if (i % 2 === 0) {
          const div = document.createElement('div');
          host.append(div);
          const h = mount(div, o);
          if (ready(div.shadowRoot)) window.__stale++;
          await window.__t.until(() => ready(div.shadowRoot), 5000);
          h.unmount();
          div.remove();
        } else {
          const el = document.createElement('compliance-matrix');
          for (const [k, v] of Object.entries(o)) {
            if (k === 'data') el.data = v;
            else if (k === 'syncUrl') el.setAttribute('sync-url', '');
            else if (v === true) el.setAttribute(k, '');
            else el.setAttribute(k, v);
          }
          host.append(el);
          if (ready(el.shadowRoot)) window.__stale++;
          await window.__t.until(() => ready(el.shadowRoot), 5000);
          el.remove();
        }
      }
      history.replaceState(null, '', location.pathname);
      await window.__t.sleep(50);
    };
  });
  const warmup = 12;
  await page.evaluate((n) => window.__cycles(n, 0), warmup);
  const start = await measure();
  const t0 = Date.now();
  await page.evaluate((n) => window.__cycles(n, 12), CYCLES);
  const ms = Date.now() - t0;
  const end = await measure();
  const stale = await page.evaluate(() => window.__stale);
  const pct = (a, b) => `${(((b - a) / a) * 100).toFixed(1)}%`;
  const report = `${CYCLES} cycles in ${ms} ms: heap ${start.heap} → ${end.heap} (${pct(start.heap, end.heap)}), wasm ${start.wasm} → ${end.wasm} (${pct(start.wasm, end.wasm)}), nodes ${start.nodes} → ${end.nodes}, listeners ${start.listeners} → ${end.listeners}, documents ${start.documents} → ${end.documents}`;
  console.log(`# ${report}`);
  const leaks = [];
  if (stale) leaks.push(`${stale} mounts showed an earlier mount's content before rendering their own`);
  if (end.heap > start.heap * 1.1) leaks.push('JS heap grew more than 10% after GC');
  if (end.wasm > start.wasm * 1.1) leaks.push('wasm memory grew more than 10%');
  if (end.nodes > start.nodes + 50) leaks.push(`${end.nodes - start.nodes} DOM nodes left (tolerance 50)`);
  if (end.listeners > start.listeners + 5) leaks.push(`${end.listeners - start.listeners} JS event listeners left (tolerance 5)`);
  if (JSON.stringify(end.window) !== JSON.stringify(start.window)) leaks.push(`window listeners ${start.window.join(',')} → ${end.window.join(',')}`);
  if (JSON.stringify(end.document) !== JSON.stringify(start.document)) leaks.push(`document listeners ${start.document.join(',')} → ${end.document.join(',')}`);
  assert.deepEqual(leaks, [], report);
  assert.equal(await page.evaluate(() => document.getElementById('host').children.length), 0);
  assertRequests(page, []);
  finish(page);
});

// Last: a crash here takes down this page's wasm instance (see the report).
test('data property: a 5,000-deep nested object is rejected with an error and the widget keeps working', { timeout: 60000 }, async () => {
  const page = await hostPage({ view: 'table' });
  await page.evaluate(() => {
    const el = document.createElement('compliance-matrix');
    el.id = 'other-widget';
    el.setAttribute('view', 'table');
    document.getElementById('other').append(el);
  });
  await page.locator('#other-widget tr[data-program]').first().waitFor({ timeout: 20000 });
  await page.locator('#w').evaluate((el, tiny) => (el.data = tiny), TINY);
  await eventually(() => rowsOf(page), ['alpha', 'beta'], 'the tiny dataset shows');
  const r = await page.locator('#w').evaluate(async (el, tiny) => {
    let deep = 'in-scope';
    for (let i = 0; i < 5000; i++) deep = [deep];
    let threw = null;
    const before = window.__errors.length;
    try {
      el.data = { ...tiny, programs: [{ id: 'alpha', name: 'Alpha', status: { ecs: deep } }] };
    } catch (e) {
      threw = String(e);
    }
    await window.__t.untilAlert(el, before);
    return { threw, events: window.__errors.slice(before).map((e) => e.message), alert: window.__t.alert(el), rows: window.__t.rows(el) };
  }, TINY);
  assert.equal(r.threw, null, `setting data does not throw (threw ${r.threw})`);
  assert.equal(r.events.length, 1, 'one cm-error');
  assert.ok(r.alert, 'an alert');
  assert.deepEqual(r.rows, ['alpha', 'beta'], 'the previous rows stay');
  // The widget and the other instance on the page still work.
  await page.locator('#w').evaluate((el) => (el.data = null));
  await eventually(() => rowsOf(page).then((x) => x.length), 20, 'data = null: the seed again');
  await page.locator('#other-widget input[part=search]').fill('soc');
  await eventually(() => rowsOf(page, '#other-widget'), ['soc-1', 'soc-2', 'soc-3'], 'the other instance still works');
  finish(page);
});
