import { test, expect, expectNoAxeViolations } from './fixtures';

test('stopping a reselling partner persists, is reversible, and appears in the activity log', async ({ page, consoleErrors }) => {
  await page.goto('/sharing');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Kovai Cloud Solutions' }) });
  await expect(card).toContainText('Received on 15 Mar 2019: Name, Email address, Company name, Products you use.');

  await card.getByRole('button', { name: 'Stop working with this partner (Kovai Cloud Solutions)' }).click();
  await expect(page.getByText('You no longer work with Kovai Cloud Solutions')).toBeVisible();
  await expect(card).toContainText(/You stopped working with this partner on \d{1,2} \w+ \d{4}/);
  await expect(card.getByRole('button', { name: /Work with this partner again/ })).toBeVisible();
  // The other partner is untouched.
  const other = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Deccan SaaS Partners' }) });
  await expect(other.getByRole('button', { name: /Stop working with this partner/ })).toBeVisible();

  await page.reload();
  await expect(card.getByRole('button', { name: /Work with this partner again/ })).toBeVisible();
  await expect(card).toContainText('You stopped working with this partner on');

  // The overview counts only the partners the user still works with.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Overview' }).click();
  await expect(page.getByText('1 reselling partner')).toBeVisible();

  await page.goto('/activity?kind=change&q=kovai');
  await expect(page.locator('.activity-list > li')).toHaveCount(1);
  await expect(page.locator('.activity-list > li')).toContainText('Stopped working with Kovai Cloud Solutions');

  await page.goto('/sharing');
  await card.getByRole('button', { name: /Work with this partner again/ }).click();
  await expect(page.getByText('You work with Kovai Cloud Solutions again.')).toBeVisible();
  await expect(card.getByRole('button', { name: /Stop working with this partner/ })).toBeVisible();
  await page.goto('/activity?q=kovai');
  await expect(page.locator('.activity-list > li')).toHaveCount(2);
  await expect(page.locator('.activity-list > li').first()).toContainText('Started working with Kovai Cloud Solutions again');
});

test('a save that cannot reach the server changes nothing and says so', async ({ page, consoleErrors }) => {
  await page.goto('/sharing');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'Deccan SaaS Partners' }) });
  await expect(card.getByRole('button', { name: /Stop working/ })).toBeVisible();
  await page.route('**/api/personas/*/sharing.json', (route) => route.abort('internetdisconnected'));
  await card.getByRole('button', { name: /Stop working/ }).click();
  await expect(page.getByText(/^Nothing changed\. The server could not be reached/)).toBeVisible();
  await expect(card.getByRole('button', { name: /Stop working/ })).toBeVisible();
  await page.unroute('**/api/personas/*/sharing.json');
  await page.reload();
  await expect(card.getByRole('button', { name: /Stop working/ })).toBeVisible();
  consoleErrors.length = 0;
});

test('marketplace apps: what the developer received, their policy, and a message to copy', async ({ page, context, consoleErrors }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/sharing');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'GST Return Filer' }) });
  await expect(card).toContainText('The developer received: Name, Email address.');
  await expect(card.getByRole('link', { name: /privacy policy of Ledgerline Software LLP/ })).toHaveAttribute(
    'href',
    'https://ledgerline.example/privacy',
  );
  const message = card.getByLabel('A message you can send to privacy@ledgerline.example');
  await expect(message).toHaveValue(/GST Return Filer/);
  await expect(message).toHaveValue(/Asha Raman/);
  await expect(message).toHaveValue(/asha\.raman@/);
  await card.getByRole('button', { name: 'Copy the message' }).click();
  await expect(page.getByText('The message is copied. Paste it into an email.')).toBeVisible();
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await message.inputValue());
  await expect(card.getByRole('link', { name: 'Email privacy@ledgerline.example' })).toHaveAttribute(
    'href',
    'mailto:privacy@ledgerline.example',
  );
});

test('where the browser offers no clipboard (plain HTTP), copying selects the message and says how to copy it', async ({
  page,
  consoleErrors,
}) => {
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  await page.goto('/sharing');
  const card = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'GST Return Filer' }) });
  const message = card.getByLabel('A message you can send to privacy@ledgerline.example');
  await card.getByRole('button', { name: 'Copy the message' }).click();
  await expect(page.locator('.notice-area')).toContainText('The message is now selected: press Ctrl+C');
  await expect(message).toBeFocused();
  const selected = await message.evaluate((e: HTMLTextAreaElement) => e.value.slice(e.selectionStart, e.selectionEnd));
  expect(selected).toBe(await message.inputValue());
  expect(consoleErrors).toEqual([]);
});

