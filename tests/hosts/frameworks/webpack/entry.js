// webpack 5: the package's `new URL('./compliance-matrix_bg.wasm.gz', import.meta.url)` makes webpack
// emit the wasm as an asset and rewrite the URL; the page does nothing else.
import 'compliance-matrix';
