// Every analysis figure on the labelled demo at 1,440 px and 1,920 px, screenshotted for review as
// a paper figure, with the layout checks a reviewer would make: the figure fills its panel, axis
// titles read "Sample bias (V)", legends do not sit on the data they explain.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, repoRoot, screenshotPath, startServer, test as base } from './fixtures.ts';
import type { Server } from './fixtures.ts';

const demo = join(repoRoot, 'resources/demo');

const test = base.extend<{ labelledServer: Server }>({
  // eslint-disable-next-line no-empty-pattern
  labelledServer: async ({}, use) => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'sts-e2e-figures-')), 'library.sqlite');
    const cli = (...args: string[]): void => {
      execFileSync(process.execPath, [join(repoRoot, 'bin/sts-workbench.js'), ...args], {
        cwd: repoRoot,
        stdio: 'pipe',
      });
    };
    cli('import', demo, '--db', dbPath);
    cli('analyze', '--db', dbPath, '--labels', join(demo, 'labels.csv'));
    const server = await startServer(dbPath);
    await use(server);
    server.process.kill('SIGTERM');
  },
});

/** Width of the figure's SVG over the width of the panel that holds it. */
async function fillFraction(figure: Locator): Promise<number> {
  const svg = await figure.locator('svg[data-figure]').first().boundingBox();
  const panel = await figure.boundingBox();
  if (!svg || !panel) throw new Error('figure not laid out');
  return svg.width / panel.width;
}

async function xAxisTitles(page: Page): Promise<string[]> {
  return page.locator('svg[data-figure] text').allTextContents();
}

for (const width of [1440, 1920]) {
  test(`analysis figures fill their panels at ${width} px`, async ({ page, labelledServer }) => {
    await page.setViewportSize({ width, height: 1000 });
    await page.goto(labelledServer.url);
    await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
    await expect(page.getByTestId('run-label')).toContainText('Run 1');
    const views: Array<[string, string]> = [
      ['spectra', 'spectra-figure'],
      ['band-edges', 'histogram-figure'],
      ['trap-windows', 'trap-figure'],
      ['degradation', 'degradation-figure'],
      ['band-diagram', 'band-diagram'],
    ];
    for (const [tab, testId] of views) {
      await page.getByTestId(`subtab-${tab}`).click();
      const figure = page.getByTestId(testId);
      await expect(figure.locator('svg[data-figure]').first()).toBeVisible();
      await page.screenshot({ path: screenshotPath(`figures-${tab}-${width}`), fullPage: true });
      const texts = await xAxisTitles(page);
      expect.soft(texts.filter((t) => t.includes('Sample bias V'))).toEqual([]);
      const fraction = await fillFraction(figure);
      expect
        .soft(fraction, `${tab} at ${width} px fills ${fraction.toFixed(2)} of its panel`)
        .toBeGreaterThan(0.9);
    }
  });
}

test('library spectrum view: lock-in as dI/dV, Feenstra without end spikes, own SG settings', async ({
  page,
  appUrl,
  realDataDir,
}) => {
  await page.goto(appUrl);
  await page.getByTestId('import-path').fill(join(realDataDir, 'nanonis-dat'));
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-report')).toBeVisible({ timeout: 60_000 });
  await page.getByTestId('files-filter').fill('STS003.dat');
  await page.getByTestId('files-table').locator('tbody tr', { hasText: 'STS003.dat' }).first().click();
  await page.getByTestId('spectra-table').locator('tbody tr').first().click();
  const plot = page.getByTestId('spectrum-plot');
  await expect(plot.locator('canvas')).toBeVisible();
  // uPlot draws its axis titles on the canvas: read them in the screenshots.
  await page.getByTestId('channel-select').selectOption('dI/dV (lock-in)');
  await expect(plot).toHaveAttribute('data-unit', 'A/V');
  await expect(page.getByTestId('derived-note').first()).toContainText('R² =');
  await page.screenshot({ path: screenshotPath('library-spectrum-lockin-didv'), fullPage: true });

  await page.getByTestId('channel-select').selectOption('Normalised dI/dV (Feenstra)');
  await expect(page.getByTestId('library-delta-v')).toHaveValue('0.3');
  await expect(plot).toHaveAttribute('data-unit', '');
  const range = async (): Promise<number[]> =>
    ((await plot.getAttribute('data-y-range')) ?? '').split(' ').map(Number);
  await expect.poll(async () => (await range()).length).toBe(2);
  // Normalised conductance of a semiconductor stays O(1–10); the old end spikes reached −17.
  const [lo, hi] = await range();
  expect(lo).toBeGreaterThan(-2);
  expect(hi).toBeLessThan(15);
  await page.screenshot({ path: screenshotPath('library-spectrum-feenstra'), fullPage: true });

  // The view's own Savitzky–Golay window changes the curve.
  const before = await plot.getAttribute('data-y-range');
  await page.getByTestId('library-sg-window').fill('31');
  await expect(plot).not.toHaveAttribute('data-y-range', before ?? '');
});
