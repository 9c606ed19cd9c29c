// The reader's first minute, on a minimal host page (the element alone, default data): the answer
// on the first screen (position of the first row and the words above it, at 1280 × 800 and
// 390 × 844), the toolbar's menus and the About disclosure by keyboard, the table as a data grid
// (one tab stop, arrows inside), a cell that explains itself (IRAP × Amazon EKS: the 2021-04-24
// status, six revisions, identity and network as the customer's, kube-bench), a custom dataset's
// details, the phone layout at 390 and 320 px, tools in brief, right to left, German, and axe
// with every menu and the details open.
// Run: node --test --test-concurrency=1 --test-timeout=300000 tests/e2e/first-minute.test.mjs
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { session, axeViolations, eventually } from './support/matrix-page.mjs';

const T = { timeout: 90000 };
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };
const NARROWEST = { width: 320, height: 640 };

const env = session();

/** The blank host page with one default widget at `viewport`, ready. */
function open(viewport = DESKTOP, attrs = {}, widget = {}) {
  return env.widget(attrs, { viewport, widget });
}

/**
 * Where the first table row starts below the widget's top, the words a sighted reader sees above
 * it (visible text nodes, column headers included; visually hidden text and symbols are not
 * words), and the right edges of the first row's status cells.
 */
function firstScreen(cm) {
  return cm.evaluate((el) => {
    const root = el.shadowRoot;
    const row = root.querySelector('tr[data-program]');
    const top = el.getBoundingClientRect().top;
    const rowTop = row.getBoundingClientRect().top;
    let words = 0;
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const p = n.parentElement;
      if (!p || p.closest('.cm-vh, style') || getComputedStyle(p).visibility === 'hidden') continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = [...range.getClientRects()].filter((r) => r.width > 1 && r.height > 1);
      // Clipped text (visually hidden by clip-path) has a 1 × 1 box or none.
      if (!rects.length || rects[0].top >= rowTop) continue;
      words += n.textContent.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
    }
    const cells = [...row.querySelectorAll('td[data-service]')].map((td) => td.getBoundingClientRect().right);
    return { rowTop: Math.round(rowTop - top), words, cells, pageWidth: document.documentElement.scrollWidth, viewport: innerWidth };
  });
}

/** The focused element inside the widget, described. */
function focused(cm) {
  return cm.evaluate((el) => {
    const a = el.shadowRoot.activeElement;
    if (!a) return null;
    const tr = a.closest('tr');
    return {
      tag: a.localName,
      part: a.getAttribute('part') || a.closest('[part]')?.getAttribute('part') || '',
      program: tr?.dataset.program ?? null,
      service: a.dataset.service ?? null,
      key: a.closest('th')?.dataset.key ?? null,
      text: a.textContent.trim().slice(0, 40),
    };
  });
}

/** The accessibility tree's node named `name` (Chromium's, through the DevTools protocol): its
 *  role and whether it says it is expanded. */
async function axNode(page, name) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send('Accessibility.getFullAXTree');
  await cdp.detach();
  const node = nodes.find((n) => !n.ignored && n.name?.value?.trim() === name && n.properties?.some((p) => p.name === 'expanded'));
  if (!node) return null;
  return { role: node.role.value, expanded: node.properties.find((p) => p.name === 'expanded').value.value };
}

const isOpen = (cm, part) => cm.evaluate((el, p) => el.shadowRoot.querySelector(`details[part~=${p}]`).open, part);

test('1280 × 800: the first row within 240 px of the widget top under at most 80 words', T, async () => {
  const cm = await open(DESKTOP);
  const s = await firstScreen(cm);
  assert.ok(s.rowTop <= 240, `first row at ${s.rowTop} px`);
  assert.ok(s.words <= 80, `${s.words} words above the first row`);
  // The honesty stays in sight above the table: as-of date, source link, the warning with its link.
  const meta = await cm.evaluate((el) => {
    const r = el.shadowRoot;
    const firstRow = r.querySelector('tr[data-program]').getBoundingClientRect().top;
    const above = (e) => e && e.getBoundingClientRect().bottom <= firstRow && e.getBoundingClientRect().height > 0;
    const warning = r.querySelector('[part=warning]');
    return {
      asOf: above(r.querySelector('.cm-meta time[datetime="2020-04-21"]')),
      source: above(r.querySelector('.cm-meta a[href*="aws-eks-best-practices"]')),
      warning: above(warning) && /changes over time/.test(warning.textContent),
      warningLink: warning.querySelector('a')?.getAttribute('href'),
      // What is not on the first screen is in About this data, not deleted.
      notesVisible: [...r.querySelectorAll('[part=note]')].length,
    };
  });
  assert.deepEqual(meta, { asOf: true, source: true, warning: true, warningLink: 'https://aws.amazon.com/compliance/services-in-scope/', notesVisible: 0 });
  await cm.locator('details[part~=about] > summary').click();
  const about = await cm.locator('details[part~=about] .cm-panel').textContent();
  assert.match(about, /AWS Artifact/);
  assert.match(about, /e974e805520ab679521c2e8416b4c9e7d11ce101/);
  assert.match(about, /has not changed since 2021-04-24/);
  assert.deepEqual(cm.page.problems, []);
});

