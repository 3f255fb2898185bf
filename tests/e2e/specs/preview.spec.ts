import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, expectNoAxeViolations } from './fixtures';
import { previewPort } from '../playwright.config';

// The designer preview: what plain `trunk serve` builds (a debug build; build.rs).
test.use({ baseURL: `http://127.0.0.1:${previewPort}` });

const banner = (page: import('@playwright/test').Page) => page.getByRole('region', { name: 'Cookies on our websites' });

test('latency shows the loading state first', async ({ page }) => {
  await page.goto('/requests?latency=5000', { waitUntil: 'commit' });
  await expect(page.getByRole('status').filter({ hasText: 'Loading your requests…' })).toBeVisible();
  await expect(page.getByRole('table')).toBeVisible({ timeout: 20_000 });
});

test('the link of the issue opens /requests as the new demo user, slowly, failing once, with a working retry', async ({
  page,
}) => {
  await page.goto('/requests?persona=new&latency=1000&fail=requests', { waitUntil: 'commit' });
  await expect(page.getByRole('heading', { name: 'We could not load your requests' })).toBeVisible();
  await expect(page.getByText('error 500')).toBeVisible();
  await expect(page.getByRole('banner')).toContainText('Karthik Subramanian');
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByText('You have not made any requests yet.')).toBeVisible();
});

test('malformed JSON and offline are simulated per document', async ({ page }) => {
  await page.goto('/cookies?fail=cookies&mode=malformed');
  await expect(page.getByText('The server sent an answer we could not read.')).toBeVisible();
  await page.goto('/sharing?fail=sharing&mode=offline');
  await expect(page.getByText('The server could not be reached.')).toBeVisible();
  await page.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByRole('heading', { name: 'Reselling partners in your region' })).toBeVisible();
});

test('pretended GPC and DNT signals, and the first-visit banner again', async ({ page }) => {
  await page.goto('/');
  await banner(page).getByRole('button', { name: 'Reject all' }).click();
  await expect(banner(page)).toHaveCount(0);
  await page.reload();
  await expect(page.getByRole('region', { name: 'Your choices' })).toContainText('Cookies allowed');
  await expect(banner(page)).toHaveCount(0);
  // The link asks for the first-visit banner again.
  await page.goto('/?banner=1');
  await expect(banner(page)).toBeVisible();
  await page.goto('/cookies?gpc=1&dnt=1');
  const signals = page.getByRole('region', { name: "Your browser's privacy signals" });
  await expect(signals.getByText('This browser sends it.')).toHaveCount(2);
});

test('the panel applies conditions, gives a link to them, and passes axe', async ({ page, consoleErrors }) => {
  await page.goto('/');
  await page.getByText('Preview', { exact: true }).click();
  const panel = page.getByRole('form', { name: 'Preview: simulated conditions' });
  await expect(panel).toBeVisible();
  await expectNoAxeViolations(page, 'preview panel open');
  await panel.getByLabel('Demo user').selectOption('longtime');
  await panel.getByLabel('1 s').check();
  await panel.getByLabel('Make a read fail (once)').selectOption('next');
  await panel.getByLabel('How it fails').selectOption('offline');
  await expect(panel.getByRole('link', { name: 'Link to this state' })).toHaveAttribute(
    'href',
    '/?persona=longtime&latency=1000&fail=next&mode=offline',
  );
  await panel.getByRole('button', { name: 'Apply and reload data' }).click();
  // The next read (whichever document it is) fails as if offline; the rest arrive as the long-time demo user's.
  await expect(page.getByText('The server could not be reached.').first()).toBeVisible();
  await page.goto('/profile');
  await expect(page.getByRole('banner')).toContainText('Meera Iyer');
  expect(consoleErrors).toEqual([]);
});

test('the release bundle holds neither the panel, the simulation nor the gallery; the preview build does', async () => {
  const root = join(process.cwd(), '..', '..', 'target');
  // Every code and style file of a build: those in its app-<hash>/ folder.
  const filesOf = (dist: string, suffixes: string[]) => {
    const app = readdirSync(join(root, dist)).find((f) => /^app-[0-9a-f]{16}$/.test(f));
    expect(app, `the app folder in ${dist}`).toBeTruthy();
    const files = readdirSync(join(root, dist, app!)).filter((f) => suffixes.some((suffix) => f.endsWith(suffix)));
    expect(files.length, `${suffixes.join(', ')} files in ${dist}`).toBeGreaterThan(0);
    return files.map((f) => ({ name: f, text: readFileSync(join(root, dist, app!, f)).toString('latin1') }));
  };
  const code = ['.wasm', '.js'];
  const release = filesOf('e2e-dist', code);
  const preview = filesOf('e2e-preview-dist', code);
  const markers = [
    'Preview: simulated conditions',
    'Apply and reload data',
    'Preview: the first-visit cookie banner',
    '/gallery',
    'Component gallery',
  ];
  for (const marker of markers) {
    expect(preview.some((f) => f.text.includes(marker)), `preview build has "${marker}"`).toBe(true);
    const holding = release.filter((f) => f.text.includes(marker)).map((f) => f.name);
    expect(holding, `release files holding "${marker}"`).toEqual([]);
  }
  // Their styles too: the release stylesheet has none of the preview's classes.
  const releaseCss = filesOf('e2e-dist', ['.css']);
  const previewCss = filesOf('e2e-preview-dist', ['.css']);
  for (const selector of ['.preview-panel', '.gallery__state']) {
    expect(previewCss.some((f) => f.text.includes(selector)), `preview stylesheet has ${selector}`).toBe(true);
    expect(releaseCss.some((f) => f.text.includes(selector)), `release stylesheet has ${selector}`).toBe(false);
  }
});

test('in the release bundle /gallery is an unknown page', async ({ page }) => {
  await page.goto(`http://127.0.0.1:${previewPort - 1}/gallery`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
});

test('the preview panel never prints', async ({ page }) => {
  await page.goto('/');
  const panel = page.locator('.preview-panel');
  await expect(panel).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(panel).toBeHidden();
});
