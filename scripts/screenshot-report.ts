// A screenshot of conformance.html with its first failure opened, from a real run: the built-in mock serving the
// userapi with one deviation, conform test against it, then headless Chromium (Debian's, /usr/bin/chromium).
//   node --import tsx scripts/screenshot-report.ts [out.png] [--html conformance.html] [--deviate <requirement-id>]
// --html screenshots an existing report instead of running one. The default out is docs/images/report-failure.png
// (reports/ is git-ignored, generated output only).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { chromium } from '@playwright/test';

const ROOT = path.resolve(import.meta.dirname, '..');
const CLI = path.join(ROOT, 'bin', 'conform.mjs');
/** A MUST whose failure shows well: expected ">= 400", received 200, the form body that should have been refused. */
const DEFAULT_DEVIATION = 'userapi.update.validation.name-alphabetic';
/** Tall enough for the summary and one failure's first exchanges; a full page of six transcripts reads as nothing. */
const MAX_HEIGHT = 2600;

function option(name: string): string | undefined {
  const at = process.argv.indexOf(name);
  return at === -1 ? undefined : process.argv[at + 1];
}

/** Starts `conform mock` on free ports with the deviation, runs `conform test` against it, returns the report. */
async function realRun(deviation: string): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-screenshot-'));
  const mock = spawn(process.execPath, [CLI, 'mock', '--family', 'userapi', '--ephemeral', '--deviate', deviation, '--targets-dir', dir], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    await new Promise<void>((resolve, reject) => {
      let out = '';
      mock.stdout.on('data', (d) => {
        out += d;
        if (out.includes('is ready')) resolve();
      });
      mock.on('exit', (code) => reject(new Error(`conform mock exited (${code}): ${out}`)));
    });
    const reportDir = path.join(dir, 'report');
    const run = spawnSync(process.execPath, [CLI, 'test', '--target', path.join(dir, 'userapi.json'), '--report-dir', reportDir, '--quiet'], { stdio: 'inherit' });
    // 1 is the expected outcome: the deviation fails a MUST.
    if (run.status !== 1) throw new Error(`conform test exited ${run.status}, expected 1 (a MUST failure)`);
    return path.join(reportDir, 'conformance.html');
  } finally {
    mock.kill('SIGTERM');
  }
}

const positional = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
const png = path.resolve(positional[0] ?? path.join(ROOT, 'docs', 'images', 'report-failure.png'));
const html = option('--html') ?? (await realRun(option('--deviate') ?? DEFAULT_DEVIATION));

const browser = await chromium.launch({ executablePath: process.env.CONFORM_CHROMIUM ?? '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu', '--no-first-run'] });
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(pathToFileURL(path.resolve(html)).href);
  const details = page.locator('details.failures').first();
  if ((await details.count()) === 0) throw new Error(`${html} has no failure to open`);
  await details.locator(':scope > summary').click();
  const failure = details.locator('section.failure').first();
  await failure.waitFor({ state: 'visible' });
  const box = await failure.boundingBox();
  const height = Math.min(MAX_HEIGHT, Math.ceil((box?.y ?? 0) + (box?.height ?? 0) + 16));
  fs.mkdirSync(path.dirname(png), { recursive: true });
  await page.screenshot({ path: png, fullPage: true, clip: { x: 0, y: 0, width: 1400, height } });
  console.log(`wrote ${path.relative(process.cwd(), png)} (${html})`);
} finally {
  await browser.close();
}
