import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, expect } from './fixtures';

/**
 * The static-host configurations in deploy/ (nginx and Caddy, installed by scripts/setup from Debian) run against
 * the release bundle the other tests use, over HTTPS with a throwaway certificate: the same security headers as the
 * serve command plus HSTS on every kind of answer, plain HTTP sent to HTTPS, the single-page app's fallback, 404s
 * that nobody keeps for missing documents and app files, the precompressed copies, a year's caching of the app
 * folder, the portal itself running in the browser under them, and the MDN HTTP Observatory's grade of each.
 */

const root = join(process.cwd(), '..', '..');
// The throwaway certificate is no authority the browser knows.
test.use({ ignoreHTTPSErrors: true });
const dist = join(root, 'target', 'e2e-dist');
const basePort = Number(process.env.PORTAL_E2E_PORT ?? 8765);

/** A throwaway certificate for localhost and 127.0.0.1, made once per worker. */
const certificate = (() => {
  const work = mkdtempSync(join(tmpdir(), 'portal-tls-'));
  const cert = join(work, 'cert.pem');
  const key = join(work, 'key.pem');
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert,
  ], { stdio: 'ignore' });
  return { cert, key };
})();

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; body: Buffer };

/** One GET, with exactly the headers given (no redirect followed, no decompression, unlike a browser or fetch). */
function get(url: string, headers: Record<string, string> = {}): Promise<Answer> {
  const { protocol, hostname, port, pathname, search } = new URL(url);
  const send = protocol === 'https:' ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const options = { host: hostname, port, path: `${pathname}${search}`, headers, ca: readFileSync(certificate.cert) };
    const req = send(options, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end();
  });
}

type Host = { name: 'nginx' | 'caddy'; file: string; https: number; http: number; encodings: string[] };

