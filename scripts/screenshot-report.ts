// Screenshot of a conformance.html: opens it in headless Chromium (Debian's, /usr/bin/chromium), opens the first
// failure's details and saves the full page.  node --import tsx scripts/screenshot-report.ts <html> <png>
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const [html, png] = process.argv.slice(2);
if (!html || !png) {
  console.error('usage: node --import tsx scripts/screenshot-report.ts <conformance.html> <out.png>');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CONFORM_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(pathToFileURL(path.resolve(html)).href);
  const first = page.locator('details.failures').first();
  if ((await first.count()) > 0) {
    await first.locator(':scope > summary').click();
    await first.locator('section.failure').first().waitFor({ state: 'visible' });
  } else console.error('no failure in this report: nothing to open');
  fs.mkdirSync(path.dirname(path.resolve(png)), { recursive: true });
  await page.screenshot({ path: png, fullPage: true });
  console.log(`wrote ${png}`);
} finally {
  await browser.close();
}
