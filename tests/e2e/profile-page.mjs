// Development aid: what the browser does when one page is opened from the menu, for finding long tasks.
// node profile-page.mjs <built dist> <menu link name> [demo user]
// Prints the long tasks of the first load and of opening the page, then the functions taking the most time (self
// and inclusive) from a CPU profile. Function names need a build that keeps them (wasm-bindgen --keep-debug and
// wasm-opt -g). NOPROF=1: long tasks only (the profiler slows the page down). REPEAT=1: open the page twice first,
// going back to the overview in between. JSFLAGS=...: V8 flags, e.g. --no-wasm-lazy-compilation. BOOT=1: profile the
// first load instead of opening the page. PROFILE_OUT=file.cpuprofile: also write the profile (DevTools opens it).
import { writeFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { serve } from './static-server.mjs';

const [dist, linkName, persona] = process.argv.slice(2);
const { server, url } = await serve(dist);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [...(process.env.JSFLAGS ? ['--js-flags=' + process.env.JSFLAGS] : []), '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const context = await browser.newContext({ locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) window.__longTasks.push(Math.round(e.duration));
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const profiling = !process.env.NOPROF;
  const startProfile = async () => {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
    await cdp.send('Profiler.start');
  };
  if (profiling && process.env.BOOT) await startProfile();
  await page.goto(url + '/' + (persona ? `?as=${persona}` : ''));
  await page.waitForSelector('.holdings__source', { timeout: 30_000 });
  await page.waitForTimeout(1000);
  console.log('boot long tasks', await page.evaluate(() => window.__longTasks.splice(0)));
  if (profiling && process.env.BOOT) {
    await report(cdp);
    process.exit(0);
  }
  if (process.env.REPEAT) {
    for (let i = 0; i < 2; i++) {
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: linkName, exact: true }).click();
      await page.waitForTimeout(1000);
      console.log('visit', i + 1, await page.evaluate(() => window.__longTasks.splice(0)));
      await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview', exact: true }).click();
      await page.waitForTimeout(1000);
      console.log('back', await page.evaluate(() => window.__longTasks.splice(0)));
    }
  }
  if (profiling) await startProfile();
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: linkName, exact: true }).click();
  await page.waitForTimeout(1500);
  console.log('long tasks', await page.evaluate(() => window.__longTasks.splice(0)));
  if (!profiling) process.exit(0);
  await report(cdp);
} finally {
  await browser.close();
  server.close();
}

/** Stops the profiler and prints the functions taking the most time, self and inclusive. */
async function report(cdp) {
  const { profile } = await cdp.send('Profiler.stop');
  if (process.env.PROFILE_OUT) writeFileSync(process.env.PROFILE_OUT, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, i) => {
    const n = byId.get(id);
    const name = `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.split('/').pop()}`;
    self.set(name, (self.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
  });
  const top = [...self.entries()].filter(([k]) => !k.startsWith('(idle)') && !k.startsWith('(program)')).sort((a, b) => b[1] - a[1]).slice(0, 40);
  for (const [k, ms] of top) console.log(ms.toFixed(1).padStart(7), k);
  // Inclusive time per function (counted once per sample even when recursive).
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const incl = new Map();
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      const name = n.callFrame.functionName || '(anon)';
      if (seen.has(name)) continue;
      seen.add(name);
      incl.set(name, (incl.get(name) ?? 0) + (dt[i] ?? 0) / 1000);
    }
  });
  console.log('--- inclusive');
  for (const [k, ms] of [...incl.entries()].sort((a, b) => b[1] - a[1]).slice(0, 60)) console.log(ms.toFixed(1).padStart(7), k);
  console.log('--- this crate, inclusive');
  for (const [k, ms] of [...incl.entries()].filter(([k]) => /privacy_portal|leptos_i18n|chrono|serde|__wbg/.test(k)).sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(ms.toFixed(1).padStart(7), k);
}
