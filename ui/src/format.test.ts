import { describe, expect, it } from 'vitest';
import {
  ago,
  amountInput,
  backupReason,
  callLength,
  clockTime,
  dueText,
  elapsed,
  fileSize,
  formatDate,
  formatDateTime,
  formatLocalDateTime,
  money,
  pareto,
  perMonthByCategory,
  timeOfDay,
} from './format';

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

describe('timeOfDay', () => {
  it.each([
    [19, 34, 'long_us', '7:34 pm'],
    [19, 34, 'numeric_us', '7:34 pm'],
    [19, 34, 'long_uk', '19:34'],
    [19, 34, 'iso', '19:34'],
    [19, 34, 'numeric_eu', '19:34'],
    [9, 5, 'long_us', '9:05 am'],
    [9, 5, 'long_uk', '09:05'],
    [0, 0, 'long_us', '12:00 am'],
    [0, 30, 'numeric_eu', '00:30'],
    [12, 0, 'long_us', '12:00 pm'],
    [11, 59, 'numeric_us', '11:59 am'],
  ] as const)('%i:%i in %s -> %s', (h, m, fmt, want) => {
    expect(timeOfDay(h, m, fmt)).toBe(want);
  });
});

describe('clockTime and formatDateTime', () => {
  // Built from local parts, so the test passes in any time zone.
  const at = new Date(2026, 2, 5, 14, 5).toISOString();
  it('follow the date format: 12-hour for US formats, 24-hour otherwise', () => {
    expect(clockTime(at, 'long_us')).toBe('2:05 pm');
    expect(clockTime(at, 'long_uk')).toBe('14:05');
    expect(formatDateTime(at, 'numeric_us')).toBe('03/05/2026, 2:05 pm');
    expect(formatDateTime(at, 'long_uk')).toBe('5 March 2026, 14:05');
  });
  it('leave nonsense as it came', () => {
    expect(clockTime('soon', 'long_uk')).toBe('soon');
    expect(formatDateTime('soon', 'long_uk')).toBe('soon');
  });
});

describe('formatLocalDateTime', () => {
  it.each([
    ['long_uk', '6 December 2026, 09:14'],
    ['long_us', 'December 6, 2026, 9:14 am'],
    ['iso', '2026-12-06, 09:14'],
  ] as const)('%s', (fmt, want) => {
    expect(formatLocalDateTime('2026-12-06 09:14:00', fmt)).toBe(want);
  });
  it('keeps what it cannot read', () => {
    expect(formatLocalDateTime('yesterday', 'long_uk')).toBe('yesterday');
  });
});

describe('fileSize', () => {
  it.each([
    [0, '1 KB'],
    [1536, '2 KB'],
    [350 * 1024, '350 KB'],
    [1024 * 1024, '1.0 MB'],
    [3.46 * 1024 * 1024, '3.5 MB'],
    [42 * 1024 * 1024, '42 MB'],
  ])('%i bytes -> %s', (bytes, want) => {
    expect(fileSize(bytes)).toBe(want);
  });
});

describe('backupReason', () => {
  it.each([
    ['daily', 'Daily'],
    ['before-import', 'Before an import'],
    ['before-erase', 'Before erasing a customer'],
    ['before-restore', 'Before a restore'],
    ['before-migration-v5', 'Before an update of Amends'],
    ['before removing sample data', 'Before removing sample data'],
    ['something-new', 'Something new'],
    ['', 'Backup'],
  ])('%s -> %s', (reason, want) => {
    expect(backupReason(reason)).toBe(want);
  });
});
