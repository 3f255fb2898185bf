import { test, expect, routes } from './fixtures';

// Text from the backend is shown as text, never parsed as HTML: every free-text field of every document holds
// markup and script here, and no page runs it or turns it into elements.
const payload = '<img src="x" data-injected onerror="window.__injected=1"><script>window.__injected=1</script>';

/** Keys whose values are free text written by people or partners (enums, ids, dates and URLs are left alone). */
const freeText = new Set([
  'text', 'purpose', 'summary', 'device', 'location', 'accessed', 'subject', 'excerpt', 'description', 'context',
  'title', 'body', 'billing_name', 'billing_address', 'usual_access_hours', 'information', 'source', 'developer',
  'partner', 'organiser', 'duration', 'browser', 'operating_system', 'before', 'after', 'section', 'starts_part',
]);

function poison(value: unknown, key?: string): unknown {
  if (typeof value === 'string') return key && freeText.has(key) ? `${value} ${payload}` : value;
  if (Array.isArray(value)) return value.map((item) => poison(item, key));
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, k)]));
  }
  return value;
}

test('markup and script in every free-text field render as plain text on every page', async ({ page, consoleErrors }) => {
  test.setTimeout(120_000);
  let poisoned = 0;
  await page.route('**/api/**/*.json', async (route) => {
    const response = await route.fetch();
    const json = poison(await response.json());
    poisoned += 1;
    await route.fulfill({ response, body: JSON.stringify(json) });
  });
  const seen = new Set<string>();
  for (const { path, heading } of [...routes, { path: '/requests/PR-2026-0412', heading: undefined }]) {
    await page.goto(path);
    // Every page but the overview loads its code when opened: wait for its heading before looking.
    if (heading) await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
    else await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
    // Every document still decodes: no page shows a failed read.
    await expect(page.getByText(/We could not load/)).toHaveCount(0);
    const found = await page.evaluate(() => ({
      ran: (window as unknown as { __injected?: number }).__injected ?? 0,
      // (An empty <script> placeholder the framework renders holds nothing; only a script with text would run.)
      elements: [...document.querySelectorAll('[data-injected], body script')]
        .filter((el) => el.tagName !== 'SCRIPT' || (el.textContent ?? '').trim() !== '')
        .map((el) => el.outerHTML.slice(0, 120)),
      shown: document.body.innerText.includes('<script>window.__injected=1</script>'),
    }));
    expect(found.ran, `script ran on ${path}`).toBe(0);
    expect(found.elements, `markup became elements on ${path}`).toEqual([]);
    if (found.shown) seen.add(path);
  }
  expect(poisoned).toBeGreaterThan(5);
  // The payload is visible as text where backend text is shown.
  for (const path of ['/data', '/activity', '/sharing', '/policy', '/requests/PR-2026-0412']) {
    expect([...seen], `the payload shows as text on ${path}`).toContain(path);
  }
  expect(consoleErrors).toEqual([]);
});
