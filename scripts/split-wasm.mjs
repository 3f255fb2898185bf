// Trunk post_build hook: splits the app's WebAssembly at its lazy-loaded pages (`src/lazy_pages.rs`), so the first
// load fetches the shell, the overview and what they share, and every other page's code comes when it is opened.
//
// Trunk 0.21 has no hook between `cargo build` and wasm-bindgen, where the split must happen (trunk-rs/trunk#1022),
// so this redoes the last steps on the module cargo just linked (with `--emit-relocs`, .cargo/config.toml):
//   wasm-split-cli (wasm_split_cli_support, installed by scripts/setup)  main module + one per page + shared chunks
//   wasm-bindgen --keep-lld-exports                                        the JS glue, for the main module
//   wasm-opt -Oz (release builds only)                                     every module
//   terser (release builds only; tests/e2e/node_modules)                   the glue and the loader
//   split-rest.mjs (release builds only)                                   the main module cut again, by a profile
// and puts the results in Trunk's staging directory: the main module and glue under the names Trunk gave them (their
// integrity hashes in index.html updated), the page modules and the loader next to them, named by content hash.
// An unsplit module cannot run (its lazy pages import a placeholder the splitter replaces), so any failure here
// fails the build.
import { execFileSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { glueWithRest, splitRest } from './split-rest.mjs';

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) throw new Error('TRUNK_STAGING_DIR is not set: run this as a Trunk post_build hook');
const release = process.env.TRUNK_PROFILE === 'release';
const source = process.env.TRUNK_SOURCE_DIR ?? process.cwd();
const target = process.env.CARGO_TARGET_DIR ?? join(source, 'target');
const profile = release ? 'release' : 'debug';
const started = Date.now();

// The main module and glue as Trunk staged them: <name>-<hash>_bg.wasm and <name>-<hash>.js.
const staged = readdirSync(staging).find((f) => /^privacy-portal-[0-9a-f]+_bg\.wasm$/.test(f));
if (!staged) throw new Error(`split-wasm: no privacy-portal-*_bg.wasm in ${staging}`);
const base = staged.slice(0, -'_bg.wasm'.length);
const linked = join(target, 'wasm32-unknown-unknown', profile, 'privacy-portal.wasm');

const work = join(target, 'wasm-split', profile);
rmSync(work, { recursive: true, force: true });
mkdirSync(join(work, 'bindgen'), { recursive: true });
const run = (tool, args) => execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'inherit'] });
run('wasm-split-cli', [linked, work, '--out-name', base]);
run('wasm-bindgen', ['--target=web', '--keep-lld-exports', '--no-typescript', `--out-dir=${join(work, 'bindgen')}`, `--out-name=${base}`, join(work, `${base}.wasm`)]);

const modules = readdirSync(work).filter((f) => f.endsWith('.wasm') && f !== `${base}.wasm`);
const main = join(work, 'bindgen', `${base}_bg.wasm`);
if (release) await optimise([main, ...modules.map((f) => join(work, f))]);

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);
// Page modules and shared chunks, named by content so a host can cache them for ever.
let loader = readFileSync(join(work, '__wasm_split.js'), 'utf8');
const needs = filesEachPageNeeds(loader);
const renamed = new Map();
for (const file of modules) {
  const bytes = readFileSync(join(work, file));
  const named = `${base}-${file.startsWith('split_') ? 'page' : 'chunk'}-${hash(bytes)}.wasm`;
  renamed.set(file, named);
  writeFileSync(join(staging, named), bytes);
  const reference = `"./${file}"`;
  if (!loader.includes(reference)) throw new Error(`split-wasm: the loader does not name ${file}`);
  loader = loader.split(reference).join(`"./${named}"`);
}
loader = await minified(loader, '__wasm_split.js');
const loaderName = `${base}-split-${hash(loader)}.js`;
writeFileSync(join(staging, loaderName), loader);
// The glue imports the loader under the name the wasm module's imports use; only the import statements change (the
// keys of the imports object must stay the module's own name).
const bindgenGlue = readFileSync(join(work, 'bindgen', `${base}.js`), 'utf8').replace(
  /^(import \* as \w+ from )"\.\/__wasm_split\.js"/gm,
  (_, statement) => `${statement}"./${loaderName}"`,
);
if (bindgenGlue.includes(`from "./__wasm_split.js"`)) throw new Error('split-wasm: the glue still imports ./__wasm_split.js');
writeFileSync(join(staging, `${base}.js`), await minified(bindgenGlue, `${base}.js`));
copyFileSync(main, join(staging, staged));

