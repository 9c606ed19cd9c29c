// Hardening e2e, input limits: malformed and oversized input handed to the widget in the
// page (the `data` property and `parseDataset()`): text over 2,000 characters, NUL characters,
// prototype keys, ids that are not slugs, truncated and 100,000-deep JSON, over 4 MiB, empty
// input and HTML each give a clear error naming the field or the limit; names in any script
// import; a 5,000-deep object is refused and the widget keeps working. Text over the size limit
// is refused before it is copied into wasm memory (which never shrinks), and a facet with many
// values shows a screenful of chips and a box that finds the others, not a chip for each. Shared
// set-up: support/security-page.mjs.
//
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/security-input-limits.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { eventually, MatrixPage } from './support/matrix-page.mjs';
import { securitySession, hostPage, tinyPage, assertRequests, assertPageClean, assertShadowClean, finish, nextError, errorCount, MAX_FIELD, chars, REJECTED, TINY } from './support/security-page.mjs';

securitySession();

test('data property: text over 2,000 characters, NUL characters, prototype keys and bad ids are rejected naming the field', { timeout: 60000 }, async () => {
  const w = await tinyPage();
  const { page } = w;
  const FIELDS = ['programs[0].name', 'programs[0].aliases[0]', 'programs[0].note', 'programs[0].status.ecs.label', 'services[0].name', 'title', 'warning', 'source.title', 'source.note'];
  const cases = [];
  for (const p of REJECTED) {
    // The widget writes numbers in the user's format (en: 2,000).
    const expect = chars(p.payload) > MAX_FIELD ? `longer than ${MAX_FIELD.toLocaleString('en')} characters` : 'contains a NUL character';
    for (const field of FIELDS) cases.push({ field, payload: p.payload, id: p.id, expect });
  }
  const results = await w.evaluate(async (el, { cases, tiny }) => {
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
  const more = await w.evaluate(async (el, tiny) => {
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

test('malformed text through parseDataset(): truncated, 100k-deep, NUL, over 4 MiB, empty and HTML each throw a clear Error', { timeout: 60000 }, async () => {
  const w = await hostPage({ view: 'table' });
  const { page } = w;
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
  // Refused by its length before it is copied into wasm memory.
  assert.equal(out.huge.error, 'parseDataset(text): 10485760 characters of text, more than the limit of 4194304 bytes (4 MiB)');
  assert.equal(out.empty.error, 'empty input: expected a table or a JSON dataset');
  assert.match(out.html.error, /got an HTML page, not a dataset/);
  assert.match(out.unclosed.error, /^line 2, column 1: a quoted field is never closed/);
  for (const [k, v] of Object.entries(out)) if (v.ms !== undefined) assert.ok(v.ms < 2000, `${k}: rejected in ${Math.round(v.ms)} ms`);
  await assertPageClean(page, 'parseDataset malformed');
  finish(page);
});

test('CSV and Markdown: program names and service headers in any script (CJK, Cyrillic, Greek, symbols) import, each its own row', { timeout: 60000 }, async () => {
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  const out = await page.evaluate(async () => {
    const { parseDataset, ready } = await import('/dist/compliance-matrix.js');
    await ready; // parseDataset needs the dataset reader
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

// Last: a crash here takes down this page's wasm instance (see the report).
test('data property: a 5,000-deep nested object is rejected with an error and the widget keeps working', { timeout: 60000 }, async () => {
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  const other = await (await MatrixPage.add(page, { attrs: { view: 'table' }, id: 'other-widget', into: 'other' })).ready(20000);
  await w.evaluate((el, tiny) => (el.data = tiny), TINY);
  await w.expectRows(['alpha', 'beta'], 'the tiny dataset shows');
  const r = await w.evaluate(async (el, tiny) => {
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
  await w.evaluate((el) => (el.data = null));
  await eventually(() => w.programIds().then((x) => x.length), 20, 'data = null: the seed again');
  await other.search('soc');
  await other.expectRows(['soc-1', 'soc-2', 'soc-3'], 'the other instance still works');
  finish(page);
});

test('an oversized data object or parseDataset() text is refused before it is copied into wasm memory', { timeout: 90000 }, async (t) => {
  // Before the fix, the JSON text (60 MB here) was copied into linear memory first, which never shrinks.
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => (await cdp.send('Runtime.getHeapUsage')).backingStorageSize;
  const before = await errorCount(page);
  const grown = await heap();
  await w.evaluate((el) => { el.data = { title: 'é'.repeat(3e7) }; });
  const m = await nextError(page, before);
  assert.match(m, /^data: 30,000,0\d\d characters of text, more than the limit of 4,194,304 bytes \(4 MiB\)$/);
  await page.evaluate(() => new Promise((r) => setTimeout(r, 100)));
  const after = await heap();
  if (grown !== undefined && after !== undefined) {
    // The page's own 30-million-character string lives in the JS heap, not in backing stores.
    assert.ok(after - grown < 16 * 1024 * 1024, `backing stores (wasm memory among them) grew by ${after - grown} bytes`);
    t.diagnostic(`30,000,000 é as data: backing stores grew by ${after - grown} bytes`);
  }
  const thrown = await page.evaluate(async () => {
    const { parseDataset, ready } = await import('/dist/compliance-matrix.js');
    await ready;
    try {
      parseDataset('x'.repeat(5e6), 'csv');
      return 'no error';
    } catch (e) {
      return e.message;
    }
  });
  assert.match(thrown, /^parseDataset\(text\): 5000000 characters of text, more than the limit of 4194304 bytes/);
  await w.expectRows(await w.programIds(), 'the widget still works');
  await page.close();
});

test('a facet with 180 values shows a screenful of chips and a box that finds the others', { timeout: 60000 }, async () => {
  // Before the fix, every value was a chip (100,000 chips froze the page; 180 fill several screens).
  const programs = Array.from({ length: 180 }, (_, k) => ({
    id: `p${k}`,
    name: `Program ${k}`,
    tags: [`region:r${k}`, k % 2 ? 'kind:odd' : 'kind:even'],
    status: { ecs: 'in-scope' },
  }));
  const data = { ...TINY, programs };
  const w = await hostPage({ view: 'table' });
  const { page } = w;
  await w.evaluate((el, d) => { el.data = d; }, data);
  await eventually(async () => (await w.state())?.visible.length, 180, 'the 180 programs show');
  // The chips are in the Filters menu, built as it opens.
  await w.openFilters();
  const chips = () => w.evaluate((el) => [...el.shadowRoot.querySelectorAll('[data-facet=region] [data-tag]')].map((b) => b.dataset.tag));
  assert.equal((await chips()).length, 24, 'a screenful of region chips');
  assert.equal(await w.evaluate((el) => el.shadowRoot.querySelectorAll('[data-facet=kind] [data-tag]').length), 2, 'a short facet shows all its chips');
  assert.equal(await w.evaluate((el) => el.shadowRoot.querySelectorAll('[data-facet=kind] [part=facet-find]').length), 0, 'and no find box');
  const find = w.locator('[data-facet=region] [part=facet-find]');
  assert.equal(await find.getAttribute('aria-label'), 'Find a value of Region');
  assert.match(await w.locator('[data-facet=region] .cm-facet-note').textContent(), /^24 of 180 values shown/);
  await find.fill('r17');
  await eventually(chips, ['region:r17', ...Array.from({ length: 10 }, (_, k) => `region:r${170 + k}`)], 'the find box narrows the chips');
  assert.match(await w.locator('[data-facet=region] .cm-facet-note').textContent(), /^11 of 180 values match/);
  await w.locator('[data-tag="region:r175"]').click();
  await eventually(async () => (await w.state()).visible, ['p175'], 'a chip found by typing filters the rows');
  await find.fill('');
  await eventually(async () => (await chips()).length, 25, 'the selected chip stays beside the first screenful');
  assert.ok((await chips()).includes('region:r175'));
  await page.close();
});
