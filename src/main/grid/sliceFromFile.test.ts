import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { syntheticGrid } from '../../../scripts/grid/syntheticGrid.ts';
import { realFile } from '../../testing/realData.ts';
import { readFileSync } from 'node:fs';
import { biasSliceFromFile } from '../../shared/grid/biasSlice.ts';
import { biasSliceOfFile } from './sliceFromFile.ts';

describe('biasSliceOfFile (positional reads)', () => {
  it('equals the map from the whole bytes: synthetic aborted grid and a real grid', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-slice-'));
    const path = join(dir, 'g.3ds');
    const grid = syntheticGrid({ seed: 8, width: 20, height: 15, points: 300, written: 211 });
    writeFileSync(path, grid.bytes);
    for (const [channel, centre, half] of [
      [0, -1.1, 0.02],
      [1, 1.5, 0],
      [0, 0.3, 0.3],
    ] as const) {
      expect(Array.from(biasSliceOfFile(path, channel, centre, half))).toEqual(
        Array.from(biasSliceFromFile(grid.bytes, path, channel, centre, half)),
      );
    }
    const real = realFile('nanonis-3ds', 'NanonisReader_STS_grid_lockin.3ds');
    expect(Array.from(biasSliceOfFile(real, 1, 0.1, 0.01))).toEqual(
      Array.from(biasSliceFromFile(new Uint8Array(readFileSync(real)), real, 1, 0.1, 0.01)),
    );
  });
});
