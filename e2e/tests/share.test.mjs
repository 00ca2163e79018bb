// End-to-end: share links — the whole workspace compressed into the link's fragment. A link
// reproduces the workspace exactly in a fresh browser, shows it read-only until the reader
// makes a copy, too big a workspace is offered as a file, and a damaged link opens the
// reader's own workspace with a message.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { useBrowser, openApp, artifacts, base, browser, workspaceJson } from '../harness.mjs';

useBrowser();

const KEY = 'dpstudio.workspace';
/** The limit the share dialog applies (LINK_LIMIT in app/src/share/dialog.rs). */
const LINK_LIMIT = 32000;

const product = (page, id) => page.locator(`g.node.product[data-product="${id}"]`);
const productCount = (page) => page.locator('g.node.product').count();

/** Opens the share dialog and reads the link it made, with its length figures. */
async function shareLink(page) {
  await page.getByTestId('share').click();
  const field = page.getByTestId('share-link');
  await field.waitFor();
  const length = page.getByTestId('share-length');
  return {
    link: await field.inputValue(),
    length: Number(await length.getAttribute('data-length')),
    jsonLength: Number(await length.getAttribute('data-json-length')),
    text: await length.textContent(),
  };
}

async function closeShare(page) {
  await page.keyboard.press('Escape');
  await page.getByTestId('share-dialog').waitFor({ state: 'detached' });
}

async function rename(page, name) {
  await page.fill('.workspace-name input', name);
  await page.press('.workspace-name input', 'Enter');
}

/** The autosaved workspace once `ready` holds for it (autosave settles after 400 ms). */
async function saved(page, ready) {
  for (let tries = 0; tries < 100; tries++) {
    const text = await page.evaluate((key) => localStorage.getItem(key), KEY);
    const ws = text ? JSON.parse(text) : null;
    if (ws && ready(ws)) return ws;
    await page.waitForTimeout(100);
  }
  return assert.fail('the workspace was never saved as expected');
}

/** A link to the example workspace renamed `name`, made in a browser context of its own. */
async function makeLink(t, name) {
  const page = await openApp(t);
  await rename(page, name);
  const { link } = await shareLink(page);
  await page.context().close();
  return link;
}

/**
 * Opens `url` in a fresh browser context, failing the test on page or console errors. With
 * `own`, the reader first has a workspace of their own of that name (autosaved), and the link
 * is then entered in the same tab, as a pasted address would be.
 */
async function openLink(t, url, { own } = {}) {
  const context = await browser().newContext({ viewport: { width: 1280, height: 720 }, acceptDownloads: true });
  const page = await context.newPage();
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  t.after(async () => {
    await context.close();
    assert.deepEqual(problems, [], 'the page reported errors');
  });
  if (own) {
    await page.goto(base());
    await page.locator('g.node.product').first().waitFor();
    await rename(page, own);
    await saved(page, (ws) => ws.name === own);
  }
  await page.goto(url);
  await page.locator('g.node.product').first().waitFor();
  return page;
}

test('a share-link round trip reproduces the workspace exactly', async (t) => {
  const page = await openApp(t);
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base() });

  // The built-in example as it opens: its link length and how much compression saves.
  const example = await shareLink(page);
  const data = example.link.slice(example.link.indexOf('#share=1.') + '#share=1.'.length);
  const deflated = Math.floor((data.length * 3) / 4);
  t.diagnostic(`example: JSON ${example.jsonLength} characters, deflated ${deflated} bytes ` +
    `(${(deflated / example.jsonLength * 100).toFixed(1)} %), link ${example.length} characters ` +
    `(${(example.length / example.jsonLength * 100).toFixed(1)} % of the JSON)`);
  assert.equal(example.link.length, example.length, 'the shown length is the link length');
  assert.ok(example.length < LINK_LIMIT, `the example fits in a link (${example.length} characters)`);
  assert.match(example.text, new RegExp(`^${example.length.toLocaleString('en-US')} characters`));
  await closeShare(page);

  // Change it: a product renamed through its form, a node dragged to a fractional position.
  await product(page, 'customers').click({ position: { x: 40, y: 18 } });
  await page.getByTestId('product-name').fill('Customers, as shared');
  const node = product(page, 'daily-revenue');
  const box = await node.boundingBox();
  await page.mouse.move(box.x + 30, box.y + 12);
  await page.mouse.down();
  await page.mouse.move(box.x + 107, box.y + 61, { steps: 7 });
  await page.mouse.up();
  const original = await workspaceJson(page);
  assert.equal(original.products.find((p) => p.id === 'customers').name, 'Customers, as shared');

  const shared = await shareLink(page);
  assert.ok(shared.link.startsWith(`${base()}#share=1.`), shared.link);
  assert.match(shared.link, /^[^#]+#share=1\.[A-Za-z0-9_-]+$/, 'base64url without padding');
  assert.notEqual(shared.link, example.link, 'the link is made from the workspace as it is now');
  await page.getByTestId('copy-link').click();
  await page.getByTestId('share-copied').filter({ hasText: 'Copied' }).waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), shared.link);
  await page.screenshot({ path: join(artifacts, 'share-dialog.png') });

  // A fresh browser: the link alone brings the same workspace, read-only.
  const reader = await openLink(t, shared.link);
  await reader.getByTestId('shared-banner').waitFor();
  assert.deepEqual(await workspaceJson(reader), original);
  await reader.screenshot({ path: join(artifacts, 'share-read-only.png') });
});

