/**
 * Decompression that stops at a size limit. A few hundred bytes of gzip can inflate to gigabytes, so a body limit
 * checked on the bytes received says nothing about the bytes decoded: the decoded bytes are counted as they stream
 * out of the decompressor, and the stream is cancelled as soon as they pass the limit, before the rest is produced.
 * Web streams (DecompressionStream) rather than node:zlib, so the same code runs in the browser under MSW.
 */
export class InflatedTooLarge extends Error {
  readonly code = 'inflated_too_large';
  constructor(readonly maxBytes: number) {
    super(`decoded body larger than ${maxBytes} bytes`);
    this.name = 'InflatedTooLarge';
  }
}

/** One Content-Encoding layer undone, its output held to `maxBytes`; throws InflatedTooLarge past it. */
export async function inflateWithin(bytes: Uint8Array, format: 'gzip' | 'deflate', maxBytes: number): Promise<Uint8Array> {
  const reader = new Blob([bytes.slice()]).stream().pipeThrough(new DecompressionStream(format)).getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      // Cancelling tears the decompressor down: nothing past the limit is ever inflated.
      await reader.cancel().catch(() => undefined);
      throw new InflatedTooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return out;
}
