import { createHash } from 'node:crypto';
import { test, expect, expectNoAxeViolations, recordedChanges } from './fixtures';
import type { Page } from '@playwright/test';

const redSquarePng = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAgAAAAICAYAAADED76LAAAAEklEQVR4nGM4ISf3Hx9mGBkKAFNGgMHUn6b2AAAAAElFTkSuQmCC',
  'base64',
);

async function openProfile(page: Page) {
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
  await expect(page.getByRole('heading', { level: 2, name: 'Optional details' })).toBeVisible();
}

const status = (page: Page) => page.locator('p.form-status[role="status"]');

test('account fields are read-only, each with a correction request that gets a reference and a due date', async ({
  page,
  consoleErrors,
}) => {
  await openProfile(page);
  const account = page.getByRole('region', { name: 'Account details' });
  await expect(account).toContainText('Nilgiri Textiles Pvt. Ltd.');
  await expect(account.getByRole('textbox')).toHaveCount(0);
  await expect(account.getByRole('button', { name: /^Request a correction/ })).toHaveCount(6);

  await account.getByRole('button', { name: 'Request a correction to your company' }).click();
  await account.getByRole('button', { name: 'Send correction request' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toBeFocused();
  await expect(account.getByText('Enter the correct company').first()).toBeVisible();
  await expectNoAxeViolations(page, 'profile with a correction error');

  await account.getByLabel('What should your company be?').fill('Nilgiri Textiles Private Limited');
  await account.getByLabel('Anything else we should know (optional)').fill('As on our GST certificate.');
  await account.getByRole('button', { name: 'Send correction request' }).click();
  const done = account.getByRole('status');
  await expect(done).toContainText(/Correction request PR-\d{4}-\d{4} sent\./);
  await expect(done).toContainText(/We will answer by \d+ \w+ \d{4}\./);
  const reference = (await done.textContent())!.match(/PR-\d{4}-\d{4}/)![0];

  await page.goto('/');
  const requests = page.getByRole('region', { name: 'Your open requests' });
  await expect(requests).toContainText(reference);
  await expect(requests).toContainText('Company: should read “Nilgiri Textiles Private Limited” (As on our GST certificate.)');
  expect(consoleErrors).toEqual([]);
});

test('a real photo is previewed, saved as a small copy, kept after a reload, and can be removed', async ({ page }) => {
  await openProfile(page);
  await page.getByLabel('Choose a photo (PNG, JPEG or WebP, up to 2 MB)').setInputFiles({
    name: 'me.png',
    mimeType: 'image/png',
    buffer: redSquarePng,
  });
  const preview = page.getByRole('img', { name: 'Your photo, as it will be saved' });
  await expect(preview).toHaveAttribute('src', /^data:image\/(webp|png);base64,/);
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(status(page)).toHaveText('Your optional details are saved.');
  await page.reload();
  await expect(page.getByRole('img', { name: 'Your photo, as it will be saved' })).toHaveAttribute('src', /^data:image\/(webp|png)/);

  await page.getByRole('button', { name: 'Remove photo' }).click();
  await expect(page.getByText('No photo.')).toBeVisible();
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(status(page)).toHaveText('Your optional details are saved.');
  await page.reload();
  await expect(page.getByText('No photo.')).toBeVisible();
  const summaries = await recordedChanges(page);
  expect(summaries).toEqual(['Changed the photo', 'Removed the photo']);
});

for (const bad of [
  { name: 'a text file renamed to .png', file: { name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from('I am not an image, just text.') }, message: 'The selected file must be a PNG, JPEG or WebP image' },
  {
    name: 'a file that starts like a PNG but does not decode',
    file: { name: 'broken.png', mimeType: 'image/png', buffer: Buffer.concat([redSquarePng.subarray(0, 16), Buffer.from('garbage'.repeat(20))]) },
    message: 'The selected file could not be read as an image',
  },
  {
    name: 'a file over 2 MB',
    file: { name: 'huge.png', mimeType: 'image/png', buffer: Buffer.concat([redSquarePng, Buffer.alloc(2 * 1024 * 1024)]) },
    message: 'The selected file must be smaller than 2 MB',
  },
]) {
  test(`${bad.name} is refused with a clear message, at the field and in the summary`, async ({ page }) => {
    await openProfile(page);
    const before = await page.getByRole('img', { name: 'Your photo, as it will be saved' }).getAttribute('src');
    await page.getByLabel('Choose a photo (PNG, JPEG or WebP, up to 2 MB)').setInputFiles(bad.file);
    await expect(page.locator('#photo-error')).toContainText(bad.message);
    await expect(page.getByRole('img', { name: 'Your photo, as it will be saved' })).toHaveAttribute('src', before!);
    await page.getByRole('button', { name: 'Save optional details' }).click();
    const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
    await expect(summary).toBeFocused();
    await summary.getByRole('link', { name: bad.message }).click();
    await expect(page.getByLabel('Choose a photo (PNG, JPEG or WebP, up to 2 MB)')).toBeFocused();
    await expectNoAxeViolations(page, `profile with ${bad.name}`);
    await page.reload();
    await expect(page.getByRole('img', { name: 'Your photo, as it will be saved' })).toHaveAttribute('src', before!);
  });
}

test('the time zone changes how a known timestamp is shown on another page', async ({ page }) => {
  // Asha signed up at 2019-03-14T09:12:00Z; her profile says Asia/Kolkata (UTC+5:30) and English (India).
  await page.goto('/data?q=signed');
  await expect(page.locator('#account')).toContainText('14 Mar 2019, 2:42 pm');

  await openProfile(page);
  const zone = page.getByRole('combobox', { name: 'Time zone' });
  // The suggestions (every zone the browser knows) are built when the field is first focused, not with the page.
  const suggestions = page.locator('#time-zone-options option');
  await expect(suggestions).toHaveCount(0);
  await zone.focus();
  await expect(page.locator('#time-zone-options option[value="America/New_York"]')).toHaveCount(1);
  expect(await suggestions.count()).toBeGreaterThan(300);
  // Her own zone is offered under its current name (Chromium lists the former `Asia/Calcutta`).
  await expect(page.locator('#time-zone-options option[value="Asia/Kolkata"]')).toHaveCount(1);
  await expect(page.locator('#time-zone-options option[value="Asia/Calcutta"]')).toHaveCount(0);
  await zone.fill('Mars/Olympus_Mons');
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('Choose a time zone from the list');
  await expect(zone).toHaveValue('Mars/Olympus_Mons');
  await expect(zone).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page, 'profile with a time zone error');

  await zone.fill('America/New_York');
  await page.getByLabel('Language for dates and numbers').selectOption('en-GB');
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(status(page)).toHaveText('Your optional details are saved.');
  await page.reload();
  await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('America/New_York');
  await expect(page.getByLabel('Language for dates and numbers')).toHaveValue('en-GB');

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Your information' }).click();
  await page.getByRole('searchbox', { name: 'Search names and values' }).fill('signed');
  await expect(page.locator('#account')).toContainText('14 Mar 2019, 05:12');

  // Cleared: the browser's own zone (this test browser runs in Asia/Kolkata).
  await page.goto('/profile');
  await page.getByRole('button', { name: 'Clear time zone' }).click();
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(status(page)).toHaveText('Your optional details are saved.');
  await page.goto('/data?q=signed');
  await expect(page.locator('#account')).toContainText('14 Mar 2019, 14:42');
});

test('the security answer is write-only: checked, never shown, nothing of it kept in the browser', async ({ page }) => {
  const answer = 'Blue-Elephant-42';
  await openProfile(page);
  const form = page.getByRole('region', { name: 'Security question' });
  await expect(form).toContainText('Set on 2 Jun 2021: “What was the name of your first school?”');
  await expect(form).toContainText('only when you reset your password');

  await form.getByLabel('Write my own question').check();
  await form.getByLabel('Your question').fill('Pet?');
  await form.getByLabel('Answer', { exact: true }).fill(answer);
  await form.getByLabel('Answer again').fill(answer + 'x');
  await form.getByRole('button', { name: 'Change security question' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText([
    'Your question must be at least 10 characters',
    'The two answers do not match: enter the same answer twice',
  ]);
  await summary.getByRole('link', { name: 'The two answers do not match: enter the same answer twice' }).click();
  await expect(form.getByLabel('Answer again')).toBeFocused();
  await expect(form.getByLabel('Your question')).toHaveValue('Pet?');
  await expectNoAxeViolations(page, 'profile with security errors');

  await form.getByLabel('Your question').fill('Which colour was my first bicycle?');
  await form.getByLabel('Answer again').fill(answer);
  await form.getByRole('button', { name: 'Change security question' }).click();
  await expect(status(page)).toHaveText('Your security question is set. The answer is never shown again, not even to you.');
  await expect(page.getByRole('region', { name: 'Security question' })).toContainText('“Which colour was my first bicycle?”');
  await expect(page.getByRole('region', { name: 'Security question' }).getByLabel('Answer', { exact: true })).toHaveValue('');

  const html = await page.content();
  expect(html).not.toContain(answer);
  const stored = await page.evaluate(() => Object.keys(localStorage).map((k) => k + '=' + localStorage.getItem(k)).join('\n'));
  expect(stored).not.toContain(answer);
  expect(stored.toLowerCase()).not.toContain(answer.toLowerCase());
  // Nothing derived from the answer either: no 64-character hex or 44-character base64 digest of it anywhere.
  const digests = [
    createHash('sha256').update(answer).digest('hex'),
    createHash('sha256').update(answer).digest('base64'),
  ];
  for (const digest of digests) expect(stored).not.toContain(digest);
  expect(stored).not.toMatch(/[0-9a-f]{64}/i);
  expect(stored).not.toMatch(/[A-Za-z0-9+/]{43}=/);
  expect(stored).not.toContain('sha256');
  await expect(page.getByRole('region', { name: 'Security question' })).toContainText('the answer is never shown again');

  await page.reload();
  await page.getByRole('button', { name: 'Remove security question' }).click();
  await page.getByRole('button', { name: 'Yes, remove it' }).click();
  await expect(status(page)).toHaveText('Your security question is removed.');
  await expect(page.getByRole('region', { name: 'Security question' })).toContainText('You have not set a security question.');
  const after = await page.evaluate(() => Object.values(localStorage).join('\n'));
  expect(after).not.toContain('sha256');
  expect(after).not.toContain('Which colour was my first bicycle?');
});

test('text with HTML or script is shown as text and never run', async ({ page }) => {
  const payload = '<img src=x onerror="window.__xss=1"><script>window.__xss=2</script>';
  await openProfile(page);
  const account = page.getByRole('region', { name: 'Account details' });
  await account.getByRole('button', { name: 'Request a correction to your name' }).click();
  await account.getByLabel('What should your name be?').fill(payload);
  await account.getByRole('button', { name: 'Send correction request' }).click();
  await expect(account.getByRole('status')).toContainText('sent.');
  const form = page.getByRole('region', { name: 'Security question' });
  await form.getByLabel('Write my own question').check();
  await form.getByLabel('Your question').fill(payload);
  await form.getByLabel('Answer', { exact: true }).fill('an answer');
  await form.getByLabel('Answer again').fill('an answer');
  await form.getByRole('button', { name: 'Change security question' }).click();
  await expect(status(page)).toHaveText('Your security question is set. The answer is never shown again, not even to you.');
  await expect(page.getByRole('region', { name: 'Security question' })).toContainText(payload);

  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Your open requests' })).toContainText(payload);
  await page.goto('/data?q=onerror');
  await expect(page.locator('#security-question')).toContainText(payload);
  expect(await page.evaluate(() => (window as any).__xss)).toBeUndefined();
  expect(await page.locator('img[src="x"]').count()).toBe(0);
});

test('leaving with unsaved changes asks first; saved values survive a reload', async ({ page }) => {
  await openProfile(page);
  await page.getByLabel('Language for dates and numbers').selectOption('de-DE');
  let asked = '';
  page.once('dialog', (dialog) => {
    asked = dialog.message();
    void dialog.dismiss();
  });
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy' }).click();
  expect(asked).toContain('You have changes you have not saved');
  await expect(page).toHaveURL(/\/profile$/);
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(status(page)).toHaveText('Your optional details are saved.');
  // The portal speaks German, so it follows the profile's language at once: navigation, headings and dates.
  await expect(page.locator('html')).toHaveAttribute('lang', 'de');
  await page.getByRole('navigation', { name: 'Hauptnavigation' }).getByRole('link', { name: 'Richtlinie' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Datenschutzerklärung');
  await expect(page.getByRole('contentinfo')).toContainText('25. Mai 2015');
  await page.goto('/profile');
  await expect(page.getByLabel('Sprache für Datum und Zahlen')).toHaveValue('de-DE');
});

test('the optional data the company does not need can be deleted in one step', async ({ page }) => {
  await openProfile(page);
  const minimise = page.getByRole('region', { name: 'Data we do not need' });
  await expect(minimise).toContainText('your photo, time zone, language');
  await minimise.getByRole('button', { name: 'Delete optional data' }).click();
  await expect(status(page)).toHaveText('Your optional data is deleted. We hold only what an account needs.');
  await expect(page.getByRole('region', { name: 'Data we do not need' })).toContainText('You have not given us any optional details');
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'What we hold about you' })).toContainText('Optional profilenone held');
});
