// Application glue shared by the Grid.js and Tabulator pages: converts a dataset in the widget's
// JSON schema into flat rows, and implements the widget's search (case- and accent-insensitive,
// every query word must start a word of the name or of one alias). This is code an application
// would ship with either library, so it is counted in their transfer sizes.
// Also loaded by bench/run.mjs (in node) to compute the expected rows of each test.
(function (root) {
  'use strict';
  // The same accent folding as the widget (src/query.rs fold_char).
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

  /** Lowercase, accent-folded words of letters and digits. */
  function words(s) {
    const folded = String(s).toLowerCase().replace(NON_ASCII, (c) => FOLD[c] || c);
    return folded.split(SEPARATORS).filter(Boolean);
  }

  /** Search keys of a program: one word list for the name and one per alias. */
  function keys(p) {
    return [words(p.name), ...(p.aliases || []).map(words)];
  }

  /** Whether every query word starts a word of the name, or of one same alias. */
  function matches(k, q) {
    if (q.length === 0) return true;
    for (const name of k) {
      let all = true;
      for (const qw of q) {
        let found = false;
        for (const w of name) {
          if (w.startsWith(qw)) {
            found = true;
            break;
          }
        }
        if (!found) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  const TEXT = { 'in-scope': '✓ In scope', 'in-progress': '◐ In progress', 'not-in-scope': '✗ Not in scope', unknown: '? Not stated' };

  /** The shown text of a cell: symbol, status and the source's label. */
  function cellText(cell) {
    if (cell === undefined || cell === null) return TEXT.unknown;
    if (typeof cell === 'string') return TEXT[cell] || TEXT.unknown;
    const t = TEXT[cell.status] || TEXT.unknown;
    return cell.label ? `${t} (${cell.label})` : t;
  }

  /**
   * Flat row objects: {id, name, aliases (joined text), _k (search keys), <service id>: cell text}.
   */
  function toRows(ds) {
    return ds.programs.map((p) => {
      const row = { id: p.id, name: p.name, aliases: (p.aliases || []).join(' | '), _k: keys(p) };
      for (const s of ds.services) row[s.id] = cellText(p.status[s.id]);
      return row;
    });
  }

  root.BenchGlue = { words, keys, matches, cellText, toRows };
})(typeof window !== 'undefined' ? window : globalThis);
