// Out of src/core/redact.ts on purpose: the core is bundled for the browser (conform/msw), which has no node:stream.
import { Transform, type TransformCallback } from 'node:stream';
import type { Redactor } from '../core/redact.ts';

/**
 * A stream that redacts line by line, for a child's stdout or stderr: a line is written once it is complete, so a
 * secret split across two chunks is still found; a partial line waits for its end (or for the stream's end).
 */
export function redactingStream(redactor: Redactor): Transform {
  let pending = '';
  return new Transform({
    transform(chunk: Buffer | string, _encoding, callback: TransformCallback) {
      pending += chunk.toString();
      const end = pending.lastIndexOf('\n');
      if (end === -1) return callback();
      const complete = pending.slice(0, end + 1);
      pending = pending.slice(end + 1);
      callback(null, complete.split('\n').map((line) => redactor.text(line)).join('\n'));
    },
    flush(callback: TransformCallback) {
      callback(null, pending === '' ? undefined : redactor.text(pending));
    },
  });
}
