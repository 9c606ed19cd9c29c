// The responsibility diagram, end to end in Debian Chromium: every band and owner against
// data/responsibility.json, the explanation panel by keyboard and by mouse, the link between the
// table and the diagram, the variant picker and the table equivalent, the tools panel,
// accessibility hooks and the narrow layout, and the `view` attribute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { session, poll, DOM, sel } from './support/matrix-page.mjs';

const MODEL = JSON.parse(readFileSync('data/responsibility.json', 'utf8'));
const TOOLS = JSON.parse(readFileSync('data/tools.json', 'utf8')).tools;
const VARIANTS = MODEL.variants.map((v) => v.id);
const LAYERS = MODEL.layers.map((l) => l.id); // bottom (facilities) first
const LABEL = { aws: 'AWS', customer: 'Customer', shared: 'Shared', 'n/a': 'n/a' };
const OWNER_TEXT = { aws: 'AWS', customer: 'Customer', shared: 'Shared', 'n/a': 'Not applicable' };
const PLACEHOLDER = /Point at a band/;
const TIMEOUT = 90000;

const variant = (id) => MODEL.variants.find((v) => v.id === id);
const layer = (id) => MODEL.layers.find((l) => l.id === id);
const cell = (v, l) => variant(v).cells.find((c) => c.layer === l);
const owner = (v, l) => cell(v, l).owner;

/** What the info panel must say for one band, straight from the JSON files. */
function expected(v, l) {
  const c = cell(v, l);
  const source = MODEL.sources.find((s) => s.id === c.source);
  const involved = c.owner === 'customer' || c.owner === 'shared';
  const tools = involved ? TOOLS.filter((t) => t.variants.includes(v) && t.layers.includes(l)) : [];
  return {
    head: `${variant(v).name} — ${layer(l).name}:`,
    owner: OWNER_TEXT[c.owner],
    explanation: c.explanation,
    source,
    tools: tools.map((t) => ({ name: t.name, url: t.url, archived: !!t.archived })),
  };
}

const env = session();

/** The demo page with its diagram drawn (a MatrixPage). */
async function demo(viewport = { width: 1100, height: 900 }) {
  const cm = await env.open('/index.html', { viewport });
  await cm.diagram.waitFor({ timeout: 20000 });
  return cm;
}

/** The bands as drawn: [{variant, bands: [{layer, owner, rects, label}]}]. */
const drawn = (cm) =>
  cm.inRoot((root) =>
    [...root.querySelectorAll('svg[part=diagram] g[data-variant]')].map((g) => ({
      variant: g.dataset.variant,
      bands: [...g.querySelectorAll('g[data-layer]')].map((b) => ({
        layer: b.dataset.layer,
        owner: b.dataset.owner,
        rects: b.querySelectorAll('rect').length,
        label: b.querySelector('text')?.textContent.trim(),
      })),
    })),
  );

/** The info panel and the current band, as shown. */
const shownInfo = (cm) =>
  cm.inRoot((root) => {
    const box = root.querySelector('[part=band-info]');
    const p = (sel) => box.querySelector(sel);
    const srcLink = p('.cm-band-source a');
    const current = [...root.querySelectorAll('svg[part=diagram] .cm-current')].map(
      (b) => `${b.closest('g[data-variant]').dataset.variant}/${b.dataset.layer}`,
    );
    const toolsP = [...box.querySelectorAll('p')].find((x) => x.textContent.startsWith('Tools that help here'));
    return {
      live: box.getAttribute('aria-live'),
      text: box.textContent,
      head: p('.cm-band-info-head')?.textContent ?? '',
      explanation: p('.cm-band-explanation')?.textContent ?? '',
      source: srcLink
        ? { text: srcLink.textContent, href: srcLink.getAttribute('href'), target: srcLink.target, rel: srcLink.rel }
        : null,
      sourceLine: p('.cm-band-source')?.textContent ?? '',
      toolsText: toolsP?.textContent ?? '',
      tools: toolsP ? [...toolsP.querySelectorAll('a')].map((a) => ({ name: a.textContent, url: a.getAttribute('href') })) : [],
      current,
      focused: root.activeElement?.matches?.('svg[part=diagram]') ?? false,
    };
  });

