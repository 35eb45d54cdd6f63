// The incident deleted last, so the owner can put it back from whichever
// screen they land on (the core keeps it while the app stays open). App.svelte
// draws the bar; the incident page fills it.
import { messageOf, undoDelete } from '../api';
import { go, notify } from './session.svelte';

export const lastDeleted = $state({
  /** What was deleted, in the owner's words; null when there is nothing to undo. */
  what: null as { title: string; customer: string } | null,
  error: '',
  busy: false,
});

/** Offer to undo this delete (it replaces any earlier offer: the core keeps only the last one). */
export function offerUndo(title: string, customer: string) {
  lastDeleted.what = { title, customer };
  lastDeleted.error = '';
  lastDeleted.busy = false;
}

export function dismissUndo() {
  lastDeleted.what = null;
  lastDeleted.error = '';
}

/** Put the incident back and open it. */
export async function undoLastDelete() {
  if (!lastDeleted.what || lastDeleted.busy) return;
  lastDeleted.busy = true;
  lastDeleted.error = '';
  try {
    const inc = await undoDelete();
    dismissUndo();
    if (go({ screen: 'incident', id: inc.id })) notify(`“${inc.title}” is back.`);
  } catch (e) {
    lastDeleted.error = messageOf(e);
  } finally {
    lastDeleted.busy = false;
  }
}
