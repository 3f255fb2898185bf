import type { Page } from '@playwright/test';
import { test, expect, waitForOverview, expectNoAxeViolations } from './fixtures';

/** The lazily loaded pages' modules and the code they share (wasm-split-cli names them). */
const pageCode = /\/app-[0-9a-f]{16}\/(split|chunk)_\w+\.wasm$/;

/** Every console error is the browser or the loader reporting the blocked module fetches, nothing else. */
function expectOnlyFetchErrors(errors: string[]) {
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) expect(error).toMatch(/Failed to load resource|Failed to fetch|TypeError/);
  errors.length = 0;
}

/** Holds back every page module until `release` is called. */
async function holdPageCode(page: Page) {
  await page.route(pageCode, () => {});
  return async () => {
    // Removing the handler lets the requests it held go on.
    await page.unroute(pageCode);
  };
}

function pageLoading(page: Page) {
  return page.getByRole('main').getByRole('status').filter({ hasText: 'Loading this page…' });
}

async function expectPageUnavailable(page: Page, heading: string) {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('We could not load this page');
  await expect(alert).toContainText('Check your internet connection, then try again. If the portal was updated since you opened it, reload the page. Nothing you saved is lost.');
  return alert;
}

test('the overview and the shell need no other page\'s code; the rest comes when a page is opened', async ({ page }) => {
  const modules: string[] = [];
  page.on('request', (request) => {
    if (pageCode.test(request.url())) modules.push(request.url());
  });
  // Hold back every page module: the overview must come in full without them.
  await page.route(pageCode, () => {});
  await page.goto('/');
  await waitForOverview(page);
  await expect(page.getByRole('main')).toContainText('Welcome back, Asha.');
  await page.unroute(pageCode);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page.locator('.activity-summary')).toContainText('entries');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(modules.length).toBeGreaterThan(0);
});

