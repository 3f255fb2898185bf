import type { Locator, Page, Route } from '@playwright/test';
import { test, expect, expectNoAxeViolations, holdRequests } from './fixtures';

/**
 * The failure matrix: every /api/ endpoint, on a page that reads it, answered with HTTP 500, HTTP 404, malformed
 * JSON, an aborted request and a 5-second delay. Each gives a message that names what failed and how, a "Try
 * again" that works once the fault has passed, and the page around it keeps working.
 */
type Endpoint = {
  file: string;
  /** The page that shows this document. */
  path: string;
  /** How the portal names the document in "We could not load …" (and in "Loading …" unless `waitingFor` says). */
  subject: string;
  /** What "Loading …" names, when the page waits for more than this document. */
  waitingFor?: string;
  /** Something on the page that is there only once the document has loaded. */
  loaded: (page: Page) => Locator;
};

const user = (file: string) => `**/api/personas/*/${file}`;
const company = (file: string) => `**/api/${file}`;

const endpoints: (Endpoint & { glob: string })[] = [
  {
    file: 'profile.json',
    glob: user('profile.json'),
    path: '/profile',
    subject: 'your profile',
    loaded: (page) => page.getByRole('main').getByText('asha.raman@nilgiri-textiles.example').first(),
  },
  {
    file: 'inventory.json',
    glob: user('inventory.json'),
    path: '/data',
    subject: 'the information we hold about you',
    waitingFor: 'the information we hold',
    loaded: (page) => page.getByRole('main').getByText('asha.raman@nilgiri-textiles.example').first(),
  },
  {
    file: 'communications.json',
    glob: user('communications.json'),
    path: '/communications',
    subject: 'your communication preferences',
    loaded: (page) => page.locator('.message-grid__box').first(),
  },
  {
    file: 'cookies.json',
    glob: user('cookies.json'),
    path: '/cookies',
    subject: 'your cookie choices',
    loaded: (page) => page.getByRole('main').getByRole('switch').first(),
  },
  {
    file: 'requests.json',
    glob: user('requests.json'),
    path: '/requests',
    subject: 'your requests',
    loaded: (page) => page.getByRole('main').getByText('PR-2026-0412').first(),
  },
  {
    file: 'activity.json',
    glob: user('activity.json'),
    path: '/activity',
    subject: 'the access and activity log',
    loaded: (page) => page.getByRole('main').getByText('Spam analyst').first(),
  },
  {
    file: 'sharing.json',
    glob: user('sharing.json'),
    path: '/sharing',
    subject: 'the list of partners and apps',
    loaded: (page) => page.getByRole('heading', { name: 'Kovai Cloud Solutions' }),
  },
  {
    file: 'notices.json',
    glob: user('notices.json'),
    path: '/policy',
    subject: 'your notices',
    loaded: (page) => page.getByRole('heading', { name: /^Notices to you/ }),
  },
  {
    file: 'nominee.json',
    glob: user('nominee.json'),
    path: '/profile',
    subject: 'the person named to act for you',
    loaded: (page) => page.getByText('You have not named anyone.'),
  },
  {
    file: 'policy.json',
    glob: company('policy.json'),
    path: '/policy',
    subject: 'the privacy policy',
    loaded: (page) => page.getByRole('heading', { name: 'Part III – General', level: 2 }),
  },
  {
    file: 'personas.json',
    glob: company('personas.json'),
    path: '/',
    subject: 'the list of demo users',
    loaded: (page) => page.getByRole('combobox', { name: 'Demo user' }),
  },
];

const faults: { name: string; fulfil: (route: Route) => Promise<void>; message: string }[] = [
  {
    name: 'HTTP 500',
    fulfil: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
    message: 'The server had a problem (error 500). Nothing you saved is lost.',
  },
  {
    name: 'HTTP 404',
    fulfil: (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'Not Found' }),
    message: 'The server could not find this information (error 404).',
  },
  {
    name: 'malformed JSON',
    fulfil: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"items": [tru' }),
    message: 'The server sent an answer we could not read.',
  },
  {
    name: 'an aborted request',
    fulfil: (route) => route.abort('aborted'),
    message: 'The server could not be reached. Check your internet connection',
  },
];

