// The Grid view's map of one channel at a bias (biasSlice.ts), computed on the UI thread a slice of
// pixels per task: a 256 × 256 grid's map in one go held Chromium's thread ~45 ms with its code
// still cold (a 113 ms long task with the render around it, bench:grid's Grid view on the build VM).
import { useEffect, useState } from 'react';
import type { GridCube } from '../../../shared/formats/nanonis3dsCube.ts';
import { biasSliceRows, type SliceWindow } from '../../../shared/grid/biasSlice.ts';
import { nextMessageTask } from '../../../workers/taskYield.ts';

/** Pixels per task: ~6 ms of a cold 256 × 256 × 512 grid's map on the build VM, ~1 ms warm. */
const PIXELS_PER_TASK = 8192;

export interface WantedSlice extends SliceWindow {
  /** The channel's index in the cube. */
  index: number;
}

export interface ChannelSlice extends WantedSlice {
  cube: GridCube;
  values: Float64Array;
}

export interface ChannelSliceState {
  /** The last map computed for this cube and channel (maybe at another bias: shown until the wanted one is done). */
  slice: ChannelSlice | null;
  /** True while the wanted map is not the one in `slice`. */
  pending: boolean;
}

export function useChannelSlice(cube: GridCube | null, wanted: WantedSlice | null): ChannelSliceState {
  const [done, setDone] = useState<ChannelSlice | null>(null);
  const index = wanted?.index;
  const centre = wanted?.centre;
  const halfWidth = wanted?.halfWidth;
  useEffect(() => {
    if (!cube || index === undefined || centre === undefined || halfWidth === undefined) return;
    let cancelled = false;
    const values = new Float64Array(cube.layout.pointsX * cube.layout.pointsY).fill(NaN);
    void (async () => {
      for (let from = 0; from < cube.written; from += PIXELS_PER_TASK) {
        await nextMessageTask();
        if (cancelled) return;
        biasSliceRows(cube, index, { centre, halfWidth }, values, from, from + PIXELS_PER_TASK);
      }
      if (!cancelled) setDone({ cube, index, centre, halfWidth, values });
    })();
    return () => {
      cancelled = true;
    };
  }, [cube, index, centre, halfWidth]);
  const slice = done && done.cube === cube && done.index === index ? done : null;
  const pending =
    wanted !== null && (slice === null || slice.centre !== centre || slice.halfWidth !== halfWidth);
  return { slice, pending };
}
