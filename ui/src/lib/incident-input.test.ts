import { describe, expect, it } from 'vitest';
import type { Incident } from '../bindings/Incident';
import {
  DETAILS_LABELS,
  detailsForm,
  detailsValueWords,
  detailsInput,
  firstWords,
  inPlaceClashWords,
  inPlaceForms,
  inputOf,
  newIncidentInput,
  type NewIncidentForm,
} from './incident-input';
import { clashes } from './forms';
import { dateTimeInput } from './when';

const inc: Incident = {
  id: 7, customer_id: 3, title: 'Tiles arrived cracked', what_happened: 'Half the box', our_understanding: null,
  category: 'quality', severity: 4, occurred_at: '2026-03-01T09:00:30Z', discovered_at: '2026-03-02T10:00:00Z',
  discovered_by: 'us', remedy_requested: null, order_value_minor: 24050, fix_promised_by: '2026-03-09', callback_by: null,
  makeup_description: 'Free grout', makeup_value_minor: 1500, root_cause: null,
  outcome: { came_back: true, spend_after_minor: null, note: null }, second_failure: false, status: 'in_recovery',
  created_at: '2026-03-02T10:00:00Z', updated_at: '2026-03-02T10:00:00Z', version: 4, updated_by: 'Sam', steps: [], changes: [], timeline: [], next_step: 'contacted', steps_done: 0, cause_id: null, cause_changes: [],
};

describe('inputOf', () => {
  it('sends every field back as typed, amounts as decimal text', () => {
    const i = inputOf(inc);
    expect(i.order_value).toBe('240.50');
    expect(i.makeup_value).toBe('15.00');
    expect(i.outcome_spend_after).toBeNull();
    expect(i.outcome_came_back).toBe(true);
    expect(i.occurred_at).toBe('2026-03-01T09:00:30Z');
    expect(i.discovered_by).toBe('us');
  });
  it('applies the edited part only', () => {
    const i = inputOf(inc, { our_understanding: 'You opened it and half were cracked.' });
    expect(i.our_understanding).toBe('You opened it and half were cracked.');
    expect(i.what_happened).toBe('Half the box');
  });
  it('carries the version it was filled from, so a save over someone else\'s change is refused', () => {
    expect(inputOf(inc).seen_version).toBe(4);
    expect(inputOf(inc, { title: 'Tiles cracked' }).seen_version).toBe(4);
  });
});

describe('firstWords', () => {
  it('keeps our own description out of "in their words"', () => {
    expect(firstWords('us', 'We saw the cracks at the yard.')).toEqual({
      what_happened: null,
      our_understanding: 'We saw the cracks at the yard.',
    });
  });
  it('keeps what the customer told us as their words', () => {
    expect(firstWords('customer', 'Half the box was cracked.')).toEqual({
      what_happened: 'Half the box was cracked.',
      our_understanding: null,
    });
  });
  it('sends blank as nothing', () => {
    expect(firstWords('customer', '  ')).toEqual({ what_happened: null, our_understanding: null });
  });
});

describe('newIncidentInput', () => {
  const form: NewIncidentForm = {
    customer_id: 3, title: 'Tiles arrived cracked', words: 'We saw the cracks.', discovered_by: 'us',
    order_value: '240', category: 'quality', severity: '4', occurred: '2026-12-10T15:05',
  };
  it('sends when it happened as typed local time, and who found it', () => {
    const i = newIncidentInput(form);
    expect(i.occurred_at).toBe('2026-12-10 15:05');
    expect(i.discovered_at).toBeNull();
    expect(i.discovered_by).toBe('us');
    expect(i.our_understanding).toBe('We saw the cracks.');
    expect(i.what_happened).toBeNull();
    expect(i.severity).toBe(4);
    expect(i.order_value).toBe('240');
    expect(i.seen_version).toBeNull();
  });
  it('leaves blanks to the core', () => {
    const i = newIncidentInput({ ...form, occurred: '', order_value: '', category: '', discovered_by: 'customer' });
    expect(i.occurred_at).toBeNull();
    expect(i.order_value).toBeNull();
    expect(i.category).toBeNull();
    expect(i.what_happened).toBe('We saw the cracks.');
  });
});

