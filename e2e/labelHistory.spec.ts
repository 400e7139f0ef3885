// One label history across tabs (Debian Chromium, browser mode, the demo session): label a file's
// spectra in the Library, switch to Topography, undo there (Ctrl+Z): the label is gone from the
// markers and from the Library's table; redo (Ctrl+Shift+Z) brings it back in both.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, importPaths, repoRoot, screenshotPath, test } from './fixtures.ts';

const FILE = 'Bias-Spectroscopy005.dat';

/** Labels of the Library rows of FILE (the filter shows only them). */
async function libraryLabels(page: Page): Promise<string[]> {
  await page.getByRole('tab', { name: 'Library' }).click();
  await page.getByTestId('spectra-filter').fill(FILE.replace('.dat', ''));
  const table = page.getByTestId('spectra-table');
  // Rows shown, all of FILE (an empty table while the list reloads would pass the second test alone).
  await expect
    .poll(async () => {
      const names = await table.locator('td.name-cell').allTextContents();
      return names.length > 0 && names.every((n) => n.includes(FILE));
    })
    .toBe(true);
  return table.getByTestId('spectrum-label').allTextContents();
}

/** Labels of FILE's markers on the topography. */
async function markerLabels(page: Page): Promise<string[]> {
  await page.getByRole('tab', { name: 'Topography' }).click();
  const markers = page.locator(`[data-testid="topo-marker"][data-file="${FILE}"]`);
  await expect(markers.first()).toBeAttached();
  return markers.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-label') ?? ''));
}

test('a label set in the Library is undone on the Topography tab and redone, in both tabs', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await importPaths(page, [join(repoRoot, 'resources/demo')]);

  // Unlabelled at first (the demo's labels.csv is not applied by an import).
  const before = await libraryLabels(page);
  expect(before.length).toBeGreaterThan(0);
  expect(before.every((l) => l === '')).toBe(true);

  // Select every spectrum of the file (Ctrl+A on the filtered list) and label it core (key 1).
  await page.getByTestId('spectra-table').locator('tbody tr').first().click();
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('library-selection')).toHaveText(`${before.length} spectra selected`);
  await page.keyboard.press('1');
  await expect.poll(() => libraryLabels(page)).toEqual(before.map(() => 'core'));

  // The Topography shows it on the file's markers; undo there.
  const labelled = await markerLabels(page);
  expect(labelled.length).toBeGreaterThan(0);
  expect(labelled.every((l) => l === 'core')).toBe(true);
  await page.screenshot({ path: screenshotPath('label-history-topography-labelled'), fullPage: true });
  await page.getByTestId('topography-view').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect.poll(() => markerLabels(page)).toEqual(labelled.map(() => ''));
  await expect.poll(() => libraryLabels(page)).toEqual(before.map(() => ''));

  // Redo from the Library: back on both tabs.
  await page.getByTestId('spectra-table').locator('tbody tr').first().click();
  await page.keyboard.press('Control+Shift+z');
  await expect.poll(() => libraryLabels(page)).toEqual(before.map(() => 'core'));
  await expect.poll(() => markerLabels(page)).toEqual(labelled.map(() => 'core'));
  await page.screenshot({ path: screenshotPath('label-history-redone-topography'), fullPage: true });
});
