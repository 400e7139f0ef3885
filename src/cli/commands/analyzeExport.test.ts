// `analyze` and `export` as a user runs them: real processes on a library of the demo session.
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateDemo } from '../../main/analysis/demoSession.testing.ts';
import { cli } from '../../testing/cliProcess.ts';

const statsKeys = ['mean', 'median', 'n', 'std'];
let demo: string;
let db: string;
let out: string;

beforeAll(() => {
  demo = generateDemo();
  out = mkdtempSync(join(tmpdir(), 'sts-export-'));
  db = join(out, 'library.sqlite');
  expect(cli('import', demo, '--db', db, '--json').status).toBe(0);
  // Generating the demo integrates the model per point (~20 s on a loaded 2-core machine).
}, 180_000);

describe('sts-workbench analyze', () => {
  it('applies the labels and prints the report as JSON', () => {
    const r = cli('analyze', '--db', db, '--labels', join(demo, 'labels.csv'), '--json');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout) as {
      recipe: Record<string, unknown>;
      spectra: Array<Record<string, unknown>>;
      groups: unknown[];
      comparisons: unknown[];
      series: unknown[];
    };
    expect(Object.keys(report)).toEqual(['recipe', 'spectra', 'groups', 'comparisons', 'series']);
    expect(report.recipe).toMatchObject({ appVersion: expect.any(String), edges: { method: 'band' } });
    expect(report.spectra.length).toBeGreaterThan(60);
    for (const s of report.spectra) {
      expect(Object.keys(s)).toEqual([
        'file',
        'name',
        'sweep',
        'direction',
        'label',
        'vbm',
        'cbm',
        'gap',
        'inGapStates',
        'flags',
        'excluded',
        'reason',
        'currentNoiseRaise',
      ]);
      expect(s.excluded).toBe((s.flags as string[]).length > 0);
    }
    // The demo's trap states are reported as in-gap states, inside the gap.
    const core = report.spectra.find((s) => s.label === 'core' && s.gap !== null)!;
    const states = core.inGapStates as Array<{ bias: number; height: number; width: number }>;
    expect(states.length).toBeGreaterThan(0);
    for (const st of states)
      expect(st.bias > (core.vbm as number) && st.bias < (core.cbm as number)).toBe(true);
    expect(report.groups).toHaveLength(3);
    for (const g of report.groups as Array<Record<string, Record<string, unknown>>>) {
      expect(Object.keys(g)).toEqual([
        'label',
        'n',
        'excluded',
        'ciReason',
        'vbm',
        'cbm',
        'gap',
        'deepTrap',
        'averaged',
      ]);
      for (const key of ['vbm', 'cbm', 'gap', 'deepTrap'])
        expect(Object.keys(g[key]!).sort()).toEqual(statsKeys);
      expect(Object.keys(g.averaged!)).toEqual(['vbm', 'cbm', 'gap', 'deepTrap', 'leftOut', 'note']);
      // The demo's sweeps share one range: none is left out of an average.
      expect(g.averaged!.leftOut).toEqual([]);
      expect(g.averaged!.note).toBeNull();
    }
    expect(report.comparisons).toHaveLength(6);
    expect(Object.keys(report.comparisons[0] as object)).toEqual(['a', 'b', 'deepTrapReduction', 'ci95']);
    expect(report.series).toHaveLength(2);
    const series = report.series[0] as {
      files: string[];
      label: string;
      sweeps: Array<Record<string, unknown>>;
    };
    expect(Object.keys(series)).toEqual(['files', 'label', 'sweeps']);
    expect(Object.keys(series.sweeps[0]!)).toEqual([
      'sweep',
      'vbm',
      'cbm',
      'gap',
      'gapChange',
      'inGapIntegral',
      'metallic',
    ]);
  });

  it('takes the method, deep window and Savitzky–Golay settings into the stored recipe', () => {
    const r = cli(
      'analyze',
      '--db',
      db,
      '--method',
      'onset',
      '--window',
      '-0.7,0.9',
      '--sg',
      '21,2',
      '--json',
    );
    expect(r.status).toBe(0);
    const { recipe } = JSON.parse(r.stdout) as { recipe: Record<string, Record<string, unknown>> };
    expect(recipe.edges!.method).toBe('onset');
    expect(recipe.traps!.deep).toEqual([-0.7, 0.9]);
    expect(recipe.derivative).toEqual({ method: 'savgol', window: 21, polyorder: 2, maxSpan: 0.5 });
  });

  it('prints a readable table without --json', () => {
    const r = cli('analyze', '--db', db);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^analysis run \d+/);
    expect(r.stdout).toContain('core → crown-centre');
  });

  it('exits 2 with one line on stderr for bad arguments', () => {
    for (const args of [
      ['--method', 'peak'],
      ['--window', '1'],
      ['--window', '1,0'],
      ['--sg', '14,3'],
      ['--sg', '5,4'],
      ['--labels', '/no/such.csv'],
    ]) {
      const r = cli('analyze', '--db', db, ...args);
      expect(r.status, args.join(' ')).toBe(2);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    expect(cli('analyze').status).toBe(2);
    expect(cli('analyze', '--db', join(out, 'missing.sqlite')).status).toBe(2);
  });
});

