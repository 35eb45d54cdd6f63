// The editor's words as the core reads them: an email's subject goes on a
// first line "Subject: …", and a kept version is "the same words" when its
// stored text matches (the core keeps the body without trailing space).
// Pure helpers, unit-tested.
import type { KeptLetter } from '../bindings/KeptLetter';

/** The text to send to the core: the body, after "Subject: …" and a blank line when there is a subject. */
export function letterText(subject: string | null, body: string): string {
  const s = subject?.trim();
  return s ? `Subject: ${s}\n\n${body}` : body;
}

/** Whether a kept version has exactly these words (subject included). */
export function sameWords(kept: KeptLetter, text: string): boolean {
  return letterText(kept.subject, kept.body).trimEnd() === text.trimEnd();
}

/** The newest kept version of this kind with exactly these words, if any (`kept` is oldest first). */
export function keptAs(kept: KeptLetter[], kind: KeptLetter['kind'], text: string): KeptLetter | null {
  if (!text.trim()) return null;
  for (let i = kept.length - 1; i >= 0; i--) {
    if (kept[i].kind === kind && sameWords(kept[i], text)) return kept[i];
  }
  return null;
}
