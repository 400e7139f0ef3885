// Grids drawn on the topography of their session in Chromium (browser mode): the real 45° lock-in
// grid and the aborted real grid (88 of 1,024 pixels), linked (not copied) into one folder with two
// synthetic unrotated .sxm scans centred on their frames, imported as one session. Each grid's
// frame must appear in its true place (the 45° grid as a diamond on the unrotated scan) with a dot
// at each measured pixel's centre only.
import { mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { writeNanonisSxm } from '../scripts/nanonis/writeNanonisSxm.ts';
import { expect, importPaths, screenshotPath, test } from './fixtures.ts';

/** A flat scan with a Gaussian bump at its centre (so the image is not constant), Z in m. */
function scan(name: string, centreX: number, centreY: number, range: number): Uint8Array {
  const n = 64;
  const z = new Float32Array(n * n);
  for (let r = 0; r < n; r++)
    for (let c = 0; c < n; c++)
      z[r * n + c] = 1e-10 * Math.exp(-(((c - 32) / 12) ** 2 + ((r - 32) / 12) ** 2));
  return writeNanonisSxm(
    {
      width: n,
      height: n,
      rangeX: range,
      rangeY: range,
      centreX,
      centreY,
      angleDeg: 0,
      date: '21.11.2026',
      time: '08:00:00',
      biasV: 1,
      channels: [{ name: 'Z', unit: 'm', forward: z, backward: z }],
      comment: 'synthetic scan over a real grid',
    },
    name,
  );
}

async function chooseScan(page: Page, name: string): Promise<void> {
  const select = page.getByTestId('topo-image-select');
  const value = await select.locator('option', { hasText: name }).getAttribute('value');
  await select.selectOption(value ?? '');
}

test('grid frames and measured pixel centres on the session topography, 45° grid rotated', async ({
  page,
  appUrl,
  realDataDir,
}) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(join(tmpdir(), 'sts-grid-registration-'));
  for (const name of ['NanonisReader_STS_grid_lockin.3ds', 'Grid Spectroscopy006.3ds'])
    symlinkSync(join(realDataDir, 'nanonis-3ds', name), join(dir, name));
  // Frames from the grids' `Grid settings`: lock-in 5 nm at 45° about (84.52, 632.99) nm; the
  // aborted grid 3 nm at 0° about (−148.52, 272.48) nm.
  writeFileSync(join(dir, 'over-lockin.sxm'), scan('over-lockin.sxm', 8.451877e-8, 6.329924e-7, 10e-9));
  writeFileSync(join(dir, 'over-aborted.sxm'), scan('over-aborted.sxm', -1.48519e-7, 2.724765e-7, 5e-9));
  await page.goto(appUrl);
  await page.getByRole('tab', { name: 'Library', exact: true }).click();
  await importPaths(page, [dir]);

  await page.getByRole('tab', { name: 'Topography', exact: true }).click();
  await chooseScan(page, 'over-lockin.sxm');
  const lockin = page.locator(
    '[data-testid="topo-grid-frame"][data-grid="NanonisReader_STS_grid_lockin.3ds"]',
  );
  await expect(lockin).toHaveAttribute('data-angle', '45');
  await expect(lockin).toHaveAttribute('data-pixels', '900');
  // The 5 nm frame turned 45° is a diamond on the unrotated 10 nm scan, its diagonals 5√2 nm
  // (0.707 of the view) long, centred: corners at 0.5 ± 0.354 of the view on each axis.
  const viewport = await page.getByTestId('topo-viewport').locator('svg.topo-overlay').boundingBox();
  if (!viewport) throw new Error('no viewport');
  const points = (await lockin.locator('polygon').first().getAttribute('points'))!
    .split(' ')
    .map((p) => p.split(',').map(Number) as [number, number]);
  const xs = points.map((p) => p[0]).sort((a, b) => a - b);
  const ys = points.map((p) => p[1]).sort((a, b) => a - b);
  const half = (5 * Math.SQRT1_2) / 10;
  expect(xs[0]! / viewport.width).toBeCloseTo(0.5 - half, 2);
  expect(xs[3]! / viewport.width).toBeCloseTo(0.5 + half, 2);
  expect(ys[0]! / viewport.height).toBeCloseTo(0.5 - half, 2);
  expect(ys[3]! / viewport.height).toBeCloseTo(0.5 + half, 2);
  // Two corners on the vertical centre line (a diamond, not a square).
  expect(Math.abs(xs[1]! - xs[2]!)).toBeLessThan(1);
  await page.screenshot({ path: screenshotPath('grid-registration-lockin-45deg'), fullPage: true });

  await chooseScan(page, 'over-aborted.sxm');
  const aborted = page.locator('[data-testid="topo-grid-frame"][data-grid="Grid Spectroscopy006.3ds"]');
  await expect(aborted).toHaveAttribute('data-pixels', '88');
  await expect(aborted).toHaveAttribute('data-angle', '0');
  await page.screenshot({ path: screenshotPath('grid-registration-aborted-88px'), fullPage: true });
});
