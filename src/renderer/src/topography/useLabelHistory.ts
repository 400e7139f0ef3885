// Label changes with undo/redo. Each change is saved in the library at once (setLabel); undo
// restores every spectrum's previous label (one setLabel per previous label), redo re-applies.
// Changes run one after another, so fast key presses never interleave; the stacks live in refs
// because a queued change must see the one before it even before React has re-rendered.
import { useCallback, useReducer, useRef, useState } from 'react';
import type { SpectrumRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';

interface LabelChange {
  /** Each spectrum's label before and after the change. */
  before: Map<number, string | null>;
  after: Map<number, string | null>;
  colour: string | undefined;
}

async function writeLabels(labelOf: ReadonlyMap<number, string | null>, colour?: string): Promise<void> {
  const byLabel = new Map<string | null, number[]>();
  for (const [id, label] of labelOf) {
    const ids = byLabel.get(label);
    if (ids) ids.push(id);
    else byLabel.set(label, [id]);
  }
  for (const [label, spectrumIds] of byLabel) {
    await getApi().setLabel({ spectrumIds, label, ...(colour && label !== null ? { colour } : {}) });
  }
}

export function useLabelHistory({
  rows,
  assumeLabels,
  onSaved,
}: {
  rows: readonly SpectrumRow[];
  assumeLabels(labelOf: ReadonlyMap<number, string | null>): void;
  onSaved(): void;
}) {
  const undoStack = useRef<LabelChange[]>([]);
  const redoStack = useRef<LabelChange[]>([]);
  const [, rerender] = useReducer((n: number) => n + 1, 0);
  const [error, setError] = useState<string | null>(null);
  const queue = useRef<Promise<void>>(Promise.resolve());
  /** Labels this hook wrote while the rows from the library may not show them yet. */
  const written = useRef(new Map<number, string | null>());
  const pending = useRef(0);
  const latestRows = useRef(rows);
  if (latestRows.current !== rows) {
    latestRows.current = rows;
    if (pending.current === 0) written.current.clear();
  }

  const save = useCallback(
    async (labelOf: ReadonlyMap<number, string | null>, colour?: string) => {
      for (const [id, label] of labelOf) written.current.set(id, label);
      assumeLabels(labelOf);
      await writeLabels(labelOf, colour);
    },
    [assumeLabels],
  );

  const run = useCallback(
    (task: () => Promise<void>) => {
      pending.current++;
      queue.current = queue.current
        .then(task)
        .then(() => setError(null))
        .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
        .finally(() => {
          pending.current--;
          rerender();
          onSaved();
        });
    },
    [onSaved],
  );

  /** One undoable change: each spectrum to its own label (accepting suggestions sets several at once). */
  const applyMany = useCallback(
    (labelOf: ReadonlyMap<number, string | null>, colour?: string) =>
      run(async () => {
        const labelNow = new Map(latestRows.current.map((r) => [r.id, r.label]));
        for (const [id, l] of written.current) labelNow.set(id, l);
        const before = new Map([...labelOf.keys()].map((id) => [id, labelNow.get(id) ?? null]));
        const unchanged = [...labelOf].every(([id, label]) => before.get(id) === label);
        if (labelOf.size === 0 || (unchanged && !colour)) return;
        const after = new Map(labelOf);
        await save(after, colour);
        undoStack.current.push({ before, after, colour });
        redoStack.current = [];
      }),
    [run, save],
  );

  const apply = useCallback(
    (ids: readonly number[], label: string | null, colour?: string) =>
      applyMany(new Map(ids.map((id) => [id, label])), colour),
    [applyMany],
  );

  const undo = useCallback(
    () =>
      run(async () => {
        const change = undoStack.current.pop();
        if (!change) return;
        await save(change.before);
        redoStack.current.push(change);
      }),
    [run, save],
  );

  const redo = useCallback(
    () =>
      run(async () => {
        const change = redoStack.current.pop();
        if (!change) return;
        await save(change.after, change.colour);
        undoStack.current.push(change);
      }),
    [run, save],
  );

  return {
    apply,
    applyMany,
    undo,
    redo,
    canUndo: undoStack.current.length > 0,
    canRedo: redoStack.current.length > 0,
    error,
  };
}
