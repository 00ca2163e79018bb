// End-to-end: the formats module (the second wasm module, in a Web Worker) — export dialog,
// spec preview, import by file picker and by drop, bad files — in headless Chromium against
// the release build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { useBrowser, openApp, base, browser, artifacts, reference, exists } from '../harness.mjs';

const python = join(process.env.DPSTUDIO_TOOLS ?? '', 'python');
const run = promisify(execFile);

useBrowser();

const sizeText = (page) => page.locator('.workspace-size').textContent();

/** Validates a YAML file against a JSON Schema with the Python `jsonschema` of the checkers' venv. */
async function validate(file, schema) {
  const script = [
    'import json, sys, yaml, jsonschema',
    'doc = yaml.safe_load(open(sys.argv[1]))',
    'schema = json.load(open(sys.argv[2]))',
    'errors = sorted(jsonschema.validators.validator_for(schema)(schema).iter_errors(doc), key=str)',
    'print("\\n".join(f"{list(e.absolute_path)}: {e.message}" for e in errors))',
    'sys.exit(1 if errors else 0)',
  ].join('\n');
  return run(python, ['-c', script, file, schema]);
}

test('the first paint does not load the formats module', async (t) => {
  const context = await browser().newContext();
  t.after(() => context.close());
  const page = await context.newPage();
  const requested = [];
  page.on('request', (r) => requested.push(new URL(r.url()).pathname));
  await page.goto(base());
  await page.locator('g.node.product').first().waitFor();
  assert.ok(requested.includes('/dpstudio-app_bg.wasm'));
  assert.ok(!requested.some((p) => p.includes('dpstudio-worker')), `worker fetched on first paint: ${requested}`);
});

test('the export dialog downloads ODCS contracts as a zip and the repo bundle', async (t) => {
  const page = await openApp(t);
  await page.getByRole('button', { name: 'Export…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export' });
  await dialog.waitFor();
  assert.equal(await dialog.locator('.export-option').count(), 15);
  await page.screenshot({ path: join(artifacts, 'export-dialog.png') });
  const [odcs] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-target="odcs-3.2.0"]').click()]);
  assert.equal(odcs.suggestedFilename(), 'retail-orders-customers-odcs-3.2.0.zip');
  const zip = await readFile(await odcs.path());
  assert.equal(zip.subarray(0, 2).toString(), 'PK');
  await page.getByTestId('notice').filter({ hasText: 'Downloaded retail-orders-customers-odcs-3.2.0.zip (4 files)' }).waitFor();
  const [bundle] = await Promise.all([page.waitForEvent('download'), dialog.locator('[data-target="bundle"]').click()]);
  assert.equal(bundle.suggestedFilename(), 'retail-orders-customers-bundle.zip');
  const text = (await readFile(await bundle.path())).toString('latin1');
  for (const path of ['workspace.dpstudio.json', 'contracts/orders.odcs.yaml', '.github/workflows/dpstudio.yml', 'README.md']) {
    assert.ok(text.includes(path), `bundle lists ${path}`);
  }
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
});

test('the spec preview shows ODPS and ODCS, and its download validates against the official schema', async (t) => {
  const page = await openApp(t);
  await page.locator('g.node.product[data-product="web-orders"]').click();
  await page.getByRole('button', { name: 'Show YAML' }).click();
  const spec = page.getByTestId('spec-text');
  await spec.filter({ hasText: 'kind: DataProduct' }).waitFor();
  assert.match(await spec.textContent(), /apiVersion: v1\.1\.0/);
  await page.selectOption('#preview-subject', { index: 1 });
  await spec.filter({ hasText: 'kind: DataContract' }).waitFor();
  await page.screenshot({ path: join(artifacts, 'spec-preview.png') });
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download', exact: true }).click()]);
  const file = join(await mkdtemp(join(tmpdir(), 'dpstudio-')), download.suggestedFilename());
  await download.saveAs(file);
  assert.match(download.suggestedFilename(), /\.odcs\.yaml$/);
  const schema = join(reference, 'odcs', 'schema', 'odcs-json-schema-v3.2.0.json');
  if (await exists(schema)) {
    // The module bundles the official schemas when the reference folder is there at build time.
    assert.equal(await page.getByTestId('conformance').textContent(), '✓ Valid against the official schema');
  }
  if (!(await exists(schema)) || !(await exists(python))) {
    t.skip('../shared/reference or the checkers venv is absent: schema validation of the download skipped');
    return;
  }
  const { stdout } = await validate(file, schema);
  assert.equal(stdout.trim(), '');
});

