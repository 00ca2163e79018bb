// End-to-end: a workshop session as a facilitator runs it, one feature after the other in one
// browser: start from a template, put the room's questions on sticky notes, present the mesh
// product by product, fill in one product's Data Product Canvas, share the result as a link,
// and the link opens read-only elsewhere with everything in it until a copy is made.
// Screenshots of each step go to the artifacts folder (workshop-1 … workshop-6).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openApp, artifacts, browser, workspaceJson } from '../harness.mjs';

useBrowser();

const here = dirname(fileURLToPath(import.meta.url));
const TEMPLATE = 'ecommerce-orders';
const QUESTION = 'Who owns returns? Ask the warehouse team';
const PARKED = 'Parking lot: erasure requests';
const PURPOSE = 'Agreed in the workshop: every web order, one row per order line, for sales and fulfilment.';

/** Types a note's text in its in-place box and closes it with Escape. */
async function write(page, text) {
  const input = page.getByTestId('note-input');
  await input.waitFor();
  assert.ok(await input.evaluate((el) => el === document.activeElement), 'the note box has the focus');
  await page.keyboard.type(text);
  await page.keyboard.press('Escape');
  await input.waitFor({ state: 'detached' });
}

test('a workshop: template, sticky notes, present, canvas view, share link opened read-only, copy', async (t) => {
  const template = JSON.parse(await readFile(join(here, '..', '..', 'templates', `${TEMPLATE}.workspace.json`), 'utf8'));
  const products = template.products.map((p) => p.name);
  const page = await openApp(t);

  // 1. A new workspace from the e-commerce template: its seven products, no errors.
  await page.getByTestId('open-workspaces').click();
  await page.getByTestId('new-workspace').click();
  await page.getByTestId('templates').waitFor();
  await page.getByRole('button', { name: `Start from ${template.name}` }).click();
  await page.getByTestId('templates').waitFor({ state: 'detached' });
  await page.locator(`g.node.product[data-product="${template.products[0].id}"]`).waitFor();
  assert.equal(await page.locator('g.node.product').count(), products.length);
  assert.equal(await page.getByTestId('diagnostics-summary').locator('.count.error').count(), 0, 'no errors');
  // The view fits the new workspace (a frame after it opens): every node on screen.
  const outside = () => page.evaluate(() => {
    const view = document.querySelector('svg.canvas-svg').getBoundingClientRect();
    return [...document.querySelectorAll('g.node')].map((e) => e.getBoundingClientRect())
      .filter((r) => r.left < view.left || r.right > view.right || r.top < view.top || r.bottom > view.bottom).length;
  });
  await page.waitForFunction(() => {
    const view = document.querySelector('svg.canvas-svg').getBoundingClientRect();
    return [...document.querySelectorAll('g.node')].every((e) => { const r = e.getBoundingClientRect(); return r.left >= view.left && r.right <= view.right && r.top >= view.top && r.bottom <= view.bottom; });
  }, null, { timeout: 5000 }).catch(async () => assert.fail(`${await outside()} nodes are out of view after the template opened`));
  const frames = await page.locator('.frames > g.frame > rect').evaluateAll((els) => els.map((e) => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.right, r.bottom]; }));
  assert.equal(frames.length, template.context.domains.length);
  for (const [i, f] of frames.entries()) {
    for (const g of frames.slice(i + 1)) {
      assert.ok(f[2] <= g[0] || g[2] <= f[0] || f[3] <= g[1] || g[3] <= f[1], `domain frames overlap: ${f} / ${g}`);
    }
  }
  await page.screenshot({ path: join(artifacts, 'workshop-1-template.png') });

  // 2. The room's questions on sticky notes: one from the toolbar, one with the S key.
  await page.getByTestId('add-note').click();
  await write(page, QUESTION);
  await page.locator('.canvas').click({ position: { x: 12, y: 12 } });
  await page.keyboard.press('s');
  await write(page, PARKED);
  const notes = page.locator('g.note');
  assert.equal(await notes.count(), 2);
  assert.equal((await notes.nth(0).locator('tspan').allTextContents()).join(' '), QUESTION);
  assert.equal((await notes.nth(1).locator('tspan').allTextContents()).join(' '), PARKED);
  const [a, b] = [await notes.nth(0).boundingBox(), await notes.nth(1).boundingBox()];
  assert.ok(b.x >= a.x + a.width || b.y >= a.y + a.height, `the second note is placed beside the first, not over it: ${JSON.stringify([a, b])}`);
  await page.locator('.canvas').click({ position: { x: 12, y: 12 } });
  await page.screenshot({ path: join(artifacts, 'workshop-2-notes.png') });

  // 3. Present: full screen, product by product, then by domain; Escape brings the editor back.
  await page.keyboard.press('f');
  await page.getByTestId('presenter').waitFor();
  assert.equal(await page.getByTestId('present-step').textContent(), `1 / ${products.length} products`);
  const first = await page.getByTestId('present-title').textContent();
  await page.keyboard.press('ArrowRight');
  await page.getByTestId('present-step').filter({ hasText: `2 / ${products.length} products` }).waitFor();
  const second = await page.getByTestId('present-title').textContent();
  assert.ok(products.includes(first) && products.includes(second) && first !== second, `${first}, then ${second}`);
  await page.screenshot({ path: join(artifacts, 'workshop-3-present.png') });
  await page.keyboard.press('d');
  await page.getByTestId('present-step').filter({ hasText: `1 / ${template.context.domains.length} domains` }).waitFor();
  await page.keyboard.press('Escape');
  await page.getByTestId('presenter').waitFor({ state: 'detached' });
  assert.equal(await notes.count(), 2, 'presenting changed nothing');

  // 4. One product's Data Product Canvas, its purpose agreed and written in place.
  const orders = template.products[0];
  await page.locator(`g.node.product[data-product="${orders.id}"]`).click({ position: { x: 40, y: 18 } });
  await page.getByTestId('open-canvas-view').click();
  await page.getByTestId('product-canvas').waitFor();
  await page.getByTestId('sheet-purpose').fill(PURPOSE);
  assert.equal(await page.locator('.product-sheet .sheet-block').count(), 10);
  await page.screenshot({ path: join(artifacts, 'workshop-4-canvas-view.png') });
  await page.getByTestId('sheet-purpose').press('Escape');
  await page.keyboard.press('Escape');
  await page.getByTestId('product-canvas').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('product-purpose').inputValue(), PURPOSE);

  // 5. Share the result as a link.
  const session = await workspaceJson(page);
  await page.getByTestId('share').click();
  const field = page.getByTestId('share-link');
  await field.waitFor();
  const link = await field.inputValue();
  assert.match(link, /#share=1\.[A-Za-z0-9_-]+$/);
  t.diagnostic(`the session's link: ${link.length} characters`);
  await page.screenshot({ path: join(artifacts, 'workshop-5-share.png') });
  await page.keyboard.press('Escape');

  // 6. A participant opens the link in a browser of their own: the same workspace, notes
  // included, read-only until they make a copy.
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 } });
  t.after(() => context.close());
  const problems = [];
  const reader = await context.newPage();
  reader.on('pageerror', (e) => problems.push(e.message));
  await reader.goto(link);
  await reader.getByTestId('shared-banner').waitFor();
  assert.deepEqual(await workspaceJson(reader), session, 'the link reproduces the session exactly');
  assert.equal(await reader.locator('g.note').count(), 2, 'the notes travel with the link');
  await reader.screenshot({ path: join(artifacts, 'workshop-6-shared.png') });
  await reader.getByTestId('make-copy').click();
  await reader.getByTestId('shared-banner').waitFor({ state: 'detached' });
  await reader.locator(`g.node.product[data-product="${orders.id}"]`).click({ position: { x: 40, y: 18 } });
  await reader.getByTestId('product-name').fill('Web orders, my copy');
  assert.equal(await reader.locator(`g.node.product[data-product="${orders.id}"] > title`).textContent(), 'Web orders, my copy');
  assert.deepEqual(problems, [], 'the reader\'s page reported errors');
});
