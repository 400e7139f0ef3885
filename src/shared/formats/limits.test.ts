// Reader limits and the byte-order mark, on real files: each limit refuses with a ParseError naming
// the quantity, the value and the limit; a UTF-8 BOM changes nothing a reader returns.
import { readFileSync } from 'node:fs';
import { syntheticGrid } from '../../../scripts/grid/syntheticGrid.ts';
import { describe, expect, it } from 'vitest';
import { realFile } from '../../testing/realData.ts';
import { parseFile } from './index.ts';
import { parseFailure } from '../../testing/parseFailure.ts';

const BOM = new Uint8Array([0xef, 0xbb, 0xbf]);

function withBom(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(bytes.length + 3);
  out.set(BOM);
  out.set(bytes, 3);
  return out;
}

describe('byte-order mark', () => {
  it.each([
    ['nanonis-dat', 'Bias-Spectroscopy002.dat'],
    ['nanonis-dat', 'nanonis_sts_15mv.dat'],
    ['nanonis-3ds', 'Grid Spectroscopy002.3ds'],
  ])('a %s file %s with a UTF-8 BOM reads exactly as without', (folder, name) => {
    const bytes = new Uint8Array(readFileSync(realFile(folder, name)));
    const plain = parseFile(name, bytes);
    const bommed = parseFile(name, withBom(bytes));
    expect(plain.spectra.length).toBeGreaterThan(0);
    expect(bommed.format).toBe(plain.format);
    expect(bommed.header).toEqual(plain.header);
    expect(bommed.spectra.length).toBe(plain.spectra.length);
    expect(bommed.spectra[0]?.current).toEqual(plain.spectra[0]?.current);
  });
});

describe('reader limits', () => {
  const dat = new Uint8Array(readFileSync(realFile('nanonis-dat', 'Bias-Spectroscopy002.dat')));

  it('refuses a file over the size limit of its format, with both numbers', () => {
    const error = parseFailure(() =>
      parseFile('a.dat', dat, { limits: { maxFileBytes: { 'nanonis-dat': 1000 } } }),
    );
    expect(error.code).toBe('limit');
    expect(error.message).toBe(`file size (bytes) for nanonis-dat: ${dat.length}, over the limit of 1000`);
  });

  it('refuses more columns than allowed', () => {
    const error = parseFailure(() => parseFile('a.dat', dat, { limits: { maxColumns: 2 } }));
    expect(error.message).toMatch(/^columns after \[DATA\]: \d+, over the limit of 2$/);
  });

  it('refuses spectra holding more numbers than allowed', () => {
    const error = parseFailure(() => parseFile('a.dat', dat, { limits: { maxSpectrumValues: 1000 } }));
    expect(error.message).toMatch(/^values in all spectra .*: \d+, over the limit of 1000$/);
  });

  it('refuses a line longer than allowed', () => {
    const error = parseFailure(() => parseFile('a.dat', dat, { limits: { maxLineChars: 10 } }));
    expect(error.message).toMatch(/^line length \(characters\): \d+, over the limit of 10$/);
  });

  it('reads the same file under the defaults', () => {
    expect(parseFile('a.dat', dat).spectra.length).toBeGreaterThan(0);
  });

  it('keeps a grid too large for its whole pixel spectra as a grid, with what fits, and says why', () => {
    // A grid with backward sweeps and a lock-in channel each way (the real grids here have one or the other).
    const grid = syntheticGrid({
      seed: 3,
      width: 6,
      height: 5,
      points: 64,
      extraChannels: ['LIX 1 omega (A)', 'Current [bwd] (A)', 'LIX 1 omega [bwd] (A)'],
    }).bytes;
    const whole = parseFile('g.3ds', grid);
    const valuesOf = (spectra: typeof whole.spectra, withExtras = true): number =>
      spectra.reduce(
        (sum, s) =>
          sum +
          s.bias.length +
          s.current.length +
          (withExtras ? s.extra.reduce((n, c) => n + c.values.length, 0) : 0),
        0,
      );
    const values = valuesOf(whole.spectra);
    const currents = valuesOf(whole.spectra, false);
    const forward = valuesOf(
      whole.spectra.filter((s) => s.direction === 'forward'),
      false,
    );
    const extraNames = [...new Set(whole.spectra.flatMap((s) => s.extra.map((c) => c.name)))];
    expect(extraNames.length).toBeGreaterThan(0);
    expect(whole.spectra.some((s) => s.direction === 'backward')).toBe(true);
    expect(values).toBeGreaterThan(currents);
    expect(currents).toBeGreaterThan(forward);
    const over = (limit: number): string =>
      `${values} values (pixels x curves x points), over the limit of ${limit}`;
    const same = (a: (typeof whole.spectra)[number], b: (typeof whole.spectra)[number]): void => {
      expect([a.gridIndex, a.sweep, a.direction, a.position]).toEqual([
        b.gridIndex,
        b.sweep,
        b.direction,
        b.position,
      ]);
      expect(Array.from(a.bias)).toEqual(Array.from(b.bias));
      expect(Array.from(a.current)).toEqual(Array.from(b.current));
    };

    // One value under what the pixels hold whole: every record, its currents only.
    const currentsOnly = parseFile('g.3ds', grid, { limits: { maxSpectrumValues: values - 1 } });
    expect(currentsOnly.spectra).toHaveLength(whole.spectra.length);
    currentsOnly.spectra.forEach((s, i) => {
      same(s, whole.spectra[i]!);
      expect(s.extra).toEqual([]);
    });
    expect(currentsOnly.warnings).toEqual([
      `pixel spectra stored without their other channels (${extraNames.join(', ')}): ${over(values - 1)} with them; the Grid view and its maps read them from the file`,
    ]);

    // Under the currents: the forward ones only.
    const forwardOnly = parseFile('g.3ds', grid, { limits: { maxSpectrumValues: currents - 1 } });
    const wholeForward = whole.spectra.filter((s) => s.direction === 'forward');
    expect(forwardOnly.spectra).toHaveLength(wholeForward.length);
    forwardOnly.spectra.forEach((s, i) => same(s, wholeForward[i]!));
    expect(forwardOnly.warnings[0]).toMatch(
      /^pixel spectra stored without their backward sweeps and other channels/,
    );

    // Under even that: a grid without pixel rows.
    const large = parseFile('g.3ds', grid, { limits: { maxSpectrumValues: forward - 1 } });
    expect(large.spectra).toEqual([]);
    expect(large.kind).toBe(whole.kind);
    expect(large.grid).toEqual(whole.grid);
    expect(large.header).toEqual(whole.header);
    expect(large.warnings).toEqual([
      `pixel spectra not stored: ${over(forward - 1)}; the Grid view and its maps read the file`,
    ]);
    const exact = parseFile('g.3ds', grid, { limits: { maxSpectrumValues: values } });
    expect(exact.spectra).toHaveLength(whole.spectra.length);
    expect(exact.warnings).toEqual([]);
  });

  it('refuses a grid channel name longer than allowed (each pixel would store a copy)', () => {
    const grid = new Uint8Array(readFileSync(realFile('nanonis-3ds', 'NanonisReader_STS_grid_lockin.3ds')));
    expect(parseFile('g.3ds', grid).spectra.length).toBeGreaterThan(0);
    const error = parseFailure(() => parseFile('g.3ds', grid, { limits: { maxChannelNameChars: 5 } }));
    expect(error.code).toBe('limit');
    expect(error.message).toMatch(/^characters in a channel name of the grid: \d+, over the limit of 5$/);
  });
});
