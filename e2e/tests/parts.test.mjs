// End-to-end: parts of the app that load on first use (the editors, the dialogs) and cannot be
// fetched — the network dropped before the service worker had cached them, say. What needs
// them says so and keeps the work; once the network is back, asking again fetches them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

// A refused fetch is logged by the browser and by the part loader.
const refused = [/Failed to load resource/, /ERR_FAILED/, /Failed to fetch/];
const product = (page, id) => page.locator(`g.node.product[data-product="${id}"]`);
const productCount = (page) => page.locator('g.node.product').count();

test('pasting without the editors part says so; after the network is back it pastes', async (t) => {
  const page = await openApp(t, { expected: refused, serviceWorkers: 'block' });
  await page.route('**/split_editors.wasm', (route) => route.abort());

  // The inspector needs the editors: it offers a retry instead of a form.
  await product(page, 'web-orders').click({ position: { x: 40, y: 18 } });
  const failed = page.locator('.inspector .part-failed');
  await failed.waitFor();
  assert.match(await failed.textContent(), /could not be loaded.*your work is kept/);

  // Duplicating pastes through the editors part: a notice says why nothing happened.
  await page.keyboard.press('Control+d');
  const notice = page.getByTestId('notice').filter({ hasText: 'Pasting needs a part of the app that could not be loaded' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /Check the connection and try again; your work is kept\./);
  assert.equal(await notice.getAttribute('role'), 'alert');
  assert.equal(await productCount(page), 4, 'nothing was pasted');
  await page.screenshot({ path: join(artifacts, 'part-unavailable.png') });

  // The network is back: the same keys fetch the part and paste, and the inspector fills in.
  await page.unroute('**/split_editors.wasm');
  await page.keyboard.press('Control+d');
  await page.waitForFunction(() => document.querySelectorAll('g.node.product').length === 5);
  await page.locator('g.node.product[data-product="web-orders-copy"]').waitFor();
  await page.getByTestId('product-form').waitFor();
  assert.equal(await page.locator('.inspector .part-failed').count(), 0);
});

test("the inspector's Try again fetches the editors once the network is back", async (t) => {
  const page = await openApp(t, { expected: refused, serviceWorkers: 'block' });
  await page.route('**/split_editors.wasm', (route) => route.abort());
  await product(page, 'daily-revenue').click({ position: { x: 40, y: 18 } });
  const failed = page.locator('.inspector .part-failed');
  await failed.waitFor();
  await page.unroute('**/split_editors.wasm');
  await failed.getByRole('button', { name: 'Try again' }).click();
  await page.getByTestId('product-name').waitFor();
  assert.equal(await page.getByTestId('product-name').inputValue(), 'Daily Revenue');
});

test('importing without the dialogs part says so and imports nothing; picked again, it imports', async (t) => {
  const page = await openApp(t, { expected: refused, serviceWorkers: 'block' });
  await page.route('**/split_dialogs.wasm', (route) => route.abort());
  const contract = {
    name: 'returns.odcs.yaml',
    mimeType: 'application/yaml',
    buffer: Buffer.from('apiVersion: v3.1.0\nkind: DataContract\nid: returns\nname: Returns\nversion: 1.0.0\nstatus: draft\nschema:\n  - name: returns\n    properties:\n      - name: return_id\n        logicalType: string\n'),
  };
  const size = () => page.locator('.workspace-size').textContent();
  assert.equal(await size(), '4 products · 4 contracts · 2 domains');

  await page.getByTestId('import-input').setInputFiles(contract);
  const notice = page.getByTestId('notice').filter({ hasText: 'Importing needs a part of the app that could not be loaded' });
  await notice.waitFor();
  assert.equal(await size(), '4 products · 4 contracts · 2 domains');

  await page.unroute('**/split_dialogs.wasm');
  await page.getByTestId('import-input').setInputFiles(contract);
  await page.getByTestId('notice').filter({ hasText: /^Imported 1 file/ }).waitFor();
  assert.equal(await size(), '4 products · 5 contracts · 2 domains');
});