test('a shared workspace is read-only: edits change nothing and say why; the own workspace is kept', async (t) => {
  const link = await makeLink(t, 'Shared retail');
  const page = await openLink(t, link, { own: 'My own workspace' });
  const banner = page.getByTestId('shared-banner');
  await banner.waitFor();
  assert.match(await banner.textContent(), /Shared workspace · read-only/);
  assert.equal(await page.inputValue('.workspace-name input'), 'Shared retail');
  const before = await workspaceJson(page);
  const notice = page.getByTestId('notice');

  // Typing in a form field: refused, the field shows the workspace again.
  await product(page, 'customers').click({ position: { x: 40, y: 18 } });
  await page.getByTestId('product-name').pressSequentially('X');
  await notice.filter({ hasText: 'This shared workspace is read-only.' }).waitFor();
  assert.match(await notice.textContent(), /Make a copy/);
  assert.equal(await page.getByTestId('product-name').inputValue(), 'Customers');

  // Deleting the selected node, adding a product, renaming the workspace: nothing changes.
  await page.getByTestId('notice').getByRole('button', { name: 'Dismiss' }).click();
  const nodes = await productCount(page);
  await product(page, 'customers').click({ position: { x: 40, y: 18 } });
  await page.locator('.inspector .panel-title').click();
  await page.keyboard.press('Delete');
  await notice.filter({ hasText: 'read-only' }).waitFor();
  await page.getByTestId('add-product').click();
  await rename(page, 'Renamed anyway');
  assert.equal(await page.inputValue('.workspace-name input'), 'Shared retail');
  assert.equal(await productCount(page), nodes);
  // Applying JSON text is refused in the editor, with the reason.
  await page.getByTestId('edit-as-text').click();
  const area = page.getByTestId('workspace-text');
  await area.fill((await area.inputValue()).replace('"Shared retail"', '"Edited as text"'));
  await page.getByTestId('apply-text').click();
  assert.match(await page.getByTestId('text-error').textContent(), /read-only; make a copy/);
  await page.getByTestId('text-editor').getByRole('button', { name: 'Cancel' }).click();
  assert.deepEqual(await workspaceJson(page), before);

  // Nothing of the shared workspace was saved over the reader's own.
  await page.waitForTimeout(600);
  assert.equal(JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY)).name, 'My own workspace');

  // Close: back to the reader's own workspace, the link gone from the address.
  await page.getByTestId('close-shared').click();
  await banner.waitFor({ state: 'detached' });
  assert.equal(await page.inputValue('.workspace-name input'), 'My own workspace');
  assert.equal(await page.evaluate(() => location.hash), '');
  await rename(page, 'My own, edited');
  await saved(page, (ws) => ws.name === 'My own, edited');
});

