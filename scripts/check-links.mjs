// Every relative link in README.md and docs/*.md resolves: the file or folder exists in the repository, and a
// `#fragment` into a Markdown file names one of its headings (GitHub's anchors). Web addresses are not followed.
// Run by scripts/test; prints each broken link and exits 1 when there is one.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = resolve(dirname(new URL(import.meta.url).pathname), '..');
const pages = ['README.md', ...readdirSync(join(root, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)];

// GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens, "-1", "-2"… for repeats.
function anchorsOf(file) {
  const seen = new Map();
  const anchors = new Set();
  let fenced = false;
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    if (line.startsWith('```')) fenced = !fenced;
    const heading = !fenced && /^#{1,6}\s+(.*?)\s*#*\s*$/.exec(line);
    if (!heading) continue;
    const base = heading[1].toLowerCase().replace(/[^\p{L}\p{N}\s_-]/gu, '').replace(/\s/g, '-');
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

// Inline links and images, `[text](target)` / `![alt](target "title")`, outside code.
function linksOf(text) {
  const links = [];
  let fenced = false;
  text.split('\n').forEach((line, index) => {
    if (line.startsWith('```')) {
      fenced = !fenced;
      return;
    }
    if (fenced) return;
    const prose = line.replace(/`[^`]*`/g, '');
    for (const match of prose.matchAll(/!?\[[^\]]*\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ target: match[1], line: index + 1 });
    }
  });
  return links;
}

const broken = [];
let checked = 0;
for (const page of pages) {
  const file = join(root, page);
  for (const { target, line } of linksOf(readFileSync(file, 'utf8'))) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target)) continue;
    checked += 1;
    const [path, fragment] = target.split('#');
    const destination = path === '' ? file : resolve(dirname(file), decodeURIComponent(path));
    const where = `${page}:${line}: ${target}`;
    if (!destination.startsWith(root + '/') && destination !== root) broken.push(`${where} (outside the repository)`);
    else if (!existsSync(destination)) broken.push(`${where} (no such file: ${relative(root, destination)})`);
    else if (fragment !== undefined && statSync(destination).isFile() && destination.endsWith('.md')) {
      if (!anchorsOf(destination).has(fragment)) broken.push(`${where} (no heading with the anchor #${fragment})`);
    }
  }
}
if (broken.length > 0) {
  console.error(`check-links: ${broken.length} broken of ${checked} relative links:\n  ${broken.join('\n  ')}`);
  process.exit(1);
}
console.log(`check-links: ${checked} relative links in ${pages.length} files, all resolve`);
