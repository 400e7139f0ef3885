// Sessions on a library of the demo and real instrument files (Debian Chromium, browser mode):
// each import is a session with its counts and labels; analysing one session shows its groups
// only; a Library selection can be analysed alone; rename, merge and delete from the panel.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, importPaths, repoRoot, screenshotPath, test } from './fixtures.ts';

function sessionRow(page: Page, name: string) {
  return page.getByTestId('sessions-table').getByTestId('session-row').filter({ hasText: name });
}

test('analyses one session at a time, a selection, and renames, merges, deletes sessions', async ({
  page,
  appUrl,
  realDataDir,
}) => {
  await page.goto(appUrl);
  await importPaths(page, [join(repoRoot, 'resources/demo')]);
  await importPaths(page, [join(realDataDir, 'nanonis-dat')]);
  await expect(page.getByTestId('session-row')).toHaveCount(2);

  // Label the demo from its labels.csv, and two real files by hand-written CSV rows.
  await page.getByTestId('labels-csv-input').setInputFiles(join(repoRoot, 'resources/demo/labels.csv'));
  await expect(page.getByTestId('labels-csv-unmatched')).toHaveText('0');
  await page.getByTestId('labels-csv-input').setInputFiles({
    name: 'real.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'file,label\nSTS003.dat,defect\nnanonis_sts_15mv.dat,defect\ni_v.dat,defect\n' +
        'Follow Me_Bias Spectroscopy054.dat,defect\nNanonisReader_BiasSpectroscopy.dat,defect\n',
    ),
  });
  await expect(page.getByTestId('labels-csv-matched')).toHaveText('5');
  const real = sessionRow(page, 'nanonis-dat');
  await expect(real).toContainText('defect');
  const demo = sessionRow(page, 'demo');
  await expect(demo).toContainText('core');
  await page.screenshot({ path: screenshotPath('library-sessions'), fullPage: true });

  // Analyse the real session: its groups only, never the demo's 60 labelled spectra.
  await real.getByRole('button', { name: 'analyse' }).click();
  await expect(page.getByRole('tab', { name: 'Analysis', exact: true })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByTestId('run-label')).toContainText('on session nanonis-dat', { timeout: 60_000 });
  const legend = page.getByTestId('spectra-figure').locator('[data-testid=figure-legend]');
  // The real 'defect' files: NanonisReader_BiasSpectroscopy.dat is excluded (saturated); of the
  // other four spots (nanonis_sts_15mv.dat's two sweeps are one), the ±15 mV and ±8 mV sweeps
  // cover less than 90 % of the group's range (median start −0.31 V to median end 0.31 V) and are
  // left out of the average, which is then the mean of STS003.dat (±0.6 V) and Follow Me (±1 V)
  // over ±0.6 V, not a ±8 mV curve of all four. Only this session's groups.
  const spectraView = page.getByTestId('spectra-figure');
  await expect(legend).toContainText('defect (n = 2; 2 left out)');
  await expect(page.getByTestId('range-note-defect')).toHaveText(
    "defect: 2 of 4 sweeps left out of the average: their bias ranges cover less than 90 % of the group's " +
      '-0.307 V … 0.307 V (median start to median end); the narrowest -0.008 V … 0.008 V.',
  );
  await expect(spectraView).not.toContainText('no curves to average');
  // Each of them is still counted, and says why it is not in the averaged curve.
  await page.getByTestId('subtab-quality').click();
  await page.getByTestId('quality-filter-all').click();
  for (const name of ['i_v.dat', 'nanonis_sts_15mv.dat'])
    await expect(
      page.getByTestId('quality-table').locator('tbody tr', { hasText: name }).first().locator('.run-status'),
    ).toHaveText('used; not in the group average (narrow bias range)');
  await expect(
    page.getByTestId('quality-table').locator('tbody tr', { hasText: 'STS003.dat' }).locator('.run-status'),
  ).toHaveText('used');
  // Bias-Spectroscopy002.dat's edges were judged against its shoulders' noise (5–9× its gap's: its
  // +0.10 … +0.20 V end block reads 8.9× since an end block's stand-in reads noise that grows to the
  // sweep's end, 6.7× before), and the stored result says so; STS003.dat had no noisier part.
  await expect(
    page
      .getByTestId('quality-table')
      .locator('tbody tr', { hasText: 'Bias-Spectroscopy002.dat' })
      .first()
      .locator('[data-testid^="quality-noise-"]'),
  ).toHaveText(/^[5-9]\.\d×$/);
  await expect(
    page
      .getByTestId('quality-table')
      .locator('tbody tr', { hasText: 'STS003.dat' })
      .locator('[data-testid^="quality-noise-"]'),
  ).toHaveText('—');
  await page.screenshot({ path: screenshotPath('quality-out-of-average'), fullPage: true });
  await page.getByTestId('subtab-spectra').click();
  await expect(legend).toContainText('defect (n = 2; 2 left out)');
  await expect(spectraView).not.toContainText('crown-edge');
  await expect(spectraView).not.toContainText('core');
  // crown-centre averages Bias-Spectroscopy002.dat, whose current noise is 5–9× the gap's on both
  // shoulders: the figure says so, and both edges are where dI/dV leaves the flat gap (~±0.1 V),
  // not on noise bumps at the sweep's ends (±0.19 V).
  await expect(page.getByTestId('noise-note-crown-centre')).toContainText(
    'crown-centre: current noise up to',
  );
  await expect(spectraView).toContainText(/crown-centre −0\.1[0-2] \/ 0\.1[0-2] V/);
  await page.screenshot({ path: screenshotPath('analysis-real-session'), fullPage: true });

  // The demo session: the seed study's three groups of 20.
  await page.getByRole('tab', { name: 'Library' }).click();
  await sessionRow(page, 'demo').getByRole('button', { name: 'analyse' }).click();
  await expect(page.getByTestId('run-label')).toContainText('on session demo', { timeout: 60_000 });
  for (const group of ['core', 'crown-centre', 'crown-edge'])
    await expect(legend).toContainText(`${group} (n = 20)`);

  // A Library selection analysed alone: the core spectra of the demo only.
  await page.getByRole('tab', { name: 'Library' }).click();
  await page.getByTestId('spectra-label-filter').fill('core');
  await expect(page.getByTestId('spectra-table').getByTestId('spectrum-label').first()).toHaveText('core');
  await page.getByTestId('spectra-select-all').click();
  await expect(page.getByTestId('library-selection')).toHaveText(/^\d+ spectra selected$/);
  await page.getByTestId('library-analyse-selection').click();
  await expect(page.getByTestId('run-label')).toContainText('spectra selected in the Library', {
    timeout: 60_000,
  });
  await expect(legend).toContainText('core (n = 20)');
  await expect(legend).not.toContainText('crown-centre');

  // Rename, merge, delete.
  await page.getByRole('tab', { name: 'Library' }).click();
  const realId = await sessionRow(page, 'nanonis-dat').getAttribute('data-session-id');
  await page.getByTestId(`session-rename-${realId}`).click();
  await page.getByTestId(`session-name-input-${realId}`).fill('Real Nanonis files');
  await page.keyboard.press('Enter');
  await expect(sessionRow(page, 'Real Nanonis files')).toHaveCount(1);
  const demoId = await sessionRow(page, 'demo').getAttribute('data-session-id');
  await page.getByTestId(`session-tick-${realId}`).check();
  await page.getByTestId(`session-tick-${demoId}`).check();
  await page.getByTestId('sessions-merge').click();
  await expect(page.getByTestId('session-row')).toHaveCount(1);
  await expect(page.getByTestId('session-row')).toContainText('demo');
  page.once('dialog', (dialog) => void dialog.accept());
  await page.getByTestId(`session-delete-${demoId}`).click();
  await expect(page.getByTestId('session-row')).toHaveCount(0);
  await expect(page.getByTestId('library-counts')).toHaveText('0 files · 0 spectra · 0 images');
});
