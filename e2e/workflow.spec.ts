// The review workflow end to end, as an operator does it on the demo session: import, open the
// topography, box-select the spots on a core-only and on a core–crown platelet and label them with
// the keys 1 and 2, then see those two groups in the histograms and the trap-window reduction,
// drag the window, open the degradation view and export a figure (PNG) and its data (CSV).
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, importPaths, repoRoot, screenshotPath, test } from './fixtures.ts';

/** Demo frame (scripts/demo/layout.ts): 150 nm square, top-left corner at (125, 225) nm. */
const FRAME = { left: 125e-9, top: 225e-9, size: 150e-9 };
/** A core-only platelet and the core of a core–crown platelet (centres, metres). */
const CORE_PLATELET = { x: 146e-9, y: 194e-9 };
const CROWN_PLATELET = { x: 218e-9, y: 150e-9 };

async function pagePoint(viewport: Locator, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await viewport.boundingBox();
  if (!box) throw new Error('topography viewport not visible');
  return {
    x: box.x + ((x - FRAME.left) / FRAME.size) * box.width,
    y: box.y + ((FRAME.top - y) / FRAME.size) * box.height,
  };
}

/** Box-selects the markers within ±half (metres) of a point. */
async function boxSelect(page: Page, centre: { x: number; y: number }, half: number): Promise<void> {
  const viewport = page.getByTestId('topo-viewport');
  const from = await pagePoint(viewport, centre.x - half, centre.y + half);
  const to = await pagePoint(viewport, centre.x + half, centre.y - half);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
}

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'sts-workflow-')), file.suggestedFilename());
  await file.saveAs(path);
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

test('label spots on the topography and follow them through the analysis', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await importPaths(page, [join(repoRoot, 'resources/demo')]);

  await page.getByRole('tab', { name: 'Topography' }).click();
  await expect(page.getByTestId('topo-marker')).toHaveCount(68);
  await page.getByTestId('tool-select').click();
  // Each key waits for its box's selection on screen (a key pressed earlier acts on the old one).
  const selection = page.getByTestId('selection-count');
  await boxSelect(page, CORE_PLATELET, 9e-9);
  await expect(selection).toContainText(/\d+ markers? selected/);
  await page.keyboard.press('1');
  await expect(page.locator('[data-testid=topo-marker][data-label=core]')).not.toHaveCount(0);
  await page.keyboard.press('Escape');
  await expect(selection).toContainText('No markers selected');
  await boxSelect(page, CROWN_PLATELET, 4e-9);
  await expect(selection).toContainText(/\d+ markers? selected/);
  await page.keyboard.press('2');
  const core = page.locator('[data-testid=topo-marker][data-label=core]');
  const crown = page.locator('[data-testid=topo-marker][data-label=crown-centre]');
  await expect(core).not.toHaveCount(0);
  await expect(crown).not.toHaveCount(0);
  const coreSpots = await core.count();
  await page.screenshot({ path: screenshotPath('workflow-labelled'), fullPage: true });

  // The topography figure as PNG and SVG (with its markers), and a height profile as CSV.
  const topoPng = await download(page, () => page.getByTestId('topo-export-png').click());
  expect(topoPng.bytes.subarray(0, 4)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  const topoSvg = (await download(page, () => page.getByTestId('topo-export-svg').click())).bytes.toString(
    'utf8',
  );
  // One circle with a tooltip per marker (the label legend's dots have none).
  expect(topoSvg.match(/<circle [^>]*><title>/g)).toHaveLength(68);
  expect(topoSvg).toContain('<metadata>');
  expect(topoSvg).toContain('Topography001.sxm');
  await page.getByTestId('tool-profile').click();
  const viewport = page.getByTestId('topo-viewport');
  const from = await pagePoint(viewport, CORE_PLATELET.x - 15e-9, CORE_PLATELET.y - 3e-9);
  const to = await pagePoint(viewport, CORE_PLATELET.x + 15e-9, CORE_PLATELET.y - 3e-9);
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 6 });
  await page.mouse.up();
  const profile = await download(page, () => page.getByTestId('profile-export-csv').click());
  const profileRows = profile.bytes
    .toString('utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#'));
  expect(profileRows[0]).toBe('distance_m,height_m');
  const heights = profileRows.slice(1).map((row) => Number(row.split(',')[1]));
  // Across a 4.2 nm platelet on a levelled substrate.
  expect(Math.max(...heights) - Math.min(...heights)).toBeGreaterThan(3.5e-9);

  await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
  await page.getByTestId('run-analysis').click();
  await expect(page.getByTestId('run-label')).toContainText('Run 1', { timeout: 60_000 });

  // The two labelled groups, and only they, are analysed; every spot counts once.
  await page.getByTestId('subtab-band-edges').click();
  const stats = page.getByTestId('stats-table');
  await expect(stats).toContainText('core');
  await expect(stats).toContainText('crown-centre');
  await expect(stats).not.toContainText('crown-edge');
  const coreVbm = Number(await page.getByTestId('stat-core-vbm-mean').getAttribute('data-value'));
  expect(coreVbm).toBeGreaterThan(-1.25);
  expect(coreVbm).toBeLessThan(-1.0);
  await expect(page.getByTestId('histogram-figure')).toBeVisible();
  await page.screenshot({ path: screenshotPath('workflow-histograms'), fullPage: true });

  // Trap windows: the reduction between the two groups, then a dragged window changes it.
  await page.getByTestId('subtab-trap-windows').click();
  const reduction = page.getByTestId('trap-reduction');
  await expect(reduction).toContainText('core → crown-centre');
  await expect(reduction).toContainText('95 % CI');
  const before = await page.getByTestId('trap-integral-core').textContent();
  const handle = page.getByTestId('trap-window-hi');
  const box = await handle.boundingBox();
  if (!box) throw new Error('the deep window handle is not laid out');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 60, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(page.getByTestId('trap-integral-core')).not.toHaveText(before ?? '');
  await expect(reduction).not.toContainText('recomputing', { timeout: 30_000 });
  await page.screenshot({ path: screenshotPath('workflow-trap-windows'), fullPage: true });

  // Degradation of the core platelet's repeated sweeps (its spot was labelled core above).
  await page.getByTestId('subtab-degradation').click();
  await expect(page.getByTestId('degradation-figure')).toBeVisible();

  // Export the histogram figure as PNG and its data as CSV.
  await page.getByTestId('subtab-band-edges').click();
  const figure = page.getByTestId('histogram-figure');
  const png = await download(page, () => figure.getByTestId('export-png').click());
  expect(png.name).toMatch(/\.png$/);
  expect(png.bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  const csv = await download(page, () => figure.getByTestId('export-csv').click());
  const text = csv.bytes.toString('utf8');
  expect(text).toMatch(/^# /);
  const rows = text.split('\n').filter((line) => line && !line.startsWith('#'));
  expect(rows.length).toBeGreaterThan(1);
  expect(coreSpots).toBeGreaterThanOrEqual(4);
});