test('1280 × 800: one row of controls; the superseded banner and the legend share one line', T, async () => {
  const cm = await open(DESKTOP);
  const rows = await cm.evaluate((el) => {
    const r = el.shadowRoot;
    const tops = (sel) => [...r.querySelectorAll(sel)].map((e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2));
    const controls = tops('input[part=search], select[part=status-filter], .cm-controls > details > summary, [part=count]');
    const banner = r.querySelector('[part=superseded]').getBoundingClientRect();
    const legend = r.querySelector('[part=legend]').getBoundingClientRect();
    const line = parseFloat(getComputedStyle(r.querySelector('[part=superseded]')).lineHeight);
    return { controls, bannerHeight: banner.height, line, legendTop: legend.top, legendHeight: legend.height, bannerTop: banner.top };
  });
  // Search, status, Filters, History, Columns, Export and the count: one line (centres within 6 px).
  assert.equal(rows.controls.length, 7);
  assert.ok(Math.max(...rows.controls) - Math.min(...rows.controls) <= 6, `controls at ${rows.controls}`);
  // The banner is one line with its button, and the legend sits beside it.
  assert.ok(rows.bannerHeight < 2 * rows.line + 12, `banner ${rows.bannerHeight} px high (line ${rows.line})`);
  assert.ok(Math.abs(rows.legendTop + rows.legendHeight / 2 - (rows.bannerTop + rows.bannerHeight / 2)) < 8);
  assert.ok(rows.legendHeight < 30, `legend ${rows.legendHeight} px high`);
});

test('390 × 844: the first row within 420 px, all four services beside the program, nothing sideways', T, async () => {
  const cm = await open(PHONE);
  const s = await firstScreen(cm);
  assert.ok(s.rowTop <= 420, `first row at ${s.rowTop} px`);
  assert.equal(s.cells.length, 4);
  assert.ok(s.cells.every((right) => right <= PHONE.width), `cell right edges ${s.cells}`);
  assert.equal(s.pageWidth, PHONE.width, 'no sideways page scroll');
  // The table fits its frame: no scroll box, no sideways scrolling inside it either.
  const wrap = await cm.evaluate((el) => {
    const w = el.shadowRoot.querySelector('[part=table-wrap]');
    return { scrolls: w.scrollWidth > w.clientWidth + 1, overflowX: getComputedStyle(w).overflowX };
  });
  assert.deepEqual(wrap, { scrolls: false, overflowX: 'clip' });
  // Short names in the header, the full names as the accessible names; symbols with their word
  // for assistive technology.
  const header = await cm.evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('th.cm-col-service button')].map((b) => ({
      shown: b.querySelector('.cm-name-short')?.textContent,
      full: b.querySelector('.cm-name-full')?.textContent,
      fullHidden: !!b.querySelector('.cm-name-full') && getComputedStyle(b.querySelector('.cm-name-full')).clipPath !== 'none',
    })),
  );
  // "ECS Fargate" is short already: it keeps its one name.
  assert.deepEqual(header.map((h) => [h.shown, h.full]), [['ECS', 'Amazon ECS'], ['EKS', 'Amazon EKS'], [undefined, undefined], ['ECR', 'Amazon ECR']]);
  assert.ok(header.filter((h) => h.full).every((h) => h.fullHidden));
  const names = await cm.page.locator('compliance-matrix th.cm-col-service button').evaluateAll((bs) => bs.map((b) => b.textContent.replace(/[↕▲▼]/g, '').trim()));
  assert.deepEqual(names, ['Amazon ECSECS', 'Amazon EKSEKS', 'ECS Fargate', 'Amazon ECRECR']);
  const cell = cm.locator('tr[data-program=irap] td[data-service=eks]');
  assert.equal(await cell.evaluate((td) => getComputedStyle(td.querySelector('.cm-st')).clipPath !== 'none'), true);
  assert.match(await cell.textContent(), /Not in scope/);
  assert.deepEqual(cm.page.problems, []);
});

