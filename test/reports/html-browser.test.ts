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
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
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

test('status and transport together: "failed" on http lists the HTTP failure, not the SHOULD that failed on ws only', async () => {
  const page = await open();
  await page.selectOption('#f-status', 'failed');
  await page.selectOption('#f-transport', 'http');
  assert.deepEqual((await visible(page)).map((r) => r.id), [SAMPLE.mustFailed]);
  await page.selectOption('#f-transport', 'ws');
  assert.deepEqual((await visible(page)).map((r) => r.id), [SAMPLE.shouldFailed]);
  await page.selectOption('#f-status', 'warning');
  await page.selectOption('#f-level', 'MUST');
  assert.deepEqual(await visible(page), []);
  assert.equal(await page.locator('#f-count').innerText(), `0 of ${await page.locator('tbody.requirement').count()} requirements`);
  await page.close();
});

test('the copy button copies the reproduction', async () => {
  const page = await open();
  const row = page.locator(`tbody[id="req-${SAMPLE.mustFailed}"]`);
  await row.locator('details.failures > summary').click();
  const button = row.locator('button.copy').first();
  await button.click();
  await page.waitForFunction(() => document.querySelector('button.copy')?.textContent === 'copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, await row.locator('pre.repro-cmd').first().textContent());
  assert.match(copied, /^curl -sS -i -X POST http:\/\/127\.0\.0\.1:7512\/_login\/local/);
  await page.close();
});

test('with JavaScript off every requirement shows and the failures still open', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(pathToFileURL(file).href);
  const all = await page.locator('tbody.requirement').count();
  assert.ok(all > 10);
  assert.equal(await page.locator('tbody.requirement:visible').count(), all);
  // A copy button could do nothing without the script, so it stays hidden.
  assert.equal(await page.locator('button.copy:visible').count(), 0);
  const row = page.locator(`tbody[id="req-${SAMPLE.mustFailed}"]`);
  await row.locator('details.failures > summary').click();
  assert.ok(await row.locator('.received pre').first().isVisible());
  assert.ok(await row.locator('pre.repro-cmd').first().isVisible());
  await context.close();
});

test('a <script> in a failure message reads as text and never runs', async () => {
  const report = sampleReport();
  const f = report.requirements.find((r) => r.id === SAMPLE.mustFailed)!.failures[0]!;
  f.message = 'Error: <script>window.pwned=1</script><img src=x onerror="window.pwned=2">';
  const hostile = path.join(dir, 'hostile.html');
  fs.writeFileSync(hostile, renderHtml(report));
  const page = await browser.newPage();
  await page.goto(pathToFileURL(hostile).href);
  const row = page.locator(`tbody[id="req-${SAMPLE.mustFailed}"]`);
  await row.locator('details.failures > summary').click();
  assert.equal(await row.locator('p.msg-first').innerText(), f.message);
  assert.equal(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned), undefined);
  assert.equal(await page.locator('img').count(), 0);
  await page.close();
});
