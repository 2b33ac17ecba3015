// The three transports as the property needs them: one HTTP request with exactly the headers and bytes given, and
// an inbox of WebSocket or MQTT messages whose every wait is bounded.
import fc from 'fast-check';
import WebSocket from 'ws';

/** How long any answer may take: a case that gets none within it is "no answer", never a hang. */
export const ANSWER_MS = 2000;

export interface HttpAnswer {
  status: number;
  text: string;
  /** The body parsed as JSON, or undefined when it is empty or not JSON. */
  json: unknown;
}

export function parseJsonText(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** One request; a Buffer body, so fetch adds no Content-Type of its own. */
export async function httpSend(base: string, request: { method: string; path: string; headers: Record<string, string>; body?: Buffer }): Promise<HttpAnswer> {
  const res = await fetch(`${base}${request.path}`, {
    method: request.method,
    headers: request.headers,
    ...(request.body === undefined ? {} : { body: Uint8Array.from(request.body) }),
    signal: AbortSignal.timeout(4 * ANSWER_MS),
  });
  const text = await res.text();
  return { status: res.status, text, json: parseJsonText(text) };
}

/** Messages in arrival order; `next` waits at most `ms` for one. */
export class Inbox<T> {
  private readonly queue: T[] = [];
  private wake: (() => void) | undefined;

  push(message: T): void {
    this.queue.push(message);
    this.wake?.();
  }

  async next(ms = ANSWER_MS): Promise<T | undefined> {
    if (this.queue.length === 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, ms);
        this.wake = () => (clearTimeout(timer), resolve());
      });
      this.wake = undefined;
    }
    return this.queue.shift();
  }

  /** Whatever has arrived and was not read: after a case, anything here is an answer nobody asked for. */
  drain(): T[] {
    return this.queue.splice(0);
  }
}

export interface OpenSocket {
  socket: WebSocket;
  inbox: Inbox<string>;
  /** Set when the server closed the connection: a close nobody asked for is a failure of the case that caused it. */
  closed: () => { code: number } | undefined;
}

export async function openSocket(address: string): Promise<OpenSocket> {
  const socket = new WebSocket(address, { perMessageDeflate: false });
  await new Promise((resolve, reject) => socket.once('open', resolve).once('error', reject));
  const inbox = new Inbox<string>();
  let closed: { code: number } | undefined;
  socket.on('message', (data) => inbox.push(String(data)));
  socket.on('close', (code) => (closed = { code }));
  socket.on('error', () => {});
  return { socket, inbox, closed: () => closed };
}

/** A short, printable description of a case for assertion messages (the full case is in fast-check's report). */
export function describe(value: unknown): string {
  const text = fc.stringify(value);
  return text.length > 300 ? `${text.slice(0, 300)}…` : text;
}
