/**
 * `node --import tsx bench/mqtt-large-publish.ts [MB]`: what one large PUBLISH on each family's request topic costs
 * the mock's process. Prints its resident memory before, its peak after, and whether the request was answered or the
 * connection closed. One publish per family, each in a fresh process; every wait is bounded.
 */
import fs from 'node:fs';
import mqtt from 'mqtt';
import { startChild } from './load/child.ts';

const MB = Number(process.argv[2] ?? 50);
const WAIT_MS = 30_000;

interface Ready {
  listeners: Array<{ family: string; transport: string; url: string }>;
  credentials: { devicehive: { admin: { login: string; password: string } } };
}

/** Resident memory now (VmRSS) or at its peak so far (VmHWM), in MB. */
function memoryMb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Math.round(Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 102.4) / 10;
}

const families = {
  kuzzle: { topic: 'Kuzzle/request', response: 'Kuzzle/response', request: { controller: 'server', action: 'now' } },
  devicehive: { topic: 'dh/request', response: 'dh/response/user/getCurrent@big', request: { action: 'user/getCurrent' } },
} as const;

for (const [family, spec] of Object.entries(families)) {
  const child = await startChild<Ready>('servers/mock-in-process.ts', [family]);
  try {
    const pid = child.process.pid!;
    const url = child.ready.listeners.find((l) => l.family === family && l.transport === 'mqtt')!.url;
    const admin = child.ready.credentials.devicehive?.admin;
    const auth = family === 'devicehive' ? { username: admin.login, password: admin.password } : {};
    const client = await mqtt.connectAsync(url, { clientId: 'big', reconnectPeriod: 0, ...auth });
    await client.subscribeAsync(spec.response);
    const before = memoryMb(pid, 'VmRSS');
    const peakBefore = memoryMb(pid, 'VmHWM');
    const head = JSON.stringify({ ...spec.request, requestId: 'big', pad: '' }).slice(0, -2);
    const payload = Buffer.concat([Buffer.from(head + '"'), Buffer.alloc(MB * 1024 * 1024, 'x'), Buffer.from('"}')]);
    const outcome = await new Promise<string>((resolve) => {
      const timer = setTimeout(() => resolve(`neither answered nor closed within ${WAIT_MS} ms`), WAIT_MS);
      client.once('message', (topic) => (clearTimeout(timer), resolve(`answered on ${topic}`)));
      client.once('close', () => (clearTimeout(timer), resolve('connection closed by the broker')));
      client.publish(spec.topic, payload);
    });
    client.end(true);
    const peak = memoryMb(pid, 'VmHWM');
    const growth = Math.round((peak - before) * 10) / 10;
    console.log(`${family}: ${MB} MB PUBLISH on ${spec.topic}: ${outcome}; mock RSS ${before} MB before (peak ${peakBefore} MB at start-up), peak ${peak} MB after: +${growth} MB`);
  } finally {
    await child.stop();
  }
}
