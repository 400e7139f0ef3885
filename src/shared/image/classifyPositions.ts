// Tip positions on a segmented topography to suggested labels: `core` on a core-only platelet,
// `crown-centre` on the core of a core–crown platelet, `crown-edge` on its crown rim, null on the
// substrate or within the margin of an outline (undecided).
import { frameToLocal } from '../geometry/frameToLocal.ts';
import type { ImageFrame } from '../formats/types.ts';
import type { ClassifyParams } from './classifyParams.ts';
import { bilinearAt } from './sampleProfile.ts';
import type { Segmentation } from './segmentParticles.ts';

export const SUGGESTED_LABELS = ['core', 'crown-centre', 'crown-edge'] as const;
export type SuggestedLabel = (typeof SUGGESTED_LABELS)[number];

/** Where a point lies: a particle's region (by index) and level, or the substrate (particle −1). */
interface Place {
  particle: number;
  label: SuggestedLabel | null;
}

export interface PositionSuggestion {
  label: SuggestedLabel | null;
  /** 0 for undecided or off the image; otherwise how far from an outline and how clear the particle is, 0…1. */
  confidence: number;
  /** Particle index under the tip, −1 on the substrate or off the image. */
  particle: number;
  /** Why the label is null: on the substrate, near an outline, or outside the image. */
  reason: 'substrate' | 'undecided' | 'outside' | null;
}

const NM = 1e-9;
/** Points on each circle round the tip that must agree with it. */
const CIRCLE_POINTS = 16;
/** Circles at these multiples of the margin are searched for the nearest outline (confidence). */
const CONFIDENCE_RADII = [1, 1.5, 2, 3, 4];

function placeAt(segmentation: Segmentation, x: number, y: number): Place {
  const { surface, width, height, particles } = segmentation;
  const z = bilinearAt({ data: surface, width, height }, x, y);
  if (!Number.isFinite(z)) return { particle: -1, label: null };
  for (let index = 0; index < particles.length; index++) {
    const p = particles[index]!;
    const { box } = p;
    if (x < box.x0 - 0.5 || x > box.x1 + 0.5 || y < box.y0 - 0.5 || y > box.y1 + 0.5) continue;
    const h = z - p.base;
    if (h <= p.outerLevel / 2) continue;
    // The pixel nearest the point must belong to this particle (not a neighbour in its box).
    const nearest = segmentation.owner[Math.round(y) * width + Math.round(x)];
    if (nearest !== index && nearest !== -1) continue;
    if (p.coreLevel === null) return { particle: index, label: 'core' };
    return { particle: index, label: h > (p.outerLevel + p.coreLevel) / 2 ? 'crown-centre' : 'crown-edge' };
  }
  return { particle: -1, label: null };
}

const samePlace = (a: Place, b: Place): boolean => a.particle === b.particle && a.label === b.label;

/** Pixel coordinates (centres at integers) of a scan position, metres. */
export function pixelOf(
  frame: ImageFrame,
  width: number,
  height: number,
  x: number,
  y: number,
): { x: number; y: number } {
  const { u, v } = frameToLocal(frame, x, y);
  return { x: u * width - 0.5, y: v * height - 0.5 };
}

/** Scan position (metres) of pixel coordinates: the inverse of pixelOf. */
export function scanPositionOf(
  frame: ImageFrame,
  width: number,
  height: number,
  px: number,
  py: number,
): { x: number; y: number } {
  const theta = (frame.angleDeg * Math.PI) / 180;
  const localX = ((px + 0.5) / width - 0.5) * frame.width;
  const localY = (0.5 - (py + 0.5) / height) * frame.height;
  return {
    x: frame.centreX + localX * Math.cos(theta) + localY * Math.sin(theta),
    y: frame.centreY - localX * Math.sin(theta) + localY * Math.cos(theta),
  };
}

/** Suggested label of the tip at scan position (x, y), metres. */
export function suggestLabelAt(
  segmentation: Segmentation,
  frame: ImageFrame,
  x: number,
  y: number,
  params: ClassifyParams,
): PositionSuggestion {
  const { width, height, pixelWidth, pixelHeight, particles } = segmentation;
  const p = pixelOf(frame, width, height, x, y);
  if (!(p.x >= -0.5 && p.x <= width - 0.5 && p.y >= -0.5 && p.y <= height - 0.5))
    return { label: null, confidence: 0, particle: -1, reason: 'outside' };
  const centre = placeAt(segmentation, p.x, p.y);
  const margin = params.marginNm * NM;
  const differsOnCircle = (radius: number): boolean => {
    for (let k = 0; k < CIRCLE_POINTS; k++) {
      const angle = (2 * Math.PI * k) / CIRCLE_POINTS;
      const q = placeAt(
        segmentation,
        p.x + (radius * Math.cos(angle)) / pixelWidth,
        p.y + (radius * Math.sin(angle)) / pixelHeight,
      );
      if (!samePlace(q, centre)) return true;
    }
    return false;
  };
  if (margin > 0 && differsOnCircle(margin))
    return { label: null, confidence: 0, particle: centre.particle, reason: 'undecided' };
  if (centre.label === null) return { label: null, confidence: 0, particle: -1, reason: 'substrate' };
  // Distance to the nearest outline, in margins (the largest radius searched when none is near).
  const step = Math.max(margin, 0.25 * NM);
  const found = CONFIDENCE_RADII.find((r) => r > 1 && differsOnCircle(r * step));
  const distance = found ?? CONFIDENCE_RADII[CONFIDENCE_RADII.length - 1]!;
  const positional = Math.min(1, distance / CONFIDENCE_RADII[CONFIDENCE_RADII.length - 1]!);
  const kind = particles[centre.particle]!.kindConfidence;
  return { label: centre.label, confidence: positional * kind, particle: centre.particle, reason: null };
}
