// esbuild, ESM bundle: the package's two wasm subpaths (the widget's and the dataset reader's)
// imported with the `file` loader (esbuild copies each and gives its URL), handed to setWasmUrl
// before the first widget starts. Imports run first,
// and an element already in the page starts at the import; so the element is added afterwards
// (with an element in the HTML, give it a `wasm-url` attribute instead).
import { setWasmUrl } from 'compliance-matrix';
import wasmUrl from 'compliance-matrix/compliance-matrix_bg.wasm.gz';
import readerUrl from 'compliance-matrix/compliance-matrix-reader_bg.wasm.gz';

setWasmUrl(wasmUrl, readerUrl);
const el = document.createElement('compliance-matrix');
el.id = 'main';
el.setAttribute('services', 'ecs,eks');
document.body.append(el);
