// WSxM I–V curve files, written as UAM's STM software writes them (the layout Gwyddion's WSxM
// curve reader reads): text header with `Image header size: 0`, then one row per point holding
// each curve's x and y in turn, in the axes' units (V, nA), `%g`-formatted. Known I(V) in, the
// same values in SI out.
import { describe, expect, it } from 'vitest';
import { parseFailure } from '../../testing/parseFailure.ts';
import { parseFile } from './index.ts';
import { withDefaults } from './limits.ts';

/** The file's text: `curves` curves of `points` points each, curve c at bias v carrying `current(v, c)` (A). */
function ivFile(options: {
  curves: number;
  points: number;
  current: (v: number, c: number) => number;
  firstForward?: string;
  yUnit?: string;
  rows?: number;
  extra?: string;
}): Uint8Array {
  const { curves, points } = options;
  const yUnit = options.yUnit ?? 'nA';
  const yScale = yUnit === 'nA' ? 1e9 : yUnit === 'pA' ? 1e12 : 1;
  const header = [
    'WSxM file copyright UAM',
    'IV curve file',
    'Image header size: 0',
    '',
    '[General Info]',
    '',
    `    Number of lines: ${curves}`,
    `    Number of points: ${points}`,
    '    X axis text: V[#x]',
    '    X axis unit: V',
    '    Y axis text: I[#y]',
    `    Y axis unit: ${yUnit}`,
    '',
    '[Miscellaneous]',
    '',
    '    Comments: tip on the crown',
    ...(options.firstForward ? [`    First Forward: ${options.firstForward}`] : []),
    '    Version: 3.0 (July 2004)',
    '',
    '[Header end]',
  ];
  const rows: string[] = [];
  for (let i = 0; i < (options.rows ?? points); i++) {
    const cells: string[] = [];
    for (let c = 0; c < curves; c++) {
      // There and back: odd curves run − → +, even ones + → −.
      const v = c % 2 === 0 ? -1.5 + (3 * i) / (points - 1) : 1.5 - (3 * i) / (points - 1);
      cells.push(
        String(Number(v.toPrecision(6))),
        String(Number((options.current(v, c) * yScale).toPrecision(6))),
      );
    }
    rows.push(cells.join(' '));
  }
  return new TextEncoder().encode(`${[...header, ...rows].join('\r\n')}\r\n${options.extra ?? ''}`);
}

const sinh = (v: number, c: number): number => 1e-10 * Math.sinh(2 * v) * (1 + 0.01 * c);

describe('WSxM IV curve files', () => {
  it('two curves are a forward and a backward sweep, values in V and A', () => {
    const parsed = parseFile(
      'spot.iv.cur',
      ivFile({ curves: 2, points: 101, current: sinh, firstForward: 'Yes' }),
    );
    expect([parsed.format, parsed.kind, parsed.notIv, parsed.warnings]).toEqual([
      'wsxm',
      'bias-spectroscopy',
      null,
      [],
    ]);
    expect(parsed.spectra.map((s) => [s.sweep, s.direction, s.bias.length])).toEqual([
      [1, 'forward', 101],
      [1, 'backward', 101],
    ]);
    for (const [c, spectrum] of parsed.spectra.entries()) {
      for (let i = 0; i < 101; i += 10) {
        const v = c === 0 ? -1.5 + (3 * i) / 100 : 1.5 - (3 * i) / 100;
        expect(spectrum.bias[i]).toBeCloseTo(v, 5);
        // 6 significant digits written: 5e-6 relative.
        expect(Math.abs(spectrum.current[i]! - sinh(v, c))).toBeLessThanOrEqual(
          Math.abs(sinh(v, c)) * 5e-6 + 1e-21,
        );
      }
    }
    expect(parsed.channels.map((ch) => [ch.name, ch.unit, ch.direction])).toEqual([
      ['V (V) [curve 1]', 'V', 'forward'],
      ['I (A) [curve 1]', 'A', 'forward'],
      ['V (V) [curve 2]', 'V', 'backward'],
      ['I (A) [curve 2]', 'A', 'backward'],
    ]);
    expect(parsed.comment).toBe('tip on the crown');
  });

  it('First Forward: No puts the backward sweep first; other counts are sweeps 1, 2, 3', () => {
    const swapped = parseFile('a.cur', ivFile({ curves: 2, points: 11, current: sinh, firstForward: 'No' }));
    expect(swapped.spectra.map((s) => s.direction)).toEqual(['backward', 'forward']);
    const three = parseFile('a.cur', ivFile({ curves: 3, points: 11, current: sinh, yUnit: 'pA' }));
    expect(three.spectra.map((s) => [s.sweep, s.direction])).toEqual([
      [1, 'forward'],
      [2, 'forward'],
      [3, 'forward'],
    ]);
    expect(Math.abs(three.spectra[2]!.current[10]! / sinh(1.5, 2) - 1)).toBeLessThan(5e-6);
  });

  it('axes that are not a bias and a current, a cut file and crafted counts', () => {
    const volts = parseFile('a.cur', ivFile({ curves: 1, points: 11, current: sinh, yUnit: 'V' }));
    expect([volts.kind, volts.spectra.length, volts.notIv]).toEqual([
      'other',
      0,
      'WSxM IV curve file with axes in V and V, not a bias in V and a current in A',
    ]);
    const cut = parseFile('a.cur', ivFile({ curves: 2, points: 50, rows: 30, current: sinh }));
    expect([cut.spectra[1]!.current.length, cut.warnings]).toEqual([30, ['truncated: 30 of 50 points']]);
    const empty = parseFailure(() =>
      parseFile('a.cur', ivFile({ curves: 2, points: 50, rows: 1, current: sinh })),
    );
    expect([empty.code, empty.message]).toEqual(['truncated', 'curve data: 1 of 50 points of 2 curves']);
    const junk = parseFailure(() =>
      parseFile('a.cur', ivFile({ curves: 1, points: 3, rows: 2, current: sinh, extra: 'zz 1\r\n' })),
    );
    expect([junk.code, junk.message]).toEqual(['bad-number', 'curve data: "zz" is not a number']);
    // 8 M points announced, 2 written: read as a cut file (room is made only for the numbers its bytes can hold).
    const claim = parseFile('a.cur', ivFile({ curves: 2, points: 8_000_000, rows: 2, current: sinh }));
    expect([claim.spectra[0]!.bias.length, claim.warnings]).toEqual([
      2,
      ['truncated: 2 of 8,000,000 points'],
    ]);
    const huge = parseFailure(() =>
      parseFile('a.cur', ivFile({ curves: 100_000, points: 100_000, rows: 0, current: sinh }), {
        limits: withDefaults(),
      }),
    );
    expect([huge.code, huge.message]).toEqual([
      'limit',
      'curve values: 20000000000, over the limit of 33554432',
    ]);
  });
});
