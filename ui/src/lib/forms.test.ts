import { describe, expect, it } from 'vitest';
import { clashes, edited, keepTyped } from './forms';

const filled = { words: { theirs: 'Cracked', ours: '' }, fixDate: '2026-03-09', note: '' };

describe('edited', () => {
  it('sees a change anywhere in the form, and none when it is as filled', () => {
    expect(edited(filled, structuredClone(filled))).toBe(false);
    expect(edited(filled, { ...filled, note: 'Rang back' })).toBe(true);
    expect(edited(filled, { ...filled, words: { theirs: 'Cracked', ours: 'You found' } })).toBe(true);
  });
});

describe('keepTyped', () => {
  it('keeps what the owner typed and takes the newer value of every field they left alone', () => {
    const typed = { ...filled, words: { theirs: 'Cracked', ours: 'You found them cracked' } };
    const newer = { words: { theirs: 'Half cracked', ours: '' }, fixDate: '2026-03-12', note: '' };
    expect(keepTyped(filled, typed, newer)).toEqual({
      words: { theirs: 'Half cracked', ours: 'You found them cracked' },
      fixDate: '2026-03-12',
      note: '',
    });
  });
  it('keeps the owner\'s value where both changed the same field', () => {
    expect(keepTyped('3', '4', '5')).toBe('4');
    expect(keepTyped('3', '3', '5')).toBe('5');
  });
});

describe('clashes', () => {
  const was = { phone: '1', email: '', city: 'Leeds', notes: '' };
  it('names only the fields both changed, to different values', () => {
    const typed = { ...was, phone: '2', email: 'a@b.c', notes: 'same' };
    const newer = { ...was, phone: '3', city: 'York', notes: 'same' };
    // email: only the owner; city: only the other person; notes: both, to the same words.
    expect(clashes(was, typed, newer)).toEqual(['phone']);
  });
  it('names none when either left the form alone', () => {
    expect(clashes(was, was, { ...was, phone: '3' })).toEqual([]);
    expect(clashes(was, { ...was, phone: '2' }, was)).toEqual([]);
  });
});
