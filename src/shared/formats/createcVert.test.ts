import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import { createcNameToIso } from './createcHeader.ts';
import { biasSweepProblem, parseCreatecVert } from './createcVert.ts';
import { ParseError } from './types.ts';

function parseReal(name: string): ReturnType<typeof parseCreatecVert> {
  return parseCreatecVert(new Uint8Array(readFileSync(realFile('createc', name))), name);
}

function failure(text: string): ParseError {
  try {
    parseCreatecVert(new TextEncoder().encode(text), 'bad.VERT');
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}

/** Current in A = counts x 20 V / 2^20 / 10^9 V/A, computed once in python from the rows as written. */
describe('parseCreatecVert on the real files', () => {
  it('A180201.151737.M0001.VERT: a bias step -50 -> -300 mV, not a sweep', () => {
    const parsed = parseReal('A180201.151737.M0001.VERT');
    expect(parsed.kind).toBe('other');
    expect(parsed.notIv).toBe(
      'bias only steps between 2 values (-50 mV, -300 mV): a bias pulse / current-time trace, not an I–V sweep',
    );
    expect(parsed.spectra).toHaveLength(0);
    expect(parsed.channels.map((c) => `${c.name}`)).toEqual(['Index', 'Bias (V)', 'Z (DAC)', 'Current (A)']);
    expect(parsed.channels[3]?.values).toHaveLength(5000);
    expect(parsed.channels[3]?.values[0]).toBeCloseTo(-1.103933334350586e-10, 22);
    expect(parsed.channels[3]?.values[4999]).toBeCloseTo(-8.399162292480469e-10, 22);
    expect(parsed.channels[1]?.values[399]).toBe(-0.05);
    expect(parsed.channels[1]?.values[400]).toBe(-0.3);
    expect(parsed.acquiredAt).toBe('2018-02-01T15:17:37');
    expect(parsed.setpoint).toEqual({ biasV: -0.05, currentA: 1e-10 });
    expect(parsed.header['DATA>X (DAC)']).toBe('4270');
  });

  it('createc_ivt_telegraph_300mv_a.VERT: constant bias, a current-time trace', () => {
    const parsed = parseReal('createc_ivt_telegraph_300mv_a.VERT');
    expect(parsed.kind).toBe('other');
    expect(parsed.notIv).toBe('bias constant at -300 mV: a current-time trace, not an I–V sweep');
    expect(parsed.channels[3]?.values[0]).toBeCloseTo(-2.386283874511719e-10, 22);
    expect(parsed.acquiredAt).toBeNull();
  });

  it('createc_vert_didz_image_state.VERT: a bias ramp whose current column is unknown', () => {
    const parsed = parseReal('createc_vert_didz_image_state.VERT');
    expect(parsed.kind).toBe('other');
    expect(parsed.notIv).toBe(
      'bias ramps 2506.5 mV to 9000 mV, but the 10-column layout (Vertchannelselectval 1049867) has no ' +
        'documented current column (title "anonymized dI/dz spectrum")',
    );
    expect(parsed.channels).toHaveLength(10);
    expect(parsed.channels[1]?.values[999]).toBe(9);
    expect(parsed.channels[9]?.values[0]).toBe(-298174);
    expect(parsed.comment).toBe('anonymized dI/dz spectrum');
    expect(parsed.setpoint.biasV).toBeCloseTo(2.0188, 10);
    expect(parsed.setpoint.currentA).toBe(1.01e-10);
    expect(parsed.header['Titel(File) / Titel']).toBe('anonymized dI/dz spectrum');
  });
});

describe('parseCreatecVert on a synthetic I–V sweep', () => {
  const rows = Array.from({ length: 21 }, (_, i) => `${i}\t${-100 + 10 * i}\t0\t${(i - 10) * 1000}\t`).join(
    '\r\n',
  );
  const text = `[ParVERT30]\r\nDAC-Type=20bit\r\nGainpreamp / GainPre 10^=9\r\nBiasvolt[mV]=-100\r\nDATA\r\n    21    5    6    1\r\n${rows}\r\n`;

  it('gives one forward record in V and A', () => {
    const parsed = parseCreatecVert(new TextEncoder().encode(text), 'A240102.030405.VERT');
    expect(parsed.kind).toBe('bias-spectroscopy');
    expect(parsed.notIv).toBeNull();
    const record = parsed.spectra[0];
    expect(record?.bias[0]).toBe(-0.1);
    expect(record?.bias[20]).toBe(0.1);
    expect(record?.current[20]).toBeCloseTo((10000 * 20) / 2 ** 20 / 1e9, 24);
    expect(record?.extra.map((e) => e.name)).toEqual(['Z']);
    expect(parsed.acquiredAt).toBe('2024-01-02T03:04:05');
  });
});

describe('bad input', () => {
  it('no DATA line', () => {
    expect(failure('[ParVERT30]\nA=1\n').code).toBe('missing-data-marker');
  });
  it('no rows', () => {
    expect(failure('[ParVERT30]\nDATA\n 0 0 0\n').code).toBe('no-data');
  });
  it('text in a row', () => {
    expect(failure('[ParVERT30]\nDATA\n 2 0 0\n0\t1\t2\t3\nx\ty\n').message).toMatch(
      /data row 2 is not numeric/,
    );
  });
});

describe('helpers', () => {
  it('biasSweepProblem accepts a ramp and names non-monotonic bias', () => {
    expect(biasSweepProblem(Float64Array.from({ length: 50 }, (_, i) => i))).toBeNull();
    expect(biasSweepProblem(Float64Array.from({ length: 50 }, (_, i) => Math.abs(i - 25)))).toMatch(
      /not monotonic/,
    );
  });
  it('createcNameToIso', () => {
    expect(createcNameToIso('A250407.141806.dat')).toBe('2025-04-07T14:18:06');
    expect(createcNameToIso('createc_scan.dat')).toBeNull();
  });
});
