// The Analysis tab in Debian Chromium against browser mode, on the demo session: imported and
// labelled with the CLI before the server starts (the page's API needs the run's token), then run
// the analysis from the page, check numbers against resources/demo/truth.json, drag the deep-trap
// window, and export figures.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from '@playwright/test';
import { demoDir as demo, expect, openStoredRun, screenshotPath, test } from './fixtures.ts';

interface Truth {
  groups: Array<{ label: string; vbmMean: number; cbmMean: number }>;
  deepTrapReductionCoreToCrownCentre: number;
  series: Array<{ label: string; sweeps: Array<{ gap: number }> }>;
}

const truth = JSON.parse(readFileSync(join(demo, 'truth.json'), 'utf8')) as Truth;

async function saveDownload(
  page: Page,
  click: () => Promise<void>,
): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(
    mkdtempSync(join(tmpdir(), 'sts-e2e-download-')),
    (download as Download).suggestedFilename(),
  );
  await download.saveAs(path);
  return { name: download.suggestedFilename(), bytes: readFileSync(path) };
}

async function statValue(page: Page, label: string, quantity: string): Promise<number> {
  return Number(await page.getByTestId(`stat-${label}-${quantity}-mean`).getAttribute('data-value'));
}

test('runs the analysis and shows spectra, band edges, traps, degradation and the band diagram', async ({
  page,
  labelledServer,
}) => {
  await page.goto(labelledServer.url);
  // The run's curves (read once a view needs them: Band edges' lists, Trap windows) come from a
  // worker: the page's own resource timing never lists a slab request, while the network saw
  // them, so megabytes of curves are never read on the UI thread.
  const slabRequests: string[] = [];
  page.on('request', (request) => {
    if (request.url().includes('/api/getSpectraSlab')) slabRequests.push(request.url());
  });
  await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
  await expect(page.getByTestId('analysis-views')).toBeVisible();
  // The CLI's run is shown first; a new run from the page replaces it.
  await expect(page.getByTestId('run-label')).toContainText('Run 1');
  // The CLI ran on the whole library, the picker holds the newest session: the bar names both
  // scopes, not a label change that did not happen.
  await expect(page.getByTestId('analysis-stale')).toContainText(
    /This run is on the whole library; the next run will be on session /,
  );
  await expect(page.getByTestId('analysis-stale')).not.toContainText('Labels');
  await page.getByTestId('run-analysis').click();
  await expect(page.getByTestId('run-label')).toContainText('Run 2', { timeout: 60_000 });
  await expect(page.getByTestId('analysis-stale')).toHaveCount(0);

  // Spectra: one bold curve and one band per group, band edges marked.
  const spectra = page.getByTestId('spectra-figure');
  await expect(spectra.locator('[data-testid=edge-markers]')).toHaveCount(3);
  await expect(spectra.locator('[data-testid=figure-legend]')).toContainText('core (n = 20)');
  // Every ±1 s.d. band stays clear of the frame's top (its clip rectangle), by at least 6 % of its
  // height (the y range had 4 %: the band by the highest value looked glued to the frame).
  const bandClearance = await spectra.locator('svg[data-figure]').evaluate((svg) => {
    // The e2e project type-checks without the DOM library: name just what is used.
    interface Graphic {
      getBBox(): { y: number };
      getAttribute(name: string): string | null;
    }
    const root = svg as unknown as {
      querySelector(s: string): Graphic | null;
      querySelectorAll(s: string): ArrayLike<Graphic>;
    };
    const frame = root.querySelector('clipPath rect')!;
    const top = Number(frame.getAttribute('y'));
    const height = Number(frame.getAttribute('height'));
    return Array.from(root.querySelectorAll('[data-testid=sd-band]')).map(
      (band) => (band.getBBox().y - top) / height,
    );
  });
  expect(bandClearance).toHaveLength(3);
  for (const clearance of bandClearance) expect(clearance).toBeGreaterThan(0.06);
  await page.screenshot({ path: screenshotPath('analysis-spectra'), fullPage: true });
  // The run's stored curves at its own smoothing; at another one, recomputed from the sweeps.
  await expect(page.getByTestId('spectra-source')).toHaveText('Curves as stored with the run.');
  await page.getByTestId('spectra-sg-window').fill('25');
  await expect(spectra.locator('.caption')).toContainText('Savitzky–Golay 25 points');
  await expect(page.getByTestId('spectra-source')).toHaveText(
    'Recomputed from the member sweeps at this smoothing.',
  );
  await expect(spectra.locator('[data-testid=figure-legend]')).toContainText('core (n = 20)');
  await page.getByTestId('spectra-mode-current').click();
  await page.getByTestId('spectra-log').check();
  await expect(spectra.locator('svg[data-figure] text', { hasText: '|I| (A)' })).toHaveCount(1);
  await page.screenshot({ path: screenshotPath('analysis-spectra-log-current'), fullPage: true });

  // Band edges: statistics near the demo's truth; a bar lists its spectra.
  await page.getByTestId('subtab-band-edges').click();
  await expect(page.getByTestId('stats-table')).toBeVisible();
  for (const g of truth.groups) {
    expect(Math.abs((await statValue(page, g.label, 'vbm')) - g.vbmMean)).toBeLessThan(0.02);
    expect(Math.abs((await statValue(page, g.label, 'cbm')) - g.cbmMean)).toBeLessThan(0.02);
  }
  await page.getByTestId('bar-core-vbm').first().click();
  await expect(page.getByTestId('bin-spectra').locator('tbody tr').first()).toContainText('.dat');
  await page.screenshot({ path: screenshotPath('analysis-band-edges'), fullPage: true });

  // Trap windows: the stored reduction with its CI, then a dragged window.
  await page.getByTestId('subtab-trap-windows').click();
  await expect(page.locator('[data-testid=analysis-views][data-curves=loaded]')).toBeAttached({
    timeout: 30_000,
  });
  expect(slabRequests.length).toBeGreaterThan(0);
  const slabOnPage = await page.evaluate(
    () =>
      (
        globalThis as unknown as { performance: { getEntriesByType(type: string): Array<{ name: string }> } }
      ).performance
        .getEntriesByType('resource')
        .filter((e) => e.name.includes('/api/getSpectraSlab')).length,
  );
  expect(slabOnPage).toBe(0);
  const reduction = page.getByTestId('trap-reduction');
  await expect(reduction).toContainText('core → crown-centre');
  const percent = Number(/: (−?[\d.]+) %/.exec((await reduction.textContent()) ?? '')?.[1]);
  expect(Math.abs(percent / 100 - truth.deepTrapReductionCoreToCrownCentre)).toBeLessThan(0.05);
  await expect(reduction).toContainText('95 % CI');
  const integral = page.getByTestId('trap-integral-core');
  const before = await integral.textContent();
  const handle = page.getByTestId('trap-window-lo');
  const box = await handle.boundingBox();
  if (!box) throw new Error('the deep window handle is not laid out');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(integral).not.toHaveText(before ?? '');
  await expect(page.getByTestId('deep-lo-input')).not.toHaveValue('-0.8');
  await expect(reduction).not.toContainText('recomputing', { timeout: 30_000 });
  await expect(reduction).toContainText('95 % CI');
  await page.screenshot({ path: screenshotPath('analysis-trap-windows'), fullPage: true });

  // Degradation: the core series' gap shrinks sweep by sweep as in truth.json (in-gap states grow
  // beside the bands but are not taken for band edges), and it stays semiconducting.
  await page.getByTestId('subtab-degradation').click();
  const degradation = page.getByTestId('degradation-figure');
  await expect(degradation.locator('svg[data-figure]')).toBeVisible();
  const coreTruth = truth.series.find((s) => s.label === 'core');
  if (!coreTruth) throw new Error('truth.json has no core series');
  const rows = degradation.getByTestId('sweep-table').locator('tbody tr');
  await expect(rows).toHaveCount(coreTruth.sweeps.length);
  for (const [k, sweep] of coreTruth.sweeps.entries()) {
    const cells = rows.nth(k).locator('td');
    const gap = Number((await cells.nth(3).textContent())?.replace('−', '-'));
    expect(Math.abs(gap - sweep.gap), `sweep ${k + 1}: Eg ${gap} eV vs truth ${sweep.gap}`).toBeLessThan(
      0.06,
    );
    await expect(rows.nth(k).getByTestId(`sweep-state-${k + 1}`)).toHaveText('semiconducting');
  }
  await page.screenshot({ path: screenshotPath('analysis-degradation'), fullPage: true });

  // Band diagram with UPS and optical inputs; PNG, SVG and CSV exports carry the recipe.
  await page.getByTestId('subtab-band-diagram').click();
  const diagram = page.getByTestId('band-diagram');
  await page.getByTestId('ups-vbm').fill('-1.3');
  await page.getByTestId('optical-gap').fill('2.4');
  await page.getByTestId('work-function').fill('4.6');
  await expect(diagram.locator('svg[data-figure]')).toContainText('UPS + optical');
  await page.screenshot({ path: screenshotPath('analysis-band-diagram'), fullPage: true });

  const png = await saveDownload(page, () => diagram.getByTestId('export-png').click());
  expect(png.name).toMatch(/^band-diagram-run2\.png$/);
  expect([...png.bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  expect(png.bytes.toString('latin1')).toContain('"derivative"');

  const svg = await saveDownload(page, () => diagram.getByTestId('export-svg').click());
  expect(svg.bytes.toString('utf8')).toContain('<metadata>');

  const csv = await saveDownload(page, () => diagram.getByTestId('export-csv').click());
  const lines = csv.bytes.toString('utf8').trim().split('\n');
  expect(lines[1]).toMatch(/^# recipe: \{/);
  const data = lines.filter((l) => !l.startsWith('#'));
  expect(data[0]).toBe('column,vbm_mean_eV,vbm_std_eV,cbm_mean_eV,cbm_std_eV,gap_mean_eV,gap_std_eV,n');
  expect(data.slice(1).map((l) => l.split(',')[0])).toEqual([
    'core',
    'crown-centre',
    'crown-edge',
    'UPS + optical (user input)',
  ]);
  const core = data[1]!.split(',').map(Number);
  expect(Math.abs(core[1]! - truth.groups[0]!.vbmMean)).toBeLessThan(0.02);

  // A uPlot-free spectra PNG too: the figure rasterises at 3×.
  await page.getByTestId('subtab-spectra').click();
  await expect(page.getByTestId('spectra-figure').locator('svg[data-figure]')).toBeVisible();
  const spectraPng = await saveDownload(page, () =>
    page.getByTestId('spectra-figure').getByTestId('export-png').click(),
  );
  // The figure is laid out at its panel's width (viewBox units = CSS px) and rasterised at 3×.
  const viewBox = await page
    .getByTestId('spectra-figure')
    .locator('svg[data-figure]')
    .getAttribute('viewBox');
  const figureWidth = Number(viewBox?.split(' ')[2]);
  expect(figureWidth).toBeGreaterThan(1000);
  expect(spectraPng.bytes.readUInt32BE(16)).toBe(figureWidth * 3);
});

test('a run on the mean of both directions: the Spectra view counts each spectrum once, stored and recomputed', async ({
  page,
  labelledServer,
}) => {
  await openStoredRun(page, labelledServer.url);
  await page.getByTestId('recipe-direction').selectOption('mean');
  await page.getByTestId('run-analysis').click();
  await expect(page.getByTestId('run-label')).toContainText('Run 2', { timeout: 60_000 });
  const spectra = page.getByTestId('spectra-figure');
  await expect(spectra.locator('.caption')).toContainText('(mean)');
  await expect(page.getByTestId('spectra-source')).toHaveText('Curves as stored with the run.');
  const legend = spectra.locator('[data-testid=figure-legend]');
  await expect(legend).toContainText('core (n = 20)');
  // Recomputed from the members: each spectrum's two sweeps averaged into one member (as the run
  // prepared them), so n counts spectra (20), not sweeps (40).
  await page.getByTestId('spectra-sg-window').fill('25');
  await expect(page.getByTestId('spectra-source')).toHaveText(
    'Recomputed from the member sweeps at this smoothing.',
  );
  await expect(legend).toContainText('core (n = 20)');
  await page.screenshot({ path: screenshotPath('analysis-spectra-mean-direction'), fullPage: true });
});

test('the run’s curves still load when the bulk-call worker cannot start (read on the page instead)', async ({
  page,
  labelledServer,
}) => {
  const workerScripts: string[] = [];
  await page.route(/bridgeCallWorker[^/]*\.js/, (route) => {
    workerScripts.push(route.request().url());
    return route.abort();
  });
  await openStoredRun(page, labelledServer.url);
  await page.getByTestId('subtab-trap-windows').click();
  await expect(page.locator('[data-testid=analysis-views][data-curves=loaded]')).toBeAttached({
    timeout: 30_000,
  });
  expect(workerScripts.length).toBeGreaterThan(0);
  await expect(page.getByTestId('trap-reduction')).toContainText('core → crown-centre');
});
