// Drops the source comments from the built page and its stylesheets: they explain the code to
// us and are useless to a browser, and they cost about 1.6 KB gzip of the first load. The
// stylesheets' integrity hashes in index.html are renewed, or the browser would refuse them.
// Run after the build (and the split), before scripts/csp.mjs: `node scripts/slim.mjs dist`.
import { readFile, writeFile, readdir } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join } from 'node:path';

const dist = process.argv[2] ?? 'dist';
const indexPath = join(dist, 'index.html');
let html = await readFile(indexPath, 'utf8');

// Our stylesheets hold no strings with comment markers in them, so a plain pattern is exact.
const sheets = (await readdir(dist)).filter((name) => name.endsWith('.css'));
for (const name of sheets) {
  const path = join(dist, name);
  const css = (await readFile(path, 'utf8')).replace(/\/\*[\s\S]*?\*\//g, '');
  await writeFile(path, css);
  const hash = `sha384-${createHash('sha384').update(css, 'utf8').digest('base64')}`;
  const linked = new RegExp(`(href="/${name.replace('.', '\\.')}"[^>]*integrity=")[^"]*(")`);
  if (linked.test(html)) html = html.replace(linked, `$1${hash}$2`);
}

html = html.replace(/\s*<!--[\s\S]*?-->/g, '');
await writeFile(indexPath, html);
console.log(`slim: comments dropped from index.html and ${sheets.join(', ')}`);
