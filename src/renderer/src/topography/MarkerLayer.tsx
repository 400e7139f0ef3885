// Tip-position markers drawn over the image in screen coordinates (constant size at any zoom),
// coloured by label; unlabelled ones as a grey outline. Selected markers get a white-and-black ring,
// a suggested label (not yet accepted) a dashed ring in its colour. The ×n count of a stacked spot
// is drawn beneath every marker, so it never hides a neighbour.
import type { PositionSuggestion } from '../../../shared/image/classifyPositions.ts';
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
  suggested,
  interactive,
  onPick,
  onHover,
}: {
  points: ReadonlyArray<{ marker: TopoMarker; x: number; y: number }>;
  /** The markers on each marker's spot (repeated sweeps stack there). */
  spots: ReadonlyMap<string, readonly TopoMarker[]>;
  labels: readonly LabelRow[];
  selected: ReadonlySet<string>;
  /** Suggested labels by marker key (Suggest labels), drawn where they differ from the label. */
  suggested: ReadonlyMap<string, PositionSuggestion> | null;
  /** Markers take clicks (pan, select and box tools); otherwise presses go to the gesture below. */
  interactive: boolean;
  onPick(key: string, toggle: boolean): void;
  onHover(key: string | null): void;
}) {
  const stacks = points.flatMap(({ marker, x, y }) => {
    const spot = spots.get(marker.key) ?? [marker];
    // The count of a stacked spot is drawn once, for its topmost (last drawn) marker.
    return spot.at(-1) === marker && spot.length > 1 ? [{ key: marker.key, x, y, count: spot.length }] : [];
  });
  return (
    <g>
      <g pointerEvents="none">
        {stacks.map(({ key, x, y, count }) => (
          <text key={key} className="topo-stack" x={x + RADIUS + 1.5} y={y - RADIUS + 1}>
            ×{count}
          </text>
        ))}
      </g>
      {points.map(({ marker, x, y }) => {
        const colour = labelColour(marker.label, labels);
        const isSelected = selected.has(marker.key);
        const suggestion = suggested?.get(marker.key);
        const pending = suggestion && suggestion.label !== null && suggestion.label !== marker.label;
        return (
          <g
            key={marker.key}
            data-testid="topo-marker"
            data-label={marker.label ?? ''}
            data-suggested={suggestion ? (suggestion.label ?? '') : undefined}
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
            {pending && (
              <circle
                r={RADIUS + 2.2}
                className="topo-suggested-ring"
                stroke={labelColour(suggestion.label, labels)}
              />
            )}
            {marker.label === null ? (
              <circle r={RADIUS} fill="rgba(0,0,0,0.15)" stroke={colour} strokeWidth={1.8} />
            ) : (
              <circle r={RADIUS} fill={colour} stroke="#fff" strokeWidth={1.2} />
            )}
          </g>
        );
      })}
    </g>
  );
}
