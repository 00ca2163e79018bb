// End-to-end: the templates gallery. "New workspace…" opens it; each template starts a new
// workspace with the template's products and contracts and no errors, and the workspace open
// before it is kept under Workspaces; the blank card starts an empty workspace whose call to
// action opens the gallery again; a template that cannot be fetched changes nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import { useBrowser, openApp, artifacts, dist } from '../harness.mjs';

useBrowser();

const readIndex = async () => JSON.parse(await readFile(join(dist, 'templates', 'index.json'), 'utf8'));
const sizes = (page) => page.locator('.workspace-size').innerText();
const productNodes = (page) => page.locator('g.node.product').count();

/** The status bar's error count as it reads ("0 errors"), or its all-clear text. */
async function errorStatus(page) {
  const summary = page.getByTestId('diagnostics-summary');
  await summary.waitFor();
  if (await summary.locator('.status-ok').count()) return summary.locator('.status-ok').innerText();
  return summary.locator('.count.error').innerText();
}

async function openGallery(page) {
  await page.getByTestId('open-workspaces').click();
  await page.getByTestId('new-workspace').click();
  await page.getByTestId('templates').waitFor();
}

async function libraryNames(page) {
  await page.getByTestId('open-workspaces').click();
  await page.getByTestId('workspaces').waitFor();
  const names = await page.getByTestId('library-row').locator('input').evaluateAll((inputs) => inputs.map((i) => i.value));
  await page.keyboard.press('Escape');
  await page.getByTestId('workspaces').waitFor({ state: 'detached' });
  return names;
}

test('each template opens as a new workspace with its counts and 0 errors; the previous one is kept', async (t) => {
  const index = await readIndex();
  assert.ok(index.templates.length >= 5, `the index lists ${index.templates.length} templates`);
  const page = await openApp(t);
  let previous = await page.inputValue('.workspace-name input');
  for (const [i, entry] of index.templates.entries()) {
    await openGallery(page);
    const card = page.locator(`[data-testid="template-card"][data-template="${entry.id}"]`);
    await card.waitFor();
    assert.equal(await card.getByTestId('template-counts').innerText(), `${entry.domains} domains · ${entry.products} products · ${entry.contracts} contracts`);
    if (i === 0) {
      assert.equal(await page.getByTestId('template-card').count(), index.templates.length + 1, 'one card per template plus the blank one');
      await page.screenshot({ path: join(artifacts, 'templates-gallery.png') });
    }
    await card.getByRole('button', { name: `Start from ${entry.name}` }).click();
    await page.getByTestId('templates').waitFor({ state: 'detached' });
    await page.waitForFunction((n) => document.querySelectorAll('g.node.product').length === n, entry.products);
    assert.equal(await page.inputValue('.workspace-name input'), entry.name);
    assert.equal(await sizes(page), `${entry.products} products · ${entry.contracts} contracts · ${entry.domains} domains`);
    const status = await errorStatus(page);
    assert.ok(status === '0 errors' || status.includes('No problems'), `${entry.name}: the status bar reads "${status}"`);
    if (entry.id === 'logistics-telemetry') await page.screenshot({ path: join(artifacts, 'templates-logistics-canvas.png') });
    // The workspace open before is kept under Workspaces.
    assert.ok((await libraryNames(page)).includes(previous), `"${previous}" is kept under Workspaces`);
    previous = entry.name;
  }
  // Every workspace of this session is in the library, the open one aside: the example and
  // all templates but the last.
  assert.equal((await libraryNames(page)).length, index.templates.length);
});

test('the blank card starts an empty workspace, whose call to action opens the gallery', async (t) => {
  const [first] = (await readIndex()).templates;
  const page = await openApp(t);
  assert.equal(await page.getByTestId('start-from-template').count(), 0, 'no call to action while the workspace has products');
  await openGallery(page);
  await page.getByTestId('template-blank').click();
  await page.waitForFunction(() => document.querySelectorAll('g.node.product').length === 0);
  assert.equal(await page.inputValue('.workspace-name input'), 'Untitled workspace');
  assert.equal(await sizes(page), '0 products · 0 contracts · 0 domains');

  await page.getByTestId('start-from-template').click();
  await page.getByTestId('templates').waitFor();
  await page.getByRole('button', { name: `Start from ${first.name}` }).click();
  await page.waitForFunction((n) => document.querySelectorAll('g.node.product').length === n, first.products);
  assert.equal(await page.getByTestId('empty-start').count(), 0);
  assert.ok((await libraryNames(page)).includes('Untitled workspace'));
});

test('a template that cannot be fetched says so and changes nothing', async (t) => {
  const [first] = (await readIndex()).templates;
  const page = await openApp(t, { expected: [/Failed to load resource/, /ERR_FAILED/], serviceWorkers: 'block' });
  const name = await page.inputValue('.workspace-name input');
  const before = await productNodes(page);

  // The workspace itself fails (the index came through).
  await page.route('**/templates/*.workspace.json', (route) => route.abort());
  await openGallery(page);
  await page.getByRole('button', { name: `Start from ${first.name}` }).click();
  const failed = page.getByTestId('template-failed');
  await failed.waitFor();
  assert.match(await failed.innerText(), new RegExp(`“${first.name}” could not be loaded: .*Nothing was changed`));
  assert.equal(await page.getByTestId('templates').count(), 1, 'the gallery stays open');
  await page.keyboard.press('Escape');
  assert.equal(await page.inputValue('.workspace-name input'), name);
  assert.equal(await productNodes(page), before);
  assert.deepEqual(await libraryNames(page), [], 'nothing was put away');

  // The index fails: the gallery says so, and the blank card still works.
  await page.route('**/templates/index.json', (route) => route.abort());
  await openGallery(page);
  const listFailed = page.getByTestId('templates-failed');
  await listFailed.waitFor();
  assert.match(await listFailed.innerText(), /The templates could not be loaded/);
  await page.screenshot({ path: join(artifacts, 'templates-offline.png') });
  await page.unroute('**/templates/index.json');
  await listFailed.getByRole('button', { name: 'Try again' }).click();
  await page.locator(`[data-template="${first.id}"]`).waitFor();
});
