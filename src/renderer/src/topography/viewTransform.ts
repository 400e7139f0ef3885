// Zoom and pan of the image viewport. The image fills a W × H box (CSS px) at scale 1; a frame
// point (u, v) ∈ [0, 1]² appears at (tx + u·W·scale, ty + v·H·scale).
export interface ViewTransform {
  scale: number;
  /** Offset of the image's top-left corner from the viewport's, CSS px. */
  tx: number;
  ty: number;
}

export interface ViewportSize {
  /** CSS px. */
  width: number;
  height: number;
}

export const IDENTITY: ViewTransform = { scale: 1, tx: 0, ty: 0 };

/** Keeps the viewport covered by the image: no panning past its edges, no zooming out below 1. */
export function clampTransform(t: ViewTransform, size: ViewportSize, maxScale: number): ViewTransform {
  const scale = Math.min(Math.max(t.scale, 1), maxScale);
  const minTx = size.width - size.width * scale;
  const minTy = size.height - size.height * scale;
  return {
    scale,
    tx: Math.min(0, Math.max(minTx, t.tx)),
    ty: Math.min(0, Math.max(minTy, t.ty)),
  };
}

/** Zooms by `factor` keeping the image point under (cx, cy) (CSS px in the viewport) in place. */
export function zoomAbout(
  t: ViewTransform,
  factor: number,
  cx: number,
  cy: number,
  size: ViewportSize,
  maxScale: number,
): ViewTransform {
  const scale = Math.min(Math.max(t.scale * factor, 1), maxScale);
  const applied = scale / t.scale;
  return clampTransform(
    { scale, tx: cx - (cx - t.tx) * applied, ty: cy - (cy - t.ty) * applied },
    size,
    maxScale,
  );
}

export function toScreen(
  t: ViewTransform,
  size: ViewportSize,
  u: number,
  v: number,
): { x: number; y: number } {
  return { x: t.tx + u * size.width * t.scale, y: t.ty + v * size.height * t.scale };
}

export function toFrame(
  t: ViewTransform,
  size: ViewportSize,
  x: number,
  y: number,
): { u: number; v: number } {
  return { u: (x - t.tx) / (size.width * t.scale), v: (y - t.ty) / (size.height * t.scale) };
}