describe('sts-workbench export', () => {
  beforeAll(() => {
    expect(cli('analyze', '--db', db, '--json').status).toBe(0);
  });

  // The provenance header ("# " lines) first, then the table (no field here needs quoting).
  const readCsv = (path: string): string[][] => {
    const lines = readFileSync(path, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# STS Workbench .* · analysis run \d+ /);
    expect(lines[1]).toMatch(/^# recipe: \{/);
    return lines.filter((line) => !line.startsWith('#')).map((line) => line.split(','));
  };

  it('writes the averaged spectrum of a group with its recipe beside it', () => {
    const csv = join(out, 'core-averaged.csv');
    expect(cli('export', '--db', db, '--group', 'core', '--what', 'averaged', '--csv', csv).status).toBe(0);
    const rows = readCsv(csv);
    expect(rows[0]).toEqual(['bias_V', 'current_A', 'didv_AperV']);
    expect(rows).toHaveLength(1 + 401);
    expect(
      rows.slice(1).every((row) => row.length === 3 && row.every((v) => Number.isFinite(Number(v)))),
    ).toBe(true);
    const sidecar = JSON.parse(readFileSync(`${csv}.recipe.json`, 'utf8')) as Record<string, unknown>;
    expect(sidecar).toMatchObject({ group: 'core', what: 'averaged', recipe: { direction: 'forward' } });
  });

  it('writes one row per spectrum of the group for edges', () => {
    const csv = join(out, 'crown-edges.csv');
    expect(cli('export', '--db', db, '--group', 'crown-centre', '--what', 'edges', '--csv', csv).status).toBe(
      0,
    );
    const rows = readCsv(csv);
    expect(rows[0]).toEqual([
      'file',
      'sweep',
      'direction',
      'x_m',
      'y_m',
      'series_sweep',
      'vbm_V',
      'cbm_V',
      'gap_V',
      'deep_trap_V',
      'flags',
      'excluded',
      'reason',
      'current_noise_raise',
    ]);
    // 20 spots, one of them a 5-file series.
    expect(rows).toHaveLength(1 + 24);
    // Exclusion follows the flags, and every excluded row says why.
    for (const row of rows.slice(1)) {
      expect(row[11]).toBe(row[10] === '' ? '0' : '1');
      expect(row[12] === '').toBe(row[11] === '0');
    }
  });

  it('writes one row per sweep of the group’s series', () => {
    const csv = join(out, 'core-series.csv');
    expect(cli('export', '--db', db, '--group', 'core', '--what', 'series', '--csv', csv).status).toBe(0);
    const rows = readCsv(csv);
    expect(rows[0]![0]).toBe('series');
    expect(rows).toHaveLength(1 + 5);
    expect(rows.slice(1).map((row) => row[2])).toEqual(['1', '2', '3', '4', '5']);
  });

  it('exits 2 for an unknown group or table', () => {
    const csv = join(out, 'x.csv');
    expect(cli('export', '--db', db, '--group', 'nope', '--what', 'edges', '--csv', csv).status).toBe(2);
    expect(cli('export', '--db', db, '--group', 'core', '--what', 'all', '--csv', csv).status).toBe(2);
    expect(existsSync(csv)).toBe(false);
  });
});