test('390 and 320 px: the search has a line, the menus the next; the diagram shows one variant that fits', T, async () => {
  for (const viewport of [PHONE, NARROWEST]) {
    const cm = await open(viewport);
    const layout = await cm.evaluate((el) => {
      const r = el.shadowRoot;
      const mid = (e) => Math.round(e.getBoundingClientRect().top + e.getBoundingClientRect().height / 2);
      const menus = [...r.querySelectorAll('.cm-controls > details > summary')].map(mid);
      const svg = r.querySelector('svg[part=diagram]');
      const wrap = r.querySelector('[part=diagram-wrap]');
      return {
        search: mid(r.querySelector('input[part=search]')),
        menus,
        statusInToolbar: !!r.querySelector('.cm-controls select[part=status-filter]'),
        variants: [...r.querySelectorAll('svg[part=diagram] g[data-variant]')].map((g) => g.dataset.variant),
        picker: !!r.querySelector('select[part=variant-picker]'),
        svgFits: svg.getBoundingClientRect().right <= wrap.getBoundingClientRect().right + 1,
        diagramScrolls: wrap.scrollWidth > wrap.clientWidth + 1,
        labelPx: Math.min(...[...svg.querySelectorAll('text')].map((t) => parseFloat(getComputedStyle(t).fontSize) * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width)),
        pageWidth: document.documentElement.scrollWidth,
      };
    });
    assert.ok(layout.menus.length >= 4);
    assert.ok(layout.menus.every((m) => m > layout.search + 10), 'the menus are below the search line');
    if (viewport === PHONE) assert.ok(Math.max(...layout.menus) - Math.min(...layout.menus) <= 6, `menus on one line at 390: ${layout.menus}`);
    assert.equal(layout.statusInToolbar, false, 'the status filter is inside Filters on a phone');
    assert.deepEqual(layout.variants, ['ecs-ec2']);
    assert.equal(layout.picker, true);
    assert.equal(layout.svgFits, true);
    assert.equal(layout.diagramScrolls, false);
    assert.ok(layout.labelPx >= 11.9, `diagram text drawn at ${layout.labelPx} px`);
    assert.equal(layout.pageWidth, viewport.width, `nothing wider than ${viewport.width} px`);
    // The picker shows another variant; the status filter is in the Filters panel.
    await cm.locator('select[part=variant-picker]').selectOption('eks-fargate');
    await eventually(() => cm.evaluate((el) => [...el.shadowRoot.querySelectorAll('svg[part=diagram] g[data-variant]')].map((g) => g.dataset.variant)), ['eks-fargate']);
    await cm.locator('details[part~=filters] > summary').click();
    await cm.locator('details[part~=filters] select[part=status-filter]').selectOption('fargate:not-in-scope');
    await cm.expectCount('8 of 20 programs');
    assert.match(await cm.locator('details[part~=filters] > summary').textContent(), /1/);
    const s = await firstScreen(cm);
    assert.equal(s.cells.length, 4, `all four services at ${viewport.width} px`);
    assert.ok(s.cells.every((right) => right <= viewport.width));
    assert.deepEqual(cm.page.problems, []);
    await cm.page.close();
  }
});

test('the keyboard: ten stops before the table, the table one stop, arrows inside, Tab leaves it', T, async () => {
  const cm = await open(DESKTOP);
  const stops = [];
  for (let i = 0; i < 11; i++) {
    await cm.page.keyboard.press('Tab');
    stops.push(await focused(cm));
  }
  const desc = (f) => (f.tag === 'a' ? `a in ${f.part}` : f.tag === 'summary' ? `${f.part} menu` : f.part || f.tag);
  assert.deepEqual(stops.slice(0, 10).map(desc), [
    'about menu', 'a in root', 'a in warning', 'search', 'status-filter', 'filters menu', 'history menu', 'columns menu', 'export menu', 'show-latest',
  ]);
  assert.equal(stops[10].program, 'pci-dss-level-1');
  assert.equal(stops[10].service, 'ecs');
  const tabbable = await cm.evaluate((el) => el.shadowRoot.querySelectorAll('table [tabindex="0"]').length);
  assert.equal(tabbable, 1, 'one tab stop in the table');
  const at = async () => {
    const f = await focused(cm);
    return f.key && !f.program ? `header ${f.key}` : `${f.program} ${f.service ?? (f.tag === 'th' ? 'program' : 'coverage')}`;
  };
  const moves = [];
  for (const key of ['ArrowDown', 'ArrowRight', 'ArrowUp', 'ArrowUp', 'End', 'Control+End', 'Control+Home', 'ArrowDown', 'End', 'Home', 'PageDown', 'ArrowLeft']) {
    await cm.page.keyboard.press(key);
    moves.push(`${key}: ${await at()}`);
  }
  assert.deepEqual(moves, [
    'ArrowDown: hipaa-eligible ecs',
    'ArrowRight: hipaa-eligible eks',
    'ArrowUp: pci-dss-level-1 eks',
    'ArrowUp: header eks',
    'End: header coverage',
    'Control+End: hitrust-csf coverage',
    'Control+Home: header program',
    'ArrowDown: pci-dss-level-1 program',
    'End: pci-dss-level-1 coverage',
    'Home: pci-dss-level-1 program',
    'PageDown: fedramp-moderate program',
    'ArrowLeft: fedramp-moderate program',
  ]);
  // Enter on a header's button still sorts.
  await cm.page.keyboard.press('Control+Home');
  await cm.page.keyboard.press('Enter');
  await eventually(() => cm.evaluate((el) => el.shadowRoot.querySelector('th[data-key=program]').getAttribute('aria-sort')), 'ascending');
  // The tab stop followed focus; Tab leaves the table in one press.
  assert.equal(await cm.evaluate((el) => el.shadowRoot.querySelector('table [tabindex="0"]')?.closest('th')?.dataset.key), 'program');
  await cm.page.keyboard.press('Tab');
  const after = await focused(cm);
  assert.equal(after.program, null, 'focus left the table');
  assert.notEqual(after.tag, 'td');
  assert.deepEqual(cm.page.problems, []);
});

