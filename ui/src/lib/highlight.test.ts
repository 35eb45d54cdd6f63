import { describe, expect, it } from 'vitest';
import type { Finding } from '../bindings/Finding';
import { applyRemoval, applySuggestion, findingAt, runs, scalarToUtf16, utf16ToScalar } from './highlight';

const f = (start: number | null, end: number | null, text = '', suggestion: string | null = null): Finding => ({
  start, end, kind: start == null ? 'missing' : 'but', text, message: 'm', suggestion, replacement: '',
});

describe('offsets', () => {
  // "Zoë 👍 sorry": ë is one code unit; 👍 is two code units but one scalar.
  const text = 'Zoë 👍 sorry';
  it('maps scalar offsets to UTF-16 and back', () => {
    expect(scalarToUtf16(text, 3)).toBe(3);
    expect(scalarToUtf16(text, 5)).toBe(6);
    expect(scalarToUtf16(text, 6)).toBe(7);
    expect(scalarToUtf16(text, 99)).toBe(text.length);
    expect(utf16ToScalar(text, 7)).toBe(6);
    expect(utf16ToScalar(text, 6)).toBe(5);
  });
  it('keeps a decomposed accent (two scalars) as two', () => {
    const nfd = 'Zoe\u0308 sorry';
    expect(scalarToUtf16(nfd, 5)).toBe(5);
  });
});

describe('runs', () => {
  it('marks the phrase after an emoji exactly', () => {
    const text = '👍 I am sorry, but the courier';
    // Scalars: 👍=0, space=1, "I am sorry"=2..11, ", but"=12..16
    const r = runs(text, [f(12, 17, ', but'), f(null, null)]);
    expect(r.map((x) => [x.text, !!x.mark])).toEqual([
      ['👍 I am sorry', false],
      [', but', true],
      [' the courier', false],
    ]);
  });
  it('drops overlaps and keeps plain text whole', () => {
    expect(runs('abc', []).map((x) => x.text)).toEqual(['abc']);
    expect(runs('', []).map((x) => x.text)).toEqual(['']);
    const r = runs('abcdef', [f(0, 4), f(2, 5)]);
    expect(r.map((x) => x.text)).toEqual(['abcd', 'ef']);
  });
});

describe('findingAt and applySuggestion', () => {
  const text = "Zoë, I'm sorry, but the tiles";
  const but = f(14, 19, ', but', '.');
  it('finds the finding under the caret', () => {
    expect(findingAt(text, [but], 16)?.finding).toBe(but);
    expect(findingAt(text, [but], 2)).toBeNull();
  });
  it('replaces the marked phrase with the suggestion', () => {
    expect(applySuggestion(text, but)).toEqual({ text: "Zoë, I'm sorry. the tiles", caret: 15 });
    expect(applySuggestion(text, f(null, null))).toBeNull();
  });
});

describe('applyRemoval', () => {
  it('takes the words out and tidies the spaces', () => {
    const text = "I'm sorry, but the tiles";
    expect(applyRemoval(text, f(11, 14, 'but'))).toEqual({ text: "I'm sorry, the tiles", caret: 10 });
    expect(applyRemoval("I'm sorry, but", f(11, 14, 'but'))).toEqual({ text: "I'm sorry,", caret: 10 });
    expect(applyRemoval('Unfortunately we lost it', f(0, 13))).toEqual({ text: 'we lost it', caret: 0 });
    expect(applyRemoval('We are 👍 very sorry', f(9, 13))).toEqual({ text: 'We are 👍 sorry', caret: 9 });
  });
  it("puts the checker's replacement in the span when it has one", () => {
    const hedge = { ...f(0, 16, 'We may have lost'), kind: 'hedge' as const, replacement: 'We lost' };
    expect(applyRemoval('We may have lost your parcel', hedge)).toEqual({ text: 'We lost your parcel', caret: 7 });
  });
});
