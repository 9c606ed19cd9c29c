// Node (SSR, a test runner): importing the package registers nothing (no customElements), fetches
// nothing and leaves no unhandled rejection. Prints a JSON report for the test.
const fetched = [];
globalThis.fetch = async (url) => {
  fetched.push(String(url));
  throw new Error('no fetch expected');
};
const rejections = [];
process.on('unhandledRejection', (reason) => rejections.push(String(reason)));
const m = await import('compliance-matrix');
// Let any promise the import started settle.
await new Promise((resolve) => setTimeout(resolve, 200));
console.log(JSON.stringify({
  exports: Object.keys(m).sort(),
  customElements: typeof globalThis.customElements,
  fetched,
  rejections,
}));
