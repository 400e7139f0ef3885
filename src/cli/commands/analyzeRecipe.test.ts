// `analyze --recipe`: a stored run analysed again with the recipe `export` wrote beside its table
// gives the same numbers; options still win over the file; a bad file is refused naming the field.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { cli } from '../../testing/cliProcess.ts';

const here = dirname(fileURLToPath(import.meta.url));
const realDat = resolve(here, '../../../../shared/data/real/nanonis-dat');

interface Report {
  recipe: Record<string, unknown> & {
    derivative: { window: number; polyorder: number };
    traps: { deep: number[] };
    edges: { method: string };
  };
  groups: unknown[];
  spectra: unknown[];
}

let dir: string;
let db: string;
let first: Report;
let sidecar: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sts-recipe-'));
  db = join(dir, 'library.sqlite');
  expect(cli('import', realDat, '--db', db, '--json').status).toBe(0);
  const labels = join(dir, 'labels.csv');
  writeFileSync(labels, 'file,label\nSTS003.dat,a\nFollow Me_Bias Spectroscopy054.dat,a\ni_v.dat,b\n');
  const run = cli(
    'analyze',
    '--db',
    db,
    '--labels',
    labels,
    '--sg',
    '21,2',
    '--window',
    '-0.5,0.4',
    '--json',
  );
  expect(run.stderr).toBe('');
  first = JSON.parse(run.stdout) as Report;
  const csv = join(dir, 'a.csv');
  expect(cli('export', '--db', db, '--group', 'a', '--what', 'averaged', '--csv', csv).status).toBe(0);
  sidecar = `${csv}.recipe.json`;
}, 60_000);

describe('sts-workbench analyze --recipe', () => {
  it("analyses again with an export's recipe and gives the same numbers", () => {
    const again = cli('analyze', '--db', db, '--recipe', sidecar, '--json');
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    const report = JSON.parse(again.stdout) as Report;
    expect(report.recipe.derivative).toMatchObject({ window: 21, polyorder: 2 });
    expect(report.recipe.traps.deep).toEqual([-0.5, 0.4]);
    expect(report.recipe).toEqual(first.recipe);
    expect(report.groups).toEqual(first.groups);
    expect(report.spectra).toEqual(first.spectra);
  });

  it('lets the options win over the file, field by field', () => {
    const run = cli('analyze', '--db', db, '--recipe', sidecar, '--sg', '11,3', '--dry-run', '--json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.recipe.derivative).toMatchObject({ method: 'savgol', window: 11, polyorder: 3 });
    // The rest is the file's.
    expect(report.recipe.traps.deep).toEqual([-0.5, 0.4]);
  });

  it('takes a plain JSON object of recipe fields', () => {
    const file = join(dir, 'median.json');
    writeFileSync(file, JSON.stringify({ average: 'median', edges: { method: 'onset' } }));
    const report = JSON.parse(
      cli('analyze', '--db', db, '--recipe', file, '--dry-run', '--json').stdout,
    ) as Report;
    expect(report.recipe.average).toBe('median');
    expect(report.recipe.edges.method).toBe('onset');
    // Left out: the defaults.
    expect(report.recipe.derivative).toMatchObject({ window: 15, polyorder: 3 });
  });

  it.each([
    ['{"averageMinCover": 2}', /^sts-workbench: --recipe \S+: averageMinCover: .*1/],
    [
      '{"traps": {"deep": [1, -1]}}',
      /^sts-workbench: --recipe \S+: traps\.deep: the deep-trap window needs lower < upper/,
    ],
    ['{"smoothing": 3}', /^sts-workbench: --recipe \S+: .*smoothing/],
    ['[1, 2]', /^sts-workbench: --recipe: \S+ holds no JSON object of recipe fields/],
    ['{"average": ', /^sts-workbench: --recipe: \S+ is not JSON/],
  ])('refuses %s with exit 2, naming the file and the field', (text, message) => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, text);
    const run = cli('analyze', '--db', db, '--recipe', file, '--dry-run');
    expect(run.status).toBe(2);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr).toMatch(message);
  });

  it('refuses spectrum ids this library does not hold (a recipe from another library), takes its own', () => {
    const foreign = join(dir, 'foreign.json');
    writeFileSync(
      foreign,
      JSON.stringify({
        exclusions: [{ id: 999999, action: 'exclude', note: '' }],
        series: { split: [888888] },
      }),
    );
    const refused = cli('analyze', '--db', db, '--recipe', foreign, '--dry-run');
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(
      /^sts-workbench: --recipe \S+foreign\.json: spectrum ids not in this library: 999999, 888888 /,
    );
    const own = join(dir, 'own.json');
    writeFileSync(own, JSON.stringify({ exclusions: [{ id: 1, action: 'exclude', note: 'by hand' }] }));
    const run = cli('analyze', '--db', db, '--recipe', own, '--dry-run', '--json');
    expect(run.status).toBe(0);
    expect((JSON.parse(run.stdout) as Report).recipe.exclusions).toContainEqual({
      id: 1,
      action: 'exclude',
      note: 'by hand',
    });
  });

  it('refuses a file that is not there', () => {
    const run = cli('analyze', '--db', db, '--recipe', join(dir, 'none.json'));
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('none.json: no such file');
  });

  it("holds the run's recipe in the export's sidecar", () => {
    const stored = JSON.parse(readFileSync(sidecar, 'utf8')) as { runId: number; recipe: object };
    expect(stored.runId).toBeGreaterThan(0);
    // The report adds the app version to the recipe it prints.
    expect({ ...stored.recipe, appVersion: first.recipe.appVersion }).toEqual(first.recipe);
  });
});
