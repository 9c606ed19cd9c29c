// Hardening e2e, XSS: an XSS corpus (tests/fixtures/xss-payloads.json) goes through the
// `data` property, `src` (CSV and Markdown served by this test's server), `parseDataset()`, the
// attributes and a shared link. Every payload that would run code sets `window.__pwned` (or calls
// alert/confirm/prompt, which are hooked to set it): the sentinel must stay unset, the shadow root
// must hold no element or attribute that runs or loads anything, every link must be
// http/https/mailto, and the payload text must show literally; payloads that are not valid where
// they are given (tags, URLs) are refused naming the field. No request goes beyond the widget's
// own files and the given `src`. Shared set-up: support/security-page.mjs.
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security-xss.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, MatrixPage, DOM, sel } from './support/matrix-page.mjs';
import {
  securitySession, hostPage, tinyPage, newPage, assertRequests, assertPageClean, assertShadowClean, finish, generated,
  CORPUS, SEED, HOST, GEN, chars, SHOWN, VALID_URLS, TINY, programsDataset, TABLE_HEADERS, csvText, markdownText, MD_ITEMS, CSV_ITEMS,
} from './support/security-page.mjs';

const env = securitySession();

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

// ---------------------------------------------------------------------------------------------
// The data property
// ---------------------------------------------------------------------------------------------

test(`data property: ${SHOWN.length} payloads as program names, aliases, notes and cell labels show literally and run nothing`, { timeout: 90000 }, async () => {
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  const ds = programsDataset(SHOWN);
  await w.evaluate((el, ds) => (el.data = ds), ds);
  await eventually(() => w.programIds().then((r) => r.length), SHOWN.length, 'one row per payload');
  assert.equal(await w.locator(DOM.anyAlert).count(), 0, 'no error: every payload is valid text');
  const shown = await w.evaluate((el, { rows, ecs, mark }) => {
    const out = [];
    for (const row of rows) {
      const tr = el.shadowRoot.querySelector(row);
      out.push({
        name: tr?.querySelector('.cm-program-name')?.textContent,
        // The row header marks a program with a note (†, the note as its tooltip); the note itself
        // is shown in the cell's details, checked below.
        note: tr?.querySelector(mark)?.getAttribute('title'),
        label: tr?.querySelector(`${ecs} .cm-label`)?.textContent,
        status: tr?.querySelector(ecs)?.dataset.status,
      });
    }
    return out;
  }, { rows: SHOWN.map((_, i) => sel.row(`p${i}`)), ecs: sel.serviceCell('ecs'), mark: DOM.noteMark });
  SHOWN.forEach((p, i) => {
    // Names are trimmed on import (every format alike, so every export imports back): the rest is literal.
    assert.deepEqual(shown[i], { name: p.payload.trim(), note: p.payload, label: p.payload, status: 'in-progress' }, `${p.id} shows literally`);
  });
  // Each program's details (its ECS cell, opened with Enter): the name, the note and the source's
  // words, literally, and nothing in them that runs or loads.
  for (const [i, p] of SHOWN.entries()) {
    const details = await w.openDetails(`p${i}`, 'ecs', { keyboard: true });
    const got = await details.evaluate((d) => {
      const dt = [...d.querySelectorAll('dt')].find((x) => x.textContent === 'Note');
      return { heading: d.querySelector('h3').textContent, note: dt?.nextElementSibling.textContent, text: d.textContent };
    });
    assert.equal(got.heading, `${p.payload.trim()} · Amazon ECS`, `${p.id}: the details' heading`);
    assert.equal(got.note, p.payload, `${p.id}: the note shows literally in the details`);
    assert.ok(got.text.includes(`The source writes “${p.payload}”.`), `${p.id}: the source's words show literally in the details`);
    await assertShadowClean(page, `${p.id}'s details`);
    await w.closeDetails();
  }
  // Hover and focus across the widget: an injected on* handler would fire now.
  const box = await w.host.boundingBox();
  for (let y = box.y + 5; y < Math.min(box.y + box.height, 2000); y += 37) await page.mouse.move(box.x + box.width / 2, y);
  for (let i = 0; i < 15; i++) await page.keyboard.press('Tab');
  await assertShadowClean(page, 'program payloads');
  await assertPageClean(page, 'program payloads');

  // Aliases are searchable, and every payload typed into the search box stays text.
  const search = w.searchBox;
  for (const i of [0, 7, 21, SHOWN.length - 1]) {
    await search.fill(`zq${i}zq`);
    await w.expectRows([`p${i}`], `alias zq${i}zq finds p${i}`);
  }
  for (const [i, p] of SHOWN.entries()) {
    await search.fill(p.payload);
    // What the <input> holds (Chromium turns typed line breaks into spaces) is the query.
    const typed = await search.inputValue();
    assert.equal(typed.replace(/\s/g, ''), p.payload.replace(/\s/g, ''), `${p.id}: the search box holds the payload`);
    await eventually(async () => (await w.state()).query, typed, `${p.id}: the query is the payload`);
    const rows = await w.programIds();
    assert.ok(rows.includes(`p${i}`), `${p.id}: searching a payload finds its own row`);
  }
  await search.fill('');
  await assertShadowClean(page, 'after searching the payloads');
  await assertPageClean(page, 'after searching the payloads');
  assertRequests(page, []);
  finish(page);
});

