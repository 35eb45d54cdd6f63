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

type Form = { [field: string]: unknown };
const isForm = (v: unknown): v is Form => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether the owner changed anything in a form since it was filled (nested forms field by field). */
export function edited(filled: unknown, typed: unknown): boolean {
  if (isForm(filled) && isForm(typed)) return Object.keys(filled).some((k) => edited(filled[k], typed[k]));
  return filled !== typed;
}

/**
 * A form filled again from newer records, keeping what the owner typed: each
 * field they changed stays as typed, every other one takes the newer value, so
 * someone else's change to a field the owner left alone is not sent back over.
 */
export function keepTyped<T>(filled: T, typed: T, newer: T): T {
  if (isForm(filled) && isForm(typed) && isForm(newer)) {
    return Object.fromEntries(Object.keys(newer).map((k) => [k, keepTyped(filled[k], typed[k], newer[k])])) as T;
  }
  return edited(filled, typed) ? typed : newer;
}

/**
 * The top-level fields of a form that both the owner and someone else changed,
 * to different values, since it was filled. `keepTyped` keeps the owner's, so
 * the page names these with the other value: a second save must not drop
 * someone's change unseen.
 */
export function clashes<T extends object>(filled: T, typed: T, newer: T): (keyof T & string)[] {
  const [was, mine, theirs] = [filled, typed, newer] as unknown as Form[];
  return Object.keys(theirs).filter(
    (k) => edited(was[k], mine[k]) && edited(was[k], theirs[k]) && edited(theirs[k], mine[k]),
  ) as (keyof T & string)[];
}
