// End-to-end: several nodes at once — shift-click and box selection, moving, deleting, copy
// and paste (through the page's clipboard events) and duplicating them, each one undo step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

const product = (page, id) => page.locator(`g.node.product[data-product="${id}"]`);
const system = (page, name) => page.locator('g.node.system').filter({ hasText: name });
const selectedProducts = (page) => page.locator('g.node.product.selected').evaluateAll((els) => els.map((e) => e.dataset.product).sort());
const selectedCount = (page) => page.locator('g.node.selected').count();

function translation(transform) {
  const [x, y] = transform.match(/translate\(([-\d.]+) ([-\d.]+)\)/).slice(1).map(Number);
  return { x, y };
}
const at = async (locator) => translation(await locator.getAttribute('transform'));

/** Presses a node on its title, clear of the port handles. */
async function press(page, locator, modifiers = []) {
  const box = await locator.boundingBox();
  await locator.click({ position: { x: 40, y: 18 }, modifiers });
  return box;
}

/** The autosaved workspace once `ready` holds for it (autosave settles after 400 ms). */
async function saved(page, ready) {
  for (let tries = 0; tries < 100; tries++) {
    const text = await page.evaluate(() => localStorage.getItem('dpstudio.workspace'));
    const ws = text ? JSON.parse(text) : null;
    if (ws && ready(ws)) return ws;
    await page.waitForTimeout(100);
  }
  return assert.fail('the workspace was never saved as expected');
}

const productCount = (n) => (page) => page.waitForFunction((n) => document.querySelectorAll('g.node.product').length === n, n);

test('shift-click selects several nodes; the inspector sums them up; Escape clears', async (t) => {
  const page = await openApp(t);
  await press(page, product(page, 'web-orders'));
  await press(page, product(page, 'customers'), ['Shift']);
  await press(page, system(page, 'CRM'), ['Control']);
  assert.deepEqual(await selectedProducts(page), ['customers', 'web-orders']);
  assert.equal(await selectedCount(page), 3);
  const summary = page.getByTestId('selection-summary');
  assert.match(await summary.locator('h2').textContent(), /^2 products, 1 source system selected$/);
  assert.match(await summary.textContent(), /Web Orders[\s\S]*Customers/);
  assert.match(await page.getByTestId('canvas-announcement').textContent(), /2 products, 1 source system selected/);
  for (const name of ['Copy', 'Duplicate', 'Delete']) await summary.getByRole('button', { name }).waitFor();

  // Shift-click again takes one out; down to one node, the inspector shows its form.
  await press(page, system(page, 'CRM'), ['Shift']);
  await press(page, product(page, 'customers'), ['Shift']);
  assert.deepEqual(await selectedProducts(page), ['web-orders']);
  assert.equal(await page.getByTestId('product-name').inputValue(), 'Web Orders');

  await press(page, product(page, 'customers'), ['Shift']);
  assert.equal(await selectedCount(page), 2);
  // A plain click on one of them selects it alone.
  await press(page, product(page, 'customers'));
  assert.deepEqual(await selectedProducts(page), ['customers']);
  await press(page, product(page, 'web-orders'), ['Shift']);
  await page.keyboard.press('Escape');
  assert.equal(await selectedCount(page), 0);
  assert.equal(await summary.count(), 0);
});

