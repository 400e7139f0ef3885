// The library view in Debian Chromium against browser mode: import real instrument files, see the
// counts, plot a spectrum, view an image; and the demo session's topography with its tip positions.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import {
  expect,
  importPaths,
  hiddenHeaders,
  repoRoot,
  screenshotPath,
  test,
  distinctCanvasReds,
} from './fixtures.ts';

async function openFile(page: Page, name: string): Promise<void> {
  await page.getByTestId('files-filter').fill(name);
  const row = page.getByTestId('files-table').locator('tbody tr', { hasText: name }).first();
  await row.click();
  await expect(row).toHaveClass(/selected/);
}

test('imports real Nanonis files, plots a spectrum and shows an image', async ({
  page,
  appUrl,
  realDataDir,
}) => {
  await page.goto(appUrl);
  await expect(page.getByTestId('library-counts')).toHaveText('0 files · 0 spectra · 0 images');
  await expect(page.getByText('No files yet')).toBeVisible();
  await page.screenshot({ path: screenshotPath('library-empty'), fullPage: true });

  const folders = ['nanonis-dat', 'nanonis-sxm'].map((folder) => join(realDataDir, folder));
  const fileCount = folders.reduce((n, folder) => n + readdirSync(folder).length, 0);
  await importPaths(page, folders);
  await expect(page.getByTestId('report-files')).toHaveText(String(fileCount));
  await expect(page.getByTestId('report-imported')).toHaveText(String(fileCount));
  await expect(page.getByTestId('report-failed')).toHaveCount(0);
  await expect(page.getByTestId('library-counts')).toContainText(`${fileCount} files`);
  await page.screenshot({ path: screenshotPath('library-imported'), fullPage: true });

  // A multi-sweep file: 2 sweeps x 2 directions listed (the instrument's [AVG] is kept apart).
  await openFile(page, 'nanonis_sts_15mv.dat');
  const spectra = page.getByTestId('spectra-table').locator('tbody tr');
  await expect(spectra).toHaveCount(4);
  // Every column of both tables in sight (real file names, notes of skipped files), at 1,440 and
  // 1,920 px.
  for (const width of [1920, 1440]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await hiddenHeaders(page, page.getByTestId('files-table'))).toEqual([]);
    expect(await hiddenHeaders(page, page.getByTestId('spectra-table'))).toEqual([]);
  }
  // One click shows the sweep in both directions; Ctrl-click adds (and removes) another sweep.
  await spectra.nth(0).click();
  const plot = page.getByTestId('spectrum-plot');
  await expect(plot).toHaveAttribute('data-series', '2');
  await expect(spectra.nth(1)).toHaveClass(/selected/);
  await expect(plot.locator('canvas')).toBeVisible();
  await expect(page.getByTestId('spectrum-legend')).toContainText('sweep 1 · fwd');
  await expect(page.getByTestId('spectrum-legend')).toContainText('sweep 1 · bwd');
  // The legend's header names the unit as the y axis does, SI prefix included (these currents
  // are well under 1 µA: never the bare ampere).
  await expect(page.getByTestId('spectrum-readout')).toHaveText(
    /^Tunnelling current \([pnµ]A\) · hover the plot to read values$/,
  );
  await page.screenshot({ path: screenshotPath('library-spectrum-current'), fullPage: true });
  await spectra.nth(2).click({ modifiers: ['Control'] });
  await expect(plot).toHaveAttribute('data-series', '3');
  await spectra.nth(2).click({ modifiers: ['Control'] });
  await expect(plot).toHaveAttribute('data-series', '2');
  await page.getByTestId('channel-select').selectOption('LockIn [00001] (V)');
  await expect(plot).toHaveAttribute('data-unit', 'V');
  await expect(plot).toHaveAttribute('data-series', '2');
  await page.screenshot({ path: screenshotPath('library-spectrum'), fullPage: true });
  // dI/dV of both sweeps, differentiated in a Web Worker.
  await page.getByTestId('channel-select').selectOption('dI/dV (numerical)');
  await expect(plot).toHaveAttribute('data-unit', 'A/V');
  await expect(plot).toHaveAttribute('data-series', '2');
  await page.screenshot({ path: screenshotPath('library-spectrum-didv'), fullPage: true });

  await openFile(page, 'sxm_moire_10nm.sxm');
  const canvas = page.getByTestId('image-canvas');
  await expect(canvas).toHaveAttribute('width', '160');
  // The image is really drawn: its pixels vary (a blank or single-colour canvas would not).
  const spread = await distinctCanvasReds(canvas);
  expect(spread).toBeGreaterThan(50);
  // The colour bar: titled with the channel and its prefixed unit, round ticks written precisely
  // enough to differ (a 0.3 nm corrugation on a 105 nm offset).
  await expect(page.getByTestId('colour-bar-title')).toHaveText('Z (nm)');
  const ticks = await page.getByTestId('colour-bar').locator('.ticks span').allTextContents();
  expect(ticks.length).toBeGreaterThanOrEqual(2);
  expect(new Set(ticks).size).toBe(ticks.length);
  expect(Number(ticks[0])).toBeGreaterThan(105);
  expect(Number(ticks.at(-1))).toBeLessThan(106);
  // The image and its colour bar stay inside the panel and the window.
  const panel = await page.getByTestId('colour-bar').locator('xpath=ancestor::section[1]').boundingBox();
  const bar = await page.getByTestId('colour-bar').boundingBox();
  if (!panel || !bar) throw new Error('image panel not laid out');
  expect(bar.x + bar.width).toBeLessThanOrEqual(panel.x + panel.width);
  expect(bar.x + bar.width).toBeLessThanOrEqual(page.viewportSize()?.width ?? 0);
  await page.screenshot({ path: screenshotPath('library-image'), fullPage: true });
});

test('the demo topography shows a marker at every tip position', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await importPaths(page, [join(repoRoot, 'resources/demo')]);
  await openFile(page, 'Topography001.sxm');
  // 63 single-sweep spots + one spot swept 5 times: 68 forward sweeps inside the frame.
  await expect(page.getByTestId('spectrum-marker')).toHaveCount(68);
  await page.getByTestId('colormap-select').selectOption('viridis');
  // Spots 1 nm apart overlap at this zoom, so the click is dispatched to the marker itself.
  await page
    .locator('[data-testid=spectrum-marker][title^="Bias-Spectroscopy002.dat"]')
    .dispatchEvent('click');
  await expect(page.getByTestId('spectrum-plot')).toHaveAttribute('data-series', '1');
  await page.screenshot({ path: screenshotPath('library-demo-topography'), fullPage: true });
});
