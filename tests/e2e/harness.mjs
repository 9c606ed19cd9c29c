// The e2e helpers moved to matrix-page.mjs (the page object); tests import that. This file only
// re-exports the browser launch options for bench/run.mjs and bench/profile.mjs, which import them
// from here.
export { launchOptions } from './matrix-page.mjs';
