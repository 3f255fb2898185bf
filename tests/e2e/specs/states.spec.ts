import type { Page } from '@playwright/test';
import { test, expect, waitForOverview, expectNoAxeViolations } from './fixtures';

/**
 * axe (WCAG 2.0/2.1 A and AA, 2.2 AA) in every state a page can be in, in the light and the dark theme: the banner
 * and its choices, confirmations, errors, slow and failed reads, empty results, filled forms and the 320 px menu.
 * Other specs scan many of these too, in the light theme, beside what they check; this one holds them all together.
 */
type State = { name: string; open: (page: Page) => Promise<void> };

const summary = (page: Page) => page.getByRole('alert').filter({ hasText: 'There is a problem' });

const states: State[] = [
  {
    name: 'first visit: cookie banner with its choices open',
    open: async (page) => {
      await page.goto('/');
      await waitForOverview(page);
      const banner = page.getByRole('region', { name: 'Cookies on our websites' });
      await banner.getByRole('button', { name: 'Choose' }).click();
      await expect(banner.getByRole('switch')).toHaveCount(4);
    },
  },
  {
    name: 'overview with every read failing',
    open: async (page) => {
      await page.route('**/api/personas/*/*.json', (route) => route.fulfill({ status: 500, body: 'down' }));
      await page.goto('/');
      await expect(page.getByRole('main').getByRole('alert').first()).toContainText('error 500');
    },
  },
  {
    name: 'requests page slow to load, offering to try again',
    open: async (page) => {
      await page.route('**/api/personas/*/requests.json', () => new Promise(() => {}));
      await page.goto('/requests');
      await expect(page.getByRole('status').filter({ hasText: 'taking longer than usual' })).toBeVisible({ timeout: 6_000 });
    },
  },
  {
    name: 'reset confirmation open',
    open: async (page) => {
      await page.goto('/');
      await waitForOverview(page);
      await page.getByRole('contentinfo').getByRole('button', { name: 'Reset demo data' }).click();
      await expect(page.getByRole('contentinfo').getByRole('button', { name: 'Cancel' })).toBeFocused();
    },
  },
  {
    name: 'information page with no search results',
    open: async (page) => {
      await page.goto('/data?q=zzqqxx');
      await expect(page.getByRole('main')).toContainText('Nothing we hold matches');
    },
  },
  {
    name: 'activity log with no entries matching',
    open: async (page) => {
      await page.goto('/activity?q=zzqqxx');
      await expect(page.getByRole('main')).toContainText('No entries match your choices.');
    },
  },
  {
    name: 'profile: security question form filled in, with errors',
    open: async (page) => {
      await page.goto('/profile');
      const form = page.getByRole('region', { name: 'Security question' });
      await form.getByLabel('Write my own question').check();
      await form.getByLabel('Your question').fill('Pet?');
      await form.getByLabel('Answer', { exact: true }).fill('Blue-Elephant-42');
      await form.getByLabel('Answer again').fill('Blue-Elephant-43');
      await form.getByRole('button', { name: 'Change security question' }).click();
      await expect(summary(page)).toBeFocused();
    },
  },
  {
    name: 'profile: optional details filled in, not yet saved',
    open: async (page) => {
      await page.goto('/profile');
      await page.getByRole('combobox', { name: 'Time zone' }).fill('Europe/Berlin');
      await page.getByLabel('Language for dates and numbers').selectOption('de-DE');
      await expect(page.getByRole('combobox', { name: 'Time zone' })).toHaveValue('Europe/Berlin');
    },
  },
  {
    name: 'export request: errors, then its answers to check',
    open: async (page) => {
      await page.goto('/requests/export');
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(summary(page)).toBeFocused();
      await expectNoAxeViolations(page, 'export with errors');
      await page.getByLabel('Payment and billing').check();
      await page.getByLabel('JSON (one file, with a data dictionary)').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
    },
  },
  {
    name: 'deletion request: a wrong username',
    open: async (page) => {
      await page.goto('/requests/delete');
      await page.getByLabel('Your whole account').check();
      await page.getByRole('button', { name: 'Continue' }).click();
      await page.getByLabel('To confirm, type your username').fill('asha');
      await page.getByRole('button', { name: 'Delete my account' }).click();
      await expect(summary(page)).toContainText('The username you entered is not yours');
    },
  },
  {
    name: 'communications: a save that failed',
    open: async (page) => {
      await page.goto('/communications');
      await page.getByRole('checkbox', { name: 'Newsletters by Email for PROCRM', exact: true }).uncheck();
      await page.route('**/api/personas/*/communications.json', (route) => route.abort('internetdisconnected'));
      await page.getByRole('button', { name: 'Save my choices' }).click();
      await expect(page.getByRole('alert').filter({ hasText: 'Your changes were not saved' })).toBeVisible();
    },
  },
  {
    name: 'storage full: the warning after a change',
    open: async (page) => {
      await page.goto('/sharing');
      await page.evaluate(() => {
        Storage.prototype.setItem = () => {
          throw new DOMException('full', 'QuotaExceededError');
        };
      });
      const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Deccan SaaS Partners' }) });
      await card.getByRole('button', { name: /Stop working with this partner/ }).click();
      await expect(page.locator('.notice-area')).toContainText('storage for this site is full');
    },
  },
  {
    name: '320 px wide with the menu open',
    open: async (page) => {
      await page.setViewportSize({ width: 320, height: 640 });
      await page.goto('/');
      await waitForOverview(page);
      await page.getByRole('button', { name: 'Menu' }).click();
      await expect(page.getByRole('link', { name: 'Requests', exact: true })).toBeVisible();
    },
  },
  {
    name: 'new demo user: empty sharing page',
    open: async (page) => {
      await page.addInitScript(() => localStorage.setItem('icanopus-privacy-portal/persona', 'new'));
      await page.goto('/sharing');
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partners, apps and third parties');
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
    },
  },
];

for (const scheme of ['light', 'dark'] as const) {
  test(`axe finds nothing in any state, ${scheme} theme`, async ({ page, consoleErrors }) => {
    test.setTimeout(180_000);
    await page.emulateMedia({ colorScheme: scheme });
    for (const state of states) {
      await test.step(state.name, async () => {
        await state.open(page);
        await expectNoAxeViolations(page, `${state.name} (${scheme})`);
        await page.unrouteAll({ behavior: 'ignoreErrors' });
        await page.setViewportSize({ width: 1280, height: 720 });
        await page.evaluate(() => localStorage.clear());
      });
    }
    consoleErrors.length = 0; // failed loads are part of several states
  });
}
