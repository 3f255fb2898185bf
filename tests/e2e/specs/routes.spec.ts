import { test, expect, routes, expectNoAxeViolations } from './fixtures';

for (const route of routes) {
  test(`${route.path} renders its page with the shell, no console error and no foreign request`, async ({
    page,
    consoleErrors,
    foreignRequests,
  }) => {
    // Before the announced policy change of 15 Dec 2026 takes effect.
    await page.clock.setFixedTime(new Date('2026-11-29T10:00:00+05:30'));
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
    await expect(page.locator('h1')).toHaveCount(1);
    await expect(page.locator('main')).toHaveCount(1);
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeAttached();
    await expect(page).toHaveTitle(`${route.heading} · iCanopus Privacy Portal`);
    await expect(page.getByRole('banner')).toContainText('Asha Raman');
    await expect(page.getByRole('contentinfo').getByRole('link', { name: 'sales@icanopustech.com' })).toHaveAttribute(
      'href',
      'mailto:sales@icanopustech.com',
    );
    await expect(page.getByRole('contentinfo')).toContainText('effective from 25 May 2015');
    const current = page.getByRole('navigation', { name: 'Main' }).locator('[aria-current="page"]');
    await expect(current).toHaveCount(1);
    await expect(current).toHaveText(route.nav);
    expect(consoleErrors).toEqual([]);
    expect(foreignRequests).toEqual([]);
  });

  for (const scheme of ['light', 'dark'] as const) {
    test(`${route.path} passes axe (WCAG 2.2 AA) in the ${scheme} theme`, async ({ page }) => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(route.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      await expectNoAxeViolations(page, `${route.path} (${scheme})`);
    });
  }
}

test('an unknown path shows "Page not found" inside the shell', async ({ page, consoleErrors }) => {
  await page.goto('/no/such/page');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page).toHaveTitle('Page not found · iCanopus Privacy Portal');
  await expect(page.locator('main')).toHaveCount(1);
  await page.getByRole('link', { name: 'your privacy overview' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy at a glance');
  await expectNoAxeViolations(page, 'not found');
  expect(consoleErrors).toEqual([]);
});

test('the portal is usable at 320 px: no horizontal scroll, menu opens and navigates', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 640 });
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  const menu = page.getByRole('button', { name: 'Menu' });
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByRole('link', { name: 'Requests', exact: true })).toBeHidden();
  await menu.click();
  await expect(menu).toHaveAttribute('aria-expanded', 'true');
  await page.getByRole('link', { name: 'Requests', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy requests');
  await expect(menu).toHaveAttribute('aria-expanded', 'false');
});
