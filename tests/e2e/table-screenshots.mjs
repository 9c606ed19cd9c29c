// Takes docs/table-filtered.png and docs/table-sorted.png of the demo page (index.html) from the
// real build, at 1100px wide, driving the widget the way a user would.
//   docs/table-filtered.png: the "United States" jurisdiction chip + status "Amazon EKS: in progress"
//                            → FedRAMP Moderate (3PAO Assessment) and DOD CC SRG (Undergoing assessment).
//   docs/table-sorted.png:   sorted by ECS Fargate (ascending), then by program (descending, shift-click).
// Usage: node tests/e2e/table-screenshots.mjs   (from the repository root)
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';
import { launchOptions, MatrixPage } from './support/matrix-page.mjs';

const server = await serve('.', 0);
const base = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch(launchOptions);

/** Screenshot from the top of the widget (a MatrixPage) to the bottom of its table. */
async function shoot(cm, path) {
  const { page } = cm;
  await page.mouse.move(0, 0); // no hover highlight
  await cm.evaluate((el) => el.shadowRoot.activeElement?.blur()); // no focus ring
  const widget = await cm.host.boundingBox();
  const wrap = await cm.tableWrap.boundingBox();
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
  /** The demo page's widget (a MatrixPage) once it shows rows. */
  const newPage = async () => {
    // Tall enough that the whole table fits in its 80vh wrapper.
    const page = await browser.newPage({ viewport: { width: 1100, height: 1500 }, deviceScaleFactor: 1, colorScheme: 'light' });
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${base}/index.html`);
    return new MatrixPage(page).ready(20000);
  };

  // Filtered: jurisdiction chip + status filter.
  let cm = await newPage();
  await cm.chip('jurisdiction:us').click();
  await cm.statusFilter.selectOption('eks:in-progress');
  await cm.expectRows(['fedramp-moderate', 'dod-cc-srg'], 'rows', 10000);
  await shoot(cm, 'docs/table-filtered.png');
  await cm.page.close();

  // Sorted: ECS Fargate ascending, then program descending as the secondary key.
  cm = await newPage();
  await cm.sortButton('fargate').click();
  await cm.sortButton('program').click({ modifiers: ['Shift'] });
  await cm.sortButton('program').click({ modifiers: ['Shift'] });
  await cm.expectRows([
    'soc-3', 'soc-2', 'soc-1', 'pci-dss-level-1', 'iso-9001', 'iso-27018', 'iso-27017', 'iso-27001', 'irap',
    'hitrust-csf', 'hipaa-eligible', 'hipaa-baa',
    'ospar', 'mtcs', 'k-isms', 'fedramp-moderate', 'fedramp-high', 'ens-high', 'dod-cc-srg', 'c5',
  ], 'rows', 10000);
  await shoot(cm, 'docs/table-sorted.png');
  await cm.page.close();

  if (problems.length) throw new Error(`console errors: ${problems.join('; ')}`);
} finally {
  await browser.close();
  server.close();
}
