import { schemaValidator, firstError } from '../../src/core/validation.ts';

const validators = new Map<string, ReturnType<typeof schemaValidator>>();
/** The first problem of a value against a schema of the specification layer (schemas/<ref>), or undefined. */
export function schemaProblem(ref: string, value: unknown): string | undefined {
  let validate = validators.get(ref);
  if (!validate) {
    validate = schemaValidator(ref);
    validators.set(ref, validate);
  }
  return validate(value) ? undefined : `${ref}: ${firstError(validate.errors)} in ${JSON.stringify(value)}`;
}
