// Takes docs/screenshot.png (and a phone-width one) of the demo page from the real build, and
// docs/rtl.png of the same page served right to left (`<html dir="rtl">`).
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { launchOptions, MatrixPage } from './support/matrix-page.mjs';

const server = await serve('.', 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(launchOptions);
try {
  const shots = [
    { path: 'docs/screenshot.png', width: 1100, height: 900, url: '/index.html' },
    { path: 'docs/screenshot-phone.png', width: 390, height: 844, url: '/index.html' },
    { path: 'docs/compare.png', width: 1100, height: 900, url: '/index.html', attrs: { compare: 'latest', view: 'table', gaps: '' } },
    { path: 'docs/rtl.png', width: 1280, height: 900, url: '/index.html', dir: 'rtl' },
    // The page in German and in Korean (<html lang>): the widget speaks the page's language.
    { path: 'docs/i18n-de.png', width: 1100, height: 900, url: '/index.html', lang: 'de' },
    { path: 'docs/i18n-ko.png', width: 1100, height: 900, url: '/index.html', lang: 'ko' },
  ];
  for (const s of shots) {
    const page = await browser.newPage({ viewport: { width: s.width, height: s.height }, deviceScaleFactor: 1 });
    if (s.dir || s.lang) {
      // The page as a right-to-left or another language's site would serve it: direction and
      // language are there before the widget mounts.
      await page.route(base + s.url, async (route) => {
        const res = await route.fetch();
        const html = `<html lang="${s.lang || 'en'}"${s.dir ? ` dir="${s.dir}"` : ''}>`;
        await route.fulfill({ response: res, body: (await res.text()).replace('<html lang="en">', html) });
      });
    }
    await page.goto(base + s.url);
    const cm = await new MatrixPage(page).ready(30000);
    if (s.attrs) {
      await cm.evaluate((el, attrs) => {
        for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
      }, s.attrs);
      await cm.changes.waitFor();
    }
    await page.screenshot({ path: s.path, fullPage: true });
    console.log('wrote', s.path);
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
