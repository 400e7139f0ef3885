// Test helper: real read-only and full file systems. We run as root, where chmod stops no write,
// so a read-only library is a tmpfs remounted read-only or a read-only bind mount, and a full disk
// is a tmpfs of a few kilobytes. Where mounting is not permitted (no CAP_SYS_ADMIN, not Linux)
// the suites say so loudly and are skipped.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function run(args: string[]): void {
  execFileSync(args[0]!, args.slice(1), { stdio: 'pipe' });
}

/** Why mounting cannot be used here, or null if it can (checked once by mounting a tmpfs). */
export const MOUNT_UNAVAILABLE: string | null = (() => {
  if (process.platform !== 'linux') return `mount needs Linux (this is ${process.platform})`;
  const probe = mkdtempSync(join(tmpdir(), 'sts-mount-probe-'));
  try {
    run(['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe]);
    run(['umount', probe]);
    return null;
  } catch (error) {
    return `cannot mount a tmpfs (${String(error).split('\n')[0]}): run as root or with CAP_SYS_ADMIN`;
  } finally {
    rmSync(probe, { recursive: true, force: true });
  }
})();

if (MOUNT_UNAVAILABLE)
  console.warn(`\n*** SKIPPED: read-only and disk-full library tests: ${MOUNT_UNAVAILABLE} ***\n`);

const mounted: string[] = [];

/** A new tmpfs of `size` (e.g. '4m', '48k') on a new temp folder; returns the folder. */
export function mountTmpfs(size: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'sts-tmpfs-'));
  run(['mount', '-t', 'tmpfs', '-o', `size=${size}`, 'tmpfs', dir]);
  mounted.push(dir);
  return dir;
}

/** Makes a mounted tmpfs read-only (like a write-protected card or a read-only share). */
export function remountReadonly(dir: string): void {
  run(['mount', '-o', 'remount,ro', dir]);
}

/** Mounts `source` (file or folder) read-only over `target` (same kind, existing). */
export function bindReadonly(source: string, target: string): void {
  run(['mount', '--bind', source, target]);
  mounted.push(target);
  run(['mount', '-o', 'remount,bind,ro', target]);
}

/** Unmounts everything mounted here, newest first (lazily: a test's open handle may linger). */
export function unmountAll(): void {
  while (mounted.length > 0) {
    const dir = mounted.pop()!;
    try {
      run(['umount', '-l', dir]);
    } catch {
      // Already gone.
    }
  }
}
