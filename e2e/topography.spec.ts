// The topography view in Debian Chromium against browser mode, on the demo session: levelled scan
// with a marker per tip position; box-select one platelet's markers, label them core with the key
// 1, undo and redo; a height profile across a platelet; levelling and colormap switches.
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { expect, importPaths, repoRoot, screenshotPath, test, distinctCanvasReds } from './fixtures.ts';

/** Demo frame (scripts/demo/layout.ts): 150 nm square centred at (200, 150) nm, angle 0. */
const FRAME = { left: 125e-9, top: 225e-9, size: 150e-9 };
/** Top-left core-only platelet: centre (146, 194) nm, 16 nm wide, 4.2 nm high. */
const PLATELET = { x: 146e-9, y: 194e-9 };
/** A core–crown platelet: centre (218, 150) nm, core 14 nm wide, crown 30 nm wide. */
const CROWN_PLATELET = { x: 218e-9, y: 150e-9 };

async function openTopography(page: Page, appUrl: string): Promise<void> {
  await page.goto(appUrl);
  await importPaths(page, [join(repoRoot, 'resources/demo')]);
  await page.getByRole('tab', { name: 'Topography' }).click();
  await expect(page.getByTestId('topography-view')).toBeVisible();
}

/** Viewport coordinates (page CSS px) of a point given in scan metres. */
async function pagePoint(viewport: Locator, x: number, y: number): Promise<{ x: number; y: number }> {
  const box = await viewport.boundingBox();
  if (!box) throw new Error('viewport not visible');
  return {
    x: box.x + ((x - FRAME.left) / FRAME.size) * box.width,
    y: box.y + ((FRAME.top - y) / FRAME.size) * box.height,
  };
}

async function drag(page: Page, from: { x: number; y: number }, to: { x: number; y: number }): Promise<void> {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 4 });
  await page.mouse.up();
}

/** Draws a closed lasso of radius r (metres) round a point, holding `modifiers`. */
async function lasso(
  page: Page,
  viewport: Locator,
  centre: { x: number; y: number },
  r: number,
  modifiers: Array<'Shift' | 'Control'> = [],
): Promise<void> {
  const angles = Array.from({ length: 16 }, (_, i) => (i / 16) * 2 * Math.PI);
  const points = await Promise.all(
    angles.map((a) => pagePoint(viewport, centre.x + r * Math.cos(a), centre.y + r * Math.sin(a))),
  );
  for (const key of modifiers) await page.keyboard.down(key);
  await page.mouse.move(points[0]!.x, points[0]!.y);
  await page.mouse.down();
  for (const p of points.slice(1)) await page.mouse.move(p.x, p.y, { steps: 3 });
  await page.mouse.up();
  for (const key of modifiers) await page.keyboard.up(key);
}

/** Distinct red values on the image canvas: a blank or single-colour canvas has few. */
function distinctReds(page: Page): Promise<number> {
  return distinctCanvasReds(page.getByTestId('topo-canvas'));
}

/** Labels and spectrum counts as the library reports them (listLabels over the bridge). */
async function listLabels(page: Page, appUrl: string): Promise<Record<string, number>> {
  const url = new URL(appUrl);
  const response = await page.request.post(`${url.origin}/api/listLabels`, {
    headers: { 'content-type': 'application/json', 'x-sts-token': url.searchParams.get('token') ?? '' },
    data: '{}',
  });
  const envelope = (await response.json()) as {
    ok: boolean;
    value: { rows: Array<{ name: string; spectra: number }> };
  };
  expect(envelope.ok).toBe(true);
  return Object.fromEntries(envelope.value.rows.map((r) => [r.name, r.spectra]));
}

