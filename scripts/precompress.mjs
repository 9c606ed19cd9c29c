// Writes <file>.gz for each wasm file given: gzip made by zopfli (15 iterations; deterministic,
// no file name or time in the header), 5 % smaller than gzip -9. The module fetches these, so a
// server that compresses nothing (as many intranet servers do not compress .wasm) still sends
// compressed bytes; the browser unpacks them while it compiles (DecompressionStream, www/
// compliance-matrix.js). The files stay beside them uncompressed, for servers that send brotli.
// Usage: node scripts/precompress.mjs <file.wasm>...
import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { gzipAsync } from '@gfx/zopfli';

const files = process.argv.slice(2);
if (!files.length) {
  console.error('usage: node scripts/precompress.mjs <file.wasm>...');
  process.exit(2);
}
for (const file of files) {
  const bytes = readFileSync(file);
  const packed = Buffer.from(await gzipAsync(bytes, { numiterations: 15 }));
  if (!gunzipSync(packed).equals(bytes)) throw new Error(`${file}: the gzip does not unpack to the file`);
  writeFileSync(`${file}.gz`, packed);
  console.log(`${file}.gz: ${bytes.length} → ${packed.length} bytes`);
}
