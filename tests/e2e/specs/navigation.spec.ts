import { test, expect, routes, waitForOverview } from './fixtures';

test('navigating with the menu never reloads the page and marks the current link', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await waitForOverview(page);
  // A value on window survives client-side navigation only; a reload would wipe it.
  await page.evaluate(() => ((window as any).__noReload = 'still here'));
  let documentLoads = 0;
  page.on('load', () => documentLoads++);
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const route of [...routes.slice(1), routes[0]]) {
    await nav.getByRole('link', { name: route.nav, exact: true }).click();
    await expect(page).toHaveURL(route.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
    await expect(nav.getByRole('link', { name: route.nav, exact: true })).toHaveAttribute('aria-current', 'page');
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
  }
  expect(await page.evaluate(() => (window as any).__noReload)).toBe('still here');
  expect(documentLoads).toBe(0);
  expect(consoleErrors).toEqual([]);
});

test('focus moves to the new heading after navigation', async ({ page }) => {
  await page.goto('/');
  await waitForOverview(page);
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('the skip link jumps to the main content', async ({ page }) => {
  await page.goto('/');
  await waitForOverview(page);
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to main content' });
  await expect(skip).toBeFocused();
  await skip.press('Enter');
  await expect(page.locator('main')).toBeFocused();
});

for (const route of routes) {
  test(`deep link ${route.path} survives a reload`, async ({ page, consoleErrors }) => {
    const response = await page.goto(route.path);
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
    await page.reload();
    await expect(page).toHaveURL(route.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
    expect(consoleErrors).toEqual([]);
  });
}

test('back and forward move between visited pages', async ({ page }) => {
  await page.goto('/');
  await waitForOverview(page);
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Requests' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy requests');
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy at a glance');
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy requests');
});
