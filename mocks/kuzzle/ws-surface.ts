import type { WsPeer, WsSession, WsSurface } from '../../src/core/family.ts';
import { bareRequest, envelope } from './envelope.ts';
import type { KuzzleContext } from './context.ts';
import { kerror, wrapUnexpected } from './errors.ts';
import { runMessage } from './message.ts';
import type { ApiRequest } from './request.ts';
import { parseJson } from '../../src/core/json.ts';
import { TokenExpiry } from './token-expiry.ts';

/** One JSON request per message; {"p":1} is the application heartbeat (httpwsProtocol.js:342-421). */
function isPing(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value) && Object.keys(value).length === 1 && (value as { p?: unknown }).p === 1;
}

/** One connection: its push channel (TokenExpired notifications), its linked tokens, and the token its first updateSelf used (for one deviation). */
function session(env: KuzzleContext, peer: WsPeer): WsSession {
  const { behaviour } = env;
  let open = true;
  const send = (value: unknown): void => {
    if (open) peer.send(JSON.stringify(value));
  };
  const expiry = new TokenExpiry(env, send);
  let sticky: string | null = null;
  // kuzzle.updateSelf.auth.jwt-argument: each message's jwt is read; the deviation reuses the first one an updateSelf
  // presented on the connection.
  const beforeExecute = (request: ApiRequest): void => {
    if (!behaviour.deviates('kuzzle.updateSelf.auth.jwt-argument') || request.controller !== 'auth' || request.action !== 'updateSelf') return;
    if (sticky !== null) request.jwt = sticky;
    else sticky = request.jwt;
  };
  // The answer to one message, or undefined for none.
  const handle = async (text: string): Promise<unknown> => {
    if (text.length === 0) return undefined;
    const parsed = parseJson(text);
    if (!parsed.ok) return envelope(behaviour, bareRequest(), { error: kerror('network.websocket.unexpected_error', parsed.message) });
    // kuzzle.all.transport.ws-heartbeat: {"p":1} → {"p":2}; the deviation treats it as a request.
    if (isPing(parsed.value) && !behaviour.deviates('kuzzle.all.transport.ws-heartbeat')) return { p: 2 };
    const outcome = await runMessage(env, parsed.value, 'websocket', { beforeExecute });
    if (outcome.kind === 'rejected') return envelope(behaviour, outcome.request, outcome.outcome);
    const { request, execution } = outcome;
    expiry.track(request, execution);
    const body = envelope(behaviour, request, execution.outcome);
    // kuzzle.all.transport.ws-room: every response carries room = requestId; the deviation leaves it out.
    if (!behaviour.deviates('kuzzle.all.transport.ws-room')) body.room = request.requestId;
    return body;
  };
  return {
    async message(text: string): Promise<string[]> {
      let body: unknown;
      try {
        body = await handle(text);
      } catch (error) {
        // A mock bug still answers as Kuzzle would, and leaves the socket open.
        body = envelope(behaviour, bareRequest(), { error: wrapUnexpected(error) });
      }
      return open && body !== undefined ? [JSON.stringify(body)] : [];
    },
    closed(): void {
      open = false;
      expiry.clear();
    },
  };
}

/**
 * Kuzzle's WebSocket protocol (kuzzle.md §5): any path; nothing sent on connect; each response is the envelope plus
 * room = requestId, which kuzzle-sdk matches on; malformed JSON is answered without room.
 */
export function createWsSurface(env: KuzzleContext): WsSurface {
  return { accepts: () => true, open: (peer) => session(env, peer) };
}
