// End-to-end: offline use. The service worker (public/sw.js) caches every file of the build on
// the first visit; with the network off the app then loads, edits and exports from that cache.
// A new build fills a new cache and replaces the old one once no page of the old build is open.
// The build in dist/ must have its precache list: `node scripts/precache.mjs dist` after it
// (`./dev build` runs it; after the quick development build, run it by hand).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cp, mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, browser, base, dist, artifacts } from '../harness.mjs';
import { serve } from '../serve.mjs';
import { listFiles, precacheOf, writePrecache } from '../../scripts/precache.mjs';

useBrowser();

/** A fresh browser context whose pages fail the test on page or console errors. */
async function newContext(t) {
  const context = await browser().newContext({ acceptDownloads: true });
  const problems = [];
  const watch = (page) => {
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      // The one request the test sends past the cache on purpose, to prove the network is off.
      if (m.type() === 'error' && !m.location().url.includes('not-in-the-build')) problems.push(`console: ${m.text()}`);
    });
  };
  context.on('page', watch);
  t.after(async () => {
    await context.close();
    assert.deepEqual(problems, [], 'the page reported errors');
  });
  return context;
}

/** Opens the app at `url` in a new tab of `context` and waits for the canvas. */
async function openTab(context, url) {
  const page = await context.newPage();
  await page.goto(url);
  await page.locator('g.node.product').first().waitFor();
  return page;
}

/** Evaluates `fn` until it returns a truthy value; a reload meanwhile only means another try. */
async function until(page, what, fn, arg, timeout = 30_000) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await page.evaluate(fn, arg).catch((e) => `evaluation failed: ${e.message}`);
    if (last && !String(last).startsWith('evaluation failed')) return last;
    await page.waitForTimeout(200);
  }
  assert.fail(`timed out waiting until ${what} (last: ${last})`);
}

/** The names of the app's caches, and the paths each one holds relative to the site root. */
const cacheContents = () =>
  caches.keys().then((names) =>
    Promise.all(
      names.map(async (name) => {
        const keys = await (await caches.open(name)).keys();
        return [name, keys.map((r) => new URL(r.url).pathname.slice(1)).sort()];
      }),
    ).then(Object.fromEntries),
  );

/** Waits until the page is controlled by a service worker and the build's cache is complete. */
async function untilCached(page, { version, files }) {
  await until(page, 'a service worker controls the page', () => navigator.serviceWorker.controller !== null);
  const expected = { [`dpstudio-${version}`]: files.map((f) => f.path).sort() };
  await until(page, 'the cache holds every listed file', (want) =>
    caches.keys().then((names) => names.length === 1 && names[0] === Object.keys(want)[0] &&
      caches.open(names[0]).then((c) => c.keys()).then((keys) => keys.length === Object.values(want)[0].length)), expected);
  assert.deepEqual(await page.evaluate(cacheContents), expected);
}

test('the precache list names every file of the build, and its version follows their contents', async (t) => {
  const dir = await mkdtemp(join(tmpdir(), 'dpstudio-precache-'));
  t.after(() => rm(dir, { recursive: true, force: true }));
  await mkdir(join(dir, 'templates', 'retail'), { recursive: true });
  await writeFile(join(dir, 'index.html'), '<!DOCTYPE html>');
  await writeFile(join(dir, 'split_editors.wasm'), 'part');
  await writeFile(join(dir, 'templates', 'retail', 'orders.json'), '{"v":1}');
  await writeFile(join(dir, 'sw.js'), '// the worker itself');
  await writeFile(join(dir, 'precache.js'), '// an older list');
  // The worker's own files are the browser's to keep, not the cache's.
  assert.deepEqual(await listFiles(dir), ['index.html', 'split_editors.wasm', 'templates/retail/orders.json']);

  const first = await writePrecache(dir);
  assert.equal(first.files.length, 3);
  assert.match(first.version, /^[0-9a-f]{16}$/);
  const written = await readFile(join(dir, 'precache.js'), 'utf8');
  assert.ok(written.includes(first.version) && written.includes('templates/retail/orders.json'));
  assert.equal((await precacheOf(dir)).version, first.version, 'the list itself is not part of the version');

  await writeFile(join(dir, 'templates', 'retail', 'orders.json'), '{"v":2}');
  const changed = await precacheOf(dir);
  assert.notEqual(changed.version, first.version, 'a changed file is a new version');
  await writeFile(join(dir, 'templates', 'retail', 'orders.json'), '{"v":1}');
  assert.equal((await precacheOf(dir)).version, first.version, 'the same files are the same version');
  await writeFile(join(dir, 'chunk_1.wasm'), 'shared');
  assert.notEqual((await precacheOf(dir)).version, first.version, 'an added file is a new version');

  // The build under test carries the list of exactly its files.
  const built = await precacheOf(dist);
  const shipped = await readFile(join(dist, 'precache.js'), 'utf8').catch(() => '');
  assert.ok(shipped.includes(`"version": "${built.version}"`), 'dist/precache.js is missing or stale: run `node scripts/precache.mjs dist`');
  for (const file of ['index.html', 'dpstudio-app.js', 'dpstudio-app_bg.wasm', 'dpstudio-worker_bg.wasm', 'manifest.webmanifest', 'favicon.svg', 'icons/icon-192.png', 'icons/icon-512.png']) {
    assert.ok(built.files.some((f) => f.path === file), `${file} is listed`);
  }
});

