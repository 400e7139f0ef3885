// What the image-levelling worker exposes through comlink: an image's pixels levelled by one
// method (src/shared/image/levelImage.ts), as Float32Array in the channel's unit, transferred
// back. The robust plane fit takes 60–140 ms on 256 × 256, so it never runs on the UI thread.
// Pure: runs in a Web Worker (levelImageWorker.ts) and directly (tests).
import { transfer } from 'comlink';
import { levelImage } from '../shared/image/levelImage.ts';
import type { LevellingMethod } from '../shared/image/types.ts';

export const levelImageWorkerApi = {
  /** `data` row-major (row 0 at the top), `width` × `height`; NaN pixels stay NaN. */
  level(data: Float32Array, width: number, height: number, method: LevellingMethod): Float32Array {
    const out = Float32Array.from(levelImage({ data, width, height }, method));
    return transfer(out, [out.buffer]);
  },
};

export type LevelImageWorkerApi = typeof levelImageWorkerApi;
