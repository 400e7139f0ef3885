// Import state above the tabs (Debian Chromium, browser mode): an import keeps its status and
// Cancel while the user switches tabs and reloads the page, and is cancelled from another tab; the
// lists then agree with the counts. Clear messages for an empty folder, a missing path and a
// relative path.
//
// The import is held "running" by state, not by time: this test process takes the library's write
// turn first (as a CLI import in another process would), so the app's import waits its turn, says
// whose, and stays running however fast the machine is.
import Database from 'better-sqlite3';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeNanonisDat } from '../scripts/nanonis/writeNanonisDat.ts';
import { acquireWriteLock } from '../src/main/library/writeLock.ts';
import { expect, screenshotPath, test } from './fixtures.ts';

const FILES = 40;
const POINTS = 256;

function generateSession(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'sts-e2e-session-')), 'big session');
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
  server,
  appUrl,
}) => {
  const dir = generateSession();
  const db = new Database(server.dbPath);
  const turn = await acquireWriteLock(db, { what: 'e2e holder of the write turn' });
  try {
    await page.goto(appUrl);
    await page.getByTestId('import-path').fill(dir);
    await page.getByTestId('import-button').click();
    const status = page.getByTestId('import-status');
    await expect(status).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId('import-status-waiting')).toContainText(
      `waiting for another import to finish: e2e holder of the write turn (process ${process.pid}`,
    );

    await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
    await expect(status).toHaveAttribute('data-state', 'running');
    await expect(page.getByTestId('import-status-cancel')).toBeVisible();
    await page.getByRole('tab', { name: 'Topography' }).click();
    await page.reload();
    await expect(status).toHaveAttribute('data-state', 'running');
    await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
    await page.screenshot({ path: screenshotPath('import-status-running'), fullPage: false });
    // A second import is refused while this one runs.
    await page.getByRole('tab', { name: 'Library' }).click();
    await page.getByTestId('import-path').fill(dir);
    await expect(page.getByTestId('import-button')).toBeDisabled();

    await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
    await page.getByTestId('import-status-cancel').click();
    await expect(status).toHaveAttribute('data-state', 'cancelled');
    await expect(page.getByTestId('import-status-outcome')).toContainText('cancelled: 0 imported');
    await page.screenshot({ path: screenshotPath('import-status-cancelled'), fullPage: false });
  } finally {
    turn.release();
    db.close();
  }

  // Nothing was written by the cancelled run; the next import runs to the end and the lists agree
  // with the header's counts.
  await page.getByRole('tab', { name: 'Library' }).click();
  await expect(page.getByTestId('files-table')).toHaveAttribute('data-total', '0');
  await page.getByTestId('import-path').fill(dir);
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-status')).toHaveAttribute('data-state', 'done', { timeout: 60_000 });
  await expect(page.getByTestId('library-counts')).toContainText(`${FILES} files · ${2 * FILES} spectra`);
  await expect(page.getByTestId('files-table')).toHaveAttribute('data-total', String(FILES));
  await expect(page.getByTestId('spectra-table')).toHaveAttribute('data-total', String(2 * FILES));
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
