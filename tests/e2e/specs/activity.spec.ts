import { readFile } from 'node:fs/promises';
import { test, expect, expectNoAxeViolations } from './fixtures';
import type { Page } from '@playwright/test';

const summary = (page: Page) => page.locator('.activity-summary');
const entries = (page: Page) => page.locator('.activity-list > li');

async function openLog(page: Page, path = '/activity') {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Access and activity log');
  await expect(summary(page)).toBeVisible();
}

test('staff access shows role, reason, what was seen and the product; never a name', async ({ page, consoleErrors }) => {
  await openLog(page);
  const access = entries(page).filter({ hasText: 'Spam analyst' });
  await expect(access).toHaveCount(1);
  await expect(access).toContainText('Staff access');
  await expect(access).toContainText('SMSNDT');
  await expect(access).toContainText('To verify an email reported as spam');
  await expect(access).toContainText('One campaign message reported as spam by a recipient');
  await expect(entries(page).filter({ hasText: 'Sign-in' }).first()).toContainText('approximate');
});

test('filters live in the URL, survive a reload and the back button, and can be cleared', async ({ page, consoleErrors }) => {
  await openLog(page);
  const all = await entries(page).count();
  await page.getByLabel('Kind').selectOption({ label: 'Access by our staff' });
  await page.getByLabel('Product').selectOption({ label: 'PROCRM' });
  await expect(page).toHaveURL(/\/activity\?kind=access&product=procrm$/);
  await expect(entries(page)).toHaveCount(3);
  await page.getByLabel('Search').fill('error');
  await expect(page).toHaveURL(/\/activity\?kind=access&product=procrm&q=error$/);
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page)).toContainText('Site reliability engineer');
  await expect(summary(page)).toHaveText(/^Showing 1–1 of 1 entries \(from \d+ in all\)\.$/);

  await page.reload();
  await expect(page.getByLabel('Kind')).toHaveValue('access');
  await expect(page.getByLabel('Product')).toHaveValue('procrm');
  await expect(page.getByLabel('Search')).toHaveValue('error');
  await expect(entries(page)).toHaveCount(1);
  await expect(entries(page)).toContainText('Site reliability engineer');

  // Choosing adds a history entry (typing does not), so Back undoes the last choice.
  await page.getByLabel('Order').selectOption({ label: 'Oldest first' });
  await expect(page).toHaveURL(/order=oldest/);
  await page.goBack();
  await expect(page).not.toHaveURL(/order=oldest/);
  await expect(page.getByLabel('Order')).toHaveValue('newest');

  await page.getByRole('button', { name: 'Clear filters and search' }).click();
  await expect(page).toHaveURL(/\/activity$/);
  await expect(entries(page)).toHaveCount(all);
  await expect(page.getByLabel('Search')).toHaveValue('');
});

test('the date range and order apply to the local day, and an empty result says so', async ({ page, consoleErrors }) => {
  // 20 Nov 2026, in Asia/Kolkata: a sign-in at 11:00 and the correction request at 11:04.
  await openLog(page, '/activity?from=2026-11-20&to=2026-11-20&order=oldest');
  await expect(page.getByLabel('From')).toHaveValue('2026-11-20');
  await expect(entries(page)).toHaveCount(2);
  await expect(entries(page).first()).toContainText('Sign-in');
  await expect(entries(page).last()).toContainText('Asked for a correction of the company name');
  await page.getByLabel('Search').fill('no such words anywhere');
  await expect(summary(page)).toHaveText('No entries match your choices.');
  await expect(entries(page)).toHaveCount(0);
});

test('the CSV download holds exactly the filtered entries', async ({ page, consoleErrors }) => {
  await openLog(page, '/activity?kind=access');
  const shown = await entries(page).count();
  expect(shown).toBeGreaterThan(1);
  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download these entries (CSV)' }).click();
  const download = await pending;
  expect(download.suggestedFilename()).toBe('activity-log.csv');
  const text = await readFile((await download.path())!, 'utf8');
  // UTF-8 with a byte-order mark, so spreadsheets on Windows read it as UTF-8.
  expect(text.startsWith('\uFEFF')).toBe(true);
  const lines = text.slice(1).trim().split('\n');
  expect(lines[0]).toBe('when_utc,when_local,kind,product,what');
  expect(lines).toHaveLength(shown + 1);
  for (const line of lines.slice(1)) expect(line).toContain(',Staff access,');
  expect(lines).toContain(
    '2025-09-17T09:12:00+00:00,"17 Sept 2025, 2:42 pm",Staff access,SMSNDT,Spam analyst: To verify an email reported as spam. Viewed: One campaign message reported as spam by a recipient',
  );
  // Cells with commas are quoted.
  expect(lines.some((line) => line.endsWith('"Data import specialist: To import data at your request. Viewed: Contacts spreadsheet you sent for import (1,200 rows)"'))).toBe(true);
});

test('10,000 entries: one page of 50 at a time, pages in the URL, filtering and export of the whole selection', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() => localStorage.setItem('icanopus-privacy-portal/persona', 'longtime'));
  await openLog(page);
  await expect(summary(page)).toHaveText(/^Showing 1–50 of 10,\d{3} entries\.$/);
  await expect(entries(page)).toHaveCount(50);
  const total = Number((await summary(page).textContent())!.match(/of ([\d,]+)/)![1].replace(/,/g, ''));
  expect(total).toBeGreaterThanOrEqual(10_000);

  await page.getByRole('link', { name: 'Next page' }).click();
  await expect(page).toHaveURL(/\/activity\?page=2$/);
  await expect(summary(page)).toHaveText(/^Showing 51–100 of /);
  await page.reload();
  await expect(summary(page)).toHaveText(/^Showing 51–100 of /);
  await expect(entries(page)).toHaveCount(50);

  // A new filter starts again from page 1.
  await page.getByLabel('Kind').selectOption({ label: 'Access by our staff' });
  await expect(page).toHaveURL(/\/activity\?kind=access$/);
  await expect(summary(page)).toHaveText(/^Showing 1–50 of [\d,]+ entries \(from 10,\d{3} in all\)\.$/);
  const accessTotal = Number((await summary(page).textContent())!.match(/of ([\d,]+)/)![1].replace(/,/g, ''));
  expect(accessTotal).toBeGreaterThan(50);
  expect(accessTotal).toBeLessThan(total);

  const pending = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download these entries (CSV)' }).click();
  const lines = (await readFile((await (await pending).path())!, 'utf8')).trim().split('\n');
  expect(lines).toHaveLength(accessTotal + 1);

  // The last page holds the remainder; asking for a page past the end shows the last one.
  await page.goto(`/activity?kind=access&page=9999`);
  const pages = Math.ceil(accessTotal / 50);
  await expect(page.getByText(`Page ${pages} of ${pages}`)).toBeVisible();
  await expect(entries(page)).toHaveCount(accessTotal - (pages - 1) * 50);
  await expect(page.getByRole('link', { name: 'Next page' })).toHaveCount(0);
});

test('the log passes axe with filters applied', async ({ page }) => {
  await openLog(page, '/activity?kind=sign-in&q=chennai');
  await expectNoAxeViolations(page, '/activity filtered');
});