test('data property: payloads as service names, title, warning and link titles show literally; http(s)/mailto links carrying markup are kept verbatim', { timeout: 90000 }, async () => {
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  // All accepted payloads as service columns at once (the limit is 100 services).
  const services = SHOWN.slice(0, 100);
  const ds = {
    ...TINY,
    services: services.map((p, i) => ({ id: `s${i}`, name: p.payload })),
    programs: [{ id: 'alpha', name: 'Alpha', status: { s0: 'in-scope', s1: { status: 'in-progress', label: 'x' } } }],
  };
  await w.evaluate((el, ds) => (el.data = ds), ds);
  await w.expectRows(['alpha'], 'the service dataset shows');
  // Every column shown (a dataset this wide shows its first twelve unless told).
  await w.evaluate((el, ids) => el.setAttribute('services', ids), services.map((_, i) => `s${i}`).join(','));
  // The column chooser's list is built when it opens.
  await w.columnsToggle.click();
  await w.locator('input[type=checkbox][data-service]').first().waitFor();
  const heads = await w.evaluate((el, D) => ({
    th: [...el.shadowRoot.querySelectorAll(`thead th[data-key^="s"] ${D.headerLabel}`)].map((s) => s.textContent),
    choosers: [...el.shadowRoot.querySelectorAll('input[type=checkbox][data-service]')].map((i) => i.closest('label').textContent),
    groups: [...el.shadowRoot.querySelectorAll(`${D.statusFilter} optgroup`)].map((g) => g.getAttribute('label')),
  }), DOM);
  assert.deepEqual(heads.th, services.map((p) => p.payload.trim()), 'service headers show the payloads literally (names trimmed)');
  assert.deepEqual(heads.groups, services.map((p) => p.payload.trim()), 'status filter groups are labelled literally');
  assert.equal(heads.choosers.length, services.length, 'a chooser per service');
  services.forEach((p, i) => assert.ok(heads.choosers[i].includes(p.payload.trim()), `${p.id}: column chooser label`));
  await assertShadowClean(page, 'service payloads');
  await assertPageClean(page, 'service payloads');

  // Title, warning, source/latest/tags_source titles and notes, one payload at a time.
  const results = await w.evaluate(async (el, items) => {
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
    await w.evaluate((el, url) => {
      el.data = {
        as_of: '2024-01-01',
        warning: 'See the latest status.',
        source: { title: 'Source', url },
        latest: { title: 'Latest', url },
        services: [{ id: 'ecs', name: 'Amazon ECS' }],
        programs: [{ id: 'alpha', name: 'Alpha', url, status: { ecs: 'in-scope' } }],
      };
    }, url);
    await eventually(() => w.evaluate((el) => el.shadowRoot.querySelector('.cm-meta a')?.getAttribute('href')), url, `${id}: the source link keeps the URL verbatim`);
    const a = await assertShadowClean(page, id);
    assert.ok(a.hrefs.filter((h) => h === url).length >= 2, `${id}: source and latest links carry the URL verbatim (${a.hrefs.join(' ')})`);
    const rel = await w.evaluate((el) => [...el.shadowRoot.querySelectorAll('.cm-meta a, [part=warning] a')].map((a) => [a.target, a.rel]));
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
  const w = await tinyPage();
  const { page } = w;
  const results = await w.evaluate(async (el, { items, tiny }) => {
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
  const w = await tinyPage();
  const { page } = w;
  const urlPayloads = SHOWN.filter((p) => p.category === 'url' && !VALID_URLS.has(p.id));
  const others = SHOWN.filter((p) => p.category !== 'url');
  const cases = [];
  for (const field of ['source.url', 'latest.url', 'tags_source.url', 'programs[0].url']) {
    for (const p of urlPayloads) cases.push({ field, p });
  }
  for (const p of others) cases.push({ field: 'programs[0].url', p });
  const results = await w.evaluate(async (el, { cases, tiny }) => {
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

// ---------------------------------------------------------------------------------------------
// Imports: src and parseDataset()
// ---------------------------------------------------------------------------------------------

test(`src: a CSV with ${CSV_ITEMS.length} payload rows and ${TABLE_HEADERS.length} payload headers shows everything literally`, { timeout: 60000 }, async () => {
  generated.set(`${GEN}payloads.csv`, { type: 'text/csv; charset=utf-8', body: csvText(CSV_ITEMS) });
  const w = await hostPage({ view: 'table', src: `${GEN}payloads.csv` });
  const { page } = w;
  await eventually(() => w.programIds().then((r) => r.length), CSV_ITEMS.length, 'one row per payload', 15000);
  assert.equal(await w.locator(DOM.anyAlert).count(), 0, 'no error');
  await checkTableImport(w, CSV_ITEMS);
  assertRequests(page, [`${GEN}payloads.csv`]);
  finish(page);
});

test(`src: a Markdown table with ${MD_ITEMS.length} payload rows shows everything literally (entities decoded once, as documented)`, { timeout: 60000 }, async () => {
  generated.set(`${GEN}payloads.md`, { type: 'text/markdown; charset=utf-8', body: markdownText(MD_ITEMS) });
  const w = await hostPage({ view: 'table', src: `${GEN}payloads.md` });
  const { page } = w;
  await eventually(() => w.programIds().then((r) => r.length), MD_ITEMS.length, 'one row per payload', 15000);
  assert.equal(await w.locator(DOM.anyAlert).count(), 0, 'no error');
  await checkTableImport(w, MD_ITEMS);
  assertRequests(page, [`${GEN}payloads.md`]);
  finish(page);
});

/** Rows in file order: name "P<i> <payload>", the ECS cell labelled with the payload; payload headers. */
async function checkTableImport(w, items) {
  const { page } = w;
  const got = await w.evaluate((el, { rows, ecs, label }) => ({
    rows: [...el.shadowRoot.querySelectorAll(rows)].map((tr) => ({
      name: tr.querySelector('.cm-program-name')?.textContent,
      label: tr.querySelector(`${ecs} .cm-label`)?.textContent,
      status: tr.querySelector(ecs)?.dataset.status,
    })),
    // A header's full name (a narrow widget shows a short one beside it, hidden otherwise).
    heads: [...el.shadowRoot.querySelectorAll(`thead th ${label}`)].map((s) => s.textContent),
  }), { rows: `${DOM.table} tbody ${DOM.row}`, ecs: sel.serviceCell('ecs'), label: DOM.headerLabel });
  items.forEach((p, i) => {
    assert.deepEqual(got.rows[i], { name: `P${i} ${p.payload}`.trim(), label: p.payload.trim(), status: 'in-progress' }, `${p.id} shows literally`);
  });
  assert.deepEqual(got.heads.slice(2, 2 + TABLE_HEADERS.length), TABLE_HEADERS.map((p, j) => `S${j} ${p.payload}`.trim()), 'payload service headers show literally');
  const box = await w.host.boundingBox();
  for (let y = box.y + 5; y < Math.min(box.y + box.height, 2000); y += 41) await page.mouse.move(box.x + 100, y);
  await assertShadowClean(page, 'table import');
  await assertPageClean(page, 'table import');
}

test('parseDataset(): JSON, CSV and Markdown with payloads give the payloads back literally; the result renders safely', { timeout: 60000 }, async () => {
  const w = await hostPage({ view: 'table' });
  const { page } = w;
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
      parseDataset(csv, 'xlsx');
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
  SHOWN.forEach((p, i) => assert.deepEqual(out.json[i], { name: p.payload.trim(), note: p.payload, aliases: [`zq${i}zq`, p.payload.trim()], label: p.payload }, `json ${p.id}`));
  CSV_ITEMS.forEach((p, i) => assert.deepEqual(out.csv[i], { name: `P${i} ${p.payload}`.trim(), label: p.payload.trim() }, `csv ${p.id}`));
  MD_ITEMS.forEach((p, i) => assert.deepEqual(out.md[i], { name: `P${i} ${p.payload}`.trim(), label: p.payload.trim() }, `markdown ${p.id}`));
  assert.deepEqual(out.mdServices.slice(1), TABLE_HEADERS.map((p, j) => `S${j} ${p.payload}`.trim()));
  assert.equal(out.guessedRows, MD_ITEMS.length, 'the format is guessed from the text');
  assert.match(out.unknownFormat ?? '', /unknown format 'xlsx'/);
  assert.deepEqual(out.renderedJson, []);
  assert.deepEqual(out.renderedCsv, []);
  await assertPageClean(page, 'parseDataset');
  assertRequests(page, []);
  finish(page);
});

// ---------------------------------------------------------------------------------------------
// Attributes, shared links
// ---------------------------------------------------------------------------------------------

test('attributes and a shared #hash link holding payloads stay text', { timeout: 90000 }, async () => {
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  const items = SHOWN.filter((p) => chars(p.payload) < 300);
  const results = await w.evaluate(async (el, { items, search }) => {
    const out = [];
    for (const attr of ['query', 'status', 'services', 'tags', 'sort', 'view', 'theme', 'revision', 'compare']) {
      for (const p of items) {
        el.setAttribute(attr, p.payload);
        await window.__t.sleep(0);
        const input = () => el.shadowRoot.querySelector(search);
        await window.__t.until(() => el.state && (attr !== 'query' || (el.state.query === p.payload && input().value.replace(/\s/g, '') === p.payload.replace(/\s/g, ''))), 1000);
        // Rendering is asynchronous: for attributes that can be invalid, wait until the alert (if any) has caught up.
        if (['status', 'services', 'sort', 'view', 'theme', 'revision', 'compare'].includes(attr)) {
          await window.__t.until(() => {
            const a = window.__t.alert(el);
            return !a || a.items.some((m) => m.startsWith(`${attr}:`));
          }, 1000);
        }
        out.push({ attr, id: p.id, audit: window.__t.audit(el).problems, alert: window.__t.alert(el), pwned: window.__pwned, query: el.shadowRoot.querySelector(search)?.value });
        el.removeAttribute(attr);
      }
    }
    await window.__t.sleep(50);
    return out;
  }, { items, search: DOM.search });
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
  assert.deepEqual(await w.programIds(), SEED.programs.map((p) => p.id), 'all attributes removed: the seed again');
  await assertPageClean(page, 'attribute payloads');

  // A link someone shares: the state in location.hash is read back as text.
  const q = CORPUS.find((p) => p.id === 'handler-2').payload;
  const tag = CORPUS.find((p) => p.id === 'script-1').payload;
  const hash = `#w.query=${encodeURIComponent(q)}&w.tags=${encodeURIComponent('domain:' + tag)}&w.sort=${encodeURIComponent(tag)}&w.status=${encodeURIComponent(q)}`;
  const linked = await newPage();
  await linked.goto(`${env.base}${HOST}${hash}`);
  const lw = await MatrixPage.add(linked, { attrs: { 'sync-url': '', view: 'table' }, id: 'w' });
  await lw.searchBox.waitFor({ timeout: 20000 });
  linked.baseline = { ...(await linked.evaluate(() => window.__t.pageState())), pwned: undefined };
  await eventually(() => lw.searchBox.inputValue(), q, 'the query from the link is shown as typed');
  await assertShadowClean(linked, 'hash payloads');
  await assertPageClean(linked, 'hash payloads');
  assertRequests(page, []);
  assertRequests(linked, []);
  finish(page);
  finish(linked);
});
