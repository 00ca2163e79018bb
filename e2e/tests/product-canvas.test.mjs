// End-to-end: the Data Product Canvas view of a product. Every block is checked against the
// built-in example workspace (read from its file, so the test follows the example), then
// editing in place with undo, the workshop prompts of an empty product, printing, and the SVG
// and PNG files.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { useBrowser, openApp, artifacts } from '../harness.mjs';

useBrowser();

const examplePath = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'examples', 'retail.workspace.json');
const example = JSON.parse(await readFile(examplePath, 'utf8'));

const byId = (list, id) => (list ?? []).find((x) => x.id === id);

/** Every property of a contract, nested ones too. */
function properties(contract) {
  const out = [];
  const walk = (prefix, list) => {
    for (const p of list ?? []) {
      out.push({ path: `${prefix}.${p.name}`, ...p });
      walk(`${prefix}.${p.name}`, p.properties);
    }
  };
  for (const object of contract.schema ?? []) walk(object.name, object.properties);
  return out;
}

/** What each block of product `id`'s canvas must show, worked out from the example file. */
function expected(ws, id) {
  const product = byId(ws.products, id);
  const contracts = [];
  for (const port of product.outputPorts ?? []) {
    const contract = port.contract && byId(ws.contracts, port.contract.id);
    if (contract && !contracts.includes(contract)) contracts.push(contract);
  }
  const fields = contracts.flatMap(properties);
  const termIds = [...new Set(fields.flatMap((f) => f.glossary ?? []))];
  return {
    product,
    domain: byId(ws.context.domains, product.domain).name,
    owner: byId(ws.context.teams, product.ownerTeam).name,
    members: (byId(ws.context.teams, product.ownerTeam).members ?? []).map((m) => m.name),
    outputs: (product.outputPorts ?? []).map((o) => ({ port: o.name, contract: byId(ws.contracts, o.contract.id).name, version: o.contract.version })),
    inputs: (product.inputPorts ?? []).map((i) =>
      i.source.type === 'system' ? byId(ws.context.sourceSystems, i.source.system).name : byId(ws.products, i.source.product).name),
    useCases: ws.context.useCases.filter((u) => u.consumes.some((r) => r.product === id)).map((u) => u.name),
    downstream: ws.products.filter((p) => (p.inputPorts ?? []).some((i) => i.source.type === 'product' && i.source.product === id)).map((p) => p.name),
    slos: (product.slos ?? []).map((s) => ({ property: s.property, amount: `${s.value} ${s.unit}` })),
    sla: contracts.flatMap((c) => (c.sla ?? []).map((s) => `${s.value} ${s.unit}`)),
    terms: termIds.map((t) => byId(ws.context.glossary, t)),
    pii: fields.filter((f) => f.pii).map((f) => f.path),
    support: (product.support ?? []).map((s) => s.channel),
  };
}

const block = (page, name) => page.locator(`.product-sheet [data-block="${name}"]`);
const text = async (page, name) => (await block(page, name).innerText()).replace(/\s+/g, ' ');

async function openCanvas(page, id, how) {
  await page.locator(`g.node.product[data-product="${id}"]`).click({ position: { x: 40, y: 18 } });
  if (how === 'button') {
    await page.getByTestId('open-canvas-view').click();
  } else {
    await page.getByTestId('product-form').waitFor();
    // Single-letter shortcuts act when no field has focus.
    await page.evaluate(() => document.activeElement?.blur());
    await page.keyboard.press('v');
  }
  await page.getByTestId('product-canvas').waitFor();
  await page.waitForFunction((name) => document.querySelector('[data-testid="sheet-name"]')?.value === name, byId(example.products, id).name);
}

