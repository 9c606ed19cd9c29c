// The user's language in the built widget: the `lang` option and its fallbacks
// (closest ancestor, the document, the browser), complete German and Korean UIs (no English UI
// string left in the shadow root; data keeps lang="en"), counts pluralised in every shipped
// language, dates in the user's format with the ISO date in `datetime`, a page's own `strings`
// (and its errors), a language change while shown, catalog(), and axe in each language.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { session, eventually, BLANK, DOM, axeViolations, MatrixPage } from './support/matrix-page.mjs';

const T = { timeout: 90000 };
const LANGS = ['en', 'de', 'fr', 'es', 'ja', 'ko'];
// A well-formed host page (one h1, a main landmark), so axe reports only the widget.
const HOST = '/tests/hosts/a11y/index.html';

const env = session();

/** A blank page whose <html lang> is `docLang`, with one widget (`attrs`), shown. */
async function open(attrs = {}, { docLang = 'en', into = 'host', wrap } = {}) {
  const page = await env.page({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.base}${HOST}`);
  await page.evaluate(({ docLang, wrap }) => {
    document.documentElement.lang = docLang;
    if (wrap) {
      const div = document.createElement('div');
      div.id = 'wrap';
      for (const [k, v] of Object.entries(wrap)) div.setAttribute(k, v);
      document.getElementById('host').append(div);
    }
  }, { docLang, wrap });
  const cm = await (await import('./support/matrix-page.mjs')).MatrixPage.add(page, { attrs, into: wrap ? 'wrap' : into });
  await cm.ready();
  return cm;
}

/** catalog(lang) from the module the page loaded. */
function catalog(page, lang) {
  return page.evaluate(async (l) => (await import('/dist/compliance-matrix.js')).catalog(l), lang);
}

/**
 * Every UI text in the shadow root that is not data: text nodes and the aria-label, title and
 * placeholder attributes of elements whose closest `lang` is the container's (data carries its
 * own, `lang="en"` for the embedded data). Collected with the diagram table open and in turn with
 * each menu open (Columns, Filters, History, Export, About this data: a menu's panel exists only
 * while open, and one is open at a time) and with IRAP × Amazon EKS's details open.
 */
async function uiTexts(cm) {
  const collect = () =>
    cm.inRoot((root) => {
      const container = root.querySelector('[lang]');
      const ui = container.getAttribute('lang');
      const out = [];
      const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.nodeType === 1 ? n : n.parentElement;
        if (!el || el.closest('style')) continue;
        const lang = el.closest('[lang]');
        if (!lang || lang.getAttribute('lang') !== ui) continue;
        if (n.nodeType === 3) {
          if (n.textContent.trim()) out.push(n.textContent.trim());
        } else {
          for (const a of ['aria-label', 'title', 'placeholder']) if (n.hasAttribute(a)) out.push(n.getAttribute(a));
        }
      }
      return { ui, texts: out };
    });
  await cm.locator(`${DOM.diagramTable} > summary`).click();
  const first = await collect();
  const texts = [...first.texts];
  for (const part of ['columns', 'filters', 'history', 'export', 'about']) {
    await cm.openMenu(part);
    texts.push(...(await collect()).texts);
  }
  await cm.closeMenus();
  const details = await cm.openDetails('irap', 'eks');
  await details.locator('details.cm-sources > summary').click();
  texts.push(...(await collect()).texts);
  await cm.closeDetails();
  return { ui: first.ui, texts };
}

/**
 * The English pieces that must not appear in a `lang` UI: each catalog text cut at its
 * placeholders, pieces of 4+ letters, for the keys whose text in `lang` differs (a word that is
 * the same in both languages, like "Status" in German, is not a leftover).
 */
function englishPieces(en, other) {
  const pieces = new Set();
  for (const [key, text] of Object.entries(en)) {
    if (other[key] === text) continue;
    for (const piece of text.split(/\{[^{}]*(?:\{[^{}]*\}[^{}]*)*\}/)) {
      const p = piece.replace(/^[\s,.;:()·—“”→]+|[\s,.;:()·—“”→]+$/g, '');
      if ((p.match(/[A-Za-z]/g) || []).length >= 4 && !Object.values(other).some((o) => o.includes(p))) pieces.add(p);
    }
  }
  return [...pieces];
}

async function expectNoEnglish(cm, lang) {
  const en = await catalog(cm.page, 'en');
  const other = await catalog(cm.page, lang);
  const { ui, texts } = await uiTexts(cm);
  assert.equal(ui, lang, 'the container carries the resolved lang');
  const all = texts.join('\n');
  const left = englishPieces(en, other).filter((p) => all.includes(p));
  assert.deepEqual(left, [], `English UI text left in the ${lang} UI`);
  // And the UI speaks the language: the search box, the count and the column header.
  assert.equal(await cm.searchBox.getAttribute('placeholder'), other.searchPlaceholder);
  assert.equal(await cm.locator('th[data-key=program] .cm-sort-label').textContent(), other.columnProgram);
}


test('lang="de" on the element: a complete German UI, data kept in English', T, async () => {
  const cm = await open({ lang: 'de' });
  await expectNoEnglish(cm, 'de');
  // Program names are data: English, marked so.
  const name = cm.locator('tr[data-program=c5] .cm-program-name');
  assert.equal(await name.getAttribute('lang'), 'en');
  assert.match(await name.textContent(), /C5/);
  assert.equal(await cm.locator('[part=warning]').getAttribute('lang'), 'en');
  assert.deepEqual(await axeViolations(cm.page), [], 'axe in German');
  assert.deepEqual(cm.page.problems, []);
});

test('<html lang="ko">: a complete Korean UI', T, async () => {
  const cm = await open({}, { docLang: 'ko' });
  await expectNoEnglish(cm, 'ko');
  assert.deepEqual(await axeViolations(cm.page), [], 'axe in Korean');
  assert.deepEqual(cm.page.problems, []);
});

test('the closest ancestor lang wins over the document, the element over both', T, async () => {
  const cm = await open({}, { docLang: 'de', wrap: { lang: 'fr' } });
  assert.equal(await cm.locator(DOM.root).evaluate((r) => r.closest('[lang]').lang), 'fr');
  const fr = await catalog(cm.page, 'fr');
  assert.equal(await cm.searchBox.getAttribute('placeholder'), fr.searchPlaceholder);
  await cm.setAttribute('lang', 'ja');
  const ja = await catalog(cm.page, 'ja');
  await eventually(() => cm.searchBox.getAttribute('placeholder'), ja.searchPlaceholder, 'lang attribute → Japanese');
  // Removed again: the ancestor's language.
  await cm.evaluate((el) => el.removeAttribute('lang'));
  await eventually(() => cm.searchBox.getAttribute('placeholder'), fr.searchPlaceholder, 'back to the ancestor (French)');
  // The page switches language: the widget follows.
  await cm.page.evaluate(() => document.getElementById('wrap').setAttribute('lang', 'es'));
  const es = await catalog(cm.page, 'es');
  await eventually(() => cm.searchBox.getAttribute('placeholder'), es.searchPlaceholder, 'the ancestor changed to Spanish');
  // An unshipped language: English, and the container says so.
  await cm.page.evaluate(() => document.getElementById('wrap').setAttribute('lang', 'pt-BR'));
  const en = await catalog(cm.page, 'en');
  await eventually(() => cm.searchBox.getAttribute('placeholder'), en.searchPlaceholder, 'pt-BR → English');
  assert.equal(await cm.locator(DOM.root).evaluate((r) => r.closest('[lang]').getAttribute('lang')), 'en');
  assert.deepEqual(cm.page.problems, []);
});

test('without any lang attribute: the browser language', T, async () => {
  const page = await env.page({ locale: 'de-DE' });
  await page.goto(`${env.base}${BLANK}`);
  await page.evaluate(() => document.documentElement.removeAttribute('lang'));
  const { MatrixPage } = await import('./support/matrix-page.mjs');
  const cm = await MatrixPage.add(page, {});
  await cm.ready();
  const de = await catalog(page, 'de');
  assert.equal(await cm.searchBox.getAttribute('placeholder'), de.searchPlaceholder);
});

// The count for 1 and for 20 of 20 programs, as a native speaker writes it.
const COUNTS = JSON.parse(readFileSync(new URL('./fixtures/i18n-counts.json', import.meta.url), 'utf8'));

const ONE = {
  title: 'One program', as_of: '2026-12-01', source: { title: 'test', url: 'https://example.com/' },
  services: [{ id: 'ecs', name: 'Amazon ECS' }],
  programs: [{ id: 'p', name: 'Program P', status: { ecs: 'in-scope' } }],
};

test('counts pluralise in every shipped language', T, async () => {
  const cm = await open({});
  assert.deepEqual(Object.keys(COUNTS).sort(), [...LANGS].sort(), 'a count fixture per language');
  // A chip's hidden word after its count (the chips are in Filters, opened first).
  const chip = (tag) => cm.chip(tag).locator('.cm-vh').textContent();
  for (const lang of LANGS) {
    await cm.setAttribute('lang', lang);
    await cm.setAttribute('query', '');
    await eventually(() => cm.count(), COUNTS[lang].all, `${lang}: all`);
    // Germany: one program; the United States: six.
    assert.equal((await chip('jurisdiction:de')).trim(), COUNTS[lang].chipOne, `${lang}: chip of 1`);
    assert.equal((await chip('jurisdiction:us')).trim(), COUNTS[lang].chipMany, `${lang}: chip of 6`);
    await cm.setAttribute('query', 'zzzz');
    await eventually(() => cm.count(), COUNTS[lang].none, `${lang}: none`);
    await cm.setAttribute('query', '');
    await cm.evaluate((el, d) => { el.data = d; }, ONE);
    await eventually(() => cm.count(), COUNTS[lang].one, `${lang}: one of one`);
    await cm.evaluate((el) => { el.data = null; });
  }
});

test('dates in the reader format, the ISO date in datetime', T, async () => {
  const cm = await open({ lang: 'de' });
  const time = cm.locator('.cm-meta time');
  assert.equal(await time.getAttribute('datetime'), '2020-04-21');
  const shown = await time.textContent();
  const want = await cm.page.evaluate(() => new Intl.DateTimeFormat('de', { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date('2020-04-21T00:00:00Z')));
  assert.equal(shown, want);
  assert.notEqual(shown, '2020-04-21');
});

test('a page\'s own strings override keys; unknown keys and bad templates are named', T, async () => {
  const cm = await open({ lang: 'de' });
  await cm.evaluate((el) => {
    el.strings = { searchPlaceholder: 'Suche …', count: '{shown}/{total}', nope: 'x', columns: '{shown' };
  });
  await eventually(() => cm.searchBox.getAttribute('placeholder'), 'Suche …', 'override applies');
  assert.equal(await cm.count(), '20/20');
  const alert = await cm.locator(DOM.alert).textContent();
  assert.match(alert, /unknown key 'nope'/);
  assert.match(alert, /strings\.columns: its braces do not balance/);
  // A language of the page's own: lang="pt" with its strings.
  await cm.evaluate((el) => {
    el.lang = 'pt';
    el.strings = { searchPlaceholder: 'Filtrar programas', title: 'Matriz de conformidade' };
  });
  await eventually(() => cm.searchBox.getAttribute('placeholder'), 'Filtrar programas', 'pt strings');
  assert.equal(await cm.locator(DOM.root).evaluate((r) => r.closest('[lang]').getAttribute('lang')), 'pt');
  assert.equal(await cm.locator(DOM.alert).count(), 0, 'no error left');
});

test('catalog() gives every key in every shipped language, mount() takes lang and strings', T, async () => {
  const cm = await open({});
  const keys = await cm.page.evaluate(async (langs) => {
    const m = await import('/dist/compliance-matrix.js');
    return Promise.all(langs.map(async (l) => Object.keys(await m.catalog(l)).length));
  }, LANGS);
  assert.ok(keys.every((n) => n === keys[0] && n > 150), `keys per language: ${keys}`);
  const placeholder = await cm.page.evaluate(async () => {
    const m = await import('/dist/compliance-matrix.js');
    const div = document.createElement('div');
    div.id = 'mounted';
    document.body.append(div);
    const h = m.mount(div, { lang: 'ko', strings: { copyLink: '링크 복사하기' } });
    await h.ready;
    const root = div.shadowRoot;
    return [root.querySelector('input[part=search]').placeholder, (await m.catalog('ko')).searchPlaceholder];
  });
  assert.equal(placeholder[0], placeholder[1]);
  // The page's own string for copy link, in the Export menu (opened first).
  const mounted = new MatrixPage(cm.page, '#mounted');
  assert.equal(await mounted.copyLinkButton.textContent(), '링크 복사하기');
});
