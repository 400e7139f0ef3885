// The Grid view in Chromium against browser mode: a seeded synthetic core–crown grid (30° frame)
// and the three real .3ds grids. Open a grid, move the bias slider, hover and pin pixels, draw a
// line cut, switch to the gap map, label a region by threshold and find it in the group analysis.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { syntheticGrid } from '../scripts/grid/syntheticGrid.ts';
import {
  canvasPixelStats,
  distinctCanvasReds,
  expect,
  importPaths,
  screenshotPath,
  test,
} from './fixtures.ts';

async function importPath(page: Page, path: string): Promise<void> {
  await page.getByRole('tab', { name: 'Library', exact: true }).click();
  await importPaths(page, [path]);
}

async function chooseGrid(page: Page, name: string): Promise<void> {
  await page.getByTestId('grid-file-select').selectOption({ label: name });
  await expect(page.getByTestId('grid-status')).toContainText('pixels');
}

test('grid maps: bias slider, hover and pin, line cut, gap map, region label in the group analysis', async ({
  page,
  appUrl,
  realDataDir,
}) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(join(tmpdir(), 'sts-grid-e2e-'));
  writeFileSync(
    join(dir, 'synthetic-core-crown.3ds'),
    syntheticGrid({ seed: 31, width: 32, height: 32, points: 200 }).bytes,
  );
  await page.goto(appUrl);
  await importPath(page, dir);
  await importPath(page, join(realDataDir, 'nanonis-3ds'));
  await page.getByRole('tab', { name: 'Grid', exact: true }).click();
  await chooseGrid(page, 'synthetic-core-crown.3ds');
  await expect(page.getByTestId('grid-status')).toContainText('32 × 32 pixels, 1024 measured, 200 points');
  await expect(page.getByTestId('grid-status')).toContainText('30°');
  const canvas = page.getByTestId('grid-map').locator('canvas');
  await expect.poll(() => distinctCanvasReds(canvas)).toBeGreaterThan(10);
  // The Grid tab opened before Topography ever was: its colour bar is styled all the same (a
  // vertical bar beside rotated title; it was unstyled text when its CSS came with Topography).
  const bar = page.getByTestId('topo-colour-bar');
  const display = await bar.evaluate(
    (e) =>
      (globalThis as unknown as { getComputedStyle(e: unknown): { display: string } }).getComputedStyle(e)
        .display,
  );
  expect(display).toBe('flex');
  const gradient = await bar.locator('.gradient').boundingBox();
  expect(gradient?.height ?? 0).toBeGreaterThan(100);
  // With no pixel hovered or pinned, the plot shows the grid's mean spectrum.
  await expect(page.getByTestId('grid-spectrum-plot')).toContainText('mean of 1024 pixels');
  await expect(page.getByTestId('grid-spectrum-plot').locator('polyline')).toHaveCount(1);

  // Bias slider: the title follows the bias.
  const slider = page.getByTestId('grid-bias-slider');
  await slider.fill('30');
  await expect(page.getByTestId('grid-map-title')).toContainText('Current at');
  const titleBefore = await page.getByTestId('grid-map-title').textContent();
  await slider.fill('160');
  await expect(page.getByTestId('grid-map-title')).not.toHaveText(titleBefore ?? '');

  // Numerical dI/dV at the same bias.
  await page.getByTestId('grid-map-select').selectOption('didv:');
  await expect(page.getByTestId('grid-map-title')).toContainText('dI/dV (numerical) at');
  await expect.poll(() => distinctCanvasReds(canvas)).toBeGreaterThan(10);
  await page.screenshot({ path: screenshotPath('grid-synthetic-didv'), fullPage: true });

  // Hover and pin two pixels, then a line cut across both platelets.
  const box = await page.getByTestId('grid-map').boundingBox();
  if (!box) throw new Error('map not visible');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  await expect(page.getByTestId('grid-hover')).toContainText('pixel (');
  await page.mouse.click(cx - 60, cy + 20);
  await page.mouse.click(cx + 50, cy - 40);
  // Two pinned, and the hovered pixel (a third one) overlaid.
  await page.mouse.move(cx + 10, cy + 10);
  await expect(page.getByTestId('grid-spectrum-plot').locator('polyline')).toHaveCount(3);
  await expect(page.getByTestId('grid-map').locator('.grid-pin')).toHaveCount(2);
  await page.mouse.move(cx - 120, cy + 60);
  await page.mouse.down();
  await page.mouse.move(cx, cy, { steps: 5 });
  await page.mouse.move(cx + 110, cy - 70, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('grid-line-cut')).toBeVisible();

  // The analysis maps: gap, with its histogram.
  await expect(page.getByTestId('grid-analysis-done')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('grid-analysis-done')).toContainText('computed and stored');
  await page.getByTestId('grid-map-select').selectOption('an:gap');
  await expect(page.getByTestId('grid-map-title')).toHaveText('Gap Eg');
  await expect(page.getByTestId('grid-histogram')).toContainText('pixels with a gap');
  await page.screenshot({ path: screenshotPath('grid-synthetic-gap'), fullPage: true });

  // Region by threshold: the larger-gap crown rim (truth 2.93 V) labelled grid-rim.
  await page.getByTestId('grid-region-min').fill('2.85');
  await page.getByTestId('grid-region-max').fill('3.1');
  await page.getByTestId('grid-region-label').fill('grid-rim');
  await page.getByTestId('grid-region-apply').click();
  await expect(page.getByTestId('grid-region-message')).toContainText('pixels labelled grid-rim');
  const labelled = Number(
    /(\d+) pixels labelled/.exec((await page.getByTestId('grid-region-message').textContent()) ?? '')?.[1],
  );
  expect(labelled).toBeGreaterThan(20);
  // A drawn region: a box over the middle of the gap map, combined with gap ≤ 2.8 V so it shares
  // no pixel with the rim (a pixel has one label), labelled grid-box.
  await page.getByTestId('grid-region-min').fill('');
  await page.getByTestId('grid-region-max').fill('2.8');
  await page.getByTestId('grid-drag-tool').selectOption('box');
  const mapBox = (await page.getByTestId('grid-map').boundingBox())!;
  const mx = mapBox.x + mapBox.width / 2;
  const my = mapBox.y + mapBox.height / 2;
  await page.mouse.move(mx - 70, my - 70);
  await page.mouse.down();
  await page.mouse.move(mx + 10, my + 10, { steps: 5 });
  await page.mouse.move(mx + 70, my + 70, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('grid-region-shape')).toBeVisible();
  await expect(page.getByTestId('grid-region-drawn')).toContainText('drawn region:');
  await page.getByTestId('grid-region-label').fill('grid-box');
  await page.getByTestId('grid-region-apply').click();
  await expect(page.getByTestId('grid-region-message')).toContainText('pixels labelled grid-box');
  const boxed = Number(
    /(\d+) pixels labelled/.exec((await page.getByTestId('grid-region-message').textContent()) ?? '')?.[1],
  );
  expect(boxed).toBeGreaterThan(5);
  await page.screenshot({ path: screenshotPath('grid-synthetic-box-region'), fullPage: true });
  // A lasso replaces the box: a triangle drawn point by point encloses fewer pixels than the box.
  const boxPixels = Number(
    /(\d+) pixels/.exec((await page.getByTestId('grid-region-drawn').textContent()) ?? '')?.[1],
  );
  await page.getByTestId('grid-drag-tool').selectOption('lasso');
  await page.mouse.move(mx - 70, my - 70);
  await page.mouse.down();
  await page.mouse.move(mx + 70, my - 70, { steps: 8 });
  await page.mouse.move(mx - 70, my + 70, { steps: 8 });
  await page.mouse.move(mx - 70, my - 60, { steps: 8 });
  await page.mouse.up();
  const lassoPixels = Number(
    /(\d+) pixels/.exec((await page.getByTestId('grid-region-drawn').textContent()) ?? '')?.[1],
  );
  // Half the box's area, within pixel rounding.
  expect(lassoPixels).toBeGreaterThan(boxPixels * 0.35);
  expect(lassoPixels).toBeLessThan(boxPixels * 0.65);
  await page.screenshot({ path: screenshotPath('grid-synthetic-lasso-region'), fullPage: true });
  await page.getByTestId('grid-region-drawn').getByRole('button', { name: 'Clear' }).click();
  await expect(page.getByTestId('grid-region-shape')).toHaveCount(0);
  await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
  // The analysis asks which imported sessions to analyse: the synthetic grid's folder.
  await page.getByRole('checkbox', { name: /sts-grid-e2e-/ }).check();
  await page.getByTestId('run-analysis').click();
  await page.getByTestId('subtab-band-edges').click();
  await expect(page.getByTestId('stats-row-grid-rim')).toBeVisible({ timeout: 60_000 });
  // Each labelled pixel is its own spot: n used + n excluded = the pixels labelled.
  const used = Number(await page.getByTestId('stat-grid-rim-n').getAttribute('data-value'));
  const excluded = Number(await page.getByTestId('stat-grid-rim-excluded').getAttribute('data-value'));
  expect(used + excluded).toBe(labelled);
  const boxUsed = Number(await page.getByTestId('stat-grid-box-n').getAttribute('data-value'));
  const boxExcluded = Number(await page.getByTestId('stat-grid-box-excluded').getAttribute('data-value'));
  expect(boxUsed + boxExcluded).toBe(boxed);
  await page.screenshot({ path: screenshotPath('grid-region-in-analysis'), fullPage: true });

  // The real grids: the aborted Z grid shows its 88 measured pixels; the lock-in grid is rotated 45°.
  await page.getByRole('tab', { name: 'Grid', exact: true }).click();
  await chooseGrid(page, 'Grid Spectroscopy006.3ds');
  await expect(page.getByTestId('grid-status')).toContainText('32 × 32 pixels, 88 measured');
  await expect(page.getByTestId('grid-status')).toContainText('is not the bias');
  // Its topography recorded during the grid scan: only the 88 measured pixels are drawn.
  await page.getByTestId('grid-map-select').selectOption('par:Scan:Z (m)');
  await expect(page.getByTestId('grid-map-title')).toContainText('the grid’s own topography');
  const drawnPixels = (await canvasPixelStats(canvas)).opaque;
  expect(drawnPixels).toBe(88);
  // A Z grid has no I–V spectra: notes, not an empty plot or a Label button that finds nothing.
  await expect(page.getByTestId('grid-spectrum-unavailable')).toContainText('not I–V sweeps');
  await expect(page.getByTestId('grid-region-unavailable')).toContainText('Z spectroscopy');
  await page.screenshot({ path: screenshotPath('grid-real-aborted'), fullPage: true });
  await chooseGrid(page, 'NanonisReader_STS_grid_lockin.3ds');
  await expect(page.getByTestId('grid-status')).toContainText('30 × 30 pixels, 900 measured');
  await expect(page.getByTestId('grid-status')).toContainText('45°');
  const frame = page.getByTestId('grid-map').locator('.grid-map-frame');
  await expect(frame).toHaveAttribute('style', /rotate\(45deg\)/);
  await page.getByTestId('grid-map-select').selectOption('par:Z (m)');
  await expect(page.getByTestId('grid-map-title')).toContainText('Z at each pixel');
  await page.screenshot({ path: screenshotPath('grid-real-lockin-topography'), fullPage: true });
  await page.getByTestId('grid-map-select').selectOption({ label: 'LockinX (V)' });
  await page.screenshot({ path: screenshotPath('grid-real-lockin-45deg'), fullPage: true });
  // Back to the synthetic grid: its maps come from the library (same recipe), not recomputed.
  await chooseGrid(page, 'synthetic-core-crown.3ds');
  await expect(page.getByTestId('grid-analysis-done')).toContainText('from the library');
  await chooseGrid(page, 'Grid Spectroscopy002.3ds');
  await expect(page.getByTestId('grid-status')).toContainText('20 × 20 pixels, 400 measured');
});
