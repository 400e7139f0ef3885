// Memory handed back by the workers and packed into again (spareBuffers.ts): which buffer each
// request gets, and kept-curve packs written into spare memory equal to packs in new memory.
import { describe, expect, it } from 'vitest';
import { syntheticSpectra } from '../../bench/analysis/synthetic.ts';
import { runPipeline } from '../shared/analysis/index.ts';
import type { KeptCurve } from '../shared/analysis/index.ts';
import { packKept, unpackKept } from './keptCurves.ts';
import { encodeChunk } from './resultColumns.ts';
import { SpareBuffers } from './spareBuffers.ts';

const sizes = (buffers: ReadonlyArray<ArrayBuffer>): number[] => buffers.map((b) => b.byteLength);

describe('spare buffers', () => {
  it('keeps up to its limit and hands out the smallest buffer that is large enough', () => {
    const spare = new SpareBuffers(100);
    spare.keep([new ArrayBuffer(40), new ArrayBuffer(0), new ArrayBuffer(16), new ArrayBuffer(64)]);
    expect(spare.bytes()).toBe(56); // 64 would pass the limit; empty buffers are not kept
    spare.keep([new ArrayBuffer(32)]);
    expect(spare.bytes()).toBe(88);
    expect(spare.take(20)?.byteLength).toBe(32);
    expect(spare.take(41)).toBeNull();
    expect(spare.take(16)?.byteLength).toBe(16);
    expect(spare.bytes()).toBe(40);
  });

  it('gives buffers below a size, largest first, until they hold the bytes asked for', () => {
    const spare = new SpareBuffers(1 << 20);
    spare.keep([8, 24, 4096, 16, 24].map((n) => new ArrayBuffer(n)));
    expect(sizes(spare.takeUpTo(40, 1000))).toEqual([24, 24]);
    expect(sizes(spare.takeUpTo(1000, 1000))).toEqual([16, 8]); // all that is below 1000
    expect(spare.takeUpTo(0, 1000)).toEqual([]);
    expect(spare.bytes()).toBe(4096);
  });
});

describe('kept curves packed into spare memory', () => {
  const spectra = syntheticSpectra({ count: 60, points: 128, seed: 3 });
  const kept: KeptCurve[] = runPipelineKept();

  function runPipelineKept(): KeptCurve[] {
    // Curves as a chunk keeps them: sweeps recorded on one bias grid share one bias array.
    const biases = new Map<unknown, Float64Array>();
    const biasOf = (bias: ArrayLike<number>): Float64Array => {
      if (!biases.has(bias)) biases.set(bias, Float64Array.from(bias));
      return biases.get(bias)!;
    };
    return runPipeline(spectra).spectra.flatMap((r, index) =>
      r.ok && r.label !== null
        ? [
            {
              index,
              label: r.label,
              curve: {
                bias: biasOf(spectra[index]!.bias),
                current: Float64Array.from(spectra[index]!.current),
              },
            },
          ]
        : [],
    );
  }

  it('equal to packs in new memory, each in a spare buffer large enough, the rest left', () => {
    expect(new Set(kept.map((k) => k.curve.bias)).size).toBeLessThan(kept.length);
    const fresh = packKept(kept);
    const needed = fresh.map((p) => p.data.byteLength);
    // Spare buffers: one too small for any pack, one large enough for each, one left over.
    const spare = [
      new ArrayBuffer(8),
      ...needed.map((n) => new ArrayBuffer(n + 64)),
      new ArrayBuffer(1 << 16),
    ];
    const given = [...spare];
    const packed = packKept(kept, spare);
    expect(packed.map((p) => unpackKept(p))).toEqual(fresh.map((p) => unpackKept(p)));
    for (const p of packed) {
      expect(given).toContain(p.data.buffer);
      expect(p.data.byteOffset).toBe(0);
    }
    expect(new Set(packed.map((p) => p.data.buffer)).size).toBe(packed.length);
    expect(spare.every((b) => !packed.some((p) => p.data.buffer === b))).toBe(true);
    expect(spare.length).toBe(given.length - packed.length);
  });

  it('hands the spare memory the packs did not take back with the released buffers', () => {
    const released = [new ArrayBuffer(32)];
    const leftOver = new ArrayBuffer(4);
    const encoded = encodeChunk({ spectra: [], series: [], kept }, released, [leftOver]);
    expect(encoded.released).toEqual([released[0], leftOver]);
    expect(encoded.kept.map((p) => unpackKept(p))).toEqual(packKept(kept).map((p) => unpackKept(p)));
  });
});