test('each of the ten blocks shows the product as the example workspace has it', async (t) => {
  const page = await openApp(t);
  const ids = example.products.map((p) => p.id);
  for (const [n, id] of ids.entries()) {
    const want = expected(example, id);
    await openCanvas(page, id, n % 2 === 0 ? 'button' : 'key');
    assert.equal(await page.locator('.product-sheet .sheet-block').count(), 10);
    const titles = await page.locator('.product-sheet .sheet-block-title').allTextContents();
    assert.equal(new Set(titles).size, 10, `ten different blocks: ${titles}`);

    // Domain: the domain and the owner team chosen, the team's people listed.
    assert.equal(await page.locator('[data-testid="sheet-domain"] option:checked').textContent(), want.domain);
    assert.equal(await page.locator('[data-testid="sheet-owner"] option:checked').textContent(), want.owner);
    for (const member of want.members) assert.ok((await text(page, 'domain')).includes(member), `${id}: ${member} in the domain block`);
    // Name.
    assert.equal(await page.getByTestId('sheet-name').inputValue(), want.product.name);
    // Output ports with their contracts' names and versions.
    const outputs = await text(page, 'outputs');
    for (const o of want.outputs) {
      assert.ok(outputs.includes(o.port) && outputs.includes(`contract ${o.contract} v${o.version}`), `${id}: ${o.port} / ${o.contract} in "${outputs}"`);
    }
    // Input ports: the source systems and upstream products.
    const inputs = await text(page, 'inputs');
    for (const source of want.inputs) assert.ok(inputs.includes(source), `${id}: ${source} in "${inputs}"`);
    // Consumers: use cases on its ports and the products that read it.
    const consumers = await text(page, 'consumers');
    for (const name of [...want.useCases, ...want.downstream]) assert.ok(consumers.includes(name), `${id}: ${name} in "${consumers}"`);
    assert.equal(await block(page, 'consumers').locator('.sheet-prompt').count(), want.useCases.length + want.downstream.length ? 0 : 1);
    // Observability: the product's SLOs and its contracts' SLA.
    const observability = await text(page, 'observability');
    for (const s of want.slos) assert.ok(observability.includes(`${s.property} ${s.amount}`), `${id}: SLO ${s.property} ${s.amount} in "${observability}"`);
    for (const s of want.sla) assert.ok(observability.includes(s), `${id}: SLA ${s} in "${observability}"`);
    // Ubiquitous language: the linked glossary terms with their definitions.
    const language = await text(page, 'language');
    assert.ok(want.terms.length > 0, `${id} links glossary terms in the example`);
    for (const term of want.terms) assert.ok(language.includes(term.term) && language.includes(term.definition), `${id}: ${term.term} in "${language}"`);
    // Design: the purpose, editable.
    assert.equal(await page.getByTestId('sheet-purpose').inputValue(), want.product.purpose);
    // Metadata: version, status, tags, support channels.
    assert.equal(await page.getByTestId('sheet-version').inputValue(), want.product.version);
    assert.equal(await page.getByTestId('sheet-status').inputValue(), want.product.status);
    assert.equal(await page.getByTestId('sheet-tags').inputValue(), (want.product.tags ?? []).join(', '));
    for (const channel of want.support) assert.ok((await text(page, 'metadata')).includes(channel));
    // Classification: the kind and the personal data among its fields.
    const kind = want.product.kind.replace(/([A-Z])/g, '-$1').toLowerCase();
    assert.equal((await page.locator('[data-testid="sheet-kind"] option:checked').textContent()).toLowerCase(), kind);
    const classification = await text(page, 'classification');
    for (const path of want.pii) assert.ok(classification.includes(path), `${id}: PII ${path} in "${classification}"`);

    // Closing: Escape for some, the close button for others.
    if (n % 2 === 0) await page.keyboard.press('Escape');
    else await page.getByTestId('sheet-close').click();
    await page.getByTestId('product-canvas').waitFor({ state: 'detached' });
    assert.equal(await page.locator('.inspector .panel-title').first().textContent(), want.product.name, 'the product stays selected');
  }
});

