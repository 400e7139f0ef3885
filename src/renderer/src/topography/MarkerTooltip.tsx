// What a marker stands for: file, sweep, label, tip position.
import type { ImageFrame } from '../../../shared/formats/types.ts';
import { formatSi } from '../lib/axisKit.ts';
import type { TopoMarker } from './markers.ts';
import type { ViewportSize } from './viewTransform.ts';

export function MarkerTooltip({
  marker,
  spot,
  x,
  y,
  size,
  frame,
}: {
  marker: TopoMarker;
  /** Every marker on this spot (repeated sweeps), the hovered one included. */
  spot: readonly TopoMarker[];
  /** Marker position in the viewport, CSS px. */
  x: number;
  y: number;
  size: ViewportSize;
  frame: ImageFrame;
}) {
  const { row } = marker;
  // Keep the tooltip inside the viewport: flip to the left / above near the right / bottom edge.
  const style = {
    ...(x > size.width - 220 ? { right: size.width - x + 10 } : { left: x + 10 }),
    ...(y > size.height - 90 ? { bottom: size.height - y + 10 } : { top: y + 10 }),
  };
  return (
    <div className="topo-tooltip" style={style} data-testid="topo-tooltip">
      <strong>{row.fileName}</strong>
      <div>
        sweep {row.sweep}
        {row.gridIndex !== null ? ` · grid point ${row.gridIndex}` : ''} ·{' '}
        {marker.ids.length === 1 ? '1 spectrum' : `${marker.ids.length} spectra (fwd + bwd)`}
      </div>
      <div>label: {marker.label ?? <em>none</em>}</div>
      {spot.length > 1 && (
        <div>
          {spot.length} sweeps on this spot (a click selects them all):{' '}
          {spot.map((m) => `${m.row.fileName} #${m.row.sweep}`).join(', ')}
        </div>
      )}
      <div className="note">
        x {formatSi(row.x, 'm', 5)} · y {formatSi(row.y, 'm', 5)}
        {frame.angleDeg ? ` · frame ${frame.angleDeg}°` : ''}
      </div>
    </div>
  );
}
