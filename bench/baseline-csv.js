// The CSV reader of the benchmark's CSV floor (bench/pages/vanilla-csv.html): a CSV table → a
// dataset in the JSON schema bench/baseline-vanilla.js mounts. A file of its own, so the windowed
// floor of the JSON datasets transfers what it did before.
//
//   <script src="baseline-csv.js"></script>
//   const dataset = VanillaCsv.parse(csvText);
(function (root) {
  'use strict';

  /**
   * A CSV table → a dataset in the JSON schema `mount` takes. RFC 4180: fields separated by `,`;
   * a field may be quoted with `"` (then it may hold `,`, CR, LF, and `""` for one `"`); CRLF, LF
   * or CR line ends, a trailing line end or none; a UTF-8 byte-order mark and blank lines are
   * skipped. The table as the widget's CSV reader reads it (docs/data-format.md): a header row
   * (the program column, then one column per service name), one row per program; names and
   * cells trimmed; a field starting with `'` before `=`, `+`, `-`, `@`, tab, CR or `'` loses that
   * one `'` (the widget's export writes it to defuse spreadsheet formulas). Cells as the widget's
   * export writes them: `1` → in scope, `0` → not in scope, empty → unknown, any
   * other text → in progress with the text as its label. Ids are index-based (`s0`…, `p0`…);
   * no aliases, tags or notes. Throws on what the widget refuses too (an unclosed quote, text
   * after a closing quote, a stray `"`, a row with another number of cells than the header, an
   * empty program name, no service column), naming the line.
   */
  function parse(text) {
    const s = String(text);
    const n = s.length;
    const lineAt = (pos) => {
      let l = 1;
      for (let k = s.indexOf('\n'); k >= 0 && k < pos; k = s.indexOf('\n', k + 1)) l++;
      return l;
    };
    const fail = (pos, msg) => {
      throw new Error(`CSV line ${lineAt(pos)}: ${msg}`);
    };
    const rows = [];
    const starts = []; // where each row starts (for errors only)
    const unquote = (cells) => {
      for (let k = 0; k < cells.length; k++) {
        const f = cells[k];
        if (f.length > 1 && f.charCodeAt(0) === 39 /* ' */ && "=+@-\t\r'".includes(f.charAt(1))) cells[k] = f.slice(1);
      }
      return cells;
    };
    // The next LF, `"`, CR and `'` at or after the current row (-1: none left), each searched
    // again only once the rows have passed it, so the scan stays linear.
    const next = (at, ch, from) => (at !== -1 && at < from ? s.indexOf(ch, from) : at);
    let i = s.charCodeAt(0) === 0xfeff ? 1 : 0;
    let nextLf = s.indexOf('\n', i);
    let quote = s.indexOf('"', i);
    let cr = s.indexOf('\r', i);
    let apos = s.indexOf("'", i);
    while (i < n) {
      const start = i;
      let cells;
      nextLf = next(nextLf, '\n', i);
      const lf = nextLf === -1 ? n : nextLf;
      const end = lf > i && s.charCodeAt(lf - 1) === 13 ? lf - 1 : lf;
      quote = next(quote, '"', i);
      cr = next(cr, '\r', i);
      if ((quote === -1 || quote >= end) && (cr === -1 || cr >= end)) {
        // The common row: no quotes, one line (no CR but the one of a CRLF).
        cells = s.slice(i, end).split(',');
        apos = next(apos, "'", i);
        if (apos !== -1 && apos < end) unquote(cells);
        i = lf + 1;
      } else {
        // Field by field: quoted fields (which may span lines), a lone CR as a line end.
        cells = [];
        for (;;) {
          let field;
          if (s.charCodeAt(i) === 34 /* " */) {
            const open = i;
            let from = i + 1;
            field = '';
            for (;;) {
              const q = s.indexOf('"', from);
              if (q < 0) fail(open, 'unclosed quote');
              if (s.charCodeAt(q + 1) === 34) {
                field += s.slice(from, q + 1);
                from = q + 2;
              } else {
                field += s.slice(from, q);
                i = q + 1;
                break;
              }
            }
            const c = s.charCodeAt(i);
            if (i < n && c !== 44 && c !== 10 && c !== 13) fail(i, 'text after a closing quote');
          } else {
            let j = i;
            for (; j < n; j++) {
              const c = s.charCodeAt(j);
              if (c === 44 /* , */ || c === 10 || c === 13) break;
              if (c === 34) fail(j, 'a stray quote inside an unquoted field');
            }
            field = s.slice(i, j);
            i = j;
          }
          cells.push(field);
          if (i < n && s.charCodeAt(i) === 44) {
            i++;
            continue;
          }
          if (i < n) i += s.charCodeAt(i) === 13 && s.charCodeAt(i + 1) === 10 ? 2 : 1;
          break;
        }
        unquote(cells);
      }
      if (cells.length === 1 && cells[0].trim() === '') continue; // a blank line
      rows.push(cells);
      starts.push(start);
    }
    if (!rows.length) throw new Error('CSV: empty input');
    const header = rows[0];
    const width = header.length;
    if (width < 2) fail(starts[0], 'the header needs a program column and at least one service column');
    if (header[0].trim() === '') fail(starts[0], 'the first header cell (the program column) is empty');
    if (rows.length < 2) fail(n, 'a header but no program rows');
    const services = [];
    for (let k = 1; k < width; k++) services.push({ id: 's' + (k - 1), name: header[k].trim() });
    const ids = services.map((x) => x.id);
    const programs = new Array(rows.length - 1);
    for (let r = 1; r < rows.length; r++) {
      const cells = rows[r];
      if (cells.length !== width) fail(starts[r], `this row has ${cells.length} cells, the header has ${width}`);
      const name = cells[0].trim();
      if (name === '') fail(starts[r], 'empty program name');
      // Every service gets a key, in column order (unknown too), so all status objects share one shape.
      const status = {};
      for (let k = 1; k < width; k++) {
        let c = cells[k];
        if (c !== '1' && c !== '0' && c !== '') c = c.trim();
        status[ids[k - 1]] = c === '1' ? 'in-scope' : c === '0' ? 'not-in-scope' : c === '' ? 'unknown' : { status: 'in-progress', label: c };
      }
      programs[r - 1] = { id: 'p' + (r - 1), name, status };
    }
    return { services, programs };
  }

  root.VanillaCsv = { parse };
})(typeof window !== 'undefined' ? window : globalThis);
