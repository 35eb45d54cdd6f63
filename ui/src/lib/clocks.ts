// The core's running clocks, arranged for the screens: the most urgent one of
// each incident, a list ordered by it, and the words of a "due today" line.
// Which clocks run, when they fall due and how late they are is the core's
// (`clocks`); nothing here works a deadline out. Pure, unit-tested.
import type { Clock } from '../bindings/Clock';

/** Each incident's most urgent clock (the fewest minutes left, so the latest one first). */
export function mostUrgent(clocks: readonly Clock[]): Map<number, Clock> {
  const out = new Map<number, Clock>();
  for (const c of clocks) {
    const had = out.get(c.incident_id);
    if (!had || c.minutes_left < had.minutes_left) out.set(c.incident_id, c);
  }
  return out;
}

/**
 * The items with a clock first, most late first; those without one after
 * them, in the order they came (the sort is stable).
 */
export function byLateness<T>(items: readonly T[], idOf: (item: T) => number, urgent: Map<number, Clock>): T[] {
  const left = (item: T) => urgent.get(idOf(item))?.minutes_left ?? Number.POSITIVE_INFINITY;
  return items
    .map((item, i) => ({ item, i, m: left(item) }))
    .sort((a, b) => (a.m === b.m ? a.i - b.i : a.m < b.m ? -1 : 1))
    .map((x) => x.item);
}

/** The kinds Today lists under "Due today": they have no queue group of their own. */
export const DUE_TODAY_KINDS: readonly Clock['kind'][] = ['call_back', 'outcome'];

/** What the owner has to do for a "due today" clock: "Call Zoë back", "Did Zoë come back?". */
export function dueTask(c: Clock): string {
  switch (c.kind) {
    case 'call_back':
      return `Call ${c.customer_name} back`;
    case 'outcome':
      return `Did ${c.customer_name} come back?`;
    default:
      return `${c.label}: ${c.customer_name}`;
  }
}
