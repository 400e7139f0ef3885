// Grids of the image's session drawn on the topography in their true place: each grid's frame
// (centre, size, angle) as an outline, a tick at its first (column 0, row 0) corner, and a dot at
// the centre of every measured pixel (an aborted grid shows only what it measured).
import { useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import type { GridFrameRow } from '../../../shared/api/contract.ts';
import type { ImageFrame } from '../../../shared/formats/types.ts';
import { gridOverlayOnImage } from '../../../shared/grid/gridRegistration.ts';
import { getApi } from '../api.ts';
import { queryKeys } from '../data/queryClient.ts';

const NO_GRIDS: GridFrameRow[] = [];

/** The grids of the image's session (none while loading or when the image has no session). */
export function useGridFrames(imageId: number | null): GridFrameRow[] {
  const { data } = useQuery({
    queryKey: queryKeys.gridFrames(imageId ?? -1),
    queryFn: async () => (await getApi().listGridFrames({ imageId: imageId as number })).rows,
    enabled: imageId !== null,
  });
  return imageId === null ? NO_GRIDS : (data ?? NO_GRIDS);
}

/** Dot radius, CSS px: small enough for 256 pixels across a 600 px view not to merge. */
const DOT = 1.6;

export function GridFrameLayer({
  grids,
  imageFrame,
  project,
}: {
  grids: readonly GridFrameRow[];
  imageFrame: ImageFrame;
  project(u: number, v: number): { x: number; y: number };
}) {
  const overlays = useMemo(
    () =>
      grids.map((g) => ({
        grid: g,
        overlay: gridOverlayOnImage(imageFrame, g.frame, g.pointsX, g.pointsY, g.written),
      })),
    [grids, imageFrame],
  );
  return (
    <g className="grid-frame-layer" pointerEvents="none">
      {overlays.map(({ grid, overlay }) => {
        const corners = overlay.corners.map((c) => project(c.u, c.v));
        // One path of zero-length segments with round caps: a dot per pixel, one DOM node.
        let dots = '';
        for (let p = 0; p < overlay.u.length; p++) {
          const at = project(overlay.u[p]!, overlay.v[p]!);
          dots += `M${at.x.toFixed(1)} ${at.y.toFixed(1)}h0`;
        }
        // The name above the frame's topmost point, centred on it (stays over the frame at any angle).
        const top = Math.min(...corners.map((c) => c.y));
        const topmost = corners.filter((c) => c.y - top < 0.5);
        const label = { x: topmost.reduce((sum, c) => sum + c.x, 0) / topmost.length, y: top };
        return (
          <g
            key={grid.fileId}
            data-testid="topo-grid-frame"
            data-grid={grid.name}
            data-angle={grid.frame.angleDeg}
            data-pixels={overlay.u.length}
          >
            <polygon
              points={corners.map((c) => `${c.x},${c.y}`).join(' ')}
              fill="none"
              stroke="#fff"
              strokeWidth={3}
            />
            <polygon
              points={corners.map((c) => `${c.x},${c.y}`).join(' ')}
              fill="none"
              stroke="#e6194b"
              strokeWidth={1.5}
            />
            <path d={dots} stroke="#e6194b" strokeWidth={DOT * 2} strokeLinecap="round" opacity={0.85} />
            <circle cx={corners[0]!.x} cy={corners[0]!.y} r={4} fill="#e6194b" stroke="#fff" />
            <text
              className="grid-frame-name"
              x={label.x}
              y={Math.max(14, label.y - 6)}
              textAnchor="middle"
              fill="#e6194b"
              stroke="#fff"
              strokeWidth={3}
              paintOrder="stroke"
            >
              {grid.name} · {grid.written}/{grid.pointsX * grid.pointsY} px · {grid.frame.angleDeg}°
            </text>
          </g>
        );
      })}
    </g>
  );
}
