// Small display helpers shared by the screens. Pure functions, unit-tested.
// Nothing here decides anything about a recovery: it only words and counts
// what the core returned.
import type { DateFormat } from './bindings/DateFormat';
import type { FindingKind } from './bindings/FindingKind';
import type { LetterKind } from './bindings/LetterKind';
import type { MonthCount } from './bindings/MonthCount';
import type { NamedCount } from './bindings/NamedCount';
import type { QueueKind } from './bindings/QueueKind';
import type { RecoveryStep } from './bindings/RecoveryStep';

/** "just now", "40 min", "5 h", "3 days": how long a customer has been waiting. */
export function elapsed(sinceIso: string, now: Date = new Date()): string {
  const ms = now.getTime() - new Date(sinceIso).getTime();
  if (!Number.isFinite(ms) || ms < 60_000) return 'just now';
  const min = Math.floor(ms / 60_000);
  if (min < 60) return `${min} min`;
  const h = Math.floor(min / 60);
  if (h < 48) return `${h} h`;
  const d = Math.floor(h / 24);
  return `${d} days`;
}

/** "just now" or "3 h ago". */
export function ago(sinceIso: string, now: Date = new Date()): string {
  const e = elapsed(sinceIso, now);
  return e === 'just now' ? e : `${e} ago`;
}

/** Integer minor units to a display amount: 124050, "GBP" -> "£1,240.50". */
export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);
}

/** Minor units as the owner would type them back into a form: 124050 -> "1240.50". */
export function amountInput(minor: number | null | undefined): string {
  if (minor == null) return '';
  const sign = minor < 0 ? '-' : '';
  const abs = Math.abs(minor);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

/**
 * A calendar date ("2026-03-05") or an instant (RFC 3339, shown in local time)
 * in the profile's date format.
 */
export function formatDate(value: string | null | undefined, fmt: DateFormat = 'long_us'): string {
  if (!value) return '';
  let y: number, m: number, d: number;
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) {
    [y, m, d] = [Number(plain[1]), Number(plain[2]), Number(plain[3])];
  } else {
    const t = new Date(value);
    if (Number.isNaN(t.getTime())) return value;
    [y, m, d] = [t.getFullYear(), t.getMonth() + 1, t.getDate()];
  }
  const p2 = (n: number) => String(n).padStart(2, '0');
  switch (fmt) {
    case 'long_uk':
      return `${d} ${MONTHS[m - 1]} ${y}`;
    case 'iso':
      return `${y}-${p2(m)}-${p2(d)}`;
    case 'numeric_us':
      return `${p2(m)}/${p2(d)}/${y}`;
    case 'numeric_eu':
      return `${p2(d)}/${p2(m)}/${y}`;
    default:
      return `${MONTHS[m - 1]} ${d}, ${y}`;
  }
}

/** Whether the profile's date format is an American one, which goes with 12-hour times. */
export const twelveHour = (fmt: DateFormat) => fmt === 'long_us' || fmt === 'numeric_us';

/** A time of day in the profile's way: "7:34 pm" with a US date format, "19:34" otherwise. */
export function timeOfDay(hours: number, minutes: number, fmt: DateFormat = 'long_us'): string {
  const mm = String(minutes).padStart(2, '0');
  if (!twelveHour(fmt)) return `${String(hours).padStart(2, '0')}:${mm}`;
  return `${hours % 12 || 12}:${mm} ${hours < 12 ? 'am' : 'pm'}`;
}

/** An instant as date and local time: "March 5, 2026, 2:05 pm" or "5 March 2026, 14:05". */
export function formatDateTime(iso: string | null | undefined, fmt: DateFormat = 'long_us'): string {
  if (!iso) return '';
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return `${formatDate(iso, fmt)}, ${clockTime(iso, fmt)}`;
}

/** An instant's local time of day: "2:05 pm" (US date formats) or "14:05". */
export function clockTime(iso: string, fmt: DateFormat = 'long_us'): string {
  const t = new Date(iso);
  if (Number.isNaN(t.getTime())) return iso;
  return timeOfDay(t.getHours(), t.getMinutes(), fmt);
}

/**
 * A local date and time as the core writes it for files ("2026-12-06 09:14:00",
 * no zone: the computer's own time) in the profile's format: "December 6, 2026, 9:14 am".
 * Parsed by hand, since WebKit does not read that form as a date.
 */
export function formatLocalDateTime(value: string, fmt: DateFormat = 'long_us'): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}):(\d{2})/.exec(value);
  if (!m) return value;
  return `${formatDate(m[1], fmt)}, ${timeOfDay(Number(m[2]), Number(m[3]), fmt)}`;
}

/** A file's size for people: "12 KB", "3.4 MB" (1 KB = 1024 bytes; never "0 KB"). */
export function fileSize(bytes: number): string {
  if (bytes < 1024 * 1024) return `${Math.max(1, Math.round(bytes / 1024))} KB`;
  const mb = bytes / (1024 * 1024);
  return `${mb < 10 ? mb.toFixed(1) : Math.round(mb)} MB`;
}

/** Why Amends took a backup, in words: "before-import" -> "Before an import". */
export function backupReason(reason: string): string {
  const known: Record<string, string> = {
    daily: 'Daily',
    manual: 'Backed up by hand',
    'before-import': 'Before an import',
    'before-restore': 'Before a restore',
    'before-erase': 'Before erasing a customer',
  };
  if (known[reason]) return known[reason];
  if (/^before-migration/.test(reason)) return 'Before an update of Amends';
  return capitalise(reason.replace(/-/g, ' ').trim()) || 'Backup';
}

