import { readFile } from 'node:fs/promises';
import type { Browser, BrowserContext, Page } from '@playwright/test';
import { test as base, expect, expectNoAxeViolations, portalKeys } from '../fixtures';
import { buildServer, startServer } from '../../reference-server.mjs';
import { loadContract } from '../../contract-lib.mjs';

// The portal in HTTP mode against the reference server (server/, docs/reference-server.md): each test starts its own
// server on its own database file. Every API answer the browser gets and every write the portal makes is checked
// against the contract (docs/api/openapi.yaml).

type Server = { url: string; stop(): Promise<void>; restart(): Promise<void> };
const contract = loadContract();

/** The contract's path and operation for an API request, or why there is none. */
function operationOf(method: string, url: URL) {
  const path = url.pathname.replace(/^\/api\/v1/, '').replace(/^\/exports\/[^/]+$/, '/exports/{reference}');
  const operation = contract.contract.paths[path]?.[method.toLowerCase()];
  return { path, operation };
}

/** What in the API traffic of `context` does not fit the contract: every answer, and every body the portal sends. */
function checkTraffic(context: BrowserContext, problems: string[]) {
  context.on('request', (request) => {
    const url = new URL(request.url());
    if (!url.pathname.startsWith('/api/v1/') || request.method() !== 'PUT') return;
    const { path, operation } = operationOf(request.method(), url);
    const schema = operation?.requestBody?.content?.['application/json']?.schema?.$ref?.split('/').pop();
    if (!operation) problems.push(`PUT ${path}: not in the contract`);
    else if (schema) for (const p of contract.problems(schema, request.postDataJSON())) problems.push(`PUT ${path} body ${p}`);
  });
  context.on('response', async (response) => {
    const url = new URL(response.url());
    if (!url.pathname.startsWith('/api/v1/')) return;
    const method = response.request().method();
    const { path, operation } = operationOf(method, url);
    const status = String(response.status());
    const answer = operation?.responses?.[status] ?? operation?.responses?.[`${status[0]}XX`];
    if (!answer) {
      problems.push(`${method} ${path} answered ${status}, which the contract does not list`);
      return;
    }
    const schema = contract.answerSchema(answer);
    if (!schema || status === '304') return;
    // A body the browser has already let go of (the page went on, the server stopped) is not checked here.
    const text = await response.text().catch(() => undefined);
    if (text === undefined) return;
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      problems.push(`${method} ${path} ${status}: not JSON`);
      return;
    }
    for (const p of contract.problems(schema, body)) problems.push(`${method} ${path} ${status} ${p}`);
  });
}

const test = base.extend<{ server: Server; contractProblems: string[] }, { built: void }>({
  built: [
    async ({}, use) => {
      buildServer();
      await use();
    },
    { scope: 'worker' },
  ],
  server: async ({ built }, use, testInfo) => {
    const server = await startServer(testInfo.outputPath('portal.sqlite'));
    await use(server);
    await server.stop();
  },
  baseURL: async ({ server }, use) => use(server.url),
  contractProblems: [
    async ({ context }, use) => {
      const problems: string[] = [];
      checkTraffic(context, problems);
      await use(problems);
      expect(problems, 'API traffic that does not fit docs/api/openapi.yaml').toEqual([]);
    },
    { auto: true },
  ],
});

const box = (page: Page, name: string) => page.getByRole('checkbox', { name, exact: true });
const saved = (page: Page) => expect(page.locator('.communications__status')).toHaveText('Your communication preferences are saved.');

