import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';

/**
 * The static-host configurations in deploy/ (nginx and Caddy, installed by scripts/setup from Debian) run against
 * the release bundle the other tests use: the same security headers as the serve command on every kind of response,
 * the single-page app's fallback, 404s under /api/, the precompressed copies, caching by content hash, and the
 * portal itself running in the browser under them.
 */

const root = join(process.cwd(), '..', '..');
const dist = join(root, 'target', 'e2e-dist');
const basePort = Number(process.env.PORTAL_E2E_PORT ?? 8765);

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** One GET, with exactly the headers given (no decompression, unlike a browser or fetch). */
function get(port: number, path: string, headers: Record<string, string> = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest({ host: '127.0.0.1', port, path, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

async function waitUntilServing(port: number, server: ChildProcess, log: () => string) {
  const until = Date.now() + 20_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`the server exited (${server.exitCode}): ${log()}`);
    try {
      await get(port, '/');
      return;
    } catch (error) {
      if (Date.now() > until) throw new Error(`nothing answers on port ${port}: ${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Starts a static host; returns a function that stops it. */
async function start(name: 'nginx' | 'caddy', port: number): Promise<() => void> {
  const work = mkdtempSync(join(tmpdir(), `portal-${name}-`));
  let server: ChildProcess;
  if (name === 'nginx') {
    const site = readFileSync(join(root, 'deploy', 'nginx.conf'), 'utf8')
      .replace('listen 80;', `listen 127.0.0.1:${port};`)
      .replace('root /srv/privacy-portal/dist;', `root ${dist};`);
    expect(site, 'deploy/nginx.conf with the test port and bundle').toContain(`root ${dist};`);
    for (const dir of ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']) mkdirSync(join(work, dir));
    writeFileSync(
      join(work, 'nginx.conf'),
      `daemon off;\nuser root;\npid ${work}/nginx.pid;\nerror_log ${work}/error.log;\nevents {}\nhttp {\n` +
        `include /etc/nginx/mime.types;\ndefault_type application/octet-stream;\naccess_log off;\n` +
        ['body', 'proxy', 'fastcgi', 'uwsgi', 'scgi']
          .map((d) => `${d === 'body' ? 'client_body' : d}_temp_path ${work}/${d};\n`)
          .join('') +
        `${site}\n}\n`,
    );
    server = spawn('nginx', ['-p', work, '-c', join(work, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    // Only what a test run needs on top of the file as shipped: no admin endpoint, no certificates.
    writeFileSync(
      join(work, 'Caddyfile'),
      `{\n\tadmin off\n\tauto_https off\n}\n` + readFileSync(join(root, 'deploy', 'Caddyfile'), 'utf8'),
    );
    server = spawn('caddy', ['run', '--config', join(work, 'Caddyfile'), '--adapter', 'caddyfile'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        PORTAL_SITE: `http://127.0.0.1:${port}`,
        PORTAL_DIST: dist,
        XDG_DATA_HOME: work,
        XDG_CONFIG_HOME: work,
      },
    });
  }
  let output = '';
  server.stdout?.on('data', (chunk) => (output += chunk));
  server.stderr?.on('data', (chunk) => (output += chunk));
  const log = () => {
    let errors = '';
    try {
      errors = readFileSync(join(work, 'error.log'), 'utf8');
    } catch {
      // Caddy logs to its output only.
    }
    return `${output}${errors}`.slice(-2000);
  };
  await waitUntilServing(port, server, log);
  return () => server.kill('SIGTERM');
}

const hosts = [
  { name: 'nginx', port: basePort + 2, encodings: ['gzip'] },
  { name: 'caddy', port: basePort + 3, encodings: ['br', 'gzip'] },
] as const;

