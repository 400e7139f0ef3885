// The grid files of the library, the chosen grid's decoded cube, and its analysis maps computed
// in the grid-map worker pool (progress, cancel).
import { useCallback, useEffect, useRef, useState } from 'react';
import type { GridCubeView } from '../../../shared/api/contract.ts';
import type { FileRow } from '../../../shared/model/library.ts';
import { chooseChannel, notBiasGrid, type GridMaps } from '../../../shared/grid/gridMaps.ts';
import { createGridMapPool, type GridMapPool } from '../../../workers/gridMapPool.ts';
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
  progress: { done: number; total: number } | null;
  /** Why there are no analysis maps (a Z grid, no current channel, cancelled …). */
  note: string | null;
  cancel(): void;
}

export function useGridMaps(grid: GridCubeView | null, channelName: string | undefined): MapsState {
  const pool = useRef<GridMapPool | null>(null);
  const controller = useRef<AbortController | null>(null);
  const [maps, setMaps] = useState<GridMaps | null>(null);
  const [progress, setProgress] = useState<MapsState['progress']>(null);
  const [note, setNote] = useState<string | null>(null);

  useEffect(() => () => pool.current?.terminate(), []);
  useEffect(() => {
    setMaps(null);
    setProgress(null);
    setNote(null);
    if (!grid) return;
    const reason = notBiasGrid(grid.cube);
    if (reason) {
      setNote(reason);
      return;
    }
    let channel;
    try {
      channel = chooseChannel(grid.cube, channelName);
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
      return;
    }
    pool.current ??= createGridMapPool();
    const abort = new AbortController();
    controller.current = abort;
    pool.current
      .run(grid.cube, channel, {}, { signal: abort.signal, onProgress: setProgress })
      .then(setMaps, (e: unknown) => {
        if (!abort.signal.aborted) setNote(e instanceof Error ? e.message : String(e));
      });
    return () => abort.abort(new Error('superseded'));
  }, [grid, channelName]);

  const cancel = useCallback(() => {
    controller.current?.abort(new Error('cancelled'));
    setNote('analysis cancelled');
  }, []);
  return { maps, progress, note, cancel };
}
