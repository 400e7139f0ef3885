// The grid files of the library, the chosen grid's decoded cube, and its analysis maps computed
// in the grid-map worker pool (progress, cancel).
import { useQuery } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { GridCubeView } from '../../../shared/api/contract.ts';
import type { FileRow } from '../../../shared/model/library.ts';
import { chooseChannel, notBiasGrid, type GridMaps } from '../../../shared/grid/gridMaps.ts';
import { createGridMapPool, type GridMapPool } from '../../../workers/gridMapPool.ts';
import { getApi } from '../api.ts';
import { errorText } from '../data/libraryQueries.ts';
import { queryKeys } from '../data/queryClient.ts';

const GRID_FILTER = { format: 'nanonis-3ds', status: 'imported' } as const;
const NO_FILES: FileRow[] = [];

export function useGridFiles(): FileRow[] {
  const { data } = useQuery({
    queryKey: queryKeys.files(GRID_FILTER, 0),
    queryFn: async () => (await getApi().listFiles({ ...GRID_FILTER, limit: 500 })).rows,
  });
  return data ?? NO_FILES;
}

export function useGridCube(fileId: number | null): { grid: GridCubeView | null; error: string | null } {
  const { data, error } = useQuery({
    queryKey: ['gridCube', fileId],
    queryFn: () => getApi().getGridCube({ fileId: fileId ?? 0 }),
    enabled: fileId !== null,
    // Cubes are large (tens of MB): keep only the shown one.
    gcTime: 0,
  });
  return { grid: data ?? null, error: errorText(error) };
}

export interface MapsState {
  maps: GridMaps | null;
  progress: { done: number; total: number } | null;
  /** Why there are no analysis maps (a Z grid, no current channel, cancelled …). */
  note: string | null;
  cancel(): void;
}

/** What one computation of maps is for: the grid's channel, or why there is none. */
type MapsPlan = { grid: GridCubeView; channel: ReturnType<typeof chooseChannel> } | { note: string };

/** The maps computed for one plan (state of another plan is stale and not shown). */
interface MapsOutcome {
  plan: MapsPlan | null;
  maps: GridMaps | null;
  progress: MapsState['progress'];
  note: string | null;
}

export function useGridMaps(grid: GridCubeView | null, channelName: string | undefined): MapsState {
  const pool = useRef<GridMapPool | null>(null);
  const controller = useRef<AbortController | null>(null);
  const plan = useMemo((): MapsPlan | null => {
    if (!grid) return null;
    const reason = notBiasGrid(grid.cube);
    if (reason) return { note: reason };
    try {
      return { grid, channel: chooseChannel(grid.cube, channelName) };
    } catch (e) {
      return { note: e instanceof Error ? e.message : String(e) };
    }
  }, [grid, channelName]);
  const [outcome, setOutcome] = useState<MapsOutcome>({ plan: null, maps: null, progress: null, note: null });

  useEffect(() => () => pool.current?.terminate(), []);
  useEffect(() => {
    if (!plan || !('channel' in plan)) return;
    pool.current ??= createGridMapPool();
    const abort = new AbortController();
    controller.current = abort;
    const update = (change: Partial<MapsOutcome>): void =>
      setOutcome((o) => ({
        ...(o.plan === plan ? o : { maps: null, progress: null, note: null }),
        plan,
        ...change,
      }));
    pool.current
      .run(
        plan.grid.cube,
        plan.channel,
        {},
        { signal: abort.signal, onProgress: (progress) => update({ progress }) },
      )
      .then(
        (maps) => update({ maps }),
        (e: unknown) => {
          if (!abort.signal.aborted) update({ note: e instanceof Error ? e.message : String(e) });
        },
      );
    return () => abort.abort(new Error('superseded'));
  }, [plan]);

  const cancel = useCallback(() => {
    controller.current?.abort(new Error('cancelled'));
    setOutcome((o) => ({ ...o, plan, note: 'analysis cancelled' }));
  }, [plan]);
  if (outcome.plan !== plan || plan === null)
    return { maps: null, progress: null, note: plan && 'note' in plan ? plan.note : null, cancel };
  return { maps: outcome.maps, progress: outcome.progress, note: outcome.note, cancel };
}
