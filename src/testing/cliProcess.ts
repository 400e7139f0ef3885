// The `sts-workbench` command run as a user runs it, for the CLI's tests: a real process on the
// project's bin (the built CLI when it is up to date, else the TypeScript sources).
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI_BIN = resolve(dirname(fileURLToPath(import.meta.url)), '../../bin/sts-workbench.js');

export interface CliResult {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `sts-workbench <args>` to its end; its stdout may be large (a grid's maps as JSON). */
export function cli(...args: string[]): CliResult {
  const result = spawnSync(process.execPath, [CLI_BIN, ...args], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { status: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
