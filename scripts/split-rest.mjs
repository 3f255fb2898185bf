// The main module cut once more, by what the first load runs (release builds; called by scripts/split-wasm.mjs).
//
// The main module holds the shell, the overview and the code every page shares, but a first load runs only about
// half of its functions: the rest is saving, navigating, error states, dialogs. This moves that rest into a module of
// its own, fetched in the background once the first page is on screen, so the first load carries only what it runs:
//   1. instrument the main module (Binaryen's wasm-split --instrument: a counter per function) and load the built
//      portal with it in headless Chromium, once per way a visit can start (every page's address, each language,
//      a phone's width, a returning visitor, the documents failing or slow), each until its page has settled;
//   2. cut the main module by the merged profile (wasm-split --profile): the functions those visits ran stay, the
//      others move to the rest module, and the main module calls them through placeholders;
//   3. the glue (wasm-bindgen's JavaScript) gets the placeholders' imports and the rest module's loader (REST_RUNTIME
//      below): the rest is fetched and compiled in the background once the page is on screen; a placeholder that
//      runs before then fetches it at once (synchronously: the call cannot wait), then calls the real function.
// A visit that runs a function the profile missed still works, only that first call waits for the rest module.
// Binaryen's wasm-split comes from Debian's binaryen 108 package (scripts/setup: setup_binaryen_split); its wasm-opt
// is not used (the npm package's newer one optimises). Version 108 exports every table as table 0 when it writes a
// module: `pointTableExports` puts them back (checked: the instructions' table indices are right).
import { execFileSync } from 'node:child_process';
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Where scripts/setup puts Debian's wasm-split (PORTAL_WASM_SPLIT overrides). */
export const wasmSplit =
  process.env.PORTAL_WASM_SPLIT ?? join(homedir(), '.cache', 'privacy-portal', 'binaryen-108', 'usr', 'bin', 'wasm-split');

/**
 * Cuts `main` (the optimised main module, `mainName` in `staging`, which already holds the whole built portal) into
 * the module the first load needs and the rest. Writes the rest into `staging` and returns its file name and the new
 * main module's path (in `work`); the caller puts the main module and the glue in place.
 */
