import { test, expect, expectNoAxeViolations, recordedChanges, storedChanges } from './fixtures';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';

async function downloadText(page: Page, click: () => Promise<void>) {
  const pending = page.waitForEvent('download');
  await click();
  const download = await pending;
  return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
}

test('the requests page lists every request with type, reference, dates and status', async ({ page, consoleErrors }) => {
  await page.goto('/requests');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy requests');
  const rows = page.getByRole('table').getByRole('row');
  await expect(rows).toHaveCount(3);
  await expect(rows.nth(1)).toContainText('Correction');
  await expect(rows.nth(1)).toContainText('PR-2026-0412');
  await expect(rows.nth(1)).toContainText('20 December 2026');
  await expect(rows.nth(1)).toContainText('In review');
  await expect(rows.nth(2)).toContainText('Expired');
  await expectNoAxeViolations(page, 'requests list');
  await page.getByRole('link', { name: 'PR-2026-0412' }).click();
  await expect(page).toHaveURL(/\/requests\/PR-2026-0412$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request PR-2026-0412');
  await expect(page.getByRole('list').filter({ hasText: 'Received' }).first()).toContainText('In review');
  await expect(page.getByRole('button', { name: 'Cancel this request' })).toBeVisible();
  await expectNoAxeViolations(page, 'request detail');
  expect(consoleErrors).toEqual([]);
});

test('an overdue request is flagged', async ({ page }) => {
  await page.clock.setFixedTime(new Date('2027-01-05T10:00:00Z'));
  await page.goto('/requests');
  const row = page.getByRole('row').filter({ hasText: 'PR-2026-0412' });
  await expect(row).toContainText('Overdue');
  await page.goto('/requests/PR-2026-0412');
  await expect(page.getByText('Overdue: we are late answering')).toBeVisible();
});

test('an export is made in the browser, holds only what was chosen, and matches its checksum', async ({ page }) => {
  await page.goto('/requests/export');
  await page.getByRole('button', { name: 'Continue' }).click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole('link')).toHaveText(['Choose at least one kind of information or part of your account to export', 'Choose a format']);
  await expectNoAxeViolations(page, 'export with errors');

  await page.getByLabel('Browser, device and server logs').check();
  await page.getByLabel('Payment and billing').check();
  await page.getByLabel('SMSNDT service data').check();
  await page.getByLabel('JSON (one file, with a data dictionary)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
  await expect(page.getByRole('definition').filter({ hasText: 'Payment and billing, Browser, device and server logs' })).toBeVisible();
  await page.getByRole('button', { name: 'Change format' }).click();
  await expect(page.getByLabel('JSON (one file, with a data dictionary)')).toBeChecked();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expectNoAxeViolations(page, 'export check your answers');
  await page.getByRole('button', { name: 'Make my export' }).click();

  await expect(page.getByRole('heading', { name: 'Your export is ready' })).toBeVisible();
  const reference = (await page.locator('.confirmation__reference').textContent())!.replace('Reference: ', '');
  const shown = await page.locator('code.checksum').textContent();
  await expectNoAxeViolations(page, 'export ready');
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Download your export' }).click());
  expect(file.name).toBe(`icanopus-export-${reference}.json`);
  expect(createHash('sha256').update(file.text).digest('hex')).toBe(shown);
  const exported = JSON.parse(file.text);
  expect(exported.categories.map((c: any) => c.category)).toEqual(['payment', 'browser_logs', 'service_records', 'mobile_devices']);
  // SMSNDT has no mobile app: its section says so by being empty.
  expect(exported.categories[3].records).toEqual([]);
  expect(exported.categories[1].records).toHaveLength(6);
  expect(exported.categories[2].records.map((r: any) => r.product)).toEqual(['SMSNDT']);
  expect(exported.data_dictionary.some((d: any) => d.field === 'ip_address')).toBe(true);
  expect(file.text).not.toContain('Kovai');

  // The request is on the list and its page offers the same file again.
  await page.goto('/requests');
  await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('Ready to download');
  await page.getByRole('link', { name: reference }).click();
  const again = await downloadText(page, () => page.getByRole('button', { name: /^Download icanopus-export/ }).click());
  expect(again.text).toBe(file.text);
  await expect(page.getByText(shown!)).toBeVisible();
});

test('an export can hold every part of the account, the activity log within a range, each part described', async ({ page }) => {
  await page.goto('/requests/export');
  const account = page.getByRole('group', { name: 'Your account' });
  for (const part of ['Communication preferences', 'Cookie consent history', 'Privacy requests', 'Access and activity log', 'Sharing choices']) {
    await account.getByLabel(part).check();
  }
  await account.getByLabel('Activity from (optional)').fill('2026-11-30');
  await account.getByLabel('Activity up to (optional)').fill('2026-11-01');
  await page.getByLabel('JSON (one file, with a data dictionary)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('alert').getByRole('link')).toHaveText(['The last day must be the same as or after the first day']);
  await expectNoAxeViolations(page, 'export with the activity range');
  await account.getByLabel('Activity from (optional)').fill('2026-11-01');
  await account.getByLabel('Activity up to (optional)').fill('2026-11-30');
  await page.getByRole('button', { name: 'Continue' }).click();
  await expect(page.getByRole('definition').filter({ hasText: 'Access and activity log (1 November 2026 to 30 November 2026)' })).toBeVisible();
  await page.getByRole('button', { name: 'Make my export' }).click();
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Download your export' }).click());
  const exported = JSON.parse(file.text);
  expect(exported.categories).toEqual([]);
  const parts = Object.fromEntries(exported.account.map((p: any) => [p.part, p]));
  expect(Object.keys(parts)).toEqual(['preferences', 'consents', 'requests', 'activity', 'sharing']);
  // Every cell of the preference grid: 6 topics, 3 channels, 3 products.
  expect(parts.preferences.records).toHaveLength(54);
  expect(parts.requests.records.map((r: any) => r.reference)).toContain('PR-2026-0412');
  expect(parts.activity.facts).toEqual({ from: '2026-11-01', to: '2026-11-30' });
  expect(parts.activity.records).toHaveLength(8);
  for (const entry of parts.activity.records) expect(entry.at).toMatch(/^2026-11-/);
  expect(parts.sharing.records.map((r: any) => r.recipient)).toContain('reselling_partner');
  // Every key of every part is in the data dictionary.
  for (const part of exported.account) {
    const described = exported.data_dictionary.filter((d: any) => d.part === part.part).map((d: any) => d.field);
    for (const record of [part.facts, ...part.records]) {
      for (const key of Object.keys(record)) expect(described, `${part.part}.${key}`).toContain(key);
    }
  }
  // The request page says what the export covers.
  const reference = (await page.locator('.confirmation__reference').textContent())!.replace('Reference: ', '');
  await page.goto(`/requests/${reference}`);
  await expect(page.getByRole('region', { name: 'What the export covers' })).toContainText('Sharing choices');
});

test('a CSV export has one section per chosen category', async ({ page }) => {
  await page.goto('/requests/export');
  await page.getByLabel('Conversations with sales and support').check();
  await page.getByLabel('Social media').check();
  await page.getByLabel('CSV (one section per category, for spreadsheets)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Make my export' }).click();
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Download your export' }).click());
  expect(file.name).toMatch(/\.csv$/);
  const sections = file.text.split('\n').filter((line) => /^# [^:]+ \(\w+\)$/.test(line));
  expect(sections).toEqual([
    '# Conversations with sales and support (interactions)',
    '# Social media (social_media)',
  ]);
  expect(file.text).toContain('product,date,channel,team,subject,recorded');
  expect(file.text).toContain('"Importing 1,200 contacts from a spreadsheet"');
});

test('a CSV with hostile cells opened as text shows them neutralised, in UTF-8 with a byte-order mark', async ({ page }) => {
  const hostile = '-1+HYPERLINK("https://example.com/?q=1","Click")';
  await page.goto('/profile');
  const security = page.getByRole('region', { name: 'Security question' });
  await security.getByLabel('Write my own question').check();
  await security.getByLabel('Your question').fill(hostile);
  await security.getByLabel('Answer', { exact: true }).fill('Blue-Elephant-42');
  await security.getByLabel('Answer again').fill('Blue-Elephant-42');
  await security.getByRole('button', { name: 'Change security question' }).click();
  await expect(page.locator('p.form-status[role="status"]')).toContainText('Your security question is set.');

  await page.goto('/requests/export');
  await page.getByLabel('Security question').check();
  await page.getByLabel('CSV (one section per category, for spreadsheets)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Make my export' }).click();
  const file = await downloadText(page, () => page.getByRole('button', { name: 'Download your export' }).click());
  expect(file.text.startsWith('\uFEFF')).toBe(true);
  // The question is one cell, quoted, starting with an apostrophe: a spreadsheet shows it as text, never runs it.
  expect(file.text).toContain(`"'-1+HYPERLINK(""https://example.com/?q=1"",""Click"")"`);
  for (const line of file.text.slice(1).split('\n')) {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) {
      expect(line.startsWith(start), line).toBe(false);
      expect(line.includes(`,${start}`), line).toBe(false);
    }
  }
});

