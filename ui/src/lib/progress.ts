// The words under a long job's progress bar. Pure, so they are unit-tested;
// the numbers come from the core's progress reports as they are.
import type { Progress } from '../api';

const count = (n: number) => n.toLocaleString('en');

/** What a running job is doing and how far it has got; `null` before its first report. */
export function progressText(p: Progress | null): string {
  if (!p) return 'Starting…';
  const of = `${count(p.done)} of ${count(p.total)}`;
  switch (p.job) {
    case 'export':
      return `Exporting ${p.label}: ${of} rows`;
    case 'import':
      return `${of} rows`;
    case 'letters':
      // The count reaches the total before the file is written.
      return p.done >= p.total ? 'Saving the PDF…' : `${of} letters`;
    case 'sample_data':
      return `Adding sample ${p.label}…`;
    case 'move_to_shared':
      // The bar also counts the finishing work, so the words give no row counts.
      if (p.label === 'checks') return 'Checking the copy…';
      if (p.label === 'tidying') return 'Finishing…';
      return `Copying ${p.label.replaceAll('_', ' ')}…`;
  }
}
