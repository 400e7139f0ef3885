// Accessibility basics on every tab of the labelled demo (Debian Chromium, browser mode): the tabs
// are role="tab" with aria-selected, every button, field, box and menu in the accessibility tree
// has a name (from its text, label or aria-label), and keyboard focus is visible.
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, importPaths, repoRoot, test } from './fixtures.ts';

const CONTROL =
  /^\s*- (button|textbox|searchbox|combobox|listbox|checkbox|radio|spinbutton|slider|switch)\b(.*)$/;

/** Controls in the page's accessibility tree that have no accessible name. */
async function unnamedControls(page: Page): Promise<string[]> {
  const snapshot = await page.locator('body').ariaSnapshot();
  return snapshot
    .split('\n')
    .filter((line) => {
      const match = CONTROL.exec(line);
      // A named control prints `- button "Name"`; an unnamed one has no quoted name.
      return match !== null && !/^\s*"/.test(match[2] ?? '');
    })
    .map((line) => line.trim());
}

test('tabs, names of every control and visible focus on each tab', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await importPaths(page, [join(repoRoot, 'resources/demo')]);
  await page.getByTestId('labels-csv-input').setInputFiles(join(repoRoot, 'resources/demo/labels.csv'));
  await expect(page.getByTestId('labels-csv-unmatched')).toHaveText('0');

  const tabs = page.getByRole('tablist', { name: 'Views' }).getByRole('tab');
  await expect(tabs).toHaveCount(4);
  for (const name of ['Library', 'Topography', 'Analysis', 'Grid']) {
    const tab = page.getByRole('tab', { name, exact: true });
    await tab.click();
    await expect(tab).toHaveAttribute('aria-selected', 'true');
    for (const other of await tabs.all())
      if ((await other.textContent()) !== name) await expect(other).toHaveAttribute('aria-selected', 'false');
    if (name === 'Analysis') {
      await page.getByTestId('run-analysis').click();
      await expect(page.getByTestId('run-label')).toBeVisible({ timeout: 60_000 });
    }
    if (name === 'Topography') await expect(page.getByTestId('topography-view')).toBeVisible();
    expect(await unnamedControls(page), `unnamed controls on ${name}`).toEqual([]);
  }

  // Keyboard focus is drawn: the focused tab gets an outline.
  await page.getByRole('tab', { name: 'Library' }).focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  const outline = await page.getByRole('tab', { name: 'Library' }).evaluate((element) => {
    // The e2e project type-checks without the DOM library: name just what is used.
    const view = globalThis as unknown as {
      getComputedStyle(e: unknown): { outlineStyle: string; outlineWidth: string };
    };
    const style = view.getComputedStyle(element);
    return `${style.outlineStyle} ${style.outlineWidth}`;
  });
  expect(outline).not.toMatch(/^none|\s0px$/);
});
