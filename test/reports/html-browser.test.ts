// conformance.html in a real browser: Debian's Chromium driven by Playwright opens the sample report from a file and
// uses its filters, its search box and a failure's details.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { renderHtml } from '../../src/reports/html.ts';
import { SAMPLE, sampleReport } from '../helpers/sample-report.ts';

const CHROMIUM = process.env.CONFORM_CHROMIUM ?? '/usr/bin/chromium';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-html-report-'));
const file = path.join(dir, 'conformance.html');
let browser: Browser;

before(async () => {
  fs.writeFileSync(file, renderHtml(sampleReport()));
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup.sh (it installs Debian's chromium)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
});
after(async () => {
  await browser?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(pathToFileURL(file).href);
  await page.waitForFunction(() => document.getElementById('f-count')?.textContent !== '');
  assert.deepEqual(errors, [], 'the page logs no error (its script runs under its own CSP)');
  return page;
}

const visible = (page: Page) => page.locator('tbody.requirement:not([hidden])').evaluateAll((els) => els.map((e) => ({ id: e.id.slice(4), status: e.getAttribute('data-status') })));

test('status "failed" shows only failed requirements', async () => {
  const page = await open();
  const all = await visible(page);
  assert.ok(all.length > 10);
  await page.selectOption('#f-status', 'failed');
  const shown = await visible(page);
  assert.ok(shown.length >= 2 && shown.length < all.length, `${shown.length} of ${all.length}`);
  assert.ok(shown.every((r) => r.status === 'failed'), JSON.stringify(shown));
  assert.ok(shown.some((r) => r.id === SAMPLE.mustFailed));
  assert.ok(await page.locator(`tbody[data-status="passed"]`).first().isHidden());
  assert.match(await page.locator('#f-count').innerText(), new RegExp(`^${shown.length} of ${all.length} requirements$`));
  await page.close();
});

test('typing an id fragment into the search box shows only matching requirements', async () => {
  const page = await open();
  await page.fill('#f-search', 'refresh-FALSE');
  const shown = await visible(page);
  assert.ok(shown.length >= 1);
  assert.ok(shown.every((r) => r.id.toLowerCase().includes('refresh-false')), JSON.stringify(shown));
  assert.ok(shown.some((r) => r.id === SAMPLE.shouldFailed));
  await page.fill('#f-search', '');
  assert.ok((await visible(page)).length > shown.length);
  await page.close();
});

test('a failure’s details show expected vs received and the reproduction', async () => {
  const page = await open();
  const row = page.locator(`tbody[id="req-${SAMPLE.mustFailed}"]`);
  const expected = row.locator('.expected pre').first();
  assert.ok(await expected.isHidden(), 'closed before the click');
  await row.locator('details.failures > summary').click();
  assert.ok(await expected.isVisible());
  assert.equal(await expected.innerText(), '200');
  assert.equal(await row.locator('.received pre').first().innerText(), '404');
  const repro = row.locator('pre.repro-cmd').first();
  assert.ok(await repro.isVisible());
  assert.match(await repro.innerText(), /curl -sS -i -X PUT http:\/\/127\.0\.0\.1:7512\/_me -H "Authorization: Bearer \$CONFORM_TOKEN"/);
  assert.ok(await row.locator('button.copy').first().isVisible());
  assert.ok(await row.locator('.msg.req code', { hasText: 'PUT http://127.0.0.1:7512/_me' }).isVisible());
  await page.close();
});
