import { test, expect, waitForOverview, expectNoAxeViolations, changesKey, portalKeys, storedChanges } from './fixtures';

test('the overview shows what is held, open requests, choices, access and sharing from the backend', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForOverview(page);
  const main = page.getByRole('main');
  await expect(main).toContainText('Welcome back, Asha.');

  const holdings = page.getByRole('region', { name: 'What we hold about you' });
  for (const source of ['Provided by you', 'Collected automatically', 'From third parties', 'Your service data']) {
    await expect(holdings.getByRole('heading', { level: 3, name: new RegExp(`^${source}`) })).toBeVisible();
  }
  await expect(holdings).toContainText('Browser, device and server logs');
  await expect(holdings).toContainText('6 log entries');
  await expect(holdings).toContainText('Account details6 items');

  const requests = page.getByRole('region', { name: 'Your open requests' });
  await expect(requests).toContainText('PR-2026-0412');
  await expect(requests).toContainText('In review');
  await expect(requests).toContainText('due by 20 December 2026');
  await expect(requests).not.toContainText('PR-2024-0187');

  const choices = page.getByRole('region', { name: 'Your choices' });
  await expect(choices).toContainText('You receive 9 of the 54 optional kinds of message');
  await expect(choices).toContainText('You have not made a cookie choice yet');

  const access = page.getByRole('region', { name: 'Recent access to your data' });
  await expect(access.getByRole('listitem')).toHaveCount(3);
  await expect(access.getByRole('listitem').first()).toContainText('Support engineer');
  await expect(access.getByRole('listitem').first()).toContainText('PR-2026-0412');

  const sharing = page.getByRole('region', { name: 'Who receives your information' });
  await expect(sharing).toContainText('2 reselling partners');

  for (const [region, link, heading] of [
    ['What we hold about you', 'See everything we hold', 'Your information'],
    ['Your open requests', 'See all your requests', 'Privacy requests'],
    ['Recent access to your data', 'See the full access and activity log', 'Access and activity log'],
    ['Who receives your information', 'See partners, apps and third parties', 'Partners, apps and third parties'],
  ]) {
    await page.getByRole('region', { name: region }).getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    await page.goBack();
    await waitForOverview(page);
  }
  expect(consoleErrors).toEqual([]);
});

test('reset demo data asks first, then restores the seed and says so', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await waitForOverview(page);
  // A change stored by an earlier visit of an earlier build (one overlay per demo user): the user had unsubscribed
  // from everything.
  await page.evaluate(() =>
    localStorage.setItem(
      'icanopus-privacy-portal/overlay/asha',
      JSON.stringify({ version: 1, patches: { communications: { subscribed: [] } }, appended: {} }),
    ),
  );
  await page.reload();
  await waitForOverview(page);
  const choices = page.getByRole('region', { name: 'Your choices' });
  await expect(choices).toContainText('You have unsubscribed from all non-essential messages.');

  const footer = page.getByRole('contentinfo');
  await footer.getByRole('button', { name: 'Reset demo data' }).click();
  const cancel = footer.getByRole('button', { name: 'Cancel' });
  await expect(cancel).toBeFocused();
  await cancel.click();
  await expect(footer.getByRole('button', { name: 'Reset demo data' })).toBeFocused();
  await expect(choices).toContainText('You have unsubscribed from all non-essential messages.');

  await footer.getByRole('button', { name: 'Reset demo data' }).click();
  await expectNoAxeViolations(page, 'reset confirmation');
  await footer.getByRole('button', { name: 'Yes, reset demo data' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'The demo data is back to how it started.' })).toBeVisible();
  await expect(choices).toContainText('You receive 9 of the 54 optional kinds of message');

  // Only the reset's own activity entry is left.
  expect((await portalKeys(page)).filter((k) => k.includes('/changes/'))).toEqual([changesKey('activity')]);
  const activity = await storedChanges(page, 'activity');
  expect(activity.patch).toBeUndefined();
  expect(activity.appended).toHaveLength(1);
  expect(activity.appended[0].detail.change).toMatchObject({ area: 'demo_data' });

  await page.reload();
  await waitForOverview(page);
  await expect(choices).toContainText('You receive 9 of the 54 optional kinds of message');
  expect(consoleErrors).toEqual([]);
});

test('unreadable saved data is set aside (a copy first, then the original goes), not lost, and the user is told', async ({
  page,
  consoleErrors,
}) => {
  // Written before the app's first script runs (and once): written into a running page, it could be read by that
  // page's later reads (the header's and footer's come after the overview) and set aside there, before the reload.
  await page.addInitScript(() => {
    if (!sessionStorage.getItem('seeded')) {
      sessionStorage.setItem('seeded', '1');
      localStorage.setItem('icanopus-privacy-portal/overlay/asha', '{"version": 1, "patches": tru');
      localStorage.setItem('icanopus-privacy-portal/changes/asha/communications', '{"version": 2, "revision": 1, "patch": [');
    }
  });
  await page.goto('/');
  await waitForOverview(page);
  await expect(page.getByRole('status').filter({ hasText: 'could not be read' })).toBeVisible();
  const aside = (await portalKeys(page)).filter((k) => k.startsWith('icanopus-privacy-portal/set-aside/asha/'));
  expect(aside).toHaveLength(2);
  const kept = await page.evaluate((keys) => keys.map((k) => localStorage.getItem(k)).sort(), aside);
  expect(kept).toEqual(['{"version": 1, "patches": tru', '{"version": 2, "revision": 1, "patch": [']);
  expect(await portalKeys(page)).not.toContain(changesKey('communications'));
  expect(await portalKeys(page)).not.toContain('icanopus-privacy-portal/overlay/asha');
  await expect(page.getByRole('region', { name: 'Your choices' })).toContainText('You receive 9 of the 54');
  expect(consoleErrors).toEqual([]);
});

test('between the page and the header, the boot message keeps its place but no longer says "Loading"', async ({
  page,
}) => {
  // The page comes before the header: watch the document from the start for the moment the page's heading is there
  // and the header not yet, and note how the boot message looks then (getComputedStyle applies the stylesheet).
  await page.addInitScript(() => {
    const seen: { visibility: string; height: number }[] = [];
    (window as unknown as { __bootSeen: typeof seen }).__bootSeen = seen;
    new MutationObserver(() => {
      const boot = document.querySelector('.boot');
      if (boot && document.querySelector('main h1') && !document.querySelector('.site-header')) {
        seen.push({ visibility: getComputedStyle(boot).visibility, height: boot.getBoundingClientRect().height });
      }
    }).observe(document, { childList: true, subtree: true });
  });
  await page.goto('/');
  await waitForOverview(page);
  const seen = await page.evaluate(() => (window as unknown as { __bootSeen: { visibility: string; height: number }[] }).__bootSeen);
  expect(seen.length, 'the page heading came before the header').toBeGreaterThan(0);
  for (const state of seen) {
    expect(state.visibility).toBe('hidden');
    expect(state.height).toBeGreaterThan(50);
  }
  await expect(page.locator('.boot')).toBeHidden();
});
