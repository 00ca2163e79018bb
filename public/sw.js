// The service worker: keeps every file of one build in a cache of its own, so that after the
// first visit the app opens and works with the network off (workshops happen on poor Wi-Fi).
//
// precache.js (written by scripts/precache.mjs after the build) lists the files and the build's
// version. The browser re-fetches it with this script on every update check, so a new build
// installs a new worker, which fills a new cache beside the old one.
//
// One page must never mix builds: the parts of the app that load on first use (the editors,
// the dialogs, the formats worker) must match the module the page started with. So a new
// version waits while a page of the old one is open and takes over when none is, or when the
// only open page asks it to right after starting, before it has loaded any part (the app does
// that, then reloads). Only then are the old version's files deleted.

const PREFIX = 'dpstudio-';

let precache = null;
try {
  importScripts('./precache.js');
  precache = self.DPSTUDIO_PRECACHE ?? null;
} catch {
  // A build without the list (the quick development build): cache nothing, stay out of the way.
}

const scope = self.registration.scope;
const CACHE = precache ? `${PREFIX}${precache.version}` : null;
const INDEX = new URL('index.html', scope).href;
const cached = new Set((precache?.files ?? []).map((file) => new URL(file.path, scope).href));

/** Hex SHA-256 of a response's body, to prove the file is the one this build listed. */
async function sha256(response) {
  const digest = await crypto.subtle.digest('SHA-256', await response.clone().arrayBuffer());
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

self.addEventListener('install', (event) => {
  if (!precache) return;
  // Where the browser can, it answers the build's files from this version's cache itself (the
  // network when the cache has no copy), without starting this worker; pages still go to the
  // fetch handler below, which answers any page of the app with index.html. Besides saving a
  // start, this keeps the handover below reliable in Chromium: a waiting version that was told
  // to skip waiting activates once the old worker has stopped, and a request the old worker
  // had to start up for (the favicon, fetched as the page finishes loading) kept it running
  // and the new version waiting for minutes.
  if (typeof event.addRoutes === 'function') {
    // A browser that has the API but refuses these rules (by throwing or by rejecting) leaves
    // everything to the fetch handler.
    try {
      Promise.resolve(
        event.addRoutes([
          { condition: { requestMode: 'navigate' }, source: 'fetch-event' },
          { condition: { requestMethod: 'GET' }, source: { cacheName: CACHE } },
        ]),
      ).catch(() => {});
    } catch {
      // As above.
    }
  }
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      await Promise.all(
        precache.files.map(async (file) => {
          const url = new URL(file.path, scope).href;
          // 'reload' skips the HTTP cache; the hash check refuses a file from another build
          // (say, a deployment half done), which fails this install: the next visit retries.
          const response = await fetch(url, { cache: 'reload' });
          if (!response.ok) throw new Error(`${file.path}: HTTP ${response.status}`);
          if ((await sha256(response)) !== file.sha256) throw new Error(`${file.path} is not the listed file`);
          await cache.put(url, response);
        }),
      );
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => name.startsWith(PREFIX) && name !== CACHE).map((name) => caches.delete(name)));
      // The first visit's page is served from the network; from now on this worker serves it.
      await self.clients.claim();
    })(),
  );
});

self.addEventListener('message', (event) => {
  if (event.data !== 'activate-now') return;
  event.waitUntil(
    (async () => {
      // A tab closed a moment ago, or the asking page's own document before a reload, can still
      // be listed for a short while: look again a few times before concluding that another page
      // runs the old build (then the new one keeps waiting for the next start).
      for (let look = 0; look < 10; look++) {
        const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
        const asking = pages.some((page) => page.id === event.source?.id);
        if (asking && pages.length === 1) {
          await self.skipWaiting();
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    })(),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (!CACHE || request.method !== 'GET') return;
  const url = new URL(request.url);
  url.hash = '';
  let key = url.href;
  if (request.mode === 'navigate' && url.href.startsWith(scope)) {
    // Any page of the app is index.html (query strings included), unless a listed file is
    // opened by itself.
    url.search = '';
    key = cached.has(url.href) ? url.href : INDEX;
  }
  if (!cached.has(key)) return;
  event.respondWith(
    (async () => {
      const hit = await caches.match(key, { cacheName: CACHE });
      return hit ?? fetch(request);
    })(),
  );
});
