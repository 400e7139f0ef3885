// Expands the user's files and folders into the list of files to import (recursive, sorted, hidden
// files and folders left out). Unreadable paths are reported, not thrown, so one bad path never
// stops the others. Links are followed, but never into a folder already being scanned (real paths
// are tracked, so a link loop ends); entries that are not regular files (FIFOs, sockets, devices)
// and kernel pseudo-files (/proc, /sys, /dev) are never opened: each is listed as skipped with why.
import { readdirSync, realpathSync, statSync } from 'node:fs';
import type { Stats } from 'node:fs';
import { basename, join, resolve, sep } from 'node:path';

export interface ScannedFile {
  path: string;
  name: string;
  /** Bytes. */
  size: number;
  mtimeMs: number;
}

export interface ScanResult {
  files: ScannedFile[];
  /** Paths that could not be read. */
  problems: Array<{ file: string; reason: string }>;
  /** Entries deliberately not opened, with the reason. */
  skipped: Array<{ file: string; reason: string }>;
}

/** Pseudo-file systems: their files claim a size of 0 (or any size) and may never end. */
const PSEUDO_ROOTS = ['/proc', '/sys', '/dev'];

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'ELOOP') return 'too many levels of symbolic links';
  return error instanceof Error ? error.message : String(error);
}

function kindOf(stats: Stats): string {
  if (stats.isFIFO()) return 'FIFO';
  if (stats.isSocket()) return 'socket';
  if (stats.isCharacterDevice()) return 'character device';
  if (stats.isBlockDevice()) return 'block device';
  return 'unknown kind';
}

function isPseudo(realPath: string): string | null {
  return PSEUDO_ROOTS.find((root) => realPath === root || realPath.startsWith(root + sep)) ?? null;
}

export function scanPaths(paths: string[]): ScanResult {
  const files: ScannedFile[] = [];
  const problems: ScanResult['problems'] = [];
  const skipped: ScanResult['skipped'] = [];
  /** Real path of each file listed -> the path it was listed under. */
  const seen = new Map<string, string>();
  /** Real paths of the folders on the current descent: a link to one of them is a loop. */
  const ancestors = new Set<string>();
  /** Real paths of every folder scanned: two links to one folder scan it once. */
  const scannedFolders = new Set<string>();
  const visit = (path: string, explicit: boolean): void => {
    const name = basename(path);
    if (!explicit && name.startsWith('.')) return;
    let stats: Stats;
    let real: string;
    try {
      stats = statSync(path);
      real = realpathSync(path);
    } catch (error) {
      problems.push({ file: path, reason: describe(error) });
      return;
    }
    const pseudo = isPseudo(real);
    if (pseudo) {
      skipped.push({ file: path, reason: `a kernel pseudo-file under ${pseudo}, not an instrument file` });
      return;
    }
    if (stats.isDirectory()) {
      if (ancestors.has(real)) {
        skipped.push({ file: path, reason: `a link back to ${real}, which is already being scanned (loop)` });
        return;
      }
      if (scannedFolders.has(real)) {
        skipped.push({ file: path, reason: `the same folder as ${real}, already scanned` });
        return;
      }
      scannedFolders.add(real);
      let entries: string[];
      try {
        entries = readdirSync(path);
      } catch (error) {
        problems.push({ file: path, reason: describe(error) });
        return;
      }
      ancestors.add(real);
      for (const entry of entries.sort()) visit(join(path, entry), false);
      ancestors.delete(real);
    } else if (stats.isFile()) {
      const first = seen.get(real);
      if (first !== undefined) {
        if (first !== path) skipped.push({ file: path, reason: `the same file as ${first} (a link)` });
        return;
      }
      seen.set(real, path);
      files.push({ path, name, size: stats.size, mtimeMs: stats.mtimeMs });
    } else {
      skipped.push({ file: path, reason: `not a regular file (${kindOf(stats)})` });
    }
  };
  for (const path of paths) visit(resolve(path), true);
  return { files, problems, skipped };
}
