// Screenshots for design review: every page, light and dark, 375 px and 1280 px wide, full length, as PNG files.
// Usage: node screenshots.mjs <dist-dir> <out-dir>. The bundle is the designer preview build; its panel is hidden
// so the pages are shown as users see them.
import { chromium } from '@playwright/test';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { serve } from './static-server.mjs';
import { chromiumArgs, executablePath } from './chromium.mjs';

const [dist, out] = process.argv.slice(2);
if (!dist || !out) throw new Error('usage: node screenshots.mjs <dist-dir> <out-dir>');

const pages = [
  ['overview', '/'],
  ['data', '/data'],
  ['communications', '/communications'],
  ['cookies', '/cookies'],
  ['profile', '/profile'],
  ['requests', '/requests'],
  ['request-detail', '/requests/PR-2026-0412'],
  ['new-export', '/requests/export'],
  ['new-deletion', '/requests/delete'],
  ['activity', '/activity'],
  ['sharing', '/sharing'],
  ['policy', '/policy'],
  ['not-found', '/no-such-page'],
  // The designer preview's component gallery (in this build only).
  ['gallery', '/gallery'],
];
const widths = [375, 1280];
const schemes = ['light', 'dark'];

const { server, url } = await serve(dist);
const browser = await chromium.launch({ executablePath, args: chromiumArgs });
let written = 0;
try {
  for (const scheme of schemes) {
    for (const width of widths) {
      const folder = join(out, `${width}-${scheme}`);
      await mkdir(folder, { recursive: true });
      const context = await browser.newContext({
        viewport: { width, height: 900 },
        colorScheme: scheme,
        locale: 'en-GB',
        timezoneId: 'Asia/Kolkata',
        reducedMotion: 'reduce',
      });
      const page = await context.newPage();
      // A returning user: the cookie choice is made once, so the banner does not cover every page.
      await page.goto(url + '/');
      await page.getByRole('button', { name: 'Reject all' }).click({ timeout: 15_000 });
      for (const [name, path] of pages) {
        await page.goto(url + path);
        await page.addStyleTag({ content: '.preview-panel { display: none !important; }' });
        await page.getByRole('heading', { level: 1 }).waitFor();
        await page
          .getByRole('status')
          .filter({ hasText: /^Loading/ })
          .first()
          .waitFor({ state: 'detached', timeout: 15_000 })
          .catch(() => {});
        const file = join(folder, `${name}.png`);
        await page.screenshot({ path: file, fullPage: true, animations: 'disabled' });
        written += 1;
      }
      await context.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
console.log(`${written} screenshots written to ${out} (${pages.length} pages × ${widths.join(' and ')} px × light and dark)`);
