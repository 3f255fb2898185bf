import { test, expect, routes, expectNoAxeViolations } from './fixtures';

const nav = (page: import('@playwright/test').Page) =>
  page.getByRole('navigation', { name: /^(Main|Hauptnavigation|मुख्य)$/ });

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
  await expect(page.getByRole('article', { name: 'Text der Datenschutzrichtlinie' })).toHaveAttribute('lang', 'en');
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
  // The profile says German? Stored as an earlier build kept changes (one overlay per demo user), which this build
  // splits into one entry per document on its first read.
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

/** Every route, plus the request journeys and a request's own page. */
const paths = [...routes.map((r) => r.path), '/requests/export', '/requests/delete', '/requests/PR-2026-0412'];

for (const language of ['hi', 'de']) {
  test(`axe finds nothing on any page in ${language}`, async ({ page }) => {
    test.setTimeout(120_000);
    await page.addInitScript((l) => localStorage.setItem('icanopus-privacy-portal/language', l), language);
    for (const path of paths) {
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      await expectNoAxeViolations(page, `${path} in ${language}`);
    }
  });
}

for (const [language, width] of [['de', 320], ['hi', 320], ['de', 1280]] as const) {
test(`${language} at ${width} px: no page scrolls sideways`, async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width, height: 800 });
  await page.addInitScript((l) => localStorage.setItem('icanopus-privacy-portal/language', l), language);
  for (const path of paths) {
    await page.goto(path);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(overflow, `${path} overflows by ${overflow}px`).toBeLessThanOrEqual(0);
    // No text box cut off inside its own box either: a word wider than its element would be clipped or overlap.
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll('main *, header *, footer *')]
        .filter((el) => {
          const style = getComputedStyle(el);
          if (style.display === 'none' || style.visibility === 'hidden' || el.closest('.visually-hidden')) return false;
          if (!['hidden', 'clip'].includes(style.overflowX)) return false;
          return el.scrollWidth > el.clientWidth + 1;
        })
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}: ${(el.textContent ?? '').trim().slice(0, 40)}`),
    );
    expect(clipped, `${path}: text clipped in ${clipped.join(' | ')}`).toEqual([]);
    await page.screenshot({
      path: test.info().outputPath(`${language}-${width}${path.replace(/\//g, '-') || '-home'}.png`),
      fullPage: true,
    });
  }
});
}

test('page bodies speak the chosen language: forms, errors, messages and the backend failure panel', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('icanopus-privacy-portal/language', 'de'));
  await page.goto('/data');
  await expect(page.getByLabel('Herkunft')).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Was wir länger aufbewahren dürfen' })).toBeVisible();

  await page.goto('/requests/export');
  await page.getByRole('button', { name: 'Weiter' }).click();
  await expect(page.getByRole('heading', { name: 'Es gibt ein Problem' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Wählen Sie ein Format' })).toBeVisible();

  // A failing backend is explained in German, and "Erneut versuchen" works.
  await page.route('**/api/personas/*/requests.json', (route) => route.fulfill({ status: 500, body: 'down' }));
  await page.goto('/requests');
  await expect(page.getByRole('heading', { name: 'Wir konnten Ihre Anträge nicht laden' })).toBeVisible();
  await expect(page.getByText('Fehler 500')).toBeVisible();
  await page.unroute('**/api/personas/*/requests.json');
  await page.getByRole('button', { name: 'Erneut versuchen' }).click();
  await expect(page.getByRole('heading', { name: 'Ihre Anträge', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Wir konnten Ihre Anträge nicht laden' })).toHaveCount(0);
  await expect(page.getByRole('columnheader', { name: 'Aktenzeichen' })).toBeVisible();

  // Validation messages and the correction form's words.
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Berichtigung beantragen für „Name“' }).click();
  await page.getByRole('button', { name: 'Berichtigungsantrag senden' }).click();
  await expect(page.getByRole('link', { name: 'Bitte die richtige Angabe für „Name“ eingeben' })).toBeVisible();
});

test('what you typed stays when you switch language mid-way', async ({ page }) => {
  await page.goto('/profile');
  const zone = page.getByLabel('Time zone', { exact: true });
  await zone.fill('Europe/Berlin');
  await page.getByRole('combobox', { name: 'Language', exact: true }).selectOption('de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihr Profil');
  await expect(page.getByLabel('Zeitzone', { exact: true })).toHaveValue('Europe/Berlin');

  await page.goto('/requests/delete');
  await page.getByLabel('Ihr gesamtes Konto').check();
  await page.getByRole('button', { name: 'Weiter' }).click();
  await page.getByLabel('Geben Sie zur Bestätigung Ihren Benutzernamen ein').fill('asha');
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('hi');
  await expect(page.getByLabel('पुष्टि के लिए अपना उपयोगकर्ता नाम टाइप करें')).toHaveValue('asha');
  await expect(page.getByRole('button', { name: 'मेरा खाता हटाएँ' })).toBeVisible();
});
