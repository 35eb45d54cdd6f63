// Small display helpers shared by the screens. Pure functions, unit-tested.

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

/** Integer minor units to a display amount: 124050, "GBP" -> "£1,240.50". */
export function money(minor: number, currency: string): string {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).format(minor / 100);
}
