// Benchmarks in a real browser, printed as figures (goals in the comments; no timing asserts):
// opening the generated 1,000-product workspace (time to first render), frame times while
// panning it (goal ≥ 50 fps), and keystroke → updated diagnostics on a 100-product workspace
// (goal ≤ 16 ms). The workspaces come from `dpstudio generate`, handed to the app as its
// stored workspace.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openApp } from '../harness.mjs';

useBrowser();

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A generated workspace as compact JSON (key order kept). */
function generated(products) {
  const pretty = execFileSync('cargo', ['run', '-q', '-p', 'dpstudio-cli', '--', 'generate', '--products', String(products), '--seed', '1'], {
    cwd: root,
    maxBuffer: 1 << 30,
    encoding: 'utf8',
  });
  return JSON.stringify(JSON.parse(pretty));
}

/** Serves `text` as the stored workspace and keeps autosave from writing it back (too big). */
function storedWorkspace(text) {
  const getItem = Storage.prototype.getItem;
  const setItem = Storage.prototype.setItem;
  Storage.prototype.getItem = function (key) {
    return key === 'dpstudio.workspace' ? text : getItem.call(this, key);
  };
  Storage.prototype.setItem = function (key, value) {
    if (key !== 'dpstudio.workspace') setItem.call(this, key, value);
  };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const percentile = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

test('1,000 products: time to first render and frame times while panning', async (t) => {
  const text = generated(1000);
  const page = await openApp(t, { init: storedWorkspace, initArg: text });
  const products = JSON.parse(text).products.length;
  await page.waitForFunction((n) => document.querySelectorAll('g.node.product').length === n, products, { timeout: 120_000 });
  const firstRender = await page.evaluate(() => performance.now());

  const canvas = await page.locator('svg.canvas-svg').boundingBox();
  const before = await page.locator('svg.canvas-svg > g[transform]').getAttribute('transform');
  const frames = page.evaluate(() => new Promise((resolve) => {
    const stamps = [];
    const tick = (now) => {
      stamps.push(now);
      if (stamps.length < 90) requestAnimationFrame(tick); else resolve(stamps);
    };
    requestAnimationFrame(tick);
  }));
  // Pan with Space + drag (nodes cover the canvas) while frames are recorded.
  const start = { x: canvas.x + canvas.width / 2, y: canvas.y + canvas.height / 2 };
  await page.mouse.move(start.x, start.y);
  await page.keyboard.down('Space');
  await page.mouse.down();
  for (let i = 1; i <= 60; i++) await page.mouse.move(start.x + i * 6, start.y - i * 3);
  await page.mouse.up();
  await page.keyboard.up('Space');
  const stamps = await frames;
  const intervals = stamps.slice(1).map((s, i) => s - stamps[i]);
  const mean = intervals.reduce((a, b) => a + b, 0) / intervals.length;
  console.log(`bench: ${products} products (${(text.length / 1e6).toFixed(1)} MB JSON): first render ${(firstRender / 1000).toFixed(2)} s after navigation`);
  console.log(`bench: panning ${intervals.length} frames: median ${median(intervals).toFixed(1)} ms, p95 ${percentile(intervals, 0.95).toFixed(1)} ms, ${(1000 / mean).toFixed(0)} fps (goal >= 50)`);
  assert.equal(intervals.length, 89);
  // Space + drag panned rather than moved a node.
  assert.notEqual(await page.locator('svg.canvas-svg > g[transform]').getAttribute('transform'), before);
});

test('100 products: keystroke to updated diagnostics', async (t) => {
  const text = generated(100);
  const page = await openApp(t, { init: storedWorkspace, initArg: text });
  const first = JSON.parse(text).products[0].id;
  await page.locator(`g.node.product[data-product="${first}"]`).click();
  const input = page.getByTestId('product-name');
  await input.focus();
  const timings = await page.evaluate(async () => {
    const input = document.querySelector('[data-testid="product-name"]');
    const summary = document.querySelector('[data-testid="diagnostics-summary"]');
    const settled = () => new Promise((resolve) => { const c = new MessageChannel(); c.port1.onmessage = resolve; c.port2.postMessage(0); });
    const out = [];
    for (let i = 0; i < 40; i++) {
      // Every other keystroke empties the name, so the "product name" diagnostic comes and goes.
      const before = summary.textContent;
      const start = performance.now();
      input.value = i % 2 === 0 ? '' : 'Renamed product';
      input.dispatchEvent(new Event('input', { bubbles: true }));
      await settled();
      out.push({ ms: performance.now() - start, changed: summary.textContent !== before });
    }
    return out;
  });
  const ms = timings.map((x) => x.ms);
  assert.ok(timings.some((x) => x.changed), 'the diagnostics count followed the edits');
  console.log(`bench: 100 products, keystroke to updated diagnostics: median ${median(ms).toFixed(2)} ms, p95 ${percentile(ms, 0.95).toFixed(2)} ms, max ${Math.max(...ms).toFixed(2)} ms (goal <= 16)`);
});
