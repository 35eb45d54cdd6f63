import { describe, expect, it } from 'vitest';
import { nearEnd, revealRow, stepRow, visibleRows, type RowWindow } from './virtual';

// A 400 px viewport of 40 px rows shows 10 rows.
const at = (scrollTop: number, height = 400) => ({ scrollTop, height, rowHeight: 40 });
const win = (first: number, last: number, count: number): RowWindow => ({
  first, last, before: first * 40, after: (count - last) * 40,
});

describe('visibleRows', () => {
  it('renders nothing for an empty list', () => {
    expect(visibleRows(at(0), 0, 5)).toEqual({ first: 0, last: 0, before: 0, after: 0 });
    expect(visibleRows(at(500), 0, 5)).toEqual({ first: 0, last: 0, before: 0, after: 0 });
  });

  it('renders every row when there are fewer than the viewport holds', () => {
    expect(visibleRows(at(0), 3, 5)).toEqual(win(0, 3, 3));
  });

  it('adds overscan below at the top and above at the bottom', () => {
    expect(visibleRows(at(0), 1000, 5)).toEqual(win(0, 15, 1000));
    // Scrolled to the end: rows 990..999 in view.
    expect(visibleRows(at(39600), 1000, 5)).toEqual(win(985, 1000, 1000));
  });

  it('adds overscan on both sides in the middle', () => {
    // Rows 100..109 in view.
    expect(visibleRows(at(4000), 1000, 5)).toEqual(win(95, 115, 1000));
  });

  it('includes a partly shown row at each edge', () => {
    // 4020 px: row 100 is partly hidden above, row 110 partly shown below.
    expect(visibleRows(at(4020), 1000, 0)).toEqual(win(100, 111, 1000));
  });

  it('keeps the spacers and rows adding up to the whole list', () => {
    for (const top of [0, 13, 400, 4021, 39600, 99999]) {
      const w = visibleRows(at(top), 1000, 4);
      expect(w.before + (w.last - w.first) * 40 + w.after).toBe(1000 * 40);
    }
  });

  it('treats a scrollTop past the end (the list shrank) as scrolled to the end', () => {
    expect(visibleRows(at(39600), 4, 5)).toEqual(win(0, 4, 4));
    expect(visibleRows(at(39600), 30, 2)).toEqual(win(18, 30, 30));
  });

  it('treats a negative scrollTop (elastic scrolling) as the top', () => {
    expect(visibleRows(at(-50), 100, 2)).toEqual(win(0, 12, 100));
  });

  it('still renders the overscan before the viewport has been measured', () => {
    expect(visibleRows(at(0, 0), 100, 5)).toEqual(win(0, 6, 100));
  });
});

describe('nearEnd', () => {
  it('asks for more within `ahead` rows of the end', () => {
    // 200 rows end at 8000 px; the viewport bottom is at scrollTop + 400.
    expect(nearEnd(at(0), 200, 30)).toBe(false);
    expect(nearEnd(at(6399), 200, 30)).toBe(false);
    expect(nearEnd(at(6400), 200, 30)).toBe(true);
    expect(nearEnd(at(7600), 200, 30)).toBe(true);
  });

  it('asks for more at once when the loaded rows do not fill the viewport', () => {
    expect(nearEnd(at(0, 2000), 20, 0)).toBe(true);
  });

  it('asks for more when scrolled past the end', () => {
    expect(nearEnd(at(9000), 200, 0)).toBe(true);
  });
});

describe('revealRow', () => {
  it('leaves a fully shown row where it is', () => {
    expect(revealRow(at(400), 10)).toBe(400);
    expect(revealRow(at(400), 19)).toBe(400);
  });
  it('scrolls up to a row above', () => {
    expect(revealRow(at(400), 9)).toBe(360);
  });
  it('scrolls down just enough for a row below', () => {
    expect(revealRow(at(400), 20)).toBe(440);
    expect(revealRow(at(410), 19)).toBe(410);
  });
  it('shows the top of a row taller than the viewport', () => {
    expect(revealRow(at(0, 30), 5)).toBe(200);
  });
});

describe('stepRow', () => {
  const check = (key: string, index: number, count: number, expected: number | null) =>
    expect(stepRow(key, index, count, 10), `${key} from ${index} of ${count}`).toBe(expected);

  it('moves by one, a page, or to either end, and stops at the last row', () => {
    check('ArrowDown', 0, 5, 1);
    check('ArrowDown', 4, 5, 4);
    check('ArrowUp', 3, 5, 2);
    check('PageDown', 0, 100, 10);
    check('PageDown', 95, 100, 99);
    check('PageUp', 5, 100, 0);
    check('PageUp', 50, 100, 40);
    check('Home', 50, 100, 0);
    check('End', 5, 100, 99);
  });

  it('goes from the search box (-1) to the first row, and back up from it', () => {
    check('ArrowDown', -1, 5, 0);
    check('ArrowUp', 0, 5, -1);
  });

  it('keeps a row from a longer, earlier list inside the new one', () => {
    check('ArrowUp', 40, 5, 4);
    check('ArrowDown', 40, 5, 4);
  });

  it('leaves other keys alone and an empty list to the search box', () => {
    check('Enter', 0, 5, null);
    check('a', 0, 5, null);
    check('ArrowDown', -1, 0, null);
    check('ArrowUp', -1, 0, -1);
  });
});
