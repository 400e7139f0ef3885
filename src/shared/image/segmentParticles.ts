// Particle segmentation of a Z image: core-only platelets (one plateau) and core–crown platelets
// (a crown plateau with a higher core plateau inside), on a substrate with a tilt and atomic
// steps. Heights in metres throughout; the settings come in nm (ClassifyParams).
//
// 1. Level: background plane fitted on the substrate (sigma-clipped), refitted once with the
//    particles found masked out.
// 2. Find: smooth (Gaussian, 1 px), keep connected regions higher than minHeight above the plane.
// 3. Measure each region against its own substrate: the median of the pixels around it (a step of
//    the substrate elsewhere in the frame does not shift it).
// 4. Levels: plateau pixels are those flatter than flatSlope; their heights fall in one cluster
//    (core-only) or two separated by at least levelStep (core–crown: crown and core).
// 5. Outlines: a platelet's where its height is half its outer level (the crown for core–crown);
//    a core's midway between crown and core levels.
import { medianInPlace } from '../analysis/quickselect.ts';
import type { ClassifyParams } from './classifyParams.ts';
import { contourSegments } from './contourSegments.ts';
import type { PixelBox } from './contourSegments.ts';
import { fitPlane, planeAt } from './fitPlane.ts';
import { fitPlaneRobust } from './fitPlaneRobust.ts';
import { gaussianSmooth, slopeMagnitude } from './smoothImage.ts';
import { assertScalarImage } from './types.ts';
import type { ScalarImage } from './types.ts';

export type ParticleKind = 'core-only' | 'core-crown';

export interface Particle {
  kind: ParticleKind;
  /** How clearly the levels say so, 0…1. */
  kindConfidence: number;
  /** Centroid of the half-height region, pixel coordinates (pixel centres at integers). */
  centreX: number;
  centreY: number;
  /** Area at half height, m² (pixel count × pixel area). */
  area: number;
  /** Local substrate level under the particle, metres (levelled image). */
  base: number;
  /** Plateau heights above `base`, metres: top of a core-only platelet, or crown and core. */
  outerLevel: number;
  coreLevel: number | null;
  /** Bounding box of the half-height region, with a margin: where the particle's field is read. */
  box: PixelBox;
  /** Outline segments [xa, ya, xb, yb]… in pixel coordinates: platelet and (core–crown) core. */
  outline: number[];
  coreOutline: number[];
}

export interface Segmentation {
  width: number;
  height: number;
  /** Pixel size, metres. */
  pixelWidth: number;
  pixelHeight: number;
  /** Levelled, smoothed heights, metres: the field the outlines and tip positions are read from. */
  surface: Float64Array;
  /** Particle index of each pixel inside a half-height outline, −1 elsewhere. */
  owner: Int32Array;
  particles: Particle[];
}

const NM = 1e-9;
/** Substrate ring around a particle, in pixels beyond its detection region. */
const RING_PIXELS = 6;
/** Detection regions are dilated by this many pixels before a ring is taken, to skip their feet. */
const FOOT_PIXELS = 3;
/** A core lies at least this far inside its platelet's outline, nm: beyond the blurred edge of a platelet, within a crown rim. */
const RIM_NM = 3;
/** Fraction of a core's pixels allowed within RIM_NM of the outline (a core touching the rim at a corner). */
const ENCLOSED_TOLERANCE = 0.1;

/** Connected regions (8-neighbour) of `mask`, as lists of pixel indices. */
function regions(mask: Uint8Array, width: number, height: number): number[][] {
  const seen = new Uint8Array(mask.length);
  const out: number[][] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || seen[start]) continue;
    const members: number[] = [];
    seen[start] = 1;
    stack.push(start);
    while (stack.length > 0) {
      const i = stack.pop() as number;
      members.push(i);
      const x = i % width;
      const y = (i - x) / width;
      for (let dy = -1; dy <= 1; dy++) {
        const yy = y + dy;
        if (yy < 0 || yy >= height) continue;
        for (let dx = -1; dx <= 1; dx++) {
          const xx = x + dx;
          if (xx < 0 || xx >= width) continue;
          const j = yy * width + xx;
          if (mask[j] && !seen[j]) {
            seen[j] = 1;
            stack.push(j);
          }
        }
      }
    }
    out.push(members);
  }
  return out;
}

function boxOf(members: number[], width: number, height: number, pad: number): PixelBox {
  let x0 = width;
  let y0 = height;
  let x1 = -1;
  let y1 = -1;
  for (const i of members) {
    const x = i % width;
    const y = (i - x) / width;
    if (x < x0) x0 = x;
    if (x > x1) x1 = x;
    if (y < y0) y0 = y;
    if (y > y1) y1 = y;
  }
  return {
    x0: Math.max(0, x0 - pad),
    y0: Math.max(0, y0 - pad),
    x1: Math.min(width - 1, x1 + pad),
    y1: Math.min(height - 1, y1 + pad),
  };
}

