// End-to-end: present mode — enter it, step through the products in presenting order (by
// domain, then left to right on the canvas, read here from the example workspace file), switch
// to domains with D, and leave with Escape to find the app as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

const here = dirname(fileURLToPath(import.meta.url));
const example = JSON.parse(await readFile(join(here, '..', '..', 'examples', 'retail.workspace.json'), 'utf8'));

/** The products in presenting order: by the workspace's domain order, then by x, then by y. */
function expectedProducts() {
  const rank = (p) => {
    const i = example.context.domains.findIndex((d) => d.id === p.domain);
    return i < 0 ? example.context.domains.length : i;
  };
  const at = (p) => example.layout.nodes[`product:${p.id}`];
  return [...example.products].sort((a, b) => rank(a) - rank(b) || at(a).x - at(b).x || at(a).y - at(b).y);
}

const title = (page) => page.getByTestId('present-title').textContent();

async function expectTitle(page, text) {
  await page.getByTestId('present-title').filter({ hasText: text }).waitFor();
  assert.equal(await title(page), text);
}

test('present mode steps through products and domains with the keyboard; Escape leaves', async (t) => {
  const page = await openApp(t);
  const products = expectedProducts();
  const names = products.map((p) => p.name);
  assert.equal(new Set(products.map((p) => p.domain)).size, 2, 'the example spans two domains');

  await page.getByTestId('present').click();
  await page.getByTestId('presenter').waitFor();
  assert.match(await page.locator('.app').getAttribute('class'), /presenting/);
  assert.equal(await page.locator('header.header').isVisible(), false, 'the header is hidden');
  assert.equal(await page.locator('.inspector').isVisible(), false, 'the inspector is hidden');
  assert.equal(await page.locator('.status-bar').isVisible(), false, 'the status bar is hidden');
  await expectTitle(page, names[0]);
  assert.equal(await page.getByTestId('present-step').textContent(), `1 / ${names.length} products`);

  // The caption says who owns it and what it reads and serves.
  const first = products[0];
  const domainName = example.context.domains.find((d) => d.id === first.domain).name;
  const teamName = example.context.teams.find((team) => team.id === first.ownerTeam).name;
  assert.equal(await page.getByTestId('present-kicker').textContent(), `${domainName} · owned by ${teamName}`);
  const caption = await page.getByTestId('present-caption').textContent();
  assert.ok(caption.includes(first.purpose), 'the purpose is shown');
  for (const port of [...(first.inputPorts ?? []), ...first.outputPorts]) assert.ok(caption.includes(port.name), `port ${port.name} is listed`);

  // The view is on the product: it is big and in the middle of the canvas.
  const body = page.locator(`g.node.product[data-product="${first.id}"] .node-body`);
  await page.waitForFunction((id) => document.querySelector(`g.node.product[data-product="${id}"] .node-body`).getBoundingClientRect().width > 400, first.id);
  const canvas = await page.locator('svg.canvas-svg').boundingBox();
  const node = await body.boundingBox();
  const middle = (box) => ({ x: box.x + box.width / 2, y: box.y + box.height / 2 });
  assert.ok(Math.abs(middle(node).x - middle(canvas).x) < 60 && Math.abs(middle(node).y - middle(canvas).y) < 60, 'the product is centred');
  await page.screenshot({ path: join(artifacts, 'present-product.png') });

  // Forwards and backwards with every key the presenter knows.
  await page.keyboard.press('ArrowRight');
  await expectTitle(page, names[1]);
  await page.keyboard.press('PageDown');
  await expectTitle(page, names[2]);
  await page.keyboard.press('Space');
  await expectTitle(page, names[3]);
  await page.keyboard.press('Space');
  await expectTitle(page, names[3]);
  await page.keyboard.press('Shift+Space');
  await expectTitle(page, names[2]);
  await page.keyboard.press('PageUp');
  await expectTitle(page, names[1]);
  await page.keyboard.press('ArrowLeft');
  await expectTitle(page, names[0]);
  await page.keyboard.press('End');
  await expectTitle(page, names[names.length - 1]);
  await page.keyboard.press('Home');
  await expectTitle(page, names[0]);
  const seen = [];
  for (let i = 0; i < names.length; i++) {
    seen.push(await title(page));
    await page.getByTestId('present-next').click();
  }
  assert.deepEqual(seen, names, 'clicking Next walks the same order');
  // Keys meant for editing do nothing here.
  await page.keyboard.press('n');
  await page.keyboard.press('Delete');

  // D steps through the domains, starting at the one on screen.
  await page.keyboard.press('Home');
  await page.keyboard.press('d');
  const domains = example.context.domains.map((d) => d.name);
  await expectTitle(page, domains[0]);
  assert.equal(await page.getByTestId('present-kicker').textContent(), 'Domain');
  assert.equal(await page.getByTestId('present-step').textContent(), `1 / ${domains.length} domains`);
  const inFirst = products.filter((p) => p.domain === example.context.domains[0].id).map((p) => p.name);
  const domainCaption = await page.getByTestId('present-caption').textContent();
  for (const name of inFirst) assert.ok(domainCaption.includes(name), `the domain lists ${name}`);
  await page.keyboard.press('ArrowRight');
  await expectTitle(page, domains[1]);
  await page.screenshot({ path: join(artifacts, 'present-domain.png') });
  await page.keyboard.press('d');
  await expectTitle(page, products.find((p) => p.domain === example.context.domains[1].id).name);

  // Escape leaves: the chrome is back and nothing was edited.
  await page.keyboard.press('Escape');
  await page.getByTestId('presenter').waitFor({ state: 'detached' });
  assert.doesNotMatch(await page.locator('.app').getAttribute('class'), /presenting/);
  assert.equal(await page.locator('header.header').isVisible(), true);
  assert.equal(await page.locator('.inspector').isVisible(), true);
  assert.equal(await page.locator('.status-bar').isVisible(), true);
  assert.equal(await page.locator('.workspace-size').textContent(), `${example.products.length} products · ${example.contracts.length} contracts · ${example.context.domains.length} domains`);
  await page.waitForFunction(() => document.fullscreenElement === null);
  assert.ok(await page.getByRole('button', { name: 'Undo' }).isDisabled(), 'presenting edited nothing');
});

