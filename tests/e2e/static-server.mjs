// A minimal static file server for a built bundle, answering unknown paths with index.html (as trunk serve does).
// Used by the benchmark so that Trunk's rebuild machinery does not share the machine while timing.
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';

const types = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

/** Starts serving `root` on 127.0.0.1:`port` (0 = any free port); resolves to the server and its URL. With
 * `gzip`, a file's precompressed copy (`<file>.gz`, scripts/post-build.mjs) is sent when the browser accepts it, as
 * the deploy configurations do. */
export async function serve(root, port = 0, { gzip = false } = {}) {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, 'http://x').pathname)).replace(/^(\.\.[/\\])+/, '');
    let file = join(root, path);
    try {
      if (!(await stat(file)).isFile()) file = join(root, 'index.html');
    } catch {
      file = join(root, 'index.html');
    }
    try {
      const headers = { 'content-type': types[extname(file)] ?? 'application/octet-stream' };
      let body;
      if (gzip && /\bgzip\b/.test(request.headers['accept-encoding'] ?? '')) {
        body = await readFile(`${file}.gz`).catch(() => null);
        if (body) headers['content-encoding'] = 'gzip';
      }
      body ??= await readFile(file);
      response.writeHead(200, headers);
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${server.address().port}` };
}
