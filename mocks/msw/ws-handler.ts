import { ws, type WebSocketHandler } from 'msw';
import type { FamilyMock } from '../../src/core/family.ts';
import { DROPPED, type ExchangePipeline } from '../../src/core/pipeline.ts';

import { escapeRegExp as escape } from '../../src/core/regex.ts';

/**
 * WebSocket connections to `url` become sessions of the family's WebSocket surface, as on the standalone server; each
 * message goes through the exchange pipeline (recorded, delayed, faulted) and its answers come back to the client.
 */
export function wsHandler(url: string, mock: FamilyMock, pipeline: ExchangePipeline): WebSocketHandler {
  const surface = mock.ws;
  if (!surface) throw new Error(`${mock.family} has no WebSocket surface`);
  const link = ws.link(new RegExp(`^${escape(url)}(/.*)?(\\?.*)?$`));
  let connections = 0;
  return link.addEventListener('connection', ({ client }) => {
    const id = `msw-ws-${++connections}`;
    const peer = {
      send: (text: string) => {
        pipeline.pushed(mock.family, 'ws', id, text);
        client.send(text);
      },
      close: (code?: number, reason?: string) => client.close(code, reason),
    };
    const session = surface.open(peer, { headers: {} });
    client.addEventListener('message', (event) => {
      const data = typeof event.data === 'string' ? event.data : new TextDecoder().decode(event.data as ArrayBuffer);
      void pipeline.ws(mock, session, id, data, typeof event.data !== 'string').then(
        (answers) => {
          if (answers === DROPPED) return client.close();
          for (const answer of answers) client.send(answer);
        },
        () => client.close(1011, 'internal error'),
      );
    });
    client.addEventListener('close', () => session.closed());
  });
}
