import { esc, pretty } from './escape.ts';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

function headers(value: unknown): string {
  if (!isObj(value) || Object.keys(value).length === 0) return '';
  const lines = Object.entries(value).map(([k, v]) => `<span class="hn">${esc(k)}:</span> ${esc(Array.isArray(v) ? v.join(', ') : v)}`);
  return `<div class="headers">${lines.join('<br>')}</div>`;
}

/** A form-encoded body (the userapi's json=… fields) decoded, one field a line, JSON values pretty-printed. */
function formBody(value: string): string {
  return [...new URLSearchParams(value)].map(([k, v]) => `${k} = ${pretty(v)}`).join('\n');
}

function isForm(hdrs: unknown): boolean {
  return isObj(hdrs) && Object.entries(hdrs).some(([k, v]) => k.toLowerCase() === 'content-type' && /x-www-form-urlencoded/i.test(String(v)));
}

const body = (value: unknown, hdrs?: unknown) =>
  value === undefined || value === null || value === '' ? '' : `<pre class="body">${esc(typeof value === 'string' && isForm(hdrs) ? formBody(value) : pretty(value))}</pre>`;

/** The request's first line: "PUT http://…/_me", "publish Kuzzle/request", "auth:updateSelf" … */
function requestLine(req: unknown): { line: string; rest: unknown; hdrs?: unknown; body?: unknown } {
  if (!isObj(req)) return { line: '', rest: req };
  if (typeof req.method === 'string' && typeof req.url === 'string') {
    const { method, url, headers: h, body: b, ...rest } = req;
    return { line: `${method} ${url}`, rest: Object.keys(rest).length ? rest : undefined, hdrs: h, body: b };
  }
  for (const kind of ['publish', 'subscribe', 'connect', 'topic'] as const) {
    if (typeof req[kind] === 'string') {
      const { [kind]: where, payload, message, ...rest } = req;
      const what = typeof req.controller === 'string' ? ` (${String(req.controller)}:${String(req.action ?? '')})` : '';
      return { line: `${kind} ${String(where)}${what}`, rest: payload ?? message ?? (Object.keys(rest).length ? rest : undefined) };
    }
  }
  if (typeof req.controller === 'string' || typeof req.action === 'string') return { line: `${String(req.controller ?? '')}:${String(req.action ?? '')}`, rest: req };
  return { line: '', rest: req };
}

function responseLine(res: unknown): { line: string; hdrs?: unknown; body?: unknown } {
  if (!isObj(res)) return { line: '', body: res };
  if ('status' in res && ('headers' in res || 'body' in res)) {
    const { status, statusText, headers: h, body: b, ...rest } = res;
    return { line: `${String(status)}${statusText ? ` ${String(statusText)}` : ''}`, hdrs: h, body: b ?? (Object.keys(rest).length ? rest : undefined) };
  }
  if (typeof res.topic === 'string') {
    const { topic, payload, message, ...rest } = res;
    return { line: `on ${topic}`, body: payload ?? message ?? (Object.keys(rest).length ? rest : undefined) };
  }
  return { line: 'status' in res ? `status ${String(res.status)}` : '', body: res };
}

/** One recorded exchange (already redacted) as a request block and a response block. */
export function renderExchange(exchange: unknown, index: number): string {
  const x = isObj(exchange) ? exchange : { request: exchange };
  const transport = typeof x.transport === 'string' ? x.transport : '';
  const req = requestLine(x.request);
  const res = responseLine(x.response);
  const requestBlock = `<div class="msg req"><div class="msg-head">→ request${req.line ? ` <code>${esc(req.line)}</code>` : ''}</div>${headers(req.hdrs)}${body(req.body, req.hdrs)}${body(req.rest)}</div>`;
  const responseBlock =
    'response' in x
      ? `<div class="msg res"><div class="msg-head">← response${res.line ? ` <code>${esc(res.line)}</code>` : ''}</div>${headers(res.hdrs)}${body(res.body)}</div>`
      : '<div class="msg res"><div class="msg-head">← no response recorded</div></div>';
  return `<div class="exchange"><div class="ex-n">#${index + 1}${transport ? ` ${esc(transport)}` : ''}</div>${requestBlock}${responseBlock}</div>`;
}
