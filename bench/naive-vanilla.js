// For reference only: a NAIVE vanilla JS table that renders EVERY row into the DOM (no
// windowing). Otherwise the same as bench/baseline-vanilla.js (same search, same click-to-sort,
// same markup and CSS, page scroll instead of a scrolling body), so the difference between the
// two is what windowing buys.
//
//   <script src="naive-vanilla.js"></script>
//   const t = NaiveTable.mount(hostElement, dataset);   // t.count(), t.firstRowName(), t.destroy()
(function (root) {
  'use strict';
  const ROW_H = 32; // px, same row height as the windowed table

  const FOLD = {};
  [
    ['àáâãäåāăą', 'a'], ['çćĉċč', 'c'], ['ďđ', 'd'], ['èéêëēĕėęě', 'e'], ['ĝğġģ', 'g'], ['ĥħ', 'h'],
    ['ìíîïĩīĭįı', 'i'], ['ĵ', 'j'], ['ķ', 'k'], ['ĺļľŀł', 'l'], ['ñńņň', 'n'], ['òóôõöøōŏő', 'o'],
    ['ŕŗř', 'r'], ['śŝşšß', 's'], ['ţťŧ', 't'], ['ùúûüũūŭůűų', 'u'], ['ŵ', 'w'], ['ýÿŷ', 'y'], ['źżž', 'z'],
  ].forEach(([from, to]) => {
    for (const c of from) FOLD[c] = to;
  });
  const NON_ASCII = /[^\u0000-\u007f]/g;
  const SEPARATORS = /[^\p{L}\p{N}]+/u;
  const words = (s) =>
    String(s).toLowerCase().replace(NON_ASCII, (c) => FOLD[c] || c).split(SEPARATORS).filter(Boolean);

  function matches(keys, q) {
    if (q.length === 0) return true;
    return keys.some((name) => q.every((qw) => name.some((w) => w.startsWith(qw))));
  }

  const STATUS = {
    'in-scope': ['✓', 'In scope', 0],
    'in-progress': ['◐', 'In progress', 1],
    'not-in-scope': ['✗', 'Not in scope', 2],
    unknown: ['?', 'Not stated', 3],
  };
  const cellOf = (c) =>
    c === undefined || c === null
      ? { status: 'unknown', label: null }
      : typeof c === 'string'
        ? { status: STATUS[c] ? c : 'unknown', label: null }
        : { status: STATUS[c.status] ? c.status : 'unknown', label: c.label || null };

  const CSS = `
.vt{font:14px/1.3 system-ui,sans-serif;color:#1b1f24}
.vt-bar{display:flex;gap:12px;align-items:center;margin:0 0 8px}
.vt-bar input{font:inherit;padding:4px 8px;width:22em}
.vt-scroll{border:1px solid #c9d1d9}
.vt table{border-collapse:separate;border-spacing:0;table-layout:fixed}
.vt th,.vt td{height:${ROW_H}px;box-sizing:border-box;padding:0 8px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis;border-bottom:1px solid #eaeef2;text-align:left;width:170px}
.vt .vt-name{width:340px;font-weight:600}
.vt thead th{position:sticky;top:0;background:#f6f8fa;z-index:1}
.vt thead button{all:unset;cursor:pointer;display:block;width:100%;overflow:hidden;text-overflow:ellipsis}
.vt thead button:focus-visible{outline:2px solid #0969da}
.vt .s-in-scope{color:#116329}.vt .s-in-progress{color:#7d4e00}.vt .s-not-in-scope{color:#a40e26}.vt .s-unknown{color:#57606a}
.vt .vt-label{margin-left:4px;color:#57606a;font-size:12px}`;

  function mount(host, ds) {
    if (!document.getElementById('vt-style')) {
      const style = document.createElement('style');
      style.id = 'vt-style';
      style.textContent = CSS;
      document.head.append(style);
    }
    const services = ds.services;
    // Precomputed once per dataset: search keys, folded names, cells.
    const progs = ds.programs.map((p, i) => ({
      i,
      id: p.id,
      name: p.name,
      lower: p.name.toLowerCase(),
      keys: [words(p.name), ...(p.aliases || []).map(words)],
      cells: services.map((s) => cellOf(p.status[s.id])),
    }));

    let query = [];
    let sortKey = null; // null | 'program' | service index
    let sortDir = 1;
    let view = progs; // filtered + sorted

    const wrap = document.createElement('div');
    wrap.className = 'vt';
    const bar = document.createElement('div');
    bar.className = 'vt-bar';
    const input = document.createElement('input');
    input.type = 'search';
    input.setAttribute('aria-label', 'Filter programs');
    input.placeholder = 'Filter programs, e.g. iso 27 or hipaa';
    input.autocomplete = 'off';
    input.spellcheck = false;
    const status = document.createElement('p');
    status.setAttribute('role', 'status');
    bar.append(input, status);
    const scroller = document.createElement('div');
    scroller.className = 'vt-scroll';
    const table = document.createElement('table');
    const thead = document.createElement('thead');
    const headRow = document.createElement('tr');
    headRow.setAttribute('aria-rowindex', '1');
    const headers = [];
    const addHeader = (label, key, cls) => {
      const th = document.createElement('th');
      th.scope = 'col';
      if (cls) th.className = cls;
      th.dataset.key = key === 'program' ? 'program' : services[key].id;
      th.setAttribute('aria-sort', 'none');
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = label;
      b.addEventListener('click', () => toggleSort(key));
      th.append(b);
      headRow.append(th);
      headers.push([th, key]);
    };
    addHeader('Program', 'program', 'vt-name');
    services.forEach((s, k) => addHeader(s.name, k));
    thead.append(headRow);
    const tbody = document.createElement('tbody');
    table.append(thead, tbody);
    scroller.append(table);
    wrap.append(bar, scroller);

    function renderRow(p, index) {
      const tr = document.createElement('tr');
      tr.dataset.program = p.id;
      tr.setAttribute('aria-rowindex', String(index + 2));
      const th = document.createElement('th');
      th.scope = 'row';
      th.className = 'vt-name';
      th.textContent = p.name;
      tr.append(th);
      for (let k = 0; k < p.cells.length; k++) {
        const c = p.cells[k];
        const st = STATUS[c.status];
        const td = document.createElement('td');
        td.className = 's-' + c.status;
        td.textContent = st[0] + ' ' + st[1];
        if (c.label) {
          const l = document.createElement('span');
          l.className = 'vt-label';
          l.textContent = c.label;
          td.append(l);
        }
        tr.append(td);
      }
      return tr;
    }

    // Renders every row of the view.
    function renderAll() {
      const frag = document.createDocumentFragment();
      for (let r = 0; r < view.length; r++) frag.append(renderRow(view[r], r));
      tbody.replaceChildren(frag);
    }

    function compare(a, b) {
      let o;
      if (sortKey === 'program') o = a.lower < b.lower ? -1 : a.lower > b.lower ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
      else o = STATUS[a.cells[sortKey].status][2] - STATUS[b.cells[sortKey].status][2];
      return o * sortDir;
    }

    function update() {
      view = query.length ? progs.filter((p) => matches(p.keys, query)) : progs.slice();
      if (sortKey !== null) view.sort(compare); // stable: ties keep seed order
      table.setAttribute('aria-rowcount', String(view.length + 1));
      status.textContent = `${view.length} of ${progs.length} programs`;
      for (const [th, key] of headers) {
        th.setAttribute('aria-sort', key === sortKey ? (sortDir > 0 ? 'ascending' : 'descending') : 'none');
      }
      renderAll();
    }

    function toggleSort(key) {
      if (sortKey !== key) {
        sortKey = key;
        sortDir = 1;
      } else if (sortDir > 0) sortDir = -1;
      else sortKey = null;
      update();
    }

    input.addEventListener('input', () => {
      query = words(input.value);
      update();
    });
    update();
    host.append(wrap);
    return {
      count: () => view.length,
      firstRowName: () => {
        const tr = tbody.querySelector('tr[data-program]');
        return tr ? tr.firstChild.textContent : null;
      },
      domRows: () => tbody.querySelectorAll('tr[data-program]').length,
      destroy: () => wrap.remove(),
    };
  }

  root.NaiveTable = { mount, words, matches };
})(typeof window !== 'undefined' ? window : globalThis);
