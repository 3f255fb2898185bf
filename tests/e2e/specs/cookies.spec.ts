import { test, expect, expectNoAxeViolations, changesKey, changesText, portalKeys, recordedChanges } from './fixtures';
import type { BrowserContext, Page } from '@playwright/test';

const banner = (page: Page) => page.getByRole('region', { name: 'Cookies on our websites' });
const optionalCookies = ['ict_lang', 'ict_recent', 'ict_analytics_id', 'ict_events_ref'];

async function cookieNames(context: BrowserContext) {
  return (await context.cookies()).map((c) => c.name).sort();
}

async function waitForApp(page: Page) {
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Cookie settings' })).toBeVisible();
}

test('a first visit shows the banner with three equal buttons, nothing pre-ticked, and the page still usable', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/');
  await waitForApp(page);
  await expect(banner(page)).toBeVisible();
  const buttons = ['Accept all', 'Reject all', 'Choose'].map((name) => banner(page).getByRole('button', { name }));
  const boxes = await Promise.all(buttons.map((b) => b.boundingBox()));
  for (const b of boxes) {
    expect(b!.width).toBeCloseTo(boxes[0]!.width, 0);
    expect(b!.height).toBeCloseTo(boxes[0]!.height, 0);
  }
  const classes = await Promise.all(buttons.map((b) => b.getAttribute('class')));
  expect(new Set(classes).size).toBe(1);
  await expectNoAxeViolations(page, 'overview with the cookie banner');

  await buttons[2].click();
  await expect(buttons[2]).toHaveAttribute('aria-expanded', 'true');
  const switches = banner(page).getByRole('switch');
  await expect(switches).toHaveCount(4);
  await expect(switches.first()).toBeChecked();
  await expect(switches.first()).toBeDisabled();
  for (let i = 1; i < 4; i++) await expect(switches.nth(i)).not.toBeChecked();
  await banner(page).getByText('The cookies in this category (2)').first().click();
  await expect(banner(page).getByRole('rowheader', { name: 'ict_lang' })).toBeVisible();
  await expectNoAxeViolations(page, 'cookie banner with choices open');

  // The banner never blocks the page: navigation works while it is open.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Policy' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Privacy policy');
  expect(consoleErrors).toEqual([]);
});

