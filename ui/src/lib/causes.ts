// The words the Causes screens put around the core's numbers: how far a
// cause's recoveries have gone, its dates, a file name for its letters. Pure,
// so they are unit-tested; the counts themselves come from the core.
import type { DateFormat } from '../bindings/DateFormat';
import { formatDate } from '../format';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "5 customers". */
export const customersWords = (n: number) => plural(n, 'customer', 'customers');

/** "No changes yet", "1 change", "3 changes". */
export const changesWords = (n: number) => (n === 0 ? 'No changes yet' : plural(n, 'change', 'changes'));

/** "3 of 5 contacted, 2 fixed, 1 followed up" (or that nobody is linked yet). */
export function recoveryWords(s: { incidents: number; contacted: number; fixed: number; followed_up: number }): string {
  if (s.incidents === 0) return 'No customers linked yet';
  return `${s.contacted} of ${s.incidents} contacted, ${s.fixed} fixed, ${s.followed_up} followed up`;
}

/** "From March 5, 2026 to March 9, 2026", "Since March 5, 2026", "Until …", or '' when neither is known. */
export function causeDates(started: string | null, ended: string | null, fmt: DateFormat): string {
  const from = formatDate(started, fmt);
  const to = formatDate(ended, fmt);
  if (from && to) return from === to ? `On ${from}` : `From ${from} to ${to}`;
  if (from) return `Since ${from}`;
  if (to) return `Until ${to}`;
  return '';
}

/** A file name made from the cause's title: letters and digits kept, the rest one '-'. */
export function fileSafe(title: string): string {
  return title.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '') || 'cause';
}