test('every menu and About open by keyboard, are announced as expanded, close on Escape and return focus', T, async () => {
  const cm = await open(DESKTOP);
  for (const part of ['about', 'filters', 'history', 'columns', 'export']) {
    const summary = cm.locator(`details[part~=${part}] > summary`);
    await summary.focus();
    const name = (await summary.textContent()).trim();
    assert.deepEqual(await axNode(cm.page, name), { role: 'DisclosureTriangle', expanded: false }, `${part} announced collapsed`);
    await cm.page.keyboard.press('Enter');
    await eventually(() => isOpen(cm, part), true, `${part} opens`);
    assert.deepEqual(await axNode(cm.page, name), { role: 'DisclosureTriangle', expanded: true }, `${part} announced expanded`);
    await cm.page.keyboard.press('Tab');
    const inside = await cm.evaluate((el, p) => el.shadowRoot.querySelector(`details[part~=${p}]`).contains(el.shadowRoot.activeElement), part);
    assert.equal(inside, true, `Tab goes into ${part}'s panel`);
    await cm.page.keyboard.press('Escape');
    await eventually(() => isOpen(cm, part), false, `${part} closes on Escape`);
    const f = await focused(cm);
    assert.equal(f.tag, 'summary', `focus back on ${part}'s summary`);
    assert.equal(f.part, part);
  }
  // A pointer pressed outside closes an open menu; opening one closes the other.
  await cm.locator('details[part~=export] > summary').click();
  await cm.locator('details[part~=filters] > summary').click();
  assert.deepEqual([await isOpen(cm, 'export'), await isOpen(cm, 'filters')], [false, true]);
  await cm.page.mouse.click(5, 790);
  await eventually(() => isOpen(cm, 'filters'), false, 'a click on the page closes it');
  // The Filters count says how many filters are on.
  await cm.locator('details[part~=filters] > summary').click();
  await cm.chip('jurisdiction:us').click();
  await cm.gapsBox.check();
  await eventually(() => cm.locator('details[part~=filters] > summary .cm-count-badge').textContent(), '2 active');
  // The Export menu downloads, copies and prints.
  await cm.page.keyboard.press('Escape');
  await cm.locator('details[part~=export] > summary').click();
  const items = await cm.evaluate((el) => [...el.shadowRoot.querySelectorAll('details[part~=export] .cm-panel button')].map((b) => b.dataset.export || b.getAttribute('part')));
  assert.deepEqual(items, ['csv', 'json', 'markdown', 'copy-link', 'print', 'load-data']);
  assert.deepEqual(cm.page.problems, []);
});

/** Opens the details of a cell by keyboard (focus, Enter) and returns their text. */
async function openDetails(cm, program, service) {
  const cell = cm.locator(`tr[data-program=${program}] td[data-service=${service}]`);
  await cell.focus();
  await cm.page.keyboard.press('Enter');
  const details = cm.locator('[part~=cell-details]');
  await details.waitFor();
  return details;
}

