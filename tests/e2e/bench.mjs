// Benchmark driver: the first load of a built bundle (every file the browser asked for until the overview's content
// was painted, as the bundle's precompressed gzip and Brotli copies, which the hosts in deploy/ send); the time from
// navigation to the overview's content in headless Chromium (median of several cold loads), side by side with a static
// HTML copy of the same rendered page; long tasks (> 50 ms) during a tour of every page and the JS heap after it; the
// activity log with 10,000 entries: how long each filtering pass takes, and every long task while it is used; and the
// same build over an emulated slow link (first load, a page opened by its address, a page opened from the menu).
// Usage: node bench.mjs <dist-dir> [runs]. Prints figures; asserts nothing.
import { chromium } from '@playwright/test';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join, relative } from 'node:path';
import { serve } from './static-server.mjs';
import { chromiumArgs, executablePath } from './chromium.mjs';
import { watchFirstLoad } from './first-load.mjs';

const dist = process.argv[2];
// The emulated slow link: a slow mobile connection.
const SLOW = { kbit: 1600, latency: 150, runs: 5 };
const runs = Number(process.argv[3] ?? 21);
if (!dist) throw new Error('usage: node bench.mjs <dist-dir> [runs]');
// The budgets of the first load (issue 27), in kB of 1,000 bytes.
const BUDGET = { gzip: 300, br: 250 };

