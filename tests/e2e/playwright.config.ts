import { defineConfig } from '@playwright/test';
import { chromiumArgs, executablePath } from './chromium.mjs';

/** Port of the portal under test; the serve command itself uses 8080, so both can run at once. */
const port = Number(process.env.PORTAL_E2E_PORT ?? 8765);
/** Port of the designer preview build (the serve command's build, with the `preview` feature). */
export const previewPort = port + 1;

export default defineConfig({
  testDir: './specs',
  outputDir: './test-results',
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    locale: 'en-GB',
    timezoneId: 'Asia/Kolkata',
    launchOptions: { executablePath, args: chromiumArgs },
    trace: 'retain-on-failure',
  },
  projects: [
    // Everything against the mock backend: the release bundle, the designer preview, the static hosts.
    { name: 'mock', testIgnore: /specs\/server\// },
    // The portal in HTTP mode against the reference server (server/): each test starts its own, serving the release
    // bundle the first web server below builds.
    { name: 'reference-server', testMatch: /specs\/server\/.*\.spec\.ts$/ },
  ],
  webServer: [
    {
      // The release bundle, served by Trunk's own server: the same SPA fallback and /api/ files as the serve command.
      // `--watch index.html`: nothing is rebuilt while the tests run, and Trunk's file watcher holds one inotify watch
      // instead of one per directory of the project (see Trunk.toml's [watch]). scripts/release-env: the release
      // build's environment (the standard library compiled with the app), as scripts/build and scripts/bench use it.
      command: `sh -c '. scripts/release-env && exec trunk serve --release --no-autoreload --watch index.html --port ${port} --dist target/e2e-dist'`,
      cwd: '../..',
      url: `http://127.0.0.1:${port}/api/profile.json`,
      timeout: 30 * 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      // The designer preview build: what plain `trunk serve` makes. It starts once the release bundle is built, so
      // the two builds never write the same cargo output at once.
      command:
        `sh -c 'until node tests/e2e/answers.mjs http://127.0.0.1:${port}/api/profile.json; do sleep 2; done; ` +
        `exec trunk serve --no-autoreload --watch index.html --port ${previewPort} --dist target/e2e-preview-dist'`,
      cwd: '../..',
      url: `http://127.0.0.1:${previewPort}/api/profile.json`,
      timeout: 40 * 60_000,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
