// Takes the first-minute screenshots in docs/ from the real build, the element alone on the blank
// host page (what the e2e suite measures): the first screen at 1280 × 800 and 390 × 844, and the
// same screens with the details of IRAP × Amazon EKS open.
//   docs/first-screen.png, docs/first-screen-phone.png, docs/details.png, docs/details-phone.png
// Usage: node tests/e2e/first-minute-screenshots.mjs   (from the repository root; make screenshot)
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { launchOptions, MatrixPage, BLANK } from './support/matrix-page.mjs';

const server = await serve('.', 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(launchOptions);
try {
  const problems = [];
  for (const [name, width, height] of [['', 1280, 800], ['-phone', 390, 844]]) {
    const page = await browser.newPage({ viewport: { width, height }, deviceScaleFactor: 1, colorScheme: 'light' });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(base + BLANK);
    const cm = await (await MatrixPage.add(page)).ready(20000);
    await page.evaluate(() => document.fonts.ready);
    await page.screenshot({ path: `docs/first-screen${name}.png` });
    console.log('wrote', `docs/first-screen${name}.png`);
    await cm.locator('tr[data-program=irap] td[data-service=eks]').click();
    await cm.locator('[part~=cell-details]').waitFor();
    // The row and the top of the details in view, as a reader who just clicked sees them.
    await cm.locator('tr[data-program=irap]').evaluate((tr) => tr.scrollIntoView({ block: 'start' }));
    await page.evaluate(() => window.scrollBy(0, -60));
    await page.mouse.move(0, 0);
    await page.screenshot({ path: `docs/details${name}.png` });
    console.log('wrote', `docs/details${name}.png`);
    await page.close();
  }
  if (problems.length) throw new Error(`console errors: ${problems.join('; ')}`);
} finally {
  await browser.close();
  server.close();
}
