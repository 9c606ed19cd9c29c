// No text under 12 px anywhere in the widget, and a page's blanket rule cannot paint the host
// element's own box behind the widget (hardening against a host page's own stylesheet).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, BLANK } from './support/matrix-page.mjs';

const env = session();
const T = { timeout: 90000 };

/** The smallest computed font size of any element with text, in the shadow root and the SVG. */
const smallestText = (cm) =>
  cm.evaluate((el) => {
    let min = { size: Infinity, what: '' };
    for (const n of el.shadowRoot.querySelectorAll('*')) {
      const own = [...n.childNodes].some((c) => c.nodeType === 3 && c.textContent.trim());
      if (!own || n.closest('.cm-vh, [hidden]') || n.getClientRects().length === 0) continue;
      // SVG text scales with its viewBox: its size on screen is what counts.
      const size = n instanceof SVGElement
        ? parseFloat(getComputedStyle(n).fontSize) * (n.getScreenCTM()?.a ?? 1)
        : parseFloat(getComputedStyle(n).fontSize);
      if (size < min.size) min = { size, what: `${n.tagName.toLowerCase()}.${n.getAttribute('class') || ''}: ${n.textContent.trim().slice(0, 30)}` };
    }
    return min;
  });

test('no text under 12 px: table, labels, compare mode, diagram and tools', T, async () => {
  const cm = await env.widget({ compare: 'latest' }, { viewport: { width: 1280, height: 900 } });
  await cm.locator('[part=changes]').waitFor();
  const min = await smallestText(cm);
  assert.ok(min.size >= 12, `smallest text ${min.size.toFixed(2)} px: ${min.what}`);
});

test('a page rule "* { background: yellow !important }" does not reach the host box', T, async () => {
  const cm = await env.widget({}, { path: BLANK });
  await cm.page.addStyleTag({ content: '* { background: yellow !important; border: 3px solid red !important; box-shadow: 0 0 9px red !important; }' });
  const box = await cm.evaluate((el) => {
    const s = getComputedStyle(el);
    return [s.backgroundColor, s.borderTopStyle, s.boxShadow];
  });
  assert.deepEqual(box, ['rgba(0, 0, 0, 0)', 'none', 'none']);
});
