/**
 * JSON.parse for untrusted text, never throwing. JSON.parse itself never touches a prototype: a "__proto__" key
 * becomes an own data property. The danger comes later: an assignment or Object.assign of that value onto another
 * object calls the __proto__ setter. So the keys are dropped while parsing, unless a family keeps them on purpose
 * because its real server stores them as ordinary data; such a family must only copy its values (spread,
 * structuredClone), never assign them into existing objects.
 */
export type ParsedJson = { ok: true; value: unknown } | { ok: false; message: string };

export interface ParseJsonOptions {
  /** 'drop' (the default): no "__proto__" key survives; 'keep': they stay own data properties, as JSON.parse makes them. */
  protoKeys?: 'drop' | 'keep';
}

const dropProto = (key: string, value: unknown) => (key === '__proto__' ? undefined : value);

export function parseJson(text: string, options: ParseJsonOptions = {}): ParsedJson {
  try {
    // The reviver costs a call per value; only text that can spell "__proto__" (literally or with \u escapes) needs it.
    const risky = options.protoKeys !== 'keep' && (text.includes('__proto__') || text.includes('\\u'));
    return { ok: true, value: risky ? JSON.parse(text, dropProto) : JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
