// End-to-end: a contract that no output port publishes (here, just imported) is drawn on the
// canvas as a node of its own; choosing it opens the contract, which can be published from a
// product in one undoable step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

const SHIPMENTS = `apiVersion: v3.1.0
kind: DataContract
id: shipments
name: Shipments
version: 1.2.0
status: active
schema:
  - name: shipments
    properties:
      - name: shipment_id
        logicalType: string
        required: true
`;

test('an imported contract nobody publishes gets a node; publishing it binds a new output port', async (t) => {
  const page = await openApp(t);
  const dir = await mkdtemp(join(tmpdir(), 'dpstudio-'));
  const file = join(dir, 'shipments.odcs.yaml');
  await writeFile(file, SHIPMENTS);
  await page.getByTestId('import-input').setInputFiles(file);
  await page.getByTestId('notice').filter({ hasText: 'Imported 1 file: 0 new products, 1 new contract.' }).waitFor();

  const contractNode = page.locator('g.node.contract[data-contract="shipments"]');
  await contractNode.waitFor();
  assert.match(await contractNode.textContent(), /Shipments.*unpublished · v1\.2\.0/s);
  // Bound contracts stay on their ports: only the imported one is a node.
  assert.equal(await page.locator('g.node.contract').count(), 1);
  // Fit brings it into view with the rest.
  await page.getByRole('button', { name: 'Fit' }).click();
  await contractNode.click();
  await page.getByTestId('contract-form').waitFor();
  assert.equal(await page.getByTestId('contract-name').inputValue(), 'Shipments');
  await page.screenshot({ path: join(artifacts, 'unbound-contract.png') });

  const outputs = page.locator('g.node.product[data-product="web-orders"] .port-out');
  const before = await outputs.count();
  await page.getByTestId('publish-product').selectOption('web-orders');
  await page.getByTestId('publish-button').click();
  await page.waitForFunction(() => !document.querySelector('g.node.contract[data-contract="shipments"]'));
  assert.equal(await outputs.count(), before + 1);
  assert.match(await outputs.last().textContent(), /Shipments/);
  // The editor now names the publisher instead of offering to publish.
  assert.match(await page.locator('.used-by').textContent(), /Web Orders → Shipments/);

  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Undo' }).click();
  await contractNode.waitFor();
  assert.equal(await outputs.count(), before);
  // Good news leaves by itself (failures stay until dismissed).
  await page.getByTestId('notice').waitFor({ state: 'detached', timeout: 15000 });
});
