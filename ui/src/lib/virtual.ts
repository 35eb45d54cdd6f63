// Windowing arithmetic for a long list of fixed-height rows: which rows to put
// in the DOM for a scroll position, how much space stands in for the rest,
// when to ask for the next page, and where the keys move the focus. Pure
// numbers in, numbers out; no DOM here, so it is unit-tested without a window.

/** Rows [first, last) go in the DOM; `before` and `after` px stand in for the rest. */
export interface RowWindow {
  first: number;
  last: number;
  before: number;
  after: number;
}

export interface Viewport {
  /** The scroll container's scrollTop, px. */
  scrollTop: number;
  /** Its visible height (clientHeight), px. */
  height: number;
  /** Every row's height, px. */
  rowHeight: number;
}

/**
 * The rows to render: those in view plus `overscan` on each side. A scrollTop
 * beyond the end (the list shrank under it) counts as scrolled to the end.
 */
export function visibleRows(v: Viewport, count: number, overscan: number): RowWindow {
  if (count <= 0 || v.rowHeight <= 0) return { first: 0, last: 0, before: 0, after: 0 };
  const height = Math.max(0, v.height);
  const maxTop = Math.max(0, count * v.rowHeight - height);
  const top = Math.min(Math.max(0, v.scrollTop), maxTop);
  const inView = Math.min(count - 1, Math.floor(top / v.rowHeight));
  const pastView = Math.max(inView + 1, Math.ceil((top + height) / v.rowHeight));
  const first = Math.max(0, inView - overscan);
  const last = Math.min(count, pastView + overscan);
  return { first, last, before: first * v.rowHeight, after: (count - last) * v.rowHeight };
}

/**
 * Whether the owner has scrolled to within `ahead` rows of the end of the
 * `loaded` rows, so the next page should be fetched now. (The caller knows
 * whether there is a next page.)
 */
export function nearEnd(v: Viewport, loaded: number, ahead: number): boolean {
  const below = loaded * v.rowHeight - (v.scrollTop + v.height);
  return below <= ahead * v.rowHeight;
}

/** The scrollTop that shows row `index` whole, moving as little as possible (its top wins if it cannot fit). */
export function revealRow(v: Viewport, index: number): number {
  const top = index * v.rowHeight;
  const bottom = top + v.rowHeight;
  if (top < v.scrollTop) return top;
  if (bottom > v.scrollTop + v.height) return Math.max(0, Math.min(top, bottom - v.height));
  return v.scrollTop;
}

/**
 * Where a key moves the focus in a list of `count` rows from row `index`:
 * a row index, -1 for "above the first row" (back to the search box), or null
 * when the key is not a list key. `pageRows` is how many rows a page key moves.
 */
export function stepRow(key: string, index: number, count: number, pageRows: number): number | null {
  if (count <= 0) return key === 'ArrowUp' ? -1 : null;
  const last = count - 1;
  const page = Math.max(1, pageRows);
  switch (key) {
    case 'ArrowDown':
      return Math.min(last, index + 1);
    case 'ArrowUp':
      return Math.min(last, index - 1);
    case 'PageDown':
      return Math.min(last, index + page);
    case 'PageUp':
      return Math.max(0, Math.min(last, index - page));
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}
