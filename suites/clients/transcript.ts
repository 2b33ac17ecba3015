/** What every client records: the exchanges of a test, redacted, attached to it when it ends. */
import type { TestInfo } from '@playwright/test';
import type { Transport } from '../../src/specs/families.ts';
import { Redactor } from '../../src/core/redact.ts';

/**
 * This worker's redactor: the target's auth values, and every password and token the fixtures create or receive
 * (registered with secret()). Transcripts, thrown messages and test errors go through it, so no attachment, blob
 * report or Playwright output holds a secret; the tests themselves compare the real values.
 */
export const redactor = new Redactor();
/** Registers values that must never be recorded or printed (a generated password, a received token). */
export function secret<T>(value: T): T {
  redactor.add(value);
  return value;
}

export interface Exchange {
  transport: Transport;
  request: unknown;
  response: unknown;
}

/** The exchanges of one test, attached to it when it ends. */
export class Transcript {
  readonly exchanges: Exchange[] = [];
  add(exchange: Exchange): void {
    this.exchanges.push(redactor.value(exchange));
  }
  async attach(testInfo: TestInfo): Promise<void> {
    // Redacted again: a token received after an exchange was recorded may appear in it (e.g. echoed back).
    if (this.exchanges.length > 0) await testInfo.attach('transcript', { body: redactor.text(JSON.stringify(redactor.value(this.exchanges), null, 2)), contentType: 'application/json' });
  }
}