test('after the first visit the app loads, edits and exports with the network off', async (t) => {
  const context = await newContext(t);
  const page = await openTab(context, base());
  await untilCached(page, await precacheOf(dist));

  // Chromium finds the app installable (manifest, icons, start URL, service worker).
  const cdp = await context.newCDPSession(page);
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  // Test contexts are incognito, where Chromium never offers to install; nothing else may be amiss.
  assert.deepEqual(installabilityErrors.map((e) => e.errorId).filter((id) => id !== 'in-incognito'), []);

  await context.setOffline(true);
  const probe = await page.evaluate(() => fetch('/not-in-the-build').then(() => 'reached', () => 'offline'));
  assert.equal(probe, 'offline', 'the network is off for anything the cache does not hold');

  await page.reload();
  await page.locator('g.node.product').first().waitFor();
  assert.equal(await page.locator('g.node.product').count(), 4);
  assert.equal(await page.locator('.workspace-size').textContent(), '4 products · 4 contracts · 2 domains');

  // Select a product and edit it: the editors (a part of its own in the shipped build) load.
  await page.locator('g.node.product[data-product="daily-revenue"]').click();
  assert.equal(await page.locator('.inspector .panel-title').textContent(), 'Daily Revenue');
  await page.getByTestId('product-name').fill('Daily Revenue offline');
  await page.locator('g.node.product[data-product="daily-revenue"] .node-title').filter({ hasText: 'Daily Revenue offline' }).waitFor();
  await page.screenshot({ path: join(artifacts, 'offline-editing.png') });

  // The export dialog and the formats worker come from the cache too: a real zip comes out.
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.waitFor();
  assert.equal(await dialog.locator('.export-option').count(), 15);
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-target="odcs-3.2.0"]').click()]);
  const zip = await readFile(await download.path());
  assert.equal(zip.subarray(0, 2).toString(), 'PK');
  await page.getByTestId('notice').filter({ hasText: /^Downloaded .*odcs-3\.2\.0\.zip/ }).waitFor();
  await page.screenshot({ path: join(artifacts, 'offline-export.png') });

  // The manifest, read offline, describes the app and names icons that exist at their sizes.
  const manifest = await page.evaluate(async () => {
    const link = document.querySelector('link[rel="manifest"]');
    const response = await fetch(link.href);
    const json = await response.json();
    const icons = [];
    for (const icon of json.icons) {
      const img = new Image();
      img.src = new URL(icon.src, link.href).href;
      await img.decode();
      icons.push({ ...icon, natural: `${img.naturalWidth}x${img.naturalHeight}` });
    }
    return { type: response.headers.get('content-type'), ...json, icons };
  });
  assert.equal(manifest.type, 'application/manifest+json');
  assert.equal(manifest.name, 'Data Product Studio');
  assert.equal(manifest.display, 'standalone');
  assert.equal(manifest.start_url, './');
  assert.deepEqual(manifest.icons.map((i) => i.src), ['favicon.svg', 'icons/icon-192.png', 'icons/icon-512.png']);
  for (const icon of manifest.icons.filter((i) => i.type === 'image/png')) assert.equal(icon.natural, icon.sizes);
});

