// End-to-end: several workspaces in one browser — new, switch, duplicate, rename, delete — and
// the open one survives a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

test('new, switch, duplicate, rename and delete workspaces', async (t) => {
  const page = await openApp(t);
  await page.fill('.workspace-name input', 'Retail design');
  await page.press('.workspace-name input', 'Enter');

  // A new blank workspace (the gallery's blank card): the retail one is put away.
  await page.getByTestId('open-workspaces').click();
  await page.getByTestId('new-workspace').click();
  await page.getByTestId('template-blank').click();
  await page.waitForFunction(() => document.querySelectorAll('g.node.product').length === 0);
  assert.equal(await page.inputValue('.workspace-name input'), 'Untitled workspace');

  // Design something small in it, then switch back.
  await page.getByTestId('add-product').click();
  await page.getByTestId('product-name').fill('Telemetry');
  await page.getByTestId('open-workspaces').click();
  const rows = page.getByTestId('library-row');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().locator('input').inputValue(), 'Retail design');
  await rows.first().getByRole('button', { name: 'Open' }).click();
  await page.waitForFunction(() => document.querySelectorAll('g.node.product').length === 4);
  assert.equal(await page.inputValue('.workspace-name input'), 'Retail design');
  // Switching starts a fresh undo history.
  assert.equal(await page.getByRole('button', { name: 'Undo' }).isDisabled(), true);

  // Duplicate the open one, rename the copy, delete it.
  await page.getByTestId('open-workspaces').click();
  await page.getByTestId('duplicate-workspace').click();
  await rows.filter({ has: page.locator('input[aria-label="Name of Retail design (copy)"]') }).waitFor();
  assert.equal(await rows.count(), 2);
  const copy = page.locator('input[aria-label="Name of Retail design (copy)"]');
  await copy.fill('Retail, what-if');
  await copy.press('Enter');
  await page.locator('input[aria-label="Name of Retail, what-if"]').waitFor();
  await page.screenshot({ path: join(artifacts, 'workspaces.png') });
  await page.getByRole('button', { name: 'Delete Retail, what-if' }).click();
  await page.waitForFunction(() => document.querySelectorAll('[data-testid="library-row"]').length === 1);

  // The other workspace still opens with its product.
  await rows.first().getByRole('button', { name: 'Open' }).click();
  await page.locator('g.node.product').filter({ hasText: 'Telemetry' }).waitFor();
  await page.waitForFunction(() => (localStorage.getItem('dpstudio.workspace') ?? '').includes('Telemetry'));
  await page.reload();
  await page.locator('g.node.product').filter({ hasText: 'Telemetry' }).waitFor();
});