/** Asserts the panel explains band `v`/`l` (and that it is the one current band). */
async function assertInfo(cm, v, l, how) {
  const want = expected(v, l);
  const got = await poll(
    () => shownInfo(cm),
    (s) => s.current.length === 1 && s.current[0] === `${v}/${l}` && s.head.includes(want.head),
  );
  const at = `${how}: ${v}/${l}`;
  assert.deepEqual(got.current, [`${v}/${l}`], `${at}: exactly this band is cm-current`);
  assert.equal(got.live, 'polite', `${at}: the panel is a polite live region`);
  assert.ok(got.head.includes(want.head), `${at}: heading "${got.head}" names "${want.head}"`);
  assert.ok(got.head.includes(want.owner), `${at}: heading "${got.head}" names the owner ${want.owner}`);
  assert.equal(got.explanation.trim(), want.explanation, `${at}: explanation`);
  assert.ok(got.sourceLine.startsWith('Source: '), `${at}: "Source: " line, got "${got.sourceLine}"`);
  assert.equal(got.source?.text, want.source.title, `${at}: source title`);
  assert.equal(got.source?.href, want.source.url, `${at}: source link`);
  assert.equal(got.source?.target, '_blank', `${at}: source opens in a new tab`);
  assert.match(got.source?.rel ?? '', /noopener/, `${at}: source link rel`);
  assert.deepEqual(
    got.tools,
    want.tools.map(({ name, url }) => ({ name, url })),
    `${at}: tools (only where the customer owns or shares the layer)`,
  );
  if (want.tools.length === 0) assert.ok(!got.text.includes('Tools that help here'), `${at}: no tools line`);
  else assert.ok(got.toolsText.startsWith('Tools that help here: '), `${at}: tools line`);
  for (const t of want.tools) {
    const marked = got.toolsText.includes(`${t.name} (archived upstream)`);
    assert.equal(marked, t.archived, `${at}: ${t.name} ${t.archived ? 'is' : 'is not'} marked archived`);
  }
  return got;
}

const press = async (page, key, times = 1) => {
  for (let i = 0; i < times; i++) await page.keyboard.press(key);
};

test('bands and owners: 6 variants × 14 bands, every owner as in data/responsibility.json', { timeout: TIMEOUT }, async () => {
  const cm = await demo();
  const { page } = cm;
  const shown = await drawn(cm);
  assert.deepEqual(shown.map((g) => g.variant), VARIANTS, 'variants in model order');
  assert.equal(VARIANTS.length, 6);
  assert.equal(LAYERS.length, 14);
  for (const g of shown) {
    assert.deepEqual(g.bands.map((b) => b.layer).sort(), [...LAYERS].sort(), `${g.variant}: all 14 layers, once each`);
    for (const b of g.bands) {
      const want = owner(g.variant, b.layer);
      assert.equal(b.owner, want, `${g.variant}/${b.layer}: owner`);
      assert.equal(b.rects, 1, `${g.variant}/${b.layer}: one rect`);
      assert.equal(b.label, LABEL[want], `${g.variant}/${b.layer}: label`);
    }
  }
  assert.equal(shown.flatMap((g) => g.bands).length, 84);
  // The examples from the sources, spelled out.
  const ownerOf = (v, l) => shown.find((g) => g.variant === v).bands.find((b) => b.layer === l).owner;
  for (const l of ['facilities', 'hardware', 'virtualization', 'host-os', 'runtime']) assert.equal(ownerOf('ecs-fargate', l), 'aws');
  for (const l of ['images', 'application']) assert.equal(ownerOf('ecs-fargate', l), 'customer');
  assert.equal(ownerOf('ecr', 'control-plane'), 'n/a');
  assert.equal(ownerOf('eks-managed-nodes', 'host-os'), 'shared');
  assert.equal(ownerOf('eks-self-managed', 'host-os'), 'customer');

  // Bands stack facilities (bottom) to data (top) in every column, and the dashed
  // responsibility line crosses each column at the bottom edge of its first customer/shared band.
  const geo = await cm.inRoot((root) => {
    const svg = root.querySelector('svg[part=diagram]');
    const line = svg.querySelector('polyline.cm-d-line');
    return {
      line: line ? Array.from({ length: line.points.numberOfItems }, (_, i) => line.points.getItem(i)).map((p) => [p.x, p.y]) : null,
      dash: line ? getComputedStyle(line).strokeDasharray : '',
      columns: [...svg.querySelectorAll('g[data-variant]')].map((g) => ({
        variant: g.dataset.variant,
        bands: [...g.querySelectorAll('g[data-layer]')].map((b) => {
          const r = b.querySelector('rect');
          return { layer: b.dataset.layer, x: r.x.baseVal.value, y: r.y.baseVal.value, w: r.width.baseVal.value, h: r.height.baseVal.value };
        }),
      })),
    };
  });
  assert.ok(geo.line && geo.line.length >= 2, 'a responsibility polyline is drawn');
  assert.ok(geo.dash && geo.dash !== 'none', `the line is dashed (stroke-dasharray ${geo.dash})`);
  for (const c of geo.columns) {
    const byLayer = LAYERS.map((l) => c.bands.find((b) => b.layer === l));
    for (let i = 1; i < byLayer.length; i++) {
      assert.ok(byLayer[i].y < byLayer[i - 1].y, `${c.variant}: ${LAYERS[i]} is above ${LAYERS[i - 1]}`);
    }
    const first = LAYERS.findIndex((l) => ['customer', 'shared'].includes(owner(c.variant, l)));
    const band = byLayer[first];
    const mid = band.x + band.w / 2;
    // The polyline is horizontal across each column; find the segment over the column's middle.
    const seg = geo.line.findIndex((p, i) => i > 0 && geo.line[i - 1][0] <= mid && p[0] >= mid && geo.line[i - 1][1] === p[1]);
    assert.ok(seg > 0, `${c.variant}: the line crosses the column`);
    assert.ok(
      Math.abs(geo.line[seg][1] - (band.y + band.h)) < 0.6,
      `${c.variant}: the line (y=${geo.line[seg][1]}) sits under ${LAYERS[first]} (bottom y=${band.y + band.h})`,
    );
  }
  assert.deepEqual(page.problems, []);
});

