// esbuild, IIFE bundle (a classic script): import.meta is empty there, so the page must say where
// the wasm is. The wasm subpath imported with the `file` loader gives its URL; setWasmUrl runs
// before the element is added (the import has already defined it).
import { setWasmUrl } from 'compliance-matrix';
import wasmUrl from 'compliance-matrix/compliance-matrix_bg.wasm.gz';

setWasmUrl(wasmUrl);
const el = document.createElement('compliance-matrix');
el.id = 'main';
document.body.append(el);
