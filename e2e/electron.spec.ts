// The desktop app itself, where an Electron binary exists. On machines without one (these build
// machines cannot download it) the test is skipped with the reason stated.
import { _electron as electron, expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot, screenshotPath } from './fixtures.ts';

function electronBinary(): string | null {
  const pathFile = join(repoRoot, 'node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(repoRoot, 'node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

const binary = electronBinary();

test('the Electron app opens the library view with a hardened window', async () => {
  test.skip(
    !binary,
    'no Electron binary in node_modules/electron/dist (it cannot be downloaded on this machine)',
  );
  const app = await electron.launch({
    executablePath: binary as string,
    args: [repoRoot],
    env: {
      ...process.env,
      STS_LIBRARY: join(mkdtempSync(join(tmpdir(), 'sts-electron-')), 'library.sqlite'),
    },
  });
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { name: 'STS Workbench' })).toBeVisible();
  const exposed = await window.evaluate(() => ({
    require: typeof (globalThis as { require?: unknown }).require,
    process: typeof (globalThis as { process?: unknown }).process,
    api: Object.keys((window as unknown as { stsApi: object }).stsApi).sort(),
  }));
  expect(exposed.require).toBe('undefined');
  expect(exposed.process).toBe('undefined');
  expect(exposed.api).toContain('getLibraryInfo');
  await window.screenshot({ path: screenshotPath('electron-library') });
  await app.close();
});