test('focus shows the explanation: keyboard only (Tab, arrows, Home/End, Escape) and mouse click', { timeout: TIMEOUT }, async () => {
  const cm = await demo();
  const { page } = cm;
  assert.match((await shownInfo(cm)).text, PLACEHOLDER, 'before any focus the panel invites the user');

  // Keyboard only: Tab from the top of the page until the diagram has focus.
  let tabs = 0;
  for (; tabs < 400; tabs++) {
    if ((await shownInfo(cm)).focused) break;
    await page.keyboard.press('Tab');
  }
  assert.ok((await shownInfo(cm)).focused, `the diagram is reachable with Tab (${tabs} presses)`);
  const top = LAYERS.length - 1;
  await assertInfo(cm, VARIANTS[0], LAYERS[top], 'on focus');

  // Walk every band: down the first column, right, up the next, … (a serpentine).
  let li = top;
  for (let vi = 0; vi < VARIANTS.length; vi++) {
    if (vi > 0) {
      await press(page, 'ArrowRight');
      await assertInfo(cm, VARIANTS[vi], LAYERS[li], 'ArrowRight');
    }
    const down = vi % 2 === 0;
    for (let step = 0; step < LAYERS.length - 1; step++) {
      await press(page, down ? 'ArrowDown' : 'ArrowUp');
      li += down ? -1 : 1;
      await assertInfo(cm, VARIANTS[vi], LAYERS[li], down ? 'ArrowDown' : 'ArrowUp');
    }
  }
  // The edges hold: the last variant is ecr and we are at the bottom or top of it.
  const last = VARIANTS.length - 1;
  await press(page, 'ArrowRight');
  await assertInfo(cm, VARIANTS[last], LAYERS[li], 'ArrowRight at the last variant');
  await press(page, li === 0 ? 'ArrowDown' : 'ArrowUp');
  await assertInfo(cm, VARIANTS[last], LAYERS[li], 'arrow past the edge');
  await press(page, 'Home');
  await assertInfo(cm, VARIANTS[0], LAYERS[li], 'Home');
  await press(page, 'ArrowLeft');
  await assertInfo(cm, VARIANTS[0], LAYERS[li], 'ArrowLeft at the first variant');
  await press(page, 'End');
  await assertInfo(cm, VARIANTS[last], LAYERS[li], 'End');

  // The brief's example by keys alone: eks-self-managed host-os is the customer's, with tools.
  await press(page, 'Home');
  await press(page, 'ArrowRight', VARIANTS.indexOf('eks-self-managed'));
  const hostOs = LAYERS.indexOf('host-os');
  await press(page, li > hostOs ? 'ArrowDown' : 'ArrowUp', Math.abs(li - hostOs));
  const info = await assertInfo(cm, 'eks-self-managed', 'host-os', 'keyboard to eks-self-managed host-os');
  assert.equal(owner('eks-self-managed', 'host-os'), 'customer');
  // kube-bench checks the kubelet and cluster configuration, not OS patching (data review 2026-12).
  assert.doesNotMatch(info.toolsText, /kube-bench/);
  assert.match(info.toolsText, /docker-bench-security/);
  assert.match(info.toolsText, /actuary \(archived upstream\)/);
  assert.ok((await shownInfo(cm)).focused, 'focus stays on the diagram while moving');

  await press(page, 'Escape');
  const cleared = await poll(() => shownInfo(cm), (s) => s.current.length === 0);
  assert.deepEqual(cleared.current, [], 'Escape clears the current band');
  assert.match(cleared.text, PLACEHOLDER, 'Escape clears the panel');

  // Mouse: clicking a band makes it current and explains it.
  const band = (v, l) => cm.band(v, l);
  await band('eks-self-managed', 'host-os').click();
  const clicked = await assertInfo(cm, 'eks-self-managed', 'host-os', 'click');
  assert.match(clicked.toolsText, /Amazon Inspector/);
  assert.match(clicked.toolsText, /docker-bench-security/);
  await band('eks-managed-nodes', 'host-os').click();
  await assertInfo(cm, 'eks-managed-nodes', 'host-os', 'click on a shared band');
  await band('eks-fargate', 'host-os').click();
  await assertInfo(cm, 'eks-fargate', 'host-os', 'click on an AWS band (no tools)');
  await band('ecr', 'images').click();
  await assertInfo(cm, 'ecr', 'images', 'click on ecr images (Amazon Inspector)');
  await band('ecr', 'control-plane').click();
  await assertInfo(cm, 'ecr', 'control-plane', 'click on an n/a band');
  await band('ecs-fargate', 'images').click();
  await assertInfo(cm, 'ecs-fargate', 'images', 'click on ecs-fargate images');
  assert.deepEqual(page.problems, []);
});

