// Tabulator 6 set up like the widget: program + one column per service, header click sorts
// (Tabulator's own string sorter), virtual DOM on (the default; it needs a fixed height, the same
// 640 px as the windowed vanilla table), layout fitDataFill, and a search box that calls
// table.setFilter with a custom function doing the widget's word-start search (BenchGlue).
/* global Tabulator, BenchGlue */
function mountTabulator(tableEl, input, ds) {
  const rows = BenchGlue.toRows(ds);
  const table = new Tabulator(tableEl, {
    data: rows,
    index: 'id',
    height: '640px',
    layout: 'fitDataFill',
    columns: [
      { title: 'Program', field: 'name', headerSort: true, frozen: false },
      ...ds.services.map((s) => ({ title: s.name, field: s.id, headerSort: true })),
    ],
  });
  input.addEventListener('input', () => {
    const q = BenchGlue.words(input.value);
    if (q.length === 0) table.clearFilter();
    else table.setFilter((data) => BenchGlue.matches(data._k, q));
  });
  return {
    table,
    firstRowName() {
      const n = tableEl.querySelector('.tabulator-row .tabulator-cell[tabulator-field="name"]');
      return n ? n.textContent : null;
    },
    rowCount: () => table.getDataCount('active'),
    domRows: () => tableEl.querySelectorAll('.tabulator-row').length,
  };
}
