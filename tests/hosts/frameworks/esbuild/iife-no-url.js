// esbuild, IIFE bundle without setWasmUrl: the widget shows (and sends as cm-error) the message
// that tells the page to call setWasmUrl.
import 'compliance-matrix';
