// App-wide UI state: where the owner is, and the profile every screen formats
// with. Plain runes in one module, so screens navigate without prop-drilling.
import type { LetterKind } from '../bindings/LetterKind';
import type { DashboardStats } from '../bindings/DashboardStats';
import type { Profile } from '../bindings/Profile';
import type { QueueItem } from '../bindings/QueueItem';

export type Route =
  | { screen: 'today' }
  | { screen: 'customers' }
  | { screen: 'customer'; id: number }
  | { screen: 'customer-form'; id: number | null }
  | { screen: 'incident'; id: number }
  | { screen: 'letter'; id: number; kind: LetterKind }
  | { screen: 'new-incident'; customerId: number | null }
  | { screen: 'transfer' }
  | { screen: 'settings' };

export const session = $state({
  route: { screen: 'today' } as Route,
  profile: null as Profile | null,
  /** A short confirmation read out by screen readers ("Saved"). */
  notice: '',
  /** Ctrl+F was pressed: the Customers screen focuses its search box once it is there. */
  focusSearch: false,
});

export function go(route: Route) {
  session.route = route;
  session.notice = '';
  // Only the Today shown at start-up may use what start-up read; any later one asks afresh.
  keepPrefetched(undefined, undefined);
}

export function notify(text: string) {
  session.notice = text;
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
