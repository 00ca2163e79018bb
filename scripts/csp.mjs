// Adds a Content-Security-Policy to the built index.html: only our own scripts, styles, wasm
// and worker may run. Trunk writes one inline module script (the wasm loader); it is allowed
// by its SHA-256 hash, so no other inline script — say one smuggled in through imported text —
// could ever run. Run after every build: `node scripts/csp.mjs dist/index.html`.
import { readFile, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';

const file = process.argv[2] ?? 'dist/index.html';
let html = await readFile(file, 'utf8');

const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
const hashes = inline.map((code) => `'sha256-${createHash('sha256').update(code, 'utf8').digest('base64')}'`);

const policy = [
  "default-src 'self'",
  // 'wasm-unsafe-eval' lets WebAssembly compile; it allows no JavaScript eval.
  `script-src 'self' 'wasm-unsafe-eval' ${hashes.join(' ')}`.trim(),
  // The formats worker and the service worker (sw.js).
  "worker-src 'self'",
  // The web app manifest that makes the app installable.
  "manifest-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
const existing = /<meta http-equiv="Content-Security-Policy"[^>]*>/;
html = existing.test(html) ? html.replace(existing, meta) : html.replace(/<meta charset="utf-8"\s*\/?>/, (m) => `${m}\n    ${meta}`);
if (!html.includes(meta)) {
  console.error(`csp: could not place the policy in ${file}`);
  process.exit(1);
}
await writeFile(file, html);
console.log(`csp: ${file} allows ${hashes.length} inline script(s) by hash`);
