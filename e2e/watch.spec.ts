// The app watching a session folder while the test writes the instrument's files into it: the
// Library count, the topography's tip markers and the analysis (auto re-run, group n) follow
// without a page reload; a notice per new file. Files are copied from the demo session, whose
// labels.csv sits in the watched folder so new sweeps join their groups.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, repoRoot, screenshotPath, test } from './fixtures.ts';

const demo = join(repoRoot, 'resources/demo');
const sweep = (n: number): string => `Bias-Spectroscopy${String(n).padStart(3, '0')}.dat`;

async function writeSweeps(folder: string, numbers: number[]): Promise<void> {
  for (const n of numbers) {
    copyFileSync(join(demo, sweep(n)), join(folder, sweep(n)));
    await new Promise((wake) => setTimeout(wake, 150));
  }
}

async function fileCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('library-counts').textContent()) ?? '';
  return Number(/(\d+) files/.exec(text)?.[1] ?? NaN);
}

function labelOf(name: string): string {
  const row = readFileSync(join(demo, 'labels.csv'), 'utf8')
    .split('\n')
    .find((line) => line.startsWith(`${name},`));
  return row?.split(',')[1]?.trim() ?? '';
}

test('the app follows a watched folder without reloading', async ({ page, appUrl }) => {
  const folder = join(mkdtempSync(join(tmpdir(), 'sts-e2e-watch-')), 'live session');
  mkdirSync(folder);
  copyFileSync(join(demo, 'Topography001.sxm'), join(folder, 'Topography001.sxm'));
  copyFileSync(join(demo, 'labels.csv'), join(folder, 'labels.csv'));
  await writeSweeps(folder, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);

  await page.goto(appUrl);
  let loads = 0;
  page.on('load', () => loads++);
  await page.getByTestId('watch-path').fill(folder);
  await page.getByTestId('watch-toggle').click();
  await expect(page.getByTestId('watch-toggle')).toHaveAttribute('aria-checked', 'true');
  await expect(page.getByTestId('watch-state')).toContainText('live session');
  // 10 sweeps, the scan and labels.csv (recorded as skipped: not an instrument file).
  await expect.poll(() => fileCount(page)).toBe(12);

  // New sweeps: the Library count and the notices follow.
  await writeSweeps(folder, [11, 12, 13, 14, 15]);
  await expect.poll(() => fileCount(page)).toBe(17);
  await expect(page.getByTestId('watch-notices')).toContainText('New Bias-Spectroscopy015.dat');
  await page.screenshot({ path: screenshotPath('watch-library') });

  // Topography: a marker per tip position, more as sweeps arrive.
  await page.getByRole('tab', { name: 'Topography', exact: true }).click();
  const markers = page.getByTestId('topo-marker');
  await expect.poll(() => markers.count()).toBeGreaterThan(0);
  const before = await markers.count();
  await writeSweeps(folder, [16, 17, 18, 19, 20]);
  await expect.poll(() => markers.count()).toBeGreaterThan(before);
  await page.screenshot({ path: screenshotPath('watch-topography') });

  // Analysis: run once, re-run automatically; new core sweeps raise the core group's n.
  await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
  await page.getByTestId('run-analysis').click();
  await expect(page.getByTestId('run-label')).toContainText('Run 1', { timeout: 60_000 });
  await page.getByLabel('re-run on label changes').check();
  await page.getByTestId('subtab-band-edges').click();
  const coreN = page.getByTestId('stats-row-core').locator('td').nth(1);
  const nBefore = Number(await coreN.textContent());
  const next = [21, 22, 23, 24, 25, 26];
  const newCore = next.filter((n) => labelOf(sweep(n)) === 'core').length;
  expect(newCore).toBeGreaterThan(0);
  await writeSweeps(folder, next);
  await expect(page.getByTestId('run-label')).toContainText(/Run [2-9]/, { timeout: 60_000 });
  await expect
    .poll(async () => Number(await coreN.textContent()), { timeout: 30_000 })
    .toBe(nBefore + newCore);
  await page.screenshot({ path: screenshotPath('watch-analysis') });

  expect(loads).toBe(0);
  await page.getByRole('tab', { name: 'Library', exact: true }).click();

  // A sweep deleted from the folder: a notice, and the Files table marks it missing (kept).
  rmSync(join(folder, sweep(1)));
  await expect(page.getByTestId('watch-notices')).toContainText(`${sweep(1)} is gone from disk`);
  await page.getByTestId('files-filter').fill(sweep(1).replace('.dat', ''));
  const missing = page
    .getByTestId('files-table')
    .locator('tbody tr')
    .filter({ hasText: sweep(1) });
  await expect(missing.getByTestId('file-missing')).toHaveText('missing');
  await expect(missing).toHaveCount(1);
  await page.screenshot({ path: screenshotPath('watch-file-missing'), fullPage: true });
  await page.getByTestId('watch-toggle').click();
  await expect(page.getByTestId('watch-toggle')).toHaveAttribute('aria-checked', 'false');
});

/**
 * A demo sweep whose forward current is clipped at its 20th-largest value, as a preamplifier at
 * its limit would: at least 20 points flat at the top. Returns the file text and the level (A).
 */
function clippedSweep(name: string): { text: string; level: number } {
  const original = readFileSync(join(demo, name), 'utf8');
  const newline = original.includes('\r\n') ? '\r\n' : '\n';
  const lines = original.split(/\r?\n/);
  const header = lines.findIndex((line) => line.trim() === '[DATA]') + 1;
  const column = lines[header]!.split('\t').indexOf('Current (A)');
  if (header === 0 || column < 0) throw new Error(`${name}: no [DATA] block with a Current (A) column`);
  const rows = lines.slice(header + 1).filter((line) => line.trim() !== '');
  const currents = rows.map((row) => Number(row.split('\t')[column]));
  const level = [...currents].sort((a, b) => b - a)[19]!;
  const clipped = rows.map((row) => {
    const cells = row.split('\t');
    if (Number(cells[column]) > level) cells[column] = level.toExponential(6).replace('e', 'E');
    return cells.join('\t');
  });
  return { text: [...lines.slice(0, header + 1), ...clipped, ''].join(newline), level };
}

test('a watched sweep with a clipped current is named in its notice until dismissed', async ({
  page,
  appUrl,
}) => {
  const folder = join(mkdtempSync(join(tmpdir(), 'sts-e2e-watch-flags-')), 'live session');
  mkdirSync(folder);
  await page.goto(appUrl);
  await page.getByTestId('watch-path').fill(folder);
  await page.getByTestId('watch-toggle').click();
  await expect(page.getByTestId('watch-toggle')).toHaveAttribute('aria-checked', 'true');

  const { text, level } = clippedSweep(sweep(2));
  writeFileSync(join(folder, 'clipped.dat'), text);
  const notice = page.getByTestId('watch-notice-flagged');
  await expect(notice).toContainText('New clipped.dat');
  // The forward sweep, flat at the clipping level (the reason the analysis gives, in nA).
  await expect(notice).toContainText(
    `sweep 1 fwd: saturated (current flat at ${(level * 1e9).toPrecision(4)} nA`,
  );
  await page.screenshot({ path: screenshotPath('watch-flagged-notice') });
  await notice.getByRole('button', { name: /Dismiss/ }).click();
  await expect(notice).toHaveCount(0);
  await page.getByTestId('watch-toggle').click();
  await expect(page.getByTestId('watch-toggle')).toHaveAttribute('aria-checked', 'false');
});
