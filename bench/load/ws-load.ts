import WebSocket from 'ws';

/**
 * Request/response round trips over WebSocket: `connections` sockets, each sending its next request when the
 * previous answer arrives, for `durationMs`. Bounded by time and by `maxPerConnection`; returns round trips/s.
 */
export async function wsRoundTrips(url: string, connections: number, durationMs: number, message: (id: string) => object, maxPerConnection = 1_000_000): Promise<number> {
  const sockets = await Promise.all(
    Array.from({ length: connections }, () => new Promise<WebSocket>((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: false });
      ws.once('open', () => resolve(ws));
      ws.once('error', reject);
    })),
  );
  const deadline = performance.now() + durationMs;
  let total = 0;
  await Promise.all(
    sockets.map((ws, c) => new Promise<void>((resolve) => {
      let n = 0;
      const next = () => {
        if (performance.now() >= deadline || n >= maxPerConnection) return resolve();
        ws.send(JSON.stringify(message(`${c}-${n}`)));
      };
      ws.on('message', (data) => {
        const text = data.toString();
        if (!text.includes('"room"') && !text.includes('requestId')) return;
        n++;
        total++;
        next();
      });
      next();
    })),
  );
  for (const ws of sockets) ws.terminate();
  return total / (durationMs / 1000);
}
