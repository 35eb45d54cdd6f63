import { describe, expect, it } from 'vitest';
import type { Customer } from '../bindings/Customer';
import { CUSTOMER_LABELS, customerForm, customerInput, emptyCustomerForm } from './customer-form';
import { clashes, keepTyped } from './forms';

const ada: Customer = {
  id: 3, name: 'Ada Byrne', company: null, email: null, phone: '+44 20 7946 0000',
  address: { lines: ['4 Harbour Row', 'Flat 2'], city: 'Cardiff', region: null, postal_code: 'CF10 1AA', country: null },
  notes: null, tags: ['trade', 'vip'], yearly_spend_minor: 120050, expected_years: 5,
  created_at: '2026-03-02T10:00:00Z', updated_at: '2026-03-02T10:00:00Z', version: 2, updated_by: 'Sam',
};

describe('customer form', () => {
  it('round-trips a stored customer, sending the version it was filled from', () => {
    const input = customerInput(customerForm(ada), ada.version);
    expect(input.address.lines).toEqual(['4 Harbour Row', 'Flat 2']);
    expect(input.tags).toEqual(['trade', 'vip']);
    expect(input.yearly_spend).toBe('1200.50');
    expect(input.expected_years).toBe(5);
    expect(input.email).toBeNull();
    expect(input.seen_version).toBe(2);
  });

  it('after a refusal keeps what the owner typed and takes the other person’s other changes', () => {
    const filled = customerForm(ada);
    const typed = { ...filled, email: 'ada@example.com' };
    const theirs: Customer = { ...ada, phone: '+44 20 7946 0018', version: 3, updated_by: 'Priya' };
    const merged = keepTyped(filled, typed, customerForm(theirs));
    expect(merged.email).toBe('ada@example.com');
    expect(merged.phone).toBe('+44 20 7946 0018');
    expect(customerInput(merged, theirs.version).seen_version).toBe(3);
  });

  it('names a field both changed, with its label', () => {
    const filled = customerForm(ada);
    const typed = { ...filled, phone: '+44 20 7946 0099', email: 'ada@example.com' };
    const theirs = customerForm({ ...ada, phone: '+44 20 7946 0018', address: { ...ada.address, city: 'Newport' }, version: 3 });
    expect(clashes(filled, typed, theirs).map((k) => CUSTOMER_LABELS[k as keyof typeof filled])).toEqual(['Phone']);
  });

  it('has a label for every field of the form', () => {
    expect(Object.keys(CUSTOMER_LABELS).sort()).toEqual(Object.keys(emptyCustomerForm()).sort());
  });
});
