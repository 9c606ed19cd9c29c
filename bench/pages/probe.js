// Measurement probe for the benchmark pages (bench/run.mjs). Loaded by every page right after
// its first inline script (which records `window.__t0 = performance.now()` and starts fetching the
// data). It is instrumentation, not part of any contender, and is not counted in transfer sizes.
//
// "Painted" is measured at frame granularity without observers (a MutationObserver on a large
// subtree would add work to the contender being measured): a requestAnimationFrame loop checks
// the page's condition at the start of each frame, before that frame's style, layout and paint;
// a message posted from the same rAF callback runs right after the frame has been rendered.
//   - condition true at frame start     → the frame paints it → painted = that message's time;
//   - false at start, true after render → it changed during this frame's rAF phase, which this
//     frame also paints → painted = that message's time.
// `raf2` (the next frame's rAF, i.e. "two requestAnimationFrame after the DOM shows it") is kept as
// a secondary figure: it adds up to one idle frame (~16.7 ms) on top.
(function () {
  'use strict';
  const now = () => performance.now();

  // Wasm linear memory is not part of V8's JS heap figures: remember every exported memory.
  const memories = [];
  // When the first wasm instance is ready (ms since the first script): the part of a wasm
  // contender's first paint spent before any of its code can run (fetch, compile, instantiate).
  let wasmReady = null;
  const grab = (result) => {
    if (wasmReady === null) wasmReady = now() - window.__t0;
    try {
      const instance = result && (result.instance || result);
      const exports = instance && instance.exports;
      if (exports) for (const v of Object.values(exports)) if (v instanceof WebAssembly.Memory) memories.push(v);
    } catch (_) {
      /* not an instance */
    }
    return result;
  };
  for (const name of ['instantiate', 'instantiateStreaming']) {
    const orig = WebAssembly[name];
    if (typeof orig === 'function') {
      WebAssembly[name] = function (...args) {
        return orig.apply(this, args).then(grab);
      };
    }
  }

  const waiters = new Set();
  let looping = false;
  const channel = new MessageChannel();
  const afterFrame = [];
  channel.port1.onmessage = () => {
    const fns = afterFrame.splice(0);
    for (const f of fns) f();
  };
  const postAfterFrame = (f) => {
    afterFrame.push(f);
    channel.port2.postMessage(0);
  };

  function test(w) {
    try {
      return Boolean(w.check());
    } catch (_) {
      return false;
    }
  }

  function finish(w, painted) {
    waiters.delete(w);
    requestAnimationFrame(() => w.resolve({ painted, raf2: now() }));
  }

  function frame() {
    if (waiters.size === 0) {
      looping = false;
      return;
    }
    const pending = [];
    const hits = [];
    for (const w of waiters) {
      if (w.hit) continue;
      if (test(w)) {
        w.hit = true;
        hits.push(w);
      } else pending.push(w);
    }
    postAfterFrame(() => {
      const t = now();
      for (const w of hits) finish(w, t);
      for (const w of pending) {
        if (!w.hit && waiters.has(w) && test(w)) {
          w.hit = true;
          finish(w, t);
        }
      }
    });
    requestAnimationFrame(frame);
  }

  /** Resolves with {painted, raf2} once `check()` holds and the frame showing it has rendered. */
  function whenPainted(check) {
    return new Promise((resolve) => {
      waiters.add({ check, resolve, hit: false });
      if (!looping) {
        looping = true;
        requestAnimationFrame(frame);
      }
    });
  }

  const bench = {
    t0: window.__t0,
    /** Set by the page once its data has arrived: the name of the first program in seed order. */
    expectedFirst: null,
    /** Set by the page: { firstRowName(), rowCount(), domRows() }. */
    adapter: null,
    /** First painted table: resolves with ms since the first script started. */
    firstPaint: null,
    /** An error thrown by the page's own code (reported by the harness). */
    error: null,
    whenPainted,
    /** ms from the first script to the first wasm instance (null for a page without wasm). */
    wasmReady: () => wasmReady,
    /** Bytes of wasm linear memory of every instance created on this page. */
    wasmBytes() {
      return memories.reduce((n, m) => n + m.buffer.byteLength, 0);
    },
    /**
     * Arms a one-shot capture listener on window for `type` (`beforeinput` for the search box,
     * `click` for a header); from that event, waits until the first rendered row is `expect`
     * and the frame showing it has rendered. Stores the promise in `bench.pending`.
     */
    arm(type, expect) {
      bench.pending = new Promise((resolve) => {
        const on = () => {
          window.removeEventListener(type, on, true);
          const start = now();
          whenPainted(() => bench.adapter.firstRowName() === expect).then((r) =>
            resolve({ ms: r.painted - start, ms2: r.raf2 - start }),
          );
        };
        window.addEventListener(type, on, true);
      });
      return true;
    },
  };
  bench.firstPaint = whenPainted(
    () => bench.adapter !== null && bench.expectedFirst !== null && bench.adapter.firstRowName() === bench.expectedFirst,
  ).then((r) => ({ ms: r.painted - bench.t0, ms2: r.raf2 - bench.t0 }));
  window.addEventListener('error', (e) => {
    bench.error = bench.error || String(e.message || e);
  });
  window.addEventListener('unhandledrejection', (e) => {
    bench.error = bench.error || String((e.reason && e.reason.message) || e.reason);
  });
  window.bench = bench;
})();