export async function splitRest({ main, mainName, staging, work, source, base, optimise, hash }) {
  const started = Date.now();
  const dir = join(work, 'rest');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  if (!existsSync(wasmSplit)) throw new Error(`split-rest: no ${wasmSplit} (run scripts/setup)`);
  const split = (args) => execFileSync(wasmSplit, ['--all-features', ...args], { stdio: ['ignore', 'ignore', 'inherit'] });

  // 1. The profile: the portal with the instrumented main module, in a copy of the staging directory.
  const instrumented = join(dir, 'instrumented.wasm');
  split(['--instrument', main, '-o', instrumented]);
  pointTableExports(main, instrumented);
  const site = join(dir, 'site');
  cpSync(staging, site, { recursive: true });
  copyFileSync(instrumented, join(site, mainName));
  // The page preloads the main module with its integrity hash, which the instrumented module does not match.
  const page = join(site, 'index.html');
  writeFileSync(
    page,
    readFileSync(page, 'utf8').replace(/<link\b[^>]*>/g, (tag) => (tag.includes(mainName) ? tag.replace(/\s*integrity=("?)sha384-[A-Za-z0-9+/=]+\1/, '') : tag)),
  );
  const profiles = await profileVisits(site, dir, source);
  const merged = join(dir, 'merged.profile');
  split(['--merge-profiles', ...profiles, '-o', merged]);

  // 2. The cut.
  const primary = join(dir, 'primary.wasm');
  const rest = join(dir, 'rest.wasm');
  // The placeholders' imports come from a namespace named "p": 1,400 of them, each naming it.
  split([main, `--profile=${merged}`, '--placeholder-namespace=p', '-o1', primary, '-o2', rest]);
  pointTableExports(main, primary);
  await optimise([primary, rest]);
  const restBytes = readFileSync(rest);
  const restName = `${base}-rest-${hash(restBytes)}.wasm`;
  writeFileSync(join(staging, restName), restBytes);
  return { primary, restName, visits: profiles.length, seconds: ((Date.now() - started) / 1000).toFixed(0) };
}

/** The glue with the placeholders' imports and the rest module's loader (see REST_RUNTIME). */
export function glueWithRest(glue, restName, localesDir) {
  const once = (text, pattern, replacement) => {
    const found = text.match(new RegExp(pattern.source, 'gm'))?.length ?? 0;
    if (found !== 1) throw new Error(`split-rest: expected one ${pattern} in the glue, found ${found}`);
    return text.replace(pattern, replacement);
  };
  // The imports object wasm-bindgen hands the main module (its own imports are `import0`), and the moment the app
  // has started.
  let out = once(glue, /^(\s+)("\.\/[\w-]+_bg\.js": import0,)$/m, '$1p: __rest_placeholders(),\n$1$2');
  out = once(out, /^(\s+)wasm\.__wbindgen_start\(\);$/m, '$1wasm.__wbindgen_start();\n$1__rest_when_settled();');
  const messages = {};
  for (const file of readdirSync(localesDir).filter((f) => f.endsWith('.json'))) {
    const catalogue = JSON.parse(readFileSync(join(localesDir, file), 'utf8'));
    messages[file.slice(0, -'.json'.length)] = [catalogue.errors.page_code, catalogue.common.try_again];
  }
  return `${out}\n${REST_RUNTIME.replace('__REST_FILE__', JSON.stringify(restName)).replace('__MESSAGES__', JSON.stringify(messages))}`;
}

// The rest module's loader, added to the glue (whose `wasm` is the main module's exports).
const REST_RUNTIME = `
// The rest of the main module (scripts/split-rest.mjs): the code a first load does not run.
const __rest = { url: new URL(__REST_FILE__, import.meta.url), bytes: undefined, module: undefined, loaded: false, fetching: undefined, leaving: false };

// The main module's placeholder for table slot N: the rest module first, then the real function now in slot N.
// (Instantiating the main module asks for each import once.)
function __rest_placeholders() {
  return new Proxy({}, {
    get: (_, slot) => (...args) => {
      if (__rest_load()) return wasm.__indirect_function_table.get(Number(slot))(...args);
    },
  });
}

// While the page is being left (this listener runs before the app's own), no request can wait: a function of the
// rest that has not come is skipped then. If the leaving is called off, the flag goes with the next task.
addEventListener('beforeunload', () => {
  __rest.leaving = true;
  setTimeout(() => (__rest.leaving = false));
});

// Fetches and compiles the rest in the background once the first page is on screen (its heading there, nothing
// loading, and that painted: two frames on, as the page is in the document a frame before it is shown) and the
// browser is idle; again when the connection comes back if that fails. (Without the frames the fetch could start
// between the content's entering the document and its paint: the benchmark then counted the rest in the first load.)
function __rest_when_settled() {
  let started = false;
  const start = () => {
    if (started) return;
    started = true;
    observer.disconnect();
    const idle = () => (self.requestIdleCallback ?? ((f) => setTimeout(f, 200)))(__rest_prefetch, { timeout: 1000 });
    requestAnimationFrame(() => requestAnimationFrame(idle));
  };
  const settled = () => document.querySelector('main h1') && !document.querySelector('main .loading-panel');
  const observer = new MutationObserver(() => settled() && start());
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(start, 5000);
}

function __rest_prefetch() {
  if (__rest.loaded || __rest.module || __rest.fetching) return;
  __rest.fetching = fetch(__rest.url)
    .then((response) => (response.ok ? response.arrayBuffer() : Promise.reject()))
    .then((bytes) => WebAssembly.compile((__rest.bytes = bytes)))
    .then(
      (module) => {
        __rest.module = module;
      },
      () => {
        __rest.fetching = undefined;
        addEventListener('online', __rest_prefetch, { once: true });
        setTimeout(__rest_prefetch, 15000);
      },
    );
}

// Instantiates the rest (its functions take their places in the main module's table). A call that comes before the
// background fetch has finished fetches the module at once: synchronously, as the call cannot wait.
function __rest_load() {
  if (__rest.loaded) return true;
  // Compiled in the background, or at least fetched (then compiled now), or neither: fetched now.
  let module = __rest.module ?? (__rest.bytes && new WebAssembly.Module(__rest.bytes));
  if (!module && __rest.leaving) return false;
  if (!module) {
    let bytes;
    try {
      const request = new XMLHttpRequest();
      request.open('GET', __rest.url, false);
      request.overrideMimeType('text/plain; charset=x-user-defined');
      request.send();
      if (request.status !== 200) throw new Error(request.status);
      const text = request.responseText;
      bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i) & 0xff;
    } catch (error) {
      __rest_failed();
      throw new Error('the rest of the portal could not be fetched: ' + error.message);
    }
    module = new WebAssembly.Module(bytes);
  }
  new WebAssembly.Instance(module, { primary: wasm });
  __rest.loaded = true;
  return true;
}

// The code the portal needed did not arrive: the app cannot go on safely, so the page says so, in its language, with a
// way to load it again. Saved data stays where it is (this browser's storage). When a person's action needed the code
// (a press, a key), focus goes to "Try again", however many times it happens; when work in the background did (a
// timer, an answer from the network), the message is announced (role=alert) and focus stays where the person left it.
function __rest_failed() {
  const event = self.event;
  const byPerson = event?.isTrusted && /^(click|dblclick|auxclick|keydown|keyup|submit|change|input|pointerup|mouseup)$/.test(event.type);
  let button = document.querySelector('#code-failure button');
  if (!button) {
    const messages = __MESSAGES__;
    const [text, label] = messages[document.documentElement.lang.slice(0, 2)] ?? messages.en;
    const box = document.createElement('div');
    box.id = 'code-failure';
    box.className = 'notice notice--warning code-failure';
    box.setAttribute('role', 'alert');
    const message = document.createElement('p');
    message.className = 'notice__text';
    message.textContent = text;
    button = document.createElement('button');
    button.type = 'button';
    button.className = 'button';
    button.textContent = label;
    button.addEventListener('click', () => location.reload());
    box.append(message, button);
    document.body.prepend(box);
  }
  // After the event that got here has done what the browser does by default (a press focuses what was pressed).
  if (byPerson) setTimeout(() => button.focus());
}
`;

/** How long a slow visit's documents are held at most; they are let go once the page shows its slow state. */
const SLOW_API_MAX_MS = 20_000;

// The ways a visit can start, each profiled in a fresh browser context: every page by its address, the page that does
// not exist, each language, a phone's width, a returning visitor (the cookie banner answered), the documents failing,
// the documents slow to come (past src/components/async_view.rs's SLOW_AFTER: the panel's slow state, which a slow
// connection meets on its first load and must not wait for the rest to show).
function visits() {
  const pages = ['/', '/data', '/communications', '/cookies', '/profile', '/requests', '/requests/export', '/requests/delete', '/activity', '/sharing', '/policy', '/no-such-page'];
  return [
    ...pages.map((path) => ({ path })),
    { path: '/', locale: 'de-DE' },
    { path: '/data', locale: 'de-DE' },
    { path: '/', locale: 'hi-IN' },
    { path: '/data', locale: 'hi-IN' },
    { path: '/', width: 320 },
    { path: '/communications', width: 320 },
    { path: '/', returning: true },
    { path: '/profile', returning: true },
    { path: '/', failing: true },
    { path: '/', slow: true },
    { path: '/activity', slow: true },
  ];
}

// Loads the portal once per visit (five at a time), waits until the page has settled and the background work after
// it has run, and writes each instrumented module's profile; returns the profiles' paths.
async function profileVisits(site, dir, source) {
  const e2e = join(source, 'tests', 'e2e');
  const require = createRequire(join(e2e, 'package.json'));
  const { chromium } = require('@playwright/test');
  const { serve } = await import(pathToFileURL(join(e2e, 'static-server.mjs')).href);
  const { chromiumArgs, executablePath } = await import(pathToFileURL(join(e2e, 'chromium.mjs')).href);
  const { server, url } = await serve(site);
  const browser = await chromium.launch({ executablePath, args: chromiumArgs });
  const queue = visits().map((visit, index) => ({ ...visit, index }));
  const written = [];
  const failures = [];
  const worker = async () => {
    for (let visit = queue.shift(); visit; visit = queue.shift()) {
      const profile = join(dir, `visit-${visit.index}.profile`);
      // A visit that fails (a busy machine can be slow to start a browser context) is tried once more.
      for (let attempt = 1; attempt <= 2; attempt++) {
        try {
          writeFileSync(profile, await profileVisit(browser, url, visit));
          written.push(profile);
          break;
        } catch (error) {
          if (attempt === 2) failures.push(`${JSON.stringify(visit)}: ${error.message}`);
        }
      }
    }
  };
  try {
    await Promise.all([worker(), worker(), worker(), worker(), worker()]);
  } finally {
    await browser.close();
    server.close();
  }
  if (failures.length) throw new Error(`split-rest: profiling failed:\n${failures.join('\n')}`);
  return written.sort();
}

async function profileVisit(browser, url, { path, locale = 'en-GB', width = 1280, returning = false, failing = false, slow = false }) {
  const context = await browser.newContext({ locale, timezoneId: 'Asia/Kolkata', viewport: { width, height: 800 } });
  try {
    await context.addInitScript(() => {
      const instantiate = WebAssembly.instantiateStreaming;
      WebAssembly.instantiateStreaming = async (...args) => {
        const result = await instantiate(...args);
        if (result.instance.exports.__write_profile) self.__profiled = result.instance.exports;
        return result;
      };
    });
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    const settled = async () => {
      await page.waitForFunction(() => self.__profiled && document.querySelector('main h1') && !document.querySelector('main .loading-panel'), null, { timeout: 60_000 });
      // The shell's background work starts two seconds after it is built (src/pages/lazy.rs).
      await page.waitForTimeout(3000);
    };
    if (returning) {
      await page.goto(url + '/');
      await settled();
      await page.locator('#cookie-banner button').filter({ hasText: /reject all/i }).click();
      await page.waitForTimeout(500);
      await page.goto(url + path);
    } else {
      if (failing) await page.route('**/api/**', (route) => route.fulfill({ status: 500, body: '' }));
      // A slow visit's documents come only once the page has said that they are slow (plus a moment for what that
      // runs): a fixed delay counted from the requests, which the preload script makes before the app has started,
      // could end before the panel's three seconds on a busy machine, and the profile would then miss the slow state.
      const release = slow ? await holdRequests(page, '**/api/**') : undefined;
      await page.goto(url + path);
      if (release) {
        await page
          .locator('main .loading-panel__slow')
          .first()
          .waitFor({ timeout: SLOW_API_MAX_MS })
          .then(() => page.waitForTimeout(500))
          .finally(release);
      }
    }
    await settled();
    // A visitor reads before doing anything: the pointer goes over the menu, the keyboard moves focus.
    for (const link of await page.locator('nav a').all()) {
      const box = await link.boundingBox();
      if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    }
    for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
    // Then leaves (a reload): what the page runs as it goes (its `beforeunload` handlers) is profiled too, and cannot
    // wait for the rest (no synchronous request while a page is dismissed). The profile is written last, as the page
    // hides, and kept in the tab's session storage for the reloaded page to hand over.
    await page.evaluate(() =>
      addEventListener('pagehide', () => {
        const exports = self.__profiled;
        const at = exports.memory.grow(1) * 65536;
        const length = exports.__write_profile(at, 65536);
        let text = '';
        for (const byte of new Uint8Array(exports.memory.buffer, at, length)) text += String.fromCharCode(byte);
        sessionStorage.setItem('portal-profile', btoa(text));
      }),
    );
    await page.reload({ waitUntil: 'domcontentloaded' });
    if (errors.length) throw new Error(`the page failed: ${errors.join('; ')}`);
    const written = await page.evaluate(() => sessionStorage.getItem('portal-profile'));
    if (!written) throw new Error('no profile written');
    return Buffer.from(written, 'base64');
  } finally {
    await context.close();
  }
}

/** Holds every request of `page` matching `glob` until the returned function is called (as the end-to-end tests'
 * `holdRequests` in tests/e2e/specs/fixtures.ts, which this script cannot import). */
async function holdRequests(page, glob) {
  let release = () => {};
  const held = new Promise((resolve) => (release = resolve));
  await page.route(glob, async (route) => {
    await held;
    await route.continue().catch(() => {});
  });
  return release;
}

/** Points every table export of `output` at the table `original` exports under that name (wasm-split 108 writes all
 * of them as table 0). */
export function pointTableExports(original, output) {
  const want = new Map(tableExports(readFileSync(original)).map((e) => [e.name, e.index]));
  const bytes = readFileSync(output);
  for (const entry of tableExports(bytes)) {
    const index = want.get(entry.name);
    if (index === undefined || index === entry.index) continue;
    if (entry.width !== 1 || index > 127) throw new Error(`split-rest: cannot point ${entry.name} at table ${index}`);
    bytes[entry.at] = index;
  }
  writeFileSync(output, bytes);
}

// The table exports of a module: name, table index, and where (and in how many bytes) the index is written.
function tableExports(bytes) {
  let at = 8;
  const leb = () => {
    let value = 0;
    let shift = 0;
    let byte;
    do {
      byte = bytes[at++];
      value += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80);
    return value;
  };
  while (at < bytes.length) {
    const id = bytes[at++];
    const size = leb();
    const end = at + size;
    if (id === 7) {
      const found = [];
      for (let count = leb(); count > 0; count--) {
        const length = leb();
        const name = bytes.subarray(at, at + length).toString();
        at += length;
        const kind = bytes[at++];
        const start = at;
        const index = leb();
        if (kind === 1) found.push({ name, index, at: start, width: at - start });
      }
      return found;
    }
    at = end;
  }
  return [];
}
