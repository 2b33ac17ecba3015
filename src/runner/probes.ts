import WebSocket from 'ws';
import mqtt from 'mqtt';

/**
 * Application-level probes of one endpoint, each with a short deadline: a TCP connection proves nothing (a server
 * that accepts and never answers, resets on the first byte or answers garbage accepts connections too), so each
 * probe waits for the protocol's own answer. Each resolves with the problem in words, or undefined.
 */
export const PROBE_MS = 3_000;

/** Why fetch failed, in words: undici puts the socket's error in `cause`. */
export function fetchProblem(error: unknown, timeoutMs: number): string {
  const e = error as Error & { cause?: { code?: string; message?: string } };
  if (e.name === 'TimeoutError' || e.name === 'AbortError') return `no complete HTTP answer within ${timeoutMs} ms`;
  const code = e.cause?.code ?? '';
  const detail = e.cause?.message ?? e.message;
  if (code === 'ECONNREFUSED') return `connection refused (${code})`;
  if (code.startsWith('HPE_')) return `the answer is not HTTP (${code}: ${detail})`;
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || /other side closed|terminated/i.test(detail)) return `the connection was closed before a complete answer (${code || detail})`;
  return `${code} ${detail}`.trim();
}

/** GET on the endpoint: any status counts, but the whole answer must arrive and parse as HTTP in time. */
export async function probeHttp(url: string, timeoutMs = PROBE_MS): Promise<string | undefined> {
  try {
    const res = await fetch(url, { method: 'GET', signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    await res.arrayBuffer();
    return undefined;
  } catch (error) {
    return fetchProblem(error, timeoutMs);
  }
}

/** The WebSocket upgrade must complete (101 and the handshake checked by ws). */
export function probeWs(url: string, timeoutMs = PROBE_MS): Promise<string | undefined> {
  return new Promise((resolve) => {
    const socket = new WebSocket(url, { handshakeTimeout: timeoutMs });
    const timer = setTimeout(() => done(`no WebSocket upgrade within ${timeoutMs} ms`), timeoutMs + 200);
    const done = (problem: string | undefined) => {
      clearTimeout(timer);
      socket.removeAllListeners();
      socket.on('error', () => {});
      socket.terminate();
      resolve(problem);
    };
    socket.once('open', () => done(undefined));
    socket.once('error', (error: Error & { code?: string }) => done(/timeout/i.test(error.message) ? `no WebSocket upgrade within ${timeoutMs} ms` : `the WebSocket upgrade failed (${error.code ? `${error.code}: ` : ''}${error.message})`));
  });
}

/** CONNECT must get a CONNACK; a CONNACK that refuses an anonymous client still proves the broker answers. */
export async function probeMqtt(url: string, timeoutMs = PROBE_MS): Promise<string | undefined> {
  const clientId = `conform-probe-${Math.random().toString(36).slice(2, 10)}`;
  const pending = mqtt.connectAsync(url, { clientId, reconnectPeriod: 0, connectTimeout: timeoutMs, clean: true, protocolVersion: 4 }, false);
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<'expired'>((resolve) => {
    timer = setTimeout(() => resolve('expired'), timeoutMs + 200);
  });
  try {
    const outcome = await Promise.race([pending, expired]);
    if (outcome === 'expired') return `no MQTT CONNACK within ${timeoutMs} ms`;
    await Promise.race([outcome.endAsync(true), new Promise((r) => setTimeout(r, 500))]);
    return undefined;
  } catch (error) {
    const e = error as Error & { code?: unknown };
    if (typeof e.code === 'number') return undefined; // a CONNACK with a refusal code: the broker answers
    return /timeout/i.test(e.message) ? `no MQTT CONNACK within ${timeoutMs} ms` : `the MQTT connection failed (${typeof e.code === 'string' ? `${e.code}: ` : ''}${e.message})`;
  } finally {
    clearTimeout(timer);
    pending.then((late) => late.end(true)).catch(() => {});
  }
}
