import { test as base, expect, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** Every route of the portal with its h1, as src/routes.rs spells them. */
export const routes = [
  { path: '/', heading: 'Your privacy at a glance', nav: 'Overview' },
  { path: '/data', heading: 'Your information', nav: 'Your information' },
  { path: '/communications', heading: 'Communication preferences', nav: 'Communications' },
  { path: '/cookies', heading: 'Cookie preferences', nav: 'Cookies' },
  { path: '/profile', heading: 'Your profile', nav: 'Profile' },
  { path: '/requests', heading: 'Privacy requests', nav: 'Requests' },
  { path: '/activity', heading: 'Access and activity log', nav: 'Activity' },
  { path: '/sharing', heading: 'Partners, apps and third parties', nav: 'Sharing' },
  { path: '/policy', heading: 'Privacy policy', nav: 'Policy' },
] as const;

export const axeTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Fails with the list of violations, so the report says what to fix. */
export async function expectNoAxeViolations(page: Page, label: string) {
  const results = await new AxeBuilder({ page }).withTags(axeTags).analyze();
  const summary = results.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
  );
  expect(summary, `axe violations on ${label}`).toEqual([]);
}

type Fixtures = {
  /** Console errors and uncaught exceptions seen by the page; checked to be empty after each test unless cleared. */
  consoleErrors: string[];
  /** Requests made to any host other than the portal's own. */
  foreignRequests: string[];
};

export const test = base.extend<Fixtures>({
  consoleErrors: async ({ page }, use) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await use(errors);
    expect(errors, 'console errors').toEqual([]);
  },
  foreignRequests: async ({ page, baseURL }, use) => {
    const own = new URL(baseURL!).host;
    const foreign: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!['data:', 'blob:'].includes(url.protocol) && url.host !== own) foreign.push(request.url());
    });
    await use(foreign);
    expect(foreign, 'requests to other hosts').toEqual([]);
  },
});

export { expect };

/** Waits until the overview's cards have all settled (loaded or failed). */
export async function waitForOverview(page: Page) {
  await expect(page.getByRole('heading', { level: 1, name: 'Your privacy at a glance' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
}

/**
 * Holds every request matching `glob` until the returned function is called (then lets them through). For a wait
 * that must outlast something the page counts from its own start (the loading panel's slow state): a fixed delay
 * counts from the request, which the preload script makes before the app has started.
 */
export async function holdRequests(page: Page, glob: string): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(glob, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return release;
}

/** Where the mock backend keeps the changes to one document of a demo user (src/api/local_storage.rs). */
export const changesKey = (document: string, persona = 'asha') => `icanopus-privacy-portal/changes/${persona}/${document}`;

/** The stored changes to `document` (`{version, revision, patch?, appended?}`), or null. */
export async function storedChanges(page: Page, document: string, persona = 'asha'): Promise<any> {
  return page.evaluate((key) => JSON.parse(localStorage.getItem(key) ?? 'null'), changesKey(document, persona));
}

/** The summaries of the activity entries the portal has recorded for changes made in it. */
export async function recordedChanges(page: Page): Promise<string[]> {
  const activity = await storedChanges(page, 'activity');
  return (activity?.appended ?? []).map((e: any) => e.detail.change.summary);
}

/** The stored text of changes to `document` that a save from this build would write, for seeding a test. */
export const changesText = (patch: unknown, revision = 1) => JSON.stringify({ version: 2, revision, patch });

/** Every key the portal keeps in this browser's storage. */
export async function portalKeys(page: Page): Promise<string[]> {
  return page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith('icanopus-privacy-portal/')).sort());
}