// Every file of the bundle but the precompressed copies, by its path in the bundle.
const filesUnder = async (dir) =>
  (await Promise.all((await readdir(dir, { withFileTypes: true })).map((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  ))).flat();
const files = (await filesUnder(dist))
  .map((file) => relative(dist, file))
  .filter((name) => !/\.(gz|br)$/.test(name) && name !== 'static-overview.html');
const { server, url } = await serve(dist);
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const fetched = await firstLoadFiles(browser, url);
const describe = async (name) => {
  const size = async (path) => (await readFile(path)).length;
  const raw = await size(join(dist, name));
  // A file without precompressed copies (config.json, edited per deployment) goes as it is.
  const copy = async (suffix) => size(join(dist, `${name}${suffix}`)).catch(() => raw);
  return { name, raw, gzip: await copy('.gz'), br: await copy('.br') };
};
const rows = await Promise.all(files.filter((name) => fetched.has(name)).sort().map(describe));
const later = await Promise.all(files.filter((name) => !fetched.has(name) && /\.(js|wasm)$/.test(name)).sort().map(describe));
const kb = (n) => (n / 1000).toFixed(1).padStart(8);
const sum = (of, key) => of.reduce((s, r) => s + r[key], 0);
console.log('\nFirst load: every file the browser asked for until the overview\'s content was painted, in kB (1,000 bytes)');
console.log('       raw     gzip   Brotli  file');
for (const row of rows) console.log(`  ${kb(row.raw)} ${kb(row.gzip)} ${kb(row.br)}  ${row.name}`);
for (const kind of ['.html', '.js', '.wasm', '.css', '.json', '.svg']) {
  const of = rows.filter((r) => extname(r.name) === kind);
  if (of.length) console.log(`  total ${kind.slice(1).padEnd(4)} (${of.length} files): ${kb(sum(of, 'gzip'))} gzip ${kb(sum(of, 'br'))} Brotli`);
}
for (const [key, label] of [['gzip', 'gzip (nginx: the .gz copies)'], ['br', 'Brotli (Caddy: the .br copies)']]) {
  const total = sum(rows, key);
  console.log(
    `  FIRST LOAD ${label}: ${(total / 1000).toFixed(1)} kB (${total} bytes); budget ${BUDGET[key]} kB: ` +
      `${total <= BUDGET[key] * 1000 ? 'met' : `over by ${((total - BUDGET[key] * 1000) / 1000).toFixed(1)} kB`}`,
  );
}
const laterPages = later.filter((r) => /\/split_/.test(r.name));
console.log(
  `  not in the first load: ${later.length} code files, ${(sum(later, 'gzip') / 1000).toFixed(1)} kB gzip in all ` +
    `(${laterPages.length} page modules ${(sum(laterPages, 'gzip') / 1000).toFixed(1)} kB; ` +
    `the code they share ${((sum(later, 'gzip') - sum(laterPages, 'gzip')) / 1000).toFixed(1)} kB)`,
);

// The designer preview (Cargo feature `preview`) must not reach end users: look for its words, its gallery's route
// and its styles in the bundle (wasm, js, css, html).
const previewMarkers = ['Preview: simulated conditions', 'Apply and reload data', '/gallery', 'Component gallery', '.preview-panel', '.gallery__state'];
const bundleText = (await Promise.all(files.map((name) => readFile(join(dist, name))))).map((b) => b.toString('latin1')).join('');
const leaked = previewMarkers.filter((marker) => bundleText.includes(marker));
console.log(`  designer preview in this bundle: ${leaked.length ? `PRESENT (${leaked.join(', ')})` : 'absent'}`);

// Time to the overview's content: from navigation start until the holdings card's first source heading is painted
// (Element Timing: the heading is marked for it the moment it enters the document, and the browser reports when
// it was painted); the app and a static HTML copy of the same rendered page (same stylesheet, no script), loaded
// alternately in one run. Also printed: when Playwright saw the card (its polling and a round trip to the browser
// come on top, more for a page that builds its content than for one that arrives with it).
const times = { app: [], copy: [] };
const seen = { app: [], copy: [] };
// The longest task of each timed cold load of the app, from navigation until its content has been on screen for
// 600 ms (0 when no task took over 50 ms).
const bootTasks = [];
// How much the page's layout shifted during each of those loads, by then (Cumulative Layout Shift).
const bootShifts = [];
let log;
let tour;
let slowLoads;
try {
  await writeFile(join(dist, 'static-overview.html'), await staticCopy(browser, url));
  for (let i = 0; i < runs + 1; i++) {
    for (const [which, path] of [['app', '/'], ['copy', '/static-overview.html']]) {
      const context = await browser.newContext();
      await context.addInitScript(watchFirstLoad);
      const page = await context.newPage();
      await page.goto(url + path, { waitUntil: 'commit' });
      await page.waitForSelector('.holdings__source', { timeout: 30_000 });
      const ms = await page.evaluate(() => performance.now());
      await page.waitForFunction(() => window.__contentPainted !== null, null, { timeout: 30_000 });
      // the first round warms the OS file cache and is discarded
      if (i > 0) times[which].push(await page.evaluate(() => window.__contentPainted));
      if (i > 0) seen[which].push(ms);
      if (i > 0 && which === 'app') {
        await page.waitForTimeout(600);
        bootTasks.push(Math.max(0, ...(await page.evaluate(() => window.__longTasks))));
        bootShifts.push(await page.evaluate(() => window.__shift));
      }
      await context.close();
    }
  }
  tour = await tourEveryPage(browser, url);
  log = await activityLog(browser, url);
  slowLoads = await slowLink(browser, dist);
} finally {
  await browser.close();
  server.close();
}
const summarise = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: sorted[Math.floor(sorted.length / 2)], min: sorted[0], max: sorted[sorted.length - 1] };
};
const app = summarise(times.app);
const copy = summarise(times.copy);
console.log(`\nTime from navigation until the overview's content is painted (${runs} cold loads each, fresh browser context each, alternating)`);
console.log(`  the app:                median ${app.median.toFixed(0)} ms   min ${app.min.toFixed(0)} ms   max ${app.max.toFixed(0)} ms`);
console.log(`  static HTML copy of it: median ${copy.median.toFixed(0)} ms   min ${copy.min.toFixed(0)} ms   max ${copy.max.toFixed(0)} ms`);
console.log(`  ratio app / static copy (medians): ${(app.median / copy.median).toFixed(2)}× (budget 2×)`);
const [appSeen, copySeen] = [summarise(seen.app), summarise(seen.copy)];
console.log(
  `  seen by Playwright instead (medians): the app ${appSeen.median.toFixed(0)} ms, the copy ${copySeen.median.toFixed(0)} ms, ` +
    `ratio ${(appSeen.median / copySeen.median).toFixed(2)}×`,
);
console.log(
  `  longest task of each of those loads of the app (ms, 0 = none over 50 ms): ${bootTasks.map((t) => t.toFixed(0)).join(', ')}; ` +
    `${bootTasks.filter((t) => t === 0).length} of ${bootTasks.length} loads had none`,
);
console.log(`  layout shift of each of those loads (CLS by then): ${bootShifts.map((v) => v.toFixed(3)).join(', ')}`);

