// A seeded synthetic topography with known truth for the particle classifier: 8–14 platelets of
// both kinds (core-only: small, one level; core–crown: larger, a crown rim with a higher core), with
// random sizes and in-plane rotations, on a tilted Au(111) substrate with 0.24 nm steps, noise and
// edge blur, in a frame with a non-zero scan angle and offset; and tip positions with their true
// label on core-only platelets, core–crown centres, crown rims and the substrate. Metres throughout.
import { mulberry32, normal } from '../demo/random.ts';

export type TruthLabel = 'core' | 'crown-centre' | 'crown-edge' | null;

export interface ScenePlatelet {
  kind: 'core-only' | 'core-crown';
  /** Centre in frame-local coordinates (x right, y up, origin at the frame centre). */
  localX: number;
  localY: number;
  /** In-plane rotation, radians. */
  rotation: number;
  /** Half sizes of the outer rectangle (the crown's for core–crown), and of the core (core–crown only). */
  halfA: number;
  halfB: number;
  coreHalfA: number;
  coreHalfB: number;
  /** Height of the outer level above the substrate, and of the core above the crown (core–crown). */
  outerHeight: number;
  coreStep: number;
}

export interface ScenePosition {
  /** Scan coordinates (what a .dat records), metres. */
  x: number;
  y: number;
  truth: TruthLabel;
  /** Index of the platelet under the tip, −1 on the substrate. */
  platelet: number;
}

export interface Scene {
  seed: number;
  pixels: number;
  frame: { centreX: number; centreY: number; width: number; height: number; angleDeg: number };
  scanDirection: 'up' | 'down';
  platelets: ScenePlatelet[];
  positions: ScenePosition[];
  /** Displayed Z image (row 0 at the top), forward and backward scan, metres. */
  forward: Float32Array;
  backward: Float32Array;
}

const NM = 1e-9;
/** Au(111) monatomic step height, metres. */
const AU_STEP = 0.24e-9;

const logistic = (distance: number, width: number): number => 1 / (1 + Math.exp(distance / width));

/** Position in a platelet's own axes. */
function platFrame(p: ScenePlatelet, lx: number, ly: number): { a: number; b: number } {
  const dx = lx - p.localX;
  const dy = ly - p.localY;
  const c = Math.cos(p.rotation);
  const s = Math.sin(p.rotation);
  return { a: dx * c + dy * s, b: -dx * s + dy * c };
}

function plateletHeight(p: ScenePlatelet, lx: number, ly: number, blur: number): number {
  const { a, b } = platFrame(p, lx, ly);
  const outer = logistic(Math.abs(a) - p.halfA, blur) * logistic(Math.abs(b) - p.halfB, blur);
  if (p.kind === 'core-only') return p.outerHeight * outer;
  const core = logistic(Math.abs(a) - p.coreHalfA, blur) * logistic(Math.abs(b) - p.coreHalfB, blur);
  return p.outerHeight * outer + p.coreStep * core;
}

/** Radius of the circle that holds the platelet, metres. */
const reach = (p: ScenePlatelet): number => Math.hypot(p.halfA, p.halfB);

/** Local to scan coordinates for a frame rotated clockwise by angleDeg (frameToLocal's inverse). */
function toScan(frame: Scene['frame'], lx: number, ly: number): { x: number; y: number } {
  const theta = (frame.angleDeg * Math.PI) / 180;
  return {
    x: frame.centreX + lx * Math.cos(theta) + ly * Math.sin(theta),
    y: frame.centreY - lx * Math.sin(theta) + ly * Math.cos(theta),
  };
}

