// Trunk post-build hook: moves every inline <script> of the built index.html (Trunk's wasm loader, and in
// `trunk serve` its auto-reload client) into a file of its own, named by its content's hash, so the
// Content-Security-Policy can allow scripts from 'self' only: no 'unsafe-inline', no hash to keep in sync.
// Usage: as a Trunk post_build hook (Trunk.toml), which sets TRUNK_STAGING_DIR and TRUNK_PUBLIC_URL.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');
const page = join(dir, 'index.html');
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
let moved = 0;
// `trunk serve` fills these placeholders of its reload client only inside index.html; in a file of its own the
// client finds the same values at run time (this page's host, the public URL).
const servePlaceholders = [
  ["'{{__TRUNK_ADDRESS__}}'", 'window.location.host'],
  ["'{{__TRUNK_WS_BASE__}}'", JSON.stringify(publicUrl)],
];
const html = readFileSync(page, 'utf8').replace(/<script([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, script) => {
  if (/\ssrc\s*=/.test(attrs) || script.trim() === '') return whole;
  const body = servePlaceholders.reduce((text, [placeholder, value]) => text.split(placeholder).join(value), script);
  const name = `inline-${createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
  writeFileSync(join(dir, name), body);
  moved += 1;
  return `<script${attrs} src="${publicUrl}${name}"></script>`;
});
writeFileSync(page, html);
console.log(`extract-inline-scripts: ${moved} inline script(s) moved to files`);
