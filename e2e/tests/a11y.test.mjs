// End-to-end: accessibility. axe-core scans the app in each of its main states, in the light
// and the dark theme, at the projector size; no serious or critical violation may remain.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openApp } from '../harness.mjs';

useBrowser();

const axeSource = readFile(join(dirname(fileURLToPath(import.meta.url)), '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');

/** Serious and critical violations on the page as it is now, one line each. */
async function violations(page, state) {
  // Evaluated through the DevTools protocol, so the page's CSP (own scripts only) allows it.
  if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) await page.evaluate(await axeSource);
  const results = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ['violations'] });
    return r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.impact} ${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
  });
  return results.map((line) => `[${state}] ${line}`);
}

for (const colorScheme of ['light', 'dark']) {
  test(`no serious or critical axe violations (${colorScheme} theme)`, async (t) => {
    const page = await openApp(t, { colorScheme });
    const found = [];
    found.push(...(await violations(page, 'overview')));

    await page.locator('g.node.product[data-product="web-orders"]').click();
    await page.getByTestId('product-form').waitFor();
    found.push(...(await violations(page, 'product form')));

    await page.locator('g.node.product[data-product="customers"]').click({ position: { x: 40, y: 18 }, modifiers: ['Shift'] });
    await page.getByTestId('selection-summary').waitFor();
    found.push(...(await violations(page, 'selection summary')));
    await page.locator('g.node.product[data-product="web-orders"]').click({ position: { x: 40, y: 18 } });
    await page.getByTestId('product-form').waitFor();

    await page.getByTestId('open-contract').first().click();
    await page.getByTestId('contract-form').waitFor();
    await page.locator('.property-row').first().getByRole('button', { name: /^Details of/ }).click();
    found.push(...(await violations(page, 'contract form')));

    await page.getByTestId('open-context').click();
    await page.getByTestId('context-editor').waitFor();
    found.push(...(await violations(page, 'context editor')));

    await page.getByTestId('diagnostics-summary').click();
    await page.getByTestId('problems').waitFor();
    found.push(...(await violations(page, 'problems panel')));

    await page.getByTestId('show-shortcuts').click();
    await page.getByTestId('shortcuts').waitFor();
    found.push(...(await violations(page, 'shortcuts overlay')));
    await page.keyboard.press('Escape');

    await page.getByRole('button', { name: 'Export…' }).click();
    await page.getByRole('dialog').waitFor();
    found.push(...(await violations(page, 'export dialog')));

    assert.deepEqual(found, []);
  });
}

test('keyboard: ? lists the shortcuts, N adds a product, Delete removes it, Escape clears', async (t) => {
  const page = await openApp(t);
  await page.locator('body').press('?');
  const overlay = page.getByTestId('shortcuts');
  await overlay.waitFor();
  assert.match(await overlay.textContent(), /New data product/);
  await page.keyboard.press('Escape');
  await overlay.waitFor({ state: 'detached' });

  const products = page.locator('g.node.product');
  const before = await products.count();
  await page.locator('body').press('n');
  await page.getByTestId('product-form').waitFor();
  assert.equal(await products.count(), before + 1);
  // Typing goes into the focused name field, not to the shortcuts.
  await page.keyboard.type('Named by keyboard');
  assert.equal(await page.getByTestId('product-name').inputValue(), 'Named by keyboard');
  await page.locator('.inspector .panel-title').click();
  await page.keyboard.press('Delete');
  await page.waitForFunction((n) => document.querySelectorAll('g.node.product').length === n, before);
  await page.keyboard.press('Control+z');
  await page.waitForFunction((n) => document.querySelectorAll('g.node.product').length === n, before + 1);
});
