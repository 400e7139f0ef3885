// One entry point for a Z image and the tip positions on it: segment the particles, then suggest
// a label for every position. Pure; the renderer runs it in a worker, the CLI in-process.
import type { ImageFrame } from '../formats/types.ts';
import type { ClassifyParams } from './classifyParams.ts';
import { scanPositionOf, suggestLabelAt } from './classifyPositions.ts';
import type { PositionSuggestion } from './classifyPositions.ts';
import { segmentParticles } from './segmentParticles.ts';
import type { ParticleKind } from './segmentParticles.ts';
import type { ScalarImage } from './types.ts';

export interface ClassifiedParticle {
  kind: ParticleKind;
  kindConfidence: number;
  /** Centroid at half height in scan coordinates, metres; area at half height, m². */
  centre: { x: number; y: number };
  area: number;
  /** Plateau heights above the local substrate, metres (core null for core-only). */
  outerLevel: number;
  coreLevel: number | null;
  /** Outline segments [xa, ya, xb, yb]… in pixel coordinates (pixel centres at integers). */
  outline: number[];
  coreOutline: number[];
}

export interface ImageClassification {
  particles: ClassifiedParticle[];
  suggestions: PositionSuggestion[];
}

export function classifyImage(
  image: ScalarImage,
  frame: ImageFrame,
  positions: ReadonlyArray<{ x: number; y: number }>,
  params: ClassifyParams,
): ImageClassification {
  const segmentation = segmentParticles(
    image,
    frame.width / image.width,
    frame.height / image.height,
    params,
  );
  return {
    particles: segmentation.particles.map((p) => ({
      kind: p.kind,
      kindConfidence: p.kindConfidence,
      centre: scanPositionOf(frame, image.width, image.height, p.centreX, p.centreY),
      area: p.area,
      outerLevel: p.outerLevel,
      coreLevel: p.coreLevel,
      outline: p.outline,
      coreOutline: p.coreOutline,
    })),
    suggestions: positions.map((position) =>
      suggestLabelAt(segmentation, frame, position.x, position.y, params),
    ),
  };
}
