// A run on real files nobody has labelled yet (Debian Chromium, browser mode): the group views say
// to label first, and Quality & exclusions still lists every analysed spectrum with its findings.
import { join } from 'node:path';
import { expect, importPaths, screenshotPath, test } from './fixtures.ts';

test('an unlabelled run lists every spectrum in Quality & exclusions', async ({
  page,
  appUrl,
  realDataDir,
}) => {
  await page.goto(appUrl);
  await importPaths(
    page,
    ['nanonis-dat', 'rhk-sm4'].map((folder) => join(realDataDir, folder)),
  );
  await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
  await page.getByTestId('run-analysis').click();
  await expect(page.getByTestId('run-label')).toContainText('Run 1', { timeout: 60_000 });
  const analysed = Number(
    /(\d+) spectra/.exec((await page.getByTestId('run-label').textContent()) ?? '')?.[1],
  );
  expect(analysed).toBeGreaterThan(5);

  await page.getByTestId('subtab-band-edges').click();
  await expect(page.getByTestId('no-labelled-spectra')).toContainText('label spectra in the Library first');
  await page.getByTestId('subtab-quality').click();
  await page.getByTestId('quality-filter-all').click();
  const rows = page.getByTestId('quality-table').locator('tbody tr');
  await expect(rows).toHaveCount(analysed);
  // Nobody labelled them: every row's group is empty.
  await expect(rows.locator('td:nth-child(3)', { hasText: /^—$/ })).toHaveCount(analysed);
  await page.screenshot({ path: screenshotPath('unlabelled-run-quality'), fullPage: true });
});
