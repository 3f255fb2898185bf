// What the benchmarks watch during a cold load of the overview, as a Playwright init script (it runs in the page
// before any of the page's own scripts): every task over 50 ms (`window.__longTasks`, durations), the layout shift
// so far (`window.__shift`, Cumulative Layout Shift's sum, not counting shifts just after input), when the holdings
// card's first heading was put in the document (`window.__contentInDocument`) and when it was painted
// (`window.__contentPainted`, Element Timing's renderTime: the heading is marked for it the moment it enters the
// document, in the app and in a static copy alike). Times are milliseconds since navigation started.
export function watchFirstLoad() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push(e.duration);
  }).observe({ type: 'longtask', buffered: true });
  window.__shift = 0;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
  }).observe({ type: 'layout-shift', buffered: true });
  window.__contentInDocument = null;
  window.__contentPainted = null;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) if (e.identifier === 'content') window.__contentPainted = e.renderTime;
  }).observe({ type: 'element', buffered: true });
  new MutationObserver((_, observer) => {
    const heading = document.querySelector('.holdings__source-title');
    if (heading) {
      heading.setAttribute('elementtiming', 'content');
      window.__contentInDocument = performance.now();
      observer.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
}
