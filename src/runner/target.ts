import fs from 'node:fs';
import type { Family, Transport } from '../specs/families.ts';
import { TRANSPORTS } from '../specs/families.ts';
import { schemaValidator } from '../core/validation.ts';
import { ToolError } from '../cli/errors.ts';
import { processRedactor } from '../core/redact.ts';

export interface Target {
  api: Family;
  name?: string;
  http?: string;
  ws?: string;
  mqtt?: string;
  auth: Record<string, any>;
}

/** Reads and validates a target file; every problem is a CONFORM_ERR_TARGET naming the field. */
export function readTarget(file: string): Target {
  let data: unknown;
  try {
    data = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'does not exist' : `is not JSON: ${(error as Error).message}`;
    throw new ToolError('CONFORM_ERR_TARGET', `target file ${file} ${reason}`);
  }
  const validate = schemaValidator('target.schema.json');
  if (!validate(data)) {
    const api = (data as { api?: unknown })?.api;
    const own = typeof api === 'string' ? (validate.errors ?? []).filter((e) => e.schemaPath.startsWith(`#/$defs/${api}/`)) : [];
    const errors = (own.length > 0 ? own : (validate.errors ?? []).filter((e) => !e.schemaPath.startsWith('#/$defs/'))).slice(0, 5);
    const text = errors.map((e) => `${e.instancePath || '(root)'} ${e.message}${e.params && 'additionalProperty' in e.params ? ` "${String(e.params.additionalProperty)}"` : ''}`);
    throw new ToolError('CONFORM_ERR_TARGET', `target file ${file} is invalid: ${text.join('; ') || 'see schemas/target.schema.json'}`);
  }
  // From now on this process never prints them (the CLI's lines go through processRedactor).
  processRedactor.addAll((data as Target).auth);
  return data as Target;
}

/** The transports the target offers, limited to those asked for. */
export function offeredTransports(target: Target, wanted: readonly Transport[] = TRANSPORTS): Transport[] {
  return TRANSPORTS.filter((t) => wanted.includes(t) && typeof target[t] === 'string');
}

/** The target as reports show it: name and endpoints, never credentials. */
export function publicTarget(target: Target): { name: string; api: Family; endpoints: Partial<Record<Transport, string>> } {
  return { name: target.name ?? target.api, api: target.api, endpoints: Object.fromEntries(TRANSPORTS.filter((t) => target[t]).map((t) => [t, target[t]])) };
}
