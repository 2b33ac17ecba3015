import type { Behaviour } from '../../src/core/behaviour.ts';
import { schemaValidator } from '../../src/core/validation.ts';
import type { UserRow } from './users.ts';

export type FieldErrors = Record<string, string[]>;

const LETTERS = /^[\p{L}\p{M}]+$/u;

function label(field: string): string {
  return field.replace(/_/g, ' ');
}

/**
 * The document's validation rules, with Laravel's default English messages (userapi.md §1.3): name and surname
 * required and alphabetic, email required, valid and unique except for the caller's own address.
 */
export function validateFields(fields: Record<string, unknown>, callerId: number, others: UserRow[], behaviour: Behaviour): FieldErrors {
  const errors: FieldErrors = {};
  const add = (field: string, message: string) => (errors[field] ??= []).push(message);
  for (const field of ['name', 'surname'] as const) {
    const value = fields[field];
    if (value === undefined || value === null || value === '') {
      // userapi.update.validation.name-required / surname-required
      if (!behaviour.deviates(`userapi.update.validation.${field}-required`)) add(field, `The ${label(field)} field is required.`);
    } else if (typeof value !== 'string' || !LETTERS.test(value)) {
      // userapi.update.validation.name-alphabetic / surname-alphabetic
      if (!behaviour.deviates(`userapi.update.validation.${field}-alphabetic`)) add(field, `The ${label(field)} field must only contain letters.`);
    }
  }
  const email = fields.email;
  if (email === undefined || email === null || email === '') {
    // userapi.update.validation.email-required
    if (!behaviour.deviates('userapi.update.validation.email-required')) add('email', 'The email field is required.');
  } else if (typeof email !== 'string' || !schemaValidator('userapi/common.json#/$defs/email')(email)) {
    // userapi.update.validation.email-format
    if (!behaviour.deviates('userapi.update.validation.email-format')) add('email', 'The email field must be a valid email address.');
  } else {
    // userapi.update.validation.email-unique; email-keep-own: the caller's own row is excluded from the check.
    const keepOwnBroken = behaviour.deviates('userapi.update.validation.email-keep-own');
    // String(): a deviation (email-format, the reference profile) may have stored a non-string email, which the
    // reference's varchar column would hold as text; it must not break every later check (found by the generative phase).
    const taken = others.some((u) => String(u.email).toLowerCase() === email.toLowerCase() && (keepOwnBroken || u.id !== callerId));
    if (taken && !behaviour.deviates('userapi.update.validation.email-unique')) add('email', 'The email has already been taken.');
  }
  const description = fields.description;
  if (description !== undefined && description !== null && typeof description !== 'string') add('description', 'The description field must be a string.');
  // userapi.update.validation.description-optional
  if (description === undefined && behaviour.deviates('userapi.update.validation.description-optional')) add('description', 'The description field is required.');
  return errors;
}
