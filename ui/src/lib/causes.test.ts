import { describe, expect, it } from 'vitest';
import { causeDates, changesWords, customersWords, fileSafe, recoveryWords } from './causes';

describe('recoveryWords', () => {
  it.each([
    [{ incidents: 5, contacted: 3, fixed: 2, followed_up: 1 }, '3 of 5 contacted, 2 fixed, 1 followed up'],
    [{ incidents: 1, contacted: 0, fixed: 0, followed_up: 0 }, '0 of 1 contacted, 0 fixed, 0 followed up'],
    [{ incidents: 0, contacted: 0, fixed: 0, followed_up: 0 }, 'No customers linked yet'],
  ])('%j -> %s', (s, want) => {
    expect(recoveryWords(s)).toBe(want);
  });
});

describe('counts in words', () => {
  it.each([
    [0, '0 customers', 'No changes yet'],
    [1, '1 customer', '1 change'],
    [4, '4 customers', '4 changes'],
  ])('%i', (n, customers, changes) => {
    expect(customersWords(n)).toBe(customers);
    expect(changesWords(n)).toBe(changes);
  });
});

describe('causeDates', () => {
  it.each([
    ['2026-03-05', '2026-03-09', 'From March 5, 2026 to March 9, 2026'],
    ['2026-03-05', '2026-03-05', 'On March 5, 2026'],
    ['2026-03-05', null, 'Since March 5, 2026'],
    [null, '2026-03-09', 'Until March 9, 2026'],
    [null, null, ''],
  ])('%s to %s -> %s', (from, to, want) => {
    expect(causeDates(from, to, 'long_us')).toBe(want);
  });
  it('uses the profile format', () => {
    expect(causeDates('2026-03-05', null, 'long_uk')).toBe('Since 5 March 2026');
  });
});

describe('fileSafe', () => {
  it.each([
    ['Courier missed Tuesday', 'Courier-missed-Tuesday'],
    ['Bad batch: “Sea Mist” paint!', 'Bad-batch-Sea-Mist-paint'],
    ['Café crème', 'Café-crème'],
    ['///', 'cause'],
  ])('%s -> %s', (title, want) => {
    expect(fileSafe(title)).toBe(want);
  });
});