test('a page whose code cannot be fetched says so, keeps the portal working, and "Try again" brings it', async ({ page, consoleErrors }) => {
  await page.route(pageCode, (route) => route.abort('failed'));
  await page.goto('/');
  await waitForOverview(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Activity', exact: true }).click();
  await expect(page).toHaveURL(/\/activity$/);
  const alert = await expectPageUnavailable(page, 'Access and activity log');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  await expect(page).toHaveTitle(/^Access and activity log/);
  await expectNoAxeViolations(page, 'a page whose code could not be fetched');

  // Still failing: the panel stays and its button can be pressed again.
  const retry = alert.getByRole('button', { name: 'Try again' });
  await retry.click();
  await expect(retry).toBeEnabled();
  await expect(alert).toContainText('We could not load this page');

  // The overview, whose code came with the first load, still works.
  await nav.getByRole('link', { name: 'Overview', exact: true }).click();
  await waitForOverview(page);
  await nav.getByRole('link', { name: 'Activity', exact: true }).click();
  await expectPageUnavailable(page, 'Access and activity log');

  // The connection is back: "Try again" fetches the page's code and shows the page.
  await page.unroute(pageCode);
  await page.getByRole('main').getByRole('button', { name: 'Try again' }).click();
  await expect(page.locator('.activity-summary')).toContainText('entries');
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await nav.getByRole('link', { name: 'Sharing', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partners, apps and third parties');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expectOnlyFetchErrors(consoleErrors);
});

test('opening a page by its address while its code cannot be fetched shows the shell and the reason', async ({ page, consoleErrors }) => {
  await page.route(pageCode, (route) => route.abort('failed'));
  await page.goto('/profile');
  const alert = await expectPageUnavailable(page, 'Your profile');
  await expect(page.getByRole('banner')).toContainText('Asha Raman');
  await page.unroute(pageCode);
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('main')).toContainText('Time zone');
  expectOnlyFetchErrors(consoleErrors);
});

test('opening a page by its address shows its heading and a loading panel until its code comes', async ({ page }) => {
  const release = await holdPageCode(page);
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
  await expect(page).toHaveTitle(/^Your profile/);
  await expect(pageLoading(page)).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Asha Raman');
  await expectNoAxeViolations(page, 'a page whose code is on its way');
  // After three seconds it says that this takes long, and that the page comes by itself (fetching again would not help).
  await expect(pageLoading(page)).toContainText('This is taking longer than usual. It will appear here as soon as it arrives.');
  await expect(pageLoading(page).getByRole('button')).toHaveCount(0);
  await release();
  await expect(page.getByRole('main')).toContainText('Time zone');
  await expect(pageLoading(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
});

test('after navigation, a page whose code is slow replaces the previous page with a loading panel, then focus goes to the page', async ({ page }) => {
  // No background fetch: the page's code is fetched when the page is opened.
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  await page.goto('/');
  await waitForOverview(page);
  const release = await holdPageCode(page);
  const link = page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sharing', exact: true });
  await link.click();
  await expect(page).toHaveURL(/\/sharing$/);
  await expect(pageLoading(page)).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partners, apps and third parties');
  await expect(page.getByRole('main')).not.toContainText('Welcome back, Asha.');
  // Focus waits for the page itself.
  await expect(page.getByRole('heading', { level: 1 })).not.toBeFocused();
  await release();
  await expect(page.getByRole('main')).toContainText('Received on 15 Mar 2019');
  await expect(pageLoading(page)).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('a page opened by its address asks for its code beside the main module, each file once; the overview asks for none', async ({ page, consoleErrors }) => {
  // No background fetch: only what the page itself needs is asked for.
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  await page.goto('/activity');
  await expect(page.locator('.activity-summary')).toContainText('entries');
  // The preloads the build's route script added for this path: the page's module and the chunks it needs.
  const preloaded = (
    await page.locator('link[rel="preload"][as="fetch"]').evaluateAll((links) =>
      links.map((link) => new URL((link as HTMLLinkElement).href).pathname),
    )
  ).filter((path) => pageCode.test(path));
  expect(preloaded.filter((path) => /\/split_/.test(path))).toHaveLength(1);
  expect(preloaded.length).toBeGreaterThan(1);
  // What came over the network (Resource Timing; a fetch the browser answered with a preload it already had
  // transfers nothing): each of those files once, and no other page code.
  const downloaded = await page.evaluate(() =>
    performance
      .getEntriesByType('resource')
      .filter((entry) => (entry as PerformanceResourceTiming).transferSize > 0)
      .map((entry) => new URL(entry.name).pathname),
  );
  const pageDownloads = downloaded.filter((path) => pageCode.test(path));
  expect(new Set(pageDownloads).size).toBe(pageDownloads.length);
  expect(pageDownloads.sort()).toEqual([...preloaded].sort());

  await page.goto('/');
  await waitForOverview(page);
  await expect(page.locator('link[rel="preload"][as="fetch"][href$=".wasm"]')).toHaveCount(1);
  // A path whose first segment is a name every object has (the script looks paths up in a table): no page code,
  // no error, the "not found" page.
  await page.goto('/constructor');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.locator('link[rel="preload"][as="fetch"][href$=".wasm"]')).toHaveCount(1);
  expect(consoleErrors).toEqual([]);
});

test('once the first page is on screen, every other page\'s code comes in the background', async ({ page }) => {
  const pages = new Set<string>();
  page.on('requestfinished', (request) => {
    if (/\/split_\w+\.wasm$/.test(request.url())) pages.add(request.url());
  });
  await page.goto('/');
  await waitForOverview(page);
  // Nine modules: the cookie banner's choices, then the pages' (information, communications, cookies, profile, the
  // request pages, activity, sharing, policy).
  await expect.poll(() => pages.size, { timeout: 20_000 }).toBe(9);
});

test('with the browser\'s Save-Data setting, a page\'s code comes only when the page is opened', async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  const pages: string[] = [];
  page.on('request', (request) => {
    if (/\/split_\w+\.wasm$/.test(request.url())) pages.push(request.url());
  });
  await page.goto('/');
  await waitForOverview(page);
  // The background fetch would have started 2 s after the shell.
  await page.waitForTimeout(4_000);
  expect(pages).toEqual([]);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy policy');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(pages).toHaveLength(1);
});
