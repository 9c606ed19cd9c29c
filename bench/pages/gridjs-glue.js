// Grid.js 6 set up like the widget: program + one column per service, search: true, sort: true,
// pagination: false. The aliases ride along in a hidden column that the search looks at
// (ignoreHiddenColumns: false), so the built-in search sees the same text as the widget's;
// Grid.js matches substrings rather than word starts (the benchmark query finds the same rows
// either way; bench/run.mjs checks the row count).
/* global gridjs, BenchGlue */
function mountGridjs(host, ds) {
  const rows = BenchGlue.toRows(ds);
  const grid = new gridjs.Grid({
    columns: [
      { id: 'name', name: 'Program' },
      ...ds.services.map((s) => ({ id: s.id, name: s.name })),
      { id: 'aliases', name: 'Aliases', hidden: true },
    ],
    data: rows,
    search: { ignoreHiddenColumns: false },
    sort: true,
    pagination: false,
  });
  grid.render(host);
  const first = () => host.querySelector('tbody.gridjs-tbody tr.gridjs-tr td.gridjs-td');
  return {
    grid,
    firstRowName() {
      const n = first();
      return n ? n.textContent : null;
    },
    rowCount: () => host.querySelectorAll('tbody.gridjs-tbody tr.gridjs-tr').length,
    domRows: () => host.querySelectorAll('tbody.gridjs-tbody tr.gridjs-tr').length,
  };
}
