import type { ErrorObject } from 'ajv';

/**
 * How one ajv error reads. Each caller keeps the wording its users (and tests) already know:
 * - 'first': "<path or 'the value'> <message>", for a family's one-line seed errors;
 * - 'keyword': "<path> <keyword>: <message>", for the specification checks;
 * - 'params': "<path> <message>" plus the allowed values or the unexpected property, for the mock configuration;
 * - 'words': enums and consts in words ("must be one of a, b"), not ajv's oneOf text, for target files.
 */
export type AjvErrorStyle = 'first' | 'keyword' | 'params' | 'words';

export function describeAjvError(e: ErrorObject, style: AjvErrorStyle): string {
  const where = e.instancePath || (style === 'first' ? 'the value' : '(root)');
  const params = e.params as Record<string, unknown>;
  if (style === 'first') return `${where} ${e.message ?? 'is invalid'}`;
  if (style === 'keyword') return `${where} ${e.keyword}: ${e.message ?? ''}`;
  if (style === 'words') {
    if (e.keyword === 'enum') return `${where} must be one of ${(params.allowedValues as unknown[]).map(String).join(', ')}`;
    if (e.keyword === 'const') return `${where} must be ${JSON.stringify(params.allowedValue)}`;
    if (e.keyword === 'additionalProperties') return `${where} ${e.message} "${String(params.additionalProperty)}"`;
    return `${where} ${e.message}`;
  }
  const allowed = 'allowedValues' in params ? ` (${(params.allowedValues as unknown[]).join(', ')})` : '';
  const extra = 'additionalProperty' in params ? ` "${String(params.additionalProperty)}"` : '';
  return `${where} ${e.message}${allowed}${extra}`;
}

/** Every error in the style, separated by "; ". */
export function formatAjvErrors(errors: ErrorObject[] | null | undefined, style: AjvErrorStyle): string {
  return (errors ?? []).map((e) => describeAjvError(e, style)).join('; ');
}
