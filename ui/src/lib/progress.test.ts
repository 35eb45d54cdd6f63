import { describe, expect, it } from 'vitest';
import type { Progress } from '../api';
import { progressText } from './progress';

describe('progressText', () => {
  const p = (job: Progress['job'], done: number, total: number, label: string): Progress => ({ job, done, total, label });
  it.each([
    [null, 'Starting…'],
    [p('export', 2000, 12500, 'incidents'), 'Exporting incidents: 2,000 of 12,500 rows'],
    [p('import', 0, 100000, 'rows'), '0 of 100,000 rows'],
    [p('letters', 3, 40, 'letters'), '3 of 40 letters'],
    [p('letters', 40, 40, 'letters'), 'Saving the PDF…'],
    [p('sample_data', 10, 150, 'customers'), 'Adding sample customers…'],
    [p('move_to_shared', 2000, 50000, 'incident_edits'), 'Copying incident edits…'],
    [p('move_to_shared', 40000, 50000, 'checks'), 'Checking the copy…'],
    [p('move_to_shared', 50000, 50000, 'tidying'), 'Finishing…'],
  ])('%j -> %s', (progress, want) => {
    expect(progressText(progress)).toBe(want);
  });
});