test('label one platelet by box and key 1, undo and redo, profile across it, levelling', async ({
  page,
  appUrl,
}) => {
  await openTopography(page, appUrl);
  await expect(page.getByTestId('topo-image-select').locator('option:checked')).toHaveText(
    /Topography001\.sxm/,
  );
  await expect(page.getByTestId('topo-channel-select')).toHaveValue('Z');
  const markers = page.getByTestId('topo-marker');
  // 63 single-sweep spots + one spot swept 5 times: 68 forward sweeps inside the frame.
  await expect(markers).toHaveCount(68);
  await expect(page.locator('[data-testid=topo-marker][data-label=""]')).toHaveCount(68);
  // Levelling runs in a Web Worker: the image is drawn when it answers.
  await expect(page.getByText('levelling…')).toHaveCount(0);
  await expect.poll(() => distinctReds(page)).toBeGreaterThan(50);
  await page.screenshot({ path: screenshotPath('topography-demo'), fullPage: true });

  // Box-select the markers on the top-left platelet (±9 nm round its centre).
  const viewport = page.getByTestId('topo-viewport');
  await page.getByTestId('tool-box').click();
  await drag(
    page,
    await pagePoint(viewport, PLATELET.x - 9e-9, PLATELET.y + 9e-9),
    await pagePoint(viewport, PLATELET.x + 9e-9, PLATELET.y - 9e-9),
  );
  const selected = page.locator('[data-testid=topo-marker][data-selected=true]');
  const count = await selected.count();
  expect(count).toBeGreaterThanOrEqual(4);
  const files = await selected.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-file')));
  const selection = page.getByTestId('selection-count');
  await expect(selection).toContainText(`${count} markers selected`);
  // Each marker stands for its forward and backward sweep.
  const spectra = Number(/(\d+) spectra/.exec((await selection.textContent()) ?? '')?.[1]);
  expect(spectra).toBe(2 * count);

  await page.keyboard.press('1');
  const core = page.locator('[data-testid=topo-marker][data-label=core]');
  await expect(core).toHaveCount(count);
  expect(await core.evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-file')))).toEqual(files);
  // Core-coloured: the marker's disc takes the core label's colour.
  await expect(core.first().locator('circle').last()).toHaveAttribute('fill', '#d62728');
  await expect(page.locator('[data-testid=legend-item][data-label=core]')).toHaveAttribute(
    'data-count',
    String(count),
  );
  await expect.poll(() => listLabels(page, appUrl)).toEqual({ core: spectra });
  await page.screenshot({ path: screenshotPath('topography-labelled'), fullPage: true });

  // Undo restores the unlabelled state in the library; redo labels them again.
  await page.keyboard.press('Control+z');
  await expect(core).toHaveCount(0);
  await expect.poll(() => listLabels(page, appUrl)).toEqual({ core: 0 });
  await page.getByTestId('redo').click();
  await expect(core).toHaveCount(count);
  await expect.poll(() => listLabels(page, appUrl)).toEqual({ core: spectra });

  // The centre of a core–crown platelet by lasso (Shift+drag with the box tool), labelled
  // crown-centre with its button; the rim spots 11 nm out stay unselected.
  await page.keyboard.press('Escape');
  await expect(selected).toHaveCount(0);
  await page.getByTestId('tool-select').click();
  await lasso(page, viewport, CROWN_PLATELET, 5.5e-9, ['Shift']);
  const centreCount = await selected.count();
  expect(centreCount).toBeGreaterThanOrEqual(4);
  await page.getByTestId('label-crown-centre').click();
  const crownCentre = page.locator('[data-testid=topo-marker][data-label=crown-centre]');
  await expect(crownCentre).toHaveCount(centreCount);
  await expect(crownCentre.first().locator('circle').last()).toHaveAttribute('fill', '#1f77b4');
  await expect(core).toHaveCount(count);
  await expect
    .poll(() => listLabels(page, appUrl))
    .toEqual({ core: spectra, 'crown-centre': 2 * centreCount });
  await page.keyboard.press('Escape');

  // Height profile across the platelet: 4.2 nm high on a levelled background.
  await page.getByTestId('tool-profile').click();
  await drag(
    page,
    await pagePoint(viewport, PLATELET.x - 16e-9, PLATELET.y),
    await pagePoint(viewport, PLATELET.x + 16e-9, PLATELET.y),
  );
  const profile = page.getByTestId('profile-plot');
  await expect(profile.locator('canvas').first()).toBeVisible();
  await expect(page.getByTestId('profile-line')).toBeVisible();
  const length = Number(await profile.getAttribute('data-length'));
  expect(length).toBeGreaterThan(30e-9);
  expect(length).toBeLessThan(34e-9);
  const height = Number(await profile.getAttribute('data-peak-to-valley'));
  expect(height).toBeGreaterThan(4.0e-9);
  expect(height).toBeLessThan(4.6e-9);
  await expect(profile).toContainText('nm');
  await page.screenshot({ path: screenshotPath('topography-profile'), fullPage: true });

  // Levelling switches: line-by-line slope keeps the image drawn and the profile live.
  await page.getByTestId('levelling-select').selectOption('line-slope');
  await expect(page.getByTestId('levelling-select')).toHaveValue('line-slope');
  await page.getByTestId('colormap').selectOption('viridis');
  await expect(profile).toBeVisible();
  await expect.poll(() => distinctReds(page)).toBeGreaterThan(50);

  // Manual contrast in the prefixed unit the range suggests (nm here): the colour bar follows.
  await page.getByTestId('contrast-mode').selectOption('manual');
  await page.getByTestId('contrast-min').fill('0');
  await page.getByTestId('contrast-max').fill('5');
  // Plain round ticks under one title naming the quantity, its prefix and unit.
  await expect(page.getByTestId('topo-colour-bar-title')).toHaveText('Z (nm)');
  await expect(page.getByTestId('topo-colour-bar').locator('.ticks span').first()).toHaveText('0');
  await expect(page.getByTestId('topo-colour-bar').locator('.ticks span').last()).toHaveText('5');
  await page.getByTestId('contrast-mode').selectOption('auto');

  await page.getByTestId('levelling-select').selectOption('none');
  await page.getByTestId('topo-direction-backward').click();
  await expect(page.getByTestId('topo-direction-backward')).toHaveAttribute('aria-pressed', 'true');
  await expect(markers).toHaveCount(68);
  await expect.poll(() => distinctReds(page)).toBeGreaterThan(50);
  await page.screenshot({ path: screenshotPath('topography-raw-viridis'), fullPage: true });
});

test('lasso, custom label, remove, zoom and pan keep markers on their spots', async ({ page, appUrl }) => {
  await openTopography(page, appUrl);
  const viewport = page.getByTestId('topo-viewport');
  const markers = page.getByTestId('topo-marker');
  await expect(markers).toHaveCount(68);

  // Lasso round the top-left platelet.
  await page.getByTestId('tool-lasso').click();
  await lasso(page, viewport, PLATELET, 10e-9);
  const selected = page.locator('[data-testid=topo-marker][data-selected=true]');
  const count = await selected.count();
  expect(count).toBeGreaterThanOrEqual(4);

  await page.getByTestId('label-custom').fill('defect');
  await page.getByTestId('label-custom-colour').fill('#ff00ff');
  await page.getByTestId('label-custom-apply').click();
  const defect = page.locator('[data-testid=topo-marker][data-label=defect]');
  await expect(defect).toHaveCount(count);
  await expect(defect.first().locator('circle').last()).toHaveAttribute('fill', '#ff00ff');
  await expect(page.locator('[data-testid=legend-item][data-label=defect]')).toHaveAttribute(
    'data-count',
    String(count),
  );

  // Zoom in about the platelet: the marker stays under the cursor.
  // Whole CSS px: wheel events report integer client coordinates.
  const exact = await pagePoint(viewport, PLATELET.x, PLATELET.y);
  const centre = { x: Math.round(exact.x), y: Math.round(exact.y) };
  const marker = defect.first();
  const before = await marker.boundingBox();
  await page.mouse.move(centre.x, centre.y);
  for (let i = 0; i < 5; i++) await page.mouse.wheel(0, -200);
  // Five notches of 200 px, 1.25× per 100 px.
  const scale = 1.25 ** 10;
  await expect(viewport).toHaveAttribute('data-scale', scale.toFixed(3));
  const after = await marker.boundingBox();
  // Distance from the cursor grows by the zoom factor (markers keep their screen size).
  const d0 = before!.x + before!.width / 2 - centre.x;
  const d1 = after!.x + after!.width / 2 - centre.x;
  expect(Math.abs(d1 - d0 * scale)).toBeLessThan(2);
  await page.screenshot({ path: screenshotPath('topography-zoomed'), fullPage: true });

  // Drag-pan with the pan tool: the marker follows the image by the drag.
  await page.getByTestId('tool-pan').click();
  const from = { x: centre.x + 150, y: centre.y + 150 };
  await drag(page, from, { x: from.x + 60, y: from.y + 40 });
  const panned = await marker.boundingBox();
  expect(panned!.x - after!.x).toBeCloseTo(60, 0);
  expect(panned!.y - after!.y).toBeCloseTo(40, 0);

  // A click takes the whole spot: Bias-Spectroscopy001.dat's five sweeps stack on one position.
  const position = await marker.getAttribute('transform');
  const stacked = page.locator(`[data-testid=topo-marker][transform="${position}"]`);
  await expect(stacked).toHaveCount(5);
  await marker.click({ force: true });
  await expect(selected).toHaveCount(5);
  await expect(page.getByTestId('topo-tooltip')).toContainText('5 sweeps on this spot');
  await page.keyboard.press('0');
  await expect(defect).toHaveCount(count - 5);
  await page.getByTestId('zoom-reset').click();
  await expect(viewport).toHaveAttribute('data-scale', '1.000');
});
