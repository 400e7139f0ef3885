// Seeded random damage to every real file that has a reader: each mutant must parse or throw ParseError,
// never another exception, and never take more than a second.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { describe, expect, it } from 'vitest';
import { realFile, realFiles } from '../../testing/realData.ts';
import { parseCreatecDat } from './createcDat.ts';
import { parseCreatecVert } from './createcVert.ts';
import { parseNanonis3ds } from './nanonis3ds.ts';
import { parseNanonisDat } from './nanonisDat.ts';
import { parseNanonisSxm } from './nanonisSxm.ts';
import { parseGwyddion } from './gwyddion.ts';
import { parseWsxm } from './wsxm.ts';
import { matrixParameterFileName, parseOmicronMatrix } from './omicronMatrix.ts';
import { parseRhkSm4 } from './rhkSm4.ts';
import { parseTextIv } from './textIv.ts';
import { ParseError, type ParsedFile } from './types.ts';
import { mulberry32 } from '../analysis/random.ts';
import { mutate } from '../../testing/mutate.ts';

const MUTANTS_PER_FILE = 200;
/** Seeded (mulberry32), so every failure can be replayed. */
const random = mulberry32;

const realBytesCache = new Map<string, Uint8Array>();
function realBytes(folder: string, name: string): Uint8Array {
  const key = `${folder}/${name}`;
  const bytes = realBytesCache.get(key) ?? new Uint8Array(readFileSync(realFile(folder, name)));
  realBytesCache.set(key, bytes);
  return bytes;
}

/** A damaged MATRIX data file read with its intact parameter file. */
function matrixData(bytes: Uint8Array, name: string): ParsedFile {
  const parameters = realBytes('omicron-matrix', matrixParameterFileName(name) ?? '');
  return parseOmicronMatrix(bytes, name, parameters);
}

/** A damaged MATRIX parameter file read with an intact data file of its session. */
const MATRIX_DATA_OF: Record<string, string> = {
  '2014Sep30-111118_0001.mtrx': '2014Sep30-111118--2_1.I(V)_mtrx',
  '20201111_0001.mtrx': '20201111--4_1.Z_mtrx',
};
function matrixParameters(bytes: Uint8Array, name: string): ParsedFile {
  const dataName = MATRIX_DATA_OF[name] ?? '';
  return parseOmicronMatrix(realBytes('omicron-matrix', dataName), dataName, bytes);
}

/** [real-data folder, reader, which of the folder's files it reads (default all)]. */
const READERS: Array<[string, (bytes: Uint8Array, name: string) => ParsedFile, RegExp?]> = [
  ['nanonis-dat', parseNanonisDat],
  ['nanonis-sxm', parseNanonisSxm],
  ['nanonis-3ds', parseNanonis3ds],
  ['rhk-sm4', parseRhkSm4],
  ['omicron-matrix', parseOmicronMatrix],
  ['omicron-matrix', matrixData, /_mtrx$/],
  ['omicron-matrix', matrixParameters, /_0001\.mtrx$/],
  ['gwyddion', parseGwyddion],
  ['createc', parseCreatecVert, /\.vert$/i],
  ['createc', parseCreatecDat, /\.dat$/],
  ['wsxm', parseWsxm, /\.top$/],
];

describe('fuzz: damaged real files give ParsedFile or ParseError', () => {
  for (const [folder, read, only] of READERS) {
    for (const path of realFiles(folder).filter((p) => !only || only.test(p))) {
      const name = basename(path);
      it(`${name} (${read.name})`, () => {
        const original = new Uint8Array(readFileSync(path));
        let seed = 0;
        for (const c of name) seed = (seed * 31 + c.charCodeAt(0)) >>> 0;
        const next = random(seed);
        // The undamaged file reads (a MATRIX parameter file alone is refused by design): the mutants
        // below exercise a working reader, not only its first check.
        if (read !== parseOmicronMatrix) expect(() => read(original, name)).not.toThrow();
        const outcomes = { parsed: 0, refused: 0 };
        for (let i = 0; i < MUTANTS_PER_FILE; i++) {
          const { bytes, what } = mutate(original, next);
          const start = performance.now();
          try {
            read(bytes, name);
            outcomes.parsed++;
          } catch (error) {
            outcomes.refused++;
            if (!(error instanceof ParseError)) {
              throw new Error(`mutant ${i} (${what}) threw ${String(error)}`, { cause: error });
            }
          }
          const elapsed = performance.now() - start;
          if (elapsed > 1000) throw new Error(`mutant ${i} (${what}) took ${elapsed.toFixed(0)} ms`);
        }
        expect(outcomes.parsed + outcomes.refused).toBe(MUTANTS_PER_FILE);
      });
    }
  }
});

describe('pathological inputs finish quickly', () => {
  const big = 200_000;
  const cases: Array<[string, string, (bytes: Uint8Array, name: string) => ParsedFile]> = [
    ['a long run of CRs in a text file', `V\tA\n1\t2${'\r'.repeat(big)}`, parseTextIv],
    ['a cell of many digits', `1\t${'9'.repeat(big)}x\n`, parseTextIv],
    ['a header cell with a long blank run', `a${' '.repeat(big)}b (nA)\tV\n1\t2\n`, parseTextIv],
    [
      'a .dat column name with a long blank run',
      `Experiment\tbias spectroscopy\t\n[DATA]\nBias calc (V)\tC${' '.repeat(big)}x (A)\n1\t2\n`,
      parseNanonisDat,
    ],
    [
      'a .dat data cell of many digits',
      `Experiment\tZ\t\n[DATA]\nA (V)\n${'1'.repeat(big)}.5\n`,
      parseNanonisDat,
    ],
    ['an .sxm tag line of colons', `${':'.repeat(big)}\n:SCANIT_END:\n`, parseNanonisSxm],
    ['a .3ds header of one long line', `Grid dim="${'1'.repeat(big)} x 1"\n:HEADER_END:\n`, parseNanonis3ds],
  ];
  for (const [what, text, read] of cases) {
    it(what, () => {
      const bytes = new TextEncoder().encode(text);
      const start = performance.now();
      try {
        read(bytes, 'x.txt');
      } catch (error) {
        expect(error).toBeInstanceOf(ParseError);
      }
      expect(performance.now() - start).toBeLessThan(1000);
    });
  }
});