test('IRAP × Amazon EKS explains itself: the source, the six revisions, who secures what, kube-bench', T, async () => {
  const cm = await open(DESKTOP);
  const details = await openDetails(cm, 'irap', 'eks');
  assert.equal(await details.getAttribute('role'), 'dialog');
  assert.equal((await focused(cm)).part, 'cell-details', 'focus moves into the dialog');
  const d = await details.evaluate((el) => ({
    name: el.getRootNode().getElementById(el.getAttribute('aria-labelledby')).textContent,
    status: el.querySelector('dd').textContent,
    revisions: [...el.querySelectorAll('[part=timeline] li')].map((li) => [li.dataset.revision, li.querySelector('.cm-badge')?.className.split(' ')[1], li.textContent.includes('shown')]),
    duties: [...el.querySelectorAll('.cm-duty')].map((dl) => ({
      variant: dl.dataset.variant,
      customer: [...dl.querySelectorAll('dt')].find((dt) => dt.textContent === 'Customer')?.nextElementSibling.textContent,
      aws: [...dl.querySelectorAll('dt')].find((dt) => dt.textContent === 'AWS')?.nextElementSibling.textContent,
    })),
    tools: [...el.querySelectorAll('[data-tool]')].map((li) => li.dataset.tool),
    sources: [...el.querySelectorAll('.cm-sources li')].map((li) => li.textContent),
    below: el.getBoundingClientRect().top >= el.getRootNode().querySelector('tr[data-program=irap] td[data-service=eks]').getBoundingClientRect().bottom - 1,
  }));
  assert.equal(d.name, 'IRAP · Amazon EKS');
  assert.match(d.status, /Not in scope/);
  assert.match(d.status, /The source writes “0”/);
  assert.match(d.status, /Later: In scope, 2021-04-24/);
  assert.deepEqual(d.revisions, [
    ['2020-03-25', 'cm-not-in-scope', false],
    ['2020-04-21', 'cm-not-in-scope', true],
    ['2020-04-24', 'cm-not-in-scope', false],
    ['2020-10-06', 'cm-not-in-scope', false],
    ['2020-10-13', 'cm-not-in-scope', false],
    ['2021-04-24', 'cm-in-scope', false],
  ]);
  assert.deepEqual(d.duties.map((x) => x.variant), ['eks-self-managed', 'eks-managed-nodes', 'eks-fargate']);
  for (const duty of d.duties) {
    assert.match(duty.customer, /Identity and access/);
    assert.match(duty.customer, /Network configuration/);
    assert.match(duty.aws, /Orchestration control plane/);
  }
  assert.ok(d.tools.includes('kube-bench'), `tools ${d.tools}`);
  assert.match(d.sources[0], /Amazon EKS Best Practices Guide — Compliance · As of Apr 21, 2020/);
  assert.ok(d.sources.some((s) => /\(read Dec 1, 2026\)/.test(s)), 'the model pages with the day they were read');
  assert.equal(d.below, true, 'anchored under its cell');
  // Show in the diagram highlights the service's variants and brings the diagram into view.
  await details.locator('[part=show-in-diagram]').click();
  await eventually(() => cm.evaluate((el) => [...el.shadowRoot.querySelectorAll('svg[part=diagram] g[data-variant][data-highlighted]')].map((g) => g.dataset.variant)), ['eks-self-managed', 'eks-managed-nodes', 'eks-fargate']);
  assert.equal((await focused(cm)).tag, 'svg');
  // Enter on the cell again brings focus back into its details; Escape returns it to the cell, so
  // does the close button.
  await openDetails(cm, 'irap', 'eks');
  assert.equal((await focused(cm)).part, 'cell-details');
  await cm.page.keyboard.press('Escape');
  await eventually(() => cm.locator('[part~=cell-details]').count(), 0);
  assert.deepEqual(await focused(cm).then((f) => [f.program, f.service]), ['irap', 'eks']);
  await (await openDetails(cm, 'ospar', 'ecr')).locator('button.cm-close').click();
  await eventually(() => cm.locator('[part~=cell-details]').count(), 0);
  assert.deepEqual(await focused(cm).then((f) => [f.program, f.service]), ['ospar', 'ecr']);
  // A click opens a cell's details too; another cell's replaces them.
  await cm.locator('tr[data-program=fedramp-moderate] td[data-service=eks]').click();
  assert.match(await cm.locator('[part~=cell-details]').textContent(), /The source writes “3PAO Assessment”/);
  assert.deepEqual(cm.page.problems, []);
});

test('a dataset the diagram does not know: its details say so and show what there is', T, async () => {
  const data = {
    title: 'Our services',
    as_of: '2026-11-30',
    source: { title: 'Internal audit register', url: 'https://intranet.example.com/audit' },
    services: [{ id: 'payroll', name: 'Payroll' }, { id: 'ecs', name: 'Amazon ECS' }],
    programs: [{ id: 'soc-2', name: 'SOC 2', note: 'Bridge letter until March.', status: { payroll: { status: 'in-progress', label: 'Type II fieldwork' }, ecs: 'in-scope' } }],
  };
  const cm = await env.widget({}, { viewport: DESKTOP, widget: { data } });
  const details = await openDetails(cm, 'soc-2', 'payroll');
  const text = await details.textContent();
  assert.match(text, /SOC 2 · Payroll/);
  assert.match(text, /The source writes “Type II fieldwork”/);
  assert.match(text, /Bridge letter until March\./);
  assert.match(text, /it has nothing on Payroll/);
  assert.equal(await details.locator('[part=timeline]').count(), 0, 'no revisions for the page\'s own data');
  assert.equal(await details.locator('.cm-duty').count(), 0);
  assert.match(await details.locator('.cm-sources').textContent(), /Internal audit register · As of Nov 30, 2026/);
  // The same dataset's ECS cell has the diagram's two ECS variants.
  await cm.page.keyboard.press('Escape');
  const ecs = await openDetails(cm, 'soc-2', 'ecs');
  assert.deepEqual(await ecs.evaluate((el) => [...el.querySelectorAll('.cm-duty')].map((d) => d.dataset.variant)), ['ecs-ec2', 'ecs-fargate']);
  assert.deepEqual(cm.page.problems, []);
});

