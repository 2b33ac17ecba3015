import { ws, type WebSocketHandler } from 'msw';
import type { FamilyMock } from '../../src/core/family.ts';

import { escapeRegExp as escape } from '../../src/core/regex.ts';

/** WebSocket connections to `url` become sessions of the family's WebSocket surface, as on the standalone server. */
export function wsHandler(url: string, mock: FamilyMock): WebSocketHandler {
  const surface = mock.ws;
  if (!surface) throw new Error(`${mock.family} has no WebSocket surface`);
  const link = ws.link(new RegExp(`^${escape(url)}(/.*)?(\\?.*)?$`));
  return link.addEventListener('connection', ({ client }) => {
    const session = surface.open({ send: (text) => client.send(text), close: (code, reason) => client.close(code, reason) }, { headers: {} });
    client.addEventListener('message', (event) => {
      const data = typeof event.data === 'string' ? event.data : new TextDecoder().decode(event.data as ArrayBuffer);
      void session.message(data);
    });
    client.addEventListener('close', () => session.closed());
  });
}
