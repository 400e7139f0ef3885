// `npm start`: the Electron app where Electron can run; otherwise (no binary, no display) one line
// saying why, and browser mode on 127.0.0.1 with the same library and services.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startBrowserMode } from '../cli/commands/serveCommand.ts';
import { openDemoOnFirstRun } from './demoSession.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const electronDir = join(root, 'node_modules/electron');
/** Seconds Electron must stay up to count as started (it exits at once without a display). */
const STARTUP_GRACE_MS = 5000;

function electronBinary(): string | null {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

function ensureElectronBinary(): string | null {
  const found = electronBinary();
  if (found) return found;
  // Electron fetches its binary on first use; allow it a bounded try.
  spawnSync(process.execPath, [join(electronDir, 'install.js')], { stdio: 'ignore', timeout: 120_000 });
  return electronBinary();
}

function defaultLibraryPath(): string {
  const base = process.env.XDG_DATA_HOME ?? join(homedir(), '.local', 'share');
  return process.env.STS_LIBRARY ?? join(base, 'sts-workbench', 'library.sqlite');
}

function runElectron(binary: string): Promise<{ started: boolean; reason: string }> {
  return new Promise((resolveRun) => {
    const child = spawn(binary, [root], { stdio: ['ignore', 'inherit', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
      process.stderr.write(chunk);
    });
    const timer = setTimeout(() => resolveRun({ started: true, reason: '' }), STARTUP_GRACE_MS);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolveRun({ started: false, reason: error.message });
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      const lastLine = stderr.trim().split('\n').pop() ?? '';
      resolveRun({ started: false, reason: `it exited with code ${code}${lastLine ? `: ${lastLine}` : ''}` });
    });
  });
}

async function main(): Promise<void> {
  // STS_BROWSER=1 goes straight to browser mode (headless machines, the first-start e2e test).
  if (process.env.STS_BROWSER !== '1') {
    const binary = ensureElectronBinary();
    const outcome = binary
      ? await runElectron(binary)
      : { started: false, reason: 'its binary is not installed and could not be downloaded' };
    if (outcome.started) return;
    console.log(`Electron cannot start here (${outcome.reason}); serving browser mode on 127.0.0.1 instead.`);
  }
  const dbPath = defaultLibraryPath();
  const { bridge, service } = await startBrowserMode(dbPath, Number(process.env.STS_PORT ?? 0));
  const demo = openDemoOnFirstRun(service);
  console.log(`Listening on ${bridge.url}`);
  console.log(`Library: ${dbPath}`);
  void demo?.then((ready) =>
    console.log(
      ready.problem
        ? `Demo session: ${ready.problem}`
        : `Demo session ready: ${ready.files} files, ${ready.spectra} spectra, ${ready.labelled} labelled from labels.csv, analysis run ${ready.runId}`,
    ),
  );
}

main().catch((error: unknown) => {
  console.error(`sts-workbench: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