test('short cells: no sentence under a program name or in a cell; markers point to the details', T, async () => {
  const cm = await open(DESKTOP);
  const cells = await cm.evaluate((el) => {
    const r = el.shadowRoot;
    const visibleWords = (e) => {
      let n = 0;
      const w = document.createTreeWalker(e, NodeFilter.SHOW_TEXT);
      for (let t = w.nextNode(); t; t = w.nextNode()) if (!t.parentElement.closest('.cm-vh')) n += t.textContent.split(/\s+/).filter((x) => /[\p{L}\p{N}]/u.test(x)).length;
      return n;
    };
    return {
      longestCell: Math.max(...[...r.querySelectorAll('td[data-service]')].map(visibleWords)),
      longestName: Math.max(...[...r.querySelectorAll('tbody th')].map(visibleWords)),
      superseded: [...r.querySelectorAll('td[data-superseded]')].map((td) => `${td.closest('tr').dataset.program}:${td.dataset.superseded}:${td.querySelector('[part=later]').textContent}`),
      noteMarks: [...r.querySelectorAll('tbody th .cm-note-mark')].length,
      rowHeights: [...r.querySelectorAll('tr[data-program]')].map((tr) => tr.getBoundingClientRect().height),
    };
  });
  assert.ok(cells.longestCell <= 4, `a cell shows ${cells.longestCell} words`);
  assert.ok(cells.longestName <= 4, `a program header shows ${cells.longestName} words`);
  assert.deepEqual(cells.superseded, [
    'irap:in-scope:›✓Later: In scope, 2021-04-24',
    'fedramp-moderate:in-scope:›✓Later: In scope, 2021-04-24',
    'fedramp-high:in-scope:›✓Later: In scope, 2021-04-24',
    'dod-cc-srg:in-progress:›◐Later: In progress (DISA Review (IL5)), 2021-04-24',
    'ospar:in-scope:›✓Later: In scope, 2021-04-24',
  ]);
  assert.equal(cells.noteMarks, 6, 'the six programs with a note are marked');
  assert.ok(Math.max(...cells.rowHeights) < 70, `rows at most two lines: ${Math.max(...cells.rowHeights)} px`);
});

test('a table shown whole has no scroll box: the page scrolls and the header sticks', T, async () => {
  const cm = await open({ width: 1280, height: 500 });
  const wrap = await cm.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector('[part=table-wrap]')).overflowY);
  assert.equal(wrap, 'clip');
  await cm.page.mouse.wheel(0, 600);
  await cm.page.waitForTimeout(200);
  const header = await cm.evaluate((el) => {
    const th = el.shadowRoot.querySelector('thead th');
    const table = el.shadowRoot.querySelector('table[part=table]').getBoundingClientRect();
    return { top: Math.round(th.getBoundingClientRect().top), tableTop: Math.round(table.top), scrollY };
  });
  assert.ok(header.scrollY > 0, 'the page scrolled');
  assert.ok(header.tableTop < 0, 'the table top left the viewport');
  assert.equal(header.top, 0, 'the header row sticks to the top of the page');
});

test('every menu opens under its button and inside the widget at 1280, 700 and 640 px, both directions', { timeout: 180000 }, async () => {
  const { MatrixPage } = await import('./support/matrix-page.mjs');
  for (const dir of ['ltr', 'rtl']) {
    for (const width of [1280, 700, 640]) {
      const page = await env.page({ viewport: { width, height: 800 } });
      await page.goto(`${env.base}/tests/e2e/fixtures/blank.html`);
      await page.evaluate((d) => document.documentElement.setAttribute('dir', d), dir);
      const cm = await MatrixPage.add(page);
      await cm.ready();
      for (const menu of ['filters', 'history', 'columns', 'export']) {
        await cm.openMenu(menu);
        const box = await cm.evaluate((el, m) => {
          const r = el.shadowRoot;
          const panel = r.querySelector(`details[part~="${m}"] > .cm-panel`).getBoundingClientRect();
          const button = r.querySelector(`details[part~="${m}"] > summary`).getBoundingClientRect();
          const frame = r.querySelector('[part=toolbar]').getBoundingClientRect();
          return { panel: [panel.left, panel.right, panel.top], button: [button.left, button.right, button.bottom], frame: [frame.left, frame.right] };
        }, menu);
        const at = `${menu} at ${width} px, ${dir}: ${JSON.stringify(box)}`;
        assert.ok(box.panel[0] >= box.frame[0] - 1 && box.panel[1] <= box.frame[1] + 1, `inside the toolbar: ${at}`);
        assert.ok(Math.abs(box.panel[2] - box.button[2] - 4) <= 1, `just under its button: ${at}`);
        // Under the button: the panel covers some of its width.
        assert.ok(box.panel[0] < box.button[1] && box.panel[1] > box.button[0], `under its button: ${at}`);
        await cm.closeMenus();
      }
      assert.deepEqual(page.problems, []);
      await page.close();
    }
  }
});