/** Pixels of `mask` grown by `radius` pixels (square neighbourhood). */
function dilate(mask: Uint8Array, width: number, height: number, radius: number): Uint8Array {
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    // Two sweeps per row: distance to the nearest set pixel on either side.
    let prev = -Infinity;
    for (let x = 0; x < width; x++) {
      if (mask[y * width + x]) prev = x;
      if (x - prev <= radius) rows[y * width + x] = 1;
    }
    let next = Infinity;
    for (let x = width - 1; x >= 0; x--) {
      if (mask[y * width + x]) next = x;
      if (next - x <= radius) rows[y * width + x] = 1;
    }
  }
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) {
    let prev = -Infinity;
    for (let y = 0; y < height; y++) {
      if (rows[y * width + x]) prev = y;
      if (y - prev <= radius) out[y * width + x] = 1;
    }
    let next = Infinity;
    for (let y = height - 1; y >= 0; y--) {
      if (rows[y * width + x]) next = y;
      if (next - y <= radius) out[y * width + x] = 1;
    }
  }
  return out;
}

/** z minus a plane, NaN kept. */
function subtractPlane(image: ScalarImage, plane: ReturnType<typeof fitPlane>): Float64Array {
  const { data, width, height } = image;
  const out = new Float64Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const z = data[y * width + x] as number;
      out[y * width + x] = plane ? z - planeAt(plane, x, y) : z;
    }
  }
  return out;
}

function detectionMask(surface: Float64Array, threshold: number): Uint8Array {
  const mask = new Uint8Array(surface.length);
  for (let i = 0; i < surface.length; i++) mask[i] = (surface[i] as number) > threshold ? 1 : 0;
  return mask;
}

function quantile(values: number[], q: number): number {
  const sorted = Float64Array.from(values).sort();
  if (sorted.length === 0) return Number.NaN;
  const position = q * (sorted.length - 1);
  const lo = Math.floor(position);
  const hi = Math.min(sorted.length - 1, lo + 1);
  return (sorted[lo] as number) + (position - lo) * ((sorted[hi] as number) - (sorted[lo] as number));
}

function median(values: number[]): number {
  return values.length === 0 ? Number.NaN : medianInPlace(Float64Array.from(values), values.length);
}

interface Levels {
  kind: ParticleKind;
  kindConfidence: number;
  outerLevel: number;
  coreLevel: number | null;
}

/** Plateau heights of one particle from its flat pixels (heights above its base, metres). */
function plateauLevels(
  flatHeights: number[],
  allHeights: number[],
  params: ClassifyParams,
  pixelArea: number,
): Levels {
  const levelStep = params.levelStepNm * NM;
  const minPlateau = Math.max(1, (params.minPlateauNm2 * NM * NM) / pixelArea);
  if (flatHeights.length < minPlateau) {
    // No plateau (a small or rounded particle): its top is its level.
    return { kind: 'core-only', kindConfidence: 0.5, outerLevel: quantile(allHeights, 0.9), coreLevel: null };
  }
  const top = quantile(flatHeights, 0.9);
  const lower = flatHeights.filter((h) => h < top - levelStep);
  const upper = flatHeights.filter((h) => h >= top - levelStep);
  if (lower.length >= minPlateau && upper.length >= minPlateau) {
    const crown = median(lower);
    const core = median(upper);
    const separation = (core - crown) / levelStep;
    return {
      kind: 'core-crown',
      kindConfidence: Math.min(1, separation / 2),
      outerLevel: crown,
      coreLevel: core,
    };
  }
  const level = median(upper);
  // Confidence falls as a lower plateau approaches the size that would make it a crown.
  return {
    kind: 'core-only',
    kindConfidence: 1 - 0.5 * Math.min(1, lower.length / minPlateau),
    outerLevel: level,
    coreLevel: null,
  };
}

/** Pixels reachable from `seeds` through pixels where `inside(i)` holds, 8-neighbour, within `box`. */
function grow(seeds: number[], inside: (i: number) => boolean, width: number, box: PixelBox): number[] {
  const seen = new Set<number>();
  const stack = seeds.filter(inside);
  for (const s of stack) seen.add(s);
  const out: number[] = [];
  while (stack.length > 0) {
    const i = stack.pop() as number;
    out.push(i);
    const x = i % width;
    const y = (i - x) / width;
    for (let dy = -1; dy <= 1; dy++) {
      const yy = y + dy;
      if (yy < box.y0 || yy > box.y1) continue;
      for (let dx = -1; dx <= 1; dx++) {
        const xx = x + dx;
        if (xx < box.x0 || xx > box.x1) continue;
        const j = yy * width + xx;
        if (!seen.has(j) && inside(j)) {
          seen.add(j);
          stack.push(j);
        }
      }
    }
  }
  return out;
}

/** Levelled surface and particle mask for a given background plane. */
function levelAndDetect(
  image: ScalarImage,
  plane: ReturnType<typeof fitPlane>,
  threshold: number,
): { surface: Float64Array; mask: Uint8Array } {
  const surface = gaussianSmooth(
    { data: subtractPlane(image, plane), width: image.width, height: image.height },
    1,
  );
  return { surface, mask: detectionMask(surface, threshold) };
}

/**
 * Segments the particles of a Z image (metres) with the given pixel size (metres). Pure: the same
 * image and settings give the same particles.
 */