// index.html preloads both with Trunk's subresource-integrity hashes: give them the new files' hashes. The glue
// imports the loader, so the loader is preloaded beside it (the browser would otherwise ask for it only once the
// glue has arrived: one more round trip before the module can start).
const page = join(staging, 'index.html');
const integrityOf = (file) => `sha384-${createHash('sha384').update(readFileSync(join(staging, file))).digest('base64')}`;
const withIntegrity = (html) => {
  for (const file of [`${base}.js`, staged]) {
    const integrity = integrityOf(file);
    html = html.replace(/<link\b[^>]*>/g, (tag) =>
      tag.includes(file) ? tag.replace(/integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, `integrity="${integrity}"`) : tag,
    );
  }
  return html;
};
let html = withIntegrity(readFileSync(page, 'utf8'));
const publicUrl = process.env.TRUNK_PUBLIC_URL ?? '/';
let preloaded = false;
html = html.replace(/<link\b[^>]*modulepreload[^>]*>/, (tag) => {
  if (!tag.includes(`${base}.js`)) return tag;
  preloaded = true;
  return `${tag}<link rel="modulepreload" href="${publicUrl}${loaderName}" crossorigin="anonymous" integrity="${integrityOf(loaderName)}">`;
});
if (!preloaded) throw new Error(`split-wasm: index.html has no modulepreload of ${base}.js`);
// A page opened by its address: its module and the chunks it needs start to come beside the main module, instead of
// once the main module runs and asks for them (on a slow link, about a second later). A small script of its own (the
// Content-Security-Policy allows no inline script) maps the path's first segment, which names the page's module
// (src/pages/lazy.rs), to those files and adds a preload of each; the loader's fetches then find them.
// The files are named `${base}-page-<hash>.wasm` and `${base}-chunk-<hash>.wasm`: the script holds "p<hash>" and
// "c<hash>" and puts the names together. (Listing each file once and the pages by position in that list is a third
// smaller raw but not in gzip, which already refers back to the runs of chunks pages share: 1.6 against 1.5 KiB.)
const short = (file) => {
  const named = renamed.get(file) ?? fail(`no file for ${file}`);
  const [, kind, digest] = /-(page|chunk)-([0-9a-f]+)\.wasm$/.exec(named);
  return `${kind[0]}${digest}`;
};
// A module of a part that is not a page (the cookie banner's choices: `banner_choices`) has an underscore in its name,
// which no path segment has: it gets no entry.
const routeFiles = Object.fromEntries(
  [...needs].filter(([module]) => !module.includes('_')).map(([module, files]) => [module, files.map(short).join(' ')]),
);
// The table is looked up with `Object.hasOwn`: a path such as /constructor names no page.
const routePreload =
  `{const f=${JSON.stringify(routeFiles)},b=${JSON.stringify(publicUrl)},p=location.pathname,` +
  `s=p.startsWith(b)&&p.slice(b.length).split("/")[0];` +
  `if(s&&Object.hasOwn(f,s))for(const h of f[s].split(" ")){const l=document.createElement("link");l.rel="preload";` +
  `l.as="fetch";l.crossOrigin="anonymous";l.href=b+${JSON.stringify(base)}+(h[0]=="p"?"-page-":"-chunk-")+h.slice(1)+".wasm";` +
  `document.head.append(l)}}\n`;
const routePreloadName = `${base}-route-${hash(routePreload)}.js`;
writeFileSync(join(staging, routePreloadName), routePreload);
// A module script before Trunk's loader (also a module script): module scripts run in document order once the page
// is parsed, so the preloads are there before the app can ask for any page's code (an `async` script could run
// after it on a busy machine: the loader's fetches then went to the network beside the preloads, seen in CI).
const firstScript = html.search(/<script\b/);
if (firstScript < 0) fail('index.html has no script (Trunk\'s loader)');
html =
  html.slice(0, firstScript) +
  `<script type="module" src="${publicUrl}${routePreloadName}" integrity="${integrityOf(routePreloadName)}"></script>` +
  html.slice(firstScript);
writeFileSync(page, html);

