import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import { parseRhkSm4, rhkDateToIso } from './rhkSm4.ts';
import { ParseError, type ParsedFile } from './types.ts';

function readReal(): Uint8Array {
  return new Uint8Array(readFileSync(realFile('rhk-sm4', 'test_iv.SM4')));
}

function failure(bytes: Uint8Array): ParseError {
  try {
    parseRhkSm4(bytes, 'bad.sm4');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

/**
 * Decoded independently once with python `struct` (page 5 "Current": header at byte 33966, int32
 * data at 34980; page 1 "DC Current": header 5242, data 6262): per curve k, [point, bias V =
 * x_offset + i * x_scale, current A = raw * z_scale + z_offset, DC current A].
 */
const EXPECTED: Array<[number, Array<[number, number, number, number]>]> = [
  [
    0,
    [
      [0, -1.50054931640625, -5.347900376392097e-10, -2.645385961067698e-10],
      [150, 0.01007080078125, 3.1738281165531734e-13, 3.80859406512446e-13],
      [298, 1.50054931640625, 1.6900634720645649e-9, 7.366455687628226e-10],
    ],
  ],
  [
    1,
    [
      [0, -1.50054931640625, -4.0148925674397644e-10, -1.9893556333500095e-10],
      [150, 0.01007080078125, 1.904296869931904e-12, 3.80859406512446e-13],
      [298, 1.50054931640625, 2.5596923760001344e-9, 7.386133423631369e-10],
    ],
  ],
  [
    2,
    [
      [0, -1.50054931640625, -1.6726074174235224e-10, -8.343994831010171e-11],
      [150, 0.01007080078125, 9.52148434965952e-13, 3.80859406512446e-13],
      [298, 1.50054931640625, 1.9236572214428784e-9, 7.385816040792609e-10],
    ],
  ],
  [
    3,
    [
      [0, -1.50054931640625, -5.7763671721267756e-11, -2.8723146907813635e-11],
      [150, 0.01007080078125, 1.5869140582765867e-12, 3.80859406512446e-13],
      [298, 1.50054931640625, 4.4620849490621065e-9, 7.385498657953848e-10],
    ],
  ],
  [
    4,
    [
      [0, -1.50054931640625, -2.8247070237323244e-11, -1.4091798040960501e-11],
      [150, 0.01007080078125, 1.5869140582765867e-12, 3.80859406512446e-13],
      [298, 1.50054931640625, 2.7799560472889246e-9, 7.385816040792609e-10],
    ],
  ],
];

describe('parseRhkSm4 on test_iv.SM4', () => {
  const parsed: ParsedFile = parseRhkSm4(readReal(), 'test_iv.SM4');

  it('is a bias spectroscopy file with five sweeps of 299 points', () => {
    expect(parsed.format).toBe('rhk-sm4');
    expect(parsed.kind).toBe('bias-spectroscopy');
    expect(parsed.notIv).toBeNull();
    expect(parsed.images).toHaveLength(0);
    expect(parsed.spectra.map((s) => [s.sweep, s.direction, s.bias.length, s.current.length])).toEqual(
      [1, 2, 3, 4, 5].map((k) => [k, 'forward', 299, 299]),
    );
  });

  it('uses the page labelled Current; the other four pages are extra channels', () => {
    const first = parsed.spectra[0];
    expect(first?.extra.map((e) => `${e.name} (${e.unit})`)).toEqual([
      'DC Current (A)',
      'Conductance (V)',
      'THz Current (e-)',
      'Pump Induced (V)',
    ]);
  });

  it('matches the independent decode', () => {
    for (const [k, picks] of EXPECTED) {
      const record = parsed.spectra[k];
      if (!record) throw new Error(`no record ${k}`);
      for (const [i, bias, current, dc] of picks) {
        expect(record.bias[i]).toBe(bias);
        expect(record.current[i]).toBe(current);
        expect(record.extra[0]?.values[i]).toBe(dc);
      }
    }
  });

  it('position, date, set-point and comment', () => {
    const position = { x: -2.6837618349873082e-8, y: 2.2951541112092855e-8, z: null };
    expect(parsed.spectra.every((s) => s.position?.x === position.x && s.position.y === position.y)).toBe(
      true,
    );
    expect(parsed.position).toEqual(position);
    expect(parsed.acquiredAt).toBe('2023-06-17T11:12:42');
    expect(parsed.setpoint.biasV).toBeCloseTo(0.99411, 5);
    expect(parsed.setpoint.currentA).toBeCloseTo(4.31244e-11, 15);
    expect(parsed.comment).toMatch(/^Location: Out, bias:0 V , setpoint: 4 nA/);
    expect(parsed.header['Page 5>Label']).toBe('Current');
    expect(parsed.header['Signature']).toBe('STiMage 005.004 1');
  });

  it('channels: the bias axis, then every page for every sweep', () => {
    expect(parsed.channels).toHaveLength(1 + 5 * 5);
    expect(parsed.channels[0]?.name).toBe('Bias');
    expect(parsed.channels[0]?.unit).toBe('V');
    expect(parsed.channels[1]?.name).toBe('DC Current [00001]');
    expect(parsed.channels[25]?.name).toBe('Current [00005]');
  });
});

describe('rhkDateToIso', () => {
  it('two- and four-digit years', () => {
    expect(rhkDateToIso('06/17/23', '11:12:42')).toBe('2023-06-17T11:12:42');
    expect(rhkDateToIso('1/8/2020', '14:13:11')).toBe('2020-01-08T14:13:11');
  });
  it('rejects nonsense', () => {
    expect(rhkDateToIso('17/06/23', '11:12:42')).toBeNull();
    expect(rhkDateToIso('', '')).toBeNull();
  });
});

describe('parseRhkSm4 on bad input', () => {
  const real = readReal();
  it('too short', () => {
    expect(failure(real.subarray(0, 20)).code).toBe('truncated');
  });
  it('wrong signature', () => {
    const bad = real.slice();
    bad[2] = 0x58;
    expect(failure(bad).message).toMatch(/signature "XTiMage/);
  });
  it('cut inside the page data', () => {
    expect(failure(real.subarray(0, 30000)).message).toMatch(/outside the 30000-byte file/);
  });
  it('implausible page count', () => {
    const bad = real.slice();
    new DataView(bad.buffer).setUint32(94, 0x7fffffff, true);
    expect(failure(bad).message).toMatch(/pages is implausible/);
  });
});