test('reject all: no banner after a reload, optional categories off, only the necessary cookie', async ({ page, context }) => {
  await page.goto('/');
  await waitForApp(page);
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Your cookie choices are saved.' })).toBeVisible();
  expect(await cookieNames(context)).toEqual(['ict_consent']);
  await page.reload();
  await waitForApp(page);
  await expect(banner(page)).toHaveCount(0);
  await expectNoAxeViolations(page, 'overview after rejecting cookies');
  await page.getByRole('contentinfo').getByRole('link', { name: 'Cookie settings' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Cookie preferences');
  for (const name of ['Functional', 'Analytics', 'Marketing']) {
    await expect(page.getByRole('switch', { name })).not.toBeChecked();
  }
  await expect(page.getByText('Off: your choice')).toHaveCount(3);
  await expect(page.getByRole('region', { name: 'Your consent record' })).toContainText('the cookie banner');
});

test('accept all sets the cookies; withdrawing deletes them at once and is recorded', async ({ page, context }) => {
  await page.goto('/');
  await waitForApp(page);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(banner(page)).toHaveCount(0);
  await expect.poll(() => cookieNames(context)).toEqual(['ict_consent', ...optionalCookies].sort());

  await page.goto('/cookies');
  await expect(page.getByRole('switch', { name: 'Analytics' })).toBeChecked();
  await page.getByRole('button', { name: 'Withdraw consent: reject all optional cookies' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your cookie choices are saved.' })).toBeVisible();
  await expect.poll(() => cookieNames(context)).toEqual(['ict_consent']);
  await expect(page.getByRole('switch', { name: 'Analytics' })).not.toBeChecked();

  const history = page.getByRole('region', { name: 'Your consent record' }).getByRole('row');
  await expect(history).toHaveCount(3);
  await expect(history.nth(1)).toContainText('functional off, analytics off, marketing off');
  await expect(history.nth(1)).toContainText('the cookie settings page');
  await expect(history.nth(2)).toContainText('functional on, analytics on, marketing on');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download my consent record (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('cookie-consent-record.json');
  const receipt = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8'));
  expect(receipt.history).toHaveLength(2);
  expect(receipt.current.analytics).toBe(false);
  expect(receipt.history[0].method).toBe('banner');

  const summaries = await recordedChanges(page);
  expect(summaries).toContain('Accepted all optional cookies, using the cookie banner');
  expect(summaries).toContain('Refused all optional cookies, using the cookie settings page');
  await expectNoAxeViolations(page, 'cookies page with a history');
});

test('a choice on the settings page can mix categories', async ({ page, context }) => {
  await page.goto('/cookies');
  await waitForApp(page);
  await expect(banner(page)).toHaveCount(0);
  await page.getByRole('switch', { name: 'Functional' }).check();
  await page.getByRole('button', { name: 'Save my cookie choices' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Your cookie choices are saved.' })).toBeVisible();
  await expect.poll(() => cookieNames(context)).toEqual(['ict_consent', 'ict_lang', 'ict_recent']);
  await expect(page.getByText('Allowed: strictly necessary, functional.')).toBeVisible();
});

test('a choice is asked again after 6 months and when the policy changes, saying why', async ({ page }) => {
  const consent = (givenAt: string, revision: string) =>
    changesText({
      consent: { given_at: givenAt, policy_revision: revision, method: 'banner', functional: true, analytics: true, marketing: false },
    });
  const store = (page: Page, text: string) =>
    page.evaluate(([key, value]) => localStorage.setItem(key, value), [changesKey('cookies'), text]);
  // The seed policy is revision 2015-05-25 until a change takes effect on 15 Dec 2026.
  await page.clock.setFixedTime(new Date('2026-11-29T10:00:00+05:30'));
  const recent = '2026-11-20T10:00:00Z';
  await page.goto('/');
  await store(page, consent('2025-01-10T10:00:00Z', '2015-05-25'));
  await page.reload();
  await waitForApp(page);
  await expect(banner(page)).toContainText('more than 6 months ago');

  await store(page, consent(recent, '2014-01-01'));
  await page.reload();
  await waitForApp(page);
  await expect(banner(page)).toContainText('Our privacy policy has changed since you chose');
  await expect(banner(page)).toContainText('2014-01-01');

  await store(page, consent(recent, '2015-05-25'));
  await page.reload();
  await waitForApp(page);
  await expect(banner(page)).toHaveCount(0);

  // The announced change takes effect: the same choice is asked again.
  await page.clock.setFixedTime(new Date('2026-12-16T10:00:00+05:30'));
  await page.reload();
  await waitForApp(page);
  await expect(banner(page)).toContainText('Our privacy policy has changed since you chose');
});

test.describe('with Global Privacy Control', () => {
  test.beforeEach(async ({ page }) => {
    await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'globalPrivacyControl', { get: () => true }));
  });

  test('GPC turns analytics and marketing off by default, labelled; an explicit choice overrides it, labelled', async ({
    page,
  }) => {
    await page.goto('/cookies');
    await waitForApp(page);
    const signals = page.getByRole('region', { name: "Your browser's privacy signals" });
    await expect(signals).toContainText('Global Privacy Control (GPC)This browser sends it.');
    await expect(page.getByText('Off: turned off because your browser sends Global Privacy Control')).toHaveCount(2);
    await expect(page.getByRole('switch', { name: 'Analytics' })).not.toBeChecked();
    await expectNoAxeViolations(page, 'cookies with GPC');

    await page.getByRole('switch', { name: 'Analytics' }).check();
    await page.getByRole('button', { name: 'Save my cookie choices' }).click();
    await expect(page.getByText("On: your explicit choice, which overrides your browser's Global Privacy Control signal")).toBeVisible();
    await expect(page.getByText('Off: turned off because your browser sends Global Privacy Control')).toHaveCount(0);

    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(banner(page)).toHaveCount(0);
  });

  test('the banner says GPC keeps analytics and marketing off', async ({ page }) => {
    await page.goto('/');
    await waitForApp(page);
    await expect(banner(page)).toContainText('Your browser sends Global Privacy Control');
  });
});

test('applying the browser signal turns off every optional message and cookie', async ({ page, context }) => {
  await page.goto('/cookies');
  await waitForApp(page);
  await expect(page.getByRole('region', { name: "Your browser's privacy signals" })).toContainText(
    'we do not take action in response to it',
  );
  await page.getByRole('button', { name: "Apply my browser's signal" }).click();
  await expect(page.getByRole('status').filter({ hasText: 'every optional message and every optional cookie is off' })).toBeVisible();
  expect(await cookieNames(context)).toEqual(['ict_consent']);
  await expect(page.getByRole('region', { name: 'Your consent record' })).toContainText("your browser's privacy signal");
  await page.goto('/communications');
  await expect(page.locator('.message-grid__box')).toHaveCount(54);
  await expect(page.locator('.message-grid__box:checked')).toHaveCount(0);
});

/** The lazily loaded modules (wasm-split-cli names them): the pages' and the banner's choices, and their chunks. */
const splitCode = /\/app-[0-9a-f]{16}\/(split|chunk)_\w+\.wasm$/;

test('the banner\'s choices come when "Choose" is pressed: a loading panel while their code is on its way, then the form', async ({
  page,
  consoleErrors,
}) => {
  // Every module but the first load's held back: the overview and the banner do without them.
  await page.route(splitCode, () => {});
  await page.goto('/');
  await waitForApp(page);
  await banner(page).getByRole('button', { name: 'Choose' }).click();
  await expect(banner(page).getByRole('status')).toHaveText('Loading your cookie choices…');
  await expect(banner(page).getByRole('switch')).toHaveCount(0);
  await expectNoAxeViolations(page, 'cookie banner with its choices loading');
  // Removing the handler lets the requests it held go on.
  await page.unroute(splitCode);
  await expect(banner(page).getByRole('switch')).toHaveCount(4);
  await expect(banner(page).getByRole('status')).toHaveCount(0);
  await banner(page).getByRole('switch', { name: /Analytics/ }).click();
  await banner(page).getByRole('button', { name: 'Save my cookie choices' }).click();
  await expect(banner(page)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('when the banner\'s choices cannot be fetched it says why, the two answers still work, and "Try again" brings the form', async ({
  page,
  consoleErrors,
}) => {
  // No background fetch (Save-Data): the only fetches of the form's code are the ones this test makes.
  await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
  await page.route(splitCode, (route) => route.abort());
  await page.goto('/');
  await waitForApp(page);
  await banner(page).getByRole('button', { name: 'Choose' }).click();
  const alert = banner(page).getByRole('alert');
  await expect(alert).toContainText('We could not load your cookie choices');
  await expect(alert).toContainText('Check your internet connection, then try again. If the portal was updated since you opened it, reload the page. Nothing you saved is lost.');
  await expectNoAxeViolations(page, 'cookie banner whose choices could not be fetched');
  consoleErrors.length = 0; // the browser reports the blocked fetches

  await page.unroute(splitCode);
  const retry = alert.getByRole('button', { name: 'Try again' });
  await retry.focus();
  await page.keyboard.press('Enter');
  await expect(banner(page).getByRole('switch')).toHaveCount(4);
  // The panel has gone: focus goes on to the first switch that can be changed, not to the page's body.
  await expect(banner(page).getByRole('switch').nth(1)).toBeFocused();
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(banner(page)).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('"Remove everything this portal keeps in this browser" lists it, asks first, and returns to a first visit', async ({
  page,
  context,
}) => {
  await page.goto('/');
  await waitForApp(page);
  await banner(page).getByRole('button', { name: 'Accept all' }).click();
  await expect(banner(page)).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('de');
  await page.getByRole('combobox', { name: 'Sprache' }).selectOption('en');
  await page.goto('/communications');
  await page.getByRole('checkbox', { name: 'Newsletters by Email for PROCRM', exact: true }).uncheck();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.locator('.communications__status')).toHaveText('Your communication preferences are saved.');
  await expect.poll(() => cookieNames(context)).not.toEqual([]);

  await page.goto('/cookies');
  const kept = page.getByRole('region', { name: 'What this portal keeps in this browser' });
  await expect(kept).toContainText('Saved changes of the demo user asha:');
  await expect(kept).toContainText('your communication preferences');
  await expect(kept).toContainText('your cookie choices');
  await expect(kept).toContainText('The language you chose');
  await kept.getByRole('button', { name: 'Remove everything this portal keeps in this browser' }).click();
  await expect(kept).toContainText('This cannot be undone.');
  await expectNoAxeViolations(page, 'remove everything, asked');
  await kept.getByRole('button', { name: 'Yes, remove everything' }).click();

  await expect(page).toHaveURL(/\/$/);
  await expect(banner(page)).toBeVisible();
  expect(await portalKeys(page)).toEqual([]);
  expect(await cookieNames(context)).toEqual([]);
  await page.goto('/communications');
  await expect(page.getByRole('checkbox', { name: 'Newsletters by Email for PROCRM', exact: true })).toBeChecked();
});

test('the cookie banner never prints', async ({ page }) => {
  await page.goto('/');
  await waitForApp(page);
  await expect(banner(page)).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(banner(page)).toBeHidden();
  await page.emulateMedia({ media: 'screen' });
  await expect(banner(page)).toBeVisible();
});
