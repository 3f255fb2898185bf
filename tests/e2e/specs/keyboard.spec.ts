import type { Locator, Page } from '@playwright/test';
import { test, expect, routes, waitForOverview, expectNoAxeViolations } from './fixtures';

/**
 * Keyboard only, WCAG 2.2 AA: every page reached, every kind of toggle operated, a request filed and the cookie
 * banner answered without a mouse. At every stop on the way the focus is visible and not hidden behind the sticky
 * banner; navigation moves focus to the new page's heading and changes the title.
 */

type Stop = { label: string; visible: boolean; indicated: boolean; hiddenBy: string | null };

/** Where the focus is now, and whether a person can see it. */
function focusStop(page: Page): Promise<Stop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return { label: 'body', visible: false, indicated: false, hiddenBy: null };
    const rect = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    const label = `${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 60)}"`;
    const visible = rect.width > 0 && rect.height > 0 && rect.bottom > 0 && rect.top < window.innerHeight;
    const indicated =
      (style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2) || style.boxShadow !== 'none';
    // Sticky or fixed elements that the focused element is not part of, and whether they cover any of it.
    let hiddenBy: string | null = null;
    for (const other of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      const position = getComputedStyle(other).position;
      if ((position !== 'sticky' && position !== 'fixed') || other.contains(el) || el.contains(other)) continue;
      const o = other.getBoundingClientRect();
      const overlaps = o.width > 0 && o.height > 0 && rect.left < o.right && rect.right > o.left && rect.top < o.bottom - 1 && rect.bottom > o.top + 1;
      if (overlaps) hiddenBy = `${other.tagName.toLowerCase()}.${other.className}`;
    }
    return { label, visible, indicated, hiddenBy };
  });
}

