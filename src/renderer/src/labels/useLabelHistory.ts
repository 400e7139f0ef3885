// The Topography's view of the app's label history: apply to marker ids using the labels its rows
// show, and show written labels at once (assumeLabels). Reloading after a saved change (undo/redo
// on another tab included) is the query cache's job: appLabelHistory invalidates the label queries.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { SpectrumRow } from '../../../shared/model/library.ts';
import { appLabelHistory, useLabelHistoryState } from './appLabelHistory.ts';

export function useLabelHistory({
  rows,
  assumeLabels,
}: {
  rows: readonly SpectrumRow[];
  assumeLabels(labelOf: ReadonlyMap<number, string | null>): void;
}) {
  const state = useLabelHistoryState();
  const known = useMemo(() => new Map(rows.map((r) => [r.id, r.label])), [rows]);
  const latest = useRef(assumeLabels);
  useEffect(() => {
    latest.current = assumeLabels;
  });
  useEffect(
    () =>
      appLabelHistory.subscribe((event) => {
        if (event.phase === 'writing') latest.current(event.labelOf);
      }),
    [],
  );
  const apply = useCallback(
    (ids: readonly number[], label: string | null, colour?: string) =>
      void appLabelHistory.apply(ids, label, known, colour),
    [known],
  );
  const applyMany = useCallback(
    (labelOf: ReadonlyMap<number, string | null>) => void appLabelHistory.applyMany(labelOf, known),
    [known],
  );
  const undo = useCallback(() => void appLabelHistory.undo(), []);
  const redo = useCallback(() => void appLabelHistory.redo(), []);
  return { apply, applyMany, undo, redo, canUndo: state.canUndo, canRedo: state.canRedo, error: state.error };
}