console.log(`\nTour of every page from the menu (${tour.pages.length} pages, each waited for until its data is on screen)`);
console.log(
  `  long tasks (> 50 ms) during the first load: ${tour.boot.length}${tour.boot.length ? ` (${tour.boot.map((t) => t.ms.toFixed(0) + ' ms').join(', ')})` : ''}`,
);
for (const visit of tour.pages) {
  const longest = visit.longTasks.reduce((m, t) => Math.max(m, t.ms), 0);
  console.log(`  ${visit.path.padEnd(16)} content after ${visit.ms.toFixed(0).padStart(4)} ms; long tasks ${visit.longTasks.length}${visit.longTasks.length ? ` (longest ${longest.toFixed(0)} ms)` : ''}`);
}
const tourTasks = tour.pages.flatMap((v) => v.longTasks);
console.log(`  long tasks during the tour: ${tourTasks.length}${tourTasks.length ? ` (longest ${Math.max(...tourTasks.map((t) => t.ms)).toFixed(0)} ms)` : ''}`);
const againTasks = tour.again.flatMap((v) => v.longTasks.map((t) => ({ ...t, path: v.path })));
console.log(
  `  the same tour again (every page's code already compiled): long tasks ${againTasks.length}${againTasks.length ? ` (${againTasks.map((t) => `${t.path} ${t.ms.toFixed(0)} ms`).join(', ')})` : ''}`,
);
console.log(`  JS heap after the tour (after garbage collection): ${(tour.heap / 1024 / 1024).toFixed(1)} MiB used of ${(tour.heapTotal / 1024 / 1024).toFixed(1)} MiB; wasm linear memory ${(tour.wasm / 1024 / 1024).toFixed(1)} MiB`);

// The bundle's files a first load of the overview asks for until the overview's content is painted: the page itself
// and every resource whose request started before the content was painted (the browser's own timings, so what the
// portal fetches once the page is on screen, such as the other pages' code, never counts by a race with this script
// noticing the content).
async function firstLoadFiles(browser, url) {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
  await context.addInitScript(watchFirstLoad);
  const page = await context.newPage();
  await page.goto(url + '/');
  await page.waitForSelector('.holdings__source', { timeout: 30_000 });
  await page.waitForFunction(() => window.__contentPainted !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(2000);
  const paths = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime <= window.__contentPainted)
      .map((entry) => new URL(entry.name).pathname),
  );
  await context.close();
  return new Set(['index.html', ...paths.map((path) => path.replace(/^\//, ''))]);
}

// The overview as rendered, saved as a static page: same markup and stylesheet, without any script.
async function staticCopy(browser, url) {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
  const page = await context.newPage();
  await page.goto(url + '/');
  await page.waitForSelector('.holdings__source', { timeout: 30_000 });
  await page.waitForTimeout(300);
  const html = await page.evaluate(() => {
    const root = document.documentElement.cloneNode(true);
    root.querySelectorAll('script, link[rel="modulepreload"], link[rel="preload"]').forEach((el) => el.remove());
    return '<!DOCTYPE html>\n' + root.outerHTML;
  });
  await context.close();
  return html;
}

// Every page from the menu, as a person would go round; long tasks recorded per page, the JS heap at the end.
async function tourEveryPage(browser, url) {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    // The wasm module's memory, found when the app instantiates its main module (the page modules share it).
    const instantiate = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...args) => {
      const result = await instantiate(...args);
      window.__wasmMemory ??= Object.values(result.instance.exports).find((e) => e instanceof WebAssembly.Memory);
      return result;
    };
  });
  const page = await context.newPage();
  const settled = async () => {
    await page.waitForFunction(() => !Array.from(document.querySelectorAll('[role="status"]')).some((s) => /^Loading/.test(s.textContent ?? '')));
    await page.waitForTimeout(400);
  };
  await page.goto(url + '/');
  await page.waitForSelector('.holdings__source', { timeout: 30_000 });
  await settled();
  const boot = await page.evaluate(() => window.__longTasks.splice(0));
  const menu = ['Your information', 'Communications', 'Cookies', 'Profile', 'Requests', 'Activity', 'Sharing', 'Policy', 'Overview'];
  const goRound = async () => {
    const visits = [];
    for (const name of menu) {
      const clicked = await page.evaluate(() => performance.now());
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true }).click();
      await page.waitForFunction((before) => location.pathname && document.activeElement?.id === 'page-title' && performance.now() > before, clicked);
      await settled();
      const shown = await page.evaluate(() => performance.now());
      visits.push({ path: new URL(page.url()).pathname, ms: shown - clicked - 400, longTasks: await page.evaluate(() => window.__longTasks.splice(0)) });
    }
    return visits;
  };
  // First round: every page's code runs for the first time (the browser compiles wasm functions lazily, on their
  // first call). Second round: the same pages again, as anyone moving around the portal meets them.
  const pages = await goRound();
  const again = await goRound();
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize, totalSize } = await cdp.send('Runtime.getHeapUsage');
  const wasm = await page.evaluate(() => window.__wasmMemory?.buffer.byteLength ?? 0);
  await context.close();
  return { boot, pages, again, heap: usedSize, heapTotal: totalSize, wasm };
}

