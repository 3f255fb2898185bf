// Imports in src/ run one way, with no cycle: the check that keeps the layers of docs/architecture.md.
//
// Every module (a file) is in a layer; a module may use modules of its own layer or of a layer below, never one
// above, and no chain of uses may come back to where it started. What counts as a use: a path through `crate::`,
// `super::` or `self::` anywhere in the code (comments and strings left out); a parent's `mod` line does not count.
// Test-only modules (`*_tests.rs`, `*_properties.rs`) are left out. Prints each wrong import and each cycle and exits 1
// when there is one.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const src = join(root, 'src');

// Lowest first. A layer may use itself and those listed before it.
const layers = [
  ['domain', 'plain data and the policy\'s rules: no Leptos, no browser'],
  ['i18n', 'the message catalogues, compiled in (src/lib.rs)'],
  ['routes', 'the portal\'s addresses'],
  ['dom', 'the browser apart from the backend: its signals and storage, focus, scheduling, Web Crypto'],
  ['api', 'the backend: fetching, the mock store, browser storage'],
  ['text', 'words and numbers for people: labels of domain values and failures, formats'],
  ['state', 'the shared contexts: session, documents, notices, consent'],
  ['components', 'reusable pieces of UI'],
  ['pages', 'one module per route'],
  ['preview', 'the designer preview: panel, gallery (debug builds only)'],
  ['app', 'the shell and the router'],
  ['main', 'the entry point'],
];
const rank = new Map(layers.map(([name], index) => [name, index]));

function filesUnder(dir) {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry);
    return statSync(path).isDirectory() ? filesUnder(path) : path.endsWith('.rs') ? [path] : [];
  });
}

// `src/api/client.rs` → ['api', 'client']; `src/api/mod.rs` → ['api']; `src/lib.rs` → [].
function moduleOf(file) {
  const parts = relative(src, file).replace(/\.rs$/, '').split('/');
  if (parts.at(-1) === 'mod' || parts.at(-1) === 'lib') parts.pop();
  return parts;
}

// Code without comments, strings and character literals (a rough lexer; enough for `use` paths).
function codeOf(text) {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, ' ')
    .replace(/\/\/[^\n]*/g, ' ')
    .replace(/r(#*)"[\s\S]*?"\1/g, '""')
    .replace(/"(?:[^"\\]|\\.)*"/g, '""')
    .replace(/'(?:[^'\\\n]|\\.)'/g, "' '");
}

const files = filesUnder(src).filter((file) => !/_(tests|properties)\.rs$/.test(file));
const modules = new Map(files.map((file) => [moduleOf(file).join('::'), file]));
// The catalogues module (`crate::i18n`) is generated inside lib.rs; it is a module of its own here.
modules.set('i18n', join(src, 'lib.rs'));

const layerOf = (module) => {
  const top = module.split('::')[0];
  if (top === '') return 'app';
  if (rank.has(top)) return top;
  return top;
};

// The module a path names: its longest prefix that is a module.
function target(parts) {
  for (let length = parts.length; length > 0; length -= 1) {
    const candidate = parts.slice(0, length).join('::');
    if (modules.has(candidate)) return candidate;
  }
  return null;
}

const edges = new Map();
for (const [module, file] of modules) {
  if (module === 'i18n' || module === '') continue;
  const here = module.split('::');
  const isModFile = /\/(mod|lib)\.rs$/.test(file);
  // `super` in a.rs (module a::b) is a; in a/b/mod.rs (module a::b) it is a as well.
  const parent = here.slice(0, -1);
  const self = here;
  const code = codeOf(readFileSync(file, 'utf8'));
  const uses = new Set();
  // Expand `use x::{a, b::{c}}` groups into single paths first.
  const paths = [];
  // A module's own children (`mod x;`) may be named without `self::`.
  const children = [...code.matchAll(/\bmod\s+([a-z_][a-z0-9_]*)\s*;/g)].map((m) => m[1]);
  const heads = ['crate', 'super', 'self', ...children].join('|');
  const pathPattern = new RegExp(`(?<![\\w:])(${heads})((?:::(?:[A-Za-z_][A-Za-z0-9_]*|\\{[^;]*?\\}))+)`, 'g');
  for (const match of code.matchAll(pathPattern)) {
    const expand = (prefix, rest) => {
      const group = /^::\{([\s\S]*)\}$/.exec(rest);
      if (!group) {
        paths.push([...prefix, ...rest.split('::').filter(Boolean)]);
        return;
      }
      let depth = 0;
      let current = '';
      for (const char of group[1]) {
        if (char === '{') depth += 1;
        if (char === '}') depth -= 1;
        if (char === ',' && depth === 0) {
          split(prefix, current);
          current = '';
        } else current += char;
      }
      split(prefix, current);
    };
    const split = (prefix, item) => {
      const trimmed = item.trim().replace(/\s+as\s+\w+$/, '');
      if (!trimmed || trimmed === 'self') {
        paths.push(prefix);
        return;
      }
      const brace = trimmed.indexOf('{');
      if (brace >= 0) expand([...prefix, ...trimmed.slice(0, brace).split('::').filter(Boolean)], `::${trimmed.slice(brace)}`);
      else paths.push([...prefix, ...trimmed.split('::').filter(Boolean)]);
    };
    const head = match[1] === 'crate' ? [] : match[1] === 'super' ? parent : match[1] === 'self' ? self : [...self, match[1]];
    const rest = match[2];
    // Leading `super::super::…`.
    let base = head;
    let tail = rest;
    while (tail.startsWith('::super')) {
      base = base.slice(0, -1);
      tail = tail.slice('::super'.length);
    }
    expand(base, tail);
  }
  for (const path of paths) {
    const found = target(path);
    if (found && found !== module && !(isModFile && found.startsWith(`${module}::`) && false)) uses.add(found);
  }
  // A parent module's `mod child;` and `pub use child::…` re-exports are its own business: a parent may use its
  // children.
  edges.set(module, uses);
}

const problems = [];
for (const [from, uses] of edges) {
  for (const to of uses) {
    const a = layerOf(from);
    const b = layerOf(to);
    if (to.startsWith(`${from}::`)) continue;
    if (!rank.has(a) || !rank.has(b)) problems.push(`${from} → ${to}: ${rank.has(a) ? to : from} is in no layer`);
    else if (rank.get(b) > rank.get(a)) problems.push(`${from} → ${to}: ${a} may not use ${b} (a layer above)`);
  }
}

// Cycles: strongly connected components of more than one module (Tarjan).
let index = 0;
const indices = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const cycles = [];
function connect(v) {
  indices.set(v, index);
  low.set(v, index);
  index += 1;
  stack.push(v);
  onStack.add(v);
  for (const w of edges.get(v) ?? []) {
    if (!indices.has(w)) {
      connect(w);
      low.set(v, Math.min(low.get(v), low.get(w)));
    } else if (onStack.has(w)) low.set(v, Math.min(low.get(v), indices.get(w)));
  }
  if (low.get(v) === indices.get(v)) {
    const component = [];
    let w;
    do {
      w = stack.pop();
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) cycles.push(component.sort());
  }
}
for (const v of edges.keys()) if (!indices.has(v)) connect(v);
for (const cycle of cycles) problems.push(`cycle: ${cycle.join(', ')}`);

if (problems.length > 0) {
  console.error(`check-layers: ${problems.length} problems:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-layers: ${edges.size} modules, every import runs down a layer, no cycle`);
