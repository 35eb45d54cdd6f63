import { describe, expect, it } from 'vitest';
import type { KeptLetter } from '../bindings/KeptLetter';
import { keptAs, letterText, sameWords } from './letter-words';

const kept = (version: number, kind: KeptLetter['kind'], subject: string | null, body: string): KeptLetter => ({
  version,
  id: version,
  incident_id: 1,
  kind,
  tone: 'warm',
  subject,
  body,
  first_line: body.split('\n')[0],
  created_at: '2026-03-01T09:00:00Z',
  sent_at: null,
});

describe('letterText', () => {
  it('puts the subject on a first line, then a blank line', () => {
    expect(letterText('Your tiles', 'Dear Siân,\n\nSorry.')).toBe('Subject: Your tiles\n\nDear Siân,\n\nSorry.');
  });
  it('leaves a blank subject out, so the body is not read as one', () => {
    expect(letterText('  ', 'Sorry.')).toBe('Sorry.');
    expect(letterText(null, 'Sorry.')).toBe('Sorry.');
  });
});

describe('sameWords and keptAs', () => {
  const all = [kept(1, 'apology', null, 'One'), kept(2, 'email', 'S', 'Two'), kept(3, 'apology', null, 'One')];
  it('ignores trailing space, as the core does when it keeps a version', () => {
    expect(sameWords(all[0], 'One\n\n')).toBe(true);
    expect(sameWords(all[1], 'Subject: S\n\nTwo')).toBe(true);
    expect(sameWords(all[1], 'Two')).toBe(false);
  });
  it('finds the newest version of the same kind', () => {
    expect(keptAs(all, 'apology', 'One')?.version).toBe(3);
    expect(keptAs(all, 'follow_up', 'One')).toBeNull();
    expect(keptAs(all, 'apology', '')).toBeNull();
  });
});