// The activity log of the demo user with 10,000 entries: open it, then use it as a person would (type a search
// word letter by letter, choose a kind, a product, dates and an order, page through, clear), waiting for each answer.
async function activityLog(browser, url) {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
  await context.addInitScript(() => {
    localStorage.setItem('icanopus-privacy-portal/persona', 'longtime');
    window.__longTasks = [];
    window.__events = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push({ at: e.startTime, ms: e.duration });
    }).observe({ type: 'longtask', buffered: true });
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__events.push({ name: e.name, at: e.startTime, ms: e.duration });
    }).observe({ type: 'event', buffered: true, durationThreshold: 16 });
  });
  const page = await context.newPage();
  // Start on the overview, then open the log from the menu: the way a person gets there.
  await page.goto(url + '/');
  await page.waitForSelector('.holdings__source', { timeout: 30_000 });
  await page.waitForTimeout(500);
  await page.evaluate(() => {
    window.__longTasks = [];
    performance.clearMeasures();
  });
  const clicked = await page.evaluate(() => performance.now());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  const summary = page.locator('.activity-summary');
  await summary.filter({ hasText: /of 10,\d{3} entries/ }).waitFor({ timeout: 60_000 });
  const shown = await page.evaluate(() => performance.now());
  await page.waitForTimeout(300);
  const loaded = await page.evaluate(() => ({
    longTasks: window.__longTasks.splice(0),
    filters: performance.getEntriesByName('activity-filter').map((e) => e.duration),
    steps: performance
      .getEntriesByType('measure')
      .filter((e) => /^(decode activity|activity-generate|activity-prepare)/.test(e.name))
      .map((e) => e.duration),
  }));
  loaded.ms = shown - clicked;
  await page.evaluate(() => {
    performance.clearMeasures('activity-filter');
    window.__events = [];
  });

  const settle = async () => {
    // Two frames: the answer is on screen.
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  };
  const search = page.getByLabel('Search');
  await search.click();
  for (const key of 'chennai') {
    await page.keyboard.type(key);
    await settle();
  }
  for (let i = 0; i < 7; i++) {
    await page.keyboard.press('Backspace');
    await settle();
  }
  await page.getByLabel('Kind').selectOption('access');
  await settle();
  await page.getByLabel('Product').selectOption('procrm');
  await settle();
  await page.getByLabel('From').fill('2024-01-01');
  await settle();
  await page.getByLabel('To').fill('2025-12-31');
  await settle();
  await page.getByLabel('Order').selectOption('oldest');
  await settle();
  await page.getByRole('button', { name: 'Clear filters and search' }).click();
  await settle();
  for (let i = 0; i < 3; i++) {
    await page.getByRole('link', { name: 'Next page' }).click();
    await settle();
  }
  await page.waitForTimeout(300);
  const used = await page.evaluate(() => ({
    longTasks: window.__longTasks.splice(0),
    filters: performance.getEntriesByName('activity-filter').map((e) => e.duration),
    events: window.__events.splice(0),
  }));
  const entries = await summary.textContent();
  await context.close();
  return { loaded, used, entries };
}

