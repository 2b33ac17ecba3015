import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ToolError } from '../core/tool-error.ts';
import { findFamilyModule, manifests } from '../families/lookup.ts';
import { readTargetData, validateTarget, type Target, type TargetCheck } from '../target/target.ts';

/**
 * What may override a target file, so CI can take endpoints and secrets from its secret store instead of a
 * committed file. Precedence, per field: flags, then CONFORM_TARGET_* environment variables, then the file; no file
 * at all is fine when the overrides make a whole target. `auth` replaces the whole auth object; username and
 * password then replace the admin's login and password in it (auth.admin.<the manifest's adminLoginField>).
 */
export interface TargetOverrides {
  api?: string;
  name?: string;
  http?: string;
  ws?: string;
  mqtt?: string;
  /** The whole auth object, as JSON text. */
  auth?: string;
  username?: string;
  password?: string;
  /** A tenant of a shared conform mock. */
  tenant?: string;
}

export const TARGET_ENV: Record<keyof TargetOverrides, string> = {
  api: 'CONFORM_TARGET_API',
  name: 'CONFORM_TARGET_NAME',
  http: 'CONFORM_TARGET_HTTP',
  ws: 'CONFORM_TARGET_WS',
  mqtt: 'CONFORM_TARGET_MQTT',
  auth: 'CONFORM_TARGET_AUTH',
  username: 'CONFORM_TARGET_USERNAME',
  password: 'CONFORM_TARGET_PASSWORD',
  tenant: 'CONFORM_TARGET_TENANT',
};

/** The CONFORM_TARGET_* variables that are set (an empty value counts as unset). */
export function overridesFromEnv(env: NodeJS.ProcessEnv = process.env): TargetOverrides {
  const out: TargetOverrides = {};
  for (const [key, name] of Object.entries(TARGET_ENV) as Array<[keyof TargetOverrides, string]>) if (env[name]) out[key] = env[name];
  return out;
}

function parseAuth(text: string, from: string): Record<string, unknown> {
  let auth: unknown;
  try {
    auth = JSON.parse(text);
  } catch (error) {
    // The text may hold secrets: say where it came from, not what it is.
    throw new ToolError('CONFORM_ERR_TARGET', `${from} is not JSON (${(error as Error).message.replace(/"[^"]*"/g, '…')})`);
  }
  if (!auth || typeof auth !== 'object' || Array.isArray(auth)) throw new ToolError('CONFORM_ERR_TARGET', `${from} must be a JSON object`);
  return auth as Record<string, unknown>;
}

/** The target from a file (optional) with the environment's and the flags' overrides, validated as a file would be. */
export function resolveTarget(file: string | undefined, flags: TargetOverrides, env: TargetOverrides = overridesFromEnv(), check: TargetCheck = {}): Target {
  const data: Record<string, unknown> = file ? readTargetData(file) : {};
  const pick = <K extends keyof TargetOverrides>(key: K): { value: string; from: string } | undefined =>
    flags[key] !== undefined ? { value: flags[key] as string, from: `--${key}` } : env[key] !== undefined ? { value: env[key] as string, from: TARGET_ENV[key] } : undefined;
  for (const key of ['api', 'name', 'http', 'ws', 'mqtt', 'tenant'] as const) {
    const o = pick(key);
    if (o) data[key] = o.value;
  }
  const auth = pick('auth');
  if (auth) data.auth = parseAuth(auth.value, auth.from);
  const username = pick('username');
  const password = pick('password');
  if (username || password) {
    // The admin's login field is the family's (its manifest's adminLoginField); a family without one has no admin.
    const loginField = typeof data.api === 'string' ? findFamilyModule(data.api)?.manifest.adminLoginField : undefined;
    if (!loginField) {
      const withAdmin = manifests().filter((m) => m.adminLoginField).map((m) => m.family);
      throw new ToolError('CONFORM_ERR_TARGET', `${(username ?? password)?.from} applies to a ${withAdmin.join(' or ')} target (its admin account); a ${String(data.api ?? 'target without api')} takes its credentials in --auth or CONFORM_TARGET_AUTH`);
    }
    const current = (data.auth && typeof data.auth === 'object' ? data.auth : {}) as Record<string, any>;
    const admin = { ...(current.admin ?? {}) };
    if (username) admin[loginField] = username.value;
    if (password) admin.password = password.value;
    data.auth = { ...current, admin };
  }
  const overridden = Object.keys(flags).length + Object.keys(env).length > 0;
  const source = file ? (overridden ? `the target (file ${file} with overrides)` : `target file ${file}`) : 'the target (from flags and CONFORM_TARGET_* variables, no file)';
  if (!file && !data.api) throw new ToolError('CONFORM_ERR_USAGE', 'give a target file (--target <file>), the target on the command line (--api and its endpoints and credentials, or CONFORM_TARGET_* variables), or --mock for the built-in mock');
  return withTenant(validateTarget(data, source, check));
}

/**
 * A target naming a tenant of a shared conform mock, as the suites reach it: /__tenant/<name> before the path of its
 * HTTP and WebSocket endpoints (the prefix needs no client to set a header: every suite's requests and upgrades carry
 * it), and `?tenant=<name>` on its MQTT endpoint, which the suites' MQTT client turns into the CONNECT username's
 * "<name>:" prefix (MQTT has neither header nor path).
 */
export function withTenant(target: Target): Target {
  if (!target.tenant) return target;
  const prefix = (endpoint: string | undefined): string | undefined => {
    if (endpoint === undefined) return undefined;
    const url = new URL(endpoint);
    if (url.pathname.startsWith('/__tenant/')) return endpoint;
    return `${url.protocol}//${url.host}/__tenant/${target.tenant}${url.pathname === '/' ? '' : url.pathname}${url.search}`;
  };
  const query = (endpoint: string | undefined): string | undefined => {
    if (endpoint === undefined) return undefined;
    const url = new URL(endpoint);
    if (url.searchParams.has('tenant')) return endpoint;
    url.searchParams.set('tenant', target.tenant as string);
    return url.toString();
  };
  return { ...target, http: prefix(target.http), ws: prefix(target.ws), ...(target.mqtt ? { mqtt: query(target.mqtt) } : {}) };
}

/**
 * The merged target as a file for Playwright's processes (they read CONFORM_TARGET): readable by this user only,
 * since it may hold credentials; remove() deletes it.
 */
export function writeTemporaryTarget(target: Target): { file: string; remove: () => void } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'conform-target-'));
  const file = path.join(dir, 'target.json');
  fs.writeFileSync(file, JSON.stringify(target), { mode: 0o600 });
  return { file, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
