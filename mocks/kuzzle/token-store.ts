import type { StoreOptions } from '../../src/core/store.ts';
import { ExpiryQueue, IndexedStore, KeyIndex } from '../../src/core/store-index.ts';
import type { TokenSource } from './state.ts';

/** A finite expiry, or undefined for a token that never expires (-1; NaN cannot be ordered, so it never expires either). */
function expiry(token: TokenSource): number | undefined {
  return token.expiresAt === -1 || Number.isNaN(token.expiresAt) ? undefined : token.expiresAt;
}

/**
 * The session tokens (Kuzzle keeps them in Redis, by the full "kauth-…" string), indexed by their user (a global
 * logout or a user's deletion revokes them all) and by expiry (Redis drops a token when its TTL runs out): neither
 * needs a scan of every token, which made logins slow down as sessions piled up.
 */
export class TokenStore extends IndexedStore<TokenSource> {
  readonly byUser: KeyIndex<TokenSource, string>;
  readonly expiry: ExpiryQueue<TokenSource>;

  constructor(options: StoreOptions) {
    const byUser = new KeyIndex<TokenSource, string>((token) => token.userId);
    const queue = new ExpiryQueue<TokenSource>(expiry);
    super(options, [byUser, queue]);
    this.byUser = byUser;
    this.expiry = queue;
  }
}
