-- The "what we changed" letter is due only once the fix is done (or skipped):
-- incidents marked follow_up_due with changes recorded but no fix yet go back
-- to in_recovery. Status is derived on every write (Status::derive); this
-- brings rows written by earlier versions in line with the new rule.
UPDATE incidents SET status = 'in_recovery'
WHERE status = 'follow_up_due'
  AND NOT EXISTS (SELECT 1 FROM incident_steps s WHERE s.incident_id = incidents.id AND s.step = 'fixed');
