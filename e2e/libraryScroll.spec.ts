// The Library's tables render only the rows in view (library/useWindowedRows.ts): scrolling shows
// every row of the page with no gap, the last row is reachable, and a Shift-click range and Ctrl+A
// still cover the whole list, rows never rendered included. The demo session (Debian Chromium,
// browser mode).
import type { Locator } from '@playwright/test';
import { expect, screenshotPath, test } from './fixtures.ts';

/** What is under the scroll box's top (below the header) and bottom edges, as row texts ('' if no row). */
async function rowsAtEdges(scroll: Locator): Promise<string[]> {
  return scroll.evaluate((element) => {
    // The e2e project type-checks without the DOM library: name just what is used.
    interface El {
      getBoundingClientRect(): { left: number; top: number; bottom: number; width: number };
      querySelector(selector: string): El | null;
      closest(selector: string): (El & { textContent: string | null }) | null;
    }
    const box = element as unknown as El;
    const doc = (globalThis as unknown as { document: { elementFromPoint(x: number, y: number): El | null } })
      .document;
    const r = box.getBoundingClientRect();
    const header = box.querySelector('thead th')?.getBoundingClientRect().bottom ?? r.top;
    const x = r.left + r.width / 3;
    return [header + 4, r.bottom - 4].map(
      (y) => doc.elementFromPoint(x, y)?.closest('tbody tr')?.textContent ?? '',
    );
  });
}

async function scrollTo(scroll: Locator, fraction: number): Promise<void> {
  await scroll.evaluate((element, f) => {
    const box = element as unknown as { scrollTop: number; scrollHeight: number; clientHeight: number };
    box.scrollTop = f * (box.scrollHeight - box.clientHeight);
  }, fraction);
}

async function expectRowsEverywhere(scroll: Locator): Promise<void> {
  // The box wholly in the window (elementFromPoint sees only what is on screen).
  await scroll.evaluate((element) =>
    (element as unknown as { scrollIntoView(o: { block: string }): void }).scrollIntoView({
      block: 'center',
    }),
  );
  for (const fraction of [0, 0.25, 0.5, 0.75, 1]) {
    await scrollTo(scroll, fraction);
    // The rows under both edges are drawn once the scroll is handled.
    await expect.poll(async () => (await rowsAtEdges(scroll)).every((text) => text !== '')).toBe(true);
  }
}

test('scrolling the Library tables shows every row; ranges and Ctrl+A cover unrendered rows', async ({
  page,
  labelledServer,
}) => {
  await page.goto(labelledServer.url);
  const files = page.getByTestId('files-table');
  const filesScroll = page.getByTestId('files-scroll');
  await expect.poll(async () => Number(await files.getAttribute('data-total'))).toBeGreaterThan(40);
  const fileTotal = Number(await files.getAttribute('data-total'));
  await expectRowsEverywhere(filesScroll);

  // Scrolled to the bottom: the page's last file is in view; Shift-click from the first one
  // selects every file of the page (all on one page: fewer than 200).
  await scrollTo(filesScroll, 1);
  const lastFile = files.locator('tbody tr').last();
  await expect(lastFile).toBeInViewport();
  await lastFile.click();
  await scrollTo(filesScroll, 0);
  await files
    .locator('tbody tr')
    .first()
    .click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('library-selection')).toContainText(`${fileTotal} files selected`);
  await page.screenshot({ path: screenshotPath('library-scroll-files'), fullPage: true });
  await files.locator('tbody tr').first().click();
  await files.locator('tbody tr').first().click(); // one file selected, then deselected: all spectra

  const spectra = page.getByTestId('spectra-table');
  const spectraScroll = page.getByTestId('spectra-scroll');
  await expect.poll(async () => Number(await spectra.getAttribute('data-total'))).toBeGreaterThan(fileTotal);
  const spectraTotal = Number(await spectra.getAttribute('data-total'));
  const pageRows = Math.min(200, spectraTotal);
  await expectRowsEverywhere(spectraScroll);
  // Fewer rows are drawn than the page holds (the point of windowing).
  expect(await spectra.locator('tbody tr').count()).toBeLessThan(pageRows);

  // A range from the first row to the page's last, scrolled to in between.
  await scrollTo(spectraScroll, 0);
  await spectra.locator('tbody tr').first().click();
  await scrollTo(spectraScroll, 1);
  const lastSpectrum = spectra.locator('tbody tr').last();
  await expect(lastSpectrum).toBeInViewport();
  await lastSpectrum.click({ modifiers: ['Shift'] });
  await expect(page.getByTestId('library-selection')).toHaveText(`${pageRows} spectra selected`);
  await expect(lastSpectrum).toHaveClass(/selected/);
  await page.screenshot({ path: screenshotPath('library-scroll-spectra'), fullPage: true });

  // Ctrl+A selects the whole filtered list, every page.
  await spectraScroll.focus();
  await page.keyboard.press('Control+a');
  await expect(page.getByTestId('library-selection')).toHaveText(`${spectraTotal} spectra selected`);
});
