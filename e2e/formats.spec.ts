// Omicron MATRIX, Gwyddion and WSxM files in the library view (Debian Chromium, browser mode): a
// MATRIX I(V) read with its parameter file plotted in volts and amperes, the MATRIX Z scan, the
// .gwy height map and the WSxM topography drawn as images (the WSxM curve file listed skipped).
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, screenshotPath, test, distinctCanvasReds } from './fixtures.ts';

async function openFile(page: Page, name: string): Promise<void> {
  await page.getByTestId('files-filter').fill(name);
  const row = page.getByTestId('files-table').locator('tbody tr', { hasText: name }).first();
  await row.click();
  await expect(row).toHaveClass(/selected/);
}

test('MATRIX spectra and scans, a Gwyddion and a WSxM image', async ({ page, appUrl, realDataDir }) => {
  await page.goto(appUrl);
  await page
    .getByTestId('import-path')
    .fill(['omicron-matrix', 'gwyddion', 'wsxm'].map((f) => join(realDataDir, f)).join('\n'));
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('report-imported')).toHaveText('8');
  await expect(page.getByTestId('report-failed')).toHaveCount(0);

  await openFile(page, '2014Sep30-111118--4_1.I(V)_mtrx');
  const spectra = page.getByTestId('spectra-table').locator('tbody tr');
  await expect(spectra).toHaveCount(2);
  await spectra.nth(0).click();
  const plot = page.getByTestId('spectrum-plot');
  await expect(plot).toHaveAttribute('data-series', '2');
  await expect(plot).toHaveAttribute('data-unit', 'A');
  await page.screenshot({ path: screenshotPath('formats-matrix-iv'), fullPage: true });

  await openFile(page, '20201111--4_1.Z_mtrx');
  const canvas = page.getByTestId('image-canvas');
  await expect(canvas).toHaveAttribute('width', '400');
  expect(await distinctCanvasReds(canvas)).toBeGreaterThan(50);
  await expect(page.getByTestId('colour-bar')).toContainText('m');
  await page.screenshot({ path: screenshotPath('formats-matrix-z'), fullPage: true });

  await openFile(page, 'GwiddionReader_chip.gwy');
  await expect(canvas).toHaveAttribute('width', '300');
  expect(await distinctCanvasReds(canvas)).toBeGreaterThan(50);
  await page.screenshot({ path: screenshotPath('formats-gwyddion'), fullPage: true });

  await openFile(page, 'WSxM2DReader_jumpingmodeimage_0002_Topography.f.dy.top');
  await expect(canvas).toHaveAttribute('width', '256');
  expect(await distinctCanvasReds(canvas)).toBeGreaterThan(50);
  await expect(page.getByTestId('colour-bar')).toContainText('m');
  await page.screenshot({ path: screenshotPath('formats-wsxm'), fullPage: true });
});
