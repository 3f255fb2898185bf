import type { Locator, Page } from '@playwright/test';
import { test, expect, expectNoAxeViolations } from './fixtures';

/**
 * WCAG 2.4.3 (focus order): a keyboard user who saves something carries on from where they were. A button that is
 * disabled while its save runs, or a part of the page rebuilt with the result, would otherwise drop focus on the
 * page body, and the next Tab would start again from the top of the page.
 */

/** Presses `key` on `control` the way a keyboard user does: focus it, then the key. */
async function press(control: Locator, key = 'Enter') {
  await control.focus();
  await control.press(key);
}

function button(page: Page, name: string | RegExp) {
  return page.getByRole('button', { name, exact: typeof name === 'string' });
}

test('communications: focus stays on Save and "Unsubscribe from all"; Undo, "Object" and "Withdraw" hand it on', async ({
  page,
}) => {
  await page.goto('/communications');
  await page.getByRole('checkbox', { name: 'Newsletters by Email for PROCRM', exact: true }).uncheck();
  const save = button(page, 'Save my choices');
  await press(save);
  await expect(page.locator('.communications__status')).toHaveText('Your communication preferences are saved.');
  await expect(save).toBeFocused();
  // Nothing left to save: the button says so but keeps the focus, and pressing it does nothing.
  await expect(save).toHaveAttribute('aria-disabled', 'true');
  await save.press('Enter');
  await expect(page.locator('.communications__status')).toHaveText('Your communication preferences are saved.');

  const all = button(page, 'Unsubscribe from all non-essential messages');
  await press(all);
  await expect(button(page, 'Undo')).toBeVisible();
  await expect(all).toBeFocused();
  await expectNoAxeViolations(page, 'communications after unsubscribing from all, focus kept');

  // Undo goes away once it has worked: focus moves to "Unsubscribe from all", available again.
  await press(button(page, 'Undo'));
  await expect(page.locator('.communications__status')).toHaveText('Your earlier choices are back.');
  await expect(all).toBeFocused();
  await expect(all).not.toHaveAttribute('aria-disabled', 'true');

  // Objecting replaces the button with "Withdraw my objection", which takes the focus; withdrawing hands it back.
  const object = button(page, 'Object to marketing');
  await press(object);
  await expect(page.getByRole('status').filter({ hasText: 'Your objection is filed as' })).toBeVisible();
  const withdraw = button(page, 'Withdraw my objection');
  await expect(withdraw).toBeFocused();
  await press(withdraw);
  await expect(page.getByRole('status').filter({ hasText: 'Your objection is withdrawn' })).toBeVisible();
  await expect(object).toBeFocused();
});

test('communications: a failed save keeps the ticks on screen, and "Try saving again" saves them with focus kept', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/communications');
  const box = page.getByRole('checkbox', { name: 'Newsletters by Email for PROCRM', exact: true });
  // The page's own read must have been answered before the backend starts failing: only the save should fail.
  await expect(box).toBeChecked();
  await page.route('**/api/personas/*/communications.json', (route) => route.fulfill({ status: 500, body: 'down' }));
  await box.uncheck();
  await press(button(page, 'Save my choices'));
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Your changes were not saved');
  await expect(alert).toContainText('Your choices are still on screen as you left them');
  await expect(box).not.toBeChecked();
  await expect(page.getByText('You have changes you have not saved.')).toBeVisible();
  await expect(button(page, 'Save my choices')).toBeFocused();

  await page.unroute('**/api/personas/*/communications.json');
  await press(alert.getByRole('button', { name: 'Try saving again' }));
  await expect(page.locator('.communications__status')).toHaveText('Your communication preferences are saved.');
  await expect(box).not.toBeChecked();
  // The failure panel has gone with the retry button: focus moves on to Save.
  await expect(button(page, 'Save my choices')).toBeFocused();
  consoleErrors.length = 0;
});

