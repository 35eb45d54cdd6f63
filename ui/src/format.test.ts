import { describe, expect, it } from 'vitest';
import { elapsed, money } from './format';

describe('elapsed', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it.each([
    ['2026-11-26T11:59:30Z', 'just now'],
    ['2026-11-26T11:20:00Z', '40 min'],
    ['2026-11-26T07:00:00Z', '5 h'],
    ['2026-11-23T12:00:00Z', '3 days'],
    ['not a date', 'just now'],
  ])('%s -> %s', (since, want) => {
    expect(elapsed(since, now)).toBe(want);
  });
});

describe('money', () => {
  it('formats minor units exactly', () => {
    expect(money(124050, 'GBP')).toBe('£1,240.50');
    expect(money(5, 'USD')).toBe('$0.05');
  });
});
