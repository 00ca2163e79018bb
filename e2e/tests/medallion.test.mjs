// End-to-end: the Medallion → data products assistant. A 12-table lake pasted as text becomes
// proposals shown beside its layers; one is rejected, one renamed, the rest accepted and added
// as one undoable step: products, contracts, lineage edges on the canvas; Undo removes them all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

const here = dirname(fileURLToPath(import.meta.url));

const LAKE = `-- a web shop's lake
bronze.shop_orders(order_id bigint, customer_id bigint, amount decimal(12,2), ordered_at timestamp)
bronze.shop_products(product_id bigint, title text, price decimal(10,2))
raw_crm__customers(customer_id bigint, email varchar(200), country varchar(2))
raw_stripe__payments(payment_id varchar(40), order_id bigint, amount numeric(12,2))
silver.orders(order_id bigint primary key, customer_id bigint, amount decimal(12,2), ordered_at timestamp)
silver.products(product_id bigint primary key, title text, price decimal(10,2))
silver.customers(customer_id bigint primary key, email varchar(200), country varchar(2))
int_payments_enriched(payment_id varchar(40), order_id bigint, amount numeric(12,2), method varchar(20))
gold.daily_revenue(day date, order_count int, revenue decimal(14,2))
fct_orders(order_id bigint, customer_id bigint, amount decimal(12,2))
dim_customers(customer_id bigint, email varchar(200), segment varchar(20))
mart_finance__payment_methods(method varchar(20), payment_count int)`;

/** The layer each listed table belongs to, by its schema or dbt prefix (what the page must show). */
function layersOf(text) {
  const tables = { bronze: [], silver: [], gold: [] };
  for (const line of text.split('\n')) {
    const name = line.trim().split('(')[0];
    if (!name || name.startsWith('--')) continue;
    const [first] = name.split(/[._]/);
    const layer = { bronze: 'bronze', raw: 'bronze', silver: 'silver', int: 'silver', gold: 'gold', fct: 'gold', dim: 'gold', mart: 'gold' }[first];
    tables[layer].push(name);
  }
  return tables;
}

const sizes = async (page) => {
  const text = await page.locator('.workspace-size').textContent();
  const [products, contracts, domains] = text.match(/\d+/g).map(Number);
  return { products, contracts, domains };
};
const productNames = (page) => page.locator('g.node.product > title').allTextContents();
const edgeCount = (page, kind) => page.locator(`.edges path.edge.${kind}`).count();

