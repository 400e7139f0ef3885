// Suggest labels on the demo topography (Debian Chromium, browser mode): the particle outlines and
// a suggested label on every marker, equal to the demo's own labels.csv; a hand label survives
// "Accept all" until "Replace labels already set"; accepting is one undoable change; the outlines
// and the label legend go into the exported figure; the three groups reach the analysis.
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { canvasPixelStats, expect, importPaths, repoRoot, screenshotPath, test } from './fixtures.ts';

const demoLabels = new Map(
  readFileSync(join(repoRoot, 'resources/demo/labels.csv'), 'utf8')
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(',') as [string, string]),
);

/** Saves a download; returns its path. */
async function download(page: Page, click: () => Promise<void>): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'sts-classify-')), file.suggestedFilename());
  await file.saveAs(path);
  return path;
}

/** data-label of every marker, by marker key. */
async function markerLabels(page: Page): Promise<Map<string, string>> {
  const pairs = await page
    .getByTestId('topo-marker')
    .evaluateAll((nodes) =>
      nodes.map((n) => [n.getAttribute('data-key') ?? '', n.getAttribute('data-label') ?? ''] as const),
    );
  return new Map(pairs);
}

test('suggest labels on the demo, keep a hand label, accept, undo, export, analyse', async ({
  page,
  appUrl,
}) => {
  await page.goto(appUrl);
  await importPaths(page, [join(repoRoot, 'resources/demo')]);
  await page.getByRole('tab', { name: 'Topography' }).click();
  const markers = page.getByTestId('topo-marker');
  await expect(markers).toHaveCount(68);

  // A hand label first: the first marker (a file labelled core in labels.csv) set to crown-edge.
  const first = markers.first();
  const handFile = (await first.getAttribute('data-file')) ?? '';
  const handKey = (await first.getAttribute('data-key')) ?? '';
  expect(demoLabels.get(handFile)).toBe('core');
  // Its file's repeated sweeps stack on one spot: a click there takes the whole spot.
  await first.click({ force: true });
  await expect(first).toHaveAttribute('data-selected', 'true');
  await page.keyboard.press('3');
  await expect(first).toHaveAttribute('data-label', 'crown-edge');
  const handCount = await page.locator('[data-testid="topo-marker"][data-label="crown-edge"]').count();

  await page.getByTestId('suggest-labels').click();
  await expect(page.getByTestId('topo-particle')).toHaveCount(12, { timeout: 30_000 });
  await expect(page.locator('[data-testid="topo-particle"][data-kind="core-crown"]')).toHaveCount(6);
  await expect(page.locator('[data-testid="topo-particle"][data-kind="core-only"]')).toHaveCount(6);
  // Every marker's suggestion is its file's label in labels.csv.
  const suggested = await markers.evaluateAll((nodes) =>
    nodes.map((n) => [n.getAttribute('data-file') ?? '', n.getAttribute('data-suggested') ?? ''] as const),
  );
  expect(suggested.length).toBe(68);
  for (const [file, label] of suggested) expect(label, file).toBe(demoLabels.get(file));
  await page.getByTestId('topo-viewport').screenshot({ path: screenshotPath('classify-outlines-viewport') });
  await page.screenshot({ path: screenshotPath('classify-suggestions'), fullPage: true });

  // Accept all: every unlabelled marker takes its suggestion; the hand label stays.
  await page.getByTestId('suggest-accept-all').click();
  await expect(page.locator('[data-testid="topo-marker"][data-label=""]')).toHaveCount(0);
  await expect(first).toHaveAttribute('data-label', 'crown-edge');
  const accepted = await markerLabels(page);
  for (const [file, label] of suggested) {
    if (file !== handFile) expect(label).toBeTruthy();
  }
  expect([...accepted.values()].filter((l) => l === 'core').length).toBeGreaterThan(15);
  await page.screenshot({ path: screenshotPath('classify-accepted'), fullPage: true });

  // One undoable change: undo clears every accepted label, redo restores them.
  await page.keyboard.press('Control+z');
  await expect(page.locator('[data-testid="topo-marker"][data-label=""]')).toHaveCount(68 - handCount);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('[data-testid="topo-marker"][data-label=""]')).toHaveCount(0);

  // Asked to, the suggestion replaces the hand label too.
  await page.getByTestId('suggest-replace').check();
  await page.getByTestId('suggest-accept-all').click();
  await expect(page.locator(`[data-testid="topo-marker"][data-key="${handKey}"]`)).toHaveAttribute(
    'data-label',
    'core',
  );
  for (const [key, label] of await markerLabels(page)) expect(label, key).not.toBe('');

  // The exported figure carries the outlines and a legend of the labels.
  const svg = readFileSync(await download(page, () => page.getByTestId('topo-export-svg').click()), 'utf8');
  const png = await download(page, () => page.getByTestId('topo-export-png').click());
  expect(readFileSync(png).subarray(1, 4).toString()).toBe('PNG');
  copyFileSync(png, screenshotPath('classify-export'));
  expect(svg).toContain('background plane subtracted');
  expect(svg).not.toContain('plane-robust ');
  expect((svg.match(/stroke-dasharray="4 3"/g) ?? []).length).toBeGreaterThanOrEqual(6);
  for (const name of ['core', 'crown-centre', 'crown-edge'])
    expect(svg).toMatch(new RegExp(`>${name} \\(\\d+\\)<`));

  // The three groups in the analysis.
  await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
  await page.getByTestId('run-analysis').click();
  await expect(page.getByTestId('run-label')).toContainText('Run 1', { timeout: 60_000 });
  await page.getByTestId('subtab-band-edges').click();
  const stats = page.getByTestId('stats-table');
  for (const name of ['core', 'crown-centre', 'crown-edge']) await expect(stats).toContainText(name);
  await page.screenshot({ path: screenshotPath('classify-analysis'), fullPage: true });
});

