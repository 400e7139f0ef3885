// Import state above the tabs (Debian Chromium, browser mode): a large import keeps its progress
// and Cancel while the user switches tabs and reloads the page, and is cancelled from another tab;
// the lists then agree with the counts. Clear messages for an empty folder, a missing path and a
// relative path.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNanonisDat } from '../scripts/nanonis/writeNanonisDat.ts';
import { expect, screenshotPath, test } from './fixtures.ts';

/** Enough files that the import is still running after a few tab switches and a reload. */
const FILES = 3000;
const POINTS = 1024;

function generateSession(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'sts-e2e-big-')), 'big session');
  mkdirSync(dir);
  const bias = Float64Array.from({ length: POINTS }, (_, i) => -2 + (4 * i) / (POINTS - 1));
  const current = bias.map((v) => 1e-10 * Math.sinh(2.5 * v));
  for (let f = 0; f < FILES; f++) {
    const text = writeNanonisDat({
      x: f * 1e-10,
      y: 0,
      bias,
      sweeps: [{ forward: current, backward: current }],
      date: '21.11.2026 10:00:00',
    });
    writeFileSync(join(dir, `Bias-Spectroscopy${String(f).padStart(5, '0')}.dat`), text);
  }
  return dir;
}

test('an import keeps its status across tabs and reloads and is cancelled from another tab', async ({
  page,
  appUrl,
}) => {
  const dir = generateSession();
  await page.goto(appUrl);
  await page.getByTestId('import-path').fill(dir);
  await page.getByTestId('import-button').click();
  const status = page.getByTestId('import-status');
  await expect(status).toHaveAttribute('data-state', 'running');

  await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
  await expect(status).toHaveAttribute('data-state', 'running');
  await expect(page.getByTestId('import-status-cancel')).toBeVisible();
  await page.getByRole('tab', { name: 'Topography' }).click();
  await page.reload();
  await expect(status).toHaveAttribute('data-state', 'running');
  await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
  await page.screenshot({ path: screenshotPath('import-status-running'), fullPage: false });
  // A second import is refused while this one runs, and says how to go on.
  await page.getByRole('tab', { name: 'Library' }).click();
  await page.getByTestId('import-path').fill(dir);
  await expect(page.getByTestId('import-button')).toBeDisabled();

  await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
  await page.getByTestId('import-status-cancel').click();
  await expect(status).toHaveAttribute('data-state', 'cancelled');
  const outcome = await page.getByTestId('import-status-outcome').textContent();
  const imported = Number(/(\d+) imported/.exec(outcome ?? '')?.[1]);
  expect(imported).toBeGreaterThan(0);
  expect(imported).toBeLessThan(FILES);
  await page.screenshot({ path: screenshotPath('import-status-cancelled'), fullPage: false });

  // The lists agree with the header's counts after the cancel.
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.getByTestId('library-counts')).toContainText(
    `${imported} files · ${2 * imported} spectra`,
  );
  await expect(page.getByTestId('files-table')).toHaveAttribute('data-total', String(imported));
  await expect(page.getByTestId('spectra-table')).toHaveAttribute('data-total', String(2 * imported));
  await expect(page.getByTestId('session-row')).toContainText('big session');
});

test('says what went wrong with an empty folder, a missing path and a relative path', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  const empty = mkdtempSync(join(tmpdir(), 'sts-e2e-empty-'));
  await page.getByTestId('import-path').fill(empty);
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-nothing')).toContainText(`Found no files in ${empty}`);

  const missing = join(empty, 'no such session', 'deeper');
  await page.getByTestId('import-path').fill(missing);
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-panel').getByRole('alert')).toContainText(
    `no such file or folder: ${missing}`,
  );

  await page.getByTestId('import-path').fill('data/session 1');
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-panel').getByRole('alert')).toContainText(
    "'data/session 1' is a relative path: give the whole path",
  );
  await page.screenshot({ path: screenshotPath('import-relative-path'), fullPage: false });
});