test('a Medallion inventory becomes accepted, edited data products in one undoable step', async (t) => {
  const page = await openApp(t, { viewport: { width: 1600, height: 1000 } });
  const before = await sizes(page);
  const namesBefore = await productNames(page);
  const lineageBefore = await edgeCount(page, 'lineage');
  const sourceEdgesBefore = await edgeCount(page, 'source');

  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-medallion').click();
  const dialog = page.getByRole('dialog', { name: 'From Medallion layers to data products' });
  await dialog.waitFor();
  await dialog.getByTestId('medallion-text').fill(LAKE);
  await dialog.getByTestId('medallion-propose').click();

  // Left: the tables in their layers, as the inventory puts them.
  const expectedLayers = layersOf(LAKE);
  for (const layer of ['bronze', 'silver', 'gold']) {
    const shown = await dialog.getByTestId(`layer-${layer}`).locator('.layer-table-name').allTextContents();
    assert.deepEqual(shown, expectedLayers[layer], `${layer} column`);
  }

  // Right: bronze sources grouped by system, silver entities, gold tables and the finance mart.
  const proposalsOf = (kind) => dialog.getByTestId(`kind-${kind}`).getByTestId('proposal-name').allTextContents();
  assert.deepEqual(await proposalsOf('source-aligned'), ['Shop orders and products', 'CRM customers', 'Stripe payments']);
  assert.deepEqual(await proposalsOf('aggregate'), ['Orders', 'Products', 'Customers', 'Payments']);
  assert.deepEqual(await proposalsOf('consumer-aligned'), ['Daily revenue', 'Orders facts', 'Customers dimension', 'Finance mart']);
  const card = (name) => dialog.getByTestId('proposal').filter({ has: page.locator('[data-testid="proposal-name"]', { hasText: new RegExp(`^${name}$`) }) });
  assert.equal(await card('Orders facts').getByTestId('proposal-reads').textContent(), 'Orders, Customers');
  assert.equal(await card('Shop orders and products').getByTestId('proposal-reads').textContent(), 'Shop (source system)');
  assert.equal(await card('Finance mart').getByTestId('proposal-domain').textContent(), 'Finance');
  // Names the example workspace already has are pointed out (case aside), the others not.
  assert.equal(await card('Customers').getByTestId('proposal-clash').textContent(),
    'The workspace already has a product named “Customers”: rename this one (Edit) or reject it.');
  assert.match(await card('Daily revenue').getByTestId('proposal-clash').textContent(), /named “Daily Revenue”/);
  assert.equal(await dialog.getByTestId('proposal-clash').count(), 2, 'only Customers and Daily revenue clash');

  // What each loses, as counts of this inventory.
  const layersLack = await dialog.getByTestId('compare-layers').textContent();
  assert.match(layersLack, /No owner: 12 of 12 tables/);
  assert.match(layersLack, /Consumers or use cases declared: 0/);
  assert.match(await dialog.getByTestId('compare-products').textContent(), /11 products \(3 source-aligned, 4 aggregate, 4 consumer-aligned\)/);
  await page.screenshot({ path: join(artifacts, 'medallion-side-by-side.png') });

  // Reject one, rename another in place, accept the rest.
  await card('Products').getByTestId('proposal-reject').click();
  assert.equal(await card('Products').getByTestId('proposal-state').textContent(), 'Rejected');
  assert.match(await dialog.getByTestId('compare-products').textContent(), /10 products/);
  await card('Daily revenue').getByTestId('proposal-edit').click();
  await dialog.getByTestId('proposal-name-input').fill('Revenue per day');
  await dialog.getByTestId('proposal-done').click();
  assert.deepEqual(await proposalsOf('consumer-aligned'), ['Revenue per day', 'Orders facts', 'Customers dimension', 'Finance mart']);
  assert.equal(await card('Revenue per day').getByTestId('proposal-clash').count(), 0, 'renaming resolves the clash');
  await dialog.getByTestId('medallion-accept-rest').click();
  const add = dialog.getByTestId('medallion-add');
  assert.equal(await add.textContent(), 'Add 10 accepted products');
  await add.click();
  await dialog.waitFor({ state: 'detached' });

  // Ten products with ten contracts; Finance is the one new domain (Sales and Customer exist).
  assert.deepEqual(await sizes(page), { products: before.products + 10, contracts: before.contracts + 10, domains: before.domains + 1 });
  const added = ['Shop orders and products', 'CRM customers', 'Stripe payments', 'Orders', 'Customers', 'Payments',
    'Revenue per day', 'Orders facts', 'Customers dimension', 'Finance mart'];
  const namesAfter = await productNames(page);
  for (const name of added) assert.ok(namesAfter.includes(name), `${name} is on the canvas`);
  assert.ok(!namesAfter.includes('Products') && !namesAfter.includes('Daily revenue'), 'the rejected and the old name are not');
  // Product → product lineage: Orders, Customers, Payments read their sources; Revenue per day
  // reads Orders; Orders facts reads Orders and Customers; Customers dimension reads Customers;
  // Finance mart reads Payments. Each source-aligned product reads its system.
  assert.equal(await edgeCount(page, 'lineage'), lineageBefore + 8);
  assert.equal(await edgeCount(page, 'source'), sourceEdgesBefore + 3);
  await page.getByTestId('notice').filter({ hasText: 'Added 10 data products with 10 contracts' }).waitFor();
  await page.screenshot({ path: join(artifacts, 'medallion-canvas.png') });

  // One undo takes everything back.
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.deepEqual(await sizes(page), before);
  assert.deepEqual(await productNames(page), namesBefore);
  assert.equal(await edgeCount(page, 'lineage'), lineageBefore);
});

// A warehouse's DDL dump (shared with the model's tests): gold as views and CREATE TABLE … AS,
// one view on two others; queries over several lines, with blank lines and a CTE.
const WAREHOUSE = await readFile(join(here, '..', '..', 'examples', 'warehouse.ddl.sql'), 'utf8');