test('Make a copy: the shared workspace becomes an editable one of the reader\'s own, and stays after a reload', async (t) => {
  const link = await makeLink(t, 'Shared retail');
  const page = await openLink(t, link, { own: 'My own workspace' });
  const ownId = JSON.parse(await page.evaluate((key) => localStorage.getItem(key), KEY)).id;
  await page.getByTestId('shared-banner').waitFor();
  await page.getByTestId('make-copy').click();
  await page.getByTestId('shared-banner').waitFor({ state: 'detached' });
  await page.getByTestId('notice').filter({ hasText: '“Shared retail” is now your own copy' }).waitFor();
  assert.match(await page.getByTestId('notice').textContent(), /“My own workspace” is kept under Workspaces/);
  assert.equal(await page.evaluate(() => location.hash), '', 'the link is gone from the address');

  // Editable now.
  await product(page, 'customers').click({ position: { x: 40, y: 18 } });
  await page.getByTestId('product-name').fill('Customers, my copy');
  const copy = await saved(page, (ws) => ws.products.some((p) => p.name === 'Customers, my copy'));
  assert.equal(copy.name, 'Shared retail');
  assert.notEqual(copy.id, ownId, 'the copy has an id of its own');

  // The Workspaces dialog has the copy open and the reader's own workspace kept.
  await page.getByTestId('open-workspaces').click();
  assert.match(await page.locator('.library-current').textContent(), /Shared retail/);
  const rows = page.getByTestId('library-row');
  assert.equal(await rows.count(), 1);
  assert.equal(await rows.first().locator('input').inputValue(), 'My own workspace');
  await page.keyboard.press('Escape');

  await page.reload();
  await page.locator('g.node.product').first().waitFor();
  assert.equal(await page.inputValue('.workspace-name input'), 'Shared retail');
  assert.equal(await page.getByTestId('shared-banner').count(), 0);
  await product(page, 'customers').filter({ hasText: 'Customers, my copy' }).waitFor();
});

test('too big for a link: the dialog says how big and why, and downloads the workspace instead', async (t) => {
  const page = await openApp(t);
  // Text that does not compress (random letters) makes the workspace too big for a link.
  await page.getByTestId('edit-as-text').click();
  const area = page.getByTestId('workspace-text');
  const ws = JSON.parse(await area.inputValue());
  ws.products[0].purpose = await page.evaluate(() => {
    const letters = 'abcdefghijklmnopqrstuvwxyz ';
    const bytes = crypto.getRandomValues(new Uint8Array(60000));
    return Array.from(bytes, (b) => letters[b % letters.length]).join('');
  });
  await area.fill(JSON.stringify(ws, null, 2));
  await page.getByTestId('apply-text').click();
  await page.getByTestId('text-editor').waitFor({ state: 'detached' });
  const applied = await workspaceJson(page);
  assert.equal(applied.products[0].purpose, ws.products[0].purpose);

  await page.getByTestId('share').click();
  const message = page.getByTestId('share-too-big');
  await message.waitFor();
  const length = Number(await message.getAttribute('data-length'));
  assert.ok(length > LINK_LIMIT, `the link would be ${length} characters`);
  const text = await message.textContent();
  assert.match(text, /too big to share as a link/);
  assert.ok(text.includes(`would be ${length.toLocaleString('en-US')} characters long`), text);
  assert.match(text, /Browsers cut links over 32,000 characters/);
  assert.equal(await page.getByTestId('share-link').count(), 0, 'no link is offered');
  await page.screenshot({ path: join(artifacts, 'share-too-big.png') });

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('share-download').click()]);
  assert.equal(download.suggestedFilename(), 'retail-orders-customers.workspace.json');
  assert.deepEqual(JSON.parse(await readFile(await download.path(), 'utf8')), applied);
});

test('a damaged link says what went wrong and opens the reader\'s own workspace', async (t) => {
  const link = await makeLink(t, 'Shared retail');
  const [address, fragment] = link.split('#');
  const data = fragment.slice('share=1.'.length);
  const cases = [
    ['cut short', `${address}#share=1.${data.slice(0, Math.floor(data.length * 0.6))}`, /probably cut short/],
    ['changed characters', `${address}#share=1.${data.slice(0, 100)}%20!${data.slice(102)}`, /character that cannot be in it/],
    ['a later format', `${address}#share=7.${data}`, /uses format 7, which this release does not know/],
    ['not a workspace', `${address}#share=1.${'A'.repeat(40)}`, /does not unpack|not hold a readable workspace/],
  ];
  for (const [what, url, reason] of cases) {
    const page = await openLink(t, url, { own: 'My own workspace' });
    const notice = page.getByTestId('notice').filter({ hasText: 'The share link could not be opened.' });
    await notice.waitFor();
    const text = await notice.textContent();
    assert.match(text, reason, what);
    assert.match(text, /Nothing was lost: your own workspace is open as usual/, what);
    assert.equal(await page.inputValue('.workspace-name input'), 'My own workspace', what);
    assert.equal(await page.getByTestId('shared-banner').count(), 0, what);
    assert.equal(await page.evaluate(() => location.hash), '', what);
    if (what === 'cut short') await page.screenshot({ path: join(artifacts, 'share-broken-link.png') });
  }
});