describe('detailsInput', () => {
  it('sends untouched dates back exactly as stored, and everything else as it was', () => {
    const i = detailsInput(inc, detailsForm(inc));
    expect(i).toEqual(inputOf(inc));
  });
  it('sends edited details, dates as typed local time', () => {
    const f = { ...detailsForm(inc), title: 'Tiles cracked', severity: '2', order_value: '99.90', discovered_by: 'customer' as const };
    f.discovered = '2026-03-03T08:15';
    const i = detailsInput(inc, f);
    expect(i.title).toBe('Tiles cracked');
    expect(i.severity).toBe(2);
    expect(i.order_value).toBe('99.90');
    expect(i.discovered_by).toBe('customer');
    expect(i.discovered_at).toBe('2026-03-03 08:15');
    expect(i.occurred_at).toBe('2026-03-01T09:00:30Z');
    expect(i.makeup_description).toBe('Free grout');
  });
  it('shows the stored dates in local time', () => {
    expect(detailsForm(inc).occurred).toBe(dateTimeInput('2026-03-01T09:00:30Z'));
  });
});

describe('inPlaceForms', () => {
  it('fills the page\'s forms from the incident, blanks as empty text', () => {
    const f = inPlaceForms(inc);
    expect(f.words).toEqual({ what_happened: 'Half the box', our_understanding: '', remedy_requested: '' });
    expect(f.fixDate).toBe('2026-03-09');
    expect(f.rootCause).toBe('');
    expect(f.outcome).toEqual({ came_back: 'yes', spend_after: '', note: '' });
    expect(f.offer).toBe('15.00');
    expect(f.makeup).toBe('Free grout');
    expect(f.callback).toBe('');
  });
});

describe('details both people changed', () => {
  it('are named with the other person\'s value in words', () => {
    const was = detailsForm(inc);
    const mine = { ...was, severity: '5', discovered_by: 'customer' as const, title: 'Cracked tiles' };
    const theirs = detailsForm({ ...inc, severity: 2, discovered_by: 'customer', order_value_minor: 100 });
    const both = clashes(was, mine, theirs);
    // discovered_by: both changed it to the same value; title: only mine; order value: only theirs.
    expect(both).toEqual(['severity']);
    expect(both.map((k) => `${DETAILS_LABELS[k]}: ${detailsValueWords(k, theirs)}`)).toEqual(['How bad: 2']);
    expect(detailsValueWords('discovered_by', was)).toBe('We did');
    expect(detailsValueWords('occurred', was)).not.toContain('T');
  });
  it('have a label for every field of the form', () => {
    expect(Object.keys(DETAILS_LABELS).sort()).toEqual(Object.keys(detailsForm(inc)).sort());
  });
});

describe('in-place fields both people changed', () => {
  it('end the refusal with the field and their words, shortened', () => {
    const was = inPlaceForms(inc);
    const mine = { ...was, words: { ...was.words, remedy_requested: 'A refund' }, rootCause: 'Loader' };
    const long = 'Replacement tiles, delivered on Thursday morning before nine, and the fitter paid for the lost day';
    const theirs = inPlaceForms({ ...inc, remedy_requested: long, fix_promised_by: '2026-03-12' });
    expect(inPlaceClashWords(was, mine, theirs, 'Sam')).toBe(
      `Sam also changed what you typed in What they asked for (theirs: “${long.slice(0, 59)}…”). The page keeps yours; saving again keeps yours.`,
    );
  });
  it('say nothing when they changed other fields', () => {
    const was = inPlaceForms(inc);
    const theirs = inPlaceForms({ ...inc, fix_promised_by: '2026-03-12' });
    expect(inPlaceClashWords(was, { ...was, rootCause: 'Loader' }, theirs, 'Sam')).toBe('');
  });
});

