import { test, expect, expectNoAxeViolations, recordedChanges, storedChanges } from './fixtures';
import type { Page } from '@playwright/test';

async function asLongtimeUser(page: Page) {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('icanopus-privacy-portal/persona', 'longtime'));
}

/** Follows a category's action on "Your information" to its request page. */
async function startFrom(page: Page, slug: string, action: string) {
  await page.goto(`/data#${slug}`);
  const section = page.locator(`section#${slug}`);
  await section.getByRole('link', { name: action }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask about your information');
}

test('each action on a category files a request about that category', async ({ page, consoleErrors }) => {
  // Social media: delete, with the clean-up dates before it is sent.
  await startFrom(page, 'social-media', 'Ask us to delete it');
  await expect(page).toHaveURL(/\/requests\/new\?category=social-media&right=delete$/);
  await expect(page.getByRole('radio', { name: 'Ask us to delete it' })).toBeChecked();
  await expect(page.locator('.summary-list')).toContainText('Social media');
  await expect(page.getByRole('region', { name: 'What happens next' })).toContainText('Removed from our active database');
  await expectNoAxeViolations(page, 'category request, deletion');
  await page.getByRole('button', { name: /^Delete my Social media information$/ }).dblclick();
  await expect(page).toHaveURL(/\/requests\/PR-\d{4}-\d{4}$/);
  const deletion = page.url().split('/').pop()!;
  await expect(page.getByRole('status').filter({ hasText: `Your request ${deletion} is filed.` })).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText('Social media');
  await expect(page.getByRole('region', { name: 'When your data goes' })).toContainText('Your Social media information');

  // Public sources: correct, with the field and the new value.
  await startFrom(page, 'public-sources', 'Ask us to correct it');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Enter what it should say' }).first()).toBeVisible();
  await page.getByLabel('Which detail is wrong').selectOption({ index: 0 });
  const field = await page.getByLabel('Which detail is wrong').inputValue();
  await page.getByLabel('What it should say').fill('Nilgiri Textiles Private Limited');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page).toHaveURL(/\/requests\/PR-\d{4}-\d{4}$/);
  const correction = page.url().split('/').pop()!;
  await expect(page.locator('.summary-list')).toContainText('Other public sources');
  await expect(page.locator('.summary-list')).toContainText(field);
  await expect(page.locator('.summary-list')).toContainText('Nilgiri Textiles Private Limited');

  // App usage: restrict; the category is marked restricted on "Your information" until answered.
  await startFrom(page, 'app-usage', 'Ask us to stop using it for now');
  await expect(page.getByRole('region', { name: 'What happens next' })).toContainText('marked “restricted”');
  await page.getByLabel('Anything else we should know (optional)').fill('Until my contract is renewed');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page).toHaveURL(/\/requests\/PR-\d{4}-\d{4}$/);
  const restriction = page.url().split('/').pop()!;
  await expect(page.getByText('While this request is open, your Application usage information is marked “restricted”')).toBeVisible();
  await expectNoAxeViolations(page, 'restriction request');
  await page.goto('/data#app-usage');
  const usage = page.locator('section#app-usage');
  await expect(usage.locator('.data-category__restricted')).toContainText('Restricted');
  await expect(usage.locator('.data-category__restricted').getByRole('link')).toHaveText(restriction);
  await expect(page.locator('section#social-media .data-category__restricted')).toHaveCount(0);

  // Interactions: object to its use; the uses objected to are listed.
  await startFrom(page, 'interactions', 'Object to how it is used');
  await expect(page.getByRole('region', { name: 'What happens next' })).toContainText('To understand how our products are used');
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page).toHaveURL(/\/requests\/PR-\d{4}-\d{4}$/);
  const objection = page.url().split('/').pop()!;

  // Each is listed with its category; the double click filed one deletion.
  await page.goto('/requests');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows.filter({ hasText: deletion })).toContainText('Deletion: Social media');
  await expect(rows.filter({ hasText: correction })).toContainText('Correction: Other public sources');
  await expect(rows.filter({ hasText: restriction })).toContainText('Restriction: Application usage');
  await expect(rows.filter({ hasText: objection })).toContainText('Objection: Conversations with sales and support');
  await expect(rows.filter({ hasText: 'Deletion: Social media' })).toHaveCount(1);
  const stored = await storedChanges(page, 'requests');
  expect(JSON.stringify(stored)).toContain('"category":"app_usage"');
  expect(await recordedChanges(page)).toEqual([
    `Asked for a deletion (${deletion})`,
    `Filed request ${correction}: correction about public sources`,
    `Filed request ${restriction}: restriction about app usage`,
    `Filed request ${objection}: objection about interactions`,
  ]);
  expect(consoleErrors).toEqual([]);
});

