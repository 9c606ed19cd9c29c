// Takes docs/diagram.png (1100px wide) and docs/diagram-phone.png (360px wide): the diagram
// section of the demo page from the real build, with a band made current by keyboard
// (Amazon EKS, managed node groups — Host OS and patching, which is shared) so the panel shows.
// Usage: node tests/e2e/diagram-screenshots.mjs
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { launchOptions, MatrixPage } from './support/matrix-page.mjs';

const MODEL = JSON.parse(readFileSync('data/responsibility.json', 'utf8'));
const VARIANT = 'eks-managed-nodes';
const LAYER = 'host-os';

const server = await serve('.', 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(launchOptions);
let failed = false;
try {
  const shots = [
    { path: 'docs/diagram.png', width: 1100, height: 900 },
    { path: 'docs/diagram-phone.png', width: 360, height: 800 },
  ];
  for (const s of shots) {
    const page = await browser.newPage({ viewport: { width: s.width, height: s.height }, deviceScaleFactor: 1 });
    const problems = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/index.html`);
    const cm = new MatrixPage(page);
    const svg = cm.diagram;
    await svg.waitFor({ timeout: 20000 });
    // Keyboard: focus the diagram (the first shown variant's top layer becomes current),
    // then arrows to the wanted band.
    await svg.focus();
    const variants = await svg.evaluate((el) => [...el.querySelectorAll('g[data-variant]')].map((g) => g.dataset.variant));
    const layers = MODEL.layers.map((l) => l.id);
    for (let i = 0; i < variants.indexOf(VARIANT); i++) await page.keyboard.press('ArrowRight');
    for (let i = layers.length - 1; i > layers.indexOf(LAYER); i--) await page.keyboard.press('ArrowDown');
    const band = cm.locator(`g[data-variant=${VARIANT}] g[data-layer=${LAYER}].cm-current`);
    await band.waitFor({ timeout: 5000 });
    await cm.locator('[part=band-info] .cm-band-explanation').waitFor({ timeout: 5000 });
    const section = cm.locator('section:has(svg[part=diagram])');
    await section.scrollIntoViewIfNeeded();
    await section.screenshot({ path: s.path });
    console.log('wrote', s.path);
    if (problems.length) {
      failed = true;
      console.error(`${s.path}: console errors:\n  ${problems.join('\n  ')}`);
    }
    await page.close();
  }
} finally {
  await browser.close();
  server.close();
}
if (failed) process.exit(1);