test('the table and the diagram point at each other (hover and keyboard focus)', { timeout: TIMEOUT }, async () => {
  const cm = await demo();
  const { page } = cm;
  const marks = (p) =>
    p.inRoot((root, D) => ({
      variants: [...root.querySelectorAll('svg[part=diagram] g[data-variant][data-highlighted="true"]')].map((g) => g.dataset.variant),
      headers: [...root.querySelectorAll('th[data-key]')]
        .filter((th) => th.classList.contains('cm-hl') || th.dataset.highlighted === 'true')
        .map((th) => ({ key: th.dataset.key, cls: th.classList.contains('cm-hl'), data: th.dataset.highlighted === 'true' })),
      cells: [...root.querySelectorAll(D.highlighted)].map((td) => td.dataset.service),
      cellsOf: Object.fromEntries(Object.entries(D.cellsOf).map(([s, css]) => [s, root.querySelectorAll(css).length])),
    }), { highlighted: `${DOM.table} td.cm-hl`, cellsOf: Object.fromEntries(['ecs', 'eks', 'fargate', 'ecr'].map((s) => [s, sel.serviceCells(s)])) });
  const none = { variants: [], headers: [], cells: [] };
  const same = (a, b) => JSON.stringify(a) === JSON.stringify(b);
  const pick = ({ variants, headers, cells }) => ({ variants, headers, cells });
  const waitMarks = async (want) => pick(await poll(() => marks(cm), (m) => same(pick(m), want)));
  const waitVariants = async (want) => (await poll(() => marks(cm), (m) => same(m.variants, want))).variants;
  const waitTable = async (headers, cells) => {
    const m = await poll(() => marks(cm), (x) => same(x.headers, headers) && same(x.cells, cells));
    return { headers: m.headers, cells: m.cells };
  };
  const away = page.locator('h1');
  // The seed's "ECS Fargate" column is ECS on Fargate only (data-services, review of 2026-12).
  const FARGATE = ['ecs-fargate'];
  const EKS = ['eks-self-managed', 'eks-managed-nodes', 'eks-fargate'];

  // Table → diagram, by mouse.
  await cm.header('fargate').hover();
  assert.deepEqual(await waitVariants(FARGATE), FARGATE, 'hovering the Fargate header marks its variants');
  await away.hover();
  assert.deepEqual(await waitMarks(none), none, 'leaving the header clears the marks');
  await cm.header('eks').hover();
  assert.deepEqual(await waitVariants(EKS), EKS, 'hovering the EKS header marks the three EKS variants');
  await away.hover();
  assert.deepEqual(await waitMarks(none), none);

  // Table → diagram, by keyboard focus on the header's button.
  await cm.sortButton('fargate').focus();
  assert.deepEqual(await waitVariants(FARGATE), FARGATE, 'focusing the Fargate header button marks its variants');
  await page.keyboard.press('Tab'); // the next header's button: EKS? whichever comes next
  const next = await cm.inRoot((root) => root.activeElement?.closest('th[data-key]')?.dataset.key ?? null);
  await cm.sortButton('eks').focus();
  assert.deepEqual(await waitVariants(EKS), EKS, `moving focus (after Tab to ${next}) to the EKS header button marks the EKS variants`);
  await cm.searchBox.focus();
  assert.deepEqual(await waitMarks(none), none, 'blurring the header clears the marks');

  // Diagram → table, by mouse.
  const counts = (await marks(cm)).cellsOf;
  assert.ok(counts.ecr > 0 && counts.ecs > 0);
  const col = (key) => ({ key, cls: true, data: true });
  await cm.locator(`${DOM.diagram} g[data-variant=ecr]`).hover();
  const ecr = await waitTable([col('ecr')], Array(counts.ecr).fill('ecr'));
  assert.deepEqual(ecr.headers, [col('ecr')], 'hovering the ECR variant marks the ECR header (class and data-highlighted)');
  assert.deepEqual(ecr.cells, Array(counts.ecr).fill('ecr'), 'and every ECR cell, and nothing else');
  await away.hover();
  assert.deepEqual(await waitMarks(none), none, 'leaving the variant clears the table');
  await cm.locator(`${DOM.diagram} g[data-variant=ecs-ec2]`).hover();
  const ecs = await waitTable([col('ecs')], Array(counts.ecs).fill('ecs'));
  assert.deepEqual(ecs.headers, [col('ecs')], 'hovering ECS on EC2 marks the ECS header');
  assert.deepEqual(ecs.cells, Array(counts.ecs).fill('ecs'));
  await away.hover();
  assert.deepEqual(await waitMarks(none), none);
  assert.deepEqual(page.problems, []);
});

