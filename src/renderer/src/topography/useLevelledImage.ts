// The picked image's pixels, levelled in a Web Worker (src/workers/levelImageWorker.ts): the
// robust plane fit takes 60–140 ms on 256 × 256, far over a frame, so the UI thread never runs it.
// One worker per mounted view, started on first use; a newer request makes an older result moot.
import { useEffect, useRef, useState } from 'react';
import { wrap } from 'comlink';
import type { Remote } from 'comlink';
import type { LevellingMethod } from '../../../shared/image/types.ts';
import type { ImagePixels } from '../../../shared/model/library.ts';
import type { LevelImageWorkerApi } from '../../../workers/levelImageApi.ts';
import { getApi } from '../api.ts';

export interface LevelledImage {
  pixels: ImagePixels;
  method: LevellingMethod;
  /** Levelled values in the channel's unit, row-major, row 0 at the top. */
  data: Float32Array;
}

interface LevelWorker {
  api: Remote<LevelImageWorkerApi>;
  terminate(): void;
}

function startLevelWorker(): LevelWorker {
  const worker = new Worker(new URL('../../../workers/levelImageWorker.ts', import.meta.url), {
    type: 'module',
  });
  return { api: wrap<LevelImageWorkerApi>(worker), terminate: () => worker.terminate() };
}

async function level(
  worker: LevelWorker,
  pixels: ImagePixels,
  method: LevellingMethod,
): Promise<Float32Array> {
  if (method === 'none') return pixels.data;
  const { width, height } = pixels.row;
  // Copied, not transferred: the raw pixels stay with the view.
  return worker.api.level(pixels.data, width, height, method);
}

export function useLevelledImage(imageId: number | null, method: LevellingMethod) {
  /** The last image loaded: shown only while it is the one asked for. */
  const [loaded, setLoaded] = useState<ImagePixels | null>(null);
  const pixels = loaded !== null && loaded.row.id === imageId ? loaded : null;
  const [levelled, setLevelled] = useState<LevelledImage | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (imageId === null) return;
    let current = true;
    getApi()
      .getImage({ id: imageId })
      .then(
        (image) => current && setLoaded(image),
        (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
      );
    return () => {
      current = false;
    };
  }, [imageId]);

  const worker = useRef<LevelWorker | null>(null);
  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = null;
    },
    [],
  );

  useEffect(() => {
    if (!pixels) return;
    let current = true;
    worker.current ??= startLevelWorker();
    level(worker.current, pixels, method).then(
      (data) => current && setLevelled({ pixels, method, data }),
      (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)),
    );
    return () => {
      current = false;
    };
  }, [pixels, method]);

  // While another levelling of the same image is computed, the previous one stays on screen.
  const shown = levelled && levelled.pixels === pixels ? levelled : null;
  return { pixels, levelled: shown, busy: pixels !== null && shown?.method !== method, error };
}
