import type { DeviceHiveContext } from './context.ts';
import type { Failure } from './failure.ts';
import { own, type Json, type JsonObject } from './json.ts';
import { MESSAGES } from './messages.ts';

/** One WebSocket (and MQTT) answer; keys in the reference's order (JsonMessageBuilder, WebSocketResponse). */
export type Answer = Record<string, Json>;

const UPDATE_CURRENT = 'user/updateCurrent';

/** action and requestId are echoed as sent; an absent one is written as null (Gson's JsonNull). */
function echo(ctx: DeviceHiveContext, request: JsonObject): { action: Json; requestId: Json } {
  const action = own(request, 'action') ?? null;
  let requestId = own(request, 'requestId') ?? null;
  // devicehive.updateCurrent.envelope.request-id-echo: the deviation turns it into text.
  if (action === UPDATE_CURRENT && requestId !== null && typeof requestId !== 'string' && ctx.behaviour.deviates('devicehive.updateCurrent.envelope.request-id-echo')) {
    requestId = JSON.stringify(requestId);
  }
  return { action, requestId };
}

/** {"action", "requestId", "status": "success", ...results}. */
export function wsSuccess(ctx: DeviceHiveContext, request: JsonObject, results: Record<string, Json> = {}): Answer {
  const { action, requestId } = echo(ctx, request);
  // devicehive.updateCurrent.envelope.message-success
  const status = action === UPDATE_CURRENT && ctx.behaviour.deviates('devicehive.updateCurrent.envelope.message-success') ? 'ok' : 'success';
  return { action, requestId, status, ...results };
}

/** {"action", "requestId", "code", "status": "error", "error"} (JsonMessageBuilder.createErrorResponseBuilder). */
export function wsError(ctx: DeviceHiveContext, request: JsonObject, code: number, error: string): Answer {
  const { action, requestId } = echo(ctx, request);
  const updateCurrent = action === UPDATE_CURRENT;
  // devicehive.updateCurrent.envelope.message-error-status
  const status = updateCurrent && ctx.behaviour.deviates('devicehive.updateCurrent.envelope.message-error-status') ? 'failed' : 'error';
  // devicehive.updateCurrent.envelope.message-error-fields
  if (updateCurrent && ctx.behaviour.deviates('devicehive.updateCurrent.envelope.message-error-fields')) return { action, requestId, status };
  return { action, requestId, code, status, error };
}

export function wsFailure(ctx: DeviceHiveContext, request: JsonObject, failure: Failure): Answer {
  return wsError(ctx, request, failure.status, failure.message);
}

/** Text that is not a JSON object: no request to echo (DeviceHiveWebSocketHandler.java:104-107,157-159). */
export function malformedAnswer(): Answer {
  return { code: 400, status: 'error', error: MESSAGES.MALFORMED_JSON };
}
