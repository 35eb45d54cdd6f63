// App-wide UI state: where the owner is, and the profile every screen formats
// with. Plain runes in one module, so screens navigate without prop-drilling.
import type { LetterKind } from '../bindings/LetterKind';
import type { DashboardStats } from '../bindings/DashboardStats';
import type { Profile } from '../bindings/Profile';
import type { QueueItem } from '../bindings/QueueItem';

export type Route =
  | { screen: 'today' }
  | { screen: 'customers' }
  | { screen: 'incidents' }
  /** The register of causes: one mistake that touched many customers. */
  | { screen: 'causes' }
  | { screen: 'cause'; id: number }
  | { screen: 'customer'; id: number }
  | { screen: 'customer-form'; id: number | null }
  | { screen: 'incident'; id: number }
  /** `version`: open this kept version of the incident's letters. */
  | { screen: 'letter'; id: number; kind: LetterKind; version?: number }
  | { screen: 'call'; id: number }
  | { screen: 'new-incident'; customerId: number | null }
  | { screen: 'transfer' }
  | { screen: 'settings' };

export const session = $state({
  route: { screen: 'today' } as Route,
  profile: null as Profile | null,
  /** A short confirmation read out by screen readers ("Saved"). */
  notice: '',
  /** The last confirmation, for the toast: kept across navigation; `count` shows the same words again. */
  toast: { text: '', count: 0 },
  /** Ctrl+F was pressed: the Customers screen focuses its search box once it is there. */
  focusSearch: false,
  /** "Add your name" was pressed: Settings focuses the name field once it is there. */
  focusPerson: false,
});

/**
 * A screen with something the owner could lose (the Letter's unsaved edits)
 * is asked before any navigation: it returns true to let the owner go, or
 * false to stay and ask them in the page (then `continueLeave()` after they
 * choose to discard).
 */
export type LeaveGuard = (to: Route) => boolean;
let leaveGuard: LeaveGuard | null = null;
/** Where the owner was going when the guard stopped them. */
let pending: Route | null = null;

/** Install the guard (or none); returns a function that removes exactly this guard. */
export function setLeaveGuard(guard: LeaveGuard | null): () => void {
  leaveGuard = guard;
  pending = null;
  return () => {
    if (leaveGuard === guard) {
      leaveGuard = null;
      pending = null;
    }
  };
}

/** Go where the owner was going when the guard stopped them, without asking again. */
export function continueLeave() {
  const to = pending;
  pending = null;
  if (!to) return;
  leaveGuard = null;
  go(to);
}

/** Navigate; false when a screen's leave guard kept the owner where they are. */
export function go(route: Route): boolean {
  if (leaveGuard && !leaveGuard(route)) {
    pending = route;
    return false;
  }
  pending = null;
  session.route = route;
  session.notice = '';
  // Only the Today shown at start-up may use what start-up read; any later one asks afresh.
  keepPrefetched(undefined, undefined);
  return true;
}

export function notify(text: string) {
  session.notice = text;
  session.toast = { text, count: session.toast.count + 1 };
}

/** The profile's currency and date format, with safe defaults before it loads. */
export const currency = () => session.profile?.currency ?? 'USD';
export const dateFormat = () => session.profile?.date_format ?? 'long_us';

/**
 * Today's queue and charts as read at start-up (see `startup` in api.ts).
 * Each is handed out once, to the first Today screen; later visits ask afresh.
 */
const prefetched: { today?: QueueItem[] | null; stats?: DashboardStats | null } = {};

export function keepPrefetched(today: QueueItem[] | null | undefined, stats: DashboardStats | null | undefined) {
  prefetched.today = today;
  prefetched.stats = stats;
}

export function takePrefetched<K extends keyof typeof prefetched>(key: K): (typeof prefetched)[K] {
  const v = prefetched[key];
  delete prefetched[key];
  return v;
}
