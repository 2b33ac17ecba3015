/** The WebSocket client of every suite: a connection opened under the one timeout policy, as a MessageChannel. */
import WebSocket from 'ws';
import { recordAnswer, recordTransportFailure } from '../../src/runner/circuit-breaker.ts';
import { MessageChannel, parseJson } from './channel.ts';
import type { Transcript } from './transcript.ts';
import { ANSWER_MS, within } from './wait.ts';

/** How long a closing handshake may take before the socket is dropped: teardown never hangs on a silent server. */
const CLOSE_MS = 1_000;

/** Opens a socket; rejects, saying why, when it fails or takes longer than ANSWER_MS (in the transcript too). */
export async function openWebSocket(url: string, transcript: Transcript): Promise<WebSocket> {
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', (error) => reject(new Error(`WebSocket connection to ${url} failed: ${error.message}`)));
  });
  try {
    await within(opened, ANSWER_MS, `WebSocket connection to ${url}`);
    recordAnswer();
  } catch (error) {
    socket.on('error', () => {});
    socket.terminate();
    recordTransportFailure((error as Error).message);
    transcript.add({ transport: 'ws', request: { connect: url }, response: { error: (error as Error).message } });
    throw error;
  }
  return socket;
}

/** An open WebSocket connection: every message it receives goes through the channel. */
export class WsConnection extends MessageChannel {
  constructor(
    readonly url: string,
    private readonly socket: WebSocket,
    transcript: Transcript,
  ) {
    super('ws', transcript, (text) => socket.send(text));
    // An error after the upgrade ends the connection; the waits that depended on it fail on their own deadline.
    socket.on('error', () => {});
    socket.on('message', (data) => {
      const text = data.toString();
      this.incoming({ text, json: parseJson(text) });
    });
  }

  /** The closing handshake, or the socket dropped after CLOSE_MS. */
  close(): Promise<void> {
    return new Promise<void>((resolve) => {
      if (this.socket.readyState === WebSocket.CLOSED) return resolve();
      const timer = setTimeout(() => {
        this.socket.terminate();
        resolve();
      }, CLOSE_MS);
      this.socket.once('close', () => {
        clearTimeout(timer);
        resolve();
      });
      this.socket.close();
    });
  }

  /** Drops the connection at once, without a closing handshake. */
  terminate(): void {
    this.socket.terminate();
  }
}
