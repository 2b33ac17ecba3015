/**
 * A refused request, as data: the status (HTTP status over REST, `code` over WebSocket and MQTT), the reference
 * server's text, and how REST renders it. Services return it instead of throwing, so every transport decides its
 * own envelope.
 */
export interface Failure {
  readonly failed: true;
  status: number;
  message: string;
  /**
   * devicehive: {"error": status, "message": text} (the exception mappers); filter: a 401 sent by the authentication
   * filter with sendError, which Spring renders (devicehive.md §1.6); none: a response without entity.
   */
  body: 'devicehive' | 'filter' | 'none';
  /** The body's error code when it differs from the status (GET /user/{id}: 403 with error 404). */
  bodyError?: number;
}

export function fail(status: number, message: string, body: Failure['body'] = 'devicehive'): Failure {
  return { failed: true, status, message, body };
}

export function isFailure(value: unknown): value is Failure {
  return typeof value === 'object' && value !== null && (value as { failed?: unknown }).failed === true;
}
