import { Ajv2020, type ValidateFunction, type ErrorObject } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { SCHEMAS } from '../generated/schemas.ts';
import { describeAjvError } from './ajv-errors.ts';

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

const BASE = 'https://conform.invalid/schemas/';
let ajv: Ajv2020 | undefined;

/** One ajv for the process, holding every schema of the specification layer; each validator compiles on first use. */
function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ strict: true, allErrors: true });
    addFormats(ajv);
    for (const schema of Object.values(SCHEMAS)) ajv.addSchema(schema);
  }
  return ajv;
}

/** The validator of a schema of the specification layer: "<family>/update-profile.body.json" or "…#/$defs/x". */
export function schemaValidator(ref: string): ValidateFunction {
  const validate = instance().getSchema(BASE + ref);
  if (!validate) throw new Error(`no schema ${ref} in the specification layer`);
  return validate;
}

/** The first error as "<path> <message>", for error messages that say what is wrong. */
export function firstError(errors: ErrorObject[] | null | undefined): string {
  const e = errors?.[0];
  return e ? describeAjvError(e, 'first') : 'is invalid';
}
