import { describe, expect, it } from 'vitest';
import type { Clock } from '../bindings/Clock';
import { byLateness, dueTask, mostUrgent } from './clocks';

const clock = (incident_id: number, minutes_left: number, kind: Clock['kind'] = 'answer'): Clock => ({
  incident_id, customer_name: 'Zoë', title: 'Tiles arrived cracked', kind, label: 'Answer their complaint',
  due_at: '2026-12-10T15:00:00Z', minutes_left, words: minutes_left < 0 ? `${-minutes_left} min over` : `${minutes_left} min left`,
  late: minutes_left < 0,
});

describe('mostUrgent', () => {
  it('keeps the latest clock of each incident', () => {
    const m = mostUrgent([clock(1, 30), clock(2, -10), clock(1, -90, 'call_back'), clock(1, 600, 'fix')]);
    expect(m.get(1)?.minutes_left).toBe(-90);
    expect(m.get(1)?.kind).toBe('call_back');
    expect(m.get(2)?.minutes_left).toBe(-10);
    expect(m.has(3)).toBe(false);
  });
});

describe('byLateness', () => {
  it('puts the most late first and those with no clock last, in their order', () => {
    const urgent = mostUrgent([clock(1, 30), clock(2, -10), clock(4, -200)]);
    const items = [{ id: 5 }, { id: 1 }, { id: 3 }, { id: 2 }, { id: 4 }];
    expect(byLateness(items, (x) => x.id, urgent).map((x) => x.id)).toEqual([4, 2, 1, 5, 3]);
  });
  it('keeps the order of equally late items', () => {
    const urgent = mostUrgent([clock(1, -5), clock(2, -5)]);
    expect(byLateness([{ id: 2 }, { id: 1 }], (x) => x.id, urgent).map((x) => x.id)).toEqual([2, 1]);
  });
});

describe('dueTask', () => {
  it('says what to do, with the name', () => {
    expect(dueTask(clock(1, -30, 'call_back'))).toBe('Call Zoë back');
    expect(dueTask(clock(1, -30, 'outcome'))).toBe('Did Zoë come back?');
  });
});
