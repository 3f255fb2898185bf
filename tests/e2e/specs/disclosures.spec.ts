import { test, expect, expectNoAxeViolations } from './fixtures';

test('what the policy does not say is shown as such, with a question ready to send', async ({ page, consoleErrors }) => {
  await page.goto('/data#payment');
  const payment = page.locator('section#payment');
  await expect(payment.getByRole('heading', { name: 'Legal basis' })).toBeVisible();
  await expect(payment).toContainText('The policy does not say on what legal basis this is used.');
  const where = page.getByRole('region', { name: 'Where it is kept and where it goes' });
  await expect(where).toContainText('not in which countries');
  await expect(where).toContainText('nor with what safeguards');
  await expectNoAxeViolations(page, 'information with the policy gaps');

  await payment.getByRole('link', { name: 'Ask us on what basis' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Raise a concern');
  await expect(page.getByRole('radio', { name: 'A kind of information you hold' })).toBeChecked();
  await expect(page.getByLabel('Your concern')).toHaveValue(
    'On what legal basis do you use my information in the category “Payment and billing”? The privacy policy does not say.',
  );
  await expectNoAxeViolations(page, 'concern with a question ready');
  await page.getByRole('button', { name: 'Raise the concern' }).click();
  await expect(page).toHaveURL(/\/requests\/PR-\d{4}-\d{4}$/);
  const reference = page.url().split('/').pop()!;
  await expect(page.locator('.summary-list')).toContainText('Payment and billing');
  await page.goto('/requests');
  await expect(page.getByRole('row').filter({ hasText: reference })).toContainText('Concern');

  // Storage and transfers are asked about the same way, in the reader's language.
  await page.goto('/data');
  await page.getByRole('region', { name: 'Where it is kept and where it goes' }).getByRole('link', { name: 'Ask us about transfers abroad' }).click();
  await expect(page.getByLabel('Your concern')).toHaveValue(/^Is my information transferred to other countries/);
  // Leaving a question that was only pre-filled asks nothing.
  await page.getByRole('link', { name: 'Your information' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your information');
  expect(consoleErrors).toEqual([]);
});

test('the password is shown as held, never shown, with where to change it', async ({ page }) => {
  await page.goto('/profile');
  const account = page.getByRole('region', { name: 'Account details' });
  await expect(account.getByRole('term').filter({ hasText: 'Password' })).toBeVisible();
  await expect(account).toContainText('We keep it only as a one-way hash');
  await expect(account.getByRole('link', { name: 'Change your password in your account' })).toHaveAttribute('href', /^https:\/\//);
});

test('every earlier version of the policy is readable in full, with its dates', async ({ page, consoleErrors }) => {
  await page.goto('/policy');
  const versions = page.getByRole('region', { name: 'Every version' });
  await expect(versions).toContainText('The version above is the first');

  await page.clock.setFixedTime(new Date('2026-12-20T10:00:00Z'));
  await page.goto('/policy');
  const earlier = page.getByRole('region', { name: 'Every version' }).locator('details');
  await expect(earlier).toHaveCount(1);
  await expect(earlier.locator('summary')).toHaveText('Version 2015-05-25: in force from 25 May 2015 to 14 December 2026');
  await earlier.locator('summary').click();
  const text = earlier.getByRole('article', { name: 'Text of version 2015-05-25' });
  // The old text: the contact was the sales address; the text in force now names the privacy one.
  await expect(text).toContainText('sales@icanopustech.com');
  await expect(page.getByRole('article', { name: 'Privacy policy text' })).not.toContainText('by sending an email to sales@icanopustech.com');
  await expectNoAxeViolations(page, 'policy with an earlier version open');
  expect(consoleErrors).toEqual([]);
});

test('a person is named to act for you, changed and removed, and the log says so', async ({ page, consoleErrors }) => {
  await page.goto('/profile');
  const section = page.getByRole('region', { name: 'Someone to act for you' });
  await expect(section).toContainText('Digital Personal Data Protection Act');
  await expect(section).toContainText('You have not named anyone.');
  await section.getByRole('button', { name: 'Name someone' }).click();
  await section.getByRole('button', { name: 'Save the nomination' }).click();
  await expect(section.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link')).toHaveText([
    'Enter their name',
    'Choose how they are related to you from the list',
    'Enter their email address or phone number',
  ]);
  await expectNoAxeViolations(page, 'nomination with errors');
  await section.getByLabel('Their full name').fill('Ravi Kumar');
  await section.getByLabel('Brother or sister').check();
  await section.getByLabel('Their email address or phone number').fill('ravi at example');
  await section.getByRole('button', { name: 'Save the nomination' }).click();
  await expect(section.getByRole('alert').filter({ hasText: 'There is a problem' }).getByRole('link')).toHaveText([
    'Enter an email address like name@example.com or a phone number like +91 98450 12345',
  ]);
  await section.getByLabel('Their email address or phone number').fill('+91 98450 12345');
  // From the keyboard, focus moves on to the next thing to do when the form goes.
  await section.getByRole('button', { name: 'Save the nomination' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('p.form-status[role="status"]')).toHaveText('Ravi Kumar is named to act for you.');
  await expect(section.getByRole('button', { name: 'Change their details' })).toBeFocused();
  await expect(section.locator('.summary-list')).toContainText('Brother or sister');
  await expectNoAxeViolations(page, 'nomination saved');

  await page.reload();
  await expect(section.locator('.summary-list')).toContainText('+91 98450 12345');
  await section.getByRole('button', { name: 'Change their details' }).click();
  await expect(section.getByLabel('Their full name')).toHaveValue('Ravi Kumar');
  await section.getByLabel('Their email address or phone number').fill('ravi@example.in');
  await section.getByRole('button', { name: 'Save the nomination' }).dblclick();
  await expect(section.locator('.summary-list')).toContainText('ravi@example.in');

  await section.getByRole('button', { name: 'Remove them' }).click();
  await expect(section).toContainText('Remove Ravi Kumar as the person who can act for you?');
  await section.getByRole('button', { name: 'Yes, remove them' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('p.form-status[role="status"]')).toHaveText('Nobody is named to act for you now.');
  await expect(section).toContainText('You have not named anyone.');
  await expect(section.getByRole('button', { name: 'Name someone' })).toBeFocused();

  await page.goto('/activity');
  // Each once: the double click saved once.
  for (const line of ['Named Ravi Kumar as my nominee', "Changed my nominee's details (Ravi Kumar)", 'Removed my nominee']) {
    await expect(page.getByRole('main').getByText(line)).toHaveCount(1);
  }
  expect(consoleErrors).toEqual([]);
});
