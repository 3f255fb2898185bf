import { test, expect, expectNoAxeViolations } from './fixtures';

// The seed data announces a significant change on 15 Nov 2026 that takes effect on 15 Dec 2026.
const beforeChange = new Date('2026-11-29T10:00:00+05:30');
const afterChange = new Date('2026-12-20T10:00:00+05:30');

test('a deep link to a section lands on it, and the contents link to every part and section', async ({ page, consoleErrors }) => {
  await page.goto('/policy#do-not-track-dnt-requests');
  const heading = page.getByRole('heading', { name: 'Do Not Track (DNT) requests', exact: true, level: 3 });
  await expect(heading).toBeInViewport();

  await page.goto('/policy#part-iii');
  await expect(page.getByRole('heading', { name: 'Part III – General', level: 2 })).toBeInViewport();

  const contents = page.getByRole('navigation', { name: 'Contents' });
  for (const part of ['Part I – Information ICT collects and controls', 'Part II – Information that ICT processes on your behalf', 'Part III – General']) {
    await expect(contents.getByRole('link', { name: part })).toBeVisible();
  }
  // Every link in the contents has its target on the page.
  const targets = await contents.getByRole('link').evaluateAll((links) =>
    links.map((a) => (a as HTMLAnchorElement).hash.slice(1)).filter((id) => !document.getElementById(id)),
  );
  expect(targets).toEqual([]);
  await expect(contents.getByRole('link')).toHaveCount(3 + 16);

  await contents.getByRole('link', { name: 'Retention of information' }).click();
  await expect(page).toHaveURL(/\/policy#retention-of-information$/);
  await expect(page.getByRole('heading', { name: 'Retention of information', level: 3 })).toBeInViewport();
  await expect(page.getByText(/next clean-up that occurs once in 6 months/)).toBeVisible();
});

test('version, date in force and the data protection contact are shown', async ({ page, consoleErrors }) => {
  await page.clock.setFixedTime(beforeChange);
  await page.goto('/policy');
  const meta = page.locator('.policy__meta');
  await expect(meta).toContainText('Version2015-05-25');
  await expect(meta).toContainText('In force since25 May 2015');
  await expect(meta.getByRole('link', { name: 'sales@icanopustech.com' })).toHaveAttribute('href', 'mailto:sales@icanopustech.com');
});

test('the pending change counts down its 30 days, shows exactly what changes, and offers to end use', async ({
  page,
  consoleErrors,
}) => {
  await page.clock.setFixedTime(beforeChange);
  await page.goto('/policy');
  const pending = page.getByRole('region', { name: 'A change takes effect on 15 December 2026' });
  await expect(pending).toContainText('16 days to go.');
  await expect(pending).toContainText('Announced on 15 November 2026');
  // The diff: removed and added words, and the section they belong to.
  const dnt = pending.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Do Not Track (DNT) requests' }) });
  await expect(dnt.locator('del')).toHaveText(['[removed: these ]']);
  await expect(dnt.locator('ins')).toHaveText([
    '[added: Do Not Track ]',
    '[added: We treat a Global Privacy Control signal as your request that we do not use your information for marketing or share it with marketing partners, until you tell us otherwise.]',
  ]);
  const contact = pending.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Data Protection point of Contacts' }) });
  await expect(contact.locator('ins')).toHaveText(['[added: privacy@icanopustech.com, our data protection contact, or to ]']);
  await expect(contact.locator('del')).toHaveCount(0);
  // The text in force is still the old one.
  await expect(page.locator('.policy__text')).toContainText('For now, we do not take action in response to these signals.');

  await pending.getByRole('link', { name: 'Ask us to delete your account' }).click();
  await expect(page).toHaveURL(/\/requests\/delete$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/delet/i);
});

test('once in force, the new text, version, date and contact apply everywhere', async ({ page, consoleErrors }) => {
  await page.clock.setFixedTime(afterChange);
  await page.goto('/policy');
  await expect(page.locator('.pending-change')).toHaveCount(0);
  const meta = page.locator('.policy__meta');
  await expect(meta).toContainText('Version2026-12-15');
  await expect(meta).toContainText('In force since15 December 2026');
  await expect(page.locator('.policy__text')).toContainText('We treat a Global Privacy Control signal as your request');
  await expect(page.getByRole('contentinfo')).toContainText('effective from 15 December 2026');
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'privacy@icanopustech.com' })).toBeVisible();
  const history = page.getByRole('table', { name: 'Every change to the policy, newest first' });
  await expect(history.getByRole('row')).toHaveCount(3);
  await expect(history.getByRole('row').nth(1)).toContainText('15 December 2026');
});

test('notices: unread in the header, marked read and unread, and kept after a reload', async ({ page, consoleErrors }) => {
  await page.clock.setFixedTime(beforeChange);
  await page.goto('/');
  const badge = page.getByRole('banner').getByRole('link', { name: '1 unread notice' });
  await badge.click();
  await expect(page).toHaveURL(/\/policy#notices$/);
  const notices = page.getByRole('region', { name: /Notices to you/ });
  await expect(notices).toBeInViewport();
  const unread = notices.getByRole('listitem').filter({ hasText: 'Our privacy policy changes on 15 December 2026' });
  await expect(unread).toContainText('Unread');
  await unread.getByRole('button', { name: /Mark as read/ }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: /unread notice/ })).toHaveCount(0);
  await expect(unread.getByRole('button', { name: /Mark as unread/ })).toBeVisible();
  await page.reload();
  await expect(unread.getByRole('button', { name: /Mark as unread/ })).toBeVisible();
  await expect(page.getByRole('banner').getByRole('link', { name: /unread notice/ })).toHaveCount(0);
  await unread.getByRole('button', { name: /Mark as unread/ }).click();
  await expect(page.getByRole('banner').getByRole('link', { name: '1 unread notice' })).toBeVisible();
});

test('the policy page passes axe with a pending change and notices', async ({ page }) => {
  await page.clock.setFixedTime(beforeChange);
  await page.goto('/policy');
  await expect(page.locator('.pending-change')).toBeVisible();
  await expectNoAxeViolations(page, '/policy (pending change)');
});

test('a change of ownership is one of the notices, as the policy promises', async ({ page, consoleErrors }) => {
  await page.addInitScript(() => localStorage.setItem('icanopus-privacy-portal/persona', 'longtime'));
  await page.goto('/policy#notices');
  const notice = page.getByRole('region', { name: /Notices to you/ }).getByRole('listitem').filter({ hasText: 'Change of ownership' });
  await expect(notice).toContainText('eServiceapp moves to iCanopus Field Services Pvt Ltd');
  await expect(notice).toContainText('legally bound by this privacy policy');
  await expect(notice.getByRole('button', { name: /Mark as unread/ })).toBeVisible();
});
