// The page a frontend developer would write: the worker with conform's handlers, then the app's own requests.
import { setupWorker } from 'msw/browser';
import { createHandlers } from '../../../mocks/msw/index.ts';

const origin = location.origin;
const kuzzle = createHandlers({ api: 'kuzzle', baseUrl: `${origin}/kuzzle` });
const devicehive = createHandlers({ api: 'devicehive', baseUrl: `${origin}/dh` });
const userapi = createHandlers({ api: 'userapi', baseUrl: `${origin}/users` });

const show = (id: string, text: string) => {
  const li = document.createElement('li');
  li.id = id;
  li.textContent = text;
  document.querySelector('#log')?.append(li);
};
const post = (body: unknown) => ({ method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });

async function run(): Promise<void> {
  await setupWorker(...kuzzle, ...devicehive, ...userapi).start({ onUnhandledRequest: 'bypass', quiet: true });
  const login = await (await fetch(`${origin}/kuzzle/_login/local`, post({ username: 'admin', password: 'admin-password' }))).json();
  const auth = { authorization: `Bearer ${login.result.jwt}`, 'content-type': 'application/json' };
  await fetch(`${origin}/kuzzle/_me`, { method: 'PUT', headers: auth, body: JSON.stringify({ fullname: 'Walter Smith' }) });
  const me = await (await fetch(`${origin}/kuzzle/_me`, { headers: auth })).json();
  show('kuzzle', `kuzzle: ${me.result._id} is ${me.result._source.fullname}`);

  const tokens = await (await fetch(`${origin}/dh/api/rest/token`, post({ login: 'dhadmin', password: 'dhadmin_#911' }))).json();
  const put = await fetch(`${origin}/dh/api/rest/user/current`, { method: 'PUT', headers: { authorization: `Bearer ${tokens.accessToken}`, 'content-type': 'application/json' }, body: JSON.stringify({ data: { theme: 'dark' } }) });
  const current = await (await fetch(`${origin}/dh/api/rest/user/current`, { headers: { authorization: `Bearer ${tokens.accessToken}` } })).json();
  show('devicehive', `devicehive: PUT /user/current ${put.status}, data.theme ${current.data.theme}`);

  const token = await (await fetch(`${origin}/users/api/login`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent(JSON.stringify({ email: 'alice@example.com', password: 'alice-password' }))}` })).json();
  const update = await (await fetch(`${origin}/users/api/user/update`, { method: 'PUT', headers: { authorization: token, 'content-type': 'application/x-www-form-urlencoded' }, body: `json=${encodeURIComponent(JSON.stringify({ name: 'John', surname: 'Doe', email: 'john@example.com' }))}` })).json();
  show('userapi', `userapi: ${update.status}, name ${update.changes.name} ${update.changes.surname}`);
  document.body.dataset.done = 'yes';
}

run().catch((error: unknown) => {
  show('error', `error: ${(error as Error).message}`);
  document.body.dataset.done = 'error';
});
