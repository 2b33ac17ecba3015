/**
 * Redaction of secrets from everything conform records or prints (transcripts, reports, Playwright's output, CLI
 * lines). Transport-free and dependency-free on purpose: the suites' workers, Playwright's reporter process and the
 * CLI each hold their own Redactor, fed with the secrets they know (the target's auth values, the passwords the
 * suites generate, the tokens they receive), and all apply the same rules.
 *
 * Redaction is for what is written down, never for what is compared: the suites keep the real values in memory.
 */
import { escapeRegExp } from './regex.ts';

/** What a secret becomes. Fixed, so tests (and readers) can see where something was removed. */
export const REDACTED = '[redacted]';

/**
 * Keys whose values are secrets, compared without case, '-' or '_' (so set-cookie, Set-Cookie and setcookie match).
 * Identifiers (username, login, email) are deliberately not here: a report must say who failed to log in.
 */
const SECRET_KEYS = new Set([
  'password', 'newpassword', 'oldpassword', 'currentpassword', 'passwordconfirmation', 'pass', 'passwd',
  'token', 'jwt', 'accesstoken', 'refreshtoken', 'idtoken', 'sessiontoken', 'remembertoken', 'bearer',
  'authorization', 'proxyauthorization', 'cookie', 'setcookie',
  'secret', 'clientsecret', 'jwtsecret', 'apikey', 'xapikey', 'privatekey', 'credential',
]);

const normalKey = (key: string) => key.toLowerCase().replace(/[-_]/g, '');

/** True when a key (object key, header name, query or form field) holds a secret. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(normalKey(key));
}

/** Three base64url segments, the first a JSON header ("eyJ" is base64 for '{"'): a JWT wherever it appears. */
const JWT = /eyJ[A-Za-z0-9_-]*\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*/g;
/**
 * An Authorization scheme and its credentials. The credentials must hold a digit, a symbol or an inner capital (every
 * token and base64 value does), so prose such as "a Bearer token" in a requirement's title stays readable.
 */
