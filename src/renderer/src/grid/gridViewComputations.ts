// What the Grid view computes from every pixel, in its workers (src/workers/gridViewPool.ts): the
// mean spectrum (shown while no pixel is hovered or pinned) and the numerical dI/dV map at the
// slider's bias. On the UI thread the map took 40 ms (64 × 64 × 512) to 0.5 s (256 × 256 × 256)
// a slider step. Requests are latest-wins: while a map computes, a slider drag only moves what is
// wanted; when it comes back, the newest wanted map is asked for (stale ones are never queued).
// No React here: the view subscribes (useGridViewWorkers.ts); tests drive it on worker threads.
import type { GridCube } from '../../../shared/formats/nanonis3dsCube.ts';
import type { AnalysedChannel } from '../../../shared/grid/gridChannel.ts';
import type { PixelSpectrum } from '../../../shared/grid/pixelSpectrum.ts';
import type { GridViewPool } from '../../../workers/gridViewPool.ts';

/** A dI/dV map, the grid it is of, and the bias (V) and half-width (V) it is for. */
export interface DidvMap {
  cube: GridCube;
  values: Float64Array;
  centre: number;
  halfWidth: number;
}

export interface DidvWanted {
  centre: number;
  halfWidth: number;
}

/** What has been computed so far; a new object on every change. */
export interface GridViewSnapshot {
  /** The grid the workers hold, once its sweeps are there. */
  loaded: GridCube | null;
  mean: { cube: GridCube; spectrum: PixelSpectrum; pixels: number } | null;
  /** The last dI/dV map computed (maybe for a bias other than the one now wanted). */
  didv: DidvMap | null;
  error: string | null;
}

const message = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export class GridViewComputations {
  private pool: GridViewPool | null = null;
  private state: GridViewSnapshot = { loaded: null, mean: null, didv: null, error: null };
  private listeners = new Set<() => void>();
  private grid: GridCube | null = null;
  private wanted: DidvWanted | null = null;
  private busy = false;

  private readonly createPool: () => GridViewPool;

  constructor(createPool: () => GridViewPool) {
    this.createPool = createPool;
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly snapshot = (): GridViewSnapshot => this.state;

  /** The grid shown (null: none); a new one is loaded into the workers, its mean computed. */
  setGrid(cube: GridCube | null, channel: AnalysedChannel | null): void {
    if (cube === this.grid) return;
    this.grid = cube;
    this.update({ loaded: null, error: null });
    if (!cube || !channel) return;
    const pool = this.ensurePool();
    pool
      .load(cube, channel)
      .then(async () => {
        if (this.grid !== cube || this.pool !== pool) return;
        this.update({ loaded: cube });
        this.ask();
        const mean = await pool.meanSpectrum({});
        if (this.grid === cube) this.update({ mean: mean && { cube, ...mean } });
      })
      .catch((e: unknown) => this.grid === cube && this.update({ error: message(e) }));
  }

  /** The dI/dV map to show (null while another map is shown: nothing is computed). */
  want(wanted: DidvWanted | null): void {
    this.wanted = wanted;
    this.ask();
  }

  /** Stops the workers; a later setGrid starts new ones. */
  dispose(): void {
    this.pool?.terminate();
    this.pool = null;
    this.grid = null;
    this.busy = false;
    this.update({ loaded: null });
  }

  private ensurePool(): GridViewPool {
    this.pool ??= this.createPool();
    return this.pool;
  }

  private update(patch: Partial<GridViewSnapshot>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener();
  }

  /** Asks for the wanted map when none is computing and the one there is not it. */
  private ask(): void {
    const next = this.wanted;
    const cube = this.state.loaded;
    const pool = this.pool;
    if (this.busy || !next || !cube || !pool) return;
    const { didv } = this.state;
    if (didv?.cube === cube && didv.centre === next.centre && didv.halfWidth === next.halfWidth) return;
    this.busy = true;
    pool
      .didvSlice({}, next.centre, next.halfWidth)
      .then(
        // A map of a grid loaded meanwhile over this one is not this grid's.
        (values) => this.state.loaded === cube && this.update({ didv: { cube, values, ...next } }),
        (e: unknown) => this.state.loaded === cube && this.update({ error: message(e) }),
      )
      .finally(() => {
        if (this.pool !== pool) return;
        this.busy = false;
        this.ask();
      });
  }
}
