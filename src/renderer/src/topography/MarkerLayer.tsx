// Tip-position markers drawn over the image in screen coordinates (constant size at any zoom),
// coloured by label; unlabelled ones as a grey outline. Selected markers get a white-and-black ring.
import type { LabelRow } from '../../../shared/model/library.ts';
import { labelColour } from './labelColours.ts';
import type { TopoMarker } from './markers.ts';

/** Marker radius, CSS px. */
const RADIUS = 4.5;

export function MarkerLayer({
  points,
  spots,
  labels,
  selected,
  interactive,
  onPick,
  onHover,
}: {
  points: ReadonlyArray<{ marker: TopoMarker; x: number; y: number }>;
  /** The markers on each marker's spot (repeated sweeps stack there). */
  spots: ReadonlyMap<string, readonly TopoMarker[]>;
  labels: readonly LabelRow[];
  selected: ReadonlySet<string>;
  /** Markers take clicks (pan, select and box tools); otherwise presses go to the gesture below. */
  interactive: boolean;
  onPick(key: string, toggle: boolean): void;
  onHover(key: string | null): void;
}) {
  return (
    <g>
      {points.map(({ marker, x, y }) => {
        const colour = labelColour(marker.label, labels);
        const isSelected = selected.has(marker.key);
        const spot = spots.get(marker.key) ?? [marker];
        // The count of a stacked spot is drawn once, on its topmost (last drawn) marker.
        const stackCount = spot.at(-1) === marker && spot.length > 1 ? spot.length : 0;
        return (
          <g
            key={marker.key}
            data-testid="topo-marker"
            data-label={marker.label ?? ''}
            data-selected={isSelected}
            data-key={marker.key}
            data-file={marker.row.fileName}
            className="topo-marker"
            transform={`translate(${x} ${y})`}
            onPointerDown={(e) => {
              if (!interactive || e.button !== 0) return;
              e.stopPropagation();
              onPick(marker.key, e.shiftKey || e.ctrlKey || e.metaKey);
            }}
            onPointerEnter={() => onHover(marker.key)}
            onPointerLeave={() => onHover(null)}
          >
            {isSelected && (
              <>
                <circle r={RADIUS + 4} fill="none" stroke="#000" strokeWidth={3.5} />
                <circle r={RADIUS + 4} fill="none" stroke="#fff" strokeWidth={2} />
              </>
            )}
            {marker.label === null ? (
              <circle r={RADIUS} fill="rgba(0,0,0,0.15)" stroke={colour} strokeWidth={1.8} />
            ) : (
              <circle r={RADIUS} fill={colour} stroke="#fff" strokeWidth={1.2} />
            )}
            {stackCount > 0 && (
              <text className="topo-stack" x={RADIUS + 2} y={-RADIUS + 1}>
                ×{stackCount}
              </text>
            )}
          </g>
        );
      })}
    </g>
  );
}
