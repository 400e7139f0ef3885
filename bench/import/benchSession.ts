// The bench session bench:import generates (bench/.data/import-session), as the stage benches read
// it: its files in name order, and how many passes each figure is the minimum of.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const RUNS = Number(process.env.BENCH_RUNS ?? 3);
/** Files per write batch, as the import writes them. */
export const BATCH = 128;

export function benchSessionFiles(): Array<{ name: string; path: string }> {
  const sessionDir = resolve(dirname(fileURLToPath(import.meta.url)), '../.data/import-session');
  const files = readdirSync(sessionDir)
    .sort()
    .map((name) => ({ name, path: join(sessionDir, name) }));
  if (files.length === 0) throw new Error(`no files in ${sessionDir}: run npm run bench:import first`);
  return files;
}

/** Seconds to read every file whole (readFileSync): the import's I/O floor. */
export function plainReadSeconds(paths: readonly string[]): number {
  const start = performance.now();
  let bytes = 0;
  for (const path of paths) bytes += readFileSync(path).length;
  if (bytes === 0) throw new Error('read nothing');
  return (performance.now() - start) / 1000;
}
