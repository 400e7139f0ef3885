// The Grid view's mean spectrum and dI/dV map from its workers (gridViewComputations.ts), for
// React: the computations live as long as the view.
import { useEffect, useState, useSyncExternalStore } from 'react';
import type { GridCube } from '../../../shared/formats/nanonis3dsCube.ts';
import type { AnalysedChannel } from '../../../shared/grid/gridChannel.ts';
import type { PixelSpectrum } from '../../../shared/grid/pixelSpectrum.ts';
import { createGridViewPool } from '../../../workers/gridViewPool.ts';
import { GridViewComputations, type DidvMap, type DidvWanted } from './gridViewComputations.ts';

export interface GridViewComputed {
  mean: { spectrum: PixelSpectrum; pixels: number } | null;
  /** The last dI/dV map computed for this grid (maybe for a bias other than the wanted one). */
  didv: DidvMap | null;
  /** True while the wanted map is not the one shown. */
  didvPending: boolean;
  error: string | null;
}

export function useGridViewWorkers(
  cube: GridCube | null,
  channel: AnalysedChannel | null,
  wanted: DidvWanted | null,
): GridViewComputed {
  const [computations] = useState(() => new GridViewComputations(() => createGridViewPool()));
  const state = useSyncExternalStore(computations.subscribe, computations.snapshot);
  useEffect(() => {
    computations.setGrid(cube, channel);
  }, [computations, cube, channel]);
  const centre = wanted?.centre;
  const halfWidth = wanted?.halfWidth;
  useEffect(() => {
    computations.want(centre === undefined || halfWidth === undefined ? null : { centre, halfWidth });
  }, [computations, centre, halfWidth]);
  useEffect(() => () => computations.dispose(), [computations]);

  const didv = state.didv && state.didv.cube === cube && state.loaded === cube ? state.didv : null;
  return {
    mean: state.mean && state.mean.cube === cube ? state.mean : null,
    didv,
    didvPending:
      wanted !== null &&
      (didv === null || didv.centre !== wanted.centre || didv.halfWidth !== wanted.halfWidth),
    error: state.error,
  };
}
