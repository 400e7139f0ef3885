import { describe, expect, it } from 'vitest';
import type { SpectrumRow } from '../../../shared/model/library.ts';
import { groupMarkers, idsOfMarkers, spotsOf } from './markers.ts';

const frame = { centreX: 0, centreY: 0, width: 100e-9, height: 100e-9, angleDeg: 0 };

function row(
  id: number,
  fileId: number,
  sweep: number,
  direction: 'forward' | 'backward',
  x: number,
  y: number,
): SpectrumRow {
  return {
    id,
    fileId,
    fileName: `f${fileId}.dat`,
    index: id,
    sweep,
    isAverage: false,
    direction,
    gridIndex: null,
    points: 10,
    biasMin: -1,
    biasMax: 1,
    x,
    y,
    z: null,
    acquiredAt: null,
    channels: [],
    label: direction === 'forward' ? 'core' : null,
  };
}

describe('groupMarkers', () => {
  const rows = [
    row(1, 1, 1, 'forward', 0, 0),
    row(2, 1, 1, 'backward', 0, 0),
    row(3, 1, 2, 'forward', 0, 0),
    row(4, 1, 2, 'backward', 0, 0),
    row(5, 2, 1, 'backward', 10e-9, 20e-9),
    row(6, 2, 1, 'forward', 10e-9, 20e-9),
    row(7, 3, 1, 'forward', 0.3e-9, 0),
    row(8, 4, 1, 'forward', 30e-9, 0),
  ];
  const markers = groupMarkers(rows, frame);

  it('one marker per file and sweep, at the forward sweep, with both directions', () => {
    expect(markers.map((m) => m.ids)).toEqual([[1, 2], [3, 4], [5, 6], [7], [8]]);
    expect(markers[2]?.row.id).toBe(6);
    expect(markers[2]?.u).toBeCloseTo(0.6, 12);
    expect(markers[2]?.v).toBeCloseTo(0.3, 12);
    expect(markers[0]?.label).toBe('core');
  });

  it('ids of selected markers', () => {
    expect(idsOfMarkers(markers, new Set(['1:1:', '2:1:']))).toEqual([1, 2, 5, 6]);
  });

  it('repeated sweeps and files within 0.5 nm form one spot', () => {
    const spots = spotsOf(markers);
    expect(spots.get('1:1:')?.map((m) => m.key)).toEqual(['1:1:', '1:2:', '3:1:']);
    expect(spots.get('3:1:')).toBe(spots.get('1:1:'));
    expect(spots.get('4:1:')?.length).toBe(1);
  });
});
