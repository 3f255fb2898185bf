// Benchmark driver: first-load transfer of a built bundle (gzip -9 bytes of html, js, wasm and css), the time
// from navigation to the overview's content in headless Chromium (median of several cold loads), and the activity
// log with 10,000 entries: how long each filtering pass takes, and every long task (> 50 ms) while it is used.
// Usage: node bench.mjs <dist-dir> [runs]. Prints figures; asserts nothing.
import { chromium } from '@playwright/test';
import { readdir, readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from './static-server.mjs';
import { chromiumArgs, executablePath } from './chromium.mjs';

const dist = process.argv[2];
const runs = Number(process.argv[3] ?? 9);
if (!dist) throw new Error('usage: node bench.mjs <dist-dir> [runs]');

// What the browser fetches on the first load of the overview: every html, js, wasm and css file of the bundle.
const kinds = ['.html', '.js', '.wasm', '.css'];
const files = (await readdir(dist)).filter((name) => kinds.includes(extname(name)));
const rows = [];
for (const name of files.sort()) {
  const bytes = await readFile(join(dist, name));
  rows.push({ name, kind: extname(name).slice(1), raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
}
const kb = (n) => (n / 1024).toFixed(1).padStart(8);
console.log('\nFirst-load transfer (gzip -9), KiB');
console.log('  kind   raw KiB  gzip KiB  file');
for (const row of rows) console.log(`  ${row.kind.padEnd(5)}${kb(row.raw)}  ${kb(row.gzip)}  ${row.name}`);
for (const kind of kinds) {
  const of = rows.filter((r) => r.kind === kind.slice(1));
  console.log(`  total ${kind.slice(1).padEnd(4)} ${kb(of.reduce((s, r) => s + r.gzip, 0))} KiB gzip`);
}
const total = rows.reduce((s, r) => s + r.gzip, 0);
console.log(`  TOTAL first load: ${(total / 1024).toFixed(1)} KiB gzip (${total} bytes)`);

// The designer preview (Cargo feature `preview`) must not reach end users: look for its words, its gallery's route
// and its styles in the bundle (wasm, js, css, html).
const previewMarkers = ['Preview: simulated conditions', 'Apply and reload data', '/gallery', 'Component gallery', '.preview-panel', '.gallery__state'];
const bundleText = (await Promise.all(files.map((name) => readFile(join(dist, name))))).map((b) => b.toString('latin1')).join('');
const leaked = previewMarkers.filter((marker) => bundleText.includes(marker));
console.log(`  designer preview in this bundle: ${leaked.length ? `PRESENT (${leaked.join(', ')})` : 'absent'}`);

// Time to the overview's content: from navigation start until the holdings card has rendered its data.
const { server, url } = await serve(dist);
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const times = [];
let log;
try {
  for (let i = 0; i < runs + 1; i++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url + '/', { waitUntil: 'commit' });
    await page.waitForSelector('.holdings__source', { timeout: 30_000 });
    const ms = await page.evaluate(() => performance.now());
    if (i > 0) times.push(ms); // the first run warms the OS file cache and is discarded
    await context.close();
  }
  log = await activityLog(browser, url);
} finally {
  await browser.close();
  server.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`\nTime from navigation to the overview's content (${runs} cold loads, fresh browser context each)`);
console.log(`  median ${median.toFixed(0)} ms   min ${times[0].toFixed(0)} ms   max ${times[times.length - 1].toFixed(0)} ms`);

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
