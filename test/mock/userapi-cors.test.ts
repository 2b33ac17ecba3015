// userapi from a browser on another origin: the real app's index.php answers every preflight and puts
// Access-Control-Allow-Origin: * on every answer (userapi-observed.json), so a frontend served elsewhere can log in and
// update its user. Checked at the socket, then with headless Chromium calling the mock from a page on another port.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from '@playwright/test';
import { startTestMock, url } from '../helpers/start-mock.ts';
import type { RunningMock } from '../../src/server/mock-server.ts';

const CHROMIUM = process.env.CONFORM_CHROMIUM ?? '/usr/bin/chromium';
let mock: RunningMock;
let base: string;
let page: http.Server;
let pageOrigin: string;
let browser: Browser;

before(async () => {
  mock = await startTestMock(['userapi']);
  base = url(mock, 'userapi');
  page = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end('<!doctype html><title>frontend</title>'));
  await new Promise<void>((resolve) => page.listen(0, '127.0.0.1', resolve));
  pageOrigin = `http://127.0.0.1:${(page.address() as AddressInfo).port}`;
  assert.ok(fs.existsSync(CHROMIUM), `${CHROMIUM} is missing: run scripts/setup.sh (it installs Debian's chromium)`);
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
});
after(async () => {
  await browser?.close();
  await new Promise((resolve) => page?.close(resolve));
  await mock?.stop();
});

test('OPTIONS on any path answers an empty 200 with the CORS headers, before routing', async () => {
  for (const path of ['/api/user/update', '/api/login', '/nowhere']) {
    const res = await fetch(`${base}${path}`, { method: 'OPTIONS', headers: { origin: 'http://elsewhere.test', 'access-control-request-method': 'PUT', 'access-control-request-headers': 'authorization,content-type' } });
    assert.equal(res.status, 200, path);
    assert.equal(await res.text(), '');
    assert.equal(res.headers.get('access-control-allow-origin'), '*');
    assert.match(res.headers.get('access-control-allow-methods') ?? '', /\bPUT\b/);
    assert.match(res.headers.get('access-control-allow-headers') ?? '', /\bAuthorization\b/);
  }
});

test('every answer carries Access-Control-Allow-Origin: *, errors included', async () => {
  const form = { 'content-type': 'application/x-www-form-urlencoded' };
  const answers = [
    await fetch(`${base}/api/login`, { method: 'POST', headers: form, body: `json=${encodeURIComponent(JSON.stringify({ email: 'nobody@example.com', password: 'x' }))}` }),
    await fetch(`${base}/api/user/update`, { method: 'PUT', headers: form, body: 'json=%7B%7D' }),
    await fetch(`${base}/api/user/update`, { method: 'POST', headers: form, body: '' }),
    await fetch(`${base}/api/user/detail/1`),
    await fetch(`${base}/nowhere`),
  ];
  for (const res of answers) assert.equal(res.headers.get('access-control-allow-origin'), '*', `${res.url} ${res.status}`);
  assert.deepEqual(answers.map((r) => r.status), [200, 400, 405, 200, 404]);
});

test('Chromium on another origin logs in and updates the user through a real CORS preflight', async () => {
  const users = ((await mock.credentials()).userapi as { users: Array<{ email: string; password: string }> }).users;
  const { email, password } = users[0]!;
  const tab = await browser.newPage();
  try {
    await tab.goto(pageOrigin);
    const outcome = await tab.evaluate(
      async ({ api, email, password }) => {
        const form = { 'content-type': 'application/x-www-form-urlencoded' };
        const login = await fetch(`${api}/api/login`, { method: 'POST', headers: form, body: `json=${encodeURIComponent(JSON.stringify({ email, password }))}` });
        const token = (await login.json()) as string;
        // PUT with an Authorization header is not a simple request: the browser sends the preflight first, and
        // fetch rejects (TypeError) unless the preflight's answer allows the method, the header and the origin.
        const update = await fetch(`${api}/api/user/update`, { method: 'PUT', headers: { ...form, authorization: token }, body: `json=${encodeURIComponent(JSON.stringify({ name: 'Alicia', surname: 'Example', email, description: 'from a browser' }))}` });
        return { login: login.status, update: update.status, body: await update.json() };
      },
      { api: base, email, password },
    );
    assert.equal(outcome.login, 200);
    assert.equal(outcome.update, 200);
    assert.equal(outcome.body.status, 'success');
    assert.equal(outcome.body.changes.name, 'Alicia');
  } finally {
    await tab.close();
  }
});
