// A group of real Nanonis sweeps of very different bias ranges, through the CLI as a user runs it:
// the ±15 mV and ±8 mV sweeps are left out of the group's average (which then spans ±0.6 V, not
// ±8 mV), and `analyze --json` and `export --what averaged` say which and why.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../testing/cliProcess.ts';

const here = dirname(fileURLToPath(import.meta.url));
const realDat = resolve(here, '../../../../shared/data/real/nanonis-dat');

let dir: string;
let db: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sts-range-'));
  db = join(dir, 'library.sqlite');
  expect(cli('import', realDat, '--db', db, '--json').status).toBe(0);
  // Ranges as the files hold them: ±0.6 V, ±1 V, ±15 mV (two sweeps: one spot), ±8 mV.
  writeFileSync(
    join(dir, 'labels.csv'),
    'file,label\nSTS003.dat,defect\nFollow Me_Bias Spectroscopy054.dat,defect\n' +
      'nanonis_sts_15mv.dat,defect\ni_v.dat,defect\n',
  );
}, 60_000);

describe('a real group of sweeps over different bias ranges', () => {
  it('averages the sweeps covering the group’s range and names those left out', () => {
    const r = cli('analyze', '--db', db, '--labels', join(dir, 'labels.csv'), '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      groups: Array<{ label: string; n: number; averaged: { leftOut: string[]; note: string | null } }>;
    };
    const defect = report.groups.find((g) => g.label === 'defect')!;
    // Four spots count in n; the median start and end are the mean of −0.6 V and −15 mV, and of
    // 15 mV and 0.6 V: ±0.3075 V, which the ±15 mV and ±8 mV sweeps cover 5 % and 3 % of.
    expect(defect.n).toBe(4);
    expect(defect.averaged.leftOut.map((file) => file.split('/').pop()).sort()).toEqual([
      'i_v.dat',
      'nanonis_sts_15mv.dat',
    ]);
    expect(defect.averaged.note).toBe(
      "2 of 4 sweeps left out of the average: their bias ranges cover less than 90 % of the group's " +
        '-0.307 V … 0.307 V (median start to median end); the narrowest -0.008 V … 0.008 V',
    );

    const csv = join(dir, 'defect.csv');
    expect(cli('export', '--db', db, '--group', 'defect', '--what', 'averaged', '--csv', csv).status).toBe(0);
    const lines = readFileSync(csv, 'utf8').split('\n');
    const view = JSON.parse(lines.find((l) => l.startsWith('# view: '))!.slice('# view: '.length)) as {
      sweepsAveraged: number;
      leftOut: string[];
      note: string;
    };
    expect(view.sweepsAveraged).toBe(2);
    expect(view.leftOut).toHaveLength(2);
    expect(view.note).toBe(defect.averaged.note);
    // The averaged curve spans the overlap of STS003.dat (±0.6 V) and Follow Me (±1 V).
    const bias = lines
      .filter((l) => /^-?\d/.test(l))
      .map((l) => Number(l.split(',')[0]))
      .filter(Number.isFinite);
    expect(Math.min(...bias)).toBeCloseTo(-0.6, 6);
    expect(Math.max(...bias)).toBeGreaterThan(0.59);
  });
});
