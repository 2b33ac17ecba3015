import net from 'node:net';
import type { Transport } from '../specs/families.ts';
import type { Target } from './target.ts';
import { offeredTransports } from './target.ts';

const DEFAULT_PORTS: Record<string, number> = { 'http:': 80, 'https:': 443, 'ws:': 80, 'wss:': 443, 'mqtt:': 1883, 'mqtts:': 8883 };

/** Opens (and closes) a TCP connection to the endpoint; the error says what happened. */
function probe(endpoint: string, timeoutMs: number): Promise<string | undefined> {
  const url = new URL(endpoint);
  const port = Number(url.port || DEFAULT_PORTS[url.protocol] || 0);
  const host = url.hostname.replace(/^\[|\]$/g, '');
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (problem: string | undefined) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(timeoutMs, () => done(`no TCP connection within ${timeoutMs} ms`));
    socket.once('connect', () => done(undefined));
    socket.once('error', (error: NodeJS.ErrnoException) => done(`${error.code ?? 'error'}: ${error.message}`));
  });
}

/** The endpoints under test that cannot be reached, with why: the suite still runs, the exit code becomes 2. */
export async function unreachableEndpoints(target: Target, transports: readonly Transport[], timeoutMs = 3000): Promise<Array<{ transport: Transport; url: string; problem: string }>> {
  const results = await Promise.all(
    offeredTransports(target, transports).map(async (transport) => {
      const url = target[transport] as string;
      const problem = await probe(url, timeoutMs);
      return problem ? { transport, url, problem } : undefined;
    }),
  );
  return results.filter((r): r is { transport: Transport; url: string; problem: string } => r !== undefined);
}
