/**
 * The suites' one timeout policy: how long any answer may take before a test fails saying what it waited for.
 * An HTTP exchange includes its whole body; a message answer (WebSocket, MQTT) comes on an open connection.
 */
export const HTTP_MS = 10_000;
export const ANSWER_MS = 5_000;

/** The promise, or a rejection naming what never came within ms. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no ${what} within ${ms} ms`)), ms);
  });
  return Promise.race([promise, expired]).finally(() => clearTimeout(timer));
}
