import { describe, expect, it } from 'vitest';
import { ago, amountInput, callLength, dueText, elapsed, formatDate, money, pareto, perMonthByCategory } from './format';

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

describe('amountInput', () => {
  it.each([
    [124050, '1240.50'],
    [5, '0.05'],
    [0, '0.00'],
    [null, ''],
  ])('%s -> %s', (minor, want) => {
    expect(amountInput(minor)).toBe(want);
  });
});

describe('formatDate', () => {
  it.each([
    ['long_us', 'March 5, 2026'],
    ['long_uk', '5 March 2026'],
    ['iso', '2026-03-05'],
    ['numeric_us', '03/05/2026'],
    ['numeric_eu', '05/03/2026'],
  ] as const)('%s', (fmt, want) => {
    expect(formatDate('2026-03-05', fmt)).toBe(want);
  });
  it('leaves nonsense as typed and blank as blank', () => {
    expect(formatDate('soon')).toBe('soon');
    expect(formatDate(null)).toBe('');
  });
});

describe('dueText', () => {
  const now = new Date(2026, 10, 26, 9, 0);
  it.each([
    ['2026-11-26', 'due today'],
    ['2026-11-27', 'due tomorrow'],
    ['2026-11-30', 'due in 4 days'],
    ['2026-11-25', '1 day late'],
    ['2026-11-20', '6 days late'],
  ])('%s -> %s', (date, want) => {
    expect(dueText(date, now)).toBe(want);
  });
});

describe('perMonthByCategory', () => {
  const now = new Date(2026, 2, 15);
  it('keeps empty months, orders categories by size, drops older months', () => {
    const { categories, bars } = perMonthByCategory(
      [
        { month: '2025-01', category: 'billing', count: 9 },
        { month: '2026-01', category: 'quality', count: 1 },
        { month: '2026-03', category: 'delivery', count: 2 },
        { month: '2026-03', category: 'quality', count: 3 },
      ],
      3,
      now,
    );
    expect(categories).toEqual(['quality', 'delivery']);
    expect(bars.map((b) => [b.key, b.label, b.total, b.counts])).toEqual([
      ['2026-01', 'Jan', 1, [1, 0]],
      ['2026-02', 'Feb', 0, [0, 0]],
      ['2026-03', 'Mar', 5, [3, 2]],
    ]);
  });
});

describe('pareto', () => {
  it('sorts by count with running share', () => {
    const rows = [
      { name: 'b', count: 2 },
      { name: 'a', count: 3 },
      { name: 'c', count: 1 },
    ];
    expect(pareto(rows, 2)).toEqual([
      { name: 'a', count: 3, percent: 50, cumulative: 50 },
      { name: 'b', count: 2, percent: 33, cumulative: 83 },
    ]);
    expect(pareto([], 3)).toEqual([]);
  });
});

describe('ago', () => {
  const now = new Date('2026-11-26T12:00:00Z');
  it('never says "just now ago"', () => {
    expect(ago('2026-11-26T11:59:30Z', now)).toBe('just now');
    expect(ago('2026-11-26T07:00:00Z', now)).toBe('5 h ago');
  });
});

describe('callLength', () => {
  it.each([
    ['2026-03-01T09:00:00Z', '2026-03-01T09:00:40Z', 'under a minute'],
    ['2026-03-01T09:00:00Z', '2026-03-01T09:12:10Z', '12 min'],
    ['2026-03-01T09:00:00Z', '2026-03-01T10:05:00Z', '1 h 5 min'],
    ['2026-03-01T09:00:00Z', '2026-03-01T08:00:00Z', 'under a minute'],
  ])('%s to %s -> %s', (from, to, want) => {
    expect(callLength(from, to)).toBe(want);
  });
});
