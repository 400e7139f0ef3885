// The app's one label history, writing through the LibraryApi, and the hook views read it with.
import { useSyncExternalStore } from 'react';
import { getApi } from '../api.ts';
import { labelsChanged } from '../data/queryClient.ts';
import { groupByLabel, LabelHistory } from './labelHistory.ts';
import type { LabelHistorySnapshot } from './labelHistory.ts';

export const appLabelHistory = new LabelHistory(async (labelOf, colour) => {
  for (const [label, spectrumIds] of groupByLabel(labelOf)) {
    await getApi().setLabel({ spectrumIds, label, ...(colour && label !== null ? { colour } : {}) });
  }
});
// Every saved change, undo, redo (and a failed write, which may have saved part) reloads what
// shows labels, on every tab: the one place label queries are invalidated for the history.
appLabelHistory.subscribe((event) => {
  if (event.phase === 'saved') labelsChanged();
});

/** The history's state (revision, can undo/redo, last error); re-renders on every change. */
export function useLabelHistoryState(): LabelHistorySnapshot {
  return useSyncExternalStore(appLabelHistory.subscribe, appLabelHistory.getSnapshot);
}
