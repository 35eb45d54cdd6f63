// An incident as the edit form it came from: `update_incident` takes the whole
// IncidentInput, so a screen that edits one part sends everything else back as
// it was, with the version it was read at (the core refuses the save if someone
// else changed the incident since, rather than undo their change). Also the new-incident form's mapping: whose words the first
// description is depends on who found the mistake. Pure; unit-tested.
import type { DiscoveredBy } from '../bindings/DiscoveredBy';
import { clashes } from './forms';
import type { Incident } from '../bindings/Incident';
import type { IncidentInput } from '../bindings/IncidentInput';
import { amountInput } from '../format';
import { dateTimeInput, typedDateTime } from './when';

/** Blank text as null, the way the core's optional fields want it. */
const orNull = (s: string) => (s.trim() ? s : null);

export function inputOf(inc: Incident, changes: Partial<IncidentInput> = {}): IncidentInput {
  const amount = (minor: number | null) => (minor == null ? null : amountInput(minor));
  return {
    customer_id: inc.customer_id,
    title: inc.title,
    what_happened: inc.what_happened,
    our_understanding: inc.our_understanding,
    category: inc.category,
    severity: inc.severity,
    occurred_at: inc.occurred_at,
    discovered_at: inc.discovered_at,
    discovered_by: inc.discovered_by,
    remedy_requested: inc.remedy_requested,
    order_value: amountInput(inc.order_value_minor),
    makeup_description: inc.makeup_description,
    makeup_value: amount(inc.makeup_value_minor),
    root_cause: inc.root_cause,
    outcome_came_back: inc.outcome.came_back,
    outcome_spend_after: amount(inc.outcome.spend_after_minor),
    outcome_note: inc.outcome.note,
    seen_version: inc.version,
    ...changes,
  };
}

/**
 * Whose words the first description is: when we found it, ours (the customer
 * has said nothing yet, so "in their words" stays empty for them to fill);
 * when they told us, theirs.
 */
export function firstWords(by: DiscoveredBy, text: string): Pick<IncidentInput, 'what_happened' | 'our_understanding'> {
  const words = orNull(text);
  return by === 'us' ? { what_happened: null, our_understanding: words } : { what_happened: words, our_understanding: null };
}

/** The new-incident form as typed (`occurred`: a datetime-local value). */
export interface NewIncidentForm {
  customer_id: number;
  title: string;
  words: string;
  discovered_by: DiscoveredBy;
  order_value: string;
  category: string;
  severity: string;
  occurred: string;
}

export function newIncidentInput(f: NewIncidentForm): IncidentInput {
  return {
    customer_id: f.customer_id,
    title: f.title,
    ...firstWords(f.discovered_by, f.words),
    category: orNull(f.category),
    severity: Number(f.severity),
    occurred_at: orNull(typedDateTime(f.occurred)),
    discovered_at: null,
    discovered_by: f.discovered_by,
    remedy_requested: null,
    order_value: orNull(f.order_value),
    makeup_description: null,
    makeup_value: null,
    root_cause: null,
    outcome_came_back: null,
    outcome_spend_after: null,
    outcome_note: null,
    seen_version: null,
  };
}

/** The incident page's "Edit details" form (dates as datetime-local values). */
export interface DetailsForm {
  title: string;
  category: string;
  severity: string;
  order_value: string;
  occurred: string;
  discovered: string;
  discovered_by: DiscoveredBy;
}

/** Each details field's label, and its value in words (for naming a field both people changed). */
export const DETAILS_LABELS: Record<keyof DetailsForm, string> = {
  title: 'In a few words', category: 'Category', severity: 'How bad', order_value: 'Value of the order',
  occurred: 'When it happened', discovered: 'When we found out', discovered_by: 'Who found it first',
};
export function detailsValueWords(key: keyof DetailsForm, f: DetailsForm): string {
  const v = f[key];
  if (key === 'discovered_by') return v === 'us' ? 'We did' : 'The customer told us';
  if (key === 'occurred' || key === 'discovered') return v.replace('T', ' ');
  return v || '(blank)';
}