/** Presses `key` until `target` has focus, checking every stop on the way. */
async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 300) {
  for (let presses = 0; presses < limit; presses++) {
    await page.keyboard.press(key);
    const stop = await focusStop(page);
    expect(stop.visible, `focus on ${stop.label} is on screen`).toBe(true);
    expect(stop.indicated, `focus on ${stop.label} is indicated`).toBe(true);
    expect(stop.hiddenBy, `focus on ${stop.label} is not hidden`).toBeNull();
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${target} not reached with ${limit} presses of ${key}`);
}

test('keyboard only: answer the banner, reach every page, operate every kind of toggle and file a request', async ({
  page,
  consoleErrors,
}) => {
  test.setTimeout(180_000);
  await page.goto('/');
  await waitForOverview(page);
  const banner = page.getByRole('region', { name: 'Cookies on our websites' });
  await expect(banner).toBeVisible();

  // The banner's choices, opened and answered with the keyboard, while every stop stays clear of the banner.
  await tabTo(page, banner.getByRole('button', { name: 'Choose' }));
  await page.keyboard.press('Enter');
  const analytics = banner.getByRole('switch', { name: /Analytics/ });
  await tabTo(page, analytics);
  await page.keyboard.press('Space');
  await expect(analytics).toBeChecked();
  await tabTo(page, banner.getByRole('button', { name: /Save/ }));
  await page.keyboard.press('Enter');
  await expect(banner).toHaveCount(0);
  expect((await focusStop(page)).label, 'focus is not dropped on the page body').not.toBe('body');

  // Every page from the menu: the heading takes the focus and the title follows.
  const nav = page.getByRole('navigation', { name: 'Main' });
  for (const route of [...routes.slice(1), routes[0]]) {
    await tabTo(page, nav.getByRole('link', { name: route.nav, exact: true }), 'Shift+Tab');
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(route.path);
    const heading = page.getByRole('heading', { level: 1 });
    await expect(heading).toHaveText(route.heading);
    await expect(heading).toBeFocused();
    await expect(page).toHaveTitle(`${route.heading} · iCanopus Privacy Portal`);
  }

  // A switch on the cookie page, then saved.
  await tabTo(page, nav.getByRole('link', { name: 'Cookies', exact: true }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  const marketing = page.getByRole('main').getByRole('switch', { name: /Marketing/ });
  await tabTo(page, marketing);
  await page.keyboard.press('Space');
  await expect(marketing).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Save my cookie choices' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('main')).toContainText('Your cookie choices are saved');

  // A checkbox of the communication grid, then saved.
  await tabTo(page, nav.getByRole('link', { name: 'Communications', exact: true }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  const newsletter = page.getByRole('checkbox', { name: 'Newsletters by Email for PROCRM', exact: true });
  await tabTo(page, newsletter);
  await page.keyboard.press('Space');
  await expect(newsletter).not.toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Save my choices' }));
  await page.keyboard.press('Enter');
  await expect(page.locator('.communications__status')).toHaveText('Your communication preferences are saved.');

  // An export request, filed from the requests page.
  await tabTo(page, nav.getByRole('link', { name: 'Requests', exact: true }), 'Shift+Tab');
  await page.keyboard.press('Enter');
  await tabTo(page, page.getByRole('link', { name: 'Ask for a copy of your data' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  const payment = page.getByLabel('Payment and billing');
  await tabTo(page, payment);
  await page.keyboard.press('Space');
  await expect(payment).toBeChecked();
  const json = page.getByLabel('JSON (one file, with a data dictionary)');
  await tabTo(page, json);
  await page.keyboard.press('Space');
  await expect(json).toBeChecked();
  await tabTo(page, page.getByRole('button', { name: 'Continue' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Check your answers' })).toBeVisible();
  await tabTo(page, page.getByRole('button', { name: 'Make my export' }));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Your export is ready' })).toBeVisible();
  await expect(page.locator('.confirmation__reference')).toContainText(/Reference: PR-\d{4}-\d{4}/);
  expect(consoleErrors).toEqual([]);
});

test('the reset confirmation is operated by keyboard: focus moves in, Escape closes it and focus returns', async ({
  page,
}) => {
  await page.goto('/');
  await waitForOverview(page);
  const footer = page.getByRole('contentinfo');
  const reset = footer.getByRole('button', { name: 'Reset demo data' });
  await tabTo(page, reset);
  await page.keyboard.press('Enter');
  const yes = footer.getByRole('button', { name: 'Yes, reset demo data' });
  await expect(footer.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await expectNoAxeViolations(page, 'reset confirmation open');
  await tabTo(page, yes, 'Shift+Tab');
  await page.keyboard.press('Escape');
  await expect(yes).toHaveCount(0);
  await expect(reset).toBeFocused();
});

/** Interactive elements smaller than 24 × 24 CSS pixels that are not links inside a sentence (WCAG 2.5.8). */
function smallTargets(page: Page) {
  return page.evaluate(() => {
    const selector = 'a[href], button, input:not([type="hidden"]), select, textarea, summary, [role="switch"], [tabindex="0"]';
    const small: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>(selector))) {
      const rect = el.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue; // not shown
      if (rect.width >= 24 && rect.height >= 24) continue;
      // A link within running text is exempt; it is part of a sentence.
      const inline = getComputedStyle(el).display === 'inline';
      const parent = el.parentElement;
      const inSentence = inline && parent !== null && (parent.textContent ?? '').trim().length > (el.textContent ?? '').trim().length;
      if (inSentence) continue;
      // A control whose label is the target (a checkbox inside or beside its label) counts the label's area.
      const label = (el as HTMLInputElement).labels?.[0];
      if (label) {
        const l = label.getBoundingClientRect();
        if (l.height >= 24 && l.width >= 24) continue;
      }
      small.push(`${el.tagName.toLowerCase()} "${(el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40)}" ${Math.round(rect.width)}×${Math.round(rect.height)}`);
    }
    return small;
  });
}

for (const width of [1280, 320]) {
  test(`every target on every page is at least 24 × 24 px at ${width} px wide`, async ({ page }) => {
    await page.setViewportSize({ width, height: 800 });
    const small: string[] = [];
    for (const route of routes) {
      await page.goto(route.path);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      small.push(...(await smallTargets(page)).map((target) => `${route.path}: ${target}`));
    }
    expect(small).toEqual([]);
  });
}

test('at 320 px every page reflows without horizontal scrolling (screenshots attached)', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 320, height: 640 });
  for (const route of [...routes, { path: '/requests/export', heading: 'Ask for a copy of your data' }]) {
    await page.goto(route.path);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(route.heading);
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
    const wide = await page.evaluate(() => {
      const overflow = document.documentElement.scrollWidth - window.innerWidth;
      const beyond = Array.from(document.querySelectorAll<HTMLElement>('body *'))
        .filter((el) => {
          const r = el.getBoundingClientRect();
          return r.width > 0 && r.right > window.innerWidth + 1 && getComputedStyle(el).visibility !== 'hidden';
        })
        .filter((el) => !el.closest('.table-scroll, [data-scrolls]'))
        .map((el) => `${el.tagName.toLowerCase()}.${el.className}`);
      return { overflow, beyond: beyond.slice(0, 5) };
    });
    await testInfo.attach(`320px${route.path.replaceAll('/', '-') || '-'}.png`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: 'image/png',
    });
    expect(wide.overflow, `horizontal scroll on ${route.path}`).toBeLessThanOrEqual(0);
    expect(wide.beyond, `elements past the right edge on ${route.path}`).toEqual([]);
  }
});

test('with reduced motion asked for, nothing animates; without it, the loading spinner turns', async ({ browser }) => {
  for (const reducedMotion of ['reduce', 'no-preference'] as const) {
    const context = await browser.newContext({ reducedMotion });
    const page = await context.newPage();
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/personas/*/requests.json', async (route) => {
      await gate;
      await route.continue().catch(() => {});
    });
    await page.goto('/requests');
    const spinner = page.locator('.loading-panel__spinner').first();
    await expect(spinner).toBeVisible();
    const motion = await page.evaluate(() => {
      const longest = (values: string) => Math.max(...values.split(',').map((v) => parseFloat(v) * (v.trim().endsWith('ms') ? 1 : 1000)));
      let animation = 0;
      let transition = 0;
      for (const el of Array.from(document.querySelectorAll<HTMLElement>('*'))) {
        const style = getComputedStyle(el);
        if (style.animationName !== 'none') animation = Math.max(animation, longest(style.animationDuration));
        transition = Math.max(transition, longest(style.transitionDuration));
      }
      return { animation, transition, scroll: getComputedStyle(document.documentElement).scrollBehavior };
    });
    if (reducedMotion === 'reduce') {
      expect(motion.animation).toBeLessThan(1);
      expect(motion.transition).toBeLessThan(1);
      expect(motion.scroll).not.toBe('smooth');
    } else {
      expect(motion.animation).toBeGreaterThanOrEqual(500);
    }
    release();
    await context.close();
  }
});
