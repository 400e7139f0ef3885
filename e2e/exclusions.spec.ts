// Quality flags and exclusions in the Analysis tab (Debian Chromium, browser mode) on the demo
// session labelled with the CLI: exclude one used core spectrum by hand with a note, run again and
// see the core group's n go down by one and its excluded count up by one; reset it, run again and
// see both return. In-gap states are drawn on the spectra and degradation views.
import type { Page } from '@playwright/test';
import { expect, openStoredRun, screenshotPath, test } from './fixtures.ts';

async function groupCounts(page: Page, label: string): Promise<{ n: number; excluded: number }> {
  await page.getByTestId('subtab-band-edges').click();
  const n = Number(await page.getByTestId(`stat-${label}-n`).getAttribute('data-value'));
  const excluded = Number(await page.getByTestId(`stat-${label}-excluded`).getAttribute('data-value'));
  return { n, excluded };
}

test('excludes a spectrum by hand with a note, and the group n follows on the next run', async ({
  page,
  labelledServer,
}) => {
  await openStoredRun(page, labelledServer.url);
  const before = await groupCounts(page, 'core');
  expect(before.n).toBeGreaterThanOrEqual(3);
  await page.screenshot({ path: screenshotPath('exclusions-band-edges-before'), fullPage: true });

  // The first used core spectrum that is sweep 1 of its file (the first of its series: it counts).
  await page.getByTestId('subtab-quality').click();
  await page.getByTestId('quality-filter-all').click();
  const table = page.getByTestId('quality-table');
  const row = table
    .locator('tbody tr')
    .filter({ has: page.locator('td:nth-child(3)', { hasText: /^core$/ }) })
    .filter({ has: page.locator('td:nth-child(2)', { hasText: /^1$/ }) })
    .filter({ has: page.locator('td.run-status', { hasText: /^used$/ }) })
    .first();
  const id = (await row.getAttribute('data-testid'))!.replace('quality-row-', '');
  await row.getByTestId(`quality-note-${id}`).fill('tip crashed after this sweep');
  await row.getByTestId(`quality-use-${id}`).uncheck();
  await expect(page.getByTestId('quality-pending')).toContainText('1 change not yet in run 1');
  await page.getByTestId('quality-rerun').click();
  await expect(page.getByTestId('run-label')).toContainText('Run 2', { timeout: 60_000 });

  const after = await groupCounts(page, 'core');
  expect(after).toEqual({ n: before.n - 1, excluded: before.excluded + 1 });
  await expect(page.getByTestId('histogram-figure')).toContainText(
    `core (n = ${after.n}, ${after.excluded} excluded)`,
  );
  await page.screenshot({ path: screenshotPath('exclusions-band-edges-after'), fullPage: true });

  await page.getByTestId('subtab-quality').click();
  await page.getByTestId('quality-filter-excluded').click();
  await expect(page.getByTestId(`quality-status-${id}`)).toHaveText(
    'excluded: excluded by hand: tip crashed after this sweep',
  );
  await expect(page.getByTestId(`quality-use-${id}`)).not.toBeChecked();
  await page.screenshot({ path: screenshotPath('exclusions-quality'), fullPage: true });

  // In-gap states: circles on the averaged dI/dV with a legend entry; counts per sweep.
  await page.getByTestId('subtab-spectra').click();
  const spectra = page.getByTestId('spectra-figure');
  await expect(spectra.locator('[data-testid=figure-legend]')).toContainText('In-gap states');
  const counts = await spectra
    .locator('[data-testid=in-gap-markers]')
    .evaluateAll((gs) => gs.map((g) => Number(g.getAttribute('data-count'))));
  expect(counts.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  await page.screenshot({ path: screenshotPath('exclusions-spectra-in-gap'), fullPage: true });
  await page.getByTestId('subtab-degradation').click();
  await expect(page.getByTestId('sweep-table')).toContainText('In-gap states');
  await expect(page.getByTestId('in-gap-count-1')).toHaveText(/^\d+$/);
  await page.screenshot({ path: screenshotPath('exclusions-degradation-in-gap'), fullPage: true });

  // Reset: the flags decide again, and the n comes back.
  await page.getByTestId('subtab-quality').click();
  await page.getByTestId('quality-filter-excluded').click();
  await page.getByTestId(`quality-reset-${id}`).click();
  await page.getByTestId('quality-rerun').click();
  await expect(page.getByTestId('run-label')).toContainText('Run 3', { timeout: 60_000 });
  expect(await groupCounts(page, 'core')).toEqual(before);
});
