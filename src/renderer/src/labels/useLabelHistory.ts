// The Topography's view of the app's label history (same interface as its former own hook): apply
// to marker ids using the labels its rows show, show written labels at once (assumeLabels), and
// reload after every saved change — including undo/redo made on another tab.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { SpectrumRow } from '../../../shared/model/library.ts';
import { appLabelHistory, useLabelHistoryState } from './appLabelHistory.ts';
import type { LabelProvenance } from './labelHistory.ts';

export function useLabelHistory({
  rows,
  assumeLabels,
  onSaved,
}: {
  rows: readonly SpectrumRow[];
  assumeLabels(labelOf: ReadonlyMap<number, string | null>): void;
  onSaved(): void;
}) {
  const state = useLabelHistoryState();
  const known = useMemo(() => new Map(rows.map((r) => [r.id, r.label])), [rows]);
  const latest = useRef({ assumeLabels, onSaved });
  useEffect(() => {
    latest.current = { assumeLabels, onSaved };
  });
  useEffect(
    () =>
      appLabelHistory.subscribe((event) => {
        if (event.phase === 'writing') latest.current.assumeLabels(event.labelOf);
        else latest.current.onSaved();
      }),
    [],
  );
  const apply = useCallback(
    (ids: readonly number[], label: string | null, colour?: string) =>
      void appLabelHistory.apply(ids, label, known, colour),
    [known],
  );
  const applyMany = useCallback(
    (labelOf: ReadonlyMap<number, string | null>, classified?: LabelProvenance) =>
      void appLabelHistory.applyMany(labelOf, known, undefined, classified),
    [known],
  );
  const undo = useCallback(() => void appLabelHistory.undo(), []);
  const redo = useCallback(() => void appLabelHistory.redo(), []);
  return { apply, applyMany, undo, redo, canUndo: state.canUndo, canRedo: state.canRedo, error: state.error };
}
