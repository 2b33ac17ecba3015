import { esc, pretty } from './escape.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const hasKeys = (v: Obj) => Object.keys(v).length > 0;

export interface ExchangeContext {
  /** The failure's transport: its exchanges open, the others (logins, fixtures over HTTP) start folded. */
  focus: string;
  /** Some families' MQTT transcripts record the message but not the topic it was published on. */
  mqttRequestTopic?: string;
}

/** What a block shows: its first line, its headers, its body. */
interface Part {
  line: string;
  hdrs?: unknown;
  body?: unknown;
}

/** A form-encoded body (e.g. a json=… field) decoded, one field a line, JSON values pretty-printed. */
function formBody(value: string): string {
  return [...new URLSearchParams(value)].map(([k, v]) => `${k} = ${pretty(v)}`).join('\n');
}

function contentType(hdrs: unknown): string {
  if (!isObj(hdrs)) return '';
  const entry = Object.entries(hdrs).find(([k]) => k.toLowerCase() === 'content-type');
  return entry ? String(entry[1]) : '';
}

function headerLines(hdrs: Obj): string {
  return Object.entries(hdrs)
    .map(([k, v]) => `<span class="hn">${esc(k)}:</span> ${esc(Array.isArray(v) ? v.join(', ') : v)}`)
    .join('<br>');
}

/**
 * A request's headers are few and chosen by the test, so they show; a response's are mostly the server's noise
 * (date, keep-alive, CORS), so they fold, their content-type named on the fold.
 */
function headers(hdrs: unknown, fold: boolean): string {
  if (!isObj(hdrs) || !hasKeys(hdrs)) return '';
  if (!fold) return `<div class="headers">${headerLines(hdrs)}</div>`;
  const n = Object.keys(hdrs).length;
  const type = contentType(hdrs);
  return `<details class="headers"><summary>${n} header${n === 1 ? '' : 's'}${type ? ` · ${esc(type)}` : ''}</summary>${headerLines(hdrs)}</details>`;
}

function body(value: unknown, hdrs?: unknown): string {
  if (value === undefined || value === null || value === '') return '';
  const text = typeof value === 'string' && /x-www-form-urlencoded/i.test(contentType(hdrs)) ? formBody(value) : pretty(value);
  return `<pre class="body">${esc(text)}</pre>`;
}

/** "auth:updateSelf" or "user/updateCurrent": what a WebSocket or MQTT message asks for. */
function actionOf(message: Obj): string {
  const action = typeof message.action === 'string' ? message.action : '';
  return typeof message.controller === 'string' ? `${message.controller}:${action}` : action;
}

function httpRequest(req: Obj): Part | undefined {
  if (typeof req.method !== 'string' || typeof req.url !== 'string') return undefined;
  const { method, url, headers: hdrs, body: b, ...rest } = req;
  return { line: `${method} ${url}`, hdrs, body: b ?? (hasKeys(rest) ? rest : undefined) };
}

/** An MQTT or WebSocket control step: connect, subscribe or publish, with the rest of the record as its body. */
function controlRequest(req: Obj): Part | undefined {
  for (const kind of ['connect', 'subscribe', 'publish'] as const) {
    if (typeof req[kind] !== 'string') continue;
    const { [kind]: where, payload, ...rest } = req;
    const action = isObj(payload) ? actionOf(payload) : '';
    return { line: `${kind} ${String(where)}${action ? ` · ${action}` : ''}`, body: payload ?? (hasKeys(rest) ? rest : undefined) };
  }
  return undefined;
}

function requestPart(transport: string, req: unknown, ctx: ExchangeContext): Part {
  if (typeof req === 'string') return req.startsWith('(') ? { line: req } : { line: transport === 'mqtt' ? 'publish' : 'send', body: req };
  if (!isObj(req)) return { line: '', body: req };
  const known = httpRequest(req) ?? controlRequest(req);
  if (known) return known;
  const action = actionOf(req);
  // A bare message: on WebSocket it is sent as it is; on MQTT it went to the family's request topic.
  const verb = transport === 'mqtt' ? `publish ${ctx.mqttRequestTopic ?? ''}`.trim() : 'send';
  return { line: `${verb}${action ? ` · ${action}` : ''}`, body: req };
}

const isScalar = (v: unknown) => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function responsePart(res: unknown): Part {
  if (typeof res === 'string' && res.startsWith('(')) return { line: res };
  if (!isObj(res)) return { line: '', body: res };
  if (typeof res.status === 'number' && ('headers' in res || 'body' in res)) {
    const { status, statusText, headers: hdrs, body: b } = res;
    return { line: `${status}${statusText ? ` ${String(statusText)}` : ''}`, hdrs, body: b };
  }
  if (typeof res.topic === 'string') {
    const payload = res.payload ?? res.message;
    const status = isObj(payload) && ['string', 'number'].includes(typeof payload.status) ? ` · status ${String(payload.status)}` : '';
    return { line: `on ${res.topic}${status}`, body: payload };
  }
  // {connack: "accepted"}, {granted: 0}: a line says it all.
  const entries = Object.entries(res);
  if (entries.length <= 2 && entries.every(([, v]) => isScalar(v))) return { line: entries.map(([k, v]) => `${k} ${String(v)}`).join(', ') };
  const status = res.status ?? (isObj(res.error) ? 'error' : undefined);
  return { line: status !== undefined ? `status ${String(status)}` : 'message', body: res };
}

const code = (line: string) => (line ? ` <code>${esc(line)}</code>` : '');

/**
 * One recorded exchange (already redacted) as a fold whose summary reads "#4 http PUT …/update → 200", holding a
 * request block beside its response block.
 */
export function renderExchange(exchange: unknown, index: number, ctx: ExchangeContext): string {
  const x = isObj(exchange) ? exchange : { request: exchange };
  const transport = typeof x.transport === 'string' ? x.transport : '';
  const req = requestPart(transport, x.request, ctx);
  const res = 'response' in x ? responsePart(x.response) : { line: 'no response recorded' };
  const requestBlock = `<div class="msg req"><div class="msg-head">→ request${code(req.line)}</div>${headers(req.hdrs, false)}${body(req.body, req.hdrs)}</div>`;
  const responseBlock = `<div class="msg res"><div class="msg-head">← response${code(res.line)}</div>${headers(res.hdrs, true)}${body(res.body, res.hdrs)}</div>`;
  const summary = `<span class="ex-n">#${index + 1}</span>${transport ? ` <span class="tp">${esc(transport)}</span>` : ''}${code(req.line)} → ${res.line ? `<code>${esc(res.line)}</code>` : '…'}`;
  const open = transport === '' || transport === ctx.focus ? ' open' : '';
  return `<details class="exchange"${open}><summary>${summary}</summary><div class="pair">${requestBlock}${responseBlock}</div></details>`;
}
