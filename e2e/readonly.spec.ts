// Browsing a library on a read-only disk (issue #7): `serve` opens it read-only, the Library lists
// and plots its spectra, and labelling answers "library is read-only: <path>" instead of failing
// obscurely. The disk is a tmpfs remounted read-only (as root, chmod stops nothing); where mounting
// is not permitted the test is skipped with the reason.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { MOUNT_UNAVAILABLE, mountTmpfs, remountReadonly, unmountAll } from '../src/testing/mounts.ts';
import { expect, repoRoot, screenshotPath, startServer, test } from './fixtures.ts';

test('a read-only library is browsed, and a label answers that it is read-only', async ({ page }) => {
  test.skip(MOUNT_UNAVAILABLE !== null, `read-only library: ${MOUNT_UNAVAILABLE}`);
  const dir = mountTmpfs('64m');
  const dbPath = join(dir, 'library.sqlite');
  const imported = spawnSync(
    process.execPath,
    [
      join(repoRoot, 'bin/sts-workbench.js'),
      'import',
      join(repoRoot, 'resources/demo'),
      '--db',
      dbPath,
      '--json',
    ],
    { encoding: 'utf8' },
  );
  expect(imported.status, imported.stderr).toBe(0);
  remountReadonly(dir);
  // `info` reads it too; its count (without the instrument's [AVG] columns) is what the table lists.
  const info = spawnSync(
    process.execPath,
    [join(repoRoot, 'bin/sts-workbench.js'), 'info', '--db', dbPath, '--json'],
    {
      encoding: 'utf8',
    },
  );
  expect(info.status, info.stderr).toBe(0);
  const spectra = (JSON.parse(info.stdout) as { spectra: number }).spectra;
  expect(spectra).toBeGreaterThan(100);
  const server = await startServer(dbPath);
  try {
    await page.goto(server.url);
    // Import and watch would write: disabled, saying why, even with a path typed.
    await page.getByTestId('import-path').fill(join(repoRoot, 'resources/demo'));
    await expect(page.getByTestId('import-button')).toBeDisabled();
    await expect(page.getByTestId('import-button')).toHaveAttribute(
      'title',
      new RegExp(`read-only \\(${dbPath}`),
    );
    await expect(page.getByTestId('import-read-only')).toBeVisible();
    await page.getByTestId('watch-panel').getByRole('textbox').fill(join(repoRoot, 'resources/demo'));
    await expect(page.getByTestId('watch-toggle')).toBeDisabled();
    await expect(page.getByTestId('watch-toggle')).toHaveAttribute('title', /read-only/);
    const table = page.getByTestId('spectra-table');
    await expect(table).toHaveAttribute('data-total', String(spectra));
    const rows = table.locator('tbody tr');
    await rows.nth(0).click();
    await rows.nth(2).click({ modifiers: ['Shift'] });
    await expect(page.getByTestId('spectrum-plot')).toHaveAttribute('data-series', '3');
    await page.keyboard.press('1');
    await expect(page.getByRole('alert')).toContainText(`library is read-only: ${dbPath}`);
    // Nothing was labelled: the rows show no label once the list reloads.
    await expect
      .poll(async () => (await table.getByTestId('spectrum-label').allTextContents()).slice(0, 3))
      .toEqual(['', '', '']);
    await page.screenshot({ path: screenshotPath('library-read-only'), fullPage: true });
  } finally {
    server.process.kill('SIGTERM');
    unmountAll();
  }
});
