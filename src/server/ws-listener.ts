import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { FamilyMock, WsSession } from '../core/family.ts';
import { DROPPED, type ExchangePipeline } from '../core/pipeline.ts';
import { MAX_BODY_BYTES, type TenantRoute } from './http-listener.ts';

/**
 * ws answers a frame over maxPayload with a 1009 close frame (Message Too Big). A family whose real server drops the
 * connection instead (a uWebSockets server: the client sees 1006) gets that close turned into a cut; ws calls
 * close(1009) for the size limit only, and no family closes with 1009 itself.
 */
function dropOversizeFrames(ws: WebSocket): void {
  const close = ws.close.bind(ws);
  ws.close = (code?: number, reason?: string | Buffer) => (code === 1009 ? ws.terminate() : close(code, reason));
}

/**
 * Serves a family's WebSocket surface on its HTTP server. Frames over the size limit close the socket as the family's
 * real server does (manifest wsOversize); a session's failure never reaches the process.
 */
export function attachWebSocket(
  server: Server,
  defaultMock: FamilyMock,
  pipeline: ExchangePipeline,
  oversize: 'close-1009' | 'drop' = 'close-1009',
  route?: (url: string, headers: Record<string, string | string[] | undefined>) => TenantRoute,
): WebSocketServer | undefined {
  const surface0 = defaultMock.ws;
  if (!surface0) return undefined;
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BODY_BYTES, perMessageDeflate: false });
  let connections = 0;
  server.on('upgrade', (request, socket, head) => {
    // The tenant is chosen once per connection: by the upgrade's header or path prefix.
    const routed = route?.(request.url ?? '/', request.headers) ?? { ok: true as const, mock: defaultMock, url: request.url ?? '/', tenant: '' };
    if (!routed.ok) {
      const body = routed.response.body === null ? '' : Buffer.from(routed.response.body).toString('utf8');
      socket.end(`HTTP/1.1 ${routed.response.status} Bad Request\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
      return;
    }
    const mock = routed.mock;
    const surface = mock.ws ?? surface0;
    const pathname = routed.url.split('?')[0] ?? '/';
    if (!surface.accepts(pathname)) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    wss.handleUpgrade(request, socket, head, (ws: WebSocket) => {
      if (oversize === 'drop') dropOversizeFrames(ws);
      const id = `ws-${++connections}`;
      const headers: Record<string, string> = {};
      for (const [k, v] of Object.entries(request.headers)) if (typeof v === 'string') headers[k] = v;
      const send = (text: string): void => {
        if (ws.readyState === ws.OPEN) ws.send(text);
      };
      const session: WsSession = surface.open(
        {
          send: (text) => {
            pipeline.pushed(mock.family, 'ws', id, text);
            send(text);
          },
          close: (code, reason) => ws.close(code, reason),
        },
        { headers, remoteAddress: request.socket.remoteAddress },
      );
      ws.on('message', (data, isBinary) => {
        const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.from(data as ArrayBuffer).toString('utf8');
        pipeline.ws(mock, session, id, text, isBinary).then(
          (answers) => {
            if (answers === DROPPED) return ws.terminate();
            for (const answer of answers) send(answer);
          },
          (error: unknown) => {
            // A family bug must not take the process down; the client sees the socket close with 1011.
            process.emitWarning(`conform mock: ${mock.family} WebSocket session failed: ${(error as Error).stack ?? String(error)}`);
            ws.close(1011, 'internal error');
          },
        );
      });
      ws.on('close', () => session.closed());
      ws.on('error', () => ws.terminate());
    });
  });
  return wss;
}
