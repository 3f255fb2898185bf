import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page, Route } from '@playwright/test';
import { test, expect, waitForOverview, expectNoAxeViolations } from './fixtures';

/**
 * The portal always starts, or says why (public/boot.js, index.html, style/base.css): the app's code failing to come
 * in every way a host or a network can fail, a page's code from another build, a trap once it runs, and a start
 * that takes long. Each message has a "Reload" that works.
 */

const mainModule = /\/app-[0-9a-f]{16}\/privacy-portal_bg\.wasm$/;
const glue = /\/app-[0-9a-f]{16}\/privacy-portal\.js$/;
const activityCode = /\/app-[0-9a-f]{16}\/split_activity\.wasm$/;

const couldNotLoad =
  'The portal could not be loaded. Check your internet connection, then reload the page. Nothing you saved is lost.';
const stopped =
  'Something went wrong and the portal stopped working. Reload the page to carry on. Nothing you saved is lost.';

/** What the browser and boot.js report when the app's code is broken, and nothing else. */
function expectOnlyLoadErrors(errors: string[]) {
  expect(errors.length).toBeGreaterThan(0);
  for (const error of errors) {
    expect(error).toMatch(/Failed to load resource|failed to fetch|CompileError|TypeError|SyntaxError|MIME type|LinkError|WebAssembly/i);
  }
  errors.length = 0;
}

