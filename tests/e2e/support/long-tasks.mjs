// The main thread's long tasks, as the page sees them: a PerformanceObserver of 'longtask'
// entries installed before any page script runs, read back in page time (performance.now()).
// The bounded-work tests measure with it how long the widget keeps a page from answering.

/** Records every long task of `page` from its next navigation on; call before page.goto(). */
export function recordLongTasks(page) {
  return page.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
}

/** The page's clock now (ms since its navigation). */
export const pageNow = (page) => page.evaluate(() => performance.now());

/**
 * The long tasks that started at or after `since` (page time) and before `until`, after one more
 * frame and task so that the observer has delivered the last ones: { tasks, longest, total }.
 */
export async function longTasks(page, since = 0, until = Infinity) {
  const tasks = await page.evaluate(async ([since, until]) => {
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 50)));
    return window.__longTasks.filter((t) => t.start >= since && t.start < until);
  }, [since, until === Infinity ? Number.MAX_VALUE : until]);
  const durations = tasks.map((t) => Math.round(t.duration));
  return {
    tasks: durations,
    longest: Math.max(0, ...durations),
    total: durations.reduce((a, b) => a + b, 0),
  };
}
