// Labelling in the Library on real instrument files (Debian Chromium, browser mode): select rows by
// click, Shift-click and Ctrl+A, label with keys and buttons, undo/redo, label whole files, and a
// labels CSV by the button and by drop, with its matched/unmatched report.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, importPaths, screenshotPath, test } from './fixtures.ts';

function spectraRows(page: Page): Locator {
  return page.getByTestId('spectra-table').locator('tbody tr');
}

async function labelsShown(page: Page): Promise<string[]> {
  return page.getByTestId('spectra-table').getByTestId('spectrum-label').allTextContents();
}

async function totalWithLabel(page: Page, label: string): Promise<number> {
  const filter = page.getByTestId('spectra-label-filter');
  await filter.fill(label);
  // The list has reloaded when every shown row carries the label (or none is shown).
  await expect.poll(async () => (await labelsShown(page)).every((l) => l === label)).toBe(true);
  const total = Number(await page.getByTestId('spectra-table').getAttribute('data-total'));
  await filter.fill('');
  return total;
}

test('labels real spectra in the Library by selection, keys, files and a labels CSV', async ({
  page,
  appUrl,
  realDataDir,
}) => {
  await page.goto(appUrl);
  await importPaths(page, [join(realDataDir, 'nanonis-dat')]);

  // Click a row, Shift-click the fourth: four rows selected, key 1 labels them core.
  await page.getByTestId('spectra-filter').fill('Bias');
  const rows = spectraRows(page);
  const names = page.getByTestId('spectra-table').locator('td.name-cell');
  // The filtered list is in when it shows rows and every one is a Bias file (an empty table while
  // the list reloads would pass the second test alone).
  await expect
    .poll(async () => {
      const texts = await names.allTextContents();
      return texts.length >= 4 && texts.every((n) => n.includes('Bias'));
    })
    .toBe(true);
  const shown = await rows.count();
  await rows.nth(0).click();
  await rows.nth(3).click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('library-selection')).toHaveText('4 spectra selected');
  await expect(page.getByTestId('spectrum-plot')).toHaveAttribute('data-series', '4');
  await page.keyboard.press('1');
  await expect
    .poll(() => labelsShown(page))
    .toEqual(Array.from({ length: shown }, (_, i) => (i < 4 ? 'core' : '')));
  await page.screenshot({ path: screenshotPath('library-labelled-keys'), fullPage: true });

  // Ctrl-click removes one row; the label menu's own label goes to the other three.
  await rows.nth(1).click({ modifiers: ['Control'] });
  await expect(page.getByTestId('library-selection')).toHaveText('3 spectra selected');
  await page.getByTestId('library-label-own').fill('defect');
  await page.getByTestId('library-label-own-apply').click();
  await expect
    .poll(() => labelsShown(page))
    .toEqual(Array.from({ length: shown }, (_, i) => (i === 1 ? 'core' : i < 4 ? 'defect' : '')));
  // Undo twice restores the unlabelled rows; redo once brings back core.
  await page.getByTestId('spectra-scroll').focus();
  await page.keyboard.press('Control+z');
  await expect
    .poll(() => labelsShown(page))
    .toEqual(Array.from({ length: shown }, (_, i) => (i < 4 ? 'core' : '')));
  await page.getByTestId('library-undo').click();
  await expect.poll(() => labelsShown(page)).toEqual(Array.from({ length: shown }, () => ''));
  await page.getByTestId('library-redo').click();
  await expect
    .poll(() => labelsShown(page))
    .toEqual(Array.from({ length: shown }, (_, i) => (i < 4 ? 'core' : '')));

  // Ctrl+A in the table selects the whole filtered list (every page), key 2 labels it.
  await page.getByTestId('spectra-filter').fill('');
  const table = page.getByTestId('spectra-table');
  await expect.poll(async () => Number(await table.getAttribute('data-total'))).toBeGreaterThan(shown);
  const all = Number(await table.getAttribute('data-total'));
  await page.getByTestId('spectra-scroll').focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('library-selection')).toHaveText(`${all} spectra selected`);
  await page.keyboard.press('2');
  await expect.poll(() => totalWithLabel(page, 'crown-centre')).toBe(all);
  await page.getByTestId('spectra-scroll').focus();
  await page.keyboard.press('Control+z');
  await expect.poll(() => totalWithLabel(page, 'core')).toBe(4);
  await expect.poll(() => totalWithLabel(page, 'crown-centre')).toBe(0);

  // A file row stands for all its spectra (both directions, every sweep): key 3 labels them.
  await page.getByTestId('files-filter').fill('nanonis_sts_15mv');
  const file = page.getByTestId('files-table').locator('tbody tr', { hasText: 'nanonis_sts_15mv.dat' });
  await file.click();
  await expect(page.getByTestId('library-selection')).toContainText('1 file selected');
  await page.keyboard.press('3');
  await expect
    .poll(() => labelsShown(page))
    .toEqual(['crown-edge', 'crown-edge', 'crown-edge', 'crown-edge']);
  await page.screenshot({ path: screenshotPath('library-labelled-file'), fullPage: true });
  await file.click();
  await page.getByTestId('files-filter').fill('');

  // A labels CSV by the button: one row matches, one names no imported file, one is unreadable.
  await page.getByTestId('labels-csv-input').setInputFiles({
    name: 'my-labels.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from('file,label\nSTS003.dat,crown-centre\nnot-imported.dat,core\nbroken\n'),
  });
  const report = page.getByTestId('labels-csv-report');
  await expect(report).toContainText('my-labels.csv');
  await expect(report.getByTestId('labels-csv-matched')).toHaveText('1');
  await expect(report.getByTestId('labels-csv-unmatched')).toHaveText('1');
  await expect(report).toContainText('line 3: no imported file named not-imported.dat');
  await expect(report).toContainText("line 4: expected 'file,label'");
  const sts003 = Number(await report.getByTestId('labels-csv-spectra').textContent());
  expect(sts003).toBeGreaterThan(0);
  await expect.poll(() => totalWithLabel(page, 'crown-centre')).toBe(sts003);
  await page.screenshot({ path: screenshotPath('library-labels-csv'), fullPage: true });

  // The same by dropping a .csv on the window (it is read, not imported as data).
  // (A string: the e2e project type-checks without the DOM library.)
  const dataTransfer = await page.evaluateHandle(`(() => {
    const transfer = new DataTransfer();
    transfer.items.add(new File(['file,label\\ni_v.dat,crown-edge\\n'], 'dropped.csv', { type: 'text/csv' }));
    return transfer;
  })()`);
  await page.locator('body').dispatchEvent('dragenter', { dataTransfer });
  await page.locator('body').dispatchEvent('drop', { dataTransfer });
  await expect(report).toContainText('dropped.csv');
  await expect(report.getByTestId('labels-csv-matched')).toHaveText('1');
  await expect(report.getByTestId('labels-csv-unmatched')).toHaveText('0');
  await expect(page.getByTestId('import-report')).toBeVisible();
});
