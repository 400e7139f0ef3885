// Where tests find the real instrument files (../shared/data/real). CI sets STS_REAL_DATA; locally
// the sibling checkout is used. A missing folder is an error, never a silent skip.
import { existsSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

export function realDataDir(): string {
  const dir = process.env.STS_REAL_DATA ?? resolve(repoRoot, '../shared/data/real');
  if (!existsSync(dir)) {
    throw new Error(`real instrument data not found at ${dir}: set STS_REAL_DATA to ../shared/data/real`);
  }
  return dir;
}

/** Absolute path of a real file, e.g. realFile('nanonis-dat', 'i_v.dat'); throws if absent. */
export function realFile(folder: string, name: string): string {
  const path = join(realDataDir(), folder, name);
  if (!existsSync(path)) throw new Error(`real data file missing: ${path}`);
  return path;
}

/** Every file in one real-data folder, sorted, as absolute paths. */
export function realFiles(folder: string): string[] {
  const dir = join(realDataDir(), folder);
  return readdirSync(dir)
    .sort()
    .map((name) => join(dir, name));
}
