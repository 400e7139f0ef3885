// The picked image's pixels, levelled. Up to 512 × 512 pixels are levelled at once; larger images
// in bands of rows with a yield to the event loop between bands, so the UI stays responsive, and
// a newer request abandons an older one.
import { useEffect, useState } from 'react';
import { levelRows, planLevelling } from '../../../shared/image/levelImage.ts';
import type { LevellingMethod } from '../../../shared/image/types.ts';
import type { ImagePixels } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';

/** Pixels levelled without yielding: 512 × 512. */
const AT_ONCE = 512 * 512;
/** Pixels per band for larger images (a few ms each). */
const BAND = 128 * 1024;

export interface LevelledImage {
  pixels: ImagePixels;
  method: LevellingMethod;
  /** Levelled values in the channel's unit, row-major, row 0 at the top. */
  data: Float32Array;
}

const nextTask = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 0));

async function level(
  pixels: ImagePixels,
  method: LevellingMethod,
  cancelled: () => boolean,
): Promise<Float32Array | null> {
  const { width, height } = pixels.row;
  if (method === 'none') return pixels.data;
  const image = { data: pixels.data, width, height };
  const plan = planLevelling(image, method);
  const out = new Float64Array(width * height);
  const rowsPerBand = width * height <= AT_ONCE ? height : Math.max(1, Math.floor(BAND / width));
  for (let row = 0; row < height; row += rowsPerBand) {
    levelRows(image, plan, out, row, row + rowsPerBand);
    if (rowsPerBand < height) {
      await nextTask();
      if (cancelled()) return null;
    }
  }
  return Float32Array.from(out);
}

export function useLevelledImage(imageId: number | null, method: LevellingMethod) {
  const [pixels, setPixels] = useState<ImagePixels | null>(null);
  const [levelled, setLevelled] = useState<LevelledImage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (imageId === null) {
      setPixels(null);
      return;
    }
    let current = true;
    getApi()
      .getImage({ id: imageId })
      .then(
        (image) => current && setPixels(image),
        (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      current = false;
    };
  }, [imageId]);

  useEffect(() => {
    if (!pixels) return;
    let current = true;
    void level(pixels, method, () => !current).then((data) => {
      if (current && data) setLevelled({ pixels, method, data });
    });
    return () => {
      current = false;
    };
  }, [pixels, method]);

  // While another levelling of the same image is computed, the previous one stays on screen.
  const shown = levelled && levelled.pixels === pixels ? levelled : null;
  return { pixels, levelled: shown, busy: pixels !== null && shown?.method !== method, error };
}
