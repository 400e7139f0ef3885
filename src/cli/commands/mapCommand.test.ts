// `sts-workbench map` as a user runs it: a real process on real and synthetic .3ds files.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticGrid } from '../../../scripts/grid/syntheticGrid.ts';
import { resolveRecipe } from '../../shared/analysis/recipe.ts';
import { decodeNanonis3dsCube } from '../../shared/formats/nanonis3dsCube.ts';
import { gridMaps } from '../../shared/grid/gridMaps.ts';
import { realFile } from '../../testing/realData.ts';
import { cli } from '../../testing/cliProcess.ts';

interface MapJson {
  file: string;
  width: number;
  height: number;
  points: number;
  maps: Record<'vbm' | 'cbm' | 'gap' | 'deepTrap', Array<number | null>>;
}

describe('sts-workbench map', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sts-map-'));
  // 16 x 12 (not square) so width and height cannot be swapped unnoticed; aborted after 150 pixels.
  const grid = syntheticGrid({ seed: 4, width: 16, height: 12, points: 200, written: 150 });
  const file = join(dir, 'aborted.3ds');
  writeFileSync(file, grid.bytes);

  it('--json: Grid dim, file pixel order, null for no edge and for never-written pixels', () => {
    const run = cli('map', file, '--json');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as MapJson;
    expect([report.file, report.width, report.height, report.points]).toEqual([file, 16, 12, 200]);
    expect(Object.keys(report.maps)).toEqual(['vbm', 'cbm', 'gap', 'deepTrap']);
    const expected = gridMaps(decodeNanonis3dsCube(grid.bytes, file), resolveRecipe());
    for (const name of ['vbm', 'cbm', 'gap', 'deepTrap'] as const) {
      const values = report.maps[name];
      expect(values).toHaveLength(16 * 12);
      values.forEach((v, pixel) => {
        if (pixel >= 150) expect(v).toBeNull();
        const want = expected.maps[name][pixel]!;
        // JSON numbers round-trip doubles exactly: the worker threads' maps equal one thread's.
        expect(v).toBe(Number.isFinite(want) ? want : null);
      });
    }
    // Substrate pixels have no edges, particle pixels do; VBM negative.
    grid.truth.slice(0, 150).forEach((t, pixel) => {
      if (t.region === 'substrate') expect(report.maps.gap[pixel]).toBeNull();
    });
    const vbms = report.maps.vbm.filter((v): v is number => v !== null);
    expect(vbms.length).toBeGreaterThan(10);
    expect(Math.max(...vbms)).toBeLessThan(0);
    // Gap null whenever either edge is.
    report.maps.gap.forEach((gap, pixel) => {
      const missing = report.maps.vbm[pixel] === null || report.maps.cbm[pixel] === null;
      expect(gap === null).toBe(missing);
    });
  });

  it('--csv: one row per pixel with x (column), y (row) and the maps; recipe options apply', () => {
    const out = join(dir, 'maps.csv');
    const run = cli('map', file, '--csv', out, '--sg', '21,3', '--window', '-0.6,0.8');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const lines = readFileSync(out, 'utf8').trimEnd().split('\n');
    expect(lines[0]).toBe('x,y,vbm,cbm,gap,deepTrap');
    expect(lines).toHaveLength(1 + 16 * 12);
    const recipe = resolveRecipe({ derivative: { window: 21, polyorder: 3 }, traps: { deep: [-0.6, 0.8] } });
    const expected = gridMaps(decodeNanonis3dsCube(grid.bytes, file), recipe);
    const row = lines[1 + 16 * 3 + 5]!.split(',');
    expect(row.slice(0, 2)).toEqual(['5', '3']);
    const pixel = 3 * 16 + 5;
    const cell = (v: number): string => (Number.isFinite(v) ? String(v) : '');
    expect(row.slice(2)).toEqual([
      cell(expected.maps.vbm[pixel]!),
      cell(expected.maps.cbm[pixel]!),
      cell(expected.maps.gap[pixel]!),
      cell(expected.maps.deepTrap[pixel]!),
    ]);
    expect(lines.at(-1)).toBe('15,11,,,,');
  });

  it('a grid large enough for both cores: every map equal to the single-thread path', () => {
    const big = syntheticGrid({ seed: 31, width: 40, height: 30, points: 160 });
    const bigFile = join(dir, 'big.3ds');
    writeFileSync(bigFile, big.bytes);
    const run = cli('map', bigFile, '--json', '--method', 'first-peak');
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as MapJson;
    const expected = gridMaps(
      decodeNanonis3dsCube(big.bytes, bigFile),
      resolveRecipe({ edges: { method: 'first-peak' } }),
    );
    for (const name of ['vbm', 'cbm', 'gap', 'deepTrap'] as const)
      expect(report.maps[name]).toEqual(
        Array.from(expected.maps[name], (v) => (Number.isFinite(v) ? v : null)),
      );
    expect(report.maps.gap.filter((v) => v !== null).length).toBeGreaterThan(200);
  });

  it('the real 45° lock-in grid: 30 x 30 entries per map', () => {
    const run = cli('map', realFile('nanonis-3ds', 'NanonisReader_STS_grid_lockin.3ds'), '--json');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as MapJson;
    expect([report.width, report.height, report.points, report.maps.gap.length]).toEqual([30, 30, 200, 900]);
    expect(run.stdout).not.toContain('NaN');
  });

  it('a Z-spectroscopy grid and an unknown channel are refused, naming the file', () => {
    const z = realFile('nanonis-3ds', 'Grid Spectroscopy006.3ds');
    const run = cli('map', z, '--json');
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('Grid Spectroscopy006.3ds: sweep signal "Z (m)" is not the bias');
    const channel = cli('map', file, '--channel', 'Nope (A)');
    expect(channel.status).toBe(1);
    expect(channel.stderr).toContain(`${file}: no forward channel "Nope (A)"`);
  });
});
