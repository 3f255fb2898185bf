import { test, expect, waitForOverview, expectNoAxeViolations, holdRequests } from './fixtures';

// The rest of the main module: the functions a first load does not run, cut out of the release build's main module by
// a profile of first loads (scripts/split-rest.mjs) and fetched once the first page is on screen.
const restCode = /-rest-[0-9a-f]{16}\.wasm$/;
// What the browser reports when the rest cannot be fetched: the failed fetches and the call that could not go on.
const restFailureErrors = /Failed to load resource|rest of the portal could not be fetched|NetworkError|Failed to execute 'send'/;

function activityLink(page: import('@playwright/test').Page) {
  return page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity', exact: true });
}

test('the first load does not wait for the rest of the code: it comes once the page is on screen', async ({ page }) => {
  await page.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.querySelector('.holdings__source-title')) {
        (window as unknown as { __content: number }).__content = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  await waitForOverview(page);
  const timing = await page.waitForFunction(() => {
    const rest = performance.getEntriesByType('resource').find((entry) => /-rest-[0-9a-f]{16}\.wasm$/.test(entry.name));
    return rest && rest.responseEnd > 0 && { requested: rest.startTime, content: (window as unknown as { __content: number }).__content };
  });
  const { requested, content } = await timing.jsonValue();
  expect(requested).toBeGreaterThan(content);
  // What the rest holds works: the menu's navigation, then a page's own controls.
  await activityLink(page).click();
  await expect(page.locator('.activity-summary')).toContainText('entries');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('a click before the rest has arrived fetches it at once and goes on', async ({ page }) => {
  const requests: string[] = [];
  page.on('request', (request) => {
    if (restCode.test(request.url())) requests.push(request.url());
  });
  // The background fetch never gets an answer; the next request (the click's) goes through.
  let held = false;
  await page.route(restCode, (route) => {
    if (!held) {
      held = true;
      return;
    }
    return route.continue();
  });
  await page.goto('/');
  await waitForOverview(page);
  await expect.poll(() => held).toBe(true);
  await activityLink(page).click();
  await expect(page.locator('.activity-summary')).toContainText('entries');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  expect(requests).toHaveLength(2);
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('when the rest cannot be fetched, the page says so and "Try again" loads it again', async ({ page, consoleErrors }) => {
  await page.route(restCode, (route) => route.abort('failed'));
  await page.goto('/');
  await waitForOverview(page);
  // A button whose handler is in the rest (a link would still be followed: the browser's own navigation, a full load).
  const footer = page.getByRole('contentinfo');
  await footer.getByRole('button', { name: 'Reset demo data' }).click();
  const alert = page.locator('#code-failure');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert).toContainText('This part of the portal did not arrive. Check your internet connection, then try again. Nothing you saved is lost.');
  const retry = alert.getByRole('button', { name: 'Try again' });
  await expect(retry).toBeFocused();
  await expect(page).toHaveURL(/\/$/);
  // Each press that needs the code brings focus back to "Try again" (the message is there once).
  await footer.getByRole('button', { name: 'Reset demo data' }).click();
  await expect(retry).toBeFocused();
  await expect(page.locator('#code-failure')).toHaveCount(1);
  await expectNoAxeViolations(page, 'the rest of the code could not be fetched');
  // The browser reports the failed fetches and the click that could not go on; nothing else.
  for (const error of consoleErrors) expect(error).toMatch(restFailureErrors);
  consoleErrors.length = 0;

  // Back online: "Try again" loads the portal again, which works in full.
  await page.unroute(restCode);
  await retry.click();
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('#code-failure')).toHaveCount(0);
  await waitForOverview(page);
  await footer.getByRole('button', { name: 'Reset demo data' }).click();
  await expect(footer.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await activityLink(page).click();
  await expect(page.locator('.activity-summary')).toContainText('entries');
});

test('a failure outside a person\'s action is announced without moving focus', async ({ page, consoleErrors }) => {
  await page.route(restCode, (route) => route.abort('failed'));
  await page.goto('/');
  await waitForOverview(page);
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await skip.focus();
  // A script's click (not a person's) stands for work in the background that needed the code.
  await page.evaluate(() => {
    const reset = [...document.querySelectorAll('footer button')].find((button) => button.textContent?.includes('Reset demo data'));
    (reset as HTMLButtonElement).click();
  });
  const alert = page.locator('#code-failure');
  await expect(alert).toHaveAttribute('role', 'alert');
  await expect(alert.getByRole('button', { name: 'Try again' })).toBeVisible();
  await page.waitForTimeout(100);
  await expect(skip).toBeFocused();
  for (const error of consoleErrors) expect(error).toMatch(restFailureErrors);
  consoleErrors.length = 0;
});

test('a slow first load shows its slow state without the rest of the code', async ({ page, consoleErrors }) => {
  // The rest never comes, and the documents come only once the loading panel has said that they are slow (3 s): what
  // a slow connection's first load runs is in the main module (scripts/split-rest.mjs profiles such a visit the same
  // way). Held, not delayed by a fixed time: the preloaded requests start before the app does, and on a busy machine
  // a fixed delay could end before the panel's three seconds.
  await page.route(restCode, (route) => route.abort('failed'));
  const release = await holdRequests(page, '**/api/**');
  await page.goto('/');
  await expect(page.locator('main .loading-panel__slow').first()).toBeVisible({ timeout: 10_000 });
  // What the slow state runs after it shows (its "Try again" button, a screen reader's announcement) has its moment.
  await page.waitForTimeout(500);
  release();
  await waitForOverview(page);
  await expect(page.locator('#code-failure')).toHaveCount(0);
  // The background fetch of the rest failed (the browser says so); nothing else went wrong.
  for (const error of consoleErrors) expect(error).toMatch(/Failed to load resource/);
  consoleErrors.length = 0;
});
