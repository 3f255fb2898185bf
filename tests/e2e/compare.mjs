// Compares the first load of two or more builds: cold loads of the overview, alternating between the builds (so a
// busy moment of the machine falls on all of them alike), each in a fresh browser context. Prints, per build, the
// median time until the overview's content was painted and until it was put in the document, how many loads had no
// task over 50 ms and the longest task of the others. For deciding whether a change to the first load is worth
// keeping; `scripts/bench` is the benchmark of record.
// Usage: node compare.mjs <loads> <dist-dir> <dist-dir> [more dist dirs]   (build each with `trunk build --release
// --dist <dir>`; the first round of loads warms the file cache and is not counted)
import { chromium } from '@playwright/test';
import { serve } from './static-server.mjs';
import { chromiumArgs, executablePath } from './chromium.mjs';
import { watchFirstLoad } from './first-load.mjs';

const loads = Number(process.argv[2]);
const dists = process.argv.slice(3);
if (!(loads > 0) || dists.length < 2) throw new Error('usage: node compare.mjs <loads> <dist-dir> <dist-dir> [...]');
const servers = await Promise.all(dists.map((dist) => serve(dist)));
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const results = dists.map(() => []);
try {
  for (let round = 0; round <= loads; round++) {
    for (const [which, { url }] of servers.entries()) {
      const context = await browser.newContext();
      await context.addInitScript(watchFirstLoad);
      const page = await context.newPage();
      await page.goto(url + '/', { waitUntil: 'commit' });
      await page.waitForFunction(() => window.__contentPainted !== null, null, { timeout: 30_000 });
      // Long enough for the rest of the first build (header, footer, banner) to have run.
      await page.waitForTimeout(600);
      const load = await page.evaluate(() => ({
        painted: window.__contentPainted,
        inDocument: window.__contentInDocument,
        longest: Math.max(0, ...window.__longTasks),
      }));
      if (round > 0) results[which].push(load);
      await context.close();
    }
  }
} finally {
  await browser.close();
  for (const { server } of servers) server.close();
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`${loads} cold loads of the overview per build, alternating`);
for (const [which, dist] of dists.entries()) {
  const of = results[which];
  const long = of.filter((load) => load.longest > 0).map((load) => load.longest.toFixed(0));
  console.log(
    `  ${dist}: content painted ${median(of.map((l) => l.painted)).toFixed(0)} ms, in the document ` +
      `${median(of.map((l) => l.inDocument)).toFixed(0)} ms (medians); ${of.length - long.length} of ${of.length} ` +
      `loads without a task over 50 ms${long.length ? ` (the others: ${long.join(', ')} ms)` : ''}`,
  );
}
