// End-to-end: never lose work — autosave to the browser's storage, restore on reload, and what
// happens when storage is damaged or full.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

const KEY = 'dpstudio.workspace';

async function rename(page, name) {
  await page.fill('.workspace-name input', name);
  await page.press('.workspace-name input', 'Enter');
}

test('a change survives a reload', async (t) => {
  const page = await openApp(t);
  await rename(page, 'Kept across reloads');
  // Moving a node is saved too.
  const node = page.locator('g.node.product[data-product="customers"]');
  const before = await node.getAttribute('transform');
  const box = await node.boundingBox();
  await page.mouse.move(box.x + 20, box.y + 20);
  await page.mouse.down();
  await page.mouse.move(box.x + 140, box.y + 90, { steps: 5 });
  await page.mouse.up();
  const moved = await node.getAttribute('transform');
  assert.notEqual(moved, before);
  await page.waitForFunction((key) => (localStorage.getItem(key) ?? '').includes('Kept across reloads'), KEY);
  await page.waitForTimeout(600);
  await page.reload();
  await page.locator('g.node.product').first().waitFor();
  assert.equal(await page.inputValue('.workspace-name input'), 'Kept across reloads');
  assert.equal(await node.getAttribute('transform'), moved);
});

test('damaged stored data: the example opens, a notice explains, the text is kept', async (t) => {
  const page = await openApp(t);
  await page.evaluate((key) => localStorage.setItem(key, '{"formatVersion": 2, "products": 7'), KEY);
  await page.reload();
  await page.locator('g.node.product').first().waitFor();
  const notice = page.getByTestId('notice');
  await notice.filter({ hasText: 'The last workspace could not be restored; the example is open instead.' }).waitFor();
  assert.match(await notice.textContent(), /The stored workspace is damaged/);
  assert.equal(await page.locator('g.node.product').count(), 4);
  assert.equal(await page.evaluate(() => localStorage.getItem('dpstudio.workspace.unreadable')), '{"formatVersion": 2, "products": 7');
  await page.screenshot({ path: join(artifacts, 'autosave-damaged.png') });
});

test('full storage: a notice, the work stays in the tab, and it can still be downloaded', async (t) => {
  const page = await openApp(t, {
    init: () => {
      const original = Storage.prototype.setItem;
      Storage.prototype.setItem = function (key, value) {
        if (key === 'dpstudio.workspace') throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        return original.call(this, key, value);
      };
    },
  });
  await rename(page, 'Too big to store');
  const notice = page.getByTestId('notice').filter({ hasText: 'Your changes are not being saved in this browser.' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /storage is full/);
  assert.equal(await page.inputValue('.workspace-name input'), 'Too big to store');
  await page.screenshot({ path: join(artifacts, 'autosave-full.png') });
  await page.getByRole('button', { name: 'Export…' }).click();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('.export-option[data-target="workspace-json"]').click(),
  ]);
  assert.equal(download.suggestedFilename(), 'too-big-to-store.workspace.json');
});
