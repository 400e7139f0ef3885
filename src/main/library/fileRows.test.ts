// The import's worker lets the .dat parser write spectrum curves straight into its BLOB chunks
// (BlobPacker.curve) and toFileRows stores those bytes without a copy. The rows must be the rows
// of the ordinary path (fresh arrays, BLOBs copied into the packer), byte for byte, on every real
// Nanonis .dat (forward/backward, several sweeps, [AVG], extras) and on seeded synthetic files;
// BLOBs must be the parser's own bytes only while the packer still holds them (not after a drain).
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../shared/formats/index.ts';
import { writeNanonisDat } from '../../../scripts/nanonis/writeNanonisDat.ts';
import { realFiles } from '../../testing/realData.ts';
import { BlobPacker } from './blobPacker.ts';
import { toFileRows, type ColumnValues, type FileRows } from './fileRows.ts';

/** Rows as plain data: BLOBs as byte arrays, so two rows compare by content. */
function plain(rows: FileRows): unknown {
  const values = (row: ColumnValues): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(row).map(([key, value]) => [
        key,
        value instanceof Uint8Array ? Array.from(value) : value,
      ]),
    );
  return {
    ...rows,
    file: values(rows.file),
    spectra: rows.spectra.map(values),
    images: rows.images.map(values),
  };
}

function seededDat(seed: number, points: number, sweeps: number): Uint8Array {
  let state = seed;
  const random = (): number => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const bias = Float64Array.from({ length: points }, (_, i) => -1.5 + (3 * i) / Math.max(1, points - 1));
  const curve = (): Float64Array => bias.map((v) => 1e-10 * Math.sinh(2 * v) + 1e-12 * (random() - 0.5));
  const text = writeNanonisDat({
    x: random() * 1e-7,
    y: random() * 1e-7,
    bias,
    sweeps: Array.from({ length: sweeps }, () => ({ forward: curve(), backward: curve() })),
    date: '21.11.2026 10:00:00',
  });
  return new Uint8Array(Buffer.from(text, 'latin1'));
}

const realDats = realFiles('nanonis-dat').filter((path) => path.endsWith('.dat'));
const cases: Array<[string, Uint8Array]> = [
  ...realDats.map((path): [string, Uint8Array] => [basename(path), new Uint8Array(readFileSync(path))]),
  ...[1, 2, 3].map((seed): [string, Uint8Array] => [
    `seeded-${seed}.dat`,
    seededDat(seed, [7, 512, 3001][seed - 1]!, seed),
  ]),
];

describe('toFileRows with curves written into the packer', () => {
  it.each(cases)('%s: the same rows as with fresh arrays, the curves not copied', (name, bytes) => {
    const ordinary = toFileRows(parseFile(name, bytes), new BlobPacker());
    const packer = new BlobPacker(64 << 10);
    const parsed = parseFile(name, bytes, { allocateCurve: packer.curve });
    const rows = toFileRows(parsed, packer);
    expect(plain(rows)).toEqual(plain(ordinary));
    parsed.spectra.forEach((spectrum, i) => {
      const row = rows.spectra[i] as ColumnValues;
      for (const [curve, blob] of [
        [spectrum.bias, row.bias],
        [spectrum.current, row.current],
      ] as const) {
        // The BLOB is the parser's array itself (same memory), not a copy of it.
        expect(blob).toBeInstanceOf(Uint8Array);
        expect((blob as Uint8Array).buffer).toBe(curve.buffer);
        expect((blob as Uint8Array).byteOffset).toBe(curve.byteOffset);
      }
    });
  });

  it('copies curves a packer no longer holds (drained) instead of storing them in place', () => {
    const [name, bytes] = cases.find(([name]) => name === 'seeded-2.dat')!;
    const packer = new BlobPacker();
    const parsed = parseFile(name, bytes, { allocateCurve: packer.curve });
    const drained = packer.drain();
    const rows = toFileRows(parsed, packer);
    expect(plain(rows)).toEqual(plain(toFileRows(parseFile(name, bytes))));
    for (const row of rows.spectra) expect(drained).not.toContain((row.bias as Uint8Array).buffer);
  });
});
