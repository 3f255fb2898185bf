import { test, expect, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';

/** Every category the policy names, by source, as the page titles them. */
const sources = {
  'Provided by you': [
    'Account details',
    'Optional profile',
    'Security question',
    'Payment and billing',
    'Conversations with sales and support',
  ],
  'Collected automatically': ['Browser, device and server logs', 'Application usage'],
  'From third parties': [
    'Sign-in providers',
    'Reselling partners',
    'Event organisers',
    'Review sites',
    'Marketing service providers',
    'Social media',
    'Other public sources',
  ],
  'Your service data': ['Data in our products', 'Mobile devices'],
};
const allCategories = Object.values(sources).flat();

async function openData(page: Page, query = '') {
  await page.goto(`/data${query}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your information');
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
  await expect(page.locator('.data-summary')).toBeVisible();
}

const category = (page: Page, name: string) => page.getByRole('region', { name: new RegExp(`^${name}`) });

test('every source and category appears with the demo user\'s values and the policy\'s rules', async ({
  page,
  consoleErrors,
}) => {
  await openData(page);
  for (const [source, categories] of Object.entries(sources)) {
    await expect(page.getByRole('heading', { level: 2, name: source })).toBeVisible();
    for (const name of categories) {
      const section = category(page, name);
      await expect(section).toBeVisible();
      for (const rule of ['Why we use it', 'Who can see it', 'How long we keep it', 'What you can do']) {
        await expect(section.getByRole('heading', { level: 4, name: rule })).toBeVisible();
      }
    }
  }
  await expect(page.locator('.data-category')).toHaveCount(allCategories.length);

  // Values from the demo user's backend documents, one or more per category.
  const expectations: [string, (string | RegExp)[]][] = [
    ['Account details', ['Asha Raman', '+91 98450 12345', 'Nilgiri Textiles Pvt. Ltd.', 'asha.raman']],
    ['Optional profile', ['Asia/Kolkata', 'en-IN']],
    ['Security question', ['What was the name of your first school?', 'Never shown, not even to you']],
    ['Payment and billing', ['Not stored: card details go straight to the payment processor', 'Razorpay']],
    ['Conversations with sales and support', ['Bulk SMS credits pricing', 'Chat']],
    ['Browser, device and server logs', ['49.207.183.21', 'Firefox 145', 'Jio 5G']],
    ['Application usage', ['Deals pipeline', 'Coimbatore, India']],
    ['Sign-in providers', ['Google', 'Profile photo']],
    ['Reselling partners', ['Kovai Cloud Solutions']],
    ['Event organisers', ['SaaS for Small Business Summit, Bengaluru']],
    ['Review sites', ['G2']],
    ['Marketing service providers', ['LeadGrid Analytics']],
    ['Social media', ['@asha_weaves', 'Instagram', 'may remain with us even if you delete it there']],
    ['Other public sources', ['Ministry of Corporate Affairs company register']],
    ['Data in our products', ['Contacts: 1243', 'You process this data for someone else']],
    ['Mobile devices', ['Samsung Galaxy S24', 'Tiruppur, Tamil Nadu (approximate)']],
  ];
  for (const [name, values] of expectations) {
    const section = category(page, name);
    await section.getByRole('button', { name: /^Show all/ }).click({ timeout: 1000 }).catch(() => {});
    for (const value of values) await expect(section).toContainText(value);
  }
  await expect(category(page, 'Optional profile').getByRole('img', { name: 'Your profile photo' })).toBeVisible();
  await expect(category(page, 'Security question')).toHaveText(/only to reset your password/i);
  await expect(page.getByRole('heading', { level: 2, name: 'Your service data' }).locator('..')).toContainText(
    'ask us to export or delete it',
  );
  await expect(category(page, 'Data in our products')).toContainText('every access is logged and audited');
  await expect(category(page, 'Data in our products')).toContainText(/clean-up on \d+ \w+ \d{4}/);
  await expect(page.getByRole('region', { name: 'What we may keep longer' })).toContainText('Suppression lists');

  // "What you can do" links lead to the page that does it.
  await category(page, 'Browser, device and server logs').getByRole('link', { name: 'Choose which cookies we may use' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cookie preferences');
  await expectNoAxeViolations(page, 'cookies after following a data link');
  expect(consoleErrors).toEqual([]);
});

test('long categories show a few records first and all of them on request', async ({ page }) => {
  await openData(page);
  const logs = category(page, 'Browser, device and server logs');
  await expect(logs.locator('.record-card').filter({ visible: true })).toHaveCount(3);
  const more = logs.getByRole('button', { name: 'Show all 6 records' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(logs.locator('.record-card').filter({ visible: true })).toHaveCount(6);
  await expect(logs.getByRole('button', { name: 'Show the first 3 only' })).toHaveAttribute('aria-expanded', 'true');
});

test('the product filter narrows to that product, lives in the URL and survives a reload', async ({ page }) => {
  await openData(page);
  await page.getByLabel('Product', { exact: true }).selectOption('PROCRM');
  await expect(page).toHaveURL(/\/data\?product=procrm$/);
  await expect(page.getByText('account-wide information is hidden')).toBeVisible();
  await expect(category(page, 'Account details')).toHaveCount(0);
  const usage = category(page, 'Application usage');
  await expect(usage).toContainText('PROCRM');
  await expect(usage).not.toContainText('SMSNDT');
  await expect(page.locator('.data-summary')).toHaveText(/^Showing \d+ of \d+ records/);
  await expectNoAxeViolations(page, 'data filtered by product');

  await page.reload();
  await expect(page.getByLabel('Product', { exact: true })).toHaveValue('procrm');
  await expect(category(page, 'Account details')).toHaveCount(0);
  await expect(category(page, 'Application usage')).not.toContainText('SMSNDT');

  await page.goBack();
  await expect(page).toHaveURL(/\/data$/);
  await expect(category(page, 'Account details')).toBeVisible();
});

test('the source filter shows one source only', async ({ page }) => {
  await openData(page, '?source=automatic');
  await expect(page.getByLabel('Where it came from')).toHaveValue('automatic');
  await expect(page.getByRole('heading', { level: 2, name: 'Collected automatically' })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Provided by you' })).toHaveCount(0);
  await expect(page.locator('.data-category')).toHaveCount(2);
  await page.getByLabel('Where it came from').selectOption('From third parties');
  await expect(page).toHaveURL(/source=third-parties/);
  await expect(page.locator('.data-category')).toHaveCount(7);
});

test('search looks through field names and values, survives a reload, and says when nothing matches', async ({
  page,
}) => {
  await openData(page);
  const search = page.getByRole('searchbox', { name: 'Search names and values' });
  await search.fill('firefox');
  await expect(page).toHaveURL(/\/data\?q=firefox$/);
  await expect(page.locator('.data-category')).not.toHaveCount(16);
  const logs = category(page, 'Browser, device and server logs');
  await expect(logs.locator('.record-card').filter({ visible: true })).toHaveCount(3);
  await expect(logs).not.toContainText('Chrome 142 (Android)');
  await expect(category(page, 'Account details')).toHaveCount(0);

  // A field name matches too: every record with a "Mobile network" field.
  await search.fill('mobile network');
  await expect(logs.locator('.record-card')).toHaveCount(6);

  await search.fill('firefox windows');
  await page.reload();
  await expect(search).toHaveValue('firefox windows');
  await expect(category(page, 'Browser, device and server logs').locator('.record-card')).toHaveCount(3);

  await search.fill('zzzz-nothing');
  await expect(page.getByText('Nothing we hold matches “zzzz-nothing”.')).toBeVisible();
  await expect(page.locator('.data-category')).toHaveCount(0);
  await expectNoAxeViolations(page, 'data with no search results');
  await page.getByRole('link', { name: 'show everything' }).click();
  await expect(page).toHaveURL(/\/data$/);
  await expect(search).toHaveValue('');
  await expect(page.locator('.data-category')).toHaveCount(16);
});

test('a category link on the overview opens that category', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('region', { name: 'What we hold about you' }).getByRole('link', { name: 'Social media' }).click();
  await expect(page).toHaveURL(/\/data#social-media$/);
  await expect(category(page, 'Social media')).toBeInViewport();
});

test('switching the demo user changes the data everywhere and persists', async ({ page, consoleErrors }) => {
  await openData(page);
  const footer = page.getByRole('contentinfo');
  await footer.getByRole('combobox', { name: 'Demo user' }).selectOption({ label: 'Meera Iyer' });
  await expect(footer).toContainText('A customer since 2012');
  await footer.getByRole('button', { name: 'Show this user' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Now showing the demo user Meera Iyer.' })).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Meera Iyer');
  await expect(category(page, 'Account details')).toContainText('Coromandel Logistics Ltd.');
  await expect(category(page, 'Sign-in providers')).toContainText('Microsoft');

  await page.reload();
  await expect(page.getByRole('banner')).toContainText('Meera Iyer');
  await expect(category(page, 'Account details')).toContainText('Coromandel Logistics Ltd.');

  // The new user has almost nothing: empty categories say so.
  await footer.getByRole('combobox', { name: 'Demo user' }).selectOption({ label: 'Karthik Subramanian' });
  await footer.getByRole('button', { name: 'Show this user' }).click();
  await expect(page.getByRole('banner')).toContainText('Karthik Subramanian');
  await expect(category(page, 'Social media')).toContainText('We hold nothing about you in this category.');
  await expect(category(page, 'Security question')).toContainText('No');
  await expectNoAxeViolations(page, 'data for the new user');

  await page.goto('/');
  await expect(page.getByRole('main')).toContainText('Welcome back, Karthik.');
  await expect(page.getByRole('region', { name: 'Your open requests' })).toContainText('You have no open requests.');
  expect(consoleErrors).toEqual([]);
});

test('a failing read shows the error on the page, and "Try again" brings the data', async ({ page, consoleErrors }) => {
  await page.route('**/api/personas/*/inventory.json', (route) => route.fulfill({ status: 500, body: 'oops' }));
  await page.goto('/data');
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('We could not load the information we hold about you');
  await expect(alert).toContainText('error 500');
  await expect(page.getByRole('searchbox', { name: 'Search names and values' })).toBeVisible();
  await expectNoAxeViolations(page, 'data with an error');
  await page.unroute('**/api/personas/*/inventory.json');
  await alert.getByRole('button', { name: 'Try again' }).click();
  await expect(category(page, 'Browser, device and server logs')).toContainText('49.207.183.21');
  consoleErrors.length = 0;
});

test('printing gives the whole inventory without the controls', async ({ page }) => {
  await openData(page);
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.data-filters')).toBeHidden();
  await expect(page.getByRole('navigation', { name: 'Main' })).toBeHidden();
  const logs = category(page, 'Browser, device and server logs');
  await expect(logs.locator('.record-card').filter({ visible: true })).toHaveCount(6);
  await expect(logs.getByRole('button')).toBeHidden();
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.byteLength).toBeGreaterThan(10_000);
});

test('the information page passes axe in both themes', async ({ page }) => {
  for (const scheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await openData(page);
    await expectNoAxeViolations(page, `data (${scheme})`);
  }
});