test('at the end of a page a short table\'s menu is not cut off: the page scrolls to its last control', T, async () => {
  const cm = await open({ width: 1280, height: 700 }, { query: 'ospar' });
  await cm.openFilters();
  const gaps = cm.gapsBox;
  await gaps.click();
  assert.equal(await gaps.isChecked(), true, 'the last control of Filters is reached and used');
  const reach = await cm.evaluate((el) => {
    const panel = el.shadowRoot.querySelector('details[part~=filters] > .cm-panel').getBoundingClientRect();
    return { bottom: panel.bottom + scrollY, page: document.documentElement.scrollHeight };
  });
  assert.ok(reach.bottom <= reach.page, `the page is as long as the open panel: ${JSON.stringify(reach)}`);
});

test('a long unbroken program name wraps: the column that stays in place leaves room for the cells', T, async () => {
  const long = 'Programme'.repeat(20);
  const data = {
    title: 'Long names',
    as_of: '2026-11-30',
    source: { title: 'Register', url: 'https://intranet.example.com/register' },
    services: ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => ({ id, name: `Service ${id.toUpperCase()} with a long name` })),
    programs: [{ id: 'long', name: long, status: Object.fromEntries(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((id) => [id, 'in-scope'])) }],
  };
  for (const viewport of [DESKTOP, { width: 700, height: 800 }]) {
    const cm = await env.widget({}, { viewport, widget: { data } });
    const box = await cm.evaluate((el) => {
      const r = el.shadowRoot;
      const th = r.querySelector('tr[data-program=long] th').getBoundingClientRect();
      const wrap = r.querySelector('[part=table-wrap]').getBoundingClientRect();
      return { th: th.width, wrap: wrap.width };
    });
    assert.ok(box.th <= box.wrap / 2, `the program column takes at most half the frame: ${JSON.stringify(box)}`);
    assert.deepEqual(cm.page.problems, []);
  }
});

test('tools in brief: a name, one line of what it checks, where it applies; the rest behind a disclosure', T, async () => {
  const cm = await open(DESKTOP);
  const tools = await cm.evaluate((el) => [...el.shadowRoot.querySelectorAll('.cm-tool')].map((li) => {
    const summary = li.querySelector('.cm-tool-summary');
    return {
      id: li.dataset.tool,
      lines: Math.round(summary.getBoundingClientRect().height / parseFloat(getComputedStyle(summary).lineHeight)),
      labels: li.querySelectorAll('.cm-labels li').length,
      more: li.querySelector('details.cm-tool-more')?.open,
      checksHidden: !li.querySelector('.cm-tool-checks').checkVisibility(),
    };
  }));
  assert.deepEqual(tools.map((x) => x.id), ['kube-bench', 'docker-bench-security', 'actuary', 'amazon-inspector']);
  for (const x of tools) {
    assert.equal(x.lines, 1, `${x.id}: ${x.lines} lines`);
    assert.ok(x.labels >= 3, `${x.id}: its layers and variants as labels`);
    assert.equal(x.more, false);
    assert.equal(x.checksHidden, true);
  }
  await cm.locator('.cm-tool[data-tool=kube-bench] details > summary').click();
  assert.match(await cm.locator('.cm-tool[data-tool=kube-bench] .cm-tool-checks').textContent(), /CIS Amazon EKS Benchmark/);
});

test('right to left: the details open under their cell, the arrows follow the screen', T, async () => {
  const page = await env.page({ viewport: DESKTOP });
  await page.goto(`${env.base}/tests/e2e/fixtures/blank.html`);
  await page.evaluate(() => document.documentElement.setAttribute('dir', 'rtl'));
  const { MatrixPage } = await import('./support/matrix-page.mjs');
  const cm = await MatrixPage.add(page);
  await cm.ready();
  const cell = cm.locator('tr[data-program=irap] td[data-service=ecs]');
  await cell.focus();
  await page.keyboard.press('ArrowLeft');
  assert.equal((await focused(cm)).service, 'eks', 'ArrowLeft moves on to the next column on a right-to-left page');
  await page.keyboard.press('Enter');
  const box = await cm.evaluate((el) => {
    const d = el.shadowRoot.querySelector('[part~=cell-details]').getBoundingClientRect();
    const c = el.shadowRoot.querySelector('tr[data-program=irap] td[data-service=eks]').getBoundingClientRect();
    return { dRight: Math.round(d.right), cRight: Math.round(c.right), below: d.top >= c.bottom - 1 };
  });
  assert.equal(box.below, true);
  assert.ok(Math.abs(box.dRight - box.cRight) <= 2 || box.dRight <= box.cRight, `the dialog starts at the cell's start edge: ${JSON.stringify(box)}`);
  assert.deepEqual(page.problems, []);
});

