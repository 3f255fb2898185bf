// Benchmark driver: first-load transfer of a built bundle (gzip -9 bytes of html, js, wasm and css) and the time
// from navigation to the overview's content in headless Chromium (median of several cold loads).
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

// Time to the overview's content: from navigation start until the holdings card has rendered its data.
const { server, url } = await serve(dist);
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
const times = [];
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
} finally {
  await browser.close();
  server.close();
}
times.sort((a, b) => a - b);
const median = times[Math.floor(times.length / 2)];
console.log(`\nTime from navigation to the overview's content (${runs} cold loads, fresh browser context each)`);
console.log(`  median ${median.toFixed(0)} ms   min ${times[0].toFixed(0)} ms   max ${times[times.length - 1].toFixed(0)} ms`);
