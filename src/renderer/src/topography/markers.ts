// Tip positions in a frame as markers: one per file, sweep (and grid point), at the forward
// sweep's position, carrying the ids of every sweep taken there (backward included) so a label
// set on the marker labels them all.
import { mayContinueSeries } from '../../../shared/analysis/detectSeries.ts';
import { frameToLocal } from '../../../shared/geometry/frameToLocal.ts';
import type { ImageFrame } from '../../../shared/formats/types.ts';
import type { SpectrumRow } from '../../../shared/model/library.ts';

export interface TopoMarker {
  key: string;
  /** The forward sweep (or the first sweep when the file has no forward one). */
  row: SpectrumRow;
  /** Every spectrum at this tip position and sweep. */
  ids: number[];
  /** Position in the frame: 0…1 left → right, top → bottom. */
  u: number;
  v: number;
  label: string | null;
}

function markerKey(row: SpectrumRow): string {
  return `${row.fileId}:${row.sweep}:${row.gridIndex ?? ''}`;
}

export function groupMarkers(rows: readonly SpectrumRow[], frame: ImageFrame): TopoMarker[] {
  const byKey = new Map<string, SpectrumRow[]>();
  for (const row of rows) {
    if (row.x === null || row.y === null) continue;
    const key = markerKey(row);
    const list = byKey.get(key);
    if (list) list.push(row);
    else byKey.set(key, [row]);
  }
  return [...byKey.entries()].map(([key, list]) => {
    const row = list.find((r) => r.direction === 'forward') ?? (list[0] as SpectrumRow);
    const { u, v } = frameToLocal(frame, row.x ?? 0, row.y ?? 0);
    return { key, row, ids: list.map((r) => r.id), u, v, label: row.label };
  });
}

/** Spectrum ids of the given markers, each once. */
export function idsOfMarkers(markers: readonly TopoMarker[], keys: ReadonlySet<string>): number[] {
  return [...new Set(markers.filter((m) => keys.has(m.key)).flatMap((m) => m.ids))];
}

/** Tip positions closer than this are one spot (the series radius of STS-ANALYSIS.md), metres. */
export const SPOT_RADIUS = 0.5e-9;

/**
 * Markers on one spot (repeated sweeps of a file, or consecutive files at one position) stack
 * exactly on screen: groups them, so a click takes the whole spot. Greedy, by a grid hash of
 * SPOT_RADIUS cells: each marker joins the first earlier spot within SPOT_RADIUS of it.
 */
export function spotsOf(markers: readonly TopoMarker[]): Map<string, TopoMarker[]> {
  const cell = (value: number): number => Math.floor(value / SPOT_RADIUS);
  const grid = new Map<string, TopoMarker[][]>();
  const spotOf = new Map<string, TopoMarker[]>();
  for (const marker of markers) {
    const x = marker.row.x ?? 0;
    const y = marker.row.y ?? 0;
    let spot: TopoMarker[] | undefined;
    for (let dx = -1; dx <= 1 && !spot; dx++) {
      for (let dy = -1; dy <= 1 && !spot; dy++) {
        spot = grid.get(`${cell(x) + dx},${cell(y) + dy}`)?.find((s) => {
          const first = s[0] as TopoMarker;
          // Grid pixels are spots of their own however close (detectSeries' rule).
          if (!mayContinueSeries(first.row, marker.row)) return false;
          return Math.hypot((first.row.x ?? 0) - x, (first.row.y ?? 0) - y) <= SPOT_RADIUS;
        });
      }
    }
    if (spot) spot.push(marker);
    else {
      spot = [marker];
      const key = `${cell(x)},${cell(y)}`;
      grid.set(key, [...(grid.get(key) ?? []), spot]);
    }
    spotOf.set(marker.key, spot);
  }
  return spotOf;
}