test('shift-dragging a box on the background selects exactly the nodes it touches, under pan and zoom', async (t) => {
  const page = await openApp(t);
  const canvas = page.locator('svg.canvas-svg');
  const box = await canvas.boundingBox();
  // Pan a little, then zoom in, so the box must be mapped through both.
  const view = page.locator('svg.canvas-svg > g[transform]');
  const fitted = await view.getAttribute('transform');
  await page.mouse.move(box.x + box.width / 2, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 50, box.y + 32, { steps: 4 });
  await page.mouse.up();
  assert.notEqual(await view.getAttribute('transform'), fitted, 'panned');
  await page.getByRole('button', { name: 'Zoom in' }).click();

  const orders = await product(page, 'web-orders').boundingBox();
  const customers = await product(page, 'customers').boundingBox();
  const from = { x: orders.x - 12, y: orders.y - 8 };
  const to = { x: customers.x + customers.width + 12, y: customers.y + customers.height + 8 };
  await page.keyboard.down('Shift');
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  const band = page.getByTestId('marquee');
  assert.equal(await band.count(), 1, 'the rubber band is drawn while dragging');
  const drawn = await band.boundingBox();
  assert.ok(Math.abs(drawn.x - from.x) < 2 && Math.abs(drawn.width - (to.x - from.x)) < 2, 'the band follows the pointer');
  await page.screenshot({ path: join(artifacts, 'canvas-box-select.png') });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  assert.equal(await band.count(), 0);
  assert.deepEqual(await selectedProducts(page), ['customers', 'web-orders']);
  assert.equal(await selectedCount(page), 2, 'no source system or use case was touched');
  assert.match(await page.getByTestId('selection-summary').locator('h2').textContent(), /^2 products selected$/);
  await page.screenshot({ path: join(artifacts, 'canvas-multi-selection.png') });

  // Another box with Shift adds to the selection.
  const revenue = await product(page, 'daily-revenue').boundingBox();
  await page.keyboard.down('Shift');
  await page.mouse.move(revenue.x + revenue.width + 10, revenue.y - 8);
  await page.mouse.down();
  await page.mouse.move(revenue.x + revenue.width - 20, revenue.y + 20, { steps: 4 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  assert.deepEqual(await selectedProducts(page), ['customers', 'daily-revenue', 'web-orders']);

  // A plain drag on the background still pans and keeps the selection; a click clears it.
  const before = await view.getAttribute('transform');
  const empty = { x: box.x + box.width / 2, y: box.y + 12 };
  await page.mouse.move(empty.x, empty.y);
  await page.mouse.down();
  await page.mouse.move(empty.x - 40, empty.y + 10, { steps: 4 });
  await page.mouse.up();
  assert.notEqual(await view.getAttribute('transform'), before);
  assert.equal(await selectedCount(page), 3);
  await page.mouse.click(empty.x, empty.y);
  assert.equal(await selectedCount(page), 0);
});

test('dragging one of several selected nodes moves them all; one undo puts them back', async (t) => {
  const page = await openApp(t);
  await press(page, product(page, 'web-orders'));
  await press(page, product(page, 'customers'), ['Shift']);
  await press(page, system(page, 'Web shop'), ['Shift']);
  const moved = [product(page, 'web-orders'), product(page, 'customers'), system(page, 'Web shop')];
  const before = await Promise.all(moved.map(at));
  const still = await at(product(page, 'daily-revenue'));

  const grip = await product(page, 'customers').boundingBox();
  await page.mouse.move(grip.x + 40, grip.y + 18);
  await page.mouse.down();
  await page.mouse.move(grip.x + 100, grip.y + 58, { steps: 6 });
  await page.mouse.up();

  const after = await Promise.all(moved.map(at));
  const dx = after[0].x - before[0].x;
  const dy = after[0].y - before[0].y;
  assert.ok(dx > 20 && dy > 10, `moved by ${dx}, ${dy}`);
  for (let i = 1; i < moved.length; i++) {
    assert.ok(Math.abs(after[i].x - before[i].x - dx) < 0.01 && Math.abs(after[i].y - before[i].y - dy) < 0.01, 'all by the same amount');
  }
  assert.deepEqual(await at(product(page, 'daily-revenue')), still, 'unselected nodes stay');
  assert.equal(await selectedCount(page), 3, 'the selection survives the drag');

  await page.keyboard.press('Control+z');
  assert.deepEqual(await Promise.all(moved.map(at)), before, 'one undo step restores every node');
  await page.keyboard.press('Control+Shift+z');
  assert.deepEqual(await Promise.all(moved.map(at)), after);
});

test('Delete removes every selected node in one step; undo brings them all back', async (t) => {
  const page = await openApp(t);
  await press(page, product(page, 'web-orders'));
  await press(page, product(page, 'customer-360'), ['Shift']);
  await press(page, system(page, 'CRM'), ['Shift']);
  await press(page, page.locator('g.node.usecase').filter({ hasText: 'Churn' }), ['Shift']);
  await page.keyboard.press('Delete');
  await productCount(2)(page);
  assert.equal(await page.locator('g.node.system').count(), 1);
  assert.equal(await page.locator('g.node.usecase').count(), 1);
  assert.equal(await page.getByTestId('selection-summary').count(), 0);
  assert.match(await page.getByTestId('canvas-announcement').textContent(), /Deleted 2 products, 1 source system, 1 use case/);

  await page.keyboard.press('Control+z');
  await productCount(4)(page);
  assert.equal(await page.locator('g.node.system').count(), 2);
  assert.equal(await page.locator('g.node.usecase').count(), 2);
  const ws = await saved(page, (ws) => ws.products.length === 4);
  assert.ok(ws.layout.nodes['product:web-orders'] && ws.layout.nodes['usecase:churn-campaigns'], 'positions are back too');

  // Backspace works too, and the summary's button.
  await press(page, product(page, 'web-orders'));
  await press(page, product(page, 'customers'), ['Shift']);
  await page.keyboard.press('Backspace');
  await productCount(2)(page);
  await page.keyboard.press('Control+z');
  await productCount(4)(page);
  await press(page, product(page, 'web-orders'));
  await press(page, product(page, 'customers'), ['Shift']);
  await page.getByTestId('delete-selection').click();
  await productCount(2)(page);
});

test('Ctrl+C then Ctrl+V pastes copies with their contracts, wired to each other; undo removes the paste', async (t) => {
  const page = await openApp(t);
  await press(page, product(page, 'web-orders'));
  await press(page, product(page, 'daily-revenue'), ['Shift']);
  await page.keyboard.press('Control+c');
  assert.match(await page.getByTestId('canvas-announcement').textContent(), /Copied 2 products/);
  const origin = await at(product(page, 'web-orders'));
  await page.keyboard.press('Control+v');
  await productCount(6)(page);

  // The copies are new nodes, placed a step off the originals, and they are what is selected.
  assert.deepEqual(await selectedProducts(page), ['daily-revenue-copy', 'web-orders-copy']);
  assert.deepEqual(await at(product(page, 'web-orders-copy')), { x: origin.x + 40, y: origin.y + 40 });
  assert.match(await product(page, 'web-orders-copy').textContent(), /Web Orders \(copy\)/);
  assert.match(await product(page, 'daily-revenue-copy').textContent(), /Daily Revenue \(copy\)/);

  const ws = await saved(page, (ws) => ws.products.length === 6);
  const copy = (id) => ws.products.find((p) => p.id === id);
  const orders = copy('web-orders-copy');
  const revenue = copy('daily-revenue-copy');
  assert.equal(orders.name, 'Web Orders (copy)');
  // Each copy publishes a copy of its contract, bound to its output port.
  assert.equal(orders.outputPorts[0].contract.id, 'orders-copy');
  const contract = ws.contracts.find((c) => c.id === 'orders-copy');
  assert.ok(contract, 'the contract was pasted');
  assert.equal(contract.dataProduct, 'web-orders-copy');
  assert.equal(ws.contracts.length, 6, 'two contracts copied (two revenue ports share one)');
  // The copied reader reads the copied upstream, and the original keeps reading the original.
  assert.deepEqual(revenue.inputPorts[0].source, { type: 'product', product: 'web-orders-copy', port: 'orders-table' });
  assert.equal(revenue.inputPorts[0].contract.id, 'orders-copy');
  assert.equal(ws.products.find((p) => p.id === 'daily-revenue').inputPorts[0].source.product, 'web-orders');
  // Outside the copied set: web orders still reads the original source system.
  assert.deepEqual(orders.inputPorts[0].source, { type: 'system', system: 'webshop' });

  // The inspector of the pasted reader names the copied contract.
  await press(page, product(page, 'daily-revenue-copy'));
  assert.match(await page.locator('.inspector .port-row').first().textContent(), /reads contract orders-copy/);

  // Pasting again cascades and names the next copy.
  await page.keyboard.press('Control+v');
  await productCount(8)(page);
  assert.deepEqual(await at(product(page, 'web-orders-copy-2')), { x: origin.x + 80, y: origin.y + 80 });
  assert.match(await product(page, 'web-orders-copy-2').textContent(), /Web Orders \(copy 2\)/);

  await page.keyboard.press('Control+z');
  await productCount(6)(page);
  assert.equal(await page.getByTestId('selection-summary').locator('h2').textContent(), 'The selected nodes no longer exist');
  await page.keyboard.press('Control+z');
  await productCount(4)(page);
  await saved(page, (ws) => ws.products.length === 4 && ws.contracts.length === 4);
});

test('copy and paste leave text fields and foreign text alone', async (t) => {
  const page = await openApp(t);
  await press(page, product(page, 'customers'));
  await press(page, product(page, 'web-orders'), ['Shift']);
  await page.getByTestId('copy-selection').click();
  assert.match(await page.getByTestId('canvas-announcement').textContent(), /Copied 2 products/);

  // Pasting into a text field pastes the text there, not nodes.
  await press(page, product(page, 'customers'));
  const name = page.getByTestId('product-name');
  await name.fill('');
  await name.focus();
  await page.keyboard.press('Control+v');
  assert.match(await name.inputValue(), /^\{"dpstudio-clipboard":1/);
  assert.equal(await page.locator('g.node.product').count(), 4);

  // Text that is not ours, pasted on the canvas, changes nothing.
  await page.evaluate(() => document.activeElement.blur());
  const handled = await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '{"products": [{"id": "x", "name": "Sneaky"}]}');
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.equal(handled, false);
  assert.equal(await page.locator('g.node.product').count(), 4);

  // Our payload from another tab or workspace pastes; references it cannot resolve are dropped.
  const pasted = await page.evaluate(() => {
    const fragment = {
      'dpstudio-clipboard': 1,
      products: [{ id: 'elsewhere', name: 'Elsewhere', inputPorts: [{ id: 'in', name: 'In', source: { type: 'product', product: 'ghost', port: 'p' } }] }],
      positions: { 'product:elsewhere': { x: 100000, y: 100000 } },
    };
    const data = new DataTransfer();
    data.setData('text/plain', JSON.stringify(fragment));
    const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
    document.body.dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.equal(pasted, true);
  await productCount(5)(page);
  const ws = await saved(page, (ws) => ws.products.length === 5);
  const foreign = ws.products.find((p) => p.name === 'Elsewhere (copy)');
  assert.deepEqual(foreign.inputPorts[0].source, { type: 'system', system: '' }, 'the port stays, reading nothing');
  // Its far-away position is out of sight, so it lands in the middle of the view instead.
  const node = await product(page, foreign.id).boundingBox();
  const canvas = await page.locator('svg.canvas-svg').boundingBox();
  assert.ok(node.x > canvas.x && node.x < canvas.x + canvas.width && node.y > canvas.y && node.y < canvas.y + canvas.height, 'pasted in view');

  // A payload from a newer studio is refused with a notice.
  await page.evaluate(() => {
    const data = new DataTransfer();
    data.setData('text/plain', '{"dpstudio-clipboard": 99}');
    document.body.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  });
  await page.getByText('Nothing was pasted').waitFor();
  assert.equal(await page.locator('g.node.product').count(), 5);
});

test('Ctrl+D duplicates the selection in one undoable step', async (t) => {
  const page = await openApp(t);
  await press(page, product(page, 'customers'));
  await press(page, system(page, 'CRM'), ['Shift']);
  await page.keyboard.press('Control+d');
  await productCount(5)(page);
  assert.equal(await page.locator('g.node.system').count(), 3);
  assert.deepEqual(await selectedProducts(page), ['customers-copy']);
  assert.equal(await selectedCount(page), 2);
  const ws = await saved(page, (ws) => ws.products.length === 5);
  const copy = ws.products.find((p) => p.id === 'customers-copy');
  const crm = ws.context.sourceSystems.find((s) => s.name === 'CRM (copy)');
  assert.deepEqual(copy.inputPorts[0].source, { type: 'system', system: crm.id }, 'the copy reads the copied system');
  await page.keyboard.press('Control+z');
  await productCount(4)(page);
  assert.equal(await page.locator('g.node.system').count(), 2);
});

test('Ctrl+A selects every node; Ctrl+X cuts the selection in one step; Ctrl+V pastes it back', async (t) => {
  const page = await openApp(t);
  await press(page, product(page, 'web-orders'));
  await page.keyboard.press('Control+a');
  assert.equal(await selectedCount(page), 8);
  assert.match(await page.getByTestId('selection-summary').textContent(), /4 products, 2 source systems, 2 use cases selected/);

  await press(page, product(page, 'customers'));
  await press(page, product(page, 'customer-360'), ['Shift']);
  await page.keyboard.press('Control+x');
  await productCount(2)(page);
  assert.match(await page.getByTestId('canvas-announcement').textContent(), /Deleted 2 products/);
  await page.keyboard.press('Control+v');
  await productCount(4)(page);
  assert.deepEqual((await page.locator('g.node.product.selected .node-title').allTextContents()).sort(), ['Customer 360 (copy)', 'Customers (copy)']);
  // Undo takes back the paste, then the cut.
  await page.keyboard.press('Control+z');
  await productCount(2)(page);
  await page.keyboard.press('Control+z');
  await productCount(4)(page);
  assert.equal(await product(page, 'customers').count(), 1);
});

test('the shortcuts overlay lists the selection keys', async (t) => {
  const page = await openApp(t);
  await page.locator('body').press('?');
  const overlay = page.getByTestId('shortcuts');
  await overlay.waitFor();
  const text = await overlay.textContent();
  for (const pattern of [/Shift\/Ctrl\/⌘ click/, /Shift \+ drag background/, /Ctrl\/⌘ A/, /Ctrl\/⌘ C, X, V/, /Ctrl\/⌘ D/, /Move all selected nodes/]) {
    assert.match(text, pattern);
  }
});
