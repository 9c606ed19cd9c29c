// The e2e helpers are in matrix-page.mjs (the page object); tests import that. This file only
// re-exports the browser launch options for bench/run.mjs, bench/profile.mjs and
// bench/page-table.mjs, which import them from here.
export { launchOptions } from './matrix-page.mjs';
