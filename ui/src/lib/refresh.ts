// When someone else changes the records (another computer on the shared
// database, or the command line), the screens showing them read them again.
// One watcher for the page asks the core for its change mark every few seconds
// while the window is in view and some screen is listening; what changed is
// never worked out here, each screen reads its own afresh. The decisions are
// pure and unit-tested; only `onOthersChange` touches timers and the document.
import { changeMark } from '../api';

/** How often the mark is asked for while the window is in view. */
export const POLL_MS = 3000;

/** Whether the records changed between two readings (the first reading is only where counting starts). */
export function moved(seen: number | null, now: number): boolean {
  return seen !== null && now !== seen;
}

/**
 * One poll at a time: reads the mark when the window is in view and calls
 * `changed` when it moved since the last reading. A failed read changes
 * nothing: the screens' own reads say what is wrong.
 */
export function markWatcher(read: () => Promise<number>, changed: () => void, inView: () => boolean) {
  let seen: number | null = null;
  let asking = false;
  return async function poll() {
    if (asking || !inView()) return;
    asking = true;
    try {
      const now = await read();
      const before = seen;
      seen = now;
      if (moved(before, now)) changed();
    } catch {
      // Tried again at the next poll.
    } finally {
      asking = false;
    }
  };
}

const listeners = new Set<() => void>();
let poll = () => {};
let timer: ReturnType<typeof setInterval> | undefined;

/** Back in view: someone may have changed things while the window was hidden. */
function shown() {
  if (document.visibilityState === 'visible') poll();
}

/**
 * Call `cb` whenever someone else changes the records, while the screen is
 * up; returns the function that stops it (an `$effect` can return it as is).
 */
export function onOthersChange(cb: () => void): () => void {
  listeners.add(cb);
  if (timer === undefined) {
    // Counting starts afresh: a screen just opened has read the records itself.
    poll = markWatcher(
      changeMark,
      () => listeners.forEach((f) => f()),
      () => document.visibilityState === 'visible',
    );
    poll();
    timer = setInterval(poll, POLL_MS);
    document.addEventListener('visibilitychange', shown);
  }
  return () => {
    listeners.delete(cb);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
      document.removeEventListener('visibilitychange', shown);
    }
  };
}
