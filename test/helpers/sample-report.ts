// A report with one of everything, built by the real buildReport from the real Kuzzle catalogue: a MUST failure
// (HTTP), a SHOULD failure (WebSocket), a known deviation, a skipped test and a transport not tested (MQTT).
import { readCatalogue } from '../../src/specs/catalogue.ts';
import { buildReport, type ConformanceReport, type TestOutcome } from '../../src/reports/model.ts';
import type { Transport } from '../../src/specs/families.ts';

export const SAMPLE = {
  mustFailed: 'kuzzle.updateSelf.route.me',
  shouldFailed: 'kuzzle.updateSelf.default.refresh-false',
  known: 'kuzzle.all.transport.ws-room',
  skipped: 'kuzzle.updateSelf.route.message',
  endpoints: { http: 'http://127.0.0.1:7512', ws: 'ws://127.0.0.1:7512', mqtt: 'mqtt://127.0.0.1:1883' },
} as const;

const login = {
  transport: 'http',
  request: { method: 'POST', url: 'http://127.0.0.1:7512/_login/local', headers: { 'content-type': 'application/json' }, body: '{"username":"admin","password":"[REDACTED]"}' },
  response: { status: 200, headers: { 'content-type': 'application/json' }, body: { status: 200, result: { jwt: '[REDACTED]' } } },
};
const putMe = {
  transport: 'http',
  request: { method: 'PUT', url: 'http://127.0.0.1:7512/_me', headers: { authorization: 'Bearer [REDACTED]', 'content-type': 'application/json' }, body: '{"fullname":"O\'Brien"}' },
  response: { status: 404, headers: { 'content-type': 'application/json' }, body: { status: 404, error: { id: 'network.http.url_not_found', message: 'API URL not found: /_me.' } } },
};
const wsUpdate = {
  transport: 'ws',
  request: { controller: 'auth', action: 'updateSelf', jwt: '[REDACTED]', refresh: false, body: { fullname: 'X' }, requestId: 'r1' },
  response: { status: 400, requestId: 'r1', error: { message: 'refresh must be wait_for' } },
};

export function sampleOutcomes(): TestOutcome[] {
  const catalogue = readCatalogue('kuzzle');
  const outcomes: TestOutcome[] = [];
  let n = 0;
  for (const r of catalogue.requirements) {
    for (const transport of r.transports.filter((t): t is Transport => t !== 'mqtt')) {
      n += 1;
      const base = { title: `${r.id} [${transport}] ${r.title}`, requirements: [r.id], transport, durationMs: 100 + n };
      if (r.id === SAMPLE.mustFailed && transport === 'http') {
        outcomes.push({ ...base, status: 'failed', message: 'Error: PUT /_me answers HTTP 200\n\nexpect(received).toBe(expected) // Object.is equality\n\nExpected: 200\nReceived: 404', exchanges: [login, putMe] });
      } else if (r.id === SAMPLE.shouldFailed && transport === 'ws') {
        outcomes.push({ ...base, status: 'failed', message: 'Error: expect(received).toMatchObject(expected)\n\n- Expected  - 1\n+ Received  + 1\n\n  Object {\n-   "status": 200,\n+   "status": 400,\n  }', exchanges: [wsUpdate] });
      } else if (r.id === SAMPLE.known) {
        outcomes.push({ ...base, status: 'failed', message: 'Error: the answer carries room r1\n\nExpected: "r1"\nReceived: undefined', exchanges: [wsUpdate] });
      } else if (r.id === SAMPLE.skipped && transport === 'ws') {
        outcomes.push({ ...base, status: 'skipped', skipReason: 'the target has no such route' });
      } else outcomes.push({ ...base, status: 'passed' });
    }
  }
  return outcomes;
}

export function sampleReport(): ConformanceReport {
  return buildReport({
    catalogue: readCatalogue('kuzzle'),
    outcomes: sampleOutcomes(),
    transportsTested: ['http', 'ws'],
    target: { name: 'sample', endpoints: SAMPLE.endpoints },
    baseline: { [SAMPLE.known]: { why: 'sample baseline: this server does not echo room' } },
    startedAt: new Date('2026-12-03T09:00:00.000Z'),
    durationMs: 12_345,
    version: '0.1.0',
  });
}
