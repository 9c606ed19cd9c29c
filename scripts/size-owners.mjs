// Who owns the bytes of the wasm: a names-kept copy of the shipped build (the same wasm-bindgen
// output through the same wasm-opt flags plus -g, so the code is the same and only the name
// section is added), its items listed by twiggy, each item put in one subsystem by its name.
// Prints a Markdown table: raw bytes per subsystem (code and data, the name section left out) and
// that share of the shipped wasm's gzip -9 size (an estimate: gzip does not split by function).
// Usage: node scripts/size-owners.mjs <names-kept.wasm> <shipped.wasm>
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';


// First match wins: our components (Yew's lifecycle code monomorphised for a component is that
// component's markup), then the core's modules, then libraries and std.
const OWNERS = [
  ['components: app (html! markup and logic)', /components::app\b/],
  ['components: diagram', /components::diagram\b/],
  ['components: table', /components::table\b/],
  ['components: toolbar', /components::toolbar\b/],
  ['components: legend, notes, error', /components::(legend|notes|error)\b/],
  ['element boundary (src/element: exports, root, pool)', /compliance_matrix\[[0-9a-f]+\]::element\b|^(mount|parseDataset|handle_)|externref shim/],
  ['platform (fetch, hash, clipboard, resize)', /compliance_matrix\[[0-9a-f]+\]::platform\b/],
  ['core: dataset import and validation (JSON, CSV, Markdown)', /compliance_matrix_core\[[0-9a-f]+\]::dataset\b/],
  ['core: responsibility model (static data generated at build time)', /compliance_matrix_core\[[0-9a-f]+\]::responsibility\b/],
  ['core: revisions and compare', /compliance_matrix_core\[[0-9a-f]+\]::revisions\b/],
  ['core: export (CSV, JSON, Markdown)', /compliance_matrix_core\[[0-9a-f]+\]::export\b/],
  ['core: state, query, view state, options', /compliance_matrix_core\[[0-9a-f]+\]::(state|query|view_state|options)\b/],
  ['core: diagram layout, windowing', /compliance_matrix_core\[[0-9a-f]+\]::(diagram_layout|window)\b/],
  ['core: text, i18n', /compliance_matrix_core\[[0-9a-f]+\]::(text|i18n)\b/],
  ['other code of ours', /compliance_matrix(_core)?\[/],
  ['serde_json', /serde_json\[/],
  ['serde-wasm-bindgen', /serde_wasm_bindgen\[/],
  ['serde (derive and core)', /serde(_core|_derive)?\[/],
  ['Yew runtime', /\byew(_macro)?\[|implicit_clone|gloo/],
  ['wasm-bindgen, js-sys, web-sys glue', /wasm_bindgen|js_sys|web_sys|__wbg|__wbindgen|__externref/],
  ['float formatting', /zmij|f64 as core\[[0-9a-f]+\]::fmt|f32 as core|flt2dec|dragon|grisu|dec2flt/],
  ['core::fmt', /core\[[0-9a-f]+\]::fmt|alloc\[[0-9a-f]+\]::fmt/],
  ['Unicode tables (case, properties)', /unicode|to_lower|to_upper/],
  ['allocator (dlmalloc) and alloc', /dlmalloc|alloc\[[0-9a-f]+\]|__rust_(alloc|dealloc|realloc)/],
  ['std and core (sort, hash, slices, …)', /core\[|std\[|hashbrown|itoa|__rustc|^<(char|str|u\d+|i\d+|usize|\[)/],
];

function parseCsv(text) {
  const rows = [];
  let row = [];
  let f = '';
  let q = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (q) {
      if (c === '"' && text[i + 1] === '"') { f += '"'; i += 1; } else if (c === '"') q = false; else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; } else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; } else f += c;
  }
  if (f || row.length) rows.push([...row, f]);
  return rows;
}

/** The table (Markdown) of who owns the bytes of `shipped`, from its names-kept twin `named`. */
export function owners(named, shipped) {
  const csv = execFileSync('twiggy', ['top', '--format', 'csv', '-n', '1000000', named], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const items = parseCsv(csv).slice(1).filter((r) => r.length >= 2 && r[0] && !/^Σ|and \d+ more/.test(r[0]));
  const totals = new Map(OWNERS.map(([name]) => [name, 0]));
  totals.set('data segments (embedded data and stylesheet, strings, tables)', 0);
  totals.set('unnamed (wasm tables, types, imports, exports)', 0);
  let code = 0;
  for (const [name, size] of items) {
    const bytes = Number(size);
    if (/"(function|data|local|global|type) names" subsection|name section/.test(name)) continue; // not shipped
    code += bytes;
    let owner;
    if (/^data segment/.test(name)) owner = 'data segments (embedded data and stylesheet, strings, tables)';
    else owner = (OWNERS.find(([, re]) => re.test(name)) || ['unnamed (wasm tables, types, imports, exports)'])[0];
    totals.set(owner, totals.get(owner) + bytes);
  }
  const shippedBytes = readFileSync(shipped);
  const gz = gzipSync(shippedBytes, { level: 9 }).length;
  const kB = (n) => (n / 1000).toFixed(1);
  const lines = [
    `| subsystem (by item name, names-kept build) | raw kB | share | ≈ gzip -9 kB |`,
    '|---|---|---|---|',
  ];
  for (const [name, bytes] of [...totals].filter(([, b]) => b > 0).sort((a, b) => b[1] - a[1])) {
    lines.push(`| ${name} | ${kB(bytes)} | ${((100 * bytes) / code).toFixed(1)} % | ${kB((gz * bytes) / code)} |`);
  }
  lines.push(`| **all items** (shipped wasm: ${kB(shippedBytes.length)} kB raw) | **${kB(code)}** | 100 % | **${kB(gz)}** |`);
  return lines.join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [named, shipped] = process.argv.slice(2);
  if (!named || !shipped) {
    console.error('usage: node scripts/size-owners.mjs <names-kept.wasm> <shipped.wasm>');
    process.exit(2);
  }
  console.log(owners(named, shipped));
}
