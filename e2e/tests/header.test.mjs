// End-to-end: the header at projector size (1280 × 720) — everything fits, the workspace name
// keeps room to be read, and "Import ▾" offers files, a folder or the Medallion assistant.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { useBrowser, openApp } from '../harness.mjs';

useBrowser();

test('at 1280 × 720 the header fits and the workspace name stays readable', async (t) => {
  const page = await openApp(t, { viewport: { width: 1280, height: 720 } });
  const fit = await page.evaluate(() => {
    const header = document.querySelector('header.header');
    const name = document.querySelector('.workspace-name input');
    const buttons = [...header.querySelectorAll('button')].filter((b) => b.offsetParent !== null);
    const right = header.getBoundingClientRect().right;
    return {
      overflow: header.scrollWidth - header.clientWidth,
      nameWidth: name.getBoundingClientRect().width,
      nameFits: name.scrollWidth <= name.clientWidth,
      clipped: buttons.filter((b) => b.getBoundingClientRect().right > right).map((b) => b.textContent),
    };
  });
  assert.equal(fit.overflow, 0, 'the header does not scroll sideways');
  assert.deepEqual(fit.clipped, [], 'no header button is cut off');
  assert.ok(fit.nameWidth >= 240, `the workspace name has ${fit.nameWidth}px`);
  assert.ok(fit.nameFits, 'the example workspace name is shown whole');
});

test('Import ▾ offers files, a folder or the Medallion assistant, and closes on Escape or a choice', async (t) => {
  const page = await openApp(t);
  const menu = page.getByTestId('import-menu');
  assert.equal(await menu.getAttribute('aria-expanded'), 'false');
  await menu.click();
  assert.equal(await menu.getAttribute('aria-expanded'), 'true');
  const items = page.getByRole('menuitem');
  assert.deepEqual(await items.allTextContents(), ['Files…', 'Folder…', 'From Medallion layers…']);
  await page.keyboard.press('Escape');
  assert.equal(await page.getByRole('menuitem').count(), 0);

  await menu.click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByTestId('import-files').click()]);
  assert.ok(chooser.isMultiple(), 'several files can be picked at once');
  assert.equal(await page.getByRole('menuitem').count(), 0);
  // Clicking elsewhere closes an open menu too.
  await menu.click();
  await page.locator('.canvas').click({ position: { x: 20, y: 20 } });
  assert.equal(await page.getByRole('menuitem').count(), 0);
});
