// Generators shared by every family: garbage, JSON of every shape, values too deep or too large for the real
// servers' parsers, and content types right and wrong. Large values are small objects that serialize large, so a
// failing case prints as a short description, not as megabytes.
import fc from 'fast-check';

/** A string of `length` copies of `unit`, written out only when the request is serialized. */
export class Huge {
  constructor(
    readonly length: number,
    readonly unit: string,
  ) {}
  toJSON(): string {
    return this.unit.repeat(this.length);
  }
  [fc.toStringMethod](): string {
    return `Huge(${this.length} x ${JSON.stringify(this.unit)})`;
  }
}

/** A value nested `depth` levels deep (arrays or single-key objects), built only when the request is serialized. */
export class Deep {
  constructor(
    readonly depth: number,
    readonly shape: 'array' | 'object',
  ) {}
  toJSON(): unknown {
    let value: unknown = 0;
    for (let i = 0; i < this.depth; i++) value = this.shape === 'array' ? [value] : { d: value };
    return value;
  }
  [fc.toStringMethod](): string {
    return `Deep(${this.depth} ${this.shape})`;
  }
}

/** What a request or message carries: raw bytes, text, or a value sent as its JSON text. */
export type Payload = { bytes: Uint8Array } | { text: string } | { json: unknown };

export function payloadBuffer(payload: Payload): Buffer {
  if ('bytes' in payload) return Buffer.from(payload.bytes);
  if ('text' in payload) return Buffer.from(payload.text, 'utf8');
  return Buffer.from(JSON.stringify(payload.json) ?? '', 'utf8');
}

/** The value a JSON payload stands for, as a parser would read it back (Huge and Deep written out), or undefined. */
export function payloadValue(payload: Payload): { value: unknown } | undefined {
  const text = 'json' in payload ? JSON.stringify(payload.json) : 'text' in payload ? payload.text : Buffer.from(payload.bytes).toString('utf8');
  if (text === undefined) return undefined;
  try {
    return { value: JSON.parse(text) };
  } catch {
    return undefined;
  }
}

/** Any JSON value, kept small. */
export const jsonValue = fc.jsonValue({ maxDepth: 3 });

/** A value a parser may choke on: nested around and beyond the families' limits (512 and 1000), or very long. */
export const oversized = (maxLength: number): fc.Arbitrary<Huge | Deep> =>
  fc.oneof(
    fc.tuple(fc.integer({ min: 400, max: 1500 }), fc.constantFrom('array' as const, 'object' as const)).map(([d, s]) => new Deep(d, s)),
    fc.tuple(fc.integer({ min: 10_000, max: maxLength }), fc.constantFrom('x', 'é', '\u{1F600}', '"')).map(([n, u]) => new Huge(n, u)),
  );

/** A value of any type where a specific one is expected: the wrong-type generator. */
export const anyValue = (maxLength: number): fc.Arbitrary<unknown> =>
  fc.oneof({ weight: 6, arbitrary: jsonValue }, { weight: 1, arbitrary: oversized(maxLength) });

/** Bytes and text that are mostly not JSON at all, or JSON cut short. */
export const garbage: fc.Arbitrary<Payload> = fc.oneof(
  fc.uint8Array({ maxLength: 300 }).map((bytes) => ({ bytes })),
  fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ text })),
  fc.tuple(jsonValue, fc.nat()).map(([value, cut]) => {
    const text = JSON.stringify(value);
    return { text: text.slice(0, cut % (text.length + 1)) };
  }),
  jsonValue.map((json) => ({ json })),
);

/** Content types a client may send, right and wrong; undefined sends no Content-Type header at all. */
export const contentType: fc.Arbitrary<string | undefined> = fc.oneof(
  fc.constantFrom(
    undefined,
    '',
    'application/json',
    'application/json; charset=utf-8',
    'APPLICATION/JSON',
    'application/vnd.api+json',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'text/plain',
    'application/octet-stream',
    'application/xml',
    ';;;',
  ),
  fc.string({ unit: 'grapheme-ascii', maxLength: 40 }).map((s) => s.replace(/[\r\n\0]/g, '')),
);
