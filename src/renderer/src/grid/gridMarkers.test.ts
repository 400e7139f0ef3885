// Grid pixels on the topography: each pixel its own marker and spot however close the pixels
// (0.17 nm apart on the real lock-in grid, under the 0.5 nm spot radius), while repeated sweeps of
// a point spectrum at one position still stack.
import { describe, expect, it } from 'vitest';
import type { SpectrumRow } from '../../../shared/model/library.ts';
import { groupMarkers, spotsOf } from '../topography/markers.ts';

const frame = { centreX: 0, centreY: 0, width: 10e-9, height: 10e-9, angleDeg: 0 };

function row(id: number, fileId: number, gridIndex: number | null, x: number, sweep = 1): SpectrumRow {
  return {
    id,
    fileId,
    fileName: `f${fileId}`,
    index: id,
    sweep,
    isAverage: false,
    direction: 'forward',
    gridIndex,
    points: 10,
    biasMin: -1,
    biasMax: 1,
    x,
    y: 0,
    z: null,
    acquiredAt: null,
    channels: [],
    label: null,
  };
}

describe('grid pixels as topography spots', () => {
  it('pixels 0.17 nm apart are separate spots; two sweeps of one point spectrum stack', () => {
    const pixels = Array.from({ length: 6 }, (_, k) => row(k + 1, 1, k, k * 0.17e-9));
    const point = [row(10, 2, null, 3e-9, 1), row(11, 2, null, 3e-9, 2)];
    const markers = groupMarkers([...pixels, ...point], frame);
    expect(markers).toHaveLength(8);
    const spots = spotsOf(markers);
    for (const m of markers.filter((m) => m.row.gridIndex !== null)) expect(spots.get(m.key)).toEqual([m]);
    const stacked = markers.filter((m) => m.row.gridIndex === null);
    expect(spots.get(stacked[0]!.key)).toHaveLength(2);
  });
});