// A release build: the main module cut again, by what a first load runs (scripts/split-rest.mjs); the glue then
// carries the rest module's loader, and index.html the new files' integrity hashes.
const kib = (bytes) => `${(bytes / 1024).toFixed(0)} KiB`;
let rest = '';
if (release) {
  const cut = await splitRest({ main, mainName: staged, staging, work, source, base, optimise, hash });
  copyFileSync(cut.primary, join(staging, staged));
  writeFileSync(join(staging, `${base}.js`), await minified(glueWithRest(bindgenGlue, cut.restName, join(source, 'locales')), `${base}.js`));
  writeFileSync(page, withIntegrity(readFileSync(page, 'utf8')));
  rest = `; by ${cut.visits} profiled visits (${cut.seconds} s): ${kib(size(cut.primary))} for the first load, ${kib(size(join(staging, cut.restName)))} later`;
}

const pages = modules.reduce((sum, f) => sum + size(join(work, f)), 0);
console.log(
  `split-wasm: main module ${kib(size(main))}${rest}, ${modules.length} lazily loaded modules ${kib(pages)} in all, ${((Date.now() - started) / 1000).toFixed(1)} s`,
);

// A release build's JavaScript, minified (Trunk's own minifier fails on wasm-bindgen's glue: "RequiredTokenNotFound(
// Semicolon)", so Trunk leaves it as it is). Names the module exports or imports, and the keys of the wasm module's
// imports object, are kept: terser renames local names only.
async function minified(code, name) {
  if (!release) return code;
  const require = createRequire(join(source, 'tests', 'e2e', 'package.json'));
  const { minify } = await import(pathToFileURL(require.resolve('terser')).href);
  const result = await minify(code, { module: true, ecma: 2020, compress: { passes: 2 }, format: { comments: false } });
  if (!result.code) throw new Error(`split-wasm: terser returned nothing for ${name}`);
  return result.code;
}

// Which files each page module needs, its own and every chunk it imports (directly or through another chunk), from the
// loader wasm-split-cli wrote: `const __chunk_9 = makeLoad(() => { … "./chunk_9.wasm" … }, [deps])` and
// `export const __wasm_split_load_data = wrapAsyncCb(makeLoad(() => { … "./split_data.wasm" … }, [deps]))`.
function filesEachPageNeeds(loader) {
  const declared = new Map();
  const declaration = /(?:export )?const (__\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{[^}]*?new URL\("\.\/([\w.]+\.wasm)"[\s\S]*?\n, \[([^\]]*)\]\)/g;
  for (const [, name, file, deps] of loader.matchAll(declaration)) {
    declared.set(name, { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) });
  }
  const filesOf = (name, seen = new Set()) => {
    if (seen.has(name)) return [];
    seen.add(name);
    const entry = declared.get(name) ?? fail(`the loader does not declare ${name}`);
    return [entry.file, ...entry.deps.flatMap((dep) => filesOf(dep, seen))];
  };
  const pages = new Map();
  for (const name of declared.keys()) {
    const page = /^__wasm_split_load_(\w+)$/.exec(name);
    if (page) pages.set(page[1], filesOf(name));
  }
  if (pages.size === 0) fail('no page module found in the loader');
  return pages;
}

function fail(message) {
  throw new Error(`split-wasm: ${message}`);
}

function size(file) {
  return readFileSync(file).length;
}

// wasm-opt -Oz on every module, two at a time (the machines have two cores). `--low-memory-unused`: the first KiB of
// memory is never read or written (the linker puts the stack first, from 1 MiB down to 0, so only a stack 1023 KiB
// deep would reach it), which lets wasm-opt fold more address arithmetic into loads and stores: the main module
// 1.8 KiB smaller in gzip (measured on the build of 2026-11-30).
async function optimise(files) {
  const queue = [...files].sort((a, b) => size(b) - size(a));
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      await new Promise((resolve, reject) => {
        const child = spawn('wasm-opt', ['-Oz', '--low-memory-unused', file, '-o', file], { stdio: ['ignore', 'ignore', 'pipe'] });
        // wasm-opt warns about every name subsection it does not know (the linker's data-segment names): noise.
        let errors = '';
        child.stderr.on('data', (chunk) => (errors += chunk));
        child.on('close', () => process.stderr.write(errors.split('\n').filter((l) => l && !/unknown name subsection/.test(l)).map((l) => `${l}\n`).join('')));
        child.on('error', reject);
        child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`wasm-opt failed on ${file} (${code})`))));
      });
    }
  };
  await Promise.all([worker(), worker()]);
}