/** The ways the app's code can fail to arrive whole. */
const failures: { name: string; answer: (route: Route) => Promise<void> }[] = [
  { name: 'a 404', answer: (route) => route.fulfill({ status: 404, body: 'Not found' }) },
  { name: 'a server error', answer: (route) => route.fulfill({ status: 500, body: 'Internal server error' }) },
  { name: 'no connection', answer: (route) => route.abort('internetdisconnected') },
  {
    name: 'an HTML page with status 200',
    answer: (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>Portal</title><p>Hello' }),
  },
  {
    name: 'truncated bytes',
    answer: async (route) => {
      const body = await (await route.fetch()).body();
      const type = route.request().url().endsWith('.wasm') ? 'application/wasm' : 'text/javascript';
      await route.fulfill({ status: 200, contentType: type, body: body.subarray(0, Math.floor(body.length / 2)) });
    },
  },
];

async function expectProblem(page: Page, text: string) {
  const problem = page.locator('#portal-problem');
  await expect(problem).toBeVisible();
  await expect(problem).toHaveAttribute('role', 'alert');
  await expect(problem).toContainText(text);
  const reload = problem.getByRole('button', { name: 'Reload the page' });
  await expect(reload).toBeFocused();
  return reload;
}

for (const failure of failures) {
  test(`when the main module comes as ${failure.name}, the page says so and "Reload" brings the portal`, async ({
    page,
    consoleErrors,
  }) => {
    await page.route(mainModule, failure.answer);
    await page.goto('/data');
    const reload = await expectProblem(page, couldNotLoad);
    await expectNoAxeViolations(page, `the main module as ${failure.name}`);
    expectOnlyLoadErrors(consoleErrors);
    await page.unroute(mainModule);
    await reload.click();
    await expect(page.getByRole('heading', { level: 1, name: 'Your information' })).toBeVisible();
    await expect(page.locator('#portal-problem')).toBeHidden();
  });
}

test('when the glue cannot be fetched, the page says so in the language chosen in this browser', async ({ page, consoleErrors }) => {
  await page.addInitScript(() => localStorage.setItem('icanopus-privacy-portal/language', 'hi'));
  await page.route(glue, (route) => route.fulfill({ status: 404, body: 'Not found' }));
  await page.goto('/');
  const problem = page.locator('#portal-problem');
  await expect(problem).toContainText('पोर्टल लोड नहीं हो सका।');
  await expect(problem.getByRole('button', { name: 'पृष्ठ फिर से लोड करें' })).toBeFocused();
  expectOnlyLoadErrors(consoleErrors);
});

/** A page module of the designer preview's build: code of another build, as a tab left open across a deploy meets. */
function activityCodeOfAnotherBuild() {
  const preview = join(process.cwd(), '..', '..', 'target', 'e2e-preview-dist');
  const folder = readdirSync(preview).find((entry) => /^app-[0-9a-f]{16}$/.test(entry));
  expect(folder, 'the preview build\'s app folder').toBeTruthy();
  return readFileSync(join(preview, folder!, 'split_activity.wasm'));
}

const pageFailures: { name: string; answer: (route: Route) => Promise<void> }[] = [
  ...failures.filter((f) => ['an HTML page with status 200', 'truncated bytes', 'a 404'].includes(f.name)),
  {
    name: 'the code of another build',
    answer: (route) => route.fulfill({ status: 200, contentType: 'application/wasm', body: activityCodeOfAnotherBuild() }),
  },
];

for (const failure of pageFailures) {
  test(`a page whose code comes as ${failure.name} says so, the menu still works, and "Reload the page" brings it`, async ({
    page,
    consoleErrors,
  }) => {
    // No background fetch: the page's code is asked for when the page is opened.
    await page.addInitScript(() => Object.defineProperty(navigator, 'connection', { value: { saveData: true } }));
    await page.route(activityCode, failure.answer);
    await page.goto('/');
    await waitForOverview(page);
    const nav = page.getByRole('navigation', { name: 'Main' });
    await nav.getByRole('link', { name: 'Activity', exact: true }).click();
    const alert = page.getByRole('main').getByRole('alert');
    await expect(alert).toContainText('We could not load this page');
    await expect(alert).toContainText('If the portal was updated since you opened it, reload the page.');
    await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
    // The shell is up: the menu goes on working.
    await nav.getByRole('link', { name: 'Overview', exact: true }).click();
    await waitForOverview(page);
    await nav.getByRole('link', { name: 'Activity', exact: true }).click();
    await expect(alert).toContainText('We could not load this page');
    expectOnlyLoadErrors(consoleErrors);
    await page.unroute(activityCode);
    await alert.getByRole('button', { name: 'Reload the page' }).click();
    await expect(page.locator('.activity-summary')).toContainText('entries');
    await expect(page).toHaveURL(/\/activity$/);
  });
}

test('a trap once the portal runs stops it with a message: no dead clicks, the menu loads pages afresh, "Reload" works', async ({
  page,
  consoleErrors,
}) => {
  // What a Rust panic is in the release build (panic=immediate-abort): a WebAssembly trap, which the browser reports
  // as an uncaught RuntimeError from inside the app. Made here by a browser function the app calls (without a
  // catch) throwing one, the next time it is called after the test asks: the app looks up the cookie banner by its
  // id whenever focus moves (src/dom/mod.rs, keep_focus_clear_of), so moving focus is the trigger.
  await page.addInitScript(() => {
    const original = Document.prototype.getElementById;
    Document.prototype.getElementById = function (id: string) {
      if ((window as unknown as { __trap?: boolean }).__trap) {
        (window as unknown as { __trap?: boolean }).__trap = false;
        throw new WebAssembly.RuntimeError('unreachable');
      }
      return original.call(this, id);
    };
  });
  await page.goto('/');
  await waitForOverview(page);
  await page.evaluate(() => ((window as unknown as { __trap: boolean }).__trap = true));
  const nav = page.getByRole('navigation', { name: 'Main' });
  await nav.getByRole('link', { name: 'Policy', exact: true }).focus();
  const reload = await expectProblem(page, stopped);
  await expectNoAxeViolations(page, 'the portal stopped');
  for (const error of consoleErrors) expect(error).toMatch(/unreachable/);
  consoleErrors.length = 0;

  // What the app drew no longer answers: it is inert, and a click elsewhere brings focus back to "Reload".
  await expect(page.getByRole('main')).toHaveJSProperty('inert', true);
  await page.getByRole('banner').getByRole('link').first().focus();
  await page.mouse.click(5, 5);
  await expect(reload).toBeFocused();

  // The menu's links load their page afresh (the browser's own navigation, not the stopped app's).
  await page.evaluate(() => ((window as unknown as { __before: boolean }).__before = true));
  await nav.getByRole('link', { name: 'Sharing', exact: true }).click();
  await expect(page).toHaveURL(/\/sharing$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Partners, apps and third parties' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { __before?: boolean }).__before)).toBeUndefined();
  await expect(page.locator('#portal-problem')).toBeHidden();

  // And "Reload" starts the portal again where it was.
  await page.evaluate(() => ((window as unknown as { __trap: boolean }).__trap = true));
  await nav.getByRole('link', { name: 'Cookies', exact: true }).focus();
  await (await expectProblem(page, stopped)).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Partners, apps and third parties' })).toBeVisible();
  await nav.getByRole('link', { name: 'Cookies', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Cookie preferences' })).toBeVisible();
  await expect(page.locator('#portal-problem')).toBeHidden();
  consoleErrors.length = 0;
});

test('a start that takes long says so after a few seconds, with a link that reloads, and the portal comes when its code does', async ({
  page,
}) => {
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route(mainModule, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  await page.goto('/');
  const slow = page.locator('.boot__slow');
  await expect(page.getByText('Loading your privacy portal…')).toBeVisible();
  await expect(slow).toBeHidden();
  await expect(slow).toBeVisible({ timeout: 15_000 });
  await expect(slow).toContainText('This is taking longer than usual.');
  await expect(slow.getByRole('link', { name: 'Reload the page' })).toHaveAttribute('href', '');
  await expectNoAxeViolations(page, 'a slow start');
  release();
  await waitForOverview(page);
  await expect(slow).toBeHidden();
  await expect(page.locator('#portal-problem')).toBeHidden();
});
