import { test, expect, expectNoAxeViolations, storedChanges } from './fixtures';
import type { Page } from '@playwright/test';

const box = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
const grid = (page: Page) => page.locator('.message-grid__box');

async function openCommunications(page: Page) {
  await page.goto('/communications');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Communication preferences');
  await expect(grid(page)).toHaveCount(54);
}

test('the grid has every topic by channel by product, with the saved choices ticked', async ({ page, consoleErrors }) => {
  await openCommunications(page);
  for (const product of ['PROCRM', 'eServiceapp', 'SMSNDT']) {
    await expect(page.getByRole('table', { name: product })).toBeVisible();
  }
  await expect(page.locator('.message-grid__box:checked')).toHaveCount(9);
  await expect(box(page, 'Offers and promotions by SMS for SMSNDT')).toBeChecked();
  await expect(box(page, 'Surveys and feedback requests by Phone for eServiceapp')).not.toBeChecked();
  await expect(page.getByRole('button', { name: 'Save my choices' })).toBeDisabled();
  await expectNoAxeViolations(page, 'communications');
  expect(consoleErrors).toEqual([]);
});

test('a change is saved, announced, recorded as activity, and survives a reload', async ({ page }) => {
  await openCommunications(page);
  await box(page, 'Offers and promotions by SMS for SMSNDT').uncheck();
  await box(page, 'Events by Email for SMSNDT').check();
  await expect(page.getByText('You have changes you have not saved.')).toBeVisible();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.locator('.communications__status')).toHaveText('Your communication preferences are saved.');
  await expect(page.getByRole('button', { name: 'Save my choices' })).toBeDisabled();

  const activity = await storedChanges(page, 'activity');
  const events = activity.appended.map((e: any) => e.detail.change);
  expect(events).toContainEqual({ area: 'communications', summary: 'Turned on 1 and off 1 kind(s) of optional message' });

  await page.reload();
  await expect(grid(page)).toHaveCount(54);
  await expect(box(page, 'Offers and promotions by SMS for SMSNDT')).not.toBeChecked();
  await expect(box(page, 'Events by Email for SMSNDT')).toBeChecked();
});

test('essential messages are locked on and say why', async ({ page }) => {
  await openCommunications(page);
  const essential = page.getByRole('region', { name: 'Messages you always get' });
  const boxes = essential.getByRole('checkbox');
  await expect(boxes).toHaveCount(5);
  for (let i = 0; i < 5; i++) {
    await expect(boxes.nth(i)).toBeChecked();
    await expect(boxes.nth(i)).toBeDisabled();
  }
  await boxes.first().click({ force: true });
  await expect(boxes.first()).toBeChecked();
  await expect(essential).toContainText('at least 30 days');
  await expect(page.getByText(/suppression list/)).toBeVisible();
});

test('unsubscribe from all in one step, then undo', async ({ page }) => {
  await openCommunications(page);
  await page.getByRole('button', { name: 'Unsubscribe from all non-essential messages' }).click();
  await expect(page.locator('.communications__status')).toContainText('You have unsubscribed from all non-essential messages.');
  await expect(page.locator('.message-grid__box:checked')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Messages you always get' }).getByRole('checkbox').first()).toBeChecked();
  await expectNoAxeViolations(page, 'communications after unsubscribe all');
  await page.reload();
  await expect(grid(page)).toHaveCount(54);
  await expect(page.locator('.message-grid__box:checked')).toHaveCount(0);

  await page.goto('/communications');
  await page.getByRole('button', { name: 'Unsubscribe from all non-essential messages' }).isDisabled();
  // Undo is offered right after the step, in the same visit.
  await page.evaluate(() => localStorage.removeItem('icanopus-privacy-portal/changes/asha/communications'));
  await page.reload();
  await page.getByRole('button', { name: 'Unsubscribe from all non-essential messages' }).click();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.communications__status')).toHaveText('Your earlier choices are back.');
  await expect(page.locator('.message-grid__box:checked')).toHaveCount(9);
});

test('a failed save keeps the choices on screen, says so, and can be tried again', async ({ page, consoleErrors }) => {
  await openCommunications(page);
  await page.route('**/api/personas/*/communications.json', (route) => route.fulfill({ status: 500, body: 'down' }));
  await box(page, 'Newsletters by Email for PROCRM').uncheck();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your changes were not saved');
  await expect(alert).toContainText('error 500');
  // The user's tick is not lost: it stays on screen, marked as not saved.
  await expect(box(page, 'Newsletters by Email for PROCRM')).not.toBeChecked();
  await expect(page.getByText('You have changes you have not saved.')).toBeVisible();
  await expectNoAxeViolations(page, 'communications after a failed save');
  await page.unroute('**/api/personas/*/communications.json');
  await alert.getByRole('button', { name: 'Try saving again' }).click();
  await expect(page.locator('.communications__status')).toHaveText('Your communication preferences are saved.');
  await expect(box(page, 'Newsletters by Email for PROCRM')).not.toBeChecked();
  consoleErrors.length = 0;
});

test('leaving with unsaved changes asks first', async ({ page }) => {
  await openCommunications(page);
  await box(page, 'Newsletters by Email for PROCRM').uncheck();
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  expect(asked).toContain('You have changes you have not saved');
  await expect(page).toHaveURL(/\/communications$/);
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page).toHaveURL(/\/$/);
});

test('a change in one tab shows in another open tab without a reload', async ({ context }) => {
  const first = await context.newPage();
  const second = await context.newPage();
  await openCommunications(first);
  await openCommunications(second);
  await expect(box(second, 'Surveys and feedback requests by Phone for SMSNDT')).not.toBeChecked();
  await box(first, 'Surveys and feedback requests by Phone for SMSNDT').check();
  await first.getByRole('button', { name: 'Save my choices' }).click();
  await expect(first.locator('.communications__status')).toHaveText('Your communication preferences are saved.');
  await expect(box(second, 'Surveys and feedback requests by Phone for SMSNDT')).toBeChecked();
  await second.goto('/');
  await expect(second.getByRole('region', { name: 'Your choices' })).toContainText('You receive 10 of the 54');
});
