// An incident as the edit form it came from: `update_incident` takes the whole
// IncidentInput, so a screen that edits one part sends everything else back as
// it was. Pure; unit-tested.
import type { Incident } from '../bindings/Incident';
import type { IncidentInput } from '../bindings/IncidentInput';
import { amountInput } from '../format';

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
    ...changes,
  };
}
