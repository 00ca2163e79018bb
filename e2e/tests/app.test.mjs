// End-to-end: the release build served on 127.0.0.1, driven in headless Chromium.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, openApp as open, artifacts } from '../harness.mjs';

useBrowser();
// A size (`{ width, height }`) opens the app in that viewport; other options go to the harness.
const openApp = (t, options = {}) => open(t, 'width' in options ? { viewport: options } : options);

const EXAMPLE_PRODUCTS = ['Web Orders', 'Customers', 'Daily Revenue', 'Customer 360'];

test('the example workspace is drawn on the canvas', async (t) => {
  const page = await openApp(t);
  const titles = await page.locator('g.node.product .node-title').allTextContents();
  assert.deepEqual([...titles].sort(), [...EXAMPLE_PRODUCTS].sort());
  assert.equal(await page.locator('g.node.system').count(), 2);
  assert.equal(await page.locator('g.node.usecase').count(), 2);
  // Two domains framed, lineage edges drawn: 2 from systems, 3 between products, 2 to use cases.
  assert.deepEqual(await page.locator('.frame text').allTextContents(), ['Sales', 'Customer']);
  assert.equal(await page.locator('path.edge').count(), 7);
  assert.equal(await page.locator('.workspace-size').textContent(), '4 products · 4 contracts · 2 domains');
  assert.match(await page.getByTestId('diagnostics-summary').textContent(), /No problems|\d+ errors?/);
  assert.equal(await page.inputValue('.workspace-name input'), 'Retail — orders & customers');
  await page.screenshot({ path: join(artifacts, 'app-overview.png') });
});

test('clicking a product opens it in the inspector and highlights its lineage', async (t) => {
  const page = await openApp(t);
  assert.equal(await page.locator('.inspector .panel-title').textContent(), 'Retail — orders & customers');
  await page.locator('g.node.product[data-product="daily-revenue"]').click();
  assert.equal(await page.locator('.inspector .panel-title').textContent(), 'Daily Revenue');
  const inspector = await page.locator('.inspector').textContent();
  assert.match(inspector, /Web Orders → orders/);
  assert.match(inspector, /Finance Analytics/);
  assert.match(await page.locator('g.node.product[data-product="daily-revenue"]').getAttribute('class'), /selected/);
  // Its input from Web Orders and its output to the weekly report are highlighted.
  assert.equal(await page.locator('path.edge.highlighted').count(), 2);
  await page.screenshot({ path: join(artifacts, 'app-selected.png') });

  // Clicking the empty background clears the selection.
  await page.mouse.click(20, 75);
  assert.equal(await page.locator('.inspector .panel-title').textContent(), 'Retail — orders & customers');
});

test('dragging a node moves it and its edges', async (t) => {
  const page = await openApp(t);
  const node = page.locator('g.node.product[data-product="customers"]');
  const before = await node.getAttribute('transform');
  const box = await node.locator('.node-body').boundingBox();
  await page.mouse.move(box.x + 60, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + 90, { steps: 6 });
  await page.mouse.up();
  const after = await node.getAttribute('transform');
  assert.notEqual(after, before);
  const [bx, by] = before.match(/[-\d.]+/g).map(Number);
  const [ax, ay] = after.match(/[-\d.]+/g).map(Number);
  assert.ok(ax > bx && ay > by, `node should move right and down: ${before} → ${after}`);

  // The move is one undo step: Ctrl+Z puts the node back, Ctrl+Shift+Z moves it again.
  await page.keyboard.press('Control+z');
  assert.equal(await node.getAttribute('transform'), before);
  await page.keyboard.press('Control+Shift+z');
  assert.equal(await node.getAttribute('transform'), after);
});

test('undo and redo buttons revert and reapply a rename', async (t) => {
  const page = await openApp(t);
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  assert.equal(await undo.isDisabled(), true, 'nothing to undo on a fresh start');
  await page.fill('.workspace-name input', 'Workshop mesh');
  await page.press('.workspace-name input', 'Enter');
  await undo.click();
  assert.equal(await page.inputValue('.workspace-name input'), 'Retail — orders & customers');
  assert.equal(await redo.isDisabled(), false);
  await redo.click();
  assert.equal(await page.inputValue('.workspace-name input'), 'Workshop mesh');
  assert.equal(await redo.isDisabled(), true);
});

test('zoom buttons change the zoom level and fit restores the whole view', async (t) => {
  const page = await openApp(t);
  const fitted = await page.locator('.zoom-level').textContent();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const zoomed = await page.locator('.zoom-level').textContent();
  assert.ok(parseInt(zoomed) > parseInt(fitted), `${zoomed} should exceed ${fitted}`);
  await page.getByRole('button', { name: 'Fit' }).click();
  assert.equal(await page.locator('.zoom-level').textContent(), fitted);
});

test('renaming the workspace and downloading it as JSON', async (t) => {
  const page = await openApp(t);
  await page.fill('.workspace-name input', 'Retail <b>mesh</b>');
  await page.press('.workspace-name input', 'Enter');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: 'Export…' }).click();
      await page.locator('.export-option[data-target="workspace-json"]').click();
    })(),
  ]);
  assert.equal(download.suggestedFilename(), 'retail-b-mesh-b.workspace.json');
  const dir = await mkdtemp(join(tmpdir(), 'dpstudio-'));
  const file = join(dir, 'ws.json');
  await download.saveAs(file);
  const saved = JSON.parse(await (await import('node:fs/promises')).readFile(file, 'utf8'));
  assert.equal(saved.name, 'Retail <b>mesh</b>');
  assert.equal(saved.formatVersion >= 1, true);
  assert.equal(saved.products.length, 4);
  // The name is text, not markup: no <b> element appeared anywhere.
  assert.equal(await page.locator('b').count(), 0);
});

test('a Content-Security-Policy lets only our own scripts run', async (t) => {
  // Chromium reports the blocked script on the console; that report is the expected outcome.
  const page = await openApp(t, { expected: [/inline script violates the following Content Security Policy/] });
  const policy = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  assert.match(policy, /script-src 'self' 'wasm-unsafe-eval' 'sha256-[A-Za-z0-9+/=]+'/);
  assert.match(policy, /object-src 'none'/);
  // The app itself runs under it (the canvas is drawn); an inline script added later does not.
  const ran = await page.evaluate(() => {
    const script = document.createElement('script');
    script.textContent = 'window.__injected = true';
    document.body.append(script);
    return window.__injected === true;
  });
  assert.equal(ran, false);
});
