import type { Page } from '@playwright/test';
import { test, expect, portalKeys } from './fixtures';

/**
 * No typed text is lost: every form keeps what the user typed or chose when another tab saves (its documents are
 * then read again and its sections rebuilt) and when the language changes.
 */

const notices = (page: Page) => page.locator('.notice-area');

/** Saves a different date-and-number language on `page`'s profile, as another tab would. */
async function saveLanguageElsewhere(page: Page) {
  await page.goto('/profile');
  await page.getByLabel('Language for dates and numbers').selectOption('en-GB');
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(page.locator('p.form-status[role="status"]')).toHaveText('Your optional details are saved.');
}

test('the profile forms keep what was typed while another tab saves the profile and the language changes', async ({
  context,
}) => {
  const [page, other] = [await context.newPage(), await context.newPage()];
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 2, name: 'Optional details' })).toBeVisible();
  const account = page.getByRole('region', { name: 'Account details' });
  await account.getByRole('button', { name: 'Request a correction to your name' }).click();
  await page.locator('#correct-name').fill('Asha Krishnan-Rao');
  await page.locator('#note-name').fill('My name changed when I married.');
  await page.locator('#time-zone').fill('Europe/Berlin');
  const security = page.getByRole('region', { name: 'Security question' });
  await security.getByLabel('Write my own question').check();
  await page.locator('#custom-question').fill('Which colour was my first bicycle?');
  await page.locator('#answer').fill('Blue-Elephant-42');
  await page.locator('#answer-again').fill('Blue-Elephant-42');

  // Another tab saves the profile: this one reads it again, rebuilds its sections, and says so.
  await saveLanguageElsewhere(other);
  await expect(notices(page)).toContainText('This was changed in another tab or on another device: what you had not changed here now shows the new values');
  const typed = async () => {
    await expect(page.locator('#correct-name')).toHaveValue('Asha Krishnan-Rao');
    await expect(page.locator('#note-name')).toHaveValue('My name changed when I married.');
    await expect(page.locator('#time-zone')).toHaveValue('Europe/Berlin');
    await expect(page.locator('#custom-question')).toHaveValue('Which colour was my first bicycle?');
    await expect(page.locator('#answer')).toHaveValue('Blue-Elephant-42');
    await expect(page.locator('#answer-again')).toHaveValue('Blue-Elephant-42');
  };
  await typed();
  // The field nobody here touched follows the other tab's save.
  await expect(page.locator('#language')).toHaveValue('en-GB');

  await page.locator('#portal-language').selectOption('de');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ihr Profil');
  await typed();

  // Saving here replaces the other tab's time zone with this one's, visibly, and keeps its language.
  await page.locator('#optional-save').click();
  await other.reload();
  await expect(other.locator('#time-zone')).toHaveValue('Europe/Berlin');
  await expect(other.locator('#language')).toHaveValue('en-GB');
});

test('cookie switches and the deletion journey keep what was chosen and typed while another tab saves', async ({
  context,
}) => {
  const [page, other] = [await context.newPage(), await context.newPage()];
  await page.goto('/cookies');
  const functional = page.getByRole('switch', { name: 'Functional' });
  await functional.check();
  await saveLanguageElsewhere(other);
  // This tab has read the saved data again: its list of what is kept now names the other tab's save.
  await expect(page.getByRole('region', { name: 'What this portal keeps in this browser' })).toContainText('your profile');
  await expect(functional).toBeChecked();

  await page.goto('/requests/delete');
  await page.getByLabel('Your whole account').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const username = page.getByLabel('To confirm, type your username');
  await username.fill('asha.ra');
  const reread = page.waitForResponse(/\/profile\.json$/);
  await other.getByLabel('Language for dates and numbers').selectOption('en-IN');
  await other.getByRole('button', { name: 'Save optional details' }).click();
  await reread;
  await expect(page.getByRole('region', { name: 'When it goes' })).toBeVisible();
  await expect(username).toHaveValue('asha.ra');
  await page.locator('#portal-language').selectOption('de');
  await expect(page.getByLabel('Geben Sie zur Bestätigung Ihren Benutzernamen ein')).toHaveValue('asha.ra');
  expect((await portalKeys(page)).filter((k) => k.endsWith('/requests'))).toEqual([]);
});