test('light and dark theme screenshots, and the shortcut in the ? list', async (t) => {
  for (const colorScheme of ['light', 'dark']) {
    const page = await openApp(t, { colorScheme });
    await openCanvas(page, 'web-orders', 'button');
    await page.screenshot({ path: join(artifacts, `product-canvas-${colorScheme}.png`) });
    const background = await page.locator('.product-sheet .sheet-block').first().evaluate((e) => getComputedStyle(e).backgroundColor);
    assert.equal(background === 'rgb(255, 255, 255)', colorScheme === 'light', `${colorScheme} block background ${background}`);
  }
  const page = await openApp(t);
  await page.evaluate(() => document.activeElement?.blur());
  await page.keyboard.press('?');
  const help = await page.getByTestId('shortcuts').innerText();
  assert.match(help, /V\s+Canvas view of the selected data product/);
});

test('editing in place: the purpose reaches the product form, and one undo takes the typing back', async (t) => {
  const page = await openApp(t);
  const original = byId(example.products, 'web-orders').purpose;
  await openCanvas(page, 'web-orders', 'button');
  const purpose = page.getByTestId('sheet-purpose');
  await purpose.click();
  await page.keyboard.press('End');
  await page.keyboard.press('Control+End');
  await page.keyboard.type(' Agreed in the workshop.');
  const edited = `${original} Agreed in the workshop.`;
  assert.equal(await purpose.inputValue(), edited);
  // The name edits the heading too.
  await page.getByTestId('sheet-name').fill('Web Orders (v2)');
  assert.equal(await page.locator('#product-sheet-title').textContent(), 'Web Orders (v2)');
  // Escape leaves the field, the next one closes the view: the form shows both edits.
  await page.getByTestId('sheet-name').press('Escape');
  await page.keyboard.press('Escape');
  await page.getByTestId('product-canvas').waitFor({ state: 'detached' });
  assert.equal(await page.getByTestId('product-purpose').inputValue(), edited);
  assert.equal(await page.getByTestId('product-name').inputValue(), 'Web Orders (v2)');

  // Back in the view, Undo takes back the name, then the whole typed sentence in one step.
  await page.getByTestId('open-canvas-view').click();
  await page.getByTestId('product-canvas').waitFor();
  const undo = page.getByTestId('product-canvas').getByRole('button', { name: 'Undo' });
  await undo.click();
  assert.equal(await page.getByTestId('sheet-name').inputValue(), 'Web Orders');
  assert.equal(await purpose.inputValue(), edited);
  await undo.click();
  assert.equal(await purpose.inputValue(), original);
  await page.getByTestId('product-canvas').getByRole('button', { name: 'Redo' }).click();
  assert.equal(await purpose.inputValue(), edited);
  // Ctrl+Z works in the view as everywhere.
  await page.getByTestId('sheet-close').focus();
  await page.keyboard.press('Control+z');
  assert.equal(await purpose.inputValue(), original);

  // A choice is one edit: the status, then the product form agrees.
  await page.getByTestId('sheet-status').selectOption('deprecated');
  await page.getByTestId('sheet-close').click();
  assert.equal(await page.locator('[data-path="status"]').inputValue(), 'deprecated');
});

test('an empty product: every block that misses something says what to work out', async (t) => {
  const page = await openApp(t);
  await page.getByTestId('add-product').click();
  await page.getByTestId('product-form').waitFor();
  await page.getByTestId('open-canvas-view').click();
  await page.getByTestId('product-canvas').waitFor();
  for (const name of ['inputs', 'outputs', 'consumers', 'language', 'observability', 'design', 'metadata', 'classification']) {
    const prompt = block(page, name).locator('.sheet-prompt');
    assert.equal(await prompt.count(), 1, `${name} has a prompt`);
    assert.ok((await prompt.textContent()).trim().endsWith('.') || (await prompt.textContent()).includes('?'), `${name}'s prompt is a sentence`);
  }
  // Writing the purpose answers the design block's prompt.
  await page.getByTestId('sheet-purpose').fill('Shipments for the carriers.');
  assert.equal(await block(page, 'design').locator('.sheet-prompt').count(), 0);
  await page.screenshot({ path: join(artifacts, 'product-canvas-empty.png') });
});

