// Draws the colourised image into the viewport's canvas at the current zoom, nearest-neighbour so
// every scan pixel stays a sharp square. The colourised pixels live in an offscreen canvas of the
// scan's own size; only the zoomed copy is redrawn on pan and zoom.
import { useEffect, useMemo, useRef } from 'react';
import { colourise } from '../lib/contrast.ts';
import type { Range } from './contrastRange.ts';
import type { ViewTransform, ViewportSize } from './viewTransform.ts';

export function useImageCanvas({
  data,
  width,
  height,
  range,
  table,
  transform,
  size,
}: {
  data: Float32Array | null;
  /** Scan pixels. */
  width: number;
  height: number;
  range: Range | null;
  table: Uint8Array;
  transform: ViewTransform;
  size: ViewportSize;
}) {
  const canvas = useRef<HTMLCanvasElement>(null);

  const offscreen = useMemo(() => {
    if (!data || !range || data.length !== width * height) return null;
    const element = document.createElement('canvas');
    element.width = width;
    element.height = height;
    element.getContext('2d')?.putImageData(new ImageData(colourise(data, range, table), width, height), 0, 0);
    return element;
  }, [data, width, height, range, table]);

  useEffect(() => {
    const element = canvas.current;
    if (!element) return;
    const ratio = window.devicePixelRatio || 1;
    const pixelWidth = Math.round(size.width * ratio);
    const pixelHeight = Math.round(size.height * ratio);
    if (element.width !== pixelWidth) element.width = pixelWidth;
    if (element.height !== pixelHeight) element.height = pixelHeight;
    const context = element.getContext('2d');
    if (!context) return;
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.clearRect(0, 0, size.width, size.height);
    if (!offscreen) return;
    context.imageSmoothingEnabled = false;
    context.drawImage(
      offscreen,
      transform.tx,
      transform.ty,
      size.width * transform.scale,
      size.height * transform.scale,
    );
  }, [offscreen, transform, size]);

  return canvas;
}