test('an export expires: after its download window its file is gone from the browser, and its page offers a new one', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2026-12-01T10:00:00Z'));
  await page.goto('/requests/export');
  await page.getByLabel('Social media').check();
  await page.getByLabel('CSV (one section per category, for spreadsheets)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Make my export' }).click();
  await expect(page.getByRole('heading', { name: 'Your export is ready' })).toBeVisible();
  const reference = (await page.locator('.confirmation__reference').textContent())!.replace('Reference: ', '');
  expect(Object.keys((await storedChanges(page, 'export-files')).patch)).toEqual([reference]);

  // Fourteen days later the download window has ended.
  await page.clock.setFixedTime(new Date('2026-12-16T10:00:00Z'));
  await page.goto(`/requests/${reference}`);
  await expect(page.locator('.summary-list').first()).toContainText('Expired');
  await expect(page.getByText(/^The download window of this export ended on 15 Dec 2026/)).toBeVisible();
  await expect(page.getByRole('button', { name: /^Download icanopus-export/ })).toHaveCount(0);
  expect(await storedChanges(page, 'export-files')).toBeNull();
  await expectNoAxeViolations(page, 'an expired export');
  await page.getByRole('link', { name: 'Ask for a new export' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ask for a copy of your data');
});

test('a deletion shows its dated timeline, refuses a wrong username, files once on a double click, and can be cancelled', async ({
  page,
}) => {
  await page.clock.setFixedTime(new Date('2026-11-29T10:00:00Z'));
  await page.goto('/requests/delete');
  await page.getByLabel('Your whole account').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  const when = page.getByRole('region', { name: 'When it goes' });
  await expect(when).toContainText('1 March 2027');
  await expect(when).toContainText('1 June 2027');
  await expect(when).toContainText('Suppression lists');
  await expect(page.getByRole('region', { name: 'What this means' })).toContainText('You will no longer be able to sign in');

  const confirm = page.getByRole('button', { name: 'Delete my account' });
  await page.getByLabel('To confirm, type your username').fill('asha');
  await confirm.click();
  const summary = page.getByRole('alert').filter({ hasText: 'There is a problem' });
  await expect(summary).toContainText('The username you entered is not yours');
  await expect(page.getByLabel('To confirm, type your username')).toHaveValue('asha');
  await expectNoAxeViolations(page, 'deletion with a wrong username');

  await page.getByLabel('To confirm, type your username').fill('asha.raman');
  await confirm.dblclick();
  await expect(page.getByRole('heading', { name: 'We have your deletion request' })).toBeVisible();
  const reference = (await page.locator('.confirmation__reference').textContent())!.replace('Reference: ', '');
  await expectNoAxeViolations(page, 'deletion confirmation');

  await page.goto('/requests');
  await expect(page.getByRole('row').filter({ hasText: 'Deletion' })).toHaveCount(1);
  const row = page.getByRole('row').filter({ hasText: reference });
  await expect(row).toContainText('Scheduled');
  await page.getByRole('link', { name: reference }).click();
  await expect(page.getByRole('region', { name: 'When your data goes' })).toContainText('1 March 2027');
  await page.getByRole('button', { name: 'Cancel this deletion' }).click();
  await page.getByRole('button', { name: 'Yes, cancel it' }).click();
  await expect(page.getByRole('status').filter({ hasText: `Request ${reference} is cancelled.` })).toBeVisible();
  await expect(page.locator('.summary-list')).toContainText('Cancelled');
  await page.reload();
  await expect(page.locator('.summary-list')).toContainText('Cancelled');

  const summaries = await recordedChanges(page);
  expect(summaries).toEqual([`Asked for a deletion (${reference})`, `Cancelled request ${reference}`]);
});

test('the long-time user sees the deletion in progress with its dates', async ({ page }) => {
  await page.goto('/');
  await page.evaluate(() => localStorage.setItem('icanopus-privacy-portal/persona', 'longtime'));
  await page.goto('/requests/PR-2026-0377');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Request PR-2026-0377');
  // Meera's profile language is Tamil: dates follow it.
  await expect(page.locator('.timeline')).toContainText('due 1 மார்ச், 2027');
  await expect(page.locator('.timeline')).toContainText('due 1 ஜூன், 2027');
  await expect(page.getByRole('region', { name: 'When your data goes' })).toContainText('Your eServiceapp service data');
});

test('corrections and objections made elsewhere appear in the history', async ({ page }) => {
  await page.goto('/communications');
  await page.getByRole('button', { name: 'Object to marketing' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your objection is filed as' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Withdraw my objection' })).toBeVisible();
  await page.goto('/requests');
  await expect(page.getByRole('row').filter({ hasText: 'Objection to marketing' })).toContainText('Received');
  await page.goto('/requests/PR-9999-0001');
  await expect(page.getByText('There is no request with the reference PR-9999-0001.')).toBeVisible();
  await expect(page.locator('h1')).toHaveCount(1);
});
