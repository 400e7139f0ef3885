// The warm-up file exercises the path real imports take (a Nanonis bias spectroscopy with two
// spectra), and the warm-up steps stop at their count, at stop(), or at the first failure.
import { describe, expect, it } from 'vitest';
import { parseFile } from '../../shared/formats/index.ts';
import { toFileRows } from '../library/fileRows.ts';
import { startWarmUp, warmUpFileBytes } from './warmUp.ts';

/** Resolves after `turns` turns of the event loop (setImmediate), time not involved. */
async function turns(count: number): Promise<void> {
  for (let i = 0; i < count; i++) await new Promise((resolve) => setImmediate(resolve));
}

describe('parse worker warm-up', () => {
  it('reads as the most common file an import meets: a Nanonis bias spectroscopy', () => {
    const parsed = parseFile('warm-up.dat', warmUpFileBytes(512));
    expect(parsed.format).toBe('nanonis-dat');
    expect(parsed.kind).toBe('bias-spectroscopy');
    expect(parsed.notIv).toBeNull();
    expect(parsed.warnings).toEqual([]);
    expect(parsed.spectra.map((s) => [s.direction, s.bias.length])).toEqual([
      ['forward', 512],
      ['backward', 512],
    ]);
    const [forward] = parsed.spectra;
    expect(forward?.bias[0]).toBe(-2);
    expect(forward?.bias[511]).toBe(2);
    expect(forward?.current[511]).toBeCloseTo(1e-10 * Math.sinh(5), 15);
    // The row builder's path too: two spectra rows with their BLOBs.
    expect(toFileRows(parsed).spectra.map((row) => (row.bias as Uint8Array).byteLength)).toEqual([
      4096, 4096,
    ]);
  });

  it('runs one file per turn up to its count', async () => {
    let read = 0;
    startWarmUp(() => read++, 5);
    await turns(20);
    expect(read).toBe(5);
  });

  it('stops at stop() and at the first failure', async () => {
    let read = 0;
    const warmUp = startWarmUp(() => read++, 1000);
    await turns(3);
    warmUp.stop();
    const stoppedAt = read;
    expect(stoppedAt).toBeGreaterThan(0);
    await turns(10);
    expect(read).toBe(stoppedAt);

    let tries = 0;
    startWarmUp(() => {
      tries++;
      throw new Error('reader bug');
    }, 1000);
    await turns(10);
    expect(tries).toBe(1);
  });
});
