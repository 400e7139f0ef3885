// Per-session label sets in the UI (Debian Chromium, browser mode) on a library holding the demo
// session and the real Nanonis files, two of which share names with demo files
// (Bias-Spectroscopy002/003.dat). The demo's labels.csv applied to the demo session matches its
// 64 rows in the demo's files only: the real session stays unlabelled, and analysing the demo
// session analyses its labelled spectra alone.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, importPaths, repoRoot, screenshotPath, test } from './fixtures.ts';

const demoCsv = join(repoRoot, 'resources/demo/labels.csv');
/** Data rows of the demo's labels.csv (one per file), read from the file itself. */
const csvRows = readFileSync(demoCsv, 'utf8')
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => line.trim() !== '');

test("a labels CSV applied to one session labels that session's files only", async ({
  page,
  appUrl,
  realDataDir,
}) => {
  await page.goto(appUrl);
  await importPaths(page, [join(repoRoot, 'resources/demo')]);
  await importPaths(page, [join(realDataDir, 'nanonis-dat')]);
  const rows = page.getByTestId('session-row');
  await expect(rows).toHaveCount(2);
  const demo = rows.filter({ hasText: 'demo' });
  const real = rows.filter({ hasText: 'nanonis-dat' });
  const demoId = await demo.getAttribute('data-session-id');

  await page.getByTestId('labels-csv-session').selectOption(demoId!);
  await page.getByTestId('labels-csv-input').setInputFiles(demoCsv);
  await expect(page.getByTestId('labels-csv-report')).toContainText('→ session demo');
  // Every row matches exactly one file: the demo's (applied to every session, the two shared
  // names would match two files each).
  await expect(page.getByTestId('labels-csv-matched')).toHaveText(String(csvRows.length));
  await expect(page.getByTestId('labels-csv-unmatched')).toHaveText('0');
  await expect(demo).toContainText('crown-centre');
  await expect(real.locator('.labels-cell')).toHaveText('unlabelled');
  await page.screenshot({ path: screenshotPath('library-label-set-per-session'), fullPage: true });

  // The same CSV applied to the real session matches only the two shared names there.
  await page.getByTestId('labels-csv-session').selectOption((await real.getAttribute('data-session-id'))!);
  await page.getByTestId('labels-csv-input').setInputFiles(demoCsv);
  await expect(page.getByTestId('labels-csv-report')).toContainText('→ session nanonis-dat');
  await expect(page.getByTestId('labels-csv-matched')).toHaveText('2');
  await expect(page.getByTestId('labels-csv-unmatched')).toHaveText(String(csvRows.length - 2));
  await expect(real.locator('.labels-cell')).toContainText('crown-centre');

  // Analysing the demo session: its run, its labels.
  await demo.getByRole('button', { name: 'analyse' }).click();
  await expect(page.getByTestId('run-label')).toContainText('on session demo', { timeout: 60_000 });
  // The demo's three groups, averaged in the workers, and nothing of the real session's.
  const legend = page.getByTestId('spectra-figure').locator('[data-testid=figure-legend]');
  for (const label of ['core', 'crown-centre', 'crown-edge']) await expect(legend).toContainText(label);
  await page.screenshot({ path: screenshotPath('analysis-demo-session-label-set'), fullPage: true });
});