export function segmentParticles(
  image: ScalarImage,
  pixelWidth: number,
  pixelHeight: number,
  params: ClassifyParams,
): Segmentation {
  assertScalarImage(image);
  const { width, height } = image;
  const pixelArea = pixelWidth * pixelHeight;
  const threshold = params.minHeightNm * NM;
  // Levelling: robust plane, then the plane of the substrate with the particles (and their feet) out.
  let { surface, mask } = levelAndDetect(image, fitPlaneRobust(image), threshold);
  const substrate = dilate(mask, width, height, FOOT_PIXELS).map((v) => (v ? 0 : 1));
  const refit = fitPlane(image, substrate);
  if (refit) ({ surface, mask } = levelAndDetect(image, refit, threshold));
  const feet = dilate(mask, width, height, FOOT_PIXELS);
  const slope = slopeMagnitude(surface, width, height, pixelWidth, pixelHeight);
  const owner = new Int32Array(width * height).fill(-1);
  const particles: Particle[] = [];
  /** Whether the pixels above `level` stay `rim` pixels (a disc) away from the region's border, mostly. */
  const coreIsEnclosed = (region: number[], base: number, level: number, rim: number): boolean => {
    const inRegion = new Set(region);
    let core = 0;
    let touching = 0;
    for (const i of region) {
      if ((surface[i] as number) - base <= level) continue;
      core++;
      const x = i % width;
      const y = (i - x) / width;
      let near = false;
      for (let dy = -rim; dy <= rim && !near; dy++) {
        for (let dx = -rim; dx <= rim && !near; dx++) {
          if (dx * dx + dy * dy > rim * rim) continue;
          const xx = x + dx;
          const yy = y + dy;
          near = xx < 0 || yy < 0 || xx >= width || yy >= height || !inRegion.has(yy * width + xx);
        }
      }
      if (near) touching++;
    }
    return core > 0 && touching <= ENCLOSED_TOLERANCE * core;
  };
  for (const members of regions(mask, width, height)) {
    const ring = boxOf(members, width, height, FOOT_PIXELS + RING_PIXELS);
    const around: number[] = [];
    for (let y = ring.y0; y <= ring.y1; y++) {
      for (let x = ring.x0; x <= ring.x1; x++) {
        const i = y * width + x;
        const z = surface[i] as number;
        if (!feet[i] && Number.isFinite(z)) around.push(z);
      }
    }
    const base = around.length >= 10 ? median(around) : 0;
    const heights = members.map((i) => (surface[i] as number) - base);
    const flat = members
      .filter((i) => (slope[i] as number) < params.flatSlope && (surface[i] as number) - base > threshold)
      .map((i) => (surface[i] as number) - base);
    const box = boxOf(members, width, height, FOOT_PIXELS + 2);
    const regionAt = (level: number): number[] =>
      grow(members, (i) => owner[i] === -1 && (surface[i] as number) - base > level, width, box);
    let levels = plateauLevels(flat, heights, params, pixelArea);
    let region = regionAt(levels.outerLevel / 2);
    if (levels.coreLevel !== null) {
      const rim = Math.max(1, Math.round((RIM_NM * NM) / Math.max(pixelWidth, pixelHeight)));
      if (!coreIsEnclosed(region, base, (levels.outerLevel + levels.coreLevel) / 2, rim)) {
        // Two levels side by side (a platelet across substrate steps), not a core inside a crown.
        levels = { kind: 'core-only', kindConfidence: 0.6, outerLevel: median(flat), coreLevel: null };
        region = regionAt(levels.outerLevel / 2);
      }
    }
    const half = levels.outerLevel / 2;
    const area = region.length * pixelArea;
    if (area < params.minAreaNm2 * NM * NM || area > params.maxAreaNm2 * NM * NM) continue;
    const index = particles.length;
    let sumX = 0;
    let sumY = 0;
    for (const i of region) {
      owner[i] = index;
      const x = i % width;
      sumX += x;
      sumY += (i - x) / width;
    }
    const inRegion = (x: number, y: number): boolean => owner[y * width + x] === index;
    const field =
      (level: number) =>
      (x: number, y: number): number => {
        if (x < 0 || y < 0 || x >= width || y >= height) return -1;
        const value = (surface[y * width + x] as number) - base - level;
        // Outside this particle's region only its own foot counts: a neighbour never adds a contour.
        return inRegion(x, y) ? value : Math.min(value, -Number.MIN_VALUE);
      };
    const coreLevel = levels.coreLevel;
    particles.push({
      ...levels,
      centreX: sumX / region.length,
      centreY: sumY / region.length,
      area,
      base,
      box,
      outline: contourSegments(field(half), {
        ...box,
        x0: box.x0 - 1,
        y0: box.y0 - 1,
        x1: box.x1 + 1,
        y1: box.y1 + 1,
      }),
      coreOutline: coreLevel === null ? [] : contourSegments(field((levels.outerLevel + coreLevel) / 2), box),
    });
  }
  return { width, height, pixelWidth, pixelHeight, surface, owner, particles };
}
