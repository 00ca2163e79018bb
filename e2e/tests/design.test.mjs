// End-to-end: designing from scratch with the forms — a product, its output port, a new
// contract with fields, a diagnostic that appears and disappears as the model changes, undo and
// redo of typing, the business context, and a diagnostic that opens its form at the field.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

const problems = (page) => page.locator('.inspector .diagnostics .diagnostic-message').allTextContents();

test('create a product, an output port, a contract and fields; watch the checks follow', async (t) => {
  const page = await openApp(t);
  await page.getByTestId('add-product').click();
  const form = page.getByTestId('product-form');
  await form.waitFor();
  // The new product's name is focused and selected, ready to type over.
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'product-name');
  await page.keyboard.type('Shipments');
  const node = page.locator('g.node.product[data-product="new-product"]');
  await node.filter({ hasText: 'Shipments' }).waitFor();

  // No owner yet: a diagnostic says so; choosing a team makes it go away.
  const ownerProblem = /names no owner|has no owner/;
  assert.ok((await problems(page)).some((m) => ownerProblem.test(m)), `owner diagnostic expected in ${await problems(page)}`);
  await page.getByTestId('product-owner').selectOption({ index: 1 });
  await page.waitForFunction(() => ![...document.querySelectorAll('.inspector .diagnostic-message')].some((e) => /owner/.test(e.textContent)));

  // An output port, then a new contract for it: the contract editor opens.
  await page.getByTestId('add-output-port').click();
  await page.getByTestId('new-contract').click();
  const contract = page.getByTestId('contract-form');
  await contract.waitFor();
  assert.equal(await page.inputValue('[data-testid="contract-name"]'), 'Shipments New output');

  // Two fields: the first typed as a whole word, one undo step.
  await page.getByTestId('add-field').click();
  const firstName = page.getByTestId('field-name').nth(0);
  await firstName.fill('');
  await firstName.type('shipment_id');
  await page.locator('.property-row').nth(0).getByLabel('Primary key').check();
  await page.getByTestId('add-field').click();
  await page.getByTestId('field-name').nth(1).fill('shipped_at');
  await page.getByTestId('field-type').nth(1).selectOption('timestamp');
  assert.deepEqual(await page.getByTestId('field-name').evaluateAll((els) => els.map((e) => e.value)), ['shipment_id', 'shipped_at']);

  // Undo takes back the type, then the second field's name and the field itself; redo restores.
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await undo.click();
  assert.equal(await page.getByTestId('field-type').nth(1).inputValue(), 'string');
  await undo.click();
  assert.equal(await page.getByTestId('field-name').nth(1).inputValue(), 'new_field');
  await redo.click();
  await redo.click();
  assert.equal(await page.getByTestId('field-name').nth(1).inputValue(), 'shipped_at');
  assert.equal(await page.getByTestId('field-type').nth(1).inputValue(), 'timestamp');

  // Fields can be reordered.
  await page.locator('.property-row').nth(1).getByRole('button', { name: 'Move up' }).click();
  assert.deepEqual(await page.getByTestId('field-name').evaluateAll((els) => els.map((e) => e.value)), ['shipped_at', 'shipment_id']);

  // A quality rule and an SLA property.
  await page.getByTestId('add-quality').click();
  await page.getByTestId('add-sla').click();
  await page.screenshot({ path: join(artifacts, 'design-contract.png') });

  // The work survives a reload.
  await page.waitForFunction(() => (localStorage.getItem('dpstudio.workspace') ?? '').includes('shipped_at'));
  await page.reload();
  await page.locator('g.node.product[data-product="new-product"]').filter({ hasText: 'Shipments' }).waitFor();
});

test('the business context: a glossary term linked from a field', async (t) => {
  const page = await openApp(t);
  await page.getByTestId('open-context').click();
  await page.getByTestId('context-tab-glossary').click();
  const before = await page.getByTestId('term-name').count();
  await page.getByTestId('context-add').click();
  assert.equal(await page.getByTestId('term-name').count(), before + 1);
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'term-name');
  await page.keyboard.type('Shipment');
  await page.screenshot({ path: join(artifacts, 'design-context.png') });

  // Link it from a field of an existing contract: open a product, then its contract.
  await page.locator('g.node.product[data-product="web-orders"]').click();
  await page.getByTestId('open-contract').first().click();
  await page.getByTestId('contract-form').waitFor();
  await page.locator('.property-row').first().getByRole('button', { name: /^Details of/ }).click();
  await page.locator('.property-details').getByLabel('Add to glossary terms').selectOption({ label: 'Shipment' });
  await page.locator('.property-details .chip.link', { hasText: 'Shipment' }).waitFor();
});

test('choosing a diagnostic opens the form at its field', async (t) => {
  const page = await openApp(t);
  await page.getByTestId('add-product').click();
  await page.getByTestId('add-output-port').click();
  // The port has no contract: the problems panel lists it; choosing it focuses the contract choice.
  await page.getByTestId('diagnostics-summary').click();
  const row = page.getByTestId('problems').locator('button.problem', { hasText: 'outputPorts[0]' }).first();
  await row.click();
  await page.waitForFunction(() => document.activeElement?.dataset.path?.startsWith('outputPorts[0]'));
});

test('the workspace as JSON text: errors name line and column, a valid text applies in one undoable step', async (t) => {
  const page = await openApp(t);
  await page.getByTestId('edit-as-text').click();
  const area = page.getByTestId('workspace-text');
  const original = await area.inputValue();
  assert.match(original, /^\{\n {2}"formatVersion": 2,/);

  // Break line 3: the error names it, and nothing changes.
  const lines = original.split('\n');
  lines[2] = lines[2].replace(':', '');
  await area.fill(lines.join('\n'));
  await page.getByTestId('apply-text').click();
  assert.match(await page.getByTestId('text-error').textContent(), /line 3, column \d+/);
  await page.getByRole('button', { name: 'Go to line' }).click();
  const caretLine = await area.evaluate((el) => el.value.slice(0, el.selectionStart).split('\n').length);
  assert.equal(caretLine, 3);

  // A valid change: the product renamed in the text is renamed in the app.
  await area.fill(original.replace('"name": "Customer 360"', '"name": "Customer Everything"'));
  await page.getByTestId('apply-text').click();
  await page.getByTestId('text-editor').waitFor({ state: 'detached' });
  await page.locator('g.node.product[data-product="customer-360"]').filter({ hasText: 'Customer Everything' }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.locator('g.node.product[data-product="customer-360"]').filter({ hasText: 'Customer 360' }).waitFor();
});
