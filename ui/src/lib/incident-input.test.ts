import { describe, expect, it } from 'vitest';
import type { Incident } from '../bindings/Incident';
import { inputOf } from './incident-input';

const inc: Incident = {
  id: 7, customer_id: 3, title: 'Tiles arrived cracked', what_happened: 'Half the box', our_understanding: null,
  category: 'quality', severity: 4, occurred_at: '2026-03-01T09:00:00Z', discovered_at: '2026-03-02T10:00:00Z',
  discovered_by: 'us', remedy_requested: null, order_value_minor: 24050, fix_promised_by: '2026-03-09', callback_by: null,
  makeup_description: 'Free grout', makeup_value_minor: 1500, root_cause: null,
  outcome: { came_back: true, spend_after_minor: null, note: null }, second_failure: false, status: 'in_recovery',
  created_at: '2026-03-02T10:00:00Z', updated_at: '2026-03-02T10:00:00Z', steps: [], changes: [], timeline: [],
};

describe('inputOf', () => {
  it('sends every field back as typed, amounts as decimal text', () => {
    const i = inputOf(inc);
    expect(i.order_value).toBe('240.50');
    expect(i.makeup_value).toBe('15.00');
    expect(i.outcome_spend_after).toBeNull();
    expect(i.outcome_came_back).toBe(true);
    expect(i.occurred_at).toBe('2026-03-01T09:00:00Z');
    expect(i.discovered_by).toBe('us');
  });
  it('applies the edited part only', () => {
    const i = inputOf(inc, { our_understanding: 'You opened it and half were cracked.' });
    expect(i.our_understanding).toBe('You opened it and half were cracked.');
    expect(i.what_happened).toBe('Half the box');
  });
});