const AUTH_SCHEME = /\b([Bb]earer|BEARER|[Bb]asic|BASIC)(\s+)(?!\[redacted\])(?=[A-Za-z]*[0-9._~+/=:-]|[A-Za-z]+[A-Z])[A-Za-z0-9._~+/=:-]+/g;
/** user:password@ in a URL. */
const URL_USERINFO = /(\b[a-z][a-z0-9+.-]*:\/\/[^\s/:@"'<>]*):[^\s/@"'<>]*@/gi;
/** "password": "…" in JSON text. */
const JSON_PAIR = /"([A-Za-z_-]+)"(\s*:\s*)"(?:[^"\\]|\\.)*"/g;
/** \"password\":\"…\" in JSON inside a JSON string (a transcript's text, an MQTT payload in a message). */
const ESCAPED_JSON_PAIR = /\\"([A-Za-z_-]+)\\"(\s*:\s*)\\"(?:(?!\\").)*\\"/g;
/** password=… in a query string, a form body or a log line. */
const FIELD_PAIR = /(^|[?&;\s])([A-Za-z_-]+)=([^&\s#"'<>;]*)/g;

const htmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');

/** Secrets shorter than this are not replaced as text: "x" or "12" would shred every message. Keys still catch them. */
const MIN_SECRET_LENGTH = 4;

export class Redactor {
  private readonly secrets = new Set<string>();
  private pattern: RegExp | undefined;

  /** Registers a secret: it, and its JSON-escaped, URL-encoded and HTML-escaped forms, are replaced in any text. */
  add(secret: unknown): this {
    if (typeof secret !== 'string' && typeof secret !== 'number') return this;
    const raw = String(secret);
    const forms = [raw, raw.replace(/^"+|"+$/g, '')];
    for (const form of [...forms]) forms.push(JSON.stringify(form).slice(1, -1), encodeURIComponent(form), encodeURIComponent(form).replace(/%20/g, '+'), htmlEscape(form), htmlEscape(JSON.stringify(form).slice(1, -1)));
    for (const form of forms) {
      if (form.length >= MIN_SECRET_LENGTH && !this.secrets.has(form)) {
        this.secrets.add(form);
        this.pattern = undefined;
      }
    }
    return this;
  }

  /** Registers every string leaf of a value (e.g. a target's auth), except identifiers (username, login, email). */
  addAll(value: unknown, key = ''): this {
    if (Array.isArray(value)) for (const v of value) this.addAll(v, key);
    else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) this.addAll(v, k);
    else if (!['username', 'login', 'email', 'name'].includes(normalKey(key))) this.add(value);
    return this;
  }

  /** Only the registered secrets, longest first: for output whose JSON must stay as it is (conform specs --json). */
  known(input: string): string {
    if (typeof input !== 'string' || input === '' || this.secrets.size === 0) return input;
    this.pattern ??= new RegExp([...this.secrets].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|'), 'g');
    return input.replace(this.pattern, REDACTED);
  }

  /** Any text: known secrets (longest first), JWTs, Authorization credentials, URL passwords, secret fields. */
  text(input: string): string {
    if (typeof input !== 'string' || input === '') return input;
    return this.known(input)
      .replace(JWT, REDACTED)
      .replace(AUTH_SCHEME, (_m, scheme: string, space: string) => `${scheme}${space}${REDACTED}`)
      .replace(URL_USERINFO, (_m, head: string) => `${head}:${REDACTED}@`)
      .replace(ESCAPED_JSON_PAIR, (m, key: string, mid: string) => (isSecretKey(key) ? `\\"${key}\\"${mid}\\"${REDACTED}\\"` : m))
      .replace(JSON_PAIR, (m, key: string, mid: string) => (isSecretKey(key) ? `"${key}"${mid}"${REDACTED}"` : m))
      .replace(FIELD_PAIR, (m, lead: string, key: string) => (isSecretKey(key) ? `${lead}${key}=${REDACTED}` : m));
  }

  /**
   * Any value, structurally: secret keys lose their values at any depth; strings holding JSON, a form body or a URL
   * are parsed, redacted and re-serialized; every other string goes through text(). Returns a copy.
   */
  value<T>(input: T): T {
    return this.walk(input, 0) as T;
  }

  private walk(v: unknown, depth: number): unknown {
    if (depth > 50) return REDACTED;
    if (typeof v === 'string') return this.string(v, depth);
    if (Array.isArray(v)) return v.map((x) => this.walk(x, depth + 1));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = isSecretKey(k) && x !== null && typeof x !== 'boolean' && typeof x !== 'object' ? REDACTED : isSecretKey(k) && x && typeof x === 'object' ? this.blank(x) : this.walk(x, depth + 1);
      return out;
    }
    return v;
  }

  /** A secret key holding an object or array: keep its shape (a report may need to say "an array was sent"), drop its leaves. */
  private blank(v: object): unknown {
    if (Array.isArray(v)) return v.map((x) => (x && typeof x === 'object' ? this.blank(x) : x === null || typeof x === 'boolean' ? x : REDACTED));
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, x && typeof x === 'object' ? this.blank(x) : x === null || typeof x === 'boolean' ? x : REDACTED]));
  }

  private string(s: string, depth: number): string {
    const trimmed = s.trim();
    if (/^[[{]/.test(trimmed)) {
      try {
        const parsed: unknown = JSON.parse(trimmed);
        const redacted = JSON.stringify(this.walk(parsed, depth + 1));
        // Re-serialized only when a key lost its value: otherwise the text keeps its own layout.
        return redacted === JSON.stringify(parsed) ? this.text(s) : this.text(redacted);
      } catch {
        // Not JSON after all: text rules below.
      }
    }
    if (/^[a-z][a-z0-9+.-]*:\/\/\S+$/i.test(trimmed)) return this.url(trimmed);
    if (/^[^\s=&]+=[^\s&]*(&[^\s=&]+=?[^\s&]*)*$/.test(trimmed)) return this.form(trimmed, depth);
    return this.text(s);
  }

  /** A URL: its password and its secret query parameters. */
  private url(s: string): string {
    const q = s.indexOf('?');
    if (q === -1) return this.text(s);
    return `${this.text(s.slice(0, q))}?${this.form(s.slice(q + 1), 0)}`;
  }

  /** a=b&json=<url-encoded JSON>: each field by its key, each value as a string of its own (JSON included). */
  private form(s: string, depth: number): string {
    return s
      .split('&')
      .map((pair) => {
        const eq = pair.indexOf('=');
        if (eq === -1) return this.text(pair);
        const key = pair.slice(0, eq);
        let decoded: string;
        try {
          decoded = decodeURIComponent(pair.slice(eq + 1).replace(/\+/g, ' '));
        } catch {
          return isSecretKey(key) ? `${key}=${REDACTED}` : this.text(pair);
        }
        if (isSecretKey(safeDecode(key))) return `${key}=${REDACTED}`;
        const redacted = this.string(decoded, depth + 1);
        return redacted === decoded ? pair : `${key}=${encodeURIComponent(redacted)}`;
      })
      .join('&');
  }
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/**
 * The redactor of this process's own printed lines (the conform CLI): every target file read registers its auth
 * values here (target/target.ts), and the CLI writes its output and error lines through it (cli/main.ts).
 */
export const processRedactor = new Redactor();
