// Trunk's post_build hook: the page split that Leptos's lazy routes need, and the names that make caching safe.
//
// Trunk 0.21 has no step between cargo and wasm-bindgen, where the split must happen (trunk-rs/trunk#1022), so this
// does what its Rust pipeline would have done, on the module cargo linked (with `--emit-relocs`, .cargo/config.toml):
//   1. wasm-split-cli (crate wasm_split_cli_support)  the main module, one module per split point, shared chunks, and
//                                                      their loader `__wasm_split.js`
//   2. wasm-bindgen --keep-lld-exports                the JS glue of the main module
//   3. wasm-opt -Oz (release builds only)             every module
// The app's files (those and every other file Trunk built but index.html) then go into one folder named by a hash
// of all their bytes, `app-<hash>/`: whenever any byte changes the folder's name does, so hosts can cache it for
// ever (deploy/). Inside it the files keep the names the tools gave them and find each other by relative paths, so
// nothing the tools generated is edited. What this step writes or rewrites, all of it:
//   - index.html: each reference to an app file gets the folder's name;
//   - route-preload.js (new): the files each page module needs, so a page opened by its address asks for them beside
//     the main module instead of after it;
//   - in `trunk serve` only, Trunk's inline auto-reload script moves into a file (the Content-Security-Policy allows
//     no inline script; a release page has none);
//   - in a release build, a gzip and a Brotli copy of each text and wasm file, for hosts that send them.
// An unsplit module cannot run (its lazy pages import a placeholder the splitter replaces): any failure fails the build.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('post-build: TRUNK_STAGING_DIR is not set; Trunk runs this as its post_build hook');
const release = process.env.TRUNK_PROFILE === 'release';
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const target = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
const name = 'privacy-portal';
// wasm-opt comes from the npm package of the project root (package.json), found without setting PATH.
process.env.PATH = `${join(source, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`;
const started = Date.now();

// 1-3: split, glue, optimise, into `work/app`: a folder of this build's own (two builds may run at once).
mkdirSync(join(target, 'post-build'), { recursive: true });
const work = mkdtempSync(join(target, 'post-build', `${release ? 'release' : 'debug'}-`));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const app = join(work, 'app');
mkdirSync(app);
const run = (tool, args) => execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const linked = join(target, 'wasm32-unknown-unknown', release ? 'release' : 'debug', `${name}.wasm`);
run('wasm-split-cli', [linked, join(work, 'split'), '--out-name', name]);
run('wasm-bindgen', ['--target=web', '--keep-lld-exports', '--no-typescript', `--out-dir=${app}`, `--out-name=${name}`, join(work, 'split', `${name}.wasm`)]);
for (const file of readdirSync(join(work, 'split'))) {
  if (file !== `${name}.wasm`) renameSync(join(work, 'split', file), join(app, file));
}
const modules = readdirSync(app).filter((file) => file.endsWith('.wasm'));
if (release) await optimise(modules.map((file) => join(app, file)));
writeFileSync(join(app, 'route-preload.js'), routePreload(readFileSync(join(app, '__wasm_split.js'), 'utf8')));

// Every other file Trunk built joins them, but index.html, the runtime configuration (config.json, replaced per
// deployment: never precompressed, never part of the folder's name) and the mock backend's documents (api/), which
// keep their addresses; Trunk's own glue and module of the unsplit build go.
for (const entry of readdirSync(staging)) {
  if (entry === 'index.html' || entry === 'config.json' || entry === 'api') continue;
  if (entry === `${name}.js` || entry === `${name}_bg.wasm` || entry === 'snippets') rmSync(join(staging, entry), { recursive: true });
  else renameSync(join(staging, entry), join(app, entry));
}
// The precompressed copies are made before the folder is named, so that it is named after every byte in it.
if (release) precompress(app);
const folder = `app-${digest(filesUnder(app).map((file) => [relative(app, file), readFileSync(file)]))}`;
renameSync(app, join(staging, folder));

// index.html: every reference to an app file (`/portal.css`, `/privacy-portal.js`, …), quoted or not (a release page
// is minified), points into the folder.
const page = join(staging, 'index.html');
const appFiles = new Set(readdirSync(join(staging, folder)));
const reference = new RegExp(`(["'=])${publicUrl.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}([\\w.-]+)(?=["'\\s>])`, 'g');
let html = readFileSync(page, 'utf8').replace(reference, (whole, before, file) =>
  appFiles.has(file) ? `${before}${publicUrl}${folder}/${file}` : whole,
);
let moved = 0;
html = html.replace(/<script([^>]*)>([\s\S]*?)<\/script>/g, (whole, attrs, script) => {
  if (/\ssrc\s*=/.test(attrs) || script.trim() === '') return whole;
  // `trunk serve` fills these placeholders of its reload client inside index.html only; in a file the client finds
  // the same values at run time.
  const body = script.split("'{{__TRUNK_ADDRESS__}}'").join('window.location.host').split("'{{__TRUNK_WS_BASE__}}'").join(JSON.stringify(publicUrl));
  const file = `inline-${digest([['', Buffer.from(body)]])}.js`;
  writeFileSync(join(staging, folder, file), body);
  moved += 1;
  return `<script${attrs} src="${publicUrl}${folder}/${file}"></script>`;
});
if (release && moved > 0) throw new Error('post-build: a release index.html has an inline script, which the Content-Security-Policy blocks');
for (const expected of [`${name}.js`, `${name}_bg.wasm`, 'boot.js', 'route-preload.js']) {
  if (!html.includes(`${folder}/${expected}`)) throw new Error(`post-build: index.html does not name ${expected}`);
}
writeFileSync(page, html);

