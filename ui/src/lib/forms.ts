// Helpers shared by the forms: map a core error to the field it names, so
// each form shows it in place and keeps what was typed.
import { fieldOf, messageOf } from '../api';

export type FieldErrors = Record<string, string>;

/** The error as `{ field: message }`, or under `_form` when it names no field we show. */
export function errorsFrom(e: unknown, shown: readonly string[]): FieldErrors {
  const field = fieldOf(e);
  if (field && shown.includes(field)) return { [field]: messageOf(e) };
  return { _form: messageOf(e) };
}

/** aria-invalid for a field: "true" when it has an error. */
export const invalidAttr = (errors: FieldErrors, field: string) => (errors[field] ? 'true' : undefined);

/** The id of a field's error paragraph, for aria-describedby. */
export const errorId = (id: string, errors: FieldErrors, field: string) =>
  errors[field] ? `${id}-error` : undefined;

/** Blank text as null, the way the core's optional fields want it. */
export const orNull = (s: string | null | undefined) => (s && s.trim() ? s : null);
