// Shared e2e helpers: Debian Chromium through playwright-core, a local static server, and
// a page that fails the test on any console error or page error.
import assert from 'node:assert/strict';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

export const launchOptions = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
    '--disable-sync',
    '--disable-quic',
  ],
};

/** Starts a server on the repository root and a browser; returns helpers and a close(). */
export async function start(options = {}) {
  const server = await serve('.', 0, options);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch(launchOptions);
  const pages = [];
  return {
    base,
    browser,
    /** A new page that records console errors and page errors in `page.problems`. */
    async page(opts = {}) {
      const page = await browser.newPage(opts);
      page.problems = [];
      page.on('console', (m) => {
        if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
      pages.push(page);
      return page;
    },
    async close() {
      await browser.close().catch(() => {});
      server.close();
    },
  };
}

/** Waits until the widget inside `selector` shows table rows. */
export async function widgetReady(page, selector = 'compliance-matrix') {
  await page.locator(`${selector} tr[data-program]`).first().waitFor({ timeout: 20000 });
}

/** Polls `get` until it deep-equals `expected` (renders are asynchronous), then asserts. */
export async function eventually(get, expected, message, ms = 5000) {
  const end = Date.now() + ms;
  let actual;
  for (;;) {
    actual = await get();
    try {
      assert.deepEqual(actual, expected);
      return;
    } catch {
      if (Date.now() > end) break;
      await new Promise((r) => setTimeout(r, 25));
    }
  }
  assert.deepEqual(actual, expected, message);
}