test('F presents from the keyboard and the Exit button leaves', async (t) => {
  const page = await openApp(t);
  await page.keyboard.press('f');
  await page.getByTestId('presenter').waitFor();
  await expectTitle(page, expectedProducts()[0].name);
  await page.getByTestId('present-exit').click();
  await page.getByTestId('presenter').waitFor({ state: 'detached' });
  assert.equal(await page.locator('header.header').isVisible(), true);
});

test('a product with many ports and a long purpose: the caption fits the bar, with how many more', async (t) => {
  // Web Orders serving eight ports, with a purpose of many sentences, stored before the app starts.
  const crowded = structuredClone(example);
  const orders = crowded.products.find((p) => p.id === 'web-orders');
  for (let i = 2; i <= 8; i++) orders.outputPorts.push({ id: `orders-${i}`, name: `orders_${i}`, kind: 'table' });
  orders.purpose = Array.from({ length: 12 }, (_, i) => `Reason ${i + 1} why the shop's orders are a product of their own.`).join(' ');
  const page = await openApp(t, {
    init: (text) => {
      if (!sessionStorage.getItem('seeded')) {
        localStorage.setItem('dpstudio.workspace', text);
        sessionStorage.setItem('seeded', 'yes');
      }
    },
    initArg: JSON.stringify(crowded),
  });
  await page.getByTestId('present').click();
  await page.getByTestId('presenter').waitFor();
  const order = expectedProducts().map((p) => p.name);
  for (let i = 0; i < order.indexOf('Web Orders'); i++) await page.keyboard.press('ArrowRight');
  await expectTitle(page, 'Web Orders');

  const serves = page.locator('.present-list').filter({ has: page.locator('h3', { hasText: 'Serves' }) }).locator('li');
  assert.deepEqual(await serves.allTextContents(), [
    'orders ⟨table⟩ · contract Orders v1.2.0',
    'orders_2 ⟨table⟩ · no contract yet',
    'and 6 more',
  ]);
  // Nothing scrolls: the bar shows the whole caption; the purpose is cut on screen, whole in
  // its tooltip.
  const fits = await page.getByTestId('present-caption').evaluate((el) => el.scrollHeight <= el.clientHeight);
  assert.ok(fits, 'the caption fits the presenter bar');
  const text = page.locator('.present-text');
  assert.equal(await text.getAttribute('title'), orders.purpose);
  assert.ok(await text.evaluate((el) => el.scrollHeight > el.clientHeight), 'the long purpose is clamped');
  await page.screenshot({ path: join(artifacts, 'present-crowded.png') });
});
