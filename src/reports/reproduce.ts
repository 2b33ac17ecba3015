/**
 * Copy-paste reproductions of recorded exchanges: curl for HTTP, a Node one-liner (the global WebSocket of Node 22)
 * for WebSocket, mosquitto_rr / mosquitto_pub / mosquitto_sub for MQTT. Values are kept as the transcript has them
 * (secrets are redacted there, at the source); an Authorization header always becomes "$CONFORM_TOKEN", an MQTT
 * password "$CONFORM_MQTT_PASSWORD", so a command never carries a credential and is still runnable.
 */
import type { Transport } from '../specs/families.ts';

export interface ReproContext {
  /** The target's public endpoints: the WebSocket and MQTT exchanges do not all record where they went. */
  endpoints: Partial<Record<Transport, string>>;
  /** The topic requests are published on when the exchange does not say (the family manifest's mqttRequestTopic). */
  mqttRequestTopic?: string;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** POSIX shell quoting: one single-quoted word; a single quote inside becomes '\''. Newlines stay literal. */
export function shellQuote(value: string): string {
  if (/^[\w@%+=:,./-]+$/.test(value)) return value;
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

const text = (v: unknown) => (typeof v === 'string' ? v : JSON.stringify(v));
/** Headers curl computes itself; replaying them could only disagree with the body. */
const COMPUTED = new Set(['content-length', 'host', 'connection', 'transfer-encoding']);

function curl(request: Obj): string | undefined {
  if (typeof request.method !== 'string' || typeof request.url !== 'string') return undefined;
  const parts = ['curl', '-sS', '-i', '-X', request.method, shellQuote(request.url)];
  for (const [name, value] of Object.entries(isObj(request.headers) ? request.headers : {})) {
    if (COMPUTED.has(name.toLowerCase())) continue;
    if (name.toLowerCase() === 'authorization') {
      // Keep the scheme the test used; the credential itself comes from the environment.
      const scheme = /^(Bearer|Basic)\s/i.exec(String(value))?.[1];
      parts.push('-H', `"Authorization: ${scheme ? `${scheme} ` : ''}$CONFORM_TOKEN"`);
    } else parts.push('-H', shellQuote(`${name}: ${String(value)}`));
  }
  if (request.body !== undefined && request.body !== null) parts.push('--data-raw', shellQuote(text(request.body)));
  return parts.join(' ');
}

/** The WebSocket messages of a run of exchanges: what was sent, in order; waits and connects send nothing. */
function wsMessage(request: unknown): string | undefined {
  if (typeof request === 'string') return request.startsWith('(awaiting ') ? undefined : request;
  if (isObj(request) && typeof request.connect === 'string' && Object.keys(request).length === 1) return undefined;
  return JSON.stringify(request);
}

/** Opens one connection, sends the first message, and each next one after an answer; prints every answer. */
const WS_SNIPPET = "const w=new WebSocket(process.argv[1]),m=process.argv.slice(2);w.onopen=()=>m.length?w.send(m.shift()):w.close();w.onmessage=(e)=>{console.log(String(e.data));m.length?w.send(m.shift()):w.close()};w.onerror=(e)=>{console.error(e.message??'WebSocket error');process.exit(1)}";

function websocket(url: string, messages: string[]): string {
  return ['node', '-e', shellQuote(WS_SNIPPET), shellQuote(url), ...messages.map(shellQuote)].join(' ');
}

function hostPort(url: string | undefined): string[] {
  if (!url) return ['-h', '"$CONFORM_MQTT_HOST"'];
  const u = new URL(url);
  return ['-h', shellQuote(u.hostname), '-p', u.port || (u.protocol === 'mqtts:' ? '8883' : '1883')];
}

function mqtt(request: unknown, response: unknown, ctx: ReproContext): string | undefined {
  const id = (r: Obj) => (typeof r.clientId === 'string' ? ['-i', shellQuote(r.clientId)] : []);
  if (isObj(request) && typeof request.connect === 'string') {
    const login = typeof request.username === 'string' ? ['-u', shellQuote(request.username), ...(request.password === undefined ? [] : ['-P', '"$CONFORM_MQTT_PASSWORD"'])] : [];
    // CONNECT alone: mosquitto_sub connects, waits 3 s on a topic nobody publishes and exits; its exit says CONNACK.
    return ['mosquitto_sub', ...hostPort(request.connect), ...id(request), ...login, '-t', 'conform/connect-only', '-W', '3'].join(' ');
  }
  if (isObj(request) && typeof request.subscribe === 'string') return ['mosquitto_sub', ...hostPort(ctx.endpoints.mqtt), ...id(request), '-t', shellQuote(request.subscribe), '-v', '-C', '1', '-W', '5'].join(' ');
  let topic = ctx.mqttRequestTopic;
  let payload: unknown = request;
  let qos: string[] = [];
  let client: string[] = [];
  if (isObj(request) && typeof request.publish === 'string') {
    topic = request.publish;
    payload = request.payload;
    qos = typeof request.qos === 'number' && request.qos > 0 ? ['-q', String(request.qos)] : [];
    client = id(request);
  }
  if (typeof payload === 'string' && payload.startsWith('(awaiting ')) return undefined;
  if (!topic) return undefined;
  const answerTopic = isObj(response) && typeof response.topic === 'string' ? response.topic : undefined;
  const common = [...hostPort(ctx.endpoints.mqtt), ...client, ...qos, '-t', shellQuote(topic)];
  // mosquitto_rr subscribes to the answer topic, publishes and prints the first answer; MQTT 3.1.1 like the suites.
  if (answerTopic) return ['mosquitto_rr', '-V', 'mqttv311', ...common, '-e', shellQuote(answerTopic), '-W', '5', '-m', shellQuote(text(payload))].join(' ');
  return ['mosquitto_pub', ...common, '-m', shellQuote(text(payload))].join(' ');
}

/** One exchange as a command, or undefined when it cannot be replayed on its own (a wait, an unknown shape). */
export function reproduceExchange(exchange: unknown, ctx: ReproContext): string | undefined {
  if (!isObj(exchange)) return undefined;
  if (exchange.transport === 'http') return isObj(exchange.request) ? curl(exchange.request) : undefined;
  if (exchange.transport === 'ws') {
    const message = wsMessage(exchange.request);
    const url = isObj(exchange.request) && typeof exchange.request.connect === 'string' ? exchange.request.connect : ctx.endpoints.ws;
    return url ? websocket(url, message === undefined ? [] : [message]) : undefined;
  }
  if (exchange.transport === 'mqtt') return mqtt(exchange.request, exchange.response, ctx);
  return undefined;
}

/**
 * The reproduction of a failed test: a command per exchange, in order. Consecutive WebSocket messages go into one
 * Node command, one connection, as the test sent them (an authenticate holds only for its connection).
 */
export function reproduce(exchanges: unknown[], ctx: ReproContext): string {
  const lines: string[] = [];
  let ws: { url: string; messages: string[] } | undefined;
  const flush = () => {
    if (ws) lines.push(websocket(ws.url, ws.messages));
    ws = undefined;
  };
  for (const e of exchanges) {
    if (isObj(e) && e.transport === 'ws') {
      const url = isObj(e.request) && typeof e.request.connect === 'string' ? e.request.connect : ctx.endpoints.ws;
      if (!url) continue;
      if (ws && ws.url !== url) flush();
      ws ??= { url, messages: [] };
      const message = wsMessage(e.request);
      if (message !== undefined) ws.messages.push(message);
      continue;
    }
    flush();
    const command = reproduceExchange(e, ctx);
    if (command) lines.push(command);
  }
  flush();
  return lines.join('\n');
}