test("a DDL dump's views: their queries give the lineage, and a mart built on marts reads them", async (t) => {
  const page = await openApp(t, { viewport: { width: 1600, height: 1000 } });
  const lineageBefore = await edgeCount(page, 'lineage');
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-medallion').click();
  const dialog = page.getByRole('dialog', { name: 'From Medallion layers to data products' });
  await dialog.getByTestId('medallion-text').fill(WAREHOUSE);
  await dialog.getByTestId('medallion-propose').click();

  // The multi-line queries are read as part of their statements, not as lines of their own.
  await dialog.getByTestId('layer-gold').waitFor();
  assert.equal(await dialog.getByTestId('medallion-errors').count(), 0);
  assert.deepEqual(await dialog.getByTestId('layer-gold').locator('.layer-table-name').allTextContents(),
    ['gold.daily_revenue', 'gold.customer_value', 'gold.board_pack']);
  assert.deepEqual(await dialog.getByTestId('layer-gold').getByTestId('layer-table-reads').allTextContents(),
    ['from silver.orders', 'from silver.orders, silver.customers', 'from gold.daily_revenue, gold.customer_value']);
  const card = (name) => dialog.getByTestId('proposal').filter({ has: page.locator('[data-testid="proposal-name"]', { hasText: new RegExp(`^${name}$`) }) });
  assert.equal(await card('Daily revenue').getByTestId('proposal-reads').textContent(), 'Orders');
  assert.equal(await card('Customer value').getByTestId('proposal-reads').textContent(), 'Orders, Customers');
  assert.equal(await card('Board pack').getByTestId('proposal-reads').textContent(), 'Daily revenue, Customer value');
  await page.screenshot({ path: join(artifacts, 'medallion-views.png') });

  await dialog.getByTestId('medallion-accept-rest').click();
  await dialog.getByTestId('medallion-add').click();
  await dialog.waitFor({ state: 'detached' });
  // Orders reads its source product; Daily revenue 1, Customer value 2 and Board pack 2 edges.
  assert.equal(await edgeCount(page, 'lineage'), lineageBefore + 6);
});

test('lines the assistant cannot read are listed with their numbers', async (t) => {
  const page = await openApp(t);
  await page.getByTestId('import-menu').click();
  await page.getByTestId('import-medallion').click();
  const dialog = page.getByRole('dialog', { name: 'From Medallion layers to data products' });
  await dialog.getByTestId('medallion-text').fill('silver.orders\norders_without_layer\nbronze.bad name');
  await dialog.getByTestId('medallion-propose').click();
  const errors = await dialog.getByTestId('medallion-errors').locator('li').allTextContents();
  assert.equal(errors.length, 2);
  assert.match(errors[0], /^line 2: cannot tell the layer of 'orders_without_layer'/);
  assert.match(errors[1], /^line 3: /);
  // The readable table is still proposed.
  assert.deepEqual(await dialog.getByTestId('proposal-name').allTextContents(), ['Orders']);
  // Nothing readable at all: the text stays for fixing, with the errors.
  await dialog.getByTestId('medallion-back').click();
  await dialog.getByTestId('medallion-text').fill('🥇 gold?\nnot a table');
  await dialog.getByTestId('medallion-propose').click();
  assert.equal(await dialog.getByTestId('medallion-errors').locator('li').count(), 2);
  assert.equal(await dialog.getByTestId('medallion-text').inputValue(), '🥇 gold?\nnot a table');
});

test('the side-by-side view has no serious or critical axe violations, light or dark', async (t) => {
  const axe = await readFile(join(here, '..', 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  for (const colorScheme of ['light', 'dark']) {
    const page = await openApp(t, { colorScheme });
    await page.getByTestId('import-menu').click();
    await page.getByTestId('import-medallion').click();
    const dialog = page.getByRole('dialog', { name: 'From Medallion layers to data products' });
    await dialog.getByTestId('medallion-example').click();
    await dialog.getByTestId('medallion-propose').click();
    await dialog.getByTestId('proposal').first().getByTestId('proposal-accept').click();
    await dialog.getByTestId('proposal').nth(1).getByTestId('proposal-edit').click();
    // Evaluated through the DevTools protocol, so the page's CSP allows it.
    await page.evaluate(axe);
    const found = await page.evaluate(async () => {
      const r = await window.axe.run(document.querySelector('[data-testid="medallion"]'), { resultTypes: ['violations'] });
      return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
    });
    assert.deepEqual(found, [], `${colorScheme} theme`);
  }
});