test('print: only the canvas, on one landscape page, black on white even from the dark theme', async (t) => {
  const page = await openApp(t, { colorScheme: 'dark' });
  await openCanvas(page, 'web-orders', 'button');
  await page.emulateMedia({ media: 'print' });
  for (const chrome of ['header.header', '.workbench', '.status-bar', '.sheet-tools']) {
    assert.equal(await page.locator(chrome).first().isVisible(), false, `${chrome} is hidden in print`);
  }
  assert.ok(await page.getByTestId('product-canvas').isVisible());
  assert.equal(await page.locator('.product-sheet .sheet-block:visible').count(), 10);
  // Black on white whatever the theme.
  const ink = await block(page, 'outputs').evaluate((e) => [getComputedStyle(e).color, getComputedStyle(e).backgroundColor]);
  assert.deepEqual(ink, ['rgb(0, 0, 0)', 'rgb(255, 255, 255)']);
  await page.screenshot({ path: join(artifacts, 'product-canvas-print.png') });

  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
  assert.equal(pages.length, 1, 'the canvas prints on one page');
  const box = pdf.match(/\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/);
  assert.ok(box && Number(box[1]) > Number(box[2]), `a landscape page (${box?.[0]})`);
  await page.emulateMedia({ media: 'screen' });
  assert.ok(await page.locator('header.header').isVisible());
});

test('the canvas downloads as an SVG and a PNG named after the product', async (t) => {
  const page = await openApp(t);
  await openCanvas(page, 'daily-revenue', 'button');
  const titles = await page.locator('.product-sheet .sheet-block-title').allTextContents();
  const want = expected(example, 'daily-revenue');

  let download = page.waitForEvent('download');
  await page.getByTestId('sheet-svg').click();
  assert.equal((await download).suggestedFilename(), 'daily-revenue.product-canvas.svg');
  const svg = await readFile(await (await download).path(), 'utf8');
  // Parsed as XML by the browser, and drawn as an image.
  const parsed = await page.evaluate(async (text) => {
    const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
    const error = doc.querySelector('parsererror')?.textContent ?? null;
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    const image = new Image();
    image.src = url;
    await image.decode();
    URL.revokeObjectURL(url);
    return { error, root: doc.documentElement.localName, text: doc.documentElement.textContent, blocks: doc.querySelectorAll('[data-block]').length, width: image.naturalWidth, height: image.naturalHeight };
  }, svg);
  assert.equal(parsed.error, null);
  assert.equal(parsed.root, 'svg');
  assert.equal(parsed.blocks, 10);
  assert.ok(parsed.text.includes(want.product.name), 'the product name is in the file');
  for (const title of titles) assert.ok(parsed.text.includes(title), `${title} is in the file`);
  for (const name of [...want.useCases, ...want.outputs.map((o) => o.contract)]) assert.ok(parsed.text.includes(name), `${name} is in the file`);
  assert.ok(parsed.width >= 1000 && parsed.height >= 600, `opens as a picture (${parsed.width}×${parsed.height})`);

  download = page.waitForEvent('download');
  await page.getByTestId('sheet-png').click();
  assert.equal((await download).suggestedFilename(), 'daily-revenue.product-canvas.png');
  const png = await readFile(await (await download).path());
  await (await download).saveAs(join(artifacts, 'product-canvas-export.png'));
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.equal(width / height, parsed.width / parsed.height, 'the PNG has the SVG\'s shape');
  assert.ok(width >= 2 * parsed.width, `at twice the SVG's size (${width}×${height})`);
  await page.locator('.notice').filter({ hasText: 'daily-revenue.product-canvas.png' }).waitFor();
});

