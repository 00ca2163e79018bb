// End-to-end: sticky notes on the canvas — add one, write on it, drag it, recolour it, undo and
// redo, find it again after a reload, never find its text in an export, delete it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

const KEY = 'dpstudio.workspace';
const TEXT = 'Who signs off refunds? Ask finance before the pilot';
const SECOND = 'Parking lot: erasure SLA';

function translation(transform) {
  const [x, y] = transform.match(/translate\(([-\d.]+) ([-\d.]+)\)/).slice(1).map(Number);
  return { x, y };
}

/** Every file of a zip as text, read through its central directory. */
function unzip(bytes) {
  const end = bytes.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  const files = new Map();
  for (let i = 0; i < count; i++) {
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const name = bytes.subarray(at + 46, at + 46 + nameLength).toString();
    const local = bytes.readUInt32LE(at + 42);
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    files.set(name, (method === 8 ? inflateRawSync(data) : data).toString());
    at += 46 + skip;
  }
  return files;
}

async function dragBy(page, locator, dx, dy) {
  const box = await locator.boundingBox();
  await page.mouse.move(box.x + 30, box.y + 30);
  await page.mouse.down();
  await page.mouse.move(box.x + 30 + dx, box.y + 30 + dy, { steps: 6 });
  await page.mouse.up();
}

