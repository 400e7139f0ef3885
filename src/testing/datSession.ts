// A folder of seeded synthetic Nanonis .dat files for import tests: each a forward and a backward
// sweep of a sinh-like I(V) with noise at a seeded tip position. The same seed gives the same files.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeNanonisDat } from '../../scripts/nanonis/writeNanonisDat.ts';

/**
 * Writes `count` files `sts0000.dat`, `sts0001.dat`, … into `dir`; file f has `pointsOf(f)` points
 * per sweep (bias −1.5 … 1.5 V). Returns the files' texts, in order.
 */
export function writeDatSession(
  dir: string,
  count: number,
  seed: number,
  pointsOf: (file: number) => number = () => 256,
): string[] {
  let state = seed;
  const random = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const texts: string[] = [];
  for (let f = 0; f < count; f++) {
    const points = pointsOf(f);
    const bias = Float64Array.from({ length: points }, (_, i) => -1.5 + (3 * i) / (points - 1));
    const noisy = (): Float64Array =>
      Float64Array.from(bias, (v) => 1e-10 * Math.sinh(2 * v) + 1e-12 * (random() - 0.5));
    const text = writeNanonisDat({
      x: random() * 1e-7,
      y: random() * 1e-7,
      bias,
      sweeps: [{ forward: noisy(), backward: noisy() }],
      date: '21.11.2026 10:00:00',
    });
    writeFileSync(join(dir, `sts${String(f).padStart(4, '0')}.dat`), text);
    texts.push(text);
  }
  return texts;
}
