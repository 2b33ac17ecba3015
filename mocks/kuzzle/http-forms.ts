import { unescape } from './http-router.ts';

/**
 * Node's querystring.parse, used by Kuzzle for query strings and urlencoded bodies: "+" is a space, a repeated key
 * gathers its values in an array, a key without "=" has the value "". "__proto__" is dropped (Node's result has no
 * prototype; ours is a plain object, so the key must never be assigned).
 */
export function parseQuery(text: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (text.length === 0) return result;
  for (const pair of text.split('&')) {
    if (pair.length === 0) continue;
    const at = pair.indexOf('=');
    const key = unescape((at === -1 ? pair : pair.slice(0, at)).replace(/\+/g, ' '));
    const value = at === -1 ? '' : unescape(pair.slice(at + 1).replace(/\+/g, ' '));
    if (key === '__proto__') continue;
    // Own keys only: "valueOf" or "constructor" would otherwise find Object.prototype's function and store it.
    const previous = Object.hasOwn(result, key) ? result[key] : undefined;
    result[key] = previous === undefined ? value : Array.isArray(previous) ? [...previous, value] : [previous, value];
  }
  return result;
}

export const parseForm = parseQuery;

const utf8 = new TextDecoder('utf-8');

function binary(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return text;
}

function bytesOf(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/**
 * multipart/form-data as Kuzzle's uWS.getParts reads it: text fields as strings, files as
 * {encoding, file (base64), filename}. A body without a boundary, or without parts, gives {}.
 */
export function parseMultipart(bytes: Uint8Array, contentType: string): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1];
  if (!boundary) return result;
  const text = binary(bytes);
  for (const chunk of text.split(`--${boundary}`).slice(1)) {
    if (chunk.startsWith('--')) break;
    const split = chunk.indexOf('\r\n\r\n');
    if (split === -1) continue;
    const head = chunk.slice(0, split);
    const data = chunk.slice(split + 4).replace(/\r\n$/, '');
    const name = /[;\s]name="([^"]*)"/i.exec(head)?.[1];
    if (name === undefined || name === '__proto__') continue;
    const filename = /filename="([^"]*)"/i.exec(head)?.[1];
    const type = /content-type:\s*([^\r\n]+)/i.exec(head)?.[1]?.trim() ?? '';
    result[name] = filename === undefined ? utf8.decode(bytesOf(data)) : { encoding: type, file: btoa(data), filename };
  }
  return result;
}
