// Writes a synthetic session with known truth for the particle classifier (scripts/classify/
// plateletScene.ts): one Nanonis .sxm topography (Z and current, forward and backward) and one
// .dat sweep file per tip position, plus truth.json (each file's true label, each platelet's kind,
// centre and area). Run: node scripts/generateClassifySession.ts <seed> <outDir>
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeScene, plateletCentre } from './classify/plateletScene.ts';
import type { Scene } from './classify/plateletScene.ts';
import { modelCurrent } from './demo/stsModel.ts';
import { writeNanonisDat } from './nanonis/writeNanonisDat.ts';
import { writeNanonisSxm } from './nanonis/writeNanonisSxm.ts';

export interface ClassifyTruth {
  seed: number;
  image: string;
  platelets: Array<{ kind: 'core-only' | 'core-crown'; centre: { x: number; y: number }; area: number }>;
  spectra: Array<{ file: string; label: 'core' | 'crown-centre' | 'crown-edge' | null }>;
}

/** Writes the session of `seed` into `outDir`; returns its truth. */
export function writeClassifySession(seed: number, outDir: string): { scene: Scene; truth: ClassifyTruth } {
  mkdirSync(outDir, { recursive: true });
  const scene = makeScene(seed);
  const image = `Topography-${seed}.sxm`;
  const current = new Float32Array(scene.pixels * scene.pixels).fill(1e-9);
  const sxm = writeNanonisSxm(
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
      channels: [
        { name: 'Z', unit: 'm', forward: scene.forward, backward: scene.backward },
        { name: 'Current', unit: 'A', forward: current, backward: current },
      ],
      comment: `synthetic platelets, seed ${seed}`,
    },
    image,
  );
  writeFileSync(join(outDir, image), sxm);
  const bias = Float64Array.from({ length: 101 }, (_, i) => -2 + i * 0.04);
  const ideal = modelCurrent(bias, { vbm: -1.1, cbm: 1.5, trap: 0.05, background: 0.01 });
  const spectra: ClassifyTruth['spectra'] = scene.positions.map((position, k) => {
    const file = `Bias-Spectroscopy${String(k + 1).padStart(3, '0')}.dat`;
    // Every third file holds two repeated sweeps: all of a file's sweeps share its label.
    const sweeps = k % 3 === 0 ? 2 : 1;
    const text = writeNanonisDat({
      x: position.x,
      y: position.y,
      bias,
      sweeps: Array.from({ length: sweeps }, () => ({ forward: ideal, backward: ideal })),
      date: `21.11.2026 09:${String(Math.floor(k / 60) % 60).padStart(2, '0')}:${String(k % 60).padStart(2, '0')}`,
    });
    writeFileSync(join(outDir, file), text);
    return { file, label: position.truth };
  });
  const truth: ClassifyTruth = {
    seed,
    image,
    platelets: scene.platelets.map((p) => ({
      kind: p.kind,
      centre: plateletCentre(scene, p),
      area: 4 * p.halfA * p.halfB,
    })),
    spectra,
  };
  writeFileSync(join(outDir, 'truth.json'), JSON.stringify(truth, null, 2) + '\n');
  return { scene, truth };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const seed = Number(process.argv[2] ?? 1);
  const outDir = resolve(process.argv[3] ?? `classify-session-${seed}`);
  const { truth } = writeClassifySession(seed, outDir);
  console.log(`${outDir}: ${truth.platelets.length} platelets, ${truth.spectra.length} spectra files`);
}