if (release) for (const entry of ['index.html', 'api']) precompress(join(staging, entry));
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
console.log(
  `post-build: ${folder}/, main module ${kib(statSync(join(staging, folder, `${name}_bg.wasm`)).size)}, ` +
    `${modules.length - 1} lazily loaded modules, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

/** The first 16 hex digits of a SHA-256 over `[path, bytes]` pairs, in path order (the same files give the same name). */
function digest(entries) {
  const hash = createHash('sha256');
  for (const [path, bytes] of [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    hash.update(`${path}\0${bytes.length}\0`).update(bytes);
  }
  return hash.digest('hex').slice(0, 16);
}

function filesUnder(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

// wasm-opt -Oz on every module, two at a time (these machines have two cores). `--low-memory-unused`: the linker puts
// the stack first, from 1 MiB down to 0, so the first KiB of memory is never used, which lets wasm-opt fold more
// address arithmetic into loads and stores.
async function optimise(files) {
  const queue = [...files].sort((a, b) => statSync(b).size - statSync(a).size);
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      await new Promise((resolve, reject) => {
        const child = spawn('wasm-opt', ['-Oz', '--low-memory-unused', file, '-o', file], { stdio: ['ignore', 'ignore', 'pipe'] });
        // wasm-opt warns about each name subsection it does not know (the linker's data-segment names): noise.
        let errors = '';
        child.stderr.on('data', (chunk) => (errors += chunk));
        child.on('error', reject);
        child.on('close', (code) => {
          process.stderr.write(errors.split('\n').filter((l) => l && !/unknown name subsection/.test(l)).map((l) => `${l}\n`).join(''));
          if (code === 0) resolve();
          else reject(new Error(`post-build: wasm-opt failed on ${file} (${code})`));
        });
      });
    }
  };
  await Promise.all([worker(), worker()]);
}

// A page opened by its address: its module and the chunks it needs start to come beside the main module, instead of
// once the main module runs and asks for them (over a slow link about a second later). The loader declares each module
// as `const __chunk_9 = makeLoad(() => { … "./chunk_9.wasm" … }, [deps])` or `export const
// __wasm_split_load_data = wrapAsyncCb(makeLoad(() => { … "./split_data.wasm" … }, [deps]))`; a page's module is
// named after the first segment of its path (src/pages/lazy.rs), so the script maps that segment to the files.
// A module whose name has an underscore (the cookie banner's choices) is not a page: no path segment has one.
function routePreload(loader) {
  const declared = new Map();
  const declaration = /(?:export )?const (__\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{[^}]*?new URL\("\.\/([\w.]+\.wasm)"[\s\S]*?\n, \[([^\]]*)\]\)/g;
  for (const [, variable, file, deps] of loader.matchAll(declaration)) {
    declared.set(variable, { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) });
  }
  const filesOf = (variable, seen = new Set()) => {
    if (seen.has(variable)) return [];
    seen.add(variable);
    const entry = declared.get(variable);
    if (!entry) throw new Error(`post-build: the split loader does not declare ${variable}`);
    return [entry.file, ...entry.deps.flatMap((dep) => filesOf(dep, seen))];
  };
  const pages = {};
  for (const variable of declared.keys()) {
    const page = /^__wasm_split_load_([a-z]+)$/.exec(variable);
    if (page) pages[page[1]] = filesOf(variable);
  }
  if (Object.keys(pages).length === 0) throw new Error('post-build: no page module found in the split loader');
  return (
    `// Written by scripts/post-build.mjs: the files of the page module at this address, asked for at once.\n` +
    `const files = ${JSON.stringify(pages)};\n` +
    `const segment = location.pathname.slice(${JSON.stringify(publicUrl)}.length).split('/')[0];\n` +
    `for (const file of Object.hasOwn(files, segment) ? files[segment] : []) {\n` +
    `  const link = document.createElement('link');\n` +
    `  Object.assign(link, { rel: 'preload', as: 'fetch', crossOrigin: 'anonymous', href: new URL(file, import.meta.url) });\n` +
    `  document.head.append(link);\n` +
    `}\n`
  );
}

// A gzip (level 9) and a Brotli (quality 11) copy beside every text and wasm file, for hosts that send precompressed
// files (deploy/): no compression at request time, and Brotli, which neither Debian's nginx nor Caddy makes on the fly.
function precompress(path) {
  for (const file of statSync(path).isDirectory() ? filesUnder(path) : [path]) {
    if (!['.html', '.js', '.wasm', '.css', '.json', '.svg'].includes(extname(file))) continue;
    const bytes = readFileSync(file);
    writeFileSync(`${file}.gz`, gzipSync(bytes, { level: 9 }));
    const mode = extname(file) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT;
    writeFileSync(
      `${file}.br`,
      brotliCompressSync(bytes, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length, [constants.BROTLI_PARAM_MODE]: mode },
      }),
    );
  }
}