test('a sticky note is written, moved, recoloured, undone, kept, never exported and deleted', async (t) => {
  const page = await openApp(t);
  const notes = page.locator('g.note');
  assert.equal(await notes.count(), 0);
  await page.getByTestId('add-note').click();
  assert.equal(await notes.count(), 1);
  const note = notes.first();

  // A new note opens for writing with the focus in its text box.
  const input = page.getByTestId('note-input');
  await input.waitFor();
  assert.ok(await input.evaluate((el) => el === document.activeElement), 'the new note has the focus');
  await page.keyboard.type(TEXT);
  await page.keyboard.press('Escape');
  await input.waitFor({ state: 'detached' });
  const lines = await note.locator('tspan').allTextContents();
  assert.ok(lines.length >= 2, `long text wraps: ${JSON.stringify(lines)}`);
  assert.equal(lines.join(' '), TEXT);
  assert.equal(await page.getByTestId('note-panel-text').inputValue(), TEXT, 'the inspector shows the selected note');

  // Dragging moves it; the inspector recolours it.
  const placed = translation(await note.getAttribute('transform'));
  await dragBy(page, note, 160, 90);
  const moved = translation(await note.getAttribute('transform'));
  assert.ok(moved.x > placed.x + 60 && moved.y > placed.y + 30, `moved from ${JSON.stringify(placed)} to ${JSON.stringify(moved)}`);
  assert.match(await note.locator('.note-paper').getAttribute('class'), /note-yellow/);
  await page.getByTestId('note-colour-blue').click();
  assert.match(await note.locator('.note-paper').getAttribute('class'), /note-blue/);
  assert.equal(await page.getByTestId('note-colour-blue').getAttribute('aria-pressed'), 'true');

  // Undo takes back the colour, the move and all of the typing, one step each; redo replays them.
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  await undo.click();
  assert.match(await note.locator('.note-paper').getAttribute('class'), /note-yellow/);
  await undo.click();
  assert.deepEqual(translation(await note.getAttribute('transform')), placed);
  await undo.click();
  assert.equal(await note.locator('tspan').count(), 0, 'the typing is one step');
  assert.equal(await note.locator('text.placeholder').textContent(), 'Double-click to write');
  await undo.click();
  assert.equal(await notes.count(), 0, 'adding is a step of its own');
  for (let i = 0; i < 4; i++) await redo.click();
  assert.equal(await notes.count(), 1);
  assert.equal((await note.locator('tspan').allTextContents()).join(' '), TEXT);
  assert.deepEqual(translation(await note.getAttribute('transform')), moved);
  assert.match(await note.locator('.note-paper').getAttribute('class'), /note-blue/);

  // A second note by shortcut, written on after a double-click, in pink.
  await page.locator('.canvas').click({ position: { x: 12, y: 12 } });
  await page.keyboard.press('s');
  await input.waitFor();
  await page.keyboard.press('Escape');
  const second = notes.nth(1);
  await second.dblclick();
  await input.waitFor();
  await page.keyboard.type(SECOND);
  await page.keyboard.press('Control+Enter');
  await input.waitFor({ state: 'detached' });
  await page.getByTestId('note-colour-pink').click();
  await dragBy(page, second, -260, 170);
  assert.equal((await second.locator('tspan').allTextContents()).join(' '), SECOND);

  // Fit to view shows both notes.
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  const canvas = await page.locator('svg.canvas-svg').boundingBox();
  for (const n of [note, second]) {
    const box = await n.boundingBox();
    assert.ok(box.x >= canvas.x && box.y >= canvas.y && box.x + box.width <= canvas.x + canvas.width && box.y + box.height <= canvas.y + canvas.height, 'a note is in view after Fit');
  }
  await page.locator('.canvas').click({ position: { x: 12, y: 12 } });
  await page.screenshot({ path: join(artifacts, 'notes-canvas.png') });

  // Kept across a reload: text, colour and place.
  const secondAt = await second.getAttribute('transform');
  await page.waitForFunction(([key, text]) => (localStorage.getItem(key) ?? '').includes(text), [KEY, SECOND]);
  await page.waitForTimeout(600);
  await page.reload();
  await page.locator('g.note').nth(1).waitFor();
  assert.equal(await notes.count(), 2);
  assert.equal((await note.locator('tspan').allTextContents()).join(' '), TEXT);
  assert.match(await note.locator('.note-paper').getAttribute('class'), /note-blue/);
  assert.deepEqual(translation(await note.getAttribute('transform')), moved);
  assert.match(await second.locator('.note-paper').getAttribute('class'), /note-pink/);
  assert.equal(await second.getAttribute('transform'), secondAt);

  // Never exported: not in the ODPS or ODCS preview, not anywhere in the repo bundle.
  await page.locator('g.node.product[data-product="web-orders"]').click();
  await page.getByRole('button', { name: 'Show YAML' }).click();
  const spec = page.getByTestId('spec-text');
  await spec.filter({ hasText: 'kind: DataProduct' }).waitFor();
  await page.selectOption('#preview-subject', { index: 1 });
  await spec.filter({ hasText: 'kind: DataContract' }).waitFor();
  const odcs = await spec.textContent();
  assert.ok(!odcs.includes('refunds') && !odcs.includes('erasure'), 'no note text in the ODCS preview');
  await page.selectOption('#preview-subject', { index: 0 });
  await spec.filter({ hasText: 'kind: DataProduct' }).waitFor();
  const odps = await spec.textContent();
  assert.ok(!odps.includes('refunds') && !odps.includes('erasure'), 'no note text in the ODPS preview');
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-target="bundle"]').click()]);
  const files = unzip(await readFile(await download.path()));
  assert.ok(files.has('workspace.dpstudio.json') && files.has('contracts/orders.odcs.yaml'), `bundle files: ${[...files.keys()]}`);
  assert.match(files.get('workspace.dpstudio.json'), /"web-orders"/, 'the bundle was read whole');
  for (const [path, text] of files) {
    assert.ok(!text.includes('refunds') && !text.includes('erasure'), `note text in ${path}`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });

  // Delete with the Delete key; undo brings it back.
  await note.click();
  await page.getByTestId('note-panel').waitFor();
  await page.keyboard.press('Delete');
  assert.equal(await notes.count(), 1);
  assert.equal((await notes.first().locator('tspan').allTextContents()).join(' '), SECOND);
  await undo.click();
  assert.equal(await notes.count(), 2);
  // And with the inspector's button.
  await second.click();
  await page.getByTestId('delete-note').click();
  assert.equal(await notes.count(), 1);
  assert.equal(await page.getByTestId('note-panel').count(), 0);
});
