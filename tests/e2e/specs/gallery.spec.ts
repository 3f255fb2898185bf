import { test, expect, expectNoAxeViolations } from './fixtures';
import { previewPort } from '../playwright.config';
import type { Page } from '@playwright/test';

// The component gallery exists in the designer preview build only.
test.use({ baseURL: `http://127.0.0.1:${previewPort}` });

/** Each group of the gallery and the states it must show, by caption. */
const groups: [string, string[]][] = [
  ['Toggle', ['On', 'Off', 'Locked (always on)', 'Disabled (while saving)', 'Focused']],
  ['Text field', ['Empty', 'Filled', 'With hint', 'With error', 'Secret, with error', 'Several lines', 'Focused']],
  ['Error summary', ['Two problems']],
  [
    'Status badge',
    ['Received', 'In review', 'Preparing', 'Ready', 'Expired', 'Scheduled', 'Removed from active', 'Completed', 'Declined', 'Cancelled'],
  ],
  ['Confirmation', ['Closed', 'Open']],
  ['Cookie banner', ['First visit', 'After 6 months', 'After a policy change']],
  [
    'Loading, error and empty panels',
    ['Loading', 'Loading, taking longer than usual', 'Offline', 'HTTP 500', 'HTTP 404', 'Malformed data', 'Storage full', 'Empty', 'Empty, with a way on'],
  ],
  ['Notice', ['Success', 'Warning']],
  [
    'Cards and timeline',
    ['Summary card', "Record card, account-wide", "Record card, a product's", 'Request timeline (newest request)'],
  ],
];

const group = (page: Page, name: string) => page.getByRole('region', { name, exact: true });
const state = (page: Page, groupName: string, caption: string) =>
  group(page, groupName).getByRole('figure', { name: caption, exact: true });

async function openGallery(page: Page, query = '') {
  await page.goto(`/gallery${query}`);
  await expect(page.getByRole('heading', { level: 1, name: 'Component gallery' })).toBeVisible();
  // The banners and the timeline come from the demo data.
  await expect(state(page, 'Cookie banner', 'First visit').getByRole('button', { name: 'Accept all' })).toBeVisible();
  await expect(state(page, 'Cards and timeline', 'Request timeline (newest request)')).toBeVisible();
}

