// The wasm files ship gzip-compressed as well (<name>.wasm.gz, scripts/precompress.mjs), and the
// module fetches those: a server that compresses nothing (as many intranet servers do not compress
// .wasm) still sends compressed bytes. compileWasm() compiles a response of either form while it
// arrives: gzip is unpacked by the browser's DecompressionStream; plain wasm (a server that sent
// the .gz with Content-Encoding: gzip, which the browser has unpacked already, or a page that
// points setWasmUrl at an uncompressed .wasm) goes through as it is. The first bytes tell which,
// so the server's Content-Type does not matter.
const GZIP = [0x1f, 0x8b];
const WASM = [0x00, 0x61, 0x73, 0x6d];

export async function compileWasm(response, name) {
  if (!response.body) throw new Error(`could not load ${name}: the response is empty`);
  const reader = response.body.getReader();
  let head = new Uint8Array(0);
  while (head.length < WASM.length) {
    const { done, value } = await reader.read();
    if (done) break;
    const joined = new Uint8Array(head.length + value.length);
    joined.set(head);
    joined.set(value, head.length);
    head = joined;
  }
  const starts = (magic) => magic.every((b, i) => head[i] === b);
  const gzip = starts(GZIP);
  if (!gzip && !starts(WASM)) {
    reader.cancel().catch(() => {});
    throw new Error(`could not load ${name}: it is not a wasm file (the server sent something else in its place)`);
  }
  let body = new ReadableStream({
    start(c) {
      c.enqueue(head);
    },
    pull(c) {
      return reader.read().then(({ done, value }) => (done ? c.close() : c.enqueue(value)));
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  if (gzip) {
    if (typeof DecompressionStream !== 'function') {
      throw new Error(`could not load ${name}: this browser cannot unpack gzip (no DecompressionStream); give setWasmUrl the uncompressed .wasm`);
    }
    body = body.pipeThrough(new DecompressionStream('gzip'));
  }
  const wasm = new Response(body, { headers: { 'content-type': 'application/wasm' } });
  return WebAssembly.compileStreaming ? WebAssembly.compileStreaming(wasm) : WebAssembly.compile(await wasm.arrayBuffer());
}
