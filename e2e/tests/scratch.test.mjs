// End-to-end: the "done when" — a small mesh designed from a blank workspace with the
// forms and the canvas only: two domains, a team, three products with contracts and lineage, a
// glossary term, a business entity with a measure, and a metric computed from it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

/** Screen rectangles of every element matching `selector`. */
const boxes = (page, selector) =>
  page.locator(selector).evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }));

/** How many pairs of rectangles overlap. */
function overlaps(rects) {
  let n = 0;
  for (let i = 0; i < rects.length; i++) {
    for (let j = i + 1; j < rects.length; j++) {
      const [a, b] = [rects[i], rects[j]];
      if (a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]) n++;
    }
  }
  return n;
}

/** Adds one entity on a context tab and gives it a name. */
async function addToContext(page, tab, nameTestId, name) {
  await page.getByTestId('open-context').click();
  await page.getByTestId(`context-tab-${tab}`).click();
  await page.getByTestId('context-add').click();
  await page.getByTestId(nameTestId).last().fill(name);
}

/** Adds a product with a name, domain, owner and purpose, an output port and a new contract
 * with the given fields; returns the product's node. */
async function addProduct(page, { name, domain, purpose, fields, reads }) {
  await page.getByTestId('add-product').click();
  await page.getByTestId('product-name').fill(name);
  await page.getByTestId('product-domain').selectOption({ label: domain });
  await page.getByTestId('product-owner').selectOption({ label: 'Commerce Data Team' });
  await page.getByTestId('product-purpose').fill(purpose);
  if (reads) {
    await page.getByTestId('add-input-port').click();
    await page.getByTestId('input-source').last().selectOption({ label: reads });
  }
  await page.getByTestId('add-output-port').click();
  await page.getByTestId('new-contract').last().click();
  await page.getByTestId('contract-form').waitFor();
  for (const [i, [field, type]] of fields.entries()) {
    await page.getByTestId('add-field').click();
    await page.getByTestId('field-name').nth(i).fill(field);
    await page.getByTestId('field-type').nth(i).selectOption(type);
  }
  return page.locator('g.node.product').filter({ hasText: name });
}

test('a small mesh from a blank workspace: domains, team, three products, contracts, lineage, glossary, metric', async (t) => {
  const page = await openApp(t);
  await page.getByTestId('open-workspaces').click();
  await page.getByTestId('new-workspace').click();
  await page.getByTestId('template-blank').click();
  await page.waitForFunction(() => document.querySelectorAll('g.node.product').length === 0);

  await addToContext(page, 'domains', 'domain-name', 'Sales');
  await addToContext(page, 'domains', 'domain-name', 'Finance');
  await addToContext(page, 'teams', 'team-name', 'Commerce Data Team');
  await addToContext(page, 'glossary', 'term-name', 'Order');

  const orders = await addProduct(page, {
    name: 'Orders', domain: 'Sales', purpose: 'Every web order as placed, for finance and marketing.',
    fields: [['order_id', 'string'], ['amount', 'number'], ['placed_at', 'timestamp']],
  });
  const revenue = await addProduct(page, {
    name: 'Daily Revenue', domain: 'Finance', purpose: 'Revenue per day for the finance close.',
    reads: 'Orders → New output', fields: [['day', 'date'], ['revenue', 'number']],
  });
  const insights = await addProduct(page, {
    name: 'Revenue Insights', domain: 'Finance', purpose: 'Trends the board reads every Monday.',
    reads: 'Daily Revenue → New output', fields: [['week', 'date'], ['growth', 'number']],
  });

  // The placeholder id becomes a real one, and the product reading it follows; a name is no id.
  await orders.click();
  const id = page.getByTestId('entity-id');
  assert.equal(await id.inputValue(), 'new-product');
  await id.fill('Orders');
  await id.press('Enter');
  await page.getByTestId('notice').filter({ hasText: 'The id stays “new-product”' }).filter({ hasText: "e.g. 'orders'" }).waitFor();
  assert.equal(await id.inputValue(), 'new-product');
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await id.fill('orders');
  await id.press('Enter');
  await page.locator('g.node.product[data-product="orders"]').waitFor();
  assert.equal(await page.getByTestId('entity-id').inputValue(), 'orders');

  // The semantic model: an entity with a measure, and a metric computed from that measure.
  await addToContext(page, 'entities', 'entity-name', 'Order');
  await page.getByRole('button', { name: '+ Measure' }).click();
  await page.getByLabel('Measure name').last().fill('amount');
  await addToContext(page, 'metrics', 'metric-name', 'Revenue');
  await page.getByTestId('metric-measures').selectOption({ label: 'Order · amount' });
  await page.locator('.chip.link', { hasText: 'Order · amount' }).waitFor();

  // What a person sees: three products in two domain frames, joined by two lineage edges, and
  // the status bar counting it all.
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Fit' }).click();
  // Each new product found a free place of its own; auto-layout then groups them by domain, so
  // the two domain frames stop overlapping too.
  assert.equal(overlaps(await boxes(page, 'g.node.product .node-body')), 0, 'new products do not cover each other');
  await page.getByTestId('auto-layout').click();
  assert.equal(overlaps(await boxes(page, 'g.frames g.frame rect')), 0, 'domain frames do not overlap after auto-layout');
  for (const node of [orders, revenue, insights]) assert.equal(await node.count(), 1);
  assert.equal(await page.locator('g.frames g.frame').count(), 2);
  assert.deepEqual(await page.locator('g.frames g.frame text').allTextContents(), ['Sales', 'Finance']);
  assert.equal(await page.locator('g.edges path.lineage').count(), 2);
  assert.equal(await page.locator('.workspace-size').textContent(), '3 products · 3 contracts · 2 domains');
  // Designed with the forms alone, the mesh has no errors (warnings ask for more, like SLAs).
  assert.match(await page.getByTestId('diagnostics-summary').textContent(), /(^|\D)0 errors/);
  // The model behind it: contracts bound to the ports, with the fields typed in.
  const stored = await page.evaluate(async () => {
    for (let i = 0; i < 50 && !(localStorage.getItem('dpstudio.workspace') ?? '').includes('Revenue Insights'); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    return JSON.parse(localStorage.getItem('dpstudio.workspace'));
  });
  const ws = stored.workspace ?? stored;
  assert.deepEqual(ws.products.map((p) => p.name), ['Orders', 'Daily Revenue', 'Revenue Insights']);
  assert.equal(ws.products[0].id, 'orders');
  assert.match(JSON.stringify(ws.products[1].inputPorts[0].source), /"orders"/);
  assert.ok(ws.products.every((p) => p.outputPorts[0].contract), 'every output port is bound to a contract');
  const ordersContract = ws.contracts.find((c) => c.id === ws.products[0].outputPorts[0].contract.id);
  assert.deepEqual(ordersContract.schema[0].properties.map((p) => [p.name, p.logicalType]), [['order_id', 'string'], ['amount', 'number'], ['placed_at', 'timestamp']]);
  assert.equal(ws.context.semantic.metrics[0].measures.length, 1);
  await page.screenshot({ path: join(artifacts, 'scratch-mesh.png') });
});