test('the variant picker hides and shows variants; the table equivalent has 14 rows with the owners', { timeout: TIMEOUT }, async () => {
  const cm = await demo();
  const { page } = cm;
  const toggle = (id) => cm.variantToggle(id);
  const pressed = () =>
    cm.inRoot((root) => [...root.querySelectorAll('button[data-variant-toggle]')].map((b) => [b.dataset.variantToggle, b.getAttribute('aria-pressed')]));
  const shownVariants = () => cm.inRoot((root) => [...root.querySelectorAll('svg[part=diagram] g[data-variant]')].map((g) => g.dataset.variant));
  assert.deepEqual(await pressed(), VARIANTS.map((v) => [v, 'true']), 'all variants start pressed');

  await toggle('ecr').click();
  assert.equal(await toggle('ecr').getAttribute('aria-pressed'), 'false');
  assert.deepEqual(await poll(shownVariants, (v) => v.length === 5), VARIANTS.filter((v) => v !== 'ecr'), 'unpressing ECR removes it');
  await toggle('ecs-ec2').click();
  assert.deepEqual(await poll(shownVariants, (v) => v.length === 4), VARIANTS.filter((v) => !['ecr', 'ecs-ec2'].includes(v)));
  const shownBands = await drawn(cm);
  for (const g of shownBands) assert.equal(g.bands.length, 14, `${g.variant} keeps its 14 bands`);

  // With ECS on EC2 hidden, focusing the diagram starts at the first shown variant.
  await cm.diagram.focus();
  await assertInfo(cm, 'ecs-fargate', 'data', 'focus with ecs-ec2 hidden');
  await press(page, 'Escape');

  // Keyboard on the picker: Enter/Space toggle a button.
  await toggle('ecr').focus();
  await page.keyboard.press('Enter');
  assert.equal(await toggle('ecr').getAttribute('aria-pressed'), 'true');
  await toggle('ecs-ec2').focus();
  await page.keyboard.press('Space');
  assert.deepEqual(await poll(shownVariants, (v) => v.length === 6), VARIANTS, 'showing them again restores the model order');
  assert.deepEqual(await pressed(), VARIANTS.map((v) => [v, 'true']));

  // The table equivalent: 14 rows (top layer first), one cell per shown variant, owners as in the JSON.
  const details = cm.locator(DOM.diagramTable);
  await details.locator('summary').click();
  assert.equal(await details.evaluate((d) => d.open), true, 'the summary opens the table');
  const table = () =>
    details.evaluate((d) =>
      [...d.querySelectorAll('table tr[data-layer]')].map((tr) => ({
        layer: tr.dataset.layer,
        name: tr.querySelector('th')?.textContent.trim(),
        cells: [...tr.querySelectorAll('td[data-variant][data-owner]')].map((td) => ({
          variant: td.dataset.variant,
          owner: td.dataset.owner,
          text: td.textContent,
        })),
      })),
    );
  const rows = await table();
  assert.equal(rows.length, 14, 'one row per layer');
  assert.deepEqual(rows.map((r) => r.layer), [...LAYERS].reverse(), 'top layer first');
  for (const r of rows) {
    assert.equal(r.name, layer(r.layer).name, `${r.layer}: row header`);
    assert.deepEqual(r.cells.map((c) => c.variant), VARIANTS, `${r.layer}: one cell per variant`);
    for (const c of r.cells) {
      const want = cell(c.variant, r.layer);
      assert.equal(c.owner, want.owner, `table ${c.variant}/${r.layer}: owner`);
      assert.ok(c.text.includes(OWNER_TEXT[want.owner]), `table ${c.variant}/${r.layer}: shows "${OWNER_TEXT[want.owner]}"`);
      assert.ok(c.text.includes(want.explanation), `table ${c.variant}/${r.layer}: shows the explanation`);
    }
  }
  // The equivalent follows the picker.
  await toggle('ecr').click();
  const fewer = await poll(table, (t) => t[0].cells.length === 5);
  assert.deepEqual(fewer[0].cells.map((c) => c.variant), VARIANTS.filter((v) => v !== 'ecr'), 'hiding ECR drops its column from the table too');
  assert.deepEqual(page.problems, []);
});