test('cookies and profile: the rebuilt settings give focus back to the button that saved them', async ({ page }) => {
  await page.goto('/cookies');
  const save = page.locator('#settings-save');
  await page.getByRole('switch', { name: 'Analytics' }).first().check();
  await press(save);
  await expect(page.getByText('Your cookie choices are saved.')).toBeVisible();
  await expect(save).toBeFocused();

  const apply = button(page, "Apply my browser's signal");
  await press(apply);
  await expect(page.locator('#cookies-apply')).toBeFocused();

  await page.goto('/profile');
  const optional = button(page, 'Save optional details');
  await press(optional);
  await expect(page.getByText('Your optional details are saved.')).toBeVisible();
  await expect(optional).toBeFocused();
});

test('sharing and notices: the rebuilt card or notice keeps the focus on its new button', async ({ page }) => {
  await page.goto('/sharing');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Deccan SaaS Partners' }) });
  await press(card.getByRole('button', { name: /Stop working with this partner/ }));
  await expect(card.getByRole('button', { name: /Work with this partner again/ })).toBeFocused();
  await press(card.getByRole('button', { name: /Work with this partner again/ }));
  await expect(card.getByRole('button', { name: /Stop working with this partner/ })).toBeFocused();

  await page.goto('/policy');
  const markRead = page.getByRole('button', { name: /^Mark as read/ }).first();
  const title = (await markRead.getAttribute('id'))!;
  await press(markRead);
  // The same notice's button, now the other way round.
  const focused = page.locator(':focus');
  await expect(focused).toHaveText(/^Mark as unread/);
  await expect(focused).toHaveAttribute('id', title);
});

test('a request: "Cancel" moves focus into the question, "Keep it" back, and "Yes, cancel it" to the heading', async ({
  page,
}) => {
  await page.goto('/requests/PR-2026-0412');
  await press(button(page, 'Cancel this request'));
  await expect(button(page, 'Yes, cancel it')).toBeFocused();
  await press(button(page, 'Keep it'));
  await expect(button(page, 'Cancel this request')).toBeFocused();
  await press(button(page, 'Cancel this request'));
  await press(button(page, 'Yes, cancel it'));
  await expect(page.getByText('Request PR-2026-0412 is cancelled.')).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
});

test('a failed read: "Try again" keeps focus while it fails, and hands it to the heading once the content comes', async ({
  page,
  consoleErrors,
}) => {
  let release!: () => void;
  let answered = 0;
  await page.route('**/api/**/requests.json', (route) => {
    answered += 1;
    return route.fulfill({ status: 503, body: 'busy' });
  });
  await page.goto('/requests');
  const retry = page.getByRole('main').getByRole('button', { name: 'Try again' });
  await expect(page.getByRole('main').getByRole('alert')).toContainText('error 503');

  // Still failing: the error panel is rebuilt with the new failure, and its button has the focus again.
  const before = answered;
  await press(retry);
  await expect.poll(() => answered, { message: 'the retry reached the failing backend' }).toBeGreaterThan(before);
  await expect(retry).toBeFocused();
  await expect(page.getByRole('main').getByRole('alert')).toContainText('error 503');

  // The next answer is held back, so the focus can be seen to wait on the disabled button's place meanwhile.
  await page.unroute('**/api/**/requests.json');
  const gate = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/**/requests.json', async (route) => {
    await gate;
    await route.continue();
  });
  await press(retry);
  await expect(page.getByRole('main').getByRole('button', { name: 'Trying again' })).toBeDisabled();
  release();
  await expect(page.getByRole('main')).toContainText('PR-2026-0412');
  await expect(page.getByRole('heading', { level: 1 })).toBeFocused();
  consoleErrors.length = 0;
});

test('focus the user moves away with the pointer is left where they put it', async ({ page }) => {
  await page.goto('/communications');
  await button(page, 'Save my choices').focus();
  // A click on plain text outside the main region (which would take focus itself) blurs the button on purpose,
  // leaving focus on the page body: it is not given back.
  await page.getByRole('contentinfo').locator('p').first().click();
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
});
