// End-to-end: the problems panel lists the live diagnostics, filters them, and selects what a
// problem is about.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

test('the problems panel lists, filters and selects', async (t) => {
  const page = await openApp(t);
  await page.getByTestId('diagnostics-summary').click();
  const panel = page.getByTestId('problems');
  await panel.waitFor();
  const rows = panel.locator('button.problem');
  assert.equal(await rows.count(), 2);
  assert.deepEqual(await rows.locator('.problem-rule').allTextContents(), ['principles.product-support', 'principles.product-support']);
  assert.match(await rows.first().textContent(), /Product (Customers|Daily Revenue) · support/);
  await page.screenshot({ path: join(artifacts, 'problems-panel.png') });

  // Hiding info leaves nothing; showing it again brings both back.
  await panel.getByRole('button', { name: /^Info 2$/ }).click();
  assert.equal(await rows.count(), 0);
  await panel.getByText('✓ Nothing matches').waitFor();
  await panel.getByRole('button', { name: /^Info 2$/ }).click();
  assert.equal(await rows.count(), 2);

  // Search narrows by message or entity id.
  await panel.getByPlaceholder('Search…').fill('daily');
  assert.equal(await rows.count(), 1);

  // Choosing a problem selects its product in the inspector.
  await rows.first().click();
  assert.equal(await page.locator('.inspector .panel-title').textContent(), 'Daily Revenue');
  assert.match(await page.locator('g.node.product[data-product="daily-revenue"]').getAttribute('class'), /selected/);
});
