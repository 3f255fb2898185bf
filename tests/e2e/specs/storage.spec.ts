import type { Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations, changesKey, changesText, portalKeys, storedChanges } from './fixtures';

/**
 * Browser storage is the mock backend's disk, one entry per document. Switched off, throwing, full, or holding data
 * the portal cannot read: the portal keeps working, says what it could not keep, never panics, never reports a save
 * that did not happen, and never loses what was saved. Two tabs never overwrite each other's changes silently.
 */

const partner = (page: Page, name: string) =>
  page.getByRole('listitem').filter({ has: page.getByRole('heading', { name }) });
const notices = (page: Page) => page.locator('.notice-area');
const deccan = (page: Page) => partner(page, 'Deccan SaaS Partners');

/** Stops working with Deccan SaaS Partners on /sharing and checks the page shows it at once. */
async function stopDeccan(page: Page) {
  await deccan(page).getByRole('button', { name: /Stop working with this partner/ }).click();
  await expect(deccan(page).getByRole('button', { name: /Work with this partner again/ })).toBeVisible();
}

/** Asks to stop working with Deccan SaaS Partners, which storage refuses: the page says so and nothing changes. */
async function stopDeccanRefused(page: Page, reason: string) {
  await deccan(page).getByRole('button', { name: /Stop working with this partner/ }).click();
  await expect(notices(page)).toContainText(`Nothing changed. ${reason}`);
  await expect(deccan(page).getByRole('button', { name: /Stop working with this partner/ })).toBeVisible();
  await expect(page.getByText('You no longer work with Deccan SaaS Partners')).toHaveCount(0);
}

test('storage switched off: everything reads, and a change is refused with the reason instead of shown as saved', async ({
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
    'This browser does not allow this site to store data, so changes cannot be saved here. Everything can still be read.',
  );
  await stopDeccanRefused(page, 'This browser does not allow this site to store data, so the change was not saved.');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Activity' }).click();
  await expect(page.getByRole('main')).toContainText('Sign-in');
  await expect(page.getByRole('main')).not.toContainText('Stopped working with Deccan SaaS Partners');
  await expectNoAxeViolations(page, 'activity with storage switched off');
  expect(consoleErrors).toEqual([]);
});

test('storage that throws on every write: the change is refused, the error is named, nothing is half-written', async ({
  page,
}) => {
  await page.goto('/sharing');
  await expect(deccan(page).getByRole('button', { name: /Stop working/ })).toBeVisible();
  await page.evaluate(() => {
    Storage.prototype.setItem = () => {
      throw new DOMException('disk I/O error', 'UnknownError');
    };
  });
  await stopDeccanRefused(page, 'The browser could not store the change (disk I/O error), so it was not saved.');
  expect(await portalKeys(page)).toEqual([]);
});

test('storage full during a save: the typed value stays, nothing is reported as saved, and the retry saves it', async ({
  page,
}) => {
  await page.goto('/profile');
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  await expect(zone).toBeVisible();
  await zone.fill('Europe/Berlin');
  await page.evaluate(() => {
    (window as any).__setItem = Storage.prototype.setItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(page.getByRole('main').getByRole('alert').first()).toContainText(
    "This browser's storage for this site is full, so the change was not saved. Nothing you typed is lost: try again once there is room.",
  );
  await expect(page.locator('p.form-status[role="status"]')).not.toHaveText('Your optional details are saved.');
  await expect(zone).toHaveValue('Europe/Berlin');
  expect(await storedChanges(page, 'profile')).toBeNull();
  await expectNoAxeViolations(page, 'profile with storage full');

  // Room again: the same edit saves, and is there after a reload.
  await page.evaluate(() => (Storage.prototype.setItem = (window as any).__setItem));
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(page.locator('p.form-status[role="status"]')).toHaveText('Your optional details are saved.');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Berlin');
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
    ['icanopus-privacy-portal/overlay/asha', old],
  );
  await page.goto('/sharing');
  await expect(notices(page)).toContainText('Your saved demo changes came from an older version of the portal');
  await expect(deccan(page).getByRole('button', { name: /Stop working/ })).toBeVisible();
  const aside = (await portalKeys(page)).filter((k) => k.startsWith('icanopus-privacy-portal/set-aside/asha/'));
  expect(aside).toHaveLength(1);
  expect(await page.evaluate((key) => localStorage.getItem(key), aside[0])).toBe(old);
  // Changes from now on are stored as usual.
  await stopDeccan(page);
  await page.reload();
  await expect(deccan(page).getByRole('button', { name: /Work with this partner again/ })).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test('several set-asides are all kept up to three; the oldest goes, with a notice', async ({ page }) => {
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      for (const [i, stamp] of ['1700000000000', '1700000001000', '1700000002000'].entries()) {
        localStorage.setItem(`icanopus-privacy-portal/set-aside/asha/${stamp}-sharing`, `old copy ${i}`);
      }
      localStorage.setItem('icanopus-privacy-portal/changes/asha/sharing', '{"version": 2, "revision": 4, "patch": tru');
    }
  });
  await page.goto('/sharing');
  await expect(notices(page)).toContainText('could not be read');
  await expect(notices(page)).toContainText('the oldest copy of unreadable saved data kept aside in this browser was removed');
  const aside = (await portalKeys(page)).filter((k) => k.includes('/set-aside/'));
  expect(aside).toHaveLength(3);
  const kept = await page.evaluate((keys) => keys.map((k) => localStorage.getItem(k)), aside);
  expect(kept).toEqual(['old copy 1', 'old copy 2', '{"version": 2, "revision": 4, "patch": tru']);
});

