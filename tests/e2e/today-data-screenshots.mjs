// Takes the screenshots of today's data from the real build, on the blank host page:
//   docs/services-in-scope.png:       a saved services-in-scope page (the test fixture, made-up
//                                     statuses) through `src`, 1280 × 800: the container services
//                                     of its 31, the Columns menu open with its find box.
//   docs/services-in-scope-phone.png: the same at 390 × 844.
//   docs/brought-compare.png:         a CSV the user dropped, compared with the one dropped
//                                     before (History → Compare with), 1280 × 800.
// Usage: node tests/e2e/today-data-screenshots.mjs   (from the repository root)
import { chromium } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { serve } from '../../scripts/serve.mjs';
import { launchOptions, MatrixPage, BLANK } from './support/matrix-page.mjs';

const server = await serve('.', 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(launchOptions);

async function widget(viewport, attrs) {
  const page = await browser.newPage({ viewport, deviceScaleFactor: 1, colorScheme: 'light' });
  page.on('pageerror', (e) => { throw e; });
  await page.goto(`${base}${BLANK}`);
  const cm = await MatrixPage.add(page, { attrs });
  await cm.ready(30000);
  return cm;
}

const drop = (cm, name, text) =>
  cm.evaluate((el, { name, text }) => {
    const dt = new DataTransfer();
    dt.items.add(new File([text], name, { type: 'text/csv' }));
    el.shadowRoot.querySelector('[part=root]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, composed: true, cancelable: true }));
  }, { name, text });

try {
  const src = '/tests/fixtures/import/services-in-scope.html';
  for (const [viewport, path] of [[{ width: 1280, height: 800 }, 'docs/services-in-scope.png'], [{ width: 390, height: 844 }, 'docs/services-in-scope-phone.png']]) {
    const cm = await widget(viewport, { src, view: 'table' });
    await cm.openColumns();
    await cm.inMenu('columns', '[part~=columns-find]').fill('am');
    await cm.page.screenshot({ path });
    console.log('wrote', path);
    await cm.page.close();
  }
  const cm = await widget({ width: 1280, height: 800 }, { view: 'table' });
  await drop(cm, 'check-2026-11.csv', readFileSync('tests/fixtures/import/own.csv', 'utf8'));
  await cm.expectRows(['soc-2', 'iso-27001', 'my-internal-baseline'], 'rows', 10000);
  await drop(cm, 'check-2026-12.csv', 'Compliance Program,Amazon ECS,AWS Lambda,ECS Fargate\n"SOC 2",yes,✓,1\nISO 27001,0,no,JAB Review\n');
  await cm.expectRows(['soc-2', 'iso-27001'], 'rows', 10000);
  await cm.openHistory();
  await cm.comparePicker.selectOption('before');
  await cm.closeMenus();
  await cm.locator('[part~=changes] > summary').click();
  await cm.page.mouse.move(0, 0);
  await cm.page.screenshot({ path: 'docs/brought-compare.png' });
  console.log('wrote docs/brought-compare.png');
} finally {
  await browser.close();
  server.close();
}
