// Writes DIR/precache.js: every file of the built app (subfolders included) with its SHA-256,
// and a version that is a hash of them all. The service worker (public/sw.js, copied into the
// build by Trunk) imports it and keeps exactly these files in a cache named after the version.
// Because the browser compares a service worker's imported scripts on every update check, a
// build whose files differ in any byte is a new version, and it replaces the old cache.
// Run after every build, as the last step: `node scripts/precache.mjs dist`.
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { join, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The files the service worker itself is made of: the browser keeps those, not the cache. */
export const WORKER_FILES = ['sw.js', 'precache.js'];

/** Every file under `dir` as a URL path relative to it ("icons/icon-192.png"), sorted. */
export async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .filter((path) => !WORKER_FILES.includes(path))
    .sort();
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/**
 * The precache list of `dir`: `{ version, files: [{ path, sha256 }] }`. The version hashes every
 * path with its content hash, so renaming, adding, removing or changing a file changes it.
 */
export async function precacheOf(dir) {
  const files = [];
  for (const path of await listFiles(dir)) {
    files.push({ path, sha256: sha256(await readFile(join(dir, path))) });
  }
  const version = sha256(files.map((f) => `${f.path}\n${f.sha256}\n`).join('')).slice(0, 16);
  return { version, files };
}

/** Writes `dir/precache.js` and returns what it holds. */
export async function writePrecache(dir) {
  const precache = await precacheOf(dir);
  const script =
    '// Written by scripts/precache.mjs after the build: the files sw.js keeps for offline use.\n' +
    `self.DPSTUDIO_PRECACHE = {\n  "version": ${JSON.stringify(precache.version)},\n  "files": [\n` +
    precache.files.map((file) => `    ${JSON.stringify(file)}`).join(',\n') +
    '\n  ]\n};\n';
  await writeFile(join(dir, 'precache.js'), script);
  return precache;
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const dir = process.argv[2] ?? 'dist';
  const { version, files } = await writePrecache(dir);
  console.log(`precache: ${dir}/precache.js lists ${files.length} files, version ${version}`);
}