test('a constant-height real scan is grey with a note; Z is levelled by default, current not', async ({
  page,
  appUrl,
  realDataDir,
}) => {
  await page.goto(appUrl);
  await importPaths(page, [join(realDataDir, 'nanonis-sxm')]);
  await page.getByRole('tab', { name: 'Topography' }).click();
  const scan = page.getByTestId('topo-image-select');
  const value = await scan.locator('option', { hasText: 'Image_445.sxm' }).getAttribute('value');
  await scan.selectOption(value ?? '');
  await page.getByTestId('topo-channel-select').selectOption('Z');
  await expect(page.getByTestId('topo-image-note')).toContainText('Constant image: every pixel is −14.3 nm');
  // The colour bar states the same value (levelling made the drawn image 0) on the image's grey.
  await expect(page.getByTestId('topo-colour-bar-title')).toHaveText('Z (nm), constant');
  await expect(page.getByTestId('topo-colour-bar').locator('.ticks span')).toHaveText(['−14.3']);
  // Drawn (levelled in a worker) in its one grey: every pixel opaque, one red value.
  await expect
    .poll(async () => {
      const stats = await canvasPixelStats(page.getByTestId('topo-canvas'));
      return stats.opaque > 0 && stats.distinctReds === 1;
    })
    .toBe(true);
  await expect(page.getByTestId('levelling-select')).toHaveValue('plane-robust');
  await page.screenshot({ path: screenshotPath('classify-constant-scan'), fullPage: true });
  for (const channel of ['Current', 'Amplitude', 'LI_X']) {
    await page.getByTestId('topo-channel-select').selectOption(channel);
    await expect(page.getByTestId('levelling-select')).toHaveValue('none');
  }
  await page.getByTestId('topo-channel-select').selectOption('Z');
  await expect(page.getByTestId('levelling-select')).toHaveValue('plane-robust');
});
