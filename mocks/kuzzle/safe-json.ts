/**
 * JSON.parse for untrusted text: "__proto__" keys are dropped while parsing, so no later spread or assignment can
 * reach an object's prototype. JSON.parse itself never throws out of here.
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    // The reviver costs a call per value; only text that can spell "__proto__" (literally or with \u escapes) needs it.
    const risky = text.includes('__proto__') || text.includes('\\u');
    return { ok: true, value: risky ? JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value)) : JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
