// Every view on the labelled demo (plus a seeded synthetic grid for the Grid tab) at 1,440 and
// 1,920 px, screenshotted for review as a paper figure, with the checks a reviewer would make by
// eye: every table column header inside its table's box and the window, histogram titles clear of
// the bars, colour bars titled with quantity and unit, a legend without placeholders.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator } from '@playwright/test';
import { syntheticGrid } from '../scripts/grid/syntheticGrid.ts';
import {
  demoDir,
  distinctCanvasReds,
  hiddenHeaders,
  expect,
  repoRoot,
  screenshotPath,
  startServer,
  test as base,
} from './fixtures.ts';
import type { Server } from './fixtures.ts';

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const test = base.extend<{ reviewServer: Server }>({
  /** The demo, labelled from its labels.csv with one analysis run, and a synthetic 3ds grid. */
  // eslint-disable-next-line no-empty-pattern
  reviewServer: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'sts-e2e-views-'));
    const gridDir = join(dir, 'grid');
    mkdirSync(gridDir);
    writeFileSync(
      join(gridDir, 'synthetic-core-crown.3ds'),
      syntheticGrid({ seed: 7, width: 24, height: 24, points: 160 }).bytes,
    );
    const dbPath = join(dir, 'library.sqlite');
    const cli = (...args: string[]): void => {
      execFileSync(process.execPath, [join(repoRoot, 'bin/sts-workbench.js'), ...args], {
        cwd: repoRoot,
        stdio: 'pipe',
      });
    };
    cli('import', demoDir, '--db', dbPath);
    cli('import', gridDir, '--db', dbPath);
    cli('analyze', '--db', dbPath, '--labels', join(demoDir, 'labels.csv'));
    const server = await startServer(dbPath);
    await use(server);
    server.process.kill('SIGTERM');
  },
});

function intersects(a: Box, b: Box): boolean {
  return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}

async function boxes(locator: Locator): Promise<Box[]> {
  const out: Box[] = [];
  for (const element of await locator.all()) {
    const box = await element.boundingBox();
    if (box) out.push(box);
  }
  return out;
}

for (const width of [1440, 1920]) {
  test(`every view on the demo at ${width} px, judged as a paper figure`, async ({ page, reviewServer }) => {
    test.setTimeout(180_000);
    await page.setViewportSize({ width, height: 1000 });
    await page.goto(reviewServer.url);

    // Library: a demo file's spectrum, its legend, both tables with every column in sight.
    const files = page.getByTestId('files-table');
    await expect(files.locator('tbody tr').first()).toBeVisible();
    await files.locator('tbody tr', { hasText: 'Bias-Spectroscopy001.dat' }).click();
    await page.getByTestId('spectra-table').locator('tbody tr').first().click();
    const plot = page.getByTestId('spectrum-plot');
    await expect(plot).toHaveAttribute('data-state', 'ready');
    await expect(plot.locator('canvas')).toBeVisible();
    const legend = page.getByTestId('spectrum-legend');
    await expect(legend).toContainText('Bias-Spectroscopy001.dat · sweep');
    await expect(legend).not.toContainText('—');
    await page.screenshot({ path: screenshotPath(`views-library-${width}`), fullPage: true });
    expect(await hiddenHeaders(page, files)).toEqual([]);
    expect(await hiddenHeaders(page, page.getByTestId('spectra-table'))).toEqual([]);
    // Values appear on hover, one per curve, in the plot's unit.
    await plot.locator('.u-over').hover();
    await expect(page.getByTestId('spectrum-readout')).toContainText('at sample bias');
    await expect(legend.locator('.value').first()).toContainText('A');
    await page.screenshot({ path: screenshotPath(`views-library-hover-${width}`), fullPage: true });

    // Topography: the levelled scan drawn, markers, a colour bar titled with its quantity and unit.
    await page.getByRole('tab', { name: 'Topography', exact: true }).click();
    await expect(page.getByTestId('topo-marker')).toHaveCount(68);
    await expect.poll(() => distinctCanvasReds(page.getByTestId('topo-canvas'))).toBeGreaterThan(50);
    await expect(page.getByTestId('topo-colour-bar-title')).toHaveText(/^Z \([pnµ]?m\)$/);
    await page.screenshot({ path: screenshotPath(`views-topography-${width}`), fullPage: true });

    // Analysis: each view of the stored run.
    await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
    await expect(page.getByTestId('run-label')).toContainText('Run 1');
    for (const view of ['spectra', 'band-edges', 'trap-windows', 'degradation', 'band-diagram', 'quality']) {
      await page.getByTestId(`subtab-${view}`).click();
      if (view === 'quality') await expect(page.getByTestId('quality-table')).toBeVisible();
      else await expect(page.locator('svg[data-figure]').first()).toBeVisible();
      // The sweeps are loaded when Degradation opens: its stacked figure comes after its trends.
      if (view === 'degradation')
        await expect(page.getByTestId('degradation-figure').locator('svg[data-figure]')).toBeVisible();
      await page.screenshot({ path: screenshotPath(`views-analysis-${view}-${width}`), fullPage: true });
      if (view === 'band-edges') {
        // No group title under a bar: each title's box clear of every bar of the figure.
        const bars = await boxes(page.locator('[data-testid^="bar-"]'));
        expect(bars.length).toBeGreaterThan(20);
        for (const label of ['core', 'crown-centre', 'crown-edge']) {
          const title = await page.getByTestId(`histogram-title-${label}`).boundingBox();
          if (!title) throw new Error(`no title for ${label}`);
          expect(bars.filter((bar) => intersects(title, bar))).toEqual([]);
        }
      }
      if (view === 'quality')
        expect(await hiddenHeaders(page, page.getByTestId('quality-table'))).toEqual([]);
    }

    // Grid: the synthetic grid's map, its colour bar titled, the spectrum plot's axes in units.
    await page.getByRole('tab', { name: 'Grid', exact: true }).click();
    await expect(page.getByTestId('grid-status')).toContainText('24 × 24 pixels');
    await expect
      .poll(() => distinctCanvasReds(page.getByTestId('grid-map').locator('canvas')))
      .toBeGreaterThan(10);
    await expect(page.getByTestId('topo-colour-bar-title')).toHaveText(/^Current \([pnµ]?A\)$/);
    // A 40 nm frame: a 10 nm scale bar (a quarter of it, rounded to 1, 2 or 5 × 10^k).
    await expect(page.getByTestId('grid-scale-bar')).toHaveText('10 nm');
    const map = await page.getByTestId('grid-map').boundingBox();
    if (!map) throw new Error('map not visible');
    await page.mouse.click(map.x + map.width * 0.3, map.y + map.height * 0.4);
    await page.mouse.move(map.x + map.width * 0.6, map.y + map.height * 0.6);
    await expect(page.getByTestId('grid-spectrum-plot').locator('polyline')).toHaveCount(2);
    await expect(page.getByTestId('grid-spectrum-plot')).toContainText(/dI\/dV \([pnµ]?A\/V\)/);
    await expect(page.getByTestId('grid-analysis-done')).toBeVisible({ timeout: 60_000 });
    await page.screenshot({ path: screenshotPath(`views-grid-${width}`), fullPage: true });
    await page.getByTestId('grid-map-select').selectOption('an:gap');
    await expect(page.getByTestId('grid-histogram')).toContainText('pixels with a gap');
    await expect(page.getByTestId('topo-colour-bar-title')).toHaveText('Gap Eg (eV)');
    await page.screenshot({ path: screenshotPath(`views-grid-gap-${width}`), fullPage: true });
  });
}
