// The grid files of the library, the chosen grid's decoded cube, and its analysis maps: a stored
// run of the library (grid_runs), computed by the main process's worker threads when missing.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridCubeView, GridRunView } from '../../../shared/api/contract.ts';
import type { FileRow } from '../../../shared/model/library.ts';
import type { GridMaps } from '../../../shared/grid/gridMaps.ts';
import { notBiasGrid } from '../../../shared/grid/gridChannel.ts';
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
  /** The last answer, with the file it is for: a previous grid is never shown for a new choice. */
  const [answer, setAnswer] = useState<{
    fileId: number;
    grid: GridCubeView | null;
    error: string | null;
  } | null>(null);
  useEffect(() => {
    if (fileId === null) return;
    let live = true;
    getApi()
      .getGridCube({ fileId })
      .then(
        (view) => live && setAnswer({ fileId, grid: view, error: null }),
        (e: unknown) =>
          live && setAnswer({ fileId, grid: null, error: e instanceof Error ? e.message : String(e) }),
      );
    return () => {
      live = false;
    };
  }, [fileId]);
  const current = answer !== null && answer.fileId === fileId ? answer : null;
  return { grid: current?.grid ?? null, error: current?.error ?? null };
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
  /** What the run of `grid` has given so far; kept with its grid so a newer grid starts blank. */
  const [result, setResult] = useState<MapsResult | null>(null);
  // A Z-spectroscopy grid (or one without a current channel) has no analysis maps to compute.
  const reason = grid ? notBiasGrid(grid.cube) : null;

  useEffect(() => {
    if (!grid || reason) return;
    let live = true;
    const update = (patch: Partial<MapsResult>): void => {
      if (!live) return;
      setResult((r) => ({
        ...(r && r.grid === grid && r.channelName === channelName ? r : blank(grid, channelName)),
        ...patch,
      }));
    };
    const api = getApi();
    const follow = async (): Promise<void> => {
      let state = await api.startGridRun({ fileId: grid.fileId, channel: channelName });
      job.current = state.jobId;
      while (live && state.state === 'running') {
        update({ progress: { done: state.done, total: state.total } });
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
        state = await api.getGridRunProgress({ jobId: state.jobId });
      }
      if (!live) return;
      if (state.state !== 'done' || state.runId === null) {
        update({ note: state.state === 'cancelled' ? 'analysis cancelled' : (state.error ?? state.state) });
        return;
      }
      const view = await api.getGridRun({ runId: state.runId });
      const { maps: _maps, flags: _flags, ...about } = view;
      update({ run: about, stored: state.stored, maps: mapsOfRun(view) });
    };
    follow().catch((e: unknown) => update({ note: e instanceof Error ? e.message : String(e) }));
    return () => {
      live = false;
      // A run nobody waits for any more still completes and is stored for next time.
    };
  }, [grid, channelName, reason]);

  const cancel = useCallback(() => {
    if (job.current !== null) void getApi().cancelGridRun({ jobId: job.current });
    setResult((r) => r && { ...r, note: 'analysis cancelled' });
  }, []);
  const current =
    result !== null && result.grid === grid && result.channelName === channelName ? result : null;
  return {
    maps: current?.maps ?? null,
    run: current?.run ?? null,
    stored: current?.stored ?? false,
    progress: current?.progress ?? null,
    note: reason ?? current?.note ?? null,
    cancel,
  };
}

interface MapsResult {
  grid: GridCubeView;
  channelName: string | undefined;
  maps: GridMaps | null;
  run: MapsState['run'];
  stored: boolean;
  progress: MapsState['progress'];
  note: string | null;
}

function blank(grid: GridCubeView, channelName: string | undefined): MapsResult {
  return { grid, channelName, maps: null, run: null, stored: false, progress: null, note: null };
}