/** Starts a static host with the shipped file, changed only in its ports, folder and certificate; returns its stop. */
async function start(host: Host): Promise<() => void> {
  const work = mkdtempSync(join(tmpdir(), `portal-${host.name}-`));
  let server: ChildProcess;
  if (host.name === 'nginx') {
    const shipped = readFileSync(join(root, 'deploy', 'nginx.conf'), 'utf8');
    const site = shipped
      .replace(/\n\s*listen \[::\]:\d+[^;]*;/g, '')
      .replace('listen 80;', `listen 127.0.0.1:${host.http};`)
      .replace('listen 443 ssl http2;', `listen 127.0.0.1:${host.https} ssl http2;`)
      .replace('root /srv/privacy-portal/dist;', `root ${dist};`)
      .replace('/etc/ssl/privacy.example.com/fullchain.pem', certificate.cert)
      .replace('/etc/ssl/privacy.example.com/privkey.pem', certificate.key);
    for (const changed of [`root ${dist};`, certificate.cert, `:${host.http};`, `:${host.https} ssl`]) {
      expect(site, 'deploy/nginx.conf with the test ports, bundle and certificate').toContain(changed);
    }
    copyFileSync(join(root, 'deploy', 'security-headers.conf'), join(work, 'security-headers.conf'));
    const temps = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'];
    for (const dir of temps) mkdirSync(join(work, dir));
    writeFileSync(
      join(work, 'nginx.conf'),
      `daemon off;\nuser root;\npid ${work}/nginx.pid;\nerror_log ${work}/error.log;\nevents {}\nhttp {\n` +
        `include /etc/nginx/mime.types;\ndefault_type application/octet-stream;\naccess_log off;\n` +
        temps.map((dir) => `${dir}_temp_path ${work}/${dir};\n`).join('') +
        `${site}\n}\n`,
    );
    server = spawn('nginx', ['-p', work, '-c', join(work, 'nginx.conf')], { stdio: ['ignore', 'pipe', 'pipe'] });
  } else {
    // The shipped file with the test's ports and certificate, and no admin endpoint.
    const shipped = readFileSync(join(root, 'deploy', 'Caddyfile'), 'utf8');
    const site = shipped.replace('\troot * ', `\ttls ${certificate.cert} ${certificate.key}\n\troot * `);
    expect(site).toContain(`tls ${certificate.cert}`);
    writeFileSync(join(work, 'Caddyfile'), `{\n\tadmin off\n\thttp_port ${host.http}\n\thttps_port ${host.https}\n}\n${site}`);
    server = spawn('caddy', ['run', '--config', join(work, 'Caddyfile'), '--adapter', 'caddyfile'], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, PORTAL_SITE: 'localhost, 127.0.0.1', PORTAL_DIST: dist, XDG_DATA_HOME: work, XDG_CONFIG_HOME: work },
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
  const until = Date.now() + 20_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`${host.name} exited (${server.exitCode}): ${log()}`);
    try {
      await get(`https://127.0.0.1:${host.https}/`);
      break;
    } catch {
      if (Date.now() > until) throw new Error(`${host.name} does not answer on port ${host.https}: ${log()}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return () => server.kill('SIGTERM');
}

const hosts: Host[] = [
  { name: 'nginx', file: 'nginx.conf', https: basePort + 2, http: basePort + 4, encodings: ['gzip'] },
  { name: 'caddy', file: 'Caddyfile', https: basePort + 3, http: basePort + 5, encodings: ['br', 'gzip'] },
];

const security = [
  'content-security-policy',
  'referrer-policy',
  'x-content-type-options',
  'x-frame-options',
  'permissions-policy',
  'cross-origin-opener-policy',
];

/** The app folder of the bundle and the files index.html names in it. */
function bundle() {
  const index = readFileSync(join(dist, 'index.html'));
  const folder = readdirSync(dist).find((entry) => /^app-[0-9a-f]{16}$/.test(entry));
  expect(folder, 'the app folder').toBeTruthy();
  // The release page is minified: attribute values may or may not be quoted.
  const assets = [...index.toString().matchAll(/(?:href|src)="?\/(app-[0-9a-f]{16}\/[^"\s>]+)/g)].map((m) => m[1]);
  for (const ending of ['.wasm', '.js', '.css', '.svg']) {
    expect(assets.filter((a) => a.endsWith(ending)).length, `${ending} files named in index.html`).toBeGreaterThan(0);
  }
  return { index, folder: folder!, assets, wasm: assets.find((a) => a.endsWith('.wasm'))! };
}

for (const host of hosts) {
  test(`deploy/${host.file} serves the release bundle over HTTPS as the serve command does, plus HSTS`, async ({
    page,
    request,
    consoleErrors,
  }) => {
    test.setTimeout(90_000);
    const { index, assets, wasm } = bundle();
    const served = (await request.get('/')).headers();
    for (const name of security) expect(served[name], `${name} from the serve command`).toBeTruthy();

    const stop = await start(host);
    const origin = `https://127.0.0.1:${host.https}`;
    try {
      const paths = ['/', '/data', '/requests/PR-2026-0412', '/api/policy.json', '/api/nope.json', ...assets.map((a) => `/${a}`)];
      for (const path of paths) {
        const answer = await get(`${origin}${path}`);
        for (const name of security) expect(answer.headers[name], `${name} on ${path} from ${host.name}`).toBe(served[name]);
        expect(answer.headers['strict-transport-security'], `HSTS on ${path}`).toBe('max-age=63072000; includeSubDomains');
        const cached = path.startsWith('/app-') ? 'public, max-age=31536000, immutable' : path === '/api/nope.json' ? 'no-store' : 'no-cache';
        expect(answer.headers['cache-control'], `cache-control on ${path}`).toBe(cached);
      }

      // Pages are the app; a missing document under /api/ is a 404, never the app's page.
      for (const path of ['/', '/data', '/requests/PR-2026-0412']) {
        const answer = await get(`${origin}${path}`);
        expect(answer.status, path).toBe(200);
        expect(answer.body.equals(index), `${path} is index.html`).toBe(true);
      }
      const missing = await get(`${origin}/api/nope.json`);
      expect(missing.status).toBe(404);
      expect(missing.body.includes(wasm), 'a missing document is not the app').toBe(false);
      const policy = await get(`${origin}/api/policy.json`);
      expect(policy.status).toBe(200);
      expect(policy.body.equals(readFileSync(join(dist, 'api', 'policy.json')))).toBe(true);

      // The wasm as streaming compilation needs it, and from the precompressed copy the client can take.
      const plain = await get(`${origin}/${wasm}`);
      expect(plain.headers['content-type']).toBe('application/wasm');
      expect(plain.body.equals(readFileSync(join(dist, wasm))), 'the wasm, uncompressed').toBe(true);
      for (const encoding of host.encodings) {
        const answer = await get(`${origin}/${wasm}`, { 'accept-encoding': encoding });
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
      await page.goto(`${origin}/data`);
      await expect(page.getByRole('heading', { level: 1, name: 'Your information' })).toBeVisible();
      await expect(page.getByRole('status').filter({ hasText: /^Loading/ })).toHaveCount(0);
      await page.getByRole('link', { name: 'Requests', exact: true }).first().click();
      await expect(page.getByRole('heading', { level: 1, name: 'Privacy requests' })).toBeVisible();
      await expect(page.getByText('PR-2026-0412').first()).toBeVisible();
      // A secure page: the browser's cryptography (the export's checksums, the security question) is there.
      expect(await page.evaluate(() => window.isSecureContext && typeof crypto.subtle?.digest === 'function')).toBe(true);
      const violations = await page.evaluate(() => (window as unknown as { __violations: string[] }).__violations);
      expect(violations).toEqual([]);
      expect(consoleErrors).toEqual([]);
    } finally {
      stop();
    }
  });

  test(`deploy/${host.file} sends plain HTTP to HTTPS, and a missing app file is a 404 nobody keeps`, async () => {
    const { folder, wasm } = bundle();
    const stop = await start(host);
    try {
      for (const path of ['/', '/data?tab=2', `/${wasm}`]) {
        const answer = await get(`http://127.0.0.1:${host.http}${path}`);
        expect([301, 308], `HTTP ${path} redirected`).toContain(answer.status);
        // nginx names the default port (the shipped file listens on 80 and 443), Caddy the one it listens on.
        const location = new URL(String(answer.headers.location));
        expect(location.protocol, `${path} sent to HTTPS`).toBe('https:');
        expect(location.hostname).toBe('127.0.0.1');
        expect(`${location.pathname}${location.search}`).toBe(path);
      }
      // A tab opened before a deploy asks for its build's files: gone now, they must be a plain 404 (not the app's
      // page, which the browser would take for code) that no cache keeps.
      for (const path of [`/${folder}/nope.wasm`, `/app-0000000000000000/privacy-portal_bg.wasm`]) {
        const answer = await get(`https://127.0.0.1:${host.https}${path}`);
        expect(answer.status, path).toBe(404);
        expect(answer.headers['cache-control'], `cache-control on ${path}`).toBe('no-store');
        expect(answer.headers['strict-transport-security']).toBeTruthy();
        expect(answer.body.includes('/app-'), `${path} is not the app's page`).toBe(false);
      }
    } finally {
      stop();
    }
  });
}

// The MDN HTTP Observatory (npm @mdn/mdn-http-observatory) scans a host on the standard ports 80 and 443, so each
// host is started there in turn (the tests run as root, which may listen on them).
test.describe('the MDN HTTP Observatory', () => {
  test.describe.configure({ mode: 'serial' });
  for (const host of hosts) {
    test(`grades deploy/${host.file} A+`, async () => {
      test.setTimeout(90_000);
      const stop = await start({ ...host, http: 80, https: 443 });
      try {
        const scanner = join(process.cwd(), 'node_modules', '@mdn', 'mdn-http-observatory', 'src', 'scan.js');
        const output = execFileSync(process.execPath, [scanner, 'localhost'], {
          env: { ...process.env, NODE_EXTRA_CA_CERTS: certificate.cert },
          encoding: 'utf8',
        });
        const result = JSON.parse(output) as {
          error?: string;
          scan: { grade: string; score: number; testsFailed: number };
          tests: Record<string, { pass: boolean; result: string; scoreModifier: number }>;
        };
        expect(result.error, 'the scan ran').toBeUndefined();
        const notes = Object.entries(result.tests)
          .filter(([, t]) => !t.pass || t.scoreModifier !== 0)
          .map(([name, t]) => `${name}: ${t.result} (${t.scoreModifier >= 0 ? '+' : ''}${t.scoreModifier})`);
        console.log(`deploy/${host.file}: ${result.scan.grade} (${result.scan.score}); ${notes.join('; ')}`);
        expect(result.scan.testsFailed, notes.join('\n')).toBe(0);
        expect(result.scan.grade, notes.join('\n')).toBe('A+');
      } finally {
        stop();
      }
    });
  }
});
