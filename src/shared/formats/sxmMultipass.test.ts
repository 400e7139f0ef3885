import { describe, expect, it } from 'vitest';
import { writeNanonisSxm, type SyntheticScan } from '../../../scripts/nanonis/writeNanonisSxm.ts';
import { mulberry32 } from '../analysis/random.ts';
import { parseNanonisSxm } from './nanonisSxm.ts';
import { multipassChannelName, readMultipassConfig } from './sxmMultipass.ts';

function randomImage(next: () => number, pixels: number): Float32Array {
  return Float32Array.from({ length: pixels }, () => (next() - 0.5) * 1e-9);
}

/** A 3-pass scan: pass 1 both directions overridden, pass 2 backward at the scan bias, pass 3 undescribed. */
function multipassScan(seed: number): SyntheticScan {
  const next = mulberry32(seed);
  const [width, height] = [7, 5];
  const channel = (name: string, unit: string): SyntheticScan['channels'][number] => ({
    name,
    unit,
    forward: randomImage(next, width * height),
    backward: randomImage(next, width * height),
  });
  return {
    width,
    height,
    rangeX: 7e-9,
    rangeY: 5e-9,
    centreX: 1e-8,
    centreY: -2e-8,
    angleDeg: 0,
    date: '25.11.2026',
    time: '12:00:00',
    biasV: 1,
    comment: 'multipass',
    channels: [
      channel('[P1]_Z', 'm'),
      channel('[P2]_Z', 'm'),
      channel('[P3]_Z', 'm'),
      channel('Current', 'A'),
    ],
    multipass: [
      { overrideBias: true, biasV: -0.02 },
      { overrideBias: true, biasV: -0.04 },
      { overrideBias: true, biasV: 0.5 },
      { overrideBias: false, biasV: 0.7 },
    ],
  };
}

describe('Nanonis multipass .sxm (synthetic, scripts/nanonis/writeNanonisSxm.ts)', () => {
  for (const seed of [1, 2, 3]) {
    it(`seed ${seed}: one channel per pass, named by pass and bias, data as written`, () => {
      const scan = multipassScan(seed);
      const parsed = parseNanonisSxm(writeNanonisSxm(scan, 'multipass.sxm'), 'multipass.sxm');
      expect(parsed.images.map((i) => [i.channel, i.direction, i.unit])).toEqual([
        ['Z (pass 1, -0.02 V)', 'forward', 'm'],
        ['Z (pass 1, -0.04 V)', 'backward', 'm'],
        ['Z (pass 2, 0.5 V)', 'forward', 'm'],
        ['Z (pass 2, 1 V)', 'backward', 'm'], // no override: the scan's bias
        ['[P3]_Z', 'forward', 'm'], // a pass the table does not describe keeps its stored name
        ['[P3]_Z', 'backward', 'm'],
        ['Current', 'forward', 'A'],
        ['Current', 'backward', 'A'],
      ]);
      scan.channels.forEach((channel, c) => {
        expect(parsed.images[2 * c]?.data).toEqual(channel.forward);
        expect(parsed.images[2 * c + 1]?.data).toEqual(channel.backward);
      });
      expect(parsed.setpoint.biasV).toBe(1);
    });
  }

  it('a scan without Multipass-Config keeps its channel names', () => {
    const scan = { ...multipassScan(4), multipass: undefined };
    const parsed = parseNanonisSxm(writeNanonisSxm(scan, 'plain.sxm'), 'plain.sxm');
    expect(parsed.images[0]?.channel).toBe('[P1]_Z');
  });

  it('reads the table by column title; a table without bias columns is ignored', () => {
    const table =
      '\tRecord-Ch\tBias_override\tBias_override_value\n\t-1\tTRUE\t-2.000E-2\n\t-1\tFALSE\t9.9E+0';
    const rows = readMultipassConfig(table, 0.3);
    expect(rows).toEqual([
      { overridesBias: true, biasV: -0.02 },
      { overridesBias: false, biasV: 0.3 },
    ]);
    expect(multipassChannelName('[P1]_Z', 'backward', rows)).toBe('Z (pass 1, 0.3 V)');
    expect(readMultipassConfig('\tRecord-Ch\n\t-1', 0.3)).toBeNull();
    expect(multipassChannelName('[P1]_Z', 'forward', null)).toBe('[P1]_Z');
  });
});
