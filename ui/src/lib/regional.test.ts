import { describe, expect, it } from 'vitest';
import { idPart } from './ids';
import { envelopeFor, regionalDefaults } from './regional';

describe('regionalDefaults', () => {
  it('suggests A4 and day-first dates for pounds, Letter and US dates for dollars', () => {
    expect(regionalDefaults('GBP')).toEqual({ paper: 'a4', date_format: 'long_uk', country: 'United Kingdom' });
    expect(regionalDefaults('USD')).toEqual({ paper: 'letter', date_format: 'long_us', country: 'United States' });
    expect(regionalDefaults('CAD').paper).toBe('letter');
    expect(regionalDefaults('AUD').paper).toBe('a4');
  });
  it('names no country for the euro', () => {
    expect(regionalDefaults('EUR')).toEqual({ paper: 'a4', date_format: 'long_uk', country: null });
  });
  it('puts each paper in its usual envelope', () => {
    expect(envelopeFor('letter')).toBe('us_no10');
    expect(envelopeFor('a4')).toBe('din5008_b');
  });
});

describe('idPart', () => {
  it.each([
    ['late delivery', 'late-delivery'],
    ['quality', 'quality'],
    ["customer's \"fault\"", 'customer-s--fault-'],
    ['café', 'caf-'],
  ])('%s -> %s', (name, want) => {
    expect(idPart(name)).toBe(want);
  });
});
