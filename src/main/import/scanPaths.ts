// Expands the user's files and folders into the list of files to import (recursive, sorted, hidden
// files and folders left out). Unreadable paths are reported, not thrown, so one bad path never
// stops the others.
import { readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

export interface ScannedFile {
  path: string;
  name: string;
  /** Bytes. */
  size: number;
  mtimeMs: number;
}

export interface ScanResult {
  files: ScannedFile[];
  problems: Array<{ file: string; reason: string }>;
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return error instanceof Error ? error.message : String(error);
}

export function scanPaths(paths: string[]): ScanResult {
  const files: ScannedFile[] = [];
  const problems: ScanResult['problems'] = [];
  const seen = new Set<string>();
  const visit = (path: string, explicit: boolean): void => {
    const name = basename(path);
    if (!explicit && name.startsWith('.')) return;
    let stats;
    try {
      stats = statSync(path);
    } catch (error) {
      problems.push({ file: path, reason: describe(error) });
      return;
    }
    if (stats.isDirectory()) {
      let entries: string[];
      try {
        entries = readdirSync(path);
      } catch (error) {
        problems.push({ file: path, reason: describe(error) });
        return;
      }
      for (const entry of entries.sort()) visit(join(path, entry), false);
    } else if (stats.isFile() && !seen.has(path)) {
      seen.add(path);
      files.push({ path, name, size: stats.size, mtimeMs: stats.mtimeMs });
    }
  };
  for (const path of paths) visit(resolve(path), true);
  return { files, problems };
}
