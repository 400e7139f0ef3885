// Series split and joined by hand in the Degradation view (Debian Chromium, browser mode) on the
// demo session labelled with the CLI: split the core's five-sweep series at sweep 3 with a note,
// run again and see two core series (2 and 3 sweeps) and one more core spot in the group; join
// the second back to the series before it, run again and see the five sweeps whole; undo; then
// join a spot swept once, found by its file name, to the series before it.
import type { Page } from '@playwright/test';
import { expect, openStoredRun, screenshotPath, test } from './fixtures.ts';

/** The series select's option texts, e.g. "core · A.dat … E.dat · 5 sweeps". */
function seriesOptions(page: Page): Promise<string[]> {
  return page.getByTestId('series-select').locator('option').allTextContents();
}

async function selectSeries(page: Page, pattern: RegExp): Promise<void> {
  const options = await seriesOptions(page);
  const index = options.findIndex((text) => pattern.test(text));
  expect(index, `a series matching ${pattern} among ${options.join(' | ')}`).toBeGreaterThanOrEqual(0);
  await page.getByTestId('series-select').selectOption(String(index));
}

/** The core group's spots: used in its statistics plus excluded (flagged or by hand). */
async function coreSpots(page: Page): Promise<number> {
  await page.getByTestId('subtab-band-edges').click();
  const n = Number(await page.getByTestId('stat-core-n').getAttribute('data-value'));
  const excluded = Number(await page.getByTestId('stat-core-excluded').getAttribute('data-value'));
  await page.getByTestId('subtab-degradation').click();
  return n + excluded;
}

async function rerun(page: Page, run: number): Promise<void> {
  await page.getByTestId('series-edits-rerun').click();
  await expect(page.getByTestId('run-label')).toContainText(`Run ${run}`, { timeout: 60_000 });
  await page.getByTestId('subtab-degradation').click();
}

test('splits a series at a sweep and joins it back, each stored with its note', async ({
  page,
  labelledServer,
}) => {
  await openStoredRun(page, labelledServer.url);
  const spotsBefore = await coreSpots(page);
  const before = await seriesOptions(page);
  expect(before.filter((text) => /^core .* 5 sweeps$/.test(text))).toHaveLength(1);
  await expect(page.getByTestId('series-edits')).toContainText('No series edited by hand.');

  await selectSeries(page, /^core .* 5 sweeps$/);
  await page.getByTestId('series-edit-note').fill('tip conditioned before sweep 3');
  await page.getByTestId('series-split-3').click();
  await expect(page.getByTestId('series-edits-pending')).toContainText('1 change not yet in run 1');
  const table = page.getByTestId('series-edits-table');
  await expect(table).toContainText('New series starts at');
  await expect(table).toContainText('tip conditioned before sweep 3');

  await rerun(page, 2);
  const split = await seriesOptions(page);
  expect(split).toHaveLength(before.length + 1);
  expect(split.filter((text) => /^core .* 2 sweeps$/.test(text))).toHaveLength(1);
  expect(split.filter((text) => /^core .* 3 sweeps$/.test(text))).toHaveLength(1);
  // Sweep 3 now starts a series: one more core spot in the group (used, or excluded when its
  // degraded edges make it an outlier).
  expect(await coreSpots(page)).toBe(spotsBefore + 1);
  await selectSeries(page, /^core .* 3 sweeps$/);
  await expect(page.getByTestId('sweep-table').locator('tbody tr')).toHaveCount(3);
  await page.screenshot({ path: screenshotPath('degradation-series-split'), fullPage: true });

  // Joined back: the join replaces the split stored for the same spectrum.
  await page.getByTestId('series-edit-note').fill('same particle after all');
  await page.getByTestId('series-join').click();
  await expect(table).toContainText('Joined to the series before:');
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await rerun(page, 3);
  expect(await seriesOptions(page)).toEqual(before);
  expect(await coreSpots(page)).toBe(spotsBefore);
  // The view re-renders after the run: its sweep table settles before the page is measured.
  await expect(page.getByTestId('sweep-table').locator('tbody tr').first()).toBeVisible();
  await page.screenshot({ path: screenshotPath('degradation-series-joined'), fullPage: true });

  await table.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByTestId('series-edits')).toContainText('No series edited by hand.');
  await rerun(page, 4);
  expect(await seriesOptions(page)).toEqual(before);

  // A spot the series list does not show (swept once) is found by name and joined to the series
  // before it: it then ends that series ("first … it · n sweeps").
  await page.getByTestId('join-spot-query').fill('Bias-Spectroscopy');
  const listed = (await seriesOptions(page)).join(' | ');
  const buttons = page.getByTestId('join-spot').getByRole('button');
  const names = (await buttons.allTextContents()).map((text) => /^(\S+\.dat)/.exec(text)?.[1] ?? '');
  const index = names.findIndex((name) => name !== '' && !listed.includes(name));
  expect(index, `a spot swept once among ${names.join(', ')}`).toBeGreaterThanOrEqual(0);
  const file = names[index]!;
  const candidate = buttons.nth(index);
  await candidate.click();
  await expect(table).toContainText('Joined to the series before:');
  await rerun(page, 5);
  await expect.poll(async () => (await seriesOptions(page)).join(' | ')).toContain(`… ${file} · `);
  await page.screenshot({ path: screenshotPath('degradation-spot-joined'), fullPage: true });
});