test('the tools panel lists the seed tools with links, each in brief with the rest behind More about; actuary is marked archived', { timeout: TIMEOUT }, async () => {
  const cm = await demo();
  const { page } = cm;
  const tools = await cm.inRoot((root) =>
    [...root.querySelectorAll('[part=tools] li[data-tool]')].map((li) => ({
      id: li.dataset.tool,
      links: [...li.querySelectorAll('a')].map((a) => ({ text: a.textContent.trim(), href: a.getAttribute('href') })),
      text: li.textContent,
    })),
  );
  assert.deepEqual(tools.map((t) => t.id), ['kube-bench', 'docker-bench-security', 'actuary', 'amazon-inspector']);
  for (const t of tools) {
    const want = TOOLS.find((x) => x.id === t.id);
    assert.ok(t.links.some((a) => a.href === want.url && a.text === want.name), `${t.id}: links to ${want.url}`);
    assert.equal(t.text.includes('archived upstream'), !!want.archived, `${t.id}: archived mark`);
  }
  assert.ok(tools.find((t) => t.id === 'actuary').text.includes('archived upstream'));
  // Each tool in brief: a one-line summary and where it applies as short labels; what
  // it checks in full and its source (with the date it was read) behind "More about …", closed.
  const brief = await cm.inRoot((root) =>
    [...root.querySelectorAll('[part=tools] li[data-tool]')].map((li) => {
      const more = li.querySelector('details.cm-tool-more');
      const [layers, variants] = [...li.querySelectorAll(':scope > ul.cm-labels')].map((ul) => [...ul.querySelectorAll('li')].map((x) => x.textContent.trim()));
      return {
        id: li.dataset.tool,
        summary: li.querySelector('.cm-tool-summary')?.textContent,
        layers,
        variants,
        open: more?.open,
        more: more?.querySelector('summary').textContent,
        checks: more?.querySelector('.cm-tool-checks')?.textContent,
        source: more?.querySelector('.cm-tool-source a')?.getAttribute('href'),
        read: more?.querySelector('.cm-tool-source time')?.getAttribute('datetime'),
      };
    }),
  );
  for (const b of brief) {
    const want = TOOLS.find((x) => x.id === b.id);
    assert.deepEqual(b, {
      id: want.id,
      summary: want.summary,
      layers: want.layers.map((l) => layer(l).name),
      variants: want.variants.map((v) => variant(v).short),
      open: false,
      more: `More about ${want.name}`,
      checks: want.checks,
      source: want.source.url,
      read: want.source.as_of,
    }, `${b.id} in brief`);
  }
  assert.deepEqual(page.problems, []);
});

