// The customer form as typed, and the core's input made from it. Pure, so the
// conflict merge (someone saved the customer while the form was open) is unit-tested.
import type { Customer } from '../bindings/Customer';
import type { CustomerInput } from '../bindings/CustomerInput';
import { amountInput } from '../format';
import { orNull } from './forms';

export type CustomerForm = {
  name: string; company: string; email: string; phone: string; address: string; city: string; region: string;
  postal_code: string; country: string; yearly_spend: string; expected_years: string; notes: string; tags: string;
};

export const emptyCustomerForm = (): CustomerForm => ({
  name: '', company: '', email: '', phone: '', address: '', city: '', region: '', postal_code: '', country: '',
  yearly_spend: '', expected_years: '', notes: '', tags: '',
});

/** Each field's label, as the form shows it (for naming a field in a sentence). */
export const CUSTOMER_LABELS: Record<keyof CustomerForm, string> = {
  name: 'Name', company: 'Company', email: 'Email', phone: 'Phone', address: 'Street address', city: 'Town or city',
  region: 'County, state or region', postal_code: 'Postcode / ZIP', country: 'Country',
  yearly_spend: 'Spends with us a year', expected_years: 'More years we expect them to stay', notes: 'Notes',
  tags: 'Tags',
};

/** The form filled from a stored customer. */
export function customerForm(c: Customer): CustomerForm {
  return {
    name: c.name, company: c.company ?? '', email: c.email ?? '', phone: c.phone ?? '',
    address: c.address.lines.join('\n'), city: c.address.city ?? '', region: c.address.region ?? '',
    postal_code: c.address.postal_code ?? '', country: c.address.country ?? '',
    yearly_spend: c.yearly_spend_minor ? amountInput(c.yearly_spend_minor) : '',
    expected_years: c.expected_years ? String(c.expected_years) : '', notes: c.notes ?? '', tags: c.tags.join(', '),
  };
}

/** What the core is sent; `seenVersion`: the version the form was filled from (null for a new customer). */
export function customerInput(f: CustomerForm, seenVersion: number | null): CustomerInput {
  const years = f.expected_years.trim();
  return {
    name: f.name,
    company: orNull(f.company),
    email: orNull(f.email),
    phone: orNull(f.phone),
    address: {
      lines: f.address.split('\n'),
      city: orNull(f.city),
      region: orNull(f.region),
      postal_code: orNull(f.postal_code),
      country: orNull(f.country),
    },
    notes: orNull(f.notes),
    tags: f.tags.split(',').map((t) => t.trim()).filter(Boolean),
    yearly_spend: orNull(f.yearly_spend),
    expected_years: years ? Number(years) : null,
    seen_version: seenVersion,
  };
}
