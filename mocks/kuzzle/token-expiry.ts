import type { KuzzleContext } from './context.ts';
import type { Execution } from './funnel.ts';
import type { ApiRequest } from './request.ts';
import type { IssuedToken } from './tokens.ts';

/** setTimeout's longest delay; a token living longer is never notified (as a process restart would lose it too). */
const LONGEST_DELAY = 2 ** 31 - 1;

/** The unsolicited message of lib/core/realtime/notifier.js:193-202 (no node since 2.46). */
export const TOKEN_EXPIRED = {
  status: 200,
  info: 'This is an automated server notification',
  message: 'Authentication Token Expired',
  type: 'TokenExpired',
  room: 'kuzzle:notification:server',
};

/**
 * Kuzzle's tokenManager for one WebSocket connection: a token the connection logged in with or used is linked to it,
 * and when it expires the connection gets the TokenExpired notification (kuzzle-sdk then forgets the token). A
 * logout unlinks it.
 */
export class TokenExpiry {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly env: KuzzleContext,
    private readonly notify: (message: unknown) => void,
  ) {}

  track(request: ApiRequest, execution: Execution): void {
    if (execution.outcome.error) return;
    const operation = `${request.controller}:${request.action}`;
    if (operation === 'auth:logout') {
      if (execution.token?.jwt) this.unlink(execution.token.jwt);
      return;
    }
    if (operation === 'auth:login') {
      const issued = execution.outcome.result as IssuedToken;
      this.link(issued.jwt, issued.expiresAt);
    } else if (execution.token?.jwt) {
      this.link(execution.token.jwt, execution.token.expiresAt);
    }
  }

  private link(jwt: string, expiresAt: number | null): void {
    if (this.timers.has(jwt) || expiresAt === null || expiresAt < 0) return;
    const delay = Math.max(0, expiresAt - this.env.now());
    if (delay > LONGEST_DELAY) return;
    const timer = setTimeout(() => {
      this.timers.delete(jwt);
      this.notify(TOKEN_EXPIRED);
    }, delay);
    // A linked token must not keep a Node process (a test run, the CLI) alive.
    (timer as { unref?: () => void }).unref?.();
    this.timers.set(jwt, timer);
  }

  private unlink(jwt: string): void {
    const timer = this.timers.get(jwt);
    if (timer !== undefined) clearTimeout(timer);
    this.timers.delete(jwt);
  }

  clear(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }
}
