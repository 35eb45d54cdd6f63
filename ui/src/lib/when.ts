// Dates and times between the core's stored instants (RFC 3339, UTC) and the
// owner's `datetime-local` inputs, and the short way a promise is shown
// ("Thu 10 Dec, 15:00"; "Thu Dec 10, 3:00 pm" with a US date format). Pure,
// unit-tested; the core parses what is typed.
import type { DateFormat } from '../bindings/DateFormat';
import { timeOfDay, twelveHour } from '../format';

const p2 = (n: number) => String(n).padStart(2, '0');

/** An instant (or now) as a `datetime-local` value in local time: "2026-12-10T15:00". */
export function dateTimeInput(value: string | Date | null | undefined = new Date()): string {
  if (value == null || value === '') return '';
  const t = value instanceof Date ? value : new Date(value);
  if (Number.isNaN(t.getTime())) return '';
  return `${t.getFullYear()}-${p2(t.getMonth() + 1)}-${p2(t.getDate())}T${p2(t.getHours())}:${p2(t.getMinutes())}`;
}

/** A `datetime-local` value as the core reads typed local time: "2026-12-10 15:00" ('' stays ''). */
export function typedDateTime(value: string): string {
  return value.trim().replace('T', ' ');
}

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * When a promise falls due, in local time and the profile's way: "Thu 10 Dec,
 * 15:00", or "Thu Dec 10, 3:00 pm" with a US date format; the year only when
 * it is not this year's.
 */
export function promiseWhen(iso: string, fmt: DateFormat = 'long_us', now: Date = new Date()): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  const day = twelveHour(fmt) ? `${MONTHS[t.getMonth()]} ${t.getDate()}` : `${t.getDate()} ${MONTHS[t.getMonth()]}`;
  const year = t.getFullYear() === now.getFullYear() ? '' : ` ${t.getFullYear()}`;
  return `${WEEKDAYS[t.getDay()]} ${day}${year}, ${timeOfDay(t.getHours(), t.getMinutes(), fmt)}`;
}
