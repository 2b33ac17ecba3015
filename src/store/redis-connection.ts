import { Redis, type RedisOptions } from 'ioredis';
import { ToolError } from '../core/tool-error.ts';

/**
 * The one place conform opens a Redis connection (the shared store, and the MQTT broker's emitter and persistence):
 * the --store URL is parsed and checked here, a password never leaves this module in a message, and every
 * connection fails fast while Redis is away (a request must get a server error at once, not wait in a queue).
 */
export type StoreChoice = { kind: 'memory' } | { kind: 'redis'; url: string; db: number; host: string; port: number };

const MAX_DB = 15;

/** A --store value: "memory" or redis://[user:password@]host[:port][/db]; anything else is a CONFORM_ERR_STORE. */
export function parseStore(value: string): StoreChoice {
  const text = value.trim();
  if (text === 'memory' || text === '') return { kind: 'memory' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ToolError('CONFORM_ERR_STORE', `--store "${redactUrl(text)}" is neither "memory" nor a URL such as redis://127.0.0.1:6379/0`);
  }
  if (url.protocol !== 'redis:') throw new ToolError('CONFORM_ERR_STORE', `--store ${redactUrl(text)}: the scheme must be redis:// (or the value "memory"), not ${url.protocol}//`);
  if (url.hostname === '') throw new ToolError('CONFORM_ERR_STORE', `--store ${redactUrl(text)}: no host`);
  const port = url.port === '' ? 6379 : Number(url.port);
  const dbText = url.pathname.replace(/^\//, '');
  if (dbText !== '' && !/^\d{1,2}$/.test(dbText)) throw new ToolError('CONFORM_ERR_STORE', `--store ${redactUrl(text)}: the database "/${dbText}" must be a number from 0 to ${MAX_DB}`);
  const db = dbText === '' ? 0 : Number(dbText);
  if (db > MAX_DB) throw new ToolError('CONFORM_ERR_STORE', `--store ${redactUrl(text)}: the database ${db} must be from 0 to ${MAX_DB}`);
  if (url.search !== '' || url.hash !== '') throw new ToolError('CONFORM_ERR_STORE', `--store ${redactUrl(text)}: no query or fragment is read; give redis://host:port/db`);
  return { kind: 'redis', url: text, db, host: url.hostname.replace(/^\[|\]$/g, ''), port };
}

/** The URL as it may be printed: the password (and a user's name beside it) replaced by "***". */
export function redactUrl(text: string): string {
  return text.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^@/]*@/i, '$1***@');
}

export interface RedisConnectionOptions {
  /** Extra ioredis options (the MQTT persistence needs its own connection, for instance). */
  extra?: RedisOptions;
  /** How long the first PING may take before the start is refused. */
  connectTimeoutMs?: number;
}

/**
 * A connected client: resolves after a PING answered, rejects with CONFORM_ERR_STORE (the URL without its password)
 * otherwise, and leaves no connection open then. Afterwards ioredis reconnects on its own (growing delay, at most
 * 2 s), and a command sent while disconnected fails at once (no offline queue), so the caller answers a fault.
 */
export async function connectRedis(choice: Extract<StoreChoice, { kind: 'redis' }>, options: RedisConnectionOptions = {}): Promise<Redis> {
  const client = new Redis(choice.url, {
    lazyConnect: true,
    connectTimeout: options.connectTimeoutMs ?? 3000,
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    // A Redis that stops answering (paused, partitioned) fails the request instead of holding it.
    commandTimeout: 5000,
    retryStrategy: (times) => Math.min(50 * times, 2000),
    ...options.extra,
  });
  // Errors while running are answered per request; ioredis would print each one otherwise.
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.ping();
  } catch (error) {
    client.disconnect();
    throw new ToolError('CONFORM_ERR_STORE', `--store ${redactUrl(choice.url)}: Redis does not answer (${redactUrl((error as Error).message)})`);
  }
  return client;
}
