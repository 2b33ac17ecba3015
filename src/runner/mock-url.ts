import { ToolError } from '../core/tool-error.ts';
import type { Target } from '../target/target.ts';
import { writeTemporaryTarget } from './target-overrides.ts';

/** How long the running mock has to answer for its targets. */
const TIMEOUT_MS = 10_000;

export interface MockTargets {
  /** The mock's targets by family, as its control API gave them (credentials included). */
  targets: Record<string, Record<string, unknown>>;
  /** Each target written to a file only this user can read, for the suites' processes. */
  files: Record<string, string>;
  remove(): void;
}

/** The URL as a message may show it: without user and password. */
function shown(url: URL): string {
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}`;
}

function parseUrl(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ToolError('CONFORM_ERR_USAGE', '--mock-url must be the URL of one of the mock\'s HTTP listeners, e.g. http://127.0.0.1:7512');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ToolError('CONFORM_ERR_USAGE', `--mock-url must be an http:// or https:// URL (not ${url.protocol}//…): one of the mock's HTTP listeners`);
  return url;
}

/**
 * The targets of a running conform mock, from GET /__conform/targets on any of its HTTP listeners (through
 * /__tenant/<name>/ for a tenant: the prefix works whatever header the mock takes). Every way it can fail is a
 * ToolError that says what to do; none repeats a credential.
 */
export async function fetchMockTargets(text: string, options: { families?: string[]; tenant?: string; controlToken?: string }): Promise<MockTargets> {
  const base = parseUrl(text);
  const where = shown(base);
  const prefix = options.tenant ? `/__tenant/${encodeURIComponent(options.tenant)}` : '';
  const url = new URL(`${prefix}/__conform/targets`, base.origin);
  let res: Response;
  try {
    res = await fetch(url, { headers: options.controlToken ? { 'x-conform-token': options.controlToken } : {}, signal: AbortSignal.timeout(TIMEOUT_MS) });
  } catch (error) {
    const reason = (error as Error).name === 'TimeoutError' ? `no answer within ${TIMEOUT_MS / 1000} s` : ((error as { cause?: { code?: string } }).cause?.code ?? (error as Error).message);
    throw new ToolError('CONFORM_ERR_UNREACHABLE', `the mock at ${where} does not answer (${reason}): is conform mock running there?`);
  }
  const body = (await res.json().catch(() => undefined)) as { targets?: unknown; error?: unknown } | undefined;
  const said = typeof body?.error === 'string' ? `: ${body.error}` : '';
  if (res.status === 401 || res.status === 403) {
    throw new ToolError('CONFORM_ERR_CREDENTIALS', `the mock at ${where} refused its control API (${res.status}${said}); set CONFORM_CONTROL_TOKEN to its --control-token`);
  }
  if (res.status === 400) throw new ToolError('CONFORM_ERR_USAGE', `the mock at ${where} refused the request (400${said})`);
  if (res.status !== 200 || !body || typeof body.targets !== 'object' || body.targets === null) {
    throw new ToolError('CONFORM_ERR_TARGET', `${where} gives no conform mock targets (GET ${prefix}/__conform/targets answered ${res.status}): give the URL of a conform mock's HTTP listener`);
  }
  const all = body.targets as Record<string, Record<string, unknown>>;
  const wanted = options.families ?? Object.keys(all);
  const missing = wanted.filter((f) => !(f in all));
  if (missing.length > 0) throw new ToolError('CONFORM_ERR_USAGE', `the mock at ${where} serves ${Object.keys(all).join(', ') || 'no family'}: not ${missing.join(', ')}`);
  if (wanted.length === 0) throw new ToolError('CONFORM_ERR_TARGET', `the mock at ${where} serves no family`);
  const targets = Object.fromEntries(wanted.map((f) => [f, all[f] as Record<string, unknown>]));
  // The one way a target with credentials goes to disk for the suites' processes: readable by this user only.
  const written = Object.entries(targets).map(([family, target]) => [family, writeTemporaryTarget(target as unknown as Target)] as const);
  return { targets, files: Object.fromEntries(written.map(([f, w]) => [f, w.file])), remove: () => written.forEach(([, w]) => w.remove()) };
}
