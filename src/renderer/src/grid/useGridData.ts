// The grid files of the library, the chosen grid's decoded cube, and its analysis maps: a stored
// run of the library (grid_runs), computed by the main process's worker threads when missing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridCubeView, GridRunView } from '../../../shared/api/contract.ts';
import type { FileRow } from '../../../shared/model/library.ts';
import { notBiasGrid, type GridMaps } from '../../../shared/grid/gridMaps.ts';
import { getApi } from '../api.ts';

export function useGridFiles(version: number): FileRow[] {
  const [files, setFiles] = useState<FileRow[]>([]);
  useEffect(() => {
    let live = true;
    void getApi()
      .listFiles({ format: 'nanonis-3ds', status: 'imported', limit: 500 })
      .then((page) => live && setFiles(page.rows));
    return () => {
      live = false;
    };
  }, [version]);
  return files;
}

export function useGridCube(fileId: number | null): { grid: GridCubeView | null; error: string | null } {
  const [grid, setGrid] = useState<GridCubeView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (fileId === null) return;
    let live = true;
    setGrid(null);
    setError(null);
    getApi()
      .getGridCube({ fileId })
      .then(
        (view) => live && setGrid(view),
        (e: unknown) => live && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      live = false;
    };
  }, [fileId]);
  return { grid, error };
}

export interface MapsState {
  maps: GridMaps | null;
  /** The stored run shown: its recipe, app version and when it was made (provenance of exports). */
  run: Omit<GridRunView, 'maps' | 'flags'> | null;
  /** True when the run came from the library (its recipe matched), not computed now. */
  stored: boolean;
  progress: { done: number; total: number } | null;
  /** Why there are no analysis maps (a Z grid, no current channel, cancelled …). */
  note: string | null;
  cancel(): void;
}

/** A stored run as the maps the view draws (flags back to bytes). */
function mapsOfRun(run: GridRunView): GridMaps {
  return {
    width: run.width,
    height: run.height,
    points: run.points,
    written: run.written,
    channel: run.channel,
    signal: run.signal,
    maps: run.maps,
    flags: Uint8Array.from(run.flags),
  };
}

const POLL_MS = 150;

/**
 * The grid's analysis maps with the default recipe: the library's stored run when one matches,
 * else computed in the main process's worker threads (progress, cancel) and stored there.
 */
export function useGridMaps(grid: GridCubeView | null, channelName: string | undefined): MapsState {
  const job = useRef<number | null>(null);
  const [maps, setMaps] = useState<GridMaps | null>(null);
  const [run, setRun] = useState<MapsState['run']>(null);
  const [stored, setStored] = useState(false);
  const [progress, setProgress] = useState<MapsState['progress']>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => {
    setMaps(null);
    setRun(null);
    setStored(false);
    setProgress(null);
    setNote(null);
    if (!grid) return;
    const reason = notBiasGrid(grid.cube);
    if (reason) {
      setNote(reason);
      return;
    }
    let live = true;
    const api = getApi();
    const follow = async (): Promise<void> => {
      let state = await api.startGridRun({ fileId: grid.fileId, channel: channelName });
      job.current = state.jobId;
      while (live && state.state === 'running') {
        setProgress({ done: state.done, total: state.total });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        state = await api.getGridRunProgress({ jobId: state.jobId });
      }
      if (!live) return;
      if (state.state !== 'done' || state.runId === null) {
        setNote(state.state === 'cancelled' ? 'analysis cancelled' : (state.error ?? state.state));
        return;
      }
      const view = await api.getGridRun({ runId: state.runId });
      if (!live) return;
      const { maps: _maps, flags: _flags, ...about } = view;
      setRun(about);
      setStored(state.stored);
      setMaps(mapsOfRun(view));
    };
    follow().catch((e: unknown) => live && setNote(e instanceof Error ? e.message : String(e)));
    return () => {
      live = false;
      // A run nobody waits for any more still completes and is stored for next time.
    };
  }, [grid, channelName]);

  const cancel = useCallback(() => {
    if (job.current !== null) void getApi().cancelGridRun({ jobId: job.current });
    setNote('analysis cancelled');
  }, []);
  return { maps, run, stored, progress, note, cancel };
}