test('the gallery shows every state of every shared component, with no console error', async ({ page, consoleErrors }) => {
  await openGallery(page);
  for (const [name, captions] of groups) {
    const figures = group(page, name).getByRole('figure');
    await expect(figures, name).toHaveCount(captions.length);
    for (const caption of captions) {
      await expect(state(page, name, caption), `${name}: ${caption}`).toBeVisible();
    }
  }
  // Toggles: real switches in each state.
  const toggle = (caption: string) => state(page, 'Toggle', caption).getByRole('switch');
  await expect(toggle('On')).toBeChecked();
  await expect(toggle('Off')).not.toBeChecked();
  await expect(toggle('Locked (always on)')).toBeChecked();
  await expect(toggle('Locked (always on)')).toBeDisabled();
  await expect(toggle('Disabled (while saving)')).toBeDisabled();
  await toggle('Off').check();
  await expect(toggle('Off')).toBeChecked();
  // Text fields: the error is at the field and in the summary, whose link moves to the field.
  const withError = state(page, 'Text field', 'With error').getByRole('textbox', { name: 'Time zone' });
  await expect(withError).toHaveAttribute('aria-invalid', 'true');
  await expect(withError).toHaveAttribute('aria-describedby', 'gallery-field-error-error');
  await expect(state(page, 'Text field', 'With hint').getByRole('textbox')).toHaveAttribute(
    'aria-describedby',
    'gallery-field-hint-hint',
  );
  await expect(state(page, 'Text field', 'Filled').getByRole('textbox')).toHaveValue('Asia/Kolkata');
  await state(page, 'Error summary', 'Two problems').getByRole('link', { name: 'Enter time zone' }).click();
  await expect(withError).toBeFocused();
  // Every status badge says its status.
  for (const caption of groups[3][1]) {
    await expect(state(page, 'Status badge', caption).locator('.status-badge')).not.toBeEmpty();
  }
  // The confirmation, open, offers both answers; the error panels' retry shows its busy state.
  const open = state(page, 'Confirmation', 'Open');
  await expect(open.getByRole('button', { name: 'Yes, reset demo data' })).toBeVisible();
  await expect(open.getByRole('button', { name: 'Cancel' })).toBeVisible();
  await state(page, 'Loading, error and empty panels', 'HTTP 500').getByRole('button', { name: 'Try again' }).click();
  await expect(state(page, 'Loading, error and empty panels', 'HTTP 500').getByRole('button')).toHaveText('Trying again…');
  await expect(state(page, 'Loading, error and empty panels', 'Offline')).toContainText('The server could not be reached.');
  // A notice can be dismissed and shown again.
  const success = state(page, 'Notice', 'Success');
  await success.getByRole('button', { name: 'Dismiss this message' }).click();
  await success.getByRole('button', { name: 'Show the notice again' }).click();
  await expect(success.getByRole('button', { name: 'Dismiss this message' })).toBeVisible();
  // The banner's "Choose" opens the category toggles inside it.
  const first = state(page, 'Cookie banner', 'First visit');
  await first.getByRole('button', { name: 'Choose' }).click();
  await expect(first.getByRole('switch')).toHaveCount(4);
  // The records are the demo user's, labelled.
  await expect(state(page, 'Cards and timeline', "Record card, a product's")).toContainText('Product');
  // The real banner does not cover the gallery.
  await expect(page.locator('#cookie-banner')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('axe finds nothing in the light and the dark theme, chosen by the switch and kept in the link', async ({ page, consoleErrors }) => {
  await openGallery(page);
  await page.getByRole('radio', { name: 'Light' }).check();
  await expect(page).toHaveURL(/\/gallery\?theme=light$/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'light');
  const light = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expectNoAxeViolations(page, 'gallery, light');
  await page.getByRole('radio', { name: 'Dark' }).check();
  await expect(page).toHaveURL(/\/gallery\?theme=dark$/);
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  const dark = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(dark).not.toEqual(light);
  await expectNoAxeViolations(page, 'gallery, dark');
  // With the confirmation and the banner's choices open, in dark too.
  await state(page, 'Cookie banner', 'After 6 months').getByRole('button', { name: 'Choose' }).click();
  await expectNoAxeViolations(page, 'gallery, dark, banner choices open');
  // The link keeps the theme; leaving the gallery hands the theme back to the system.
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Dark' })).toBeChecked();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await page.getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy at a glance');
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /.*/);
  expect(consoleErrors).toEqual([]);
});

test('the system theme follows the browser; narrow width shows the components at 375 px without overflow', async ({
  page,
  consoleErrors,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await openGallery(page, '?width=narrow');
  await expect(page.getByRole('radio', { name: 'As the system' })).toBeChecked();
  await expect(page.getByRole('radio', { name: 'Narrow (375 px)' })).toBeChecked();
  await expectNoAxeViolations(page, 'gallery, system dark, narrow');
  const widths = await page.locator('.gallery').evaluate((el) => ({
    width: el.getBoundingClientRect().width,
    overflow: [...el.querySelectorAll('.gallery__state')].filter((s) => s.scrollWidth > s.clientWidth + 1).length,
  }));
  expect(widths.width).toBeLessThanOrEqual(375);
  expect(widths.overflow).toBe(0);
  await page.getByRole('radio', { name: 'Wide' }).check();
  await expect(page).toHaveURL(/\/gallery\?theme=system$/);
  expect(await page.locator('.gallery').evaluate((el) => el.getBoundingClientRect().width)).toBeGreaterThan(375);
  expect(consoleErrors).toEqual([]);
});
