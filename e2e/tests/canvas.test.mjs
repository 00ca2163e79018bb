// End-to-end: modelling on the canvas — drag a link from an output port to a product to
// connect them, auto-layout by lineage, and the impact set of an open contract or field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

const node = (page, id) => page.locator(`g.node.product[data-product="${id}"]`);

async function centre(locator) {
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

function translation(transform) {
  const [x, y] = transform.match(/translate\(([-\d.]+) ([-\d.]+)\)/).slice(1).map(Number);
  return { x, y };
}

test('dragging from an output port to a product connects them; undo disconnects', async (t) => {
  const page = await openApp(t);
  const inputs = node(page, 'daily-revenue').locator('.port-in');
  assert.equal(await inputs.count(), 1);
  const from = await centre(node(page, 'customers').locator('[data-output="customer-profiles"] circle.handle'));
  const to = await centre(node(page, 'daily-revenue').locator('.node-body'));
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  assert.equal(await page.locator('line.link-preview').count(), 1);
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
  await page.waitForFunction(() => document.querySelectorAll('g.node.product[data-product="daily-revenue"] .port-in').length === 2);
  assert.equal(await page.locator('line.link-preview').count(), 0);
  // The new input reads the upstream port and records its contract; the product is selected.
  assert.equal(await page.getByTestId('product-name').inputValue(), 'Daily Revenue');
  assert.match(await page.locator('.inspector .port-row').nth(1).textContent(), /reads contract customer-profiles v2\.0\.0/);
  await page.screenshot({ path: join(artifacts, 'canvas-connected.png') });
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction(() => document.querySelectorAll('g.node.product[data-product="daily-revenue"] .port-in').length === 1);
});

test('auto-layout arranges left to right by lineage, in one undoable step', async (t) => {
  const page = await openApp(t);
  const before = await node(page, 'customer-360').getAttribute('transform');
  await page.getByTestId('auto-layout').click();
  await page.waitForFunction((b) => document.querySelector('g.node.product[data-product="customer-360"]').getAttribute('transform') !== b, before);
  const x = async (locator) => translation(await locator.getAttribute('transform')).x;
  const system = page.locator('g.node.system').first();
  assert.ok((await x(system)) < (await x(node(page, 'web-orders'))), 'sources come first');
  assert.ok((await x(node(page, 'web-orders'))) < (await x(node(page, 'customer-360'))), 'readers sit right of what they read');
  assert.ok((await x(node(page, 'customers'))) < (await x(node(page, 'customer-360'))));
  assert.ok((await x(node(page, 'customer-360'))) < (await x(page.locator('g.node.usecase').first())), 'use cases come last');
  await page.screenshot({ path: join(artifacts, 'canvas-auto-layout.png') });
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await node(page, 'customer-360').getAttribute('transform'), before);
});

test('an open contract highlights what it reaches; a field narrows it', async (t) => {
  const page = await openApp(t);
  await node(page, 'customers').click();
  await page.getByTestId('open-contract').first().click();
  await page.getByTestId('impact').waitFor();
  assert.match(await page.getByTestId('impact').textContent(), /Customer 360/);
  assert.match(await node(page, 'customer-360').getAttribute('class'), /impacted/);
  assert.match(await node(page, 'daily-revenue').getAttribute('class'), /dimmed/);
  assert.match(await page.locator('g.node.usecase').filter({ hasText: 'Churn' }).getAttribute('class'), /impacted/);
  await page.screenshot({ path: join(artifacts, 'canvas-impact.png') });
  // One field: the heading names it.
  await page.locator('.property-row').first().getByRole('button', { name: /^Impact of/ }).click();
  assert.match(await page.getByTestId('impact').textContent(), /Impact of field /);
});

test('the minimap shows the whole mesh and moves the view', async (t) => {
  const page = await openApp(t);
  const map = page.getByTestId('minimap');
  await map.waitFor();
  assert.equal(await map.locator('rect.minimap-view').count(), 1);
  const view = page.locator('svg.canvas-svg > g[transform]');
  const before = await view.getAttribute('transform');
  const box = await map.boundingBox();
  await page.mouse.click(box.x + box.width - 10, box.y + 10);
  assert.notEqual(await view.getAttribute('transform'), before);
});

test('the canvas exports as an SVG and a PNG picture of the whole mesh', async (t) => {
  const { readFile } = await import('node:fs/promises');
  const page = await openApp(t);
  await page.getByRole('button', { name: 'Export…' }).click();
  let download = page.waitForEvent('download');
  await page.locator('[data-target="canvas-svg"]').click();
  const svgFile = await (await download).path();
  const svg = await readFile(svgFile, 'utf8');
  assert.match(svg, /^<svg[^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  assert.match(svg, /viewBox="[-\d]+ [-\d]+ \d+ \d+"/);
  assert.ok(svg.includes('Web Orders') && svg.includes('Customer 360'), 'every product is in the picture');
  assert.ok(!svg.includes('class="'), 'styles are written onto the elements, no stylesheet needed');

  // The dialog stays open for the next download.
  download = page.waitForEvent('download');
  await page.locator('[data-target="canvas-png"]').click();
  const png = await readFile(await (await download).path());
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const width = png.readUInt32BE(16);
  assert.ok(width > 1000, `a wide picture at twice the size (${width} px)`);
});
