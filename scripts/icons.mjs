// Renders the app icon (public/favicon.svg) into the PNG sizes the web app manifest names
// (public/icons/icon-192.png, icon-512.png): Chromium wants raster icons of at least 144 px to
// offer installing the app. Uses the e2e tests' headless Chromium; run again after changing the
// SVG: `node scripts/icons.mjs`.
import { readFile, mkdir } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { chromium } = createRequire(join(root, 'e2e', 'package.json'))('playwright-core');
const SIZES = [192, 512];

const svg = await readFile(join(root, 'public', 'favicon.svg'), 'utf8');
await mkdir(join(root, 'public', 'icons'), { recursive: true });
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
try {
  for (const size of SIZES) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    // The SVG as an image filling the viewport on a transparent page: its rounded corners stay
    // transparent in the PNG.
    const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;
    await page.setContent(`<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${src}" width="${size}" height="${size}">`);
    await page.locator('img').evaluate((img) => img.decode());
    const out = join(root, 'public', 'icons', `icon-${size}.png`);
    await page.screenshot({ path: out, omitBackground: true });
    await page.close();
    console.log(`icons: ${out.slice(root.length + 1)}`);
  }
} finally {
  await browser.close();
}
