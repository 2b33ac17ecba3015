/**
 * How a failed test's server answered, in a few words that stay the same from run to run: the last exchange's
 * status (HTTP status, or a WebSocket/MQTT envelope's numeric status or code) and its error id when it has one
 * (an envelope's error.id). A baseline entry records these per transport, so a requirement that starts failing another
 * way (success where the known deviation was a server error) is a new failure, not the known one. Texts, ids and
 * timestamps are left out: they change between runs without the behaviour changing.
 */
export function answerSignature(exchanges: readonly unknown[] | undefined): string {
  const last = exchanges?.at(-1) as { response?: unknown } | undefined;
  if (!last || last.response === undefined || last.response === null) return 'no answer';
  const response = last.response as Record<string, unknown>;
  const body = (response.body && typeof response.body === 'object' ? response.body : response) as Record<string, unknown>;
  const status = typeof response.status === 'number' ? response.status : typeof body.status === 'number' ? body.status : typeof body.code === 'number' ? body.code : body.status;
  const error = body.error && typeof body.error === 'object' ? (body.error as { id?: unknown }).id : undefined;
  return [status === undefined ? 'answered' : String(status), typeof error === 'string' ? error : ''].filter(Boolean).join(' ');
}