test("the build's files come straight from the cache, without starting the worker; pages go through it", async (t) => {
  // Why it matters: a new version told to take over waits until the old worker has stopped,
  // and a request the old worker had to start up for (the favicon, fetched as the page
  // finishes loading) kept it running and the new version waiting for minutes.
  const context = await newContext(t);
  const page = await openTab(context, base());
  await untilCached(page, await precacheOf(dist));
  const cdp = await context.newCDPSession(page);
  // Each version's running status as Chromium reports it, and how often a version started.
  const status = new Map();
  let starts = 0;
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) {
      if (v.runningStatus === 'starting' && status.get(v.versionId) !== 'starting') starts += 1;
      status.set(v.versionId, v.runningStatus);
    }
  });
  await cdp.send('ServiceWorker.enable');
  const stopped = async () => {
    await cdp.send('ServiceWorker.stopAllWorkers');
    const end = Date.now() + 10_000;
    while ([...status.values()].some((s) => s !== 'stopped')) {
      assert.ok(Date.now() < end, `the worker did not stop: ${[...status.values()]}`);
      await page.waitForTimeout(50);
    }
    starts = 0;
  };

  await stopped();
  const fetched = await page.evaluate(async () => {
    const files = ['favicon.svg', 'main.css', 'split_editors.wasm', 'templates/index.json'];
    return Promise.all(files.map((f) => fetch(f).then((r) => `${f} ${r.status}`)));
  });
  assert.deepEqual(fetched, ['favicon.svg 200', 'main.css 200', 'split_editors.wasm 200', 'templates/index.json 200']);
  await page.waitForTimeout(300);
  assert.equal(starts, 0, 'no file of the build started the worker');

  // A page does start it (the fetch handler answers any page of the app with index.html), so
  // the check above would have seen a start.
  await page.goto(`${base()}?opened=again`);
  await page.locator('g.node.product').first().waitFor();
  assert.ok(starts > 0, 'opening a page started the worker');
});

test('a new build fills a new cache and replaces the old one once no page of the old build is open', async (t) => {
  // A copy of the build, served from its own folder so the test can change it.
  const site = await mkdtemp(join(tmpdir(), 'dpstudio-site-'));
  const server = await serve(site, 0);
  t.after(async () => {
    server.close();
    await rm(site, { recursive: true, force: true });
  });
  await cp(dist, site, { recursive: true });
  const first = await writePrecache(site);
  const url = `http://127.0.0.1:${server.address().port}/`;
  const context = await newContext(t);
  const page = await openTab(context, url);
  await untilCached(page, first);

  // The next build adds a folder of files.
  await mkdir(join(site, 'notes'));
  await writeFile(join(site, 'notes', 'welcome.json'), JSON.stringify({ name: 'Welcome' }));
  const second = await writePrecache(site);
  assert.notEqual(second.version, first.version);

  // A second tab checks for updates: the new version fills its cache and waits, since the
  // first tab still runs the old build.
  const other = await openTab(context, url);
  await until(other, 'the new version is installed', () =>
    navigator.serviceWorker.getRegistration().then((r) => r?.waiting?.state === 'installed'));
  const both = await page.evaluate(cacheContents);
  assert.deepEqual(Object.keys(both).sort(), [`dpstudio-${first.version}`, `dpstudio-${second.version}`].sort());
  assert.ok(both[`dpstudio-${second.version}`].includes('notes/welcome.json'));
  assert.ok(!both[`dpstudio-${first.version}`].includes('notes/welcome.json'));
  await other.close();

  // Starting the app again in the only tab left hands over to the new version and reloads.
  await page.reload();
  await until(page, 'only the new cache is left', (name) =>
    caches.keys().then((names) => names.length === 1 && names[0] === name), `dpstudio-${second.version}`);
  await page.locator('g.node.product').first().waitFor();
  await until(page, 'the new version controls the page', () =>
    navigator.serviceWorker.getRegistration().then((r) => r?.active && !r.waiting && navigator.serviceWorker.controller?.state === 'activated'));

  await context.setOffline(true);
  await page.reload();
  await page.locator('g.node.product').first().waitFor();
  const welcome = await page.evaluate(() => fetch('/notes/welcome.json').then((r) => r.json()));
  assert.deepEqual(welcome, { name: 'Welcome' });
  await page.screenshot({ path: join(artifacts, 'offline-updated.png') });
});
