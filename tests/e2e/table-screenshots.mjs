// Takes docs/table-filtered.png and docs/table-sorted.png of the demo page (index.html) from the
// real build, at 1100px wide, driving the widget the way a user would.
//   docs/table-filtered.png: the "United States" jurisdiction chip + status "Amazon EKS: in progress"
//                            → FedRAMP Moderate (3PAO Assessment) and DOD CC SRG (Undergoing assessment).
//   docs/table-sorted.png:   sorted by ECS Fargate (ascending), then by program (descending, shift-click).
// Usage: node tests/e2e/table-screenshots.mjs   (from the repository root)
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { launchOptions } from './harness.mjs';

const W = 'compliance-matrix';
const server = await serve('.', 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(launchOptions);

/** Visible program ids, in order. */
const rows = (page) =>
  page.locator(W).evaluate((el) => [...el.shadowRoot.querySelectorAll('table[part=table] tr[data-program]')].map((tr) => tr.dataset.program));

async function waitForRows(page, expected) {
  const end = Date.now() + 10000;
  for (;;) {
    const got = await rows(page);
    if (JSON.stringify(got) === JSON.stringify(expected)) return;
    if (Date.now() > end) throw new Error(`rows are ${got.join(', ')}; expected ${expected.join(', ')}`);
    await page.waitForTimeout(50);
  }
}

/** Screenshot from the top of the widget to the bottom of its table. */
async function shoot(page, path) {
  await page.mouse.move(0, 0); // no hover highlight
  await page.locator(W).evaluate((el) => el.shadowRoot.activeElement?.blur()); // no focus ring
  const widget = await page.locator(W).boundingBox();
  const wrap = await page.locator(`${W} [part=table-wrap]`).boundingBox();
  const top = Math.max(0, Math.floor(widget.y) - 8);
  await page.screenshot({
    path,
    fullPage: true,
    clip: { x: 0, y: top, width: 1100, height: Math.ceil(wrap.y + wrap.height + 16 - top) },
  });
  console.log('wrote', path);
}

try {
  const problems = [];
  const newPage = async () => {
    // Tall enough that the whole table fits in its 80vh wrapper.
    const page = await browser.newPage({ viewport: { width: 1100, height: 1500 }, deviceScaleFactor: 1, colorScheme: 'light' });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/index.html`);
    await page.locator(`${W} table[part=table] tr[data-program]`).first().waitFor({ timeout: 20000 });
    return page;
  };

  // Filtered: jurisdiction chip + status filter.
  let page = await newPage();
  await page.locator(`${W} button[data-tag="jurisdiction:us"]`).click();
  await page.locator(`${W} select[part=status-filter]`).selectOption('eks:in-progress');
  await waitForRows(page, ['fedramp-moderate', 'dod-cc-srg']);
  await shoot(page, 'docs/table-filtered.png');
  await page.close();

  // Sorted: ECS Fargate ascending, then program descending as the secondary key.
  page = await newPage();
  await page.locator(`${W} th[data-key=fargate] button`).click();
  await page.locator(`${W} th[data-key=program] button`).click({ modifiers: ['Shift'] });
  await page.locator(`${W} th[data-key=program] button`).click({ modifiers: ['Shift'] });
  await waitForRows(page, [
    'soc-3', 'soc-2', 'soc-1', 'pci-dss-level-1', 'iso-9001', 'iso-27018', 'iso-27017', 'iso-27001', 'irap',
    'hitrust-csf', 'hipaa-eligible', 'hipaa-baa',
    'ospar', 'mtcs', 'k-isms', 'fedramp-moderate', 'fedramp-high', 'ens-high', 'dod-cc-srg', 'c5',
  ]);
  await shoot(page, 'docs/table-sorted.png');
  await page.close();

  if (problems.length) throw new Error(`console errors: ${problems.join('; ')}`);
} finally {
  await browser.close();
  server.close();
}
