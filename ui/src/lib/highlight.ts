// The checker reports findings as Unicode scalar (code point) offsets; the
// editor works in UTF-16 code units (JavaScript strings). These pure helpers
// convert between the two and split the text into plain and marked runs.
import type { Finding } from '../bindings/Finding';

/** UTF-16 index of the `scalar`-th code point of `text` (clamped to the end). */
export function scalarToUtf16(text: string, scalar: number): number {
  let i = 0;
  let n = 0;
  while (n < scalar && i < text.length) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
    n++;
  }
  return i;
}

/** Code-point offset of UTF-16 index `index` in `text`. */
export function utf16ToScalar(text: string, index: number): number {
  let n = 0;
  for (let i = 0; i < index && i < text.length; n++) {
    const c = text.charCodeAt(i);
    i += c >= 0xd800 && c <= 0xdbff && i + 1 < text.length ? 2 : 1;
  }
  return n;
}

export interface Marked {
  finding: Finding;
  /** Position in the findings list, to link a mark with its explanation. */
  index: number;
  from: number;
  to: number;
}

/** Findings that point at text, as UTF-16 ranges, sorted, overlaps dropped. */
export function ranges(text: string, findings: Finding[]): Marked[] {
  const out: Marked[] = [];
  findings.forEach((finding, index) => {
    if (finding.start == null || finding.end == null || finding.end <= finding.start) return;
    out.push({ finding, index, from: scalarToUtf16(text, finding.start), to: scalarToUtf16(text, finding.end) });
  });
  out.sort((a, b) => a.from - b.from || b.to - a.to);
  const kept: Marked[] = [];
  for (const m of out) if (!kept.length || m.from >= kept[kept.length - 1].to) kept.push(m);
  return kept;
}

export type Run = { text: string; mark: Marked | null };

/** The text cut into runs, each either plain or one finding's marked phrase. */
export function runs(text: string, findings: Finding[]): Run[] {
  const out: Run[] = [];
  let at = 0;
  for (const m of ranges(text, findings)) {
    if (m.from > at) out.push({ text: text.slice(at, m.from), mark: null });
    out.push({ text: text.slice(m.from, m.to), mark: m });
    at = m.to;
  }
  if (at < text.length || out.length === 0) out.push({ text: text.slice(at), mark: null });
  return out;
}

/** The finding under the caret (a UTF-16 index), if any. */
export function findingAt(text: string, findings: Finding[], caret: number): Marked | null {
  return ranges(text, findings).find((m) => caret >= m.from && caret <= m.to) ?? null;
}

/** The text with one finding replaced by its suggestion, and where the caret goes after it. */
export function applySuggestion(text: string, f: Finding): { text: string; caret: number } | null {
  if (f.start == null || f.end == null || f.suggestion == null) return null;
  const from = scalarToUtf16(text, f.start);
  const to = scalarToUtf16(text, f.end);
  return { text: text.slice(0, from) + f.suggestion + text.slice(to), caret: from + f.suggestion.length };
}

/**
 * The one-click fix: the finding's span replaced by the checker's
 * `replacement` (often nothing: the "but" clause or the minimiser goes), with
 * spaces tidied at the join when words are taken out, and the caret where the
 * words were.
 */
export function applyRemoval(text: string, f: Finding): { text: string; caret: number } | null {
  if (f.start == null || f.end == null) return null;
  if (f.replacement) {
    const from = scalarToUtf16(text, f.start);
    const to = scalarToUtf16(text, f.end);
    return { text: text.slice(0, from) + f.replacement + text.slice(to), caret: from + f.replacement.length };
  }
  let from = scalarToUtf16(text, f.start);
  const before = text.slice(0, from);
  let after = text.slice(scalarToUtf16(text, f.end));
  if (/[ \t]$/.test(before) && (/^[ \t]/.test(after) || /^[,.;:!?]/.test(after) || after === '')) {
    from -= 1;
  } else if (before === '' || /\n$/.test(before)) {
    after = after.replace(/^[ \t]+/, '');
  }
  return { text: text.slice(0, from) + after, caret: from };
}
