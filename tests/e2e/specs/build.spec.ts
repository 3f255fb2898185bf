import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { test, expect } from './fixtures';

/**
 * The release bundle's layout (scripts/post-build.mjs): the app's files in one folder named after all their bytes, so
 * hosts may cache it for ever (deploy/); index.html pointing there and nowhere else; no inline script; every
 * precompressed copy the same bytes as its file. That two builds of one commit are byte for byte the same is checked
 * by scripts/check-reproducible, which the test command runs after these tests.
 */

const dist = join(process.cwd(), '..', '..', 'target', 'e2e-dist');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

test('the app folder is named after every byte in it, and index.html names only files that are there', () => {
  const top = readdirSync(dist).sort();
  const folders = top.filter((entry) => /^app-[0-9a-f]{16}$/.test(entry));
  expect(folders, 'one app folder').toHaveLength(1);
  // config.json is replaced per deployment: never precompressed (a stale copy would win), never part of the name.
  expect(top.filter((entry) => !folders.includes(entry))).toEqual(['api', 'config.json', 'index.html', 'index.html.br', 'index.html.gz']);
  expect(JSON.parse(readFileSync(join(dist, 'config.json'), 'utf8'))).toEqual({ mode: 'mock' });

  // The folder's name: the first 16 hex digits of a SHA-256 over its files in path order, each as
  // `path \0 length \0 bytes` (the rule scripts/post-build.mjs names it by, recomputed here from what was shipped).
  const folder = join(dist, folders[0]);
  const files = filesUnder(folder).map((file) => relative(folder, file)).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const hash = createHash('sha256');
  for (const file of files) {
    const bytes = readFileSync(join(folder, file));
    hash.update(`${file}\0${bytes.length}\0`).update(bytes);
  }
  expect(folders[0], 'the folder\'s name from its bytes').toBe(`app-${hash.digest('hex').slice(0, 16)}`);

  const index = readFileSync(join(dist, 'index.html'), 'utf8');
  expect(index, 'no inline script (the Content-Security-Policy allows none)').not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  const named = [...index.matchAll(/(?:href|src)="?(\/[^"\s>]*)/g)].map((m) => m[1]);
  expect(named.length).toBeGreaterThan(4);
  for (const path of named) {
    expect(path, 'everything index.html names is in the app folder').toMatch(new RegExp(`^/${folders[0]}/`));
    expect(statSync(join(dist, path)).isFile(), `${path} is there`).toBe(true);
  }
  for (const file of ['privacy-portal.js', 'privacy-portal_bg.wasm', 'boot.js', 'route-preload.js', 'preload-documents.js']) {
    expect(named, `index.html names ${file}`).toContain(`/${folders[0]}/${file}`);
  }
});

test('every precompressed copy holds the bytes of its file, and every text and wasm file has both', () => {
  const files = filesUnder(dist);
  // But the runtime configuration, edited per deployment: a precompressed copy would go stale.
  const originals = files.filter((file) => /\.(html|js|wasm|css|json|svg)$/.test(file) && file !== join(dist, 'config.json'));
  expect(originals.length).toBeGreaterThan(20);
  for (const file of originals) {
    const bytes = readFileSync(file);
    expect(gunzipSync(readFileSync(`${file}.gz`)).equals(bytes), `${file}.gz`).toBe(true);
    expect(brotliDecompressSync(readFileSync(`${file}.br`)).equals(bytes), `${file}.br`).toBe(true);
  }
  expect(files.filter((file) => /\.(gz|br)$/.test(file))).toHaveLength(originals.length * 2);
});