test('information edited on the profile needs no request, and an unknown address says where to start', async ({ page }) => {
  await page.goto('/requests/new?category=optional-profile&right=delete');
  await expect(page.getByText('You change your Optional profile information yourself')).toBeVisible();
  await page.goto('/requests/new?category=payment&right=delete');
  // Payment records stay for tax law: no deletion to choose, nothing pre-chosen.
  await expect(page.getByRole('radio', { name: 'Ask us to delete it' })).toHaveCount(0);
  await expect(page.getByRole('radio', { name: 'Ask us to correct it' })).not.toBeChecked();
  await page.getByRole('button', { name: 'Send the request' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose what you want us to do' }).first()).toBeVisible();
  await page.goto('/requests/new');
  await expect(page.getByText('Choose the information this request is about')).toBeVisible();
});

test('a concern is raised, listed and answered by a date, with the regulators explained', async ({ page, consoleErrors }) => {
  await page.goto('/requests');
  await page.getByRole('link', { name: 'Raise a concern' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Raise a concern');
  await expect(page.getByRole('region', { name: 'If you are not satisfied with our answer' })).toContainText('Data Protection Board');
  await expectNoAxeViolations(page, 'concern page');
  await page.getByRole('button', { name: 'Raise the concern' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Choose what your concern is about' }).first()).toBeVisible();
  await page.getByRole('radio', { name: 'An access to my data by your staff' }).check();
  await page.getByLabel('Your concern').fill('Someone from support opened my PROCRM data on a Sunday.');
  await expect(page.getByRole('region', { name: 'What happens next' })).toContainText('sales@icanopustech.com');
  await page.getByRole('button', { name: 'Raise the concern' }).click();
  await expect(page).toHaveURL(/\/requests\/PR-\d{4}-\d{4}$/);
  const reference = page.url().split('/').pop()!;
  await expect(page.getByRole('status').filter({ hasText: `Your concern ${reference} is raised.` })).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText('An access to my data by your staff');
  await expectNoAxeViolations(page, 'concern detail');
  await page.reload();
  await page.goto('/requests');
  await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('Concern');

  // From a request, the concern is about it.
  await page.goto('/requests/PR-2026-0412');
  await page.getByRole('link', { name: 'Raise a concern about this request' }).click();
  await expect(page.getByRole('radio', { name: 'One of my requests' })).toBeChecked();
  await expect(page.getByLabel('Which request')).toHaveValue('PR-2026-0412');
  expect(consoleErrors).toEqual([]);
});

test('a declined request shows its reason and its appeal is filed once', async ({ page, consoleErrors }) => {
  await asLongtimeUser(page);
  await page.goto('/requests/PR-2025-0402');
  await expect(page.getByRole('region', { name: 'Why we declined it' })).toContainText('registered as “Coromandel Logistics Ltd.”');
  const appeal = page.getByRole('region', { name: 'Appeal', exact: true });
  await expect(appeal).toContainText('we answer by');
  await expect(page.getByText('There is nothing more for you to do')).toHaveCount(0);
  await expectNoAxeViolations(page, 'declined request');
  await appeal.getByRole('button', { name: 'Send the appeal' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Tell us why you disagree' }).first()).toBeVisible();
  await appeal.getByLabel('Why you disagree').fill('The name changed in 2024; the certificate is attached to my email.');
  await appeal.getByRole('button', { name: 'Send the appeal' }).dblclick();
  await expect(page.getByRole('status').filter({ hasText: /Your appeal PR-\d{4}-\d{4} is filed\./ })).toBeVisible();
  await expect(page).not.toHaveURL(/PR-2025-0402$/);
  const reference = page.url().split('/').pop()!;
  await expect(page.locator('.summary-list')).toContainText('PR-2025-0402');
  await expect(page.getByRole('region', { name: 'If you are not satisfied with our answer' })).toBeVisible();
  await page.goto('/requests/PR-2025-0402');
  await expect(page.getByRole('region', { name: 'Appeal', exact: true })).toContainText(reference);
  await expect(page.getByRole('button', { name: 'Send the appeal' })).toHaveCount(0);
  await page.goto('/requests');
  await expect(page.getByRole('row').filter({ hasText: 'Appeal' })).toHaveCount(1);

  // The extended request says until when and why, and can be appealed too.
  await page.goto('/requests/PR-2026-0391');
  const extended = page.getByRole('region', { name: 'We need more time' });
  await expect(extended).toContainText('instead of');
  await expect(extended).toContainText('checking with each business directory');
  await expect(page.getByRole('region', { name: 'Appeal', exact: true })).toBeVisible();
  await expectNoAxeViolations(page, 'extended request');
  expect(consoleErrors).toEqual([]);
});

test('the new pages read in German and Hindi', async ({ page }) => {
  await page.goto('/requests/new?category=social-media&right=object');
  await page.locator('#portal-language').selectOption('de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Antrag zu Ihren Informationen');
  await expect(page.getByRole('radio', { name: 'Der Nutzung widersprechen' })).toBeChecked();
  await page.goto('/requests/concern');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Eine Beschwerde einreichen');
  await page.locator('#portal-language').selectOption('hi');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('शिकायत दर्ज करें');
  await expectNoAxeViolations(page, 'concern page in Hindi');
});