/** Today's local date as "YYYY-MM-DD", the value a date input expects. */
export function localDateInput(now: Date = new Date()): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p2(now.getMonth() + 1)}-${p2(now.getDate())}`;
}

/** Days from today until a "YYYY-MM-DD" date (negative = past). */
export function daysUntil(date: string, now: Date = new Date()): number {
  const [y, m, d] = date.split('-').map(Number);
  const target = Date.UTC(y, m - 1, d);
  const today = Date.UTC(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.round((target - today) / 86_400_000);
}

/** "due today", "due in 2 days", "3 days late". */
export function dueText(date: string, now: Date = new Date()): string {
  const n = daysUntil(date, now);
  if (n === 0) return 'due today';
  if (n === 1) return 'due tomorrow';
  if (n > 1) return `due in ${n} days`;
  if (n === -1) return '1 day late';
  return `${-n} days late`;
}

// The step labels are the core's (RecoveryStep::label), generated with the bindings.
export { STEP_LABELS } from './bindings/StepLabels';

export const QUEUE_LABELS: Record<QueueKind, { title: string; hint: string }> = {
  get_there_first: { title: 'Get there first', hint: 'We found it. Call before they find out.' },
  acknowledge: { title: 'Answer them', hint: 'They told us. They are waiting to hear back.' },
  fix_due: { title: 'Fix due', hint: 'We promised a date. Keep it, or call before it slips.' },
  follow_up_due: { title: 'Send the follow-up', hint: 'We changed something. Show them.' },
  in_recovery: { title: 'In recovery', hint: 'Contacted; steps remain.' },
};

export const STATUS_LABELS: Record<string, string> = {
  new: 'Not contacted yet',
  in_recovery: 'In recovery',
  follow_up_due: 'Follow-up due',
  closed: 'Closed',
};

/** "2026-03" for the local month of an instant. */
export function monthKey(iso: string): string {
  const t = new Date(iso);
  return `${t.getFullYear()}-${String(t.getMonth() + 1).padStart(2, '0')}`;
}

export interface MonthBar {
  key: string;
  /** "Mar" */
  label: string;
  total: number;
  /** Count per category, in the order of `categories` of the result. */
  counts: number[];
}

/**
 * Incidents per month, split by category, for the last `months` months up to
 * `now` (months with none are kept, so the axis does not jump). Takes the
 * core's counts (month "YYYY-MM", category, count).
 */
export function perMonthByCategory(
  rows: MonthCount[],
  months: number,
  now: Date = new Date(),
): { categories: string[]; bars: MonthBar[] } {
  const keys: string[] = [];
  for (let i = months - 1; i >= 0; i--) {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    keys.push(`${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`);
  }
  const totals = new Map<string, number>();
  const cells = new Map<string, number>();
  for (const r of rows) {
    if (!keys.includes(r.month)) continue;
    totals.set(r.category, (totals.get(r.category) ?? 0) + r.count);
    cells.set(`${r.month}|${r.category}`, (cells.get(`${r.month}|${r.category}`) ?? 0) + r.count);
  }
  const categories = [...totals.keys()].sort((a, b) => totals.get(b)! - totals.get(a)! || a.localeCompare(b));
  const bars = keys.map((key) => {
    const counts = categories.map((c) => cells.get(`${key}|${c}`) ?? 0);
    return {
      key,
      label: MONTHS[Number(key.slice(5)) - 1].slice(0, 3),
      total: counts.reduce((a, b) => a + b, 0),
      counts,
    };
  });
  return { categories, bars };
}

export interface ParetoRow {
  name: string;
  count: number;
  /** Share of all incidents counted, 0–100, rounded. */
  percent: number;
  /** Running share including this row, 0–100, rounded. */
  cumulative: number;
}

/** The largest counts first, with each one's share and the running total (a Pareto list). */
export function pareto(counts: NamedCount[], top: number): ParetoRow[] {
  const total = counts.reduce((a, c) => a + c.count, 0);
  const rows = [...counts].sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)).slice(0, top);
  let running = 0;
  return rows.map(({ name, count }) => {
    running += count;
    return {
      name,
      count,
      percent: total ? Math.round((count / total) * 100) : 0,
      cumulative: total ? Math.round((running / total) * 100) : 0,
    };
  });
}

/** "Tiles" -> "Tiles"; "late delivery" -> "Late delivery": a stored category as a heading. */
export function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** Short names for the checker's kinds of finding, for the editor's notes. */
export const FINDING_LABELS: Record<FindingKind, string> = {
  but: '“But” after sorry',
  conditional: 'Conditional apology',
  minimizing: 'Makes it sound smaller',
  blame: 'Blames the customer',
  excuse: 'Excuse',
  passive: 'Hides who did it',
  feelings: 'Sorry for their feelings',
  hedge: 'Hedging',
  missing: 'Missing',
};

/** What each kind of letter is called on screen. */
export const LETTER_KIND_LABELS: Record<LetterKind, string> = {
  apology: 'Apology letter',
  email: 'Email',
  call: 'Call script',
  follow_up: '“What we changed” letter',
};

/** How long a call took, in the words the call's timeline entry uses: "under a minute", "12 min", "1 h 5 min". */
export function callLength(startedIso: string, endedIso: string): string {
  const ms = new Date(endedIso).getTime() - new Date(startedIso).getTime();
  const min = Number.isFinite(ms) ? Math.floor(Math.max(0, ms) / 60_000) : 0;
  if (min === 0) return 'under a minute';
  if (min < 60) return `${min} min`;
  return `${Math.floor(min / 60)} h ${min % 60} min`;
}