export function detailsForm(inc: Incident): DetailsForm {
  return {
    title: inc.title,
    category: inc.category,
    severity: String(inc.severity),
    order_value: amountInput(inc.order_value_minor),
    occurred: dateTimeInput(inc.occurred_at),
    discovered: dateTimeInput(inc.discovered_at),
    discovered_by: inc.discovered_by,
  };
}

/**
 * The edited details over everything else as it was. A date left as shown goes
 * back exactly as stored (the input shows whole minutes; the seconds stay).
 */
export function detailsInput(inc: Incident, f: DetailsForm): IncidentInput {
  const when = (typed: string, stored: string) =>
    typed === dateTimeInput(stored) ? stored : orNull(typedDateTime(typed));
  return inputOf(inc, {
    title: f.title,
    category: orNull(f.category),
    severity: Number(f.severity),
    order_value: orNull(f.order_value),
    occurred_at: when(f.occurred, inc.occurred_at),
    discovered_at: when(f.discovered, inc.discovered_at),
    discovered_by: f.discovered_by,
  });
}

/**
 * The incident page's forms that show what is stored and are typed over in
 * place, as the incident holds them: what the page fills them from, and what it
 * compares them with to know whether anything typed is unsaved.
 */
export interface InPlaceForms {
  words: { what_happened: string; our_understanding: string; remedy_requested: string };
  fixDate: string;
  rootCause: string;
  outcome: { came_back: '' | 'yes' | 'no'; spend_after: string; note: string };
  offer: string;
  makeup: string;
  /** A datetime-local value. */
  callback: string;
}

/** The in-place forms' fields, one level deep, by the labels the page shows. */
export const IN_PLACE_LABELS: Record<string, string> = {
  'words.what_happened': 'In their words', 'words.our_understanding': 'What we understood',
  'words.remedy_requested': 'What they asked for', fixDate: 'Fix promised by', rootCause: 'Root cause',
  'outcome.came_back': 'Came back', 'outcome.spend_after': 'Spent since', 'outcome.note': 'Outcome note',
  offer: 'Our offer', makeup: 'What we are giving them', callback: 'Call them back by',
};

/** The in-place forms as one flat form keyed as in `IN_PLACE_LABELS`. */
export function flatInPlace(f: InPlaceForms): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(f)) {
    if (typeof v === 'object') for (const [k2, v2] of Object.entries(v)) out[`${k}.${k2}`] = String(v2);
    else out[k] = String(v);
  }
  return out;
}

/**
 * The sentence a refusal ends with when someone else changed fields the owner had
 * typed in too (the page keeps the owner's): which, and what theirs now say.
 */
export function inPlaceClashWords(was: InPlaceForms, typed: InPlaceForms, theirs: InPlaceForms, by: string): string {
  const newer = flatInPlace(theirs);
  const both = clashes(flatInPlace(was), flatInPlace(typed), newer);
  if (both.length === 0) return '';
  const shown = (v: string) => {
    const one = v.replace(/\s+/g, ' ').trim();
    if (!one) return '(blank)';
    return one.length > 60 ? `${one.slice(0, 59)}…` : one;
  };
  const list = both.map((k) => `${IN_PLACE_LABELS[k] ?? k} (theirs: “${shown(newer[k])}”)`).join('; ');
  return `${by} also changed what you typed in ${list}. The page keeps yours; saving again keeps yours.`;
}

export function inPlaceForms(inc: Incident): InPlaceForms {
  const amount = (minor: number | null) => (minor == null ? '' : amountInput(minor));
  const back = inc.outcome.came_back;
  return {
    words: {
      what_happened: inc.what_happened ?? '',
      our_understanding: inc.our_understanding ?? '',
      remedy_requested: inc.remedy_requested ?? '',
    },
    fixDate: inc.fix_promised_by ?? '',
    rootCause: inc.root_cause ?? '',
    outcome: { came_back: back === null ? '' : back ? 'yes' : 'no', spend_after: amount(inc.outcome.spend_after_minor), note: inc.outcome.note ?? '' },
    offer: amount(inc.makeup_value_minor),
    makeup: inc.makeup_description ?? '',
    callback: dateTimeInput(inc.callback_by),
  };
}
