// Generated from RecoveryStep::label (src/domain/incident.rs) by `cargo test`. Do not edit.
import type { RecoveryStep } from "./RecoveryStep";

export const STEP_LABELS: Record<RecoveryStep, string> = {
  "contacted": "Contacted the customer",
  "listened": "Listened to them",
  "repeated_back": "Repeated the problem back",
  "apologised": "Apologised, no qualifiers",
  "fixed": "Fixed it",
  "made_up": "Made up for it",
  "evaluated": "Found the cause and changed something",
  "evidence_sent": "Sent the \"what we changed\" letter",
};
