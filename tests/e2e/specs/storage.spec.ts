import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';

/**
 * Browser storage is the mock backend's disk. Switched off, throwing, full, or holding data the portal cannot read:
 * the portal keeps working, says what it could not keep, never panics, and never loses what was saved. Offline in
 * the middle of a save keeps the edit for a retry; two tabs editing one preference never lose a change silently.
 */

const overlayKey = 'icanopus-privacy-portal/overlay/asha';
const partner = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
const notices = (page: Page) => page.locator('.notice-area');

/** Stops working with Deccan SaaS Partners on /sharing and checks the page shows it at once. */
async function stopDeccan(page: Page) {
  const card = partner(page, 'Deccan SaaS Partners');
  await card.getByRole('button', { name: /Stop working with this partner/ }).click();
  await expect(card.getByRole('button', { name: /Work with this partner again/ })).toBeVisible();
}

test('storage switched off: everything reads, a change holds for the visit, and the user is told', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', {
      get() {
        throw new DOMException('The operation is insecure.', 'SecurityError');
      },
    });
  });
  await page.goto('/sharing');
  await expect(notices(page)).toContainText(
    'This browser does not allow this site to store data, so changes last only until you leave or reload the page.',
  );
  await stopDeccan(page);
  await expect(page.getByText('You no longer work with Deccan SaaS Partners')).toBeVisible();
  // The change shows everywhere during the visit: the overview counts one partner fewer, the log has the event.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('main')).toContainText('Stopped working with Deccan SaaS Partners');
  await expectNoAxeViolations(page, 'activity with storage switched off');
  // As told: a reload starts again from the demo data.
  await page.goto('/sharing');
  await expect(partner(page, 'Deccan SaaS Partners').getByRole('button', { name: /Stop working/ })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('storage that throws on every write: the change holds for the visit and the error is named', async ({ page }) => {
  await page.goto('/sharing');
  await expect(partner(page, 'Deccan SaaS Partners').getByRole('button', { name: /Stop working/ })).toBeVisible();
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('disk I/O error', 'UnknownError');
    };
  });
  await stopDeccan(page);
  await expect(notices(page)).toContainText(
    'The browser could not store the change (disk I/O error), so it lasts only until you leave or reload the page.',
  );
});

test('storage full: the change holds for the visit; once there is room, the next save keeps both', async ({ page }) => {
  await page.goto('/sharing');
  await expect(partner(page, 'Deccan SaaS Partners').getByRole('button', { name: /Stop working/ })).toBeVisible();
  await page.evaluate(() => {
    (window as any).__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await stopDeccan(page);
  await expect(notices(page)).toContainText(
    "This browser's storage for this site is full, so the change lasts only until you leave or reload the page.",
  );
  expect(await page.evaluate((key) => localStorage.getItem(key), overlayKey)).toBeNull();
  await expectNoAxeViolations(page, 'sharing with storage full');

  // Room again: the next change stores the earlier one too, so nothing made during the visit is lost.
  await page.evaluate(() => (Storage.prototype.setItem = (window as any).__setItem));
  const kovai = partner(page, 'Kovai Cloud Solutions');
  await kovai.getByRole('button', { name: /Stop working with this partner/ }).click();
  await expect(kovai.getByRole('button', { name: /Work with this partner again/ })).toBeVisible();
  await page.reload();
  await expect(partner(page, 'Deccan SaaS Partners').getByRole('button', { name: /Work with this partner again/ })).toBeVisible();
  await expect(kovai.getByRole('button', { name: /Work with this partner again/ })).toBeVisible();
});

test('saved data from an older version is set aside, kept, and the user is told', async ({ page, consoleErrors }) => {
  const old = JSON.stringify({ version: 0, documents: { sharing: { reselling_partners: [] } } });
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(key, value);
      }
    },
    [overlayKey, old],
  );
  await page.goto('/sharing');
  await expect(notices(page)).toContainText('Your saved demo changes came from an older version of the portal');
  await expect(partner(page, 'Deccan SaaS Partners').getByRole('button', { name: /Stop working/ })).toBeVisible();
  const kept = await page.evaluate(() => localStorage.getItem('icanopus-privacy-portal/overlay-set-aside/asha'));
  expect(kept).toBe(old);
  // Changes from now on are stored as usual.
  await stopDeccan(page);
  await page.reload();
  await expect(partner(page, 'Deccan SaaS Partners').getByRole('button', { name: /Work with this partner again/ })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('offline in the middle of a save: the typed value stays, the error says why, and the retry saves it', async ({
  page,
  context,
  consoleErrors,
}) => {
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 2, name: 'Optional details' })).toBeVisible();
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await zone.fill('Europe/Berlin');
  await context.setOffline(true);
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(page.getByRole('main').getByRole('alert').first()).toContainText('The server could not be reached');
  await expect(zone).toHaveValue('Europe/Berlin');
  await expect(page.getByRole('button', { name: 'Save optional details' })).toBeEnabled();
  await expectNoAxeViolations(page, 'profile after an offline save');

  await context.setOffline(false);
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(page.locator('p.form-status[role="status"]')).toHaveText('Your optional details are saved.');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Berlin');
  consoleErrors.length = 0;
});

test('two tabs editing the same preference: the other tab is told, keeps its edit, and the last save wins visibly', async ({
  context,
}) => {
  const box = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
  const topic = 'Newsletters by Email for PROCRM';
  const [first, second] = [await context.newPage(), await context.newPage()];
  for (const page of [first, second]) {
    await page.goto('/communications');
    await expect(box(page, topic)).toBeChecked();
  }
  // The second tab starts an edit, and the first saves a different one meanwhile.
  await box(second, 'Surveys and feedback requests by Phone for SMSNDT').check();
  await box(first, topic).uncheck();
  await first.getByRole('button', { name: 'Save my choices' }).click();
  await expect(first.locator('.communications__status')).toHaveText('Your communication preferences are saved.');

  // The second tab is told and keeps its edit on screen, not silently replaced.
  await expect(notices(second)).toContainText(
    'Your communication preferences were changed in another tab. Saving here will replace them.',
  );
  await expect(box(second, 'Surveys and feedback requests by Phone for SMSNDT')).toBeChecked();
  await expect(box(second, topic)).toBeChecked();

  // Saving there replaces the first tab's choices, and the first tab shows it at once.
  await second.getByRole('button', { name: 'Save my choices' }).click();
  await expect(second.locator('.communications__status')).toHaveText('Your communication preferences are saved.');
  await expect(box(first, topic)).toBeChecked();
  await expect(box(first, 'Surveys and feedback requests by Phone for SMSNDT')).toBeChecked();
});
