import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test, expect, routes } from './fixtures';
import { previewPort } from '../playwright.config';

const expected = {
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'permissions-policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
  'cross-origin-opener-policy': 'same-origin',
};

/** The directives of a Content-Security-Policy, by name. */
function directives(csp: string): Map<string, string[]> {
  return new Map(
    csp
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...values]) => [name, values]),
  );
}

test('every response carries the security headers, and the policy allows no inline or eval script', async ({ request }) => {
  for (const path of ['/', '/data', '/requests/PR-2026-0412', '/api/policy.json', '/api/personas/asha/profile.json']) {
    const response = await request.get(path);
    const headers = response.headers();
    for (const [name, value] of Object.entries(expected)) {
      expect(headers[name], `${name} on ${path}`).toBe(value);
    }
    const csp = directives(headers['content-security-policy'] ?? '');
    expect(csp.get('script-src'), `script-src on ${path}`).toEqual(["'self'", "'wasm-unsafe-eval'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    for (const [name, values] of csp) {
      expect(values, `${name} on ${path}`).not.toContain("'unsafe-inline'");
      expect(values, `${name} on ${path}`).not.toContain("'unsafe-eval'");
    }
  }
  // The page itself has no inline script left for the policy to block.
  const html = await (await request.get('/')).text();
  const inline = [...html.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].filter(
    ([, attrs, body]) => !/\ssrc=/.test(attrs) && body.trim() !== '',
  );
  expect(inline, 'inline scripts in index.html').toEqual([]);
});

test('the static-host configuration sends the same headers as the serve command', async ({ request }) => {
  // deploy/nginx.conf includes its headers from this file.
  const nginx = readFileSync(join(process.cwd(), '..', '..', 'deploy', 'security-headers.conf'), 'utf8');
  const served = (await request.get('/')).headers();
  const configured = (name: string) =>
    [...nginx.matchAll(new RegExp(`add_header ${name} "([^"]*)" always;`, 'g'))].map((m) => m[1]);
  const headerNames: [string, string][] = [
    ['Content-Security-Policy', 'content-security-policy'],
    ['Referrer-Policy', 'referrer-policy'],
    ['X-Content-Type-Options', 'x-content-type-options'],
    ['X-Frame-Options', 'x-frame-options'],
    ['Permissions-Policy', 'permissions-policy'],
    ['Cross-Origin-Opener-Policy', 'cross-origin-opener-policy'],
  ];
  for (const [name, key] of headerNames) {
    const values = configured(name);
    expect(values.length, `${name} in deploy/security-headers.conf`).toBeGreaterThan(0);
    for (const value of values) expect(value, name).toBe(served[key]);
  }
});

for (const [label, port] of [
  ['release bundle', undefined],
  ['designer preview', previewPort],
] as const) {
  test(`every page of the ${label} runs under the policy with no violation`, async ({ page, consoleErrors }) => {
    test.setTimeout(120_000);
    const origin = port ? `http://127.0.0.1:${port}` : '';
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as unknown as { __violations: string[] }).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) =>
        seen.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`),
      );
    });
    const paths = [...routes.map((r) => r.path), '/requests/export', '/requests/delete', '/requests/PR-2026-0412'];
    if (port) paths.push('/gallery');
    for (const path of paths) {
      await page.goto(origin + path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      if (path === '/gallery') {
        // The gallery shows a loading panel on purpose; its banners come from the demo data.
        await expect(page.getByRole('button', { name: 'Accept all' }).first()).toBeVisible();
      } else {
        await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      }
      const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      expect(violations, `CSP violations on ${path}`).toEqual([]);
    }
    expect(consoleErrors).toEqual([]);
  });
}
