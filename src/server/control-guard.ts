import crypto from 'node:crypto';
import os from 'node:os';

/**
 * Who may use the control API. It resets every family and shows the traffic, so a web page the developer happens to
 * visit must not reach it: a browser lets any page send a "simple" request (a form POST, text/plain) to localhost,
 * and DNS rebinding lets it read answers under a foreign Host. So: the Host must name this machine, a foreign Origin
 * is refused, a state-changing call must be a request no page can send without a CORS preflight (which the control
 * API never grants: it sends no Access-Control-* header), and with --control-token every call carries the token.
 */
export interface ControlGuard {
  /** Host names (no port) the control API answers under. */
  hosts: Set<string>;
  /** SHA-256 of the token, when one is configured (the token itself is not kept). */
  tokenDigest?: Buffer;
}

/** The header a state-changing call may carry instead of a JSON content type; any value. */
export const CONTROL_HEADER = 'x-conform-control';
/** The header that carries --control-token. */
export const TOKEN_HEADER = 'x-conform-token';

const WILDCARDS = new Set(['0.0.0.0', '::', '[::]']);

/** localhost, the loopback addresses and the bound host; bound to a wildcard, every address of this machine. */
export function controlGuard(boundHost: string, token?: string): ControlGuard {
  const hosts = new Set(['localhost', '127.0.0.1', '::1', boundHost.toLowerCase().replace(/^\[|\]$/g, '')]);
  if (WILDCARDS.has(boundHost)) {
    for (const addresses of Object.values(os.networkInterfaces())) for (const a of addresses ?? []) hosts.add(a.address.toLowerCase());
    hosts.add(os.hostname().toLowerCase());
  }
  return { hosts, tokenDigest: token ? digest(token) : undefined };
}

function digest(value: string): Buffer {
  return crypto.createHash('sha256').update(value).digest();
}

/** "127.0.0.1:8080", "[::1]:80", "localhost" → the host name alone, lower case. */
function hostName(header: string): string {
  const value = header.trim().toLowerCase();
  if (value.startsWith('[')) return value.slice(1, value.indexOf(']') === -1 ? undefined : value.indexOf(']'));
  const colon = value.lastIndexOf(':');
  return colon === -1 || value.indexOf(':') !== colon ? value : value.slice(0, colon);
}

function originHost(origin: string): string | undefined {
  try {
    return new URL(origin).hostname.toLowerCase().replace(/^\[|\]$/g, '');
  } catch {
    return undefined;
  }
}

export type Refusal = { status: 401 | 403; error: string; code: string };

/** Why a control request is refused, or undefined when it may go on. */
export function refusal(guard: ControlGuard, method: string, headers: Record<string, string | string[] | undefined>): Refusal | undefined {
  const one = (name: string) => {
    const v = headers[name];
    return Array.isArray(v) ? v[0] : v;
  };
  const host = one('host');
  if (host === undefined || !guard.hosts.has(hostName(host))) {
    return { status: 403, code: 'CONTROL_HOST', error: 'the control API answers only under a Host of this machine (localhost, 127.0.0.1, ::1 or the bound host)' };
  }
  const origin = one('origin');
  if (origin !== undefined && origin !== 'null' && !guard.hosts.has(originHost(origin) ?? '')) {
    return { status: 403, code: 'CONTROL_ORIGIN', error: 'the control API refuses requests from a web page of another origin' };
  }
  if (origin === 'null') return { status: 403, code: 'CONTROL_ORIGIN', error: 'the control API refuses requests from a web page of another origin' };
  if (guard.tokenDigest) {
    const given = one(TOKEN_HEADER);
    // Digests of equal length, compared in constant time: neither the token's length nor a prefix leaks.
    if (given === undefined || !crypto.timingSafeEqual(digest(given), guard.tokenDigest)) {
      return { status: 401, code: 'CONTROL_TOKEN', error: `the control API needs the mock's --control-token in the ${TOKEN_HEADER} header` };
    }
  }
  if (method !== 'GET' && method !== 'HEAD') {
    const json = /^application\/([a-z0-9.+-]*\+)?json\s*(;|$)/i.test(one('content-type') ?? '');
    if (!json && one(CONTROL_HEADER) === undefined) {
      return { status: 403, code: 'CONTROL_SIMPLE_REQUEST', error: `a state-changing control call needs Content-Type: application/json or an ${CONTROL_HEADER} header (a request a web page cannot send unasked)` };
    }
  }
  return undefined;
}
