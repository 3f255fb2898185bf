// Starts the reference server (server/, docs/reference-server.md) for one end-to-end test: its own port and its own
// database file, serving the release bundle the other tests use (target/e2e-dist) in HTTP mode.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { root } from './contract-lib.mjs';

export const binary = join(root, 'server', 'target', 'debug', 'portal-reference-server');
const dist = join(root, 'target', 'e2e-dist');

/** Builds the server if need be (a no-op when scripts/test already did). */
export function buildServer() {
  const built = spawnSync('cargo', ['build', '--quiet', '--locked', '--manifest-path', join(root, 'server', 'Cargo.toml')], {
    cwd: root,
    stdio: 'inherit',
  });
  if (built.status !== 0) throw new Error('cargo build of server/ failed');
}

/** A free TCP port on 127.0.0.1. */
function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/**
 * Starts the server on a database file (`db`); `options.writesPerMinute` sets its rate limit. Returns
 * `{ url, stop(), restart() }`: `restart` stops it (as Ctrl-C does) and starts it again on the same file and port.
 */
export async function startServer(db, options = {}) {
  if (!existsSync(join(dist, 'index.html'))) throw new Error(`no release bundle at ${dist} (the mock project's server builds it)`);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  let child = null;
  let log = '';
  const start = async () => {
    child = spawn(binary, ['--db', db, '--dist', dist, '--seed', join(root, 'public', 'api'), '--port', String(port),
      '--writes-per-minute', String(options.writesPerMinute ?? 1000)], { cwd: root });
    child.stdout.on('data', (data) => (log += data));
    child.stderr.on('data', (data) => (log += data));
    for (let i = 0; i < 100; i += 1) {
      if (child.exitCode !== null) throw new Error(`the reference server stopped: ${log}`);
      try {
        if ((await fetch(`${url}/config.json`)).ok) return;
      } catch {
        // Not listening yet.
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`the reference server did not start: ${log}`);
  };
  const stop = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT');
    await exited;
  };
  await start();
  return {
    url,
    stop,
    restart: async () => {
      await stop();
      await start();
    },
    log: () => log,
  };
}
