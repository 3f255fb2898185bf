import type { Page } from '@playwright/test';
import { test, expect, routes } from './fixtures';

// public/preload-documents.js asks for the documents an address shows while the app's code is on its way. These
// tests keep its list in step with the app: at every address, the documents preloaded are exactly the ones the app
// reads on a first load (found with the script blocked), and each comes over the network once.

const preloadScript = '**/app-*/preload-documents.js';

/** The /api/ documents of a first load of `path`, once the page, its header and the shell's reads have settled. */
async function documentsRead(page: Page, path: string) {
  const requested: string[] = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname.startsWith('/api/')) requested.push(url.pathname);
  });
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('contentinfo')).toBeVisible();
  await page.waitForLoadState('networkidle');
  // How each came: `link` for a preload, `fetch` for the app's own read that went to the network.
  const entries = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => new URL(entry.name).pathname.startsWith('/api/'))
      .map((entry) => ({ path: new URL(entry.name).pathname, initiator: (entry as PerformanceResourceTiming).initiatorType })),
  );
  return { requested, entries };
}

const addresses = [
  ...routes.map((route) => route.path),
  '/requests/export',
  '/requests/delete',
  '/requests/new?category=social-media&right=delete',
  '/requests/concern',
  '/requests/PR-2026-0412',
  '/no-such-page',
];

for (const path of addresses) {
  test(`${path}: the documents preloaded are the ones the app reads, each fetched once`, async ({ page, browser, baseURL }) => {
    // What the app reads by itself, the script blocked (a browser context of its own: nothing cached).
    const bare = await browser.newPage({ baseURL, locale: 'en-GB', timezoneId: 'Asia/Kolkata' });
    await bare.route(preloadScript, (route) => route.abort());
    const withoutScript = await documentsRead(bare, path);
    await bare.close();
    expect(withoutScript.entries.every((entry) => entry.initiator === 'fetch')).toBe(true);
    const reads = [...new Set(withoutScript.requested)].sort();
    expect(reads).toContain('/api/personas/asha/profile.json');

    // With the script: the same documents, every one from a preload, none asked for twice.
    const withScript = await documentsRead(page, path);
    expect([...withScript.requested].sort()).toEqual(reads);
    expect(withScript.entries.map((entry) => `${entry.initiator} ${entry.path}`).sort()).toEqual(
      reads.map((read) => `link ${read}`),
    );
  });
}

test('the stored demo user\'s documents are the ones preloaded', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('icanopus-privacy-portal/persona', 'longtime'));
  const { requested, entries } = await documentsRead(page, '/');
  await expect(page.getByRole('main')).toContainText('Welcome back, Meera.');
  const personal = requested.filter((path) => path.startsWith('/api/personas/'));
  expect(personal.length).toBeGreaterThan(0);
  expect(personal.every((path) => path.startsWith('/api/personas/longtime/'))).toBe(true);
  expect(new Set(requested).size).toBe(requested.length);
  expect(entries.every((entry) => entry.initiator === 'link')).toBe(true);
});
