// Test helper: the demo session generated into a temp folder, imported into a fresh library and
// labelled from its labels.csv. truth.json is what the analysis must recover.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LibraryService } from '../services/libraryService.ts';

export interface DemoTruth {
  groups: Array<{ label: string; n: number; vbmMean: number; cbmMean: number; deepTrapMean: number }>;
  deepTrapReductionCoreToCrownCentre: number;
  series: Array<{ files: string[]; label: string; sweeps: Array<{ vbm: number; cbm: number; gap: number }> }>;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/** Writes the demo session into a new temp folder; returns the folder. */
export function generateDemo(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'sts-demo-')), 'demo');
  const result = spawnSync(process.execPath, [join(root, 'scripts/generateDemo.ts'), dir], {
    encoding: 'utf8',
  });
  if (result.status !== 0) throw new Error(`generateDemo failed: ${result.stderr}`);
  return dir;
}

export function readTruth(demoDir: string): DemoTruth {
  return JSON.parse(readFileSync(join(demoDir, 'truth.json'), 'utf8')) as DemoTruth;
}

/** A library with the demo imported (not yet labelled unless `label`); close the service after. */
export async function importDemo(demoDir: string, label: boolean): Promise<LibraryService> {
  const dbPath = join(mkdtempSync(join(tmpdir(), 'sts-demo-lib-')), 'library.sqlite');
  const service = new LibraryService({ dbPath, workers: 2 });
  const progress = await service.startImport([demoDir]).done;
  if (progress.state !== 'done') throw new Error(`demo import ${progress.state}: ${progress.error}`);
  if (label) await service.handlers.importLabels({ path: join(demoDir, 'labels.csv') });
  return service;
}
