import fs from 'node:fs';
import type { ErrorObject } from 'ajv';
import type { Family, Transport } from '../specs/families.ts';
import { FAMILIES, TRANSPORTS } from '../specs/families.ts';
import { schemaValidator } from '../core/validation.ts';
import { describeAjvError } from '../core/ajv-errors.ts';
import { ToolError } from '../core/tool-error.ts';
import { processRedactor } from '../core/redact.ts';

export interface Target {
  api: Family;
  name?: string;
  /** A tenant of a shared conform mock (its endpoints carry /__tenant/<name>, see withTenant). */
  tenant?: string;
  http?: string;
  ws?: string;
  mqtt?: string;
  auth: Record<string, any>;
}

/** One schema problem in words a user can act on: enums and consts list what is allowed, not ajv's oneOf text. */
function describe(e: ErrorObject): string {
  return describeAjvError(e, 'words');
}

/** A problem with the credentials: missing, or inside auth. */
const aboutAuth = (e: ErrorObject) => e.instancePath === '/auth' || e.instancePath.startsWith('/auth/') || (e.keyword === 'required' && (e.params as { missingProperty?: string }).missingProperty === 'auth');

export interface TargetCheck {
  /**
   * false: the credentials may be missing or incomplete. What only needs the target's family and endpoints (the
   * reporters, conform merge-reports) takes a target without credentials; a run that logs in does not.
   */
  credentials?: boolean;
}

/** Validates target data (a file's, or one merged with overrides); every problem is a CONFORM_ERR_TARGET naming the field. */
export function validateTarget(data: unknown, source: string, check: TargetCheck = {}): Target {
  const validate = schemaValidator('target.schema.json');
  const valid = validate(data);
  const all = (validate.errors ?? []).filter((e) => check.credentials !== false || !aboutAuth(e));
  const api = (data as { api?: unknown })?.api;
  // The family's own branch says what is wrong with a target of that family; with an unknown family, only the
  // top-level problems (the api enum) matter, and "must match exactly one schema in oneOf" says nothing.
  const own = typeof api === 'string' && (FAMILIES as readonly string[]).includes(api) ? all.filter((e) => e.schemaPath.startsWith(`#/$defs/${api}/`)) : [];
  const top = all.filter((e) => !e.schemaPath.startsWith('#/$defs/') && e.keyword !== 'oneOf');
  if (valid || (check.credentials === false && own.length === 0 && top.length === 0 && typeof api === 'string' && (FAMILIES as readonly string[]).includes(api))) {
    const target = { auth: {}, ...(data as object) } as Target;
    // From now on this process never prints them (the CLI's lines go through processRedactor).
    processRedactor.addAll(target.auth);
    return target;
  }
  const errors = (own.length > 0 ? own : top.length > 0 ? top : all).slice(0, 5);
  const text = [...new Set(errors.map(describe))];
  throw new ToolError('CONFORM_ERR_TARGET', `${source} is invalid: ${text.join('; ') || 'see schemas/target.schema.json'}`);
}

/** The JSON of a target file, unvalidated (overrides may complete it). */
export function readTargetData(file: string): Record<string, unknown> {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `is not JSON: ${(error as Error).message}`;
    throw new ToolError('CONFORM_ERR_TARGET', `target file ${file} ${reason}`);
  }
  if (!data || typeof data !== 'object' || Array.isArray(data)) throw new ToolError('CONFORM_ERR_TARGET', `target file ${file} is invalid: (root) must be an object`);
  return data as Record<string, unknown>;
}

/** Reads and validates a target file; every problem is a CONFORM_ERR_TARGET naming the field. */
export function readTarget(file: string, check: TargetCheck = {}): Target {
  return validateTarget(readTargetData(file), `target file ${file}`, check);
}

/** The transports the target offers, limited to those asked for. */
export function offeredTransports(target: Target, wanted: readonly Transport[] = TRANSPORTS): Transport[] {
  return TRANSPORTS.filter((t) => wanted.includes(t) && typeof target[t] === 'string');
}

/** The target as reports show it: name and endpoints, never credentials. */
export function publicTarget(target: Target): { name: string; api: Family; endpoints: Partial<Record<Transport, string>> } {
  return { name: target.name ?? target.api, api: target.api, endpoints: Object.fromEntries(TRANSPORTS.filter((t) => target[t]).map((t) => [t, target[t]])) };
}
