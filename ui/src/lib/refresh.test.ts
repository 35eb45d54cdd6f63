import { describe, expect, it } from 'vitest';
import { markWatcher, moved } from './refresh';

describe('moved', () => {
  it.each([
    [null, 5, false],
    [5, 5, false],
    [5, 6, true],
    // A mark that went back (the records were switched, or restored) moved all the same.
    [6, 2, true],
  ] as const)('from %s to %s: %s', (seen, now, expected) => {
    expect(moved(seen, now)).toBe(expected);
  });
});

/** A watcher over a list of readings, counting its calls. */
function watcher(readings: (number | Error)[], inView = () => true) {
  const counts = { reads: 0, changed: 0 };
  const poll = markWatcher(
    async () => {
      const r = readings[counts.reads++];
      if (r instanceof Error) throw r;
      return r;
    },
    () => counts.changed++,
    inView,
  );
  return { poll, counts };
}

describe('markWatcher', () => {
  it('refreshes once per move, not on the first reading', async () => {
    const { poll, counts } = watcher([3, 3, 4, 4, 7]);
    for (let i = 0; i < 5; i++) await poll();
    expect(counts).toEqual({ reads: 5, changed: 2 });
  });
  it('does not ask while the window is hidden', async () => {
    let inView = false;
    const { poll, counts } = watcher([3, 4], () => inView);
    await poll();
    expect(counts.reads).toBe(0);
    inView = true;
    await poll();
    await poll();
    expect(counts).toEqual({ reads: 2, changed: 1 });
  });
  it('keeps the last good reading when one fails', async () => {
    const { poll, counts } = watcher([3, new Error('unreachable'), 3, 4]);
    for (let i = 0; i < 4; i++) await poll();
    expect(counts).toEqual({ reads: 4, changed: 1 });
  });
  it('asks once at a time', async () => {
    const { poll, counts } = watcher([3, 4]);
    await Promise.all([poll(), poll()]);
    expect(counts.reads).toBe(1);
  });
});
