/**
 * JSON.parse for untrusted text: "__proto__" keys are dropped while parsing, so no later spread or assignment can
 * reach an object's prototype. JSON.parse itself never throws out of here.
 */
export function parseJson(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text, (key, value: unknown) => (key === '__proto__' ? undefined : value)) };
  } catch (error) {
    return { ok: false, message: (error as Error).message };
  }
}