export function makeScene(seed: number): Scene {
  const uniform = mulberry32(seed);
  const gaussian = normal(uniform);
  const between = (lo: number, hi: number): number => lo + (hi - lo) * uniform();
  const size = between(170, 230) * NM;
  const pixels = 320;
  const sign = uniform() < 0.5 ? -1 : 1;
  const frame = {
    centreX: between(-800, 800) * NM,
    centreY: between(-800, 800) * NM,
    width: size,
    height: size,
    angleDeg: sign * between(5, 40),
  };
  const count = 8 + Math.floor(uniform() * 7);
  const platelets: ScenePlatelet[] = [];
  const gap = 5 * NM;
  for (let attempt = 0; platelets.length < count && attempt < 20_000; attempt++) {
    // Both kinds for sure: alternate until three of each, then at random.
    const coreCrown = platelets.length < 6 ? platelets.length % 2 === 1 : uniform() < 0.5;
    const rotation = between(0, Math.PI / 2);
    const aspect = between(1, 1.3);
    let p: ScenePlatelet;
    if (coreCrown) {
      const half = between(12, 22) * NM;
      const coreFraction = between(0.35, 0.55);
      p = {
        kind: 'core-crown',
        localX: 0,
        localY: 0,
        rotation,
        halfA: half,
        halfB: half / aspect,
        coreHalfA: half * coreFraction,
        coreHalfB: (half * coreFraction) / aspect,
        outerHeight: between(2.5, 4.5) * NM,
        coreStep: between(0.7, 1.5) * NM,
      };
    } else {
      const half = between(3.5, 10) * NM;
      p = {
        kind: 'core-only',
        localX: 0,
        localY: 0,
        rotation,
        halfA: half,
        halfB: half / aspect,
        coreHalfA: 0,
        coreHalfB: 0,
        outerHeight: between(2.5, 5) * NM,
        coreStep: 0,
      };
    }
    const r = reach(p);
    p.localX = between(-size / 2 + r + 3 * NM, size / 2 - r - 3 * NM);
    p.localY = between(-size / 2 + r + 3 * NM, size / 2 - r - 3 * NM);
    const clear = platelets.every(
      (q) => Math.hypot(q.localX - p.localX, q.localY - p.localY) > r + reach(q) + gap,
    );
    if (clear) platelets.push(p);
  }
  // Substrate: a tilt larger than the platelets (10–25 nm across the frame) and a staircase of steps.
  const tiltX = sign * between(0.05, 0.11);
  const tiltY = between(-0.08, 0.08);
  const stepAngle = between(0, Math.PI);
  const stepCount = 2 + Math.floor(uniform() * 3);
  const steps = Array.from({ length: stepCount }, () => between(-0.45, 0.45) * size);
  const stepSign = uniform() < 0.5 ? -1 : 1;
  const blur = between(0.3, 0.6) * NM;
  const noise = between(8, 20) * 1e-12;
  const terrace = (lx: number, ly: number): number => {
    const along = lx * Math.cos(stepAngle) + ly * Math.sin(stepAngle);
    let z = 0;
    for (const s of steps) z += stepSign * AU_STEP * (1 - logistic(along - s, 0.2 * NM));
    return z;
  };
  // A rigid platelet bridges the steps under it: its top follows the terrace under its centre
  // (and the tilt, which is the instrument's, not the sample's).
  const plateletTerrace = platelets.map((p) => terrace(p.localX, p.localY));
  const pixel = size / pixels;
  const clean = new Float32Array(pixels * pixels);
  for (let row = 0; row < pixels; row++) {
    const ly = size / 2 - (row + 0.5) * pixel;
    for (let col = 0; col < pixels; col++) {
      const lx = -size / 2 + (col + 0.5) * pixel;
      let z = tiltX * lx + tiltY * ly;
      let cover = 0;
      let under = 0;
      platelets.forEach((p, k) => {
        if (Math.hypot(lx - p.localX, ly - p.localY) > reach(p) + 6 * NM) return;
        z += plateletHeight(p, lx, ly, blur);
        const { a, b } = platFrame(p, lx, ly);
        const footprint = logistic(Math.abs(a) - p.halfA, blur) * logistic(Math.abs(b) - p.halfB, blur);
        cover += footprint;
        under += footprint * (plateletTerrace[k] as number);
      });
      z += (1 - cover) * terrace(lx, ly) + under;
      clean[row * pixels + col] = z;
    }
  }
  const forward = clean.map((z) => z + noise * gaussian());
  const backward = clean.map((z) => z + noise * gaussian());
  // Tip positions, each well inside its region (truth is where the model puts it, not the image).
  const positions: ScenePosition[] = [];
  const inPlatelet = (p: ScenePlatelet, index: number, a: number, b: number, truth: TruthLabel): void => {
    const c = Math.cos(p.rotation);
    const s = Math.sin(p.rotation);
    const local = { x: p.localX + a * c - b * s, y: p.localY + a * s + b * c };
    positions.push({ ...toScan(frame, local.x, local.y), truth, platelet: index });
  };
  platelets.forEach((p, index) => {
    if (p.kind === 'core-only') {
      for (let k = 0; k < 2; k++) {
        inPlatelet(
          p,
          index,
          between(-1, 1) * (p.halfA - 2 * NM),
          between(-1, 1) * (p.halfB - 2 * NM),
          'core',
        );
      }
      return;
    }
    for (let k = 0; k < 2; k++) {
      inPlatelet(
        p,
        index,
        between(-1, 1) * (p.coreHalfA - 2 * NM),
        between(-1, 1) * (p.coreHalfB - 2 * NM),
        'crown-centre',
      );
    }
    for (let k = 0; k < 3; k++) {
      // Mid-rim, on one of the four sides, anywhere along it short of the corners.
      const side = Math.floor(uniform() * 4);
      const midA = (p.coreHalfA + p.halfA) / 2;
      const midB = (p.coreHalfB + p.halfB) / 2;
      const t = between(-0.8, 0.8);
      const [a, b] =
        side === 0
          ? [midA, t * p.halfB]
          : side === 1
            ? [-midA, t * p.halfB]
            : side === 2
              ? [t * p.halfA, midB]
              : [t * p.halfA, -midB];
      inPlatelet(p, index, a, b, 'crown-edge');
    }
  });
  for (let placed = 0, attempt = 0; placed < 10 && attempt < 10_000; attempt++) {
    const lx = between(-0.48, 0.48) * size;
    const ly = between(-0.48, 0.48) * size;
    const far = platelets.every((p) => {
      const { a, b } = platFrame(p, lx, ly);
      return Math.max(Math.abs(a) - p.halfA, Math.abs(b) - p.halfB) > 4 * NM;
    });
    if (!far) continue;
    positions.push({ ...toScan(frame, lx, ly), truth: null, platelet: -1 });
    placed++;
  }
  return {
    seed,
    pixels,
    frame,
    scanDirection: seed % 2 === 0 ? 'up' : 'down',
    platelets,
    positions,
    forward,
    backward,
  };
}

/** Centre of a platelet in scan coordinates, metres. */
export function plateletCentre(scene: Scene, p: ScenePlatelet): { x: number; y: number } {
  return toScan(scene.frame, p.localX, p.localY);
}
