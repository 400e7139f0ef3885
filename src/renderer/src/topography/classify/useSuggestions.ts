// "Suggest labels": the scan's Z image (same direction as shown, else forward) classified in a
// worker, with a suggested label for every marker. Suggestions belong to one image and one set of
// markers; picking another scan drops them.
import { wrap } from 'comlink';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ImageClassification } from '../../../../shared/image/classifyImage.ts';
import { DEFAULT_CLASSIFY_PARAMS } from '../../../../shared/image/classifyParams.ts';
import type { PositionSuggestion } from '../../../../shared/image/classifyPositions.ts';
import type { ImageRow } from '../../../../shared/model/library.ts';
import { getApi } from '../../api.ts';
import type { TopoMarker } from '../markers.ts';
import type { ClassifyWorkerApi } from './classifyWorker.ts';

export interface Suggestions {
  /** The Z image the suggestions were read from. */
  imageId: number;
  imageName: string;
  particles: ImageClassification['particles'];
  /** Suggested label per marker key. */
  byMarker: ReadonlyMap<string, PositionSuggestion>;
  /** Z image size, pixels: outlines are in its pixel coordinates. */
  width: number;
  height: number;
}

/** The Z image of a scan: the shown direction if it has one, else the forward scan. */
export function topographyOf(images: readonly ImageRow[], direction: string | null): ImageRow | null {
  const z = images.filter((i) => i.channel.toLowerCase() === 'z' && i.unit === 'm');
  return z.find((i) => i.direction === direction) ?? z.find((i) => i.direction === 'forward') ?? z[0] ?? null;
}

export function useSuggestions(topography: ImageRow | null, markers: readonly TopoMarker[]) {
  const [suggestions, setSuggestions] = useState<Suggestions | null>(null);
  /** The Z image being classified, if any. */
  const [busyFor, setBusyFor] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const request = useRef(0);
  const topographyId = topography?.id ?? null;

  // Another scan or direction: a classification still running answers for the old image; drop it.
  useEffect(() => {
    request.current++;
  }, [topographyId]);

  const suggest = useCallback(async () => {
    if (!topography) return;
    const mine = ++request.current;
    const id = topography.id;
    setBusyFor(id);
    setError(null);
    const worker = new Worker(new URL('./classifyWorker.ts', import.meta.url), { type: 'module' });
    try {
      const { row, data } = await getApi().getImage({ id: topography.id });
      const positions = markers.map((m) => ({ x: m.row.x ?? Number.NaN, y: m.row.y ?? Number.NaN }));
      const api = wrap<ClassifyWorkerApi>(worker);
      const result = await api.classifyImage(
        { data, width: row.width, height: row.height },
        row.frame,
        positions,
        DEFAULT_CLASSIFY_PARAMS,
      );
      if (mine !== request.current) return;
      setSuggestions({
        imageId: row.id,
        imageName: row.fileName,
        particles: result.particles,
        byMarker: new Map(markers.map((m, k) => [m.key, result.suggestions[k] as PositionSuggestion])),
        width: row.width,
        height: row.height,
      });
    } catch (e) {
      if (mine === request.current) setError(e instanceof Error ? e.message : String(e));
    } finally {
      worker.terminate();
      setBusyFor((b) => (b === id ? null : b));
    }
  }, [topography, markers]);

  const clear = useCallback(() => {
    request.current++;
    setSuggestions(null);
  }, []);

  // Suggestions and progress belong to one Z image: another one shown hides them.
  return {
    suggestions: suggestions?.imageId === topographyId ? suggestions : null,
    busy: busyFor !== null && busyFor === topographyId,
    error,
    suggest,
    clear,
  };
}
