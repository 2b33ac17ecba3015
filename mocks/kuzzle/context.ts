import type { FamilyContext } from '../../src/core/family-context.ts';
import type { ApiRequest } from './request.ts';
import type { KuzzleState, UserSource } from './state.ts';
import type { TokenContext, VerifiedToken } from './tokens.ts';

/** Everything an action may use: the stores, the behaviour switches, the token keeper and the clock. */
export interface KuzzleContext extends FamilyContext {
  state: KuzzleState;
  tokens: TokenContext;
  /** Default lifetime of a login token, in ms (Kuzzle's security.authToken.expiresIn, "1h"). */
  tokenTtlMs: number;
  /** The store's conflict window for updates without retries (--conflict-window; 0: one event-loop turn). */
  conflictWindowMs: number;
}

/** The caller: the anonymous user ("-1") or a stored user. */
export interface Caller {
  _id: string;
  source: Record<string, unknown> & { profileIds: string[] };
}

export interface ActionContext {
  request: ApiRequest;
  caller: Caller;
  token: VerifiedToken;
  env: KuzzleContext;
}

/** One API action: returns its result (undefined: no result key) or throws a KuzzleError. */
export type ActionHandler = (context: ActionContext) => Promise<unknown>;

export type { UserSource };
