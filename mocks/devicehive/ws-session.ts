import type { DeviceHiveContext } from './context.ts';
import { isFailure, type Failure } from './failure.ts';
import { isJsonObject, own, parseJson, type JsonObject } from './json.ts';
import { MESSAGES } from './messages.ts';
import { authenticateAccessToken, type Principal } from './principal.ts';
import { malformedAnswer, wsError, type Answer } from './ws-answer.ts';

export type WsAction = (session: DeviceHiveSession, request: JsonObject) => Promise<Answer>;

/**
 * One session of the WebSocket API: a WebSocket connection, or an MQTT client (devicehive-mqtt keeps one WebSocket
 * session per MQTT client id, devicehive.md §5). It keeps the identity of its last successful authenticate.
 */
export class DeviceHiveSession {
  principal: Principal | undefined;
  /** The access token of the authenticate, which token/create forwards to the auth service. */
  token: string | undefined;

  constructor(
    readonly ctx: DeviceHiveContext,
    private readonly actions: ReadonlyMap<string, WsAction>,
    /** The Host header of the WebSocket handshake (server/info builds the REST URL from it); none behind MQTT. */
    readonly handshakeHost?: string,
  ) {}

  /** CommonHandlers.processAuthenticate: the identity is fixed here, role included, and not checked again later. */
  async authenticate(token: string): Promise<Failure | undefined> {
    const principal = await authenticateAccessToken(this.ctx, token);
    if (isFailure(principal)) return principal;
    // devicehive.all.auth.ws-authenticate: the deviation answers success but keeps the session anonymous.
    if (this.ctx.behaviour.deviates('devicehive.all.auth.ws-authenticate')) return undefined;
    this.principal = principal;
    this.token = token;
    return undefined;
  }

  /** One text frame in, at most one answer out; never throws. */
  async handle(text: string): Promise<Answer | undefined> {
    const parsed = parseJson(text);
    if (!parsed.ok || !isJsonObject(parsed.value)) {
      // devicehive.all.envelope.ws-malformed-json: the deviation stays silent.
      return this.ctx.behaviour.deviates('devicehive.all.envelope.ws-malformed-json') ? undefined : malformedAnswer();
    }
    const request = parsed.value;
    try {
      return await this.dispatch(request);
    } catch (error) {
      // The reference's catch-all: 500 with the exception's message.
      return wsError(this.ctx, request, 500, (error as Error).message ?? MESSAGES.INTERNAL_SERVER_ERROR);
    }
  }

  /** WebSocketRequestProcessor.getAction / WebsocketAction.forName. */
  private dispatch(request: JsonObject): Promise<Answer> {
    const action = own(request, 'action');
    if (action === undefined || action === null || typeof action === 'object' || action === '') {
      return Promise.resolve(wsError(this.ctx, request, 500, MESSAGES.UNKNOWN_ENDPOINT));
    }
    const name = String(action);
    const handler = this.actions.get(name);
    if (!handler) return Promise.resolve(wsError(this.ctx, request, 400, MESSAGES.ILLEGAL_ARGUMENT(name)));
    return handler(this, request);
  }
}