test('service providers, sign-in providers and mobile access are listed with what they receive and why', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/sharing');
  const providers = page.getByRole('table').filter({ hasText: 'Payment processors' });
  for (const kind of ['Marketing and advertising partners', 'Event organisers', 'Web analytics providers', 'Payment processors']) {
    await expect(providers.getByRole('row').filter({ hasText: kind })).toHaveCount(1);
  }
  await expect(providers.getByRole('row').filter({ hasText: 'Mapping providers' })).toContainText('Only to map locations');
  await expect(page.getByText(/Google · connected 14 Mar 2019 · shared: Name, Email address/)).toBeVisible();
  const device = page.getByRole('table').filter({ hasText: 'Call history' }).first();
  await expect(device.getByRole('row').filter({ hasText: 'Location' })).toContainText('shared only with our mapping provider');
  await expect(page.getByText(/on iPhone and iPad, Settings, then the app's name/)).toBeVisible();
  await expectNoAxeViolations(page, '/sharing');
});

test('a new user with nothing shared sees that plainly', async ({ page, consoleErrors }) => {
  await page.addInitScript(() => localStorage.setItem('icanopus-privacy-portal/persona', 'new'));
  await page.goto('/sharing');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Partners, apps and third parties');
  await expect(page.getByRole('button', { name: /Stop working/ })).toHaveCount(0);
  await expectNoAxeViolations(page, '/sharing (new user)');
});

test('Google sign-in, a marketplace app, an event organiser and a marketing provider are cut off one by one, dated, reversible and logged', async ({
  page,
  consoleErrors,
}) => {
  await page.goto('/sharing');
  const signIn = page.getByRole('region', { name: 'Sign-in providers' });
  await expect(signIn).toContainText('Disconnecting means you sign in with your username and password');
  await signIn.getByRole('button', { name: 'Disconnect Google' }).click();
  await expect(page.getByText('Google: cut off. You can undo this here at any time.')).toBeVisible();
  await expect(signIn).toContainText(/Disconnected on \d{1,2} \w+ \d{4}\./);
  await expect(signIn.getByRole('button', { name: 'Connect Google again' })).toBeFocused();

  const app = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'GST Return Filer' }) });
  await app.getByRole('button', { name: 'Disconnect this app (GST Return Filer)' }).click();
  await expect(app).toContainText('Disconnected on');
  const otherApp = page.getByRole('listitem').filter({ has: page.getByRole('heading', { name: 'WhatsApp Bridge' }) });
  await expect(otherApp.getByRole('button', { name: 'Disconnect this app (WhatsApp Bridge)' })).toBeVisible();

  const sources = page.getByRole('region', { name: 'Who gives us information about you' });
  await sources.getByRole('button', { name: 'Stop receiving information from TechSparks Events' }).click();
  await expect(sources).toContainText('Stopped on');
  await sources.getByRole('button', { name: 'Stop receiving information from LeadGrid Analytics' }).click();
  await expect(sources.getByRole('button', { name: 'Receive information from LeadGrid Analytics again' })).toBeVisible();
  await expectNoAxeViolations(page, 'sharing with connections cut off');

  // Kept, and counted on the overview.
  await page.reload();
  await expect(signIn.getByRole('button', { name: 'Connect Google again' })).toBeVisible();
  await page.goto('/');
  const card = page.getByRole('region', { name: 'Who receives your information' });
  await expect(card).toContainText('Connections you cut off: 4');
  await expect(card).toContainText('1 marketplace app developer');

  await page.goto('/activity?kind=change');
  const log = page.locator('.activity-list');
  await expect(log).toContainText('Disconnected Google sign-in');
  await expect(log).toContainText('Disconnected the marketplace app GST Return Filer');
  await expect(log).toContainText('Stopped receiving information from TechSparks Events');

  // Undone as easily.
  await page.goto('/sharing');
  await signIn.getByRole('button', { name: 'Connect Google again' }).click();
  await expect(page.getByText('Google: connected again.')).toBeVisible();
  await expect(signIn.getByRole('button', { name: 'Disconnect Google' })).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Who receives your information' })).toContainText('Connections you cut off: 3');
});

test('cutting off reads in German and Hindi', async ({ page, consoleErrors }) => {
  await page.goto('/sharing');
  await page.locator('#portal-language').selectOption('de');
  await expect(page.getByRole('button', { name: 'Google trennen' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Wer uns Angaben über Sie gibt' })).toBeVisible();
  await page.locator('#portal-language').selectOption('hi');
  await expect(page.getByRole('button', { name: 'Google डिस्कनेक्ट करें' })).toBeVisible();
});
