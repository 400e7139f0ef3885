// Tip positions in a frame as markers: one per file, sweep (and grid point), at the forward
// sweep's position, carrying the ids of every sweep taken there (backward included) so a label
// set on the marker labels them all.
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
