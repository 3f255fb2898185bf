import { test, expect, routes, expectNoAxeViolations } from './fixtures';

const nav = (page: import('@playwright/test').Page) => page.getByRole('navigation', { name: 'Main' });

test('the switcher changes the language at once, without a reload, and the choice survives a reload', async ({
  page,
  consoleErrors,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-29T10:00:00+05:30'));
  await page.goto('/policy');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy policy');
  await expect(page.getByRole('contentinfo')).toContainText('effective from 25 May 2015');
  // Nothing reloads: a marker set on the window survives the switch.
  await page.evaluate(() => ((window as any).__sameDocument = true));

  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datenschutzerklärung');
  await expect(page).toHaveTitle('Datenschutzerklärung · iCanopus Privacy Portal');
  await expect(nav(page).getByRole('link', { name: 'Übersicht' })).toBeVisible();
  // The cookie banner of a first visit speaks it too, and its buttons still work.
  await expect(page.getByRole('region', { name: 'Cookies auf unseren Websites' })).toContainText('Keines davon ist aktiv');
  await expect(page.getByRole('contentinfo')).toContainText('gültig ab 25. Mai 2015.');
  await expect(page.getByText('Die Erklärung wird in ihrem rechtsverbindlichen englischen Originalwortlaut angezeigt')).toBeVisible();
  // The policy text itself stays in English, and says so to assistive technology.
  await expect(page.getByRole('article', { name: 'Privacy policy text' })).toHaveAttribute('lang', 'en');
  expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);

  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('combobox', { name: 'Sprache' })).toHaveValue('de');
  await page.getByRole('button', { name: 'Alle ablehnen' }).click();
  await expect(page.getByRole('region', { name: 'Cookies auf unseren Websites' })).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datenschutzerklärung');

  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('hi');
  await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('निजता नीति');
  await expect(nav(page).getByRole('link', { name: 'सारांश' })).toBeVisible();
  await expect(page.getByRole('combobox', { name: 'भाषा' })).toHaveValue('hi');
  // Dates follow the language through Intl: the footer's date is no longer "25 May 2015".
  await expect(page.getByRole('contentinfo')).not.toContainText('25 May 2015');
  await expect(page.getByRole('contentinfo')).toContainText('2015');
});

test('the profile language is used when the portal speaks it; a choice in this browser wins', async ({ page, consoleErrors }) => {
  // The long-time demo user's profile says German? Set it through the overlay, as an edit on the profile page would.
  await page.goto('/');
  await page.evaluate(() =>
    localStorage.setItem(
      'icanopus-privacy-portal/overlay/asha',
      JSON.stringify({ version: 1, patches: { profile: { optional: { language: 'de-DE' } } }, appended: {} }),
    ),
  );
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihre Privatsphäre auf einen Blick');
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy at a glance');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy at a glance');
});

for (const language of ['hi', 'de']) {
  test(`axe finds nothing in ${language}`, async ({ page }) => {
    await page.addInitScript((l) => localStorage.setItem('icanopus-privacy-portal/language', l), language);
    for (const path of ['/', '/policy']) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      await expectNoAxeViolations(page, `${path} in ${language}`);
    }
  });
}

test('German at 320 px: no page scrolls sideways', async ({ page }) => {
  await page.setViewportSize({ width: 320, height: 800 });
  await page.addInitScript(() => localStorage.setItem('icanopus-privacy-portal/language', 'de'));
  for (const route of routes) {
    await page.goto(route.path);
    await expect(page.locator('html')).toHaveAttribute('lang', 'de');
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${route.path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    await page.screenshot({ path: test.info().outputPath(`de-320${route.path.replace(/\//g, '-') || '-home'}.png`), fullPage: true });
  }
});