/** The browser's own report of a failed load is expected here; anything else (a panic, a CSP report) is not. */
function expectOnlyLoadFailures(consoleErrors: string[]) {
  expect(consoleErrors.filter((text) => !text.startsWith('Failed to load resource'))).toEqual([]);
  consoleErrors.length = 0;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

for (const endpoint of endpoints) {
  test(`${endpoint.file}: 500, 404, malformed JSON and an aborted request each say what failed, and "Try again" works`, async ({
    page,
    consoleErrors,
  }) => {
    const failure = page.getByRole('alert').filter({ hasText: `We could not load ${endpoint.subject}` });
    for (const fault of faults) {
      let answered = 0;
      await page.route(endpoint.glob, (route) => {
        answered += 1;
        return fault.fulfil(route);
      });
      await page.goto(endpoint.path);
      await expect(failure.first()).toContainText(fault.message);
      await expect(endpoint.loaded(page)).toHaveCount(0);
      // The rest of the portal still works: the shell and the menu are there.
      await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();
      if (fault.name === 'HTTP 500') await expectNoAxeViolations(page, `${endpoint.path} with ${endpoint.file} failing`);

      // Still failing: "Try again" reports it again rather than hanging. (Its request must have met the fault
      // before the fault is lifted below; on a busy machine it can leave a moment after the click.)
      const before = answered;
      await failure.first().getByRole('button', { name: 'Try again' }).click();
      await expect.poll(() => answered, { message: 'the retry reached the failing backend' }).toBeGreaterThan(before);
      await expect(failure.first().getByRole('button', { name: 'Try again' })).toBeEnabled();
      await expect(failure.first()).toContainText(fault.message);

      // The fault passes: "Try again" brings the document, without reloading the page.
      await page.unroute(endpoint.glob);
      await page.evaluate(() => ((window as any).__sameDocument = true));
      for (let left = await failure.count(); left > 0; left--) {
        await failure.first().getByRole('button', { name: 'Try again' }).click();
        await expect(failure).toHaveCount(left - 1);
      }
      await expect(endpoint.loaded(page)).toBeVisible();
      expect(await page.evaluate(() => (window as any).__sameDocument)).toBe(true);
      expectOnlyLoadFailures(consoleErrors);
    }
  });

  test(`${endpoint.file}: a 5-second delay shows the loading state, says it is slow, and "Try again" starts afresh`, async ({
    page,
    consoleErrors,
  }) => {
    const loading = page.getByRole('status').filter({ hasText: `Loading ${endpoint.waitingFor ?? endpoint.subject}…` });

    // Waiting it out: the content arrives on its own after the delay. The answer is held until five seconds after
    // the loading panel has shown: the request itself starts earlier (the first page's documents are preloaded before
    // the app has started, which on a busy machine can take two seconds), so a delay counted from the request could
    // end before the panel's three seconds, counted from the app's read, are up.
    const answer = await holdRequests(page, endpoint.glob);
    await page.goto(endpoint.path);
    await expect(loading).toBeVisible();
    setTimeout(answer, 5_000);
    // Three seconds after the read began, before the answer comes at five.
    await expect(loading).toContainText('This is taking longer than usual. You can keep waiting, or try again.', {
      timeout: 4_900,
    });
    await expectNoAxeViolations(page, `${endpoint.path} while ${endpoint.file} is slow`);
    await expect(endpoint.loaded(page)).toBeVisible({ timeout: 10_000 });
    await expect(loading).toHaveCount(0);

    // Giving up on a request that hangs: "Try again" asks afresh and the answer comes at once. The first request
    // hangs for 40 s; the waits below (reload, the slow notice at 3 s, the click, the content) add up to well
    // under that even on a busy machine, so the content can only have come from the fresh request.
    await page.unroute(endpoint.glob);
    let first = true;
    await page.route(endpoint.glob, async (route) => {
      if (first) {
        first = false;
        await sleep(40_000);
      }
      await route.continue().catch(() => {});
    });
    await page.reload();
    const tryAgain = loading.getByRole('button', { name: 'Try again' });
    await expect(tryAgain).toBeVisible({ timeout: 15_000 });
    // Clear of the cookie banner at the foot of the window, which a pointer cannot click through.
    await tryAgain.evaluate((button) => button.scrollIntoView({ block: 'center' }));
    await tryAgain.click({ timeout: 10_000 });
    await expect(endpoint.loaded(page)).toBeVisible({ timeout: 10_000 });
    await expect(loading).toHaveCount(0);
    await page.unrouteAll({ behavior: 'ignoreErrors' });
    expectOnlyLoadFailures(consoleErrors);
  });
}
