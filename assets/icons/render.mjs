// Renders icon.svg to the PNGs electron-builder and the tray need, with the system Chromium (Playwright cannot
// download browsers on our build machines). Run after editing icon.svg: `node assets/icons/render.mjs`.
// electron-builder derives .icns (mac) and .ico (win) from icon.png itself.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium } from '@playwright/test';

const dir = import.meta.dirname;
const svg = await readFile(path.join(dir, 'icon.svg'), 'utf8');
const browser = await chromium.launch({
  executablePath: process.env.BERTH_CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  const page = await browser.newPage();
  for (const size of [1024, 512, 256, 32]) {
    await page.setViewportSize({ width: size, height: size });
    await page.setContent(
      `<html><body style="margin:0;background:transparent">` +
        svg.replace('width="1024" height="1024"', `width="${size}" height="${size}"`) +
        `</body></html>`,
    );
    const name = size === 1024 ? 'icon.png' : `${size}x${size}.png`;
    await page.screenshot({ path: path.join(dir, name), omitBackground: true });
    console.log(`wrote ${name}`);
  }
} finally {
  await browser.close();
}