test('German: the menus, the grid hint and the details speak the reader\'s language', T, async () => {
  const cm = await env.widget({ lang: 'de' }, { viewport: DESKTOP });
  assert.match(await cm.locator('details[part~=filters] > summary').textContent(), /Filter/);
  assert.match(await cm.locator('details[part~=about] > summary').textContent(), /Über diese Daten|Zu diesen Daten|Über die Daten/);
  const details = await openDetails(cm, 'irap', 'eks');
  const text = await details.textContent();
  assert.doesNotMatch(text, /In each revision|Who secures what|The source writes/);
  assert.match(text, /IRAP · Amazon EKS/);
  assert.deepEqual(cm.page.problems, []);
});

test('axe-core 4.14.1 finds nothing with each menu, About and the details open, at 1280 and 390 px', { timeout: 180000 }, async () => {
  for (const viewport of [DESKTOP, PHONE]) {
    // A well-formed host page (a title, one h1, a main landmark): axe then reports the widget alone.
    const cm = await env.widget({}, { viewport, path: '/tests/hosts/a11y/index.html' });
    const problems = [];
    const check = async (what) => {
      const v = await axeViolations(cm.page);
      if (v.length) problems.push(`${viewport.width} px, ${what}: ${v.join('; ')}`);
    };
    await check('all closed');
    for (const part of ['about', 'filters', 'history', 'columns', 'export']) {
      await cm.locator(`details[part~=${part}] > summary`).click();
      await eventually(() => isOpen(cm, part), true);
      await check(`${part} open`);
      await cm.page.keyboard.press('Escape');
    }
    await openDetails(cm, 'irap', 'eks');
    await cm.locator('[part~=cell-details] .cm-sources > summary').click();
    await check('details open');
    assert.deepEqual(problems, []);
    await cm.page.close();
  }
});

test('a long list is a grid too: Ctrl+End reaches its last row, Ctrl+Home its header, Enter the details', T, async () => {
  const programs = Array.from({ length: 2000 }, (_, i) => ({ id: `p-${i}`, name: `Program ${i}`, status: { ecs: i % 3 ? 'in-scope' : 'not-in-scope', eks: 'in-progress' } }));
  const data = { title: 'Long', as_of: '2026-11-30', source: { title: 'Generated', url: 'https://intranet.example.com/long' }, services: [{ id: 'ecs', name: 'Amazon ECS' }, { id: 'eks', name: 'Amazon EKS' }], programs };
  const cm = await env.widget({}, { viewport: DESKTOP, widget: { data } });
  assert.equal(await cm.evaluate((el) => el.shadowRoot.querySelector('[part=table-wrap]').classList.contains('cm-windowed')), true);
  await cm.locator('tr[data-program=p-0] td[data-service=ecs]').focus();
  await cm.page.keyboard.press('Control+End');
  await eventually(() => focused(cm).then((f) => `${f?.program} ${f?.service ?? ''}`), 'p-1999 ');
  assert.equal(await cm.evaluate((el) => el.shadowRoot.activeElement.classList.contains('cm-coverage')), true);
  await cm.page.keyboard.press('Home');
  await cm.page.keyboard.press('ArrowRight');
  // Opening the details keeps the table as it is: the same scroller, scrolled where it was.
  await cm.evaluate((el) => { el.shadowRoot.querySelector('[part=table-wrap]').kept = true; });
  await cm.page.keyboard.press('Enter');
  await cm.locator('[part~=cell-details]').waitFor();
  assert.deepEqual(await cm.evaluate((el) => { const w = el.shadowRoot.querySelector('[part=table-wrap]'); return [w.kept, w.scrollTop > 80000]; }), [true, true]);
  assert.match(await cm.locator('[part~=cell-details] h3').textContent(), /Program 1999 · Amazon ECS/);
  await cm.page.keyboard.press('Escape');
  assert.deepEqual(await focused(cm).then((f) => [f.program, f.service]), ['p-1999', 'ecs']);
  await cm.page.keyboard.press('Control+Home');
  await eventually(() => focused(cm).then((f) => f?.key), 'program');
  await cm.page.keyboard.press('ArrowDown');
  await eventually(() => focused(cm).then((f) => f?.program), 'p-0');
  assert.deepEqual(cm.page.problems, []);
});
