import { test, expect, expectNoAxeViolations, recordedChanges } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';

const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on our websites' });
const box = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
const offers = 'Offers and promotions by SMS for SMSNDT';
const survey = 'Surveys and feedback requests by Email for PROCRM';
const cookieNames = async (context: BrowserContext) => (await context.cookies()).map((c) => c.name);

test('objecting to marketing stops messages, marketing cookies and reseller sharing at once; withdrawing undoes it', async ({
  page,
  context,
  consoleErrors,
}) => {
  await page.goto('/communications');
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect.poll(() => cookieNames(context)).toContain('ict_events_ref');
  await expect(box(page, offers)).toBeChecked();
  await expect(box(page, offers)).toBeEnabled();

  await page.getByRole('button', { name: 'Object to marketing' }).click();
  const filed = page.getByRole('status').filter({ hasText: /Your objection is filed as PR-\d{4}-\d{4} and in effect now/ });
  await expect(filed).toBeVisible();
  const reference = (await filed.textContent())!.match(/PR-\d{4}-\d{4}/)![0];
  // Messages: every marketing message off and locked, surveys (not marketing) as ticked; the ticks are kept.
  await expect(box(page, offers)).not.toBeChecked();
  await expect(box(page, offers)).toBeDisabled();
  await expect(box(page, survey)).toBeChecked();
  await expect(page.locator('#marketing-stopped')).toContainText('Marketing messages are off because you objected to marketing on');
  await expect(page.getByRole('region', { name: 'Marketing use of your information' })).toContainText(
    `You objected to marketing on`,
  );
  // Cookies: the marketing cookie is gone at once.
  await expect.poll(() => cookieNames(context)).not.toContain('ict_events_ref');
  expect(await cookieNames(context)).toContain('ict_analytics_id');
  await expectNoAxeViolations(page, 'communications with an objection to marketing');

  // It survives a reload, and every place says why.
  await page.reload();
  await expect(box(page, offers)).not.toBeChecked();
  await expect(box(page, offers)).toBeDisabled();
  await page.goto('/cookies');
  await expect(page.locator('#settings-marketing-now')).toContainText('Off: because you objected to marketing on');
  await expect(page.locator('.cookies')).toContainText('Allowed: strictly necessary, functional, analytics.');
  expect(await cookieNames(context)).not.toContain('ict_events_ref');
  await page.goto('/sharing');
  const partner = page.locator('.sharing-card').filter({ hasText: 'Kovai Cloud Solutions' });
  await expect(partner).toContainText('Not shared: because you objected to marketing on');
  await expect(page.locator('.sharing__stopped')).toContainText('we share nothing with reselling partners until you withdraw it');
  await expectNoAxeViolations(page, 'sharing with an objection to marketing');
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Your choices' })).toContainText('Marketing is stopped: you objected on');
  await expect(page.getByRole('region', { name: 'Who receives your information' })).toContainText('0 reselling partners');

  // Withdrawing is one click from the sharing page's link: the choices apply again.
  await page.goto('/sharing');
  await page.getByRole('link', { name: 'Withdraw it on the communications page' }).click();
  await expect(page).toHaveURL(/\/communications#marketing$/);
  await page.getByRole('button', { name: 'Withdraw my objection' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your objection is withdrawn' })).toBeVisible();
  await expect(box(page, offers)).toBeChecked();
  await expect(box(page, offers)).toBeEnabled();
  await expect.poll(() => cookieNames(context)).toContain('ict_events_ref');
  await page.goto('/sharing');
  await expect(page.locator('.sharing-card').filter({ hasText: 'Kovai Cloud Solutions' })).toContainText('They may contact you');
  await page.goto(`/requests/${reference}`);
  await expect(page.locator('.timeline')).toContainText('Cancelled');
  const log = await recordedChanges(page);
  expect(log).toContain(`Objected to the use of my information for marketing (${reference})`);
  expect(log).toContain(`Withdrew my objection to marketing (${reference})`);
});

test('from the revision of 15 December 2026, Global Privacy Control stops marketing messages and reseller sharing unless the user chooses otherwise', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() =>
    Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true, configurable: true }),
  );
  // Before the revision: the signal speaks to cookies only.
  await page.clock.setFixedTime(new Date('2026-12-10T10:00:00+05:30'));
  await page.goto('/communications');
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(box(page, offers)).toBeChecked();
  await expect(page.getByRole('button', { name: 'Send me the marketing messages I ticked anyway' })).toHaveCount(0);

  await page.clock.setFixedTime(new Date('2026-12-16T10:00:00+05:30'));
  await page.reload();
  // The policy changed: the banner asks again.
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(box(page, offers)).not.toBeChecked();
  await expect(box(page, offers)).toBeDisabled();
  await expect(box(page, survey)).toBeChecked();
  await expect(page.locator('#marketing-stopped')).toContainText('because your browser sends Global Privacy Control');
  const section = page.getByRole('region', { name: 'Marketing use of your information' });
  await expect(section).toContainText('Since 15 December 2026 our privacy policy treats it as a request not to use your information for marketing');
  await expectNoAxeViolations(page, 'communications under Global Privacy Control');

  // The user chooses otherwise: the ticks apply, and stay after a reload.
  await page.getByRole('button', { name: 'Send me the marketing messages I ticked anyway' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'You will receive the marketing messages ticked.' })).toBeVisible();
  await expect(box(page, offers)).toBeChecked();
  await page.reload();
  await expect(box(page, offers)).toBeChecked();
  await expect(section).toContainText('but on');
  await page.getByRole('button', { name: "Follow my browser's signal again" }).click();
  await expect(box(page, offers)).not.toBeChecked();

  // Sharing with reselling partners: stopped, with the same choice.
  await page.goto('/sharing');
  const partner = page.locator('.sharing-card').filter({ hasText: 'Kovai Cloud Solutions' });
  await expect(partner).toContainText('Not shared: because your browser sends Global Privacy Control.');
  await expectNoAxeViolations(page, 'sharing under Global Privacy Control');
  await page.getByRole('button', { name: 'Share with the partners I work with anyway' }).click();
  await expect(partner).toContainText('They may contact you');
  await page.reload();
  await expect(partner).toContainText('They may contact you');
  await expect(page.locator('.sharing__stopped')).toContainText('you chose to keep sharing');
  await page.goto('/cookies#signals');
  await expect(page.locator('#signals')).toContainText('This browser sends it.');
  await expect(page.locator('#signals')).toContainText(
    'From 15 December 2026 our privacy policy also treats GPC as a request not to use your information for marketing',
  );
  const log = await recordedChanges(page);
  expect(log).toContain('Chose to receive the marketing messages ticked despite Global Privacy Control');
  expect(log).toContain('Chose to keep sharing with reselling partners despite Global Privacy Control');
});

test('the marketing section and its states read in German and Hindi', async ({ page, consoleErrors }) => {
  await page.goto('/communications');
  await page.getByRole('button', { name: 'Object to marketing' }).click();
  await expect(page.getByRole('button', { name: 'Withdraw my objection' })).toBeVisible();
  await page.locator('#portal-language').selectOption('de');
  await expect(page.locator('#marketing')).toContainText('Sie haben am');
  await expect(page.getByRole('button', { name: 'Meinen Widerspruch zurücknehmen' })).toBeVisible();
  await expect(page.locator('#marketing-stopped')).toContainText('Werbenachrichten sind aus');
  await page.locator('#portal-language').selectOption('hi');
  await expect(page.getByRole('button', { name: 'मेरी आपत्ति वापस लें' })).toBeVisible();
  await expect(page.locator('#marketing-stopped')).toContainText('मार्केटिंग संदेश बंद हैं');
});
