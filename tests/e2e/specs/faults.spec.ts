import type { Locator, Route } from '@playwright/test';
import { test, expect, waitForOverview, expectNoAxeViolations } from './fixtures';

/** Ways the backend can fail, each answered by a clear message and a working "Try again". */
const faults: { name: string; fulfil: (route: Route) => Promise<void>; message: RegExp }[] = [
  {
    name: 'HTTP 500',
    fulfil: (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'Internal Server Error' }),
    message: /The server had a problem \(error 500\)/,
  },
  {
    name: 'a malformed JSON body',
    fulfil: (route) => route.fulfill({ status: 200, contentType: 'application/json', body: '{"account": {"name": ' }),
    message: /The server sent an answer we could not read/,
  },
  {
    name: 'an HTML page instead of JSON (a wrong address under trunk serve)',
    fulfil: (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!DOCTYPE html><html></html>' }),
    message: /The server sent an answer we could not read/,
  },
  {
    name: 'an aborted request',
    fulfil: (route) => route.abort('failed'),
    message: /The server could not be reached/,
  },
];

/** Clicks each "Try again" in turn, waiting for each to do its work before the next. */
async function clickEveryRetry(retries: Locator) {
  for (let left = await retries.count(); left > 0; left--) {
    await retries.first().click();
    await expect(retries).toHaveCount(left - 1);
  }
}

for (const fault of faults) {
  test(`every overview card explains ${fault.name} and recovers with "Try again"`, async ({ page, consoleErrors }) => {
    await page.route('**/api/**', fault.fulfil);
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy at a glance');

    const alerts = page.getByRole('main').getByRole('alert');
    await expect(alerts).toHaveCount(7);
    await expect(alerts.first()).toContainText(fault.message);
    await expect(page.getByRole('region', { name: 'Your open requests' })).toContainText('We could not load your requests');
    await expectNoAxeViolations(page, `overview with ${fault.name}`);

    // The failure passes; each "Try again" now works.
    await page.unroute('**/api/**');
    await clickEveryRetry(page.getByRole('main').getByRole('button', { name: 'Try again' }));
    await waitForOverview(page);
    await expect(alerts).toHaveCount(0);
    await expect(page.getByRole('main')).toContainText('Welcome back, Asha.');
    await expect(page.getByRole('region', { name: 'Your open requests' })).toContainText('PR-2026-0412');
    await expect(page.getByRole('banner')).toContainText('Asha Raman');
    const footer = page.getByRole('contentinfo');
    await clickEveryRetry(footer.getByRole('button', { name: 'Try again' }));
    await expect(footer.getByRole('link', { name: /@icanopustech\.com$/ })).toBeVisible();
    await expect(footer.getByRole('combobox', { name: 'Demo user' })).toBeVisible();

    // Only the browser's own reports of the failed loads may appear; nothing panicked.
    const unexpected = consoleErrors.filter((text) => !text.startsWith('Failed to load resource'));
    expect(unexpected).toEqual([]);
    consoleErrors.length = 0;
  });
}

test('one failing endpoint leaves the rest of the overview working', async ({ page, consoleErrors }) => {
  let answered = 0;
  await page.route('**/api/**/requests.json', (route) => {
    answered += 1;
    return route.fulfill({ status: 503, body: 'busy' });
  });
  await page.goto('/');
  await waitForOverview(page);
  const requests = page.getByRole('region', { name: 'Your open requests' });
  await expect(requests.getByRole('alert')).toContainText('The server had a problem (error 503)');
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Your choices' })).toContainText('You receive 9 of the 54');

  // Still failing: the retry reports the failure again instead of hanging (its request met the failure before the
  // failure is lifted below).
  const before = answered;
  await requests.getByRole('button', { name: 'Try again' }).click();
  await expect.poll(() => answered, { message: 'the retry reached the failing backend' }).toBeGreaterThan(before);
  await expect(requests.getByRole('alert')).toContainText('error 503');
  await expect(requests.getByRole('button', { name: 'Try again' })).toBeEnabled();

  await page.unroute('**/api/**/requests.json');
  await requests.getByRole('button', { name: 'Try again' }).click();
  await expect(requests).toContainText('PR-2026-0412');
  consoleErrors.length = 0;
});

test('a slow backend shows the loading state, then the content', async ({ page }) => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/**/activity.json', async (route) => {
    await gate;
    await route.continue();
  });
  await page.goto('/');
  const access = page.getByRole('region', { name: 'Recent access to your data' });
  // On a busy machine the page may take longer than SLOW_AFTER (3 s) to get here, and the panel then adds its
  // "taking longer than usual" line: the loading state is what is asserted, not how quickly it was reached.
  await expect(access.getByRole('status')).toContainText('Loading the access log…');
  await expect(access.getByRole('listitem')).toHaveCount(0);
  release();
  await expect(access.getByRole('listitem')).toHaveCount(3);
});