const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { n: sorted.length, median: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 };
};
const ms = (n) => `${n.toFixed(1)} ms`;
console.log(`\nActivity log with 10,000 entries (demo user "longtime"; ${log.entries.trim()})`);
console.log(
  `  opening it from the menu: entries on screen after ${ms(log.loaded.ms)}, made in ${log.loaded.steps.length} steps of at most ${ms(
    Math.max(...log.loaded.steps),
  )}; first filtering pass ${ms(log.loaded.filters[0] ?? 0)}`,
);
console.log(
  `  long tasks (> 50 ms) while opening it: ${log.loaded.longTasks.length}${
    log.loaded.longTasks.length ? ` (longest ${ms(Math.max(...log.loaded.longTasks.map((t) => t.ms)))})` : ''
  }`,
);
const f = stats(log.used.filters);
console.log(
  `  filtering 10,000 entries (${f.n} passes while typing, choosing and paging): median ${ms(f.median)}, p95 ${ms(f.p95)}, max ${ms(f.max)}; one frame is 16.7 ms`,
);
const worst = log.used.events.reduce((m, e) => Math.max(m, e.ms), 0);
const slow = log.used.events.filter((e) => e.ms > 50).length;
console.log(
  `  input events (Event Timing, input to next paint): slowest ${ms(worst)}; ${slow} took over 50 ms`,
);
console.log(
  `  long tasks (> 50 ms) while using the log: ${log.used.longTasks.length}${
    log.used.longTasks.length ? ` (longest ${ms(Math.max(...log.used.longTasks.map((t) => t.ms)))})` : ''
  }`,
);

const slowMedian = (values) => summarise(values).median.toFixed(0);
console.log(
  `\nOver a slow link (${SLOW.kbit} kbit/s down, ${SLOW.latency} ms round trips, gzip copies served; ${SLOW.runs} cold loads each, median)`,
);
console.log(`  the overview's content after                         ${slowMedian(slowLoads.overview).padStart(5)} ms`);
console.log(`  /data opened by its address: its content after       ${slowMedian(slowLoads.byAddress).padStart(5)} ms`);
console.log(`  /data from the menu, 5 s after the overview came:    ${slowMedian(slowLoads.later).padStart(5)} ms after the click`);
console.log(`  /data from the menu at once, Save-Data (no background fetch): ${slowMedian(slowLoads.saveData).padStart(5)} ms after the click`);

// Cold loads through Chromium's network emulation, with the build's gzip copies served as a host would: what a user
// on a slow mobile connection waits for. The page's code comes when it is opened, or in the background 2 s after the
// first page (not with Save-Data).
async function slowLink(browser, dist) {
  const { server, url } = await serve(dist, 0, { gzip: true });
  const result = { overview: [], byAddress: [], later: [], saveData: [] };
  const open = async ({ saveData = false } = {}) => {
    const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
    if (saveData) await context.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', {
      offline: false,
      latency: SLOW.latency,
      downloadThroughput: (SLOW.kbit * 1000) / 8,
      uploadThroughput: (SLOW.kbit * 1000) / 8,
    });
    return { context, page };
  };
  const fromMenu = async (page) => {
    const clicked = await page.evaluate(() => performance.now());
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your information', exact: true }).click();
    await page.waitForSelector('.data-category', { timeout: 60_000 });
    return (await page.evaluate(() => performance.now())) - clicked;
  };
  try {
    for (let i = 0; i < SLOW.runs; i++) {
      {
        const { context, page } = await open();
        await page.goto(url + '/', { waitUntil: 'commit' });
        await page.waitForSelector('.holdings__source', { timeout: 60_000 });
        result.overview.push(await page.evaluate(() => performance.now()));
        await page.waitForTimeout(5_000);
        result.later.push(await fromMenu(page));
        await context.close();
      }
      {
        const { context, page } = await open();
        await page.goto(url + '/data', { waitUntil: 'commit' });
        await page.waitForSelector('.data-category', { timeout: 60_000 });
        result.byAddress.push(await page.evaluate(() => performance.now()));
        await context.close();
      }
      {
        const { context, page } = await open({ saveData: true });
        await page.goto(url + '/', { waitUntil: 'commit' });
        await page.waitForSelector('.holdings__source', { timeout: 60_000 });
        result.saveData.push(await fromMenu(page));
        await context.close();
      }
    }
  } finally {
    server.close();
  }
  return result;
}