test('a block with more text than the page has room for makes the picture taller; nothing is cut', async (t) => {
  const page = await openApp(t);
  await openCanvas(page, 'daily-revenue', 'button');
  const svgOf = async () => {
    const download = page.waitForEvent('download');
    await page.getByTestId('sheet-svg').click();
    const text = await readFile(await (await download).path(), 'utf8');
    return page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
      const root = doc.documentElement;
      const texts = [...root.querySelectorAll('text')].map((t) => t.textContent);
      const design = root.querySelector('[data-block="design"] rect');
      return { height: Number(root.getAttribute('height')), texts, design: Number(design.getAttribute('height')), all: root.textContent };
    }, text);
  };
  const before = await svgOf();
  assert.equal(before.height, 1000, 'the 16:10 page when everything fits');
  assert.ok(!before.texts.includes('…'));

  // Forty sentences of purpose: far more than the design block holds on the page.
  const sentences = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of why Daily Revenue exists.`);
  await page.getByTestId('sheet-purpose').fill(sentences.join(' '));
  await page.getByTestId('sheet-purpose').blur();
  const after = await svgOf();
  assert.ok(!after.texts.includes('…'), 'no block is cut short');
  assert.ok(after.all.includes('Sentence 40 of why'), 'the last sentence is in the picture');
  assert.ok(after.height > before.height, `the picture grew (${before.height} → ${after.height})`);
  assert.ok(after.design > before.design, 'the design block grew with it');

  const download = page.waitForEvent('download');
  await page.getByTestId('sheet-png').click();
  const png = await readFile(await (await download).path());
  const [width, height] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.equal(height, 2 * after.height, 'the PNG has the taller picture\'s shape');
  assert.equal(width, 2 * 1600);
});

test('print: a canvas with more text than the page holds gets smaller type, and no block is cut', async (t) => {
  const page = await openApp(t);
  await openCanvas(page, 'daily-revenue', 'button');
  const sentences = Array.from({ length: 40 }, (_, i) => `Sentence ${i + 1} of why Daily Revenue exists.`);
  await page.getByTestId('sheet-purpose').fill(sentences.join(' '));
  await page.getByTestId('sheet-purpose').blur();
  const layout = () => page.evaluate(() => ({
    scale: document.querySelector('.product-sheet').style.getPropertyValue('--print-scale'),
    cut: [...document.querySelectorAll('.sheet-block')].filter((b) => b.scrollHeight > b.clientHeight + 1).map((b) => b.dataset.block),
  }));

  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => document.querySelector('.product-sheet').style.getPropertyValue('--print-scale') !== '');
  const printed = await layout();
  assert.ok(Number(printed.scale) < 1, `the type got smaller (scale ${printed.scale})`);
  assert.deepEqual(printed.cut, [], 'every block shows all it holds');
  await page.screenshot({ path: join(artifacts, 'product-canvas-print-full.png') });
  const pdf = (await page.pdf({ preferCSSPageSize: true, printBackground: true })).toString('latin1');
  assert.equal((pdf.match(/\/Type\s*\/Page(?![s\w])/g) ?? []).length, 1, 'still one page');

  // Back on screen, the sizes are the screen's again.
  await page.emulateMedia({ media: 'screen' });
  await page.waitForFunction(() => document.querySelector('.product-sheet').style.getPropertyValue('--print-scale') === '');

  // Closed and opened again for another product, printing still fits it.
  await page.getByTestId('sheet-close').click();
  await openCanvas(page, 'web-orders', 'button');
  await page.getByTestId('sheet-purpose').fill(sentences.join(' '));
  await page.getByTestId('sheet-purpose').blur();
  await page.emulateMedia({ media: 'print' });
  await page.waitForFunction(() => document.querySelector('.product-sheet').style.getPropertyValue('--print-scale') !== '');
  assert.deepEqual((await layout()).cut, []);
  await page.emulateMedia({ media: 'screen' });
});
