import { describe, expect, it } from 'vitest';
import { dateTimeInput, promiseWhen, typedDateTime } from './when';

// Local times throughout, so the tests pass in any time zone.
const local = (y: number, m: number, d: number, h = 0, min = 0) => new Date(y, m - 1, d, h, min);

describe('dateTimeInput', () => {
  it('gives the local date and time a datetime-local input shows', () => {
    expect(dateTimeInput(local(2026, 12, 10, 15, 5))).toBe('2026-12-10T15:05');
    expect(dateTimeInput(local(2026, 3, 1, 9, 0).toISOString())).toBe('2026-03-01T09:00');
  });
  it('leaves blank and nonsense blank', () => {
    expect(dateTimeInput(null)).toBe('');
    expect(dateTimeInput('')).toBe('');
    expect(dateTimeInput('not a date')).toBe('');
  });
});

describe('typedDateTime', () => {
  it('sends the input as the core reads typed local time', () => {
    expect(typedDateTime('2026-12-10T15:00')).toBe('2026-12-10 15:00');
    expect(typedDateTime('')).toBe('');
  });
});

describe('promiseWhen', () => {
  const now = local(2026, 12, 7, 9);
  it('says the weekday, day, month and time in the profile\'s way', () => {
    const iso = local(2026, 12, 10, 15, 0).toISOString();
    expect(promiseWhen(iso, 'long_uk', now)).toBe('Thu 10 Dec, 15:00');
    expect(promiseWhen(iso, 'long_us', now)).toBe('Thu Dec 10, 3:00 pm');
  });
  it('gets midnight and noon right and adds another year', () => {
    expect(promiseWhen(local(2026, 12, 10, 0, 30).toISOString(), 'numeric_us', now)).toBe('Thu Dec 10, 12:30 am');
    expect(promiseWhen(local(2027, 1, 4, 12, 0).toISOString(), 'iso', now)).toBe('Mon 4 Jan 2027, 12:00');
  });
});
