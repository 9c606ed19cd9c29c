// The translations load only when a widget speaks one (the wasm carries English only,
// each other language is dist/i18n/<lang>.js): an English page fetches none, a German one only
// de.js and shows German from its first render, a language switch keeps the language shown until
// the new one has arrived, a translation that cannot be loaded leaves the widget in English (and
// says `lang="en"`), and the single file carries them all inline.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { session, eventually, BLANK, DOM, MatrixPage } from './support/matrix-page.mjs';

const T = { timeout: 90000 };
const env = session();

// The search placeholder in each language, from the sources: en.rs (keys and English, in
// order) and the generated catalogs (texts in that order).
const EN = [...readFileSync('core/src/i18n/en.rs', 'utf8').matchAll(/^ {4}(\w+) = "((?:[^"\\]|\\.)*)",$/gm)];
const placeholder = (lang) => {
  const i = EN.findIndex((m) => m[1] === 'searchPlaceholder');
  if (lang === 'en') return EN[i][2];
  const texts = JSON.parse(readFileSync(`www/i18n/${lang}.js`, 'utf8').match(/^export default (".*");$/m)[1]);
  return texts.split('\u001f')[i];
};

/** A blank page with <html lang=`docLang`> that records which translation files it fetches. */
async function page(docLang, route) {
  const p = await env.page({ viewport: { width: 1200, height: 900 } });
  p.fetched = [];
  p.on('request', (r) => {
    const m = r.url().match(/\/i18n\/([a-z]+)\.js$/);
    if (m) p.fetched.push(m[1]);
  });
  if (route) await p.route('**/i18n/*.js', route);
  await p.goto(`${env.base}${BLANK}`);
  await p.evaluate((l) => { document.documentElement.lang = l; }, docLang);
  return p;
}

test('an English page fetches no translation; a German one only de.js, in German from its first render', T, async () => {
  assert.equal(placeholder('en'), 'Filter programs, e.g. iso 27 or hipaa');
  assert.notEqual(placeholder('de'), placeholder('en'));
  const en = await page('en');
  const a = await MatrixPage.add(en);
  await a.ready();
  assert.equal(await a.searchBox.getAttribute('placeholder'), placeholder('en'));
  assert.deepEqual(en.fetched, [], 'no translation for an English widget');

  const de = await page('de-AT');
  // The first frame that shows the widget is already German: it starts once the wasm and de.js
  // are both in (read before every frame, inside the shadow root).
  await de.evaluate(() => {
    window.firstPlaceholder = null;
    const look = () => {
      const input = document.querySelector('compliance-matrix')?.shadowRoot?.querySelector('input[part=search]');
      if (input) window.firstPlaceholder = input.placeholder;
      else requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const b = await MatrixPage.add(de);
  await b.ready();
  assert.equal(await de.evaluate(() => window.firstPlaceholder), placeholder('de'), 'German at the first render');
  assert.equal(await b.locator(DOM.root).evaluate((r) => r.closest('[lang]').getAttribute('lang')), 'de');
  assert.deepEqual(de.fetched, ['de'], 'only the German translation');
  assert.deepEqual(de.problems, []);
});

test('a language switch keeps the language shown until the new one has arrived', T, async () => {
  let release;
  const held = new Promise((r) => { release = r; });
  const p = await page('de', async (route) => {
    if (route.request().url().endsWith('/fr.js')) await held;
    await route.continue();
  });
  const cm = await MatrixPage.add(p);
  await cm.ready();
  assert.equal(await cm.searchBox.getAttribute('placeholder'), placeholder('de'));
  await p.evaluate(() => { document.documentElement.lang = 'fr'; });
  await eventually(() => Promise.resolve(p.fetched.includes('fr')), true, 'fr.js asked for');
  await new Promise((r) => setTimeout(r, 300));
  assert.equal(await cm.searchBox.getAttribute('placeholder'), placeholder('de'), 'still German while fr.js is on its way');
  release();
  await eventually(() => cm.searchBox.getAttribute('placeholder'), placeholder('fr'), 'French once it has arrived');
  // The element's own `lang` (an update, not an ancestor): the same.
  await cm.setAttribute('lang', 'ja');
  await eventually(() => cm.searchBox.getAttribute('placeholder'), placeholder('ja'), 'Japanese through the attribute');
  assert.deepEqual(p.fetched, ['de', 'fr', 'ja']);
  assert.deepEqual(p.problems, []);
});

test('a translation that cannot be loaded leaves the widget working in English, lang="en"', T, async () => {
  const p = await page('ko', (route) => route.fulfill({ status: 404, body: 'gone' }));
  const warnings = [];
  p.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  const cm = await MatrixPage.add(p);
  await cm.ready();
  assert.equal(await cm.searchBox.getAttribute('placeholder'), placeholder('en'));
  assert.equal(await cm.locator(DOM.root).evaluate((r) => r.closest('[lang]').getAttribute('lang')), 'en');
  assert.ok(warnings.some((w) => /the ko strings could not be loaded/.test(w)), warnings.join('\n'));
  await cm.search('HIPAA');
  await eventually(async () => /^\d+ of 20 programs$/.test(await cm.count()) && (await cm.count()) !== '20 of 20 programs', true, 'an English count of the search');
  // catalog() of a language not loaded: English, not a rejection.
  assert.equal((await p.evaluate(async () => (await import('/dist/compliance-matrix.js')).catalog('ko'))).searchPlaceholder, placeholder('en'));
});

test('the single file carries the translations inline and fetches nothing', T, async () => {
  const p = await env.page({ viewport: { width: 1200, height: 900 } });
  const requests = [];
  p.on('request', (r) => requests.push(r.url()));
  await p.goto(`${env.base}/dist/compliance-matrix.html`);
  const cm = new MatrixPage(p);
  await cm.ready();
  await cm.setAttribute('lang', 'ko');
  await eventually(() => cm.searchBox.getAttribute('placeholder'), placeholder('ko'), 'Korean from the inline catalog');
  assert.deepEqual(requests.filter((u) => !u.endsWith('/dist/compliance-matrix.html')), []);
});