test('accessibility hooks, and at 360px the diagram shows one variant at a time, picked, fitting the width without overlapping or shrinking', { timeout: TIMEOUT }, async () => {
  const cm = await demo();
  const { page } = cm;
  const a11y = await cm.inRoot((root) => {
    const svg = root.querySelector('svg[part=diagram]');
    const ids = (svg.getAttribute('aria-labelledby') || '').split(/\s+/).filter(Boolean);
    const targets = ids.map((id) => root.getElementById(id));
    return {
      count: root.querySelectorAll('svg[part=diagram]').length,
      role: svg.getAttribute('role'),
      tabindex: svg.getAttribute('tabindex'),
      ids,
      targets: targets.map((t) => (t ? { tag: t.tagName.toLowerCase(), inside: svg.contains(t), text: t.textContent.trim() } : null)),
      desc: svg.querySelector('desc')?.textContent.trim() ?? '',
      innerFocusables: svg.querySelectorAll('[tabindex], a, button, input').length,
    };
  });
  assert.equal(a11y.count, 1);
  assert.equal(a11y.role, 'img');
  assert.equal(a11y.tabindex, '0', 'one tab stop');
  assert.equal(a11y.innerFocusables, 0, 'no other tab stops inside the diagram');
  assert.ok(a11y.ids.length >= 1, 'aria-labelledby names at least one id');
  assert.ok(a11y.targets.every(Boolean), `every aria-labelledby id resolves: ${a11y.ids}`);
  assert.ok(a11y.targets.every((t) => t.inside), 'the labels are inside the svg');
  assert.ok(a11y.targets.some((t) => t.tag === 'title' && t.text), 'a non-empty <title> labels it');
  assert.ok(a11y.targets.some((t) => t.tag === 'desc'), 'the <desc> describes it');
  assert.ok(a11y.desc.length > 40, 'the <desc> says something');
  // The accessible name as the browser computes it.
  const title = a11y.targets.find((t) => t.tag === 'title').text;
  const img = page.getByRole('img', { name: title });
  assert.equal(await img.count(), 1, 'the svg is an img with an accessible name');
  assert.equal(await img.getAttribute('part'), 'diagram');
  assert.deepEqual(page.problems, []);

  // Phone width: one variant at a time, chosen with a picker instead of the toggle
  // chips, drawn to fit the width (no sideways scroll), neither overlapping nor shrinking. Every
  // variant is picked in turn, so all 84 bands are checked as before.
  const phone = await demo({ width: 360, height: 800 });
  assert.equal(await phone.isNarrow(), true, 'a narrow widget at 360px');
  assert.equal(await phone.locator('button[data-variant-toggle]').count(), 0, 'no toggle chips');
  const picker = phone.variantPicker;
  assert.deepEqual(await picker.locator('option').evaluateAll((os) => os.map((o) => o.value)), VARIANTS, 'the picker offers every variant');
  assert.equal(await picker.inputValue(), VARIANTS[0], 'the first variant at first');
  const measure = () => phone.inRoot((root) => {
    const svg = root.querySelector('svg[part=diagram]');
    const wrap = svg.closest('[part=diagram-wrap]') || svg.parentElement;
    const scale = svg.getScreenCTM().a;
    const box = (e) => {
      const r = e.getBoundingClientRect();
      return { l: r.left, t: r.top, r: r.right, b: r.bottom };
    };
    const fonts = (sel) => [...svg.querySelectorAll(sel)].map((t) => parseFloat(getComputedStyle(t).fontSize) * scale);
    return {
      wrap: { scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth, left: wrap.getBoundingClientRect().left, right: wrap.getBoundingClientRect().right },
      svgBox: box(svg),
      doc: { scrollWidth: document.documentElement.scrollWidth, innerWidth },
      fonts: { band: fonts('g[data-layer] text'), label: fonts('.cm-d-label'), head: fonts('.cm-d-head') },
      variants: [...svg.querySelectorAll('g[data-variant]')].map((g) => ({
        variant: g.dataset.variant,
        // The header's lines (tspans) one by one: a two-line header's box is wider than its glyphs.
        head: g.querySelector('.cm-d-head')
          ? [...g.querySelectorAll('.cm-d-head tspan')].map(box).concat(g.querySelector('.cm-d-head tspan') ? [] : [box(g.querySelector('.cm-d-head'))])
          : null,
        bands: [...g.querySelectorAll('g[data-layer]')].map((b) => ({ layer: b.dataset.layer, rect: box(b.querySelector('rect')), text: box(b.querySelector('text')) })),
      })),
      labels: [...svg.querySelectorAll('.cm-d-label')].map((t) => ({ text: t.textContent, box: box(t) })),
      table: [...root.querySelectorAll('details[part=diagram-table] thead th[lang]')].map((th) => th.textContent.trim()),
    };
  });
  // Every layout fault is collected, so one run names them all.
  const faults = [];
  const check = (ok, message) => {
    if (!ok) faults.push(message);
  };
  const overlap = (a, b, eps = 0.5) => Math.min(a.r, b.r) - Math.max(a.l, b.l) > eps && Math.min(a.b, b.b) - Math.max(a.t, b.t) > eps;
  const inside = (a, b, eps = 0.5) => a.l >= b.l - eps && a.r <= b.r + eps && a.t >= b.t - eps && a.b <= b.b + eps;
  const seen = [];
  for (const pick of VARIANTS) {
    if ((await picker.inputValue()) !== pick) await picker.selectOption(pick);
    const m = await poll(measure, (x) => x.variants.length === 1 && x.variants[0].variant === pick);
    check(m.variants.length === 1 && m.variants[0].variant === pick, `${pick}: drawn alone (got ${m.variants.map((v) => v.variant)})`);
    const v = m.variants[0];
    seen.push(...v.bands.map((b) => `${v.variant}/${b.layer}`));
    check(v.bands.length === LAYERS.length, `${pick}: ${v.bands.length} bands, want ${LAYERS.length}`);
    // It fits: the wrapper does not scroll sideways, nor the page; the drawing is inside the wrapper.
    check(m.wrap.scrollWidth <= m.wrap.clientWidth + 1, `${pick}: the wrapper scrolls sideways (${m.wrap.scrollWidth} > ${m.wrap.clientWidth})`);
    check(m.svgBox.l >= m.wrap.left - 0.5 && m.svgBox.r <= m.wrap.right + 0.5, `${pick}: the drawing (${m.svgBox.l}..${m.svgBox.r}) is outside its wrapper (${m.wrap.left}..${m.wrap.right})`);
    check(m.doc.scrollWidth <= m.doc.innerWidth, `${pick}: the page itself scrolls sideways (${m.doc.scrollWidth} > ${m.doc.innerWidth})`);
    // The table equivalent shows the picked variant too.
    check(JSON.stringify(m.table) === JSON.stringify([variant(pick).name]), `${pick}: the diagram's table shows ${JSON.stringify(m.table)}`);
    // Readable: no diagram text is drawn smaller than 10 CSS px on screen.
    const MIN = 10;
    for (const [kind, sizes] of Object.entries(m.fonts)) {
      check(sizes.length > 0, `${pick}: no ${kind} text`);
      const small = Math.min(...sizes);
      check(small >= MIN, `${pick}: ${kind} text is drawn at ${small.toFixed(2)}px at 360px width; want >= ${MIN}px (the svg shrinks)`);
    }
    for (let i = 0; i < v.bands.length; i++) {
      check(inside(v.bands[i].text, v.bands[i].rect), `${pick}/${v.bands[i].layer}: the owner label does not fit in its band`);
      for (let j = i + 1; j < v.bands.length; j++) {
        check(!overlap(v.bands[i].rect, v.bands[j].rect), `${pick}: bands ${v.bands[i].layer} and ${v.bands[j].layer} overlap`);
      }
    }
    for (const lab of m.labels) {
      for (const b of v.bands) check(!overlap(lab.box, b.rect), `${pick}: layer label "${lab.text}" overlaps ${b.layer}`);
    }
    check(v.head && v.head.length, `${pick} has no header`);
    for (const line of v.head ?? []) {
      for (const b of v.bands) check(!overlap(line, b.rect), `the ${pick} header overlaps ${b.layer}`);
      for (const lab of m.labels) check(!overlap(line, lab.box), `the ${pick} header overlaps the layer label "${lab.text}"`);
    }
  }
  check(seen.length === 84 && new Set(seen).size === 84, `${new Set(seen).size} distinct bands over the six picks, want 84`);
  assert.deepEqual(faults, [], 'layout at 360px');
  assert.deepEqual(phone.page.problems, []);
});

test('the view attribute: "diagram" hides the table, "table" hides the diagram, "both" shows both', { timeout: TIMEOUT }, async () => {
  const cm = await demo();
  const { page } = cm;
  const host = cm.host;
  const parts = () =>
    cm.inRoot((root) => ({
      table: root.querySelectorAll('table[part=table]').length,
      svg: root.querySelectorAll('svg[part=diagram]').length,
    }));
  assert.deepEqual(await parts(), { table: 1, svg: 1 }, 'both by default');
  await host.evaluate((el) => el.setAttribute('view', 'diagram'));
  assert.deepEqual(await poll(parts, (p) => p.table === 0), { table: 0, svg: 1 }, 'view="diagram"');
  assert.equal((await drawn(cm)).flatMap((g) => g.bands).length, 84);
  await host.evaluate((el) => el.setAttribute('view', 'table'));
  assert.deepEqual(await poll(parts, (p) => p.svg === 0), { table: 1, svg: 0 }, 'view="table"');
  await host.evaluate((el) => el.setAttribute('view', 'both'));
  assert.deepEqual(await poll(parts, (p) => p.svg === 1 && p.table === 1), { table: 1, svg: 1 }, 'view="both"');
  assert.deepEqual(page.problems, []);
});