async function signIn(page: Page, user = 'asha') {
  await page.goto(`/sign-in?user=${user}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your privacy at a glance');
}

async function openCommunications(page: Page) {
  await page.goto('/communications');
  await expect(page.locator('.message-grid__box')).toHaveCount(54);
}

/** A page in a browser of its own (nothing shared with the test's page), signed in, its API traffic checked too. */
async function anotherBrowser(browser: Browser, server: Server, problems: string[], options = {}) {
  const context = await browser.newContext({ baseURL: server.url, locale: 'en-GB', timezoneId: 'Asia/Kolkata', ...options });
  checkTraffic(context, problems);
  const page = await context.newPage();
  await signIn(page);
  return page;
}

/** The signed-in user's document `name` as the server has it now. */
async function serverDocument(page: Page, name: string) {
  const answer = await page.request.get(`/api/v1/${name}.json`);
  expect(answer.status()).toBe(200);
  return answer.json();
}

test('every document of every demo user, and the answers to a write, fit the contract', async ({ request }) => {
  const unsigned = await request.get('/api/v1/profile.json');
  expect(unsigned.status()).toBe(401);
  expect(contract.problems('Problem', await unsigned.json())).toEqual([]);
  const documents = Object.entries(contract.contract.paths)
    .filter(([path, item]: [string, any]) => path.endsWith('.json') && item.get?.tags?.includes('user'))
    .map(([path]) => path);
  for (const user of ['asha', 'new', 'longtime']) {
    await request.get(`/sign-in?user=${user}`);
    for (const path of ['/policy.json', ...documents]) {
      const answer = await request.get(`/api/v1${path}`);
      expect(answer.status(), `${user} ${path}`).toBe(200);
      expect(answer.headers()['etag'], `${user} ${path}`).toMatch(/^"\d+"$/);
      const schema = contract.answerSchema(contract.contract.paths[path].get.responses['200']);
      expect(contract.problems(schema, await answer.json()), `${user} ${path}`).toEqual([]);
    }
  }

  // As the last user: a filing sent twice with one key (its answer lost, say) exists once; a stale write is refused
  // with the current document.
  const log = await (await request.get('/api/v1/requests.json')).json();
  const filed = structuredClone(log);
  filed.requests.push({
    reference: 'PR-2026-9001', kind: 'objection', status: 'received', received_at: '2026-12-07T10:00:00Z',
    summary: 'Stop using my information for marketing', history: [{ status: 'received', at: '2026-12-07T10:00:00Z' }],
    idempotency_key: 'e2e-attempt-0001',
  });
  const headers = { 'If-Match': '"1"', 'Idempotency-Key': 'e2e-attempt-0001', 'Content-Type': 'application/json' };
  const first = await request.put('/api/v1/requests.json', { headers, data: filed });
  const again = await request.put('/api/v1/requests.json', { headers, data: filed });
  expect([first.status(), again.status()]).toEqual([200, 200]);
  const stored = await (await request.get('/api/v1/requests.json')).json();
  expect(stored.requests.filter((r: any) => r.reference === 'PR-2026-9001')).toHaveLength(1);
  const stale = await request.put('/api/v1/requests.json', { headers: { 'If-Match': '"1"', 'Content-Type': 'application/json' }, data: log });
  expect(stale.status()).toBe(412);
  expect(stale.headers()['etag']).toBe('"2"');
  expect(contract.problems('RequestLog', await stale.json())).toEqual([]);
});

test('a preference saved in one browser is seen in a fresh one, nothing personal is kept in the browser, and a restart loses nothing', async ({
  page,
  browser,
  server,
  contractProblems,
}) => {
  await signIn(page);
  await openCommunications(page);
  await box(page, 'Offers and promotions by SMS for SMSNDT').uncheck();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await saved(page);
  const events = (await serverDocument(page, 'activity')).events;
  expect(events.at(-1).detail.change).toEqual({ area: 'communications', summary: 'Turned off 1 kind(s) of optional message' });
  expect((await portalKeys(page)).filter((key) => !key.endsWith('/language'))).toEqual([]);

  const elsewhere = await anotherBrowser(browser, server, contractProblems);
  await openCommunications(elsewhere);
  await expect(box(elsewhere, 'Offers and promotions by SMS for SMSNDT')).not.toBeChecked();
  await expect(box(elsewhere, 'Newsletters by Email for PROCRM')).toBeChecked();
  await elsewhere.context().close();

  await server.restart();
  await page.reload();
  await expect(page.locator('.message-grid__box')).toHaveCount(54);
  await expect(box(page, 'Offers and promotions by SMS for SMSNDT')).not.toBeChecked();
  await expect(page.getByRole('contentinfo')).not.toContainText('Demo user');
});

test('a save based on an older version is refused as a conflict: the edit stays, and the saved version can be taken instead', async ({
  page,
  browser,
  server,
  contractProblems,
}) => {
  await signIn(page);
  await openCommunications(page);
  const otherPage = await anotherBrowser(browser, server, contractProblems);
  await openCommunications(otherPage);
  await box(otherPage, 'Newsletters by Email for PROCRM').uncheck();
  await otherPage.getByRole('button', { name: 'Save my choices' }).click();
  await saved(otherPage);
  await otherPage.context().close();

  await box(page, 'Events by Email for SMSNDT').check();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.getByRole('main').getByRole('alert').first()).toContainText(
    'This was saved in another tab or on another device a moment ago, so your change was not saved.',
  );
  // The page is told the preferences changed elsewhere, and keeps what was chosen here...
  await expect(page.locator('.notice')).toContainText('Your communication preferences were changed in another tab or on another device.');
  await expect(box(page, 'Events by Email for SMSNDT')).toBeChecked();
  await expect(box(page, 'Newsletters by Email for PROCRM')).toBeChecked();
  await expectNoAxeViolations(page, 'communications after a conflict with the server');
  // ...until the user chooses the saved version instead, then changes it.
  await page.getByRole('button', { name: 'Use the saved choices instead' }).click();
  await expect(box(page, 'Newsletters by Email for PROCRM')).not.toBeChecked();
  await expect(box(page, 'Events by Email for SMSNDT')).not.toBeChecked();
  await expect(page.getByRole('main').getByRole('alert')).toHaveCount(0);
  await box(page, 'Events by Email for SMSNDT').check();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await saved(page);
  const subscribed = (await serverDocument(page, 'communications')).subscribed.map((s: any) => `${s.topic} ${s.channel} ${s.product}`);
  expect(subscribed).toContain('events email SMSNDT');
  expect(subscribed).not.toContain('newsletters email PROCRM');
});

test('profile details and the security question are saved on the server: the answer is sent once, never shown or kept in the browser', async ({
  page,
  browser,
  server,
  contractProblems,
}) => {
  const formStatus = (p: Page) => p.locator('p.form-status[role="status"]');
  await signIn(page);
  await page.goto('/profile');
  await expect(page.getByRole('heading', { level: 2, name: 'Optional details' })).toBeVisible();
  await page.getByRole('combobox', { name: 'Time zone' }).fill('America/New_York');
  await page.getByRole('button', { name: 'Save optional details' }).click();
  await expect(formStatus(page)).toHaveText('Your optional details are saved.');

  const answer = 'Blue-Elephant-42';
  const sent: (string | undefined)[] = [];
  page.on('request', (request) => {
    if (request.method() === 'PUT' && request.url().endsWith('/api/v1/profile.json')) sent.push(request.headers()['security-answer']);
  });
  const form = page.getByRole('region', { name: 'Security question' });
  await form.getByLabel('Write my own question').check();
  await form.getByLabel('Your question').fill('Which colour was my first bicycle?');
  await form.getByLabel('Answer', { exact: true }).fill(answer);
  await form.getByLabel('Answer again').fill(answer);
  await form.getByRole('button', { name: 'Change security question' }).click();
  await expect(formStatus(page)).toHaveText('Your security question is set. The answer is never shown again, not even to you.');
  expect(sent).toEqual([answer]);
  const profile = await serverDocument(page, 'profile');
  expect(profile.security_question.question).toBe('Which colour was my first bicycle?');
  expect(JSON.stringify(profile)).not.toContain(answer);
  const stored = await page.evaluate(() => Object.values(localStorage).join('\n'));
  expect(stored).not.toContain(answer);

  const elsewhere = await anotherBrowser(browser, server, contractProblems);
  await elsewhere.goto('/profile');
  await expect(elsewhere.getByRole('combobox', { name: 'Time zone' })).toHaveValue('America/New_York');
  await expect(elsewhere.getByRole('region', { name: 'Security question' })).toContainText('“Which colour was my first bicycle?”');
  await elsewhere.context().close();
});

test('an export made in the browser is stored on the server and downloaded from it in another browser', async ({ page, browser, server, contractProblems }) => {
  const downloadText = async (p: Page, click: () => Promise<void>) => {
    const pending = p.waitForEvent('download');
    await click();
    const download = await pending;
    return { name: download.suggestedFilename(), text: await readFile((await download.path())!, 'utf8') };
  };
  await signIn(page);
  await page.goto('/requests/export');
  await page.getByLabel('Payment and billing').check();
  await page.getByLabel('JSON (one file, with a data dictionary)').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Make my export' }).click();
  await expect(page.getByRole('heading', { name: 'Your export is ready' })).toBeVisible();
  const reference = (await page.locator('.confirmation__reference').textContent())!.replace('Reference: ', '');
  const made = await downloadText(page, () => page.getByRole('button', { name: 'Download your export' }).click());

  const elsewhere = await anotherBrowser(browser, server, contractProblems, { acceptDownloads: true });
  await elsewhere.goto(`/requests/${reference}`);
  const again = await downloadText(elsewhere, () => elsewhere.getByRole('button', { name: /^Download icanopus-export/ }).click());
  expect(again).toEqual(made);
  await elsewhere.context().close();
});

test('a deletion whose answer was lost files once when confirmed again', async ({ page }) => {
  await signIn(page);
  const before = (await serverDocument(page, 'requests')).requests.length;
  await page.goto('/requests/delete');
  await page.getByLabel('Your whole account').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByLabel('To confirm, type your username').fill('asha.raman');
  // The server stores the first filing, but its answer never reaches the browser.
  let lost = false;
  await page.route('**/api/v1/requests.json', async (route) => {
    if (route.request().method() !== 'PUT' || lost) return route.continue();
    lost = true;
    await route.fetch();
    await route.abort('connectionreset');
  });
  const confirm = page.getByRole('button', { name: 'Delete my account' });
  await confirm.click();
  await expect(page.getByRole('main')).toContainText('The server could not be reached.');
  await confirm.dblclick();
  await expect(page.getByRole('heading', { name: 'We have your deletion request' })).toBeVisible();
  const reference = (await page.locator('.confirmation__reference').textContent())!.replace('Reference: ', '');
  const requests = (await serverDocument(page, 'requests')).requests;
  expect(requests).toHaveLength(before + 1);
  expect(requests.filter((r: any) => r.reference === reference)).toHaveLength(1);
});

test('an expired session says so with a link to sign in again, keeps what was chosen, and saving works once signed in', async ({
  page,
  context,
}) => {
  await signIn(page);
  await openCommunications(page);
  await box(page, 'Events by Email for SMSNDT').check();
  await context.clearCookies();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await expect(page.getByRole('main').getByRole('alert').first()).toContainText('Your session is over, so this was not done.');
  const notice = page.locator('.notice').filter({ hasText: 'Your session is over: nothing more can be loaded or saved' });
  await expect(notice.getByRole('link', { name: 'Sign in again (opens in a new tab)' })).toHaveAttribute('href', '/sign-in');
  await expect(box(page, 'Events by Email for SMSNDT')).toBeChecked();
  await expectNoAxeViolations(page, 'communications when the session is over');

  // Signing in again in another tab, then saving here.
  const tab = await context.newPage();
  await signIn(tab);
  await tab.close();
  await page.getByRole('button', { name: 'Save my choices' }).click();
  await saved(page);
  expect((await serverDocument(page, 'communications')).subscribed).toContainEqual({ topic: 'events', channel: 'email', product: 'SMSNDT' });
});

test('too many changes in a short time: told how long to wait, the edit kept', async ({ page }, testInfo) => {
  const limited: Server = await startServer(testInfo.outputPath('limited.sqlite'), { writesPerMinute: 1 });
  try {
    await page.goto(`${limited.url}/sign-in?user=asha`);
    await page.goto(`${limited.url}/communications`);
    await expect(page.locator('.message-grid__box')).toHaveCount(54);
    await box(page, 'Events by Email for SMSNDT').check();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await saved(page);
    await box(page, 'Surveys and feedback requests by Phone for SMSNDT').check();
    await page.getByRole('button', { name: 'Save my choices' }).click();
    await expect(page.getByRole('main').getByRole('alert').first()).toContainText(
      /Too many requests in a short time, so this was not done\. Wait \d+ seconds, then try again/,
    );
    await expect(box(page, 'Surveys and feedback requests by Phone for SMSNDT')).toBeChecked();
  } finally {
    await limited.stop();
  }
});