for (const host of hosts) {
  test(`deploy/${host.name === 'nginx' ? 'nginx.conf' : 'Caddyfile'} serves the release bundle as the serve command does`, async ({
    page,
    request,
    consoleErrors,
  }) => {
    test.setTimeout(90_000);
    const index = readFileSync(join(dist, 'index.html'));
    // The release page is minified: attribute values may or may not be quoted.
    const assets = [...index.toString().matchAll(/(?:href|src)="?\/([^"\s>]+\.(?:js|wasm|css|svg))/g)].map((m) => m[1]);
    const wasm = assets.find((a) => a.endsWith('.wasm'));
    expect(wasm, 'the wasm file named in index.html').toBeTruthy();
    expect(assets.filter((a) => a.endsWith('.js')).length, 'scripts named in index.html').toBeGreaterThan(0);
    expect(assets.filter((a) => a.endsWith('.css')).length, 'stylesheets named in index.html').toBeGreaterThan(0);

    // The headers the serve command sends, to compare with.
    const served = (await request.get('/')).headers();
    const security = [
      'content-security-policy',
      'referrer-policy',
      'x-content-type-options',
      'x-frame-options',
      'permissions-policy',
      'cross-origin-opener-policy',
    ];
    for (const name of security) expect(served[name], `${name} from the serve command`).toBeTruthy();

    const stop = await start(host.name, host.port);
    try {
      const paths = ['/', '/data', '/requests/PR-2026-0412', '/api/policy.json', '/api/nope.json', ...assets.map((a) => `/${a}`)];
      for (const path of paths) {
        const answer = await get(host.port, path);
        for (const name of security) {
          expect(answer.headers[name], `${name} on ${path} from ${host.name}`).toBe(served[name]);
        }
        const hashed = /-[0-9a-f]{16}(_bg)?\.(js|wasm|css|svg)$/.test(path);
        expect(answer.headers['cache-control'], `cache-control on ${path}`).toBe(
          hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
        );
      }

      // Pages are the app; a missing document under /api/ is a 404, never the app's page.
      for (const path of ['/', '/data', '/requests/PR-2026-0412']) {
        const answer = await get(host.port, path);
        expect(answer.status, path).toBe(200);
        expect(answer.body.equals(index), `${path} is index.html`).toBe(true);
      }
      const missing = await get(host.port, '/api/nope.json');
      expect(missing.status).toBe(404);
      expect(missing.body.includes(wasm!), 'a missing document is not the app').toBe(false);
      const policy = await get(host.port, '/api/policy.json');
      expect(policy.status).toBe(200);
      expect(policy.body.equals(readFileSync(join(dist, 'api', 'policy.json')))).toBe(true);

      // The wasm as streaming compilation needs it, and from the precompressed copy the client can take.
      const plain = await get(host.port, `/${wasm}`);
      expect(plain.headers['content-type']).toBe('application/wasm');
      expect(plain.body.equals(readFileSync(join(dist, wasm!))), 'the wasm, uncompressed').toBe(true);
      for (const encoding of host.encodings) {
        const answer = await get(host.port, `/${wasm}`, { 'accept-encoding': encoding });
        expect(answer.headers['content-encoding'], `${encoding} asked for`).toBe(encoding);
        expect(answer.headers['content-type']).toBe('application/wasm');
        const copy = join(dist, `${wasm}.${encoding === 'gzip' ? 'gz' : 'br'}`);
        expect(answer.body.length, `the bytes of ${copy}`).toBe(statSync(copy).size);
        expect(answer.body.equals(readFileSync(copy)), `the precompressed ${encoding} copy`).toBe(true);
      }

      // The portal runs under these headers: a deep link, no policy violation, no error.
      await page.addInitScript(() => {
        const seen: string[] = [];
        (window as unknown as { __violations: string[] }).__violations = seen;
        document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
      });
      await page.goto(`http://127.0.0.1:${host.port}/data`);
      await expect(page.getByRole('heading', { level: 1, name: 'Your information' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      await page.getByRole('link', { name: 'Requests', exact: true }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'Export and deletion requests' })).toBeVisible();
      await expect(page.getByText('PR-2026-0412').first()).toBeVisible();
      const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      expect(violations).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      stop();
    }
  });
}
