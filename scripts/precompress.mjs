// Trunk post-build hook: in a release build, writes a gzip (-9) and a Brotli (quality 11) copy beside every html,
// js, wasm, css and json file of the bundle, so a static host serves them precompressed at no run-time cost
// (deploy/nginx.conf: `gzip_static on`, and `brotli_static on` where the Brotli module is installed).
// Development builds skip it: it takes a few seconds and nothing there needs it.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('run by Trunk as a post_build hook (TRUNK_STAGING_DIR is not set)');
if (process.env.TRUNK_PROFILE !== 'release') process.exit(0);

const kinds = new Set(['.html', '.js', '.wasm', '.css', '.json']);

async function* files(folder) {
  for (const entry of await readdir(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) yield* files(path);
    else if (kinds.has(extname(entry.name))) yield path;
  }
}

for await (const path of files(dir)) {
  const bytes = await readFile(path);
  await writeFile(`${path}.gz`, gzipSync(bytes, { level: 9 }));
  await writeFile(
    `${path}.br`,
    brotliCompressSync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
        [constants.BROTLI_PARAM_MODE]: extname(path) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    }),
  );
}
