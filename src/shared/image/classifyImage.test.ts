// The classifier against known truth: seeded synthetic sessions (scripts/classify/plateletScene.ts,
// written and read back as Nanonis .sxm) and the demo session's own labels.csv.
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { makeScene, plateletCentre } from '../../../scripts/classify/plateletScene.ts';
import type { Scene } from '../../../scripts/classify/plateletScene.ts';
import { writeNanonisSxm } from '../../../scripts/nanonis/writeNanonisSxm.ts';
import { parseFile } from '../formats/index.ts';
import type { ImageRecord } from '../formats/types.ts';
import { classifyImage } from './classifyImage.ts';
import { classifyParamsSchema, DEFAULT_CLASSIFY_PARAMS } from './classifyParams.ts';

function imageOf(scene: Scene, direction: 'forward' | 'backward'): ImageRecord {
  const bytes = writeNanonisSxm(
    {
      width: scene.pixels,
      height: scene.pixels,
      rangeX: scene.frame.width,
      rangeY: scene.frame.height,
      centreX: scene.frame.centreX,
      centreY: scene.frame.centreY,
      angleDeg: scene.frame.angleDeg,
      date: '21.11.2026',
      time: '08:00:00',
      biasV: 2,
      scanDirection: scene.scanDirection,
      channels: [{ name: 'Z', unit: 'm', forward: scene.forward, backward: scene.backward }],
      comment: 'test',
    },
    'scene.sxm',
  );
  const image = parseFile('scene.sxm', bytes).images.find(
    (i) => i.channel === 'Z' && i.direction === direction,
  );
  if (!image) throw new Error('no Z image');
  return image;
}

const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8];

describe('synthetic sessions with known truth', () => {
  for (const seed of SEEDS) {
    const scene = makeScene(seed);
    it(`seed ${seed} (${scene.platelets.length} platelets, scan ${scene.scanDirection}, angle ${scene.frame.angleDeg.toFixed(1)}°)`, () => {
      for (const direction of ['forward', 'backward'] as const) {
        const image = imageOf(scene, direction);
        const result = classifyImage(image, image.frame, scene.positions, DEFAULT_CLASSIFY_PARAMS);
        const right = scene.positions.filter((p, i) => result.suggestions[i]?.label === p.truth).length;
        expect(right / scene.positions.length, direction).toBeGreaterThanOrEqual(0.95);
        const substrate = scene.positions
          .map((p, i) => [p, result.suggestions[i]] as const)
          .filter(([p]) => p.truth === null);
        expect(substrate.length).toBeGreaterThan(0);
        expect(
          substrate.filter(([, s]) => s?.label === null).length / substrate.length,
        ).toBeGreaterThanOrEqual(0.9);
        // Every platelet found once, of its kind, centre within 1 nm, area within 10 %.
        expect(result.particles.length).toBe(scene.platelets.length);
        for (const platelet of scene.platelets) {
          const centre = plateletCentre(scene, platelet);
          const found = result.particles.find(
            (p) => Math.hypot(p.centre.x - centre.x, p.centre.y - centre.y) < 1e-9,
          );
          expect(found?.kind).toBe(platelet.kind);
          const area = 4 * platelet.halfA * platelet.halfB;
          expect(Math.abs((found?.area ?? 0) - area) / area).toBeLessThan(0.1);
        }
      }
    });
  }

  it('a tip on an outline is left undecided; a little inside it is decided', () => {
    const scene = makeScene(3);
    const image = imageOf(scene, 'forward');
    const index = scene.platelets.findIndex((p) => p.kind === 'core-only');
    const p = scene.platelets[index]!;
    const at = (a: number): { x: number; y: number } => {
      // Along the platelet's own a axis from its centre, in scan coordinates.
      const local = { x: p.localX + a * Math.cos(p.rotation), y: p.localY + a * Math.sin(p.rotation) };
      const theta = (scene.frame.angleDeg * Math.PI) / 180;
      return {
        x: scene.frame.centreX + local.x * Math.cos(theta) + local.y * Math.sin(theta),
        y: scene.frame.centreY - local.x * Math.sin(theta) + local.y * Math.cos(theta),
      };
    };
    const [onEdge, inside, outside] = classifyImage(
      image,
      image.frame,
      [at(p.halfA), at(p.halfA - 1.5e-9), at(p.halfA + 2e-9)],
      DEFAULT_CLASSIFY_PARAMS,
    ).suggestions;
    expect(onEdge).toMatchObject({ label: null, reason: 'undecided' });
    expect(inside).toMatchObject({ label: 'core', reason: null });
    expect(outside).toMatchObject({ label: null, reason: 'substrate' });
  });

  it('positions off the image are outside; a flat image has no particles', () => {
    const frame = { centreX: 0, centreY: 0, width: 100e-9, height: 100e-9, angleDeg: 0 };
    const flat = { data: new Float32Array(64 * 64).fill(1e-9), width: 64, height: 64 };
    const result = classifyImage(
      flat,
      frame,
      [
        { x: 0, y: 0 },
        { x: 60e-9, y: 0 },
      ],
      DEFAULT_CLASSIFY_PARAMS,
    );
    expect(result.particles).toEqual([]);
    expect(result.suggestions.map((s) => s.reason)).toEqual(['substrate', 'outside']);
  });
});

describe('the demo session', () => {
  it('its topography classifies every spectrum to its own labels.csv', () => {
    const dir = new URL('../../../resources/demo/', import.meta.url);
    const sxm = parseFile('Topography001.sxm', readFileSync(new URL('Topography001.sxm', dir)));
    const image = sxm.images.find((i) => i.channel === 'Z' && i.direction === 'forward');
    if (!image) throw new Error('demo has no Z image');
    const labels = new Map(
      readFileSync(new URL('labels.csv', dir), 'utf8')
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',') as [string, string]),
    );
    const files = readdirSync(dir).filter((name) => name.endsWith('.dat'));
    expect(files.length).toBe(labels.size);
    const positions = files.map((name) => {
      const position = parseFile(name, readFileSync(new URL(name, dir))).position;
      if (!position) throw new Error(`${name} has no position`);
      return position;
    });
    const result = classifyImage(image, image.frame, positions, DEFAULT_CLASSIFY_PARAMS);
    expect(result.suggestions.map((s) => s.label)).toEqual(files.map((name) => labels.get(name)));
    expect(result.particles.map((p) => p.kind).sort()).toEqual([
      ...Array(6).fill('core-crown'),
      ...Array(6).fill('core-only'),
    ]);
  });
});

describe('parameters', () => {
  it('fills defaults and refuses a margin over 1 nm', () => {
    expect(classifyParamsSchema.parse({ marginNm: 0.8 }).minHeightNm).toBe(1);
    expect(() => classifyParamsSchema.parse({ marginNm: 1.5 })).toThrow();
  });
});