test('changes that no longer fit their document are set aside and the user told, not dropped in silence', async ({
  page,
  consoleErrors,
}) => {
  const unfitting = changesText({ reselling_partners: 'not a list' });
  await page.addInitScript(
    ([key, value]) => {
      if (!sessionStorage.getItem('seeded')) {
        sessionStorage.setItem('seeded', '1');
        localStorage.setItem(key, value);
      }
    },
    [changesKey('sharing'), unfitting],
  );
  await page.goto('/sharing');
  await expect(notices(page)).toContainText('Your saved demo changes could not be read');
  await expect(deccan(page).getByRole('button', { name: /Stop working/ })).toBeVisible();
  const aside = (await portalKeys(page)).filter((k) => k.startsWith('icanopus-privacy-portal/set-aside/asha/'));
  expect(aside).toHaveLength(1);
  expect(await page.evaluate((key) => localStorage.getItem(key), aside[0])).toBe(unfitting);
  expect(await storedChanges(page, 'sharing')).toBeNull();
  expect(consoleErrors).toEqual([]);
});

test('data written by a newer version is left untouched; this older tab asks for a reload and changes nothing', async ({
  page,
  consoleErrors,
}) => {
  const newer = JSON.stringify({ version: 3, revision: 7, partners: { deccan: { stopped: true } } });
  await page.goto('/sharing');
  await expect(deccan(page).getByRole('button', { name: /Stop working/ })).toBeVisible();
  // Another tab, already on a newer build, stores the sharing document in its own format.
  await page.evaluate(([key, value]) => localStorage.setItem(key, value), [changesKey('sharing'), newer]);
  await stopDeccanRefused(page, 'This portal was updated in another tab. Reload this page to go on; nothing was changed here.');
  await page.reload();
  await expect(notices(page)).toContainText('This portal was updated in another tab. Reload this page to go on');
  expect(await page.evaluate((key) => localStorage.getItem(key), changesKey('sharing'))).toBe(newer);
  expect((await portalKeys(page)).filter((k) => k.includes('/set-aside/'))).toEqual([]);
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

test('two tabs editing different documents: both keep their changes', async ({ context }) => {
  const [first, second] = [await context.newPage(), await context.newPage()];
  await first.goto('/communications');
  await second.goto('/sharing');
  const topic = first.getByRole('checkbox', { name: 'Newsletters by Email for PROCRM', exact: true });
  await expect(topic).toBeChecked();
  await expect(deccan(second).getByRole('button', { name: /Stop working/ })).toBeVisible();

  await topic.uncheck();
  await stopDeccan(second);
  await first.getByRole('button', { name: 'Save my choices' }).click();
  await expect(first.locator('.communications__status')).toHaveText('Your communication preferences are saved.');

  for (const page of [first, second]) await page.reload();
  await expect(first.getByRole('checkbox', { name: 'Newsletters by Email for PROCRM', exact: true })).not.toBeChecked();
  await expect(deccan(second).getByRole('button', { name: /Work with this partner again/ })).toBeVisible();
  await first.goto('/activity');
  await expect(first.getByRole('main')).toContainText('Stopped working with Deccan SaaS Partners');
  await expect(first.getByRole('main')).toContainText('kind(s) of optional message');
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
    'Your communication preferences were changed in another tab or on another device. Saving here will replace them.',
  );
  await expect(box(second, 'Surveys and feedback requests by Phone for SMSNDT')).toBeChecked();
  await expect(box(second, topic)).toBeChecked();

  // Saving there replaces the first tab's choices, and the first tab shows it at once.
  await second.getByRole('button', { name: 'Save my choices' }).click();
  await expect(second.locator('.communications__status')).toHaveText('Your communication preferences are saved.');
  await expect(box(first, topic)).toBeChecked();
  await expect(box(first, 'Surveys and feedback requests by Phone for SMSNDT')).toBeChecked();
});

test('a save based on an old revision is refused as a conflict: the edit stays, and saving again replaces it', async ({
  page,
}) => {
  const box = (name: string) => page.getByRole('checkbox', { name, exact: true });
  await page.goto('/communications');
  await expect(box('Newsletters by Email for PROCRM')).toBeChecked();
  await box('Events by Email for SMSNDT').check();
  // Another tab saved the document a moment ago, and its news has not reached this one yet (a page is never told
  // of its own storage writes, so this stands in for that race).
  const before = await storedChanges(page, 'communications');
  await page.evaluate(
    ([key, value]) => localStorage.setItem(key, value),
    [changesKey('communications'), changesText({ updated_at: '2026-12-01T10:00:00Z' }, (before?.revision ?? 0) + 1)],
  );
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.getByRole('main').getByRole('alert').first()).toContainText(
    'This was saved in another tab or on another device a moment ago, so your change was not saved.',
  );
  await expect(box('Events by Email for SMSNDT')).toBeChecked();
  await expectNoAxeViolations(page, 'communications after a conflict');

  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.locator('.communications__status')).toHaveText('Your communication preferences are saved.');
  await page.reload();
  await expect(box('Events by Email for SMSNDT')).toBeChecked();
});