test('importing an official ODCS example by file picker adds a contract; undo removes it', async (t) => {
  const example = join(reference, 'odcs', 'examples', 'full-example.v3.1.0.odcs.yaml');
  if (!(await exists(example))) {
    t.skip('../shared/reference is absent: official example import skipped');
    return;
  }
  const page = await openApp(t);
  assert.equal(await sizeText(page), '4 products · 4 contracts · 2 domains');
  await page.getByTestId('import-input').setInputFiles(example);
  await page.getByTestId('notice').filter({ hasText: 'Imported 1 file: 0 new products, 1 new contract.' }).waitFor();
  assert.match(await sizeText(page), /4 products · 5 contracts/);
  await page.screenshot({ path: join(artifacts, 'import-odcs.png') });
  await page.keyboard.press('Control+z');
  assert.equal(await sizeText(page), '4 products · 4 contracts · 2 domains');
});

test('a dropped bundle zip opens its workspace; a broken file changes nothing and says where', async (t) => {
  const page = await openApp(t);
  await page.getByRole('button', { name: 'Export…' }).click();
  const [bundle] = await Promise.all([page.waitForEvent('download'), page.locator('[data-target="bundle"]').click()]);
  const zip = await readFile(await bundle.path());
  await page.keyboard.press('Escape');
  await page.fill('.workspace-name input', 'Renamed before the import');
  await page.press('.workspace-name input', 'Enter');
  // Drop the zip on the canvas as a person would.
  const transfer = await page.evaluateHandle((bytes) => {
    const t = new DataTransfer();
    t.items.add(new File([new Uint8Array(bytes)], 'retail-bundle.zip', { type: 'application/zip' }));
    return t;
  }, [...zip]);
  await page.dispatchEvent('.canvas', 'dragover', { dataTransfer: transfer });
  await page.dispatchEvent('.canvas', 'drop', { dataTransfer: transfer });
  await page.getByTestId('notice').filter({ hasText: 'Opened “Retail — orders & customers”' }).waitFor();
  assert.equal(await page.inputValue('.workspace-name input'), 'Retail — orders & customers');

  const dir = await mkdtemp(join(tmpdir(), 'dpstudio-'));
  const broken = join(dir, 'broken.odcs.yaml');
  await writeFile(broken, 'apiVersion: v3.2.0\nkind: DataContract\nid: x\nschema: [\n  - name: {\n');
  await page.getByTestId('import-input').setInputFiles(broken);
  const notice = page.getByTestId('notice').filter({ hasText: 'Nothing was imported.' });
  await notice.waitFor();
  assert.match(await notice.textContent(), /broken\.odcs\.yaml:\d+:\d+: /);
  assert.equal(await sizeText(page), '4 products · 4 contracts · 2 domains');
  await page.screenshot({ path: join(artifacts, 'import-error.png') });

  // A readable contract with a field its standard does not allow imports, and the notice says
  // where the official schema disagrees.
  const example = join(reference, 'odcs', 'examples', 'full-example.v3.1.0.odcs.yaml');
  if (!(await exists(example))) {
    t.skip('../shared/reference is absent: the conformance part is skipped');
    return;
  }
  const odd = join(dir, 'odd.odcs.yaml');
  const text = (await readFile(example, 'utf8')).trimEnd() + '\nnotAnOdcsField: true\n';
  await writeFile(odd, text);
  await page.getByTestId('import-input').setInputFiles(odd);
  const imported = page.getByTestId('notice').filter({ hasText: 'Imported 1 file' });
  await imported.waitFor();
  const line = text.trimEnd().split('\n').length;
  assert.match(await imported.textContent(), new RegExp(`1 finding against the official schemas:odd\\.odcs\\.yaml:${line}:1: .*notAnOdcsField`));
});
