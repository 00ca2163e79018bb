// What every end-to-end test file needs: the release build served on 127.0.0.1, one headless
// Chromium, and pages that fail their test on any page or console error.
import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, access } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from './serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const dist = join(here, '..', 'dist');
export const artifacts = join(here, 'artifacts');
/** The shared reference folder beside the repository (official schemas and examples). */
export const reference = join(here, '..', '..', 'shared', 'reference');

const state = { server: null, browser: null, base: null };

/** Registers the file's before/after hooks: server and browser up once per file. */
export function useBrowser() {
  before(async () => {
    await mkdir(artifacts, { recursive: true });
    state.server = await serve(dist, 0);
    state.base = `http://127.0.0.1:${state.server.address().port}/`;
    state.browser = await chromium.launch({
      executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
      args: [
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
  });
  after(async () => {
    await state.browser?.close();
    state.server?.close();
  });
}

export const base = () => state.base;
export const browser = () => state.browser;

/**
 * Opens the app in a fresh browser context (fresh storage), failing the test on any page error
 * or console error except those matching `expected`. `init` runs in the page before the app
 * (e.g. to stub storage), with `initArg` as its argument. `colorScheme` picks the light or dark
 * theme. `serviceWorkers: 'block'` keeps the offline service worker out, for tests that stop
 * requests with `page.route` (a request the service worker answers from its cache never reaches
 * the route).
 */
export async function openApp(t, { viewport = { width: 1280, height: 720 }, init, initArg, expected = [], colorScheme = 'light', serviceWorkers = 'allow' } = {}) {
  const context = await state.browser.newContext({ viewport, acceptDownloads: true, colorScheme, serviceWorkers });
  if (init) await context.addInitScript(init, initArg);
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !expected.some((pattern) => pattern.test(m.text()))) problems.push(`console: ${m.text()}`);
  });
  t.after(async () => {
    await context.close();
    assert.deepEqual(problems, [], 'the page reported errors');
  });
  await page.goto(state.base);
  await page.locator('g.node.product').first().waitFor();
  return page;
}

/** The open workspace as a JSON value, read through the `{ }` JSON text editor. */
export async function workspaceJson(page) {
  await page.getByTestId('edit-as-text').click();
  const value = JSON.parse(await page.getByTestId('workspace-text').inputValue());
  await page.getByTestId('text-editor').getByRole('button', { name: 'Cancel' }).click();
  await page.getByTestId('text-editor').waitFor({ state: 'detached' });
  return value;
}

export async function exists(path) {
  try { await access(path); return true; } catch { return false; }
}
