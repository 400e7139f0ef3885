// The scan of the user's folders runs without blocking the process: the browser-mode server
// answers requests while a 20,000-entry tree is scanned. Real files, a real bridge over HTTP.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { createDispatch } from '../../shared/api/dispatch.ts';
import { bridgeApi } from '../../testing/bridgeClient.ts';
import { startBridge } from '../bridge/bridgeServer.ts';
import { LibraryService } from '../services/libraryService.ts';
import { scanPaths } from './scanPaths.ts';

const FOLDERS = 200;
const PER_FOLDER = 100;

/** 200 folders of 100 small files (20,000 entries), plus a link loop and a FIFO. */
function bigTree(): string {
  const root = mkdtempSync(join(tmpdir(), 'sts-scan-'));
  for (let f = 0; f < FOLDERS; f++) {
    const folder = join(root, `day${String(f).padStart(3, '0')}`);
    mkdirSync(folder);
    for (let i = 0; i < PER_FOLDER; i++)
      writeFileSync(join(folder, `note${String(i).padStart(3, '0')}.xyz`), `${f},${i}\n`);
  }
  symlinkSync(root, join(root, 'day000', 'back'));
  execFileSync('mkfifo', [join(root, 'day001', 'pipe.xyz')]);
  return root;
}

describe('scanPaths', () => {
  it('lists a 20,000-entry tree in sorted order, ends the link loop and skips the FIFO', async () => {
    const root = bigTree();
    const scan = await scanPaths([root]);
    expect(scan.files).toHaveLength(FOLDERS * PER_FOLDER);
    expect(scan.files[0]!.path).toBe(join(root, 'day000', 'note000.xyz'));
    expect(scan.files.at(-1)!.path).toBe(join(root, 'day199', 'note099.xyz'));
    const paths = scan.files.map((f) => f.path);
    expect([...paths].sort()).toEqual(paths);
    expect(scan.files[1]).toMatchObject({ name: 'note001.xyz', size: '0,1\n'.length });
    expect(scan.skipped).toEqual([
      {
        file: join(root, 'day000', 'back'),
        reason: `a link back to ${root}, which is already being scanned (loop)`,
      },
      { file: join(root, 'day001', 'pipe.xyz'), reason: 'not a regular file (FIFO)' },
    ]);
    expect(scan.problems).toEqual([]);
  }, 60_000);

  it('the server answers requests while the import scans the 20,000-entry tree', async () => {
    const root = bigTree();
    const dir = mkdtempSync(join(tmpdir(), 'sts-scan-server-'));
    const rendererRoot = join(dir, 'renderer');
    mkdirSync(rendererRoot);
    writeFileSync(join(rendererRoot, 'index.html'), '<!doctype html><title>t</title>');
    const service = new LibraryService({ dbPath: join(dir, 'library.sqlite'), workers: 1 });
    const bridge = await startBridge({ dispatch: createDispatch(service.handlers), rendererRoot });
    try {
      const api = bridgeApi(bridge);
      const { runId } = await api.startImport({ paths: [root] });
      // filesTotal grows as the scan hands files on, between chunks of 256 stat calls in a folder:
      // with folders of 100 files it is set when the scan ends, so every answer before came during it.
      let answeredDuringScan = 0;
      for (;;) {
        const progress = await api.getImportProgress({ runId });
        if (progress.filesTotal > 0 || progress.state !== 'running') break;
        expect((await api.getLibraryInfo({})).files).toBe(0);
        answeredDuringScan++;
      }
      const after = await api.getImportProgress({ runId });
      expect(after.filesTotal).toBe(FOLDERS * PER_FOLDER);
      expect(answeredDuringScan).toBeGreaterThan(0);
      await api.cancelImport({ runId });
    } finally {
      await bridge.close();
      await service.close();
    }
  }, 120_000);
});
