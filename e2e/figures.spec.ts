// Every analysis figure on the labelled demo at 1,440 px and 1,920 px, screenshotted for review as
// a paper figure, with the layout checks a reviewer would make: the figure fills its panel, axis
// titles read "Sample bias (V)", legends do not sit on the data they explain.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Locator, Page } from '@playwright/test';
import { readPngText } from '../src/shared/png/index.ts';
import { expect, importPaths, repoRoot, screenshotPath, startServer, test as base } from './fixtures.ts';
import type { Server } from './fixtures.ts';

const demo = join(repoRoot, 'resources/demo');

const test = base.extend<{ labelledServer: Server }>({
  // eslint-disable-next-line no-empty-pattern
  labelledServer: async ({}, use) => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'sts-e2e-figures-')), 'library.sqlite');
    const cli = (...args: string[]): void => {
      execFileSync(process.execPath, [join(repoRoot, 'bin/sts-workbench.js'), ...args], {
        cwd: repoRoot,
        stdio: 'pipe',
      });
    };
    cli('import', demo, '--db', dbPath);
    cli('analyze', '--db', dbPath, '--labels', join(demo, 'labels.csv'));
    const server = await startServer(dbPath);
    await use(server);
    server.process.kill('SIGTERM');
  },
});

/** Width of the figure's SVG over the width of the panel that holds it. */
async function fillFraction(figure: Locator): Promise<number> {
  const svg = await figure.locator('svg[data-figure]').first().boundingBox();
  const panel = await figure.boundingBox();
  if (!svg || !panel) throw new Error('figure not laid out');
  return svg.width / panel.width;
}

async function xAxisTitles(page: Page): Promise<string[]> {
  return page.locator('svg[data-figure] text').allTextContents();
}

for (const width of [1440, 1920]) {
  test(`analysis figures fill their panels at ${width} px`, async ({ page, labelledServer }) => {
    await page.setViewportSize({ width, height: 1000 });
    // No request of the page fails (the favicon is inline in index.html: no /favicon.ico 404).
    const failed: string[] = [];
    page.on('response', (response) => {
      if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
    });
    await page.goto(labelledServer.url);
    await expect(page.locator('link[rel=icon]')).toHaveAttribute('href', /^data:image\/png;base64,/);
    await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
    await expect(page.getByTestId('run-label')).toContainText('Run 1');
    const views: Array<[string, string]> = [
      ['spectra', 'spectra-figure'],
      ['band-edges', 'histogram-figure'],
      ['trap-windows', 'trap-figure'],
      ['degradation', 'degradation-figure'],
      ['band-diagram', 'band-diagram'],
    ];
    for (const [tab, testId] of views) {
      await page.getByTestId(`subtab-${tab}`).click();
      const figure = page.getByTestId(testId);
      await expect(figure.locator('svg[data-figure]').first()).toBeVisible();
      await page.screenshot({ path: screenshotPath(`figures-${tab}-${width}`), fullPage: true });
      const texts = await xAxisTitles(page);
      expect.soft(texts.filter((t) => t.includes('Sample bias V'))).toEqual([]);
      const fraction = await fillFraction(figure);
      expect
        .soft(fraction, `${tab} at ${width} px fills ${fraction.toFixed(2)} of its panel`)
        .toBeGreaterThan(0.9);
    }
    expect(failed).toEqual([]);
  });
}

test('library spectrum view: lock-in as dI/dV, Feenstra without end spikes, own SG settings', async ({
  page,
  appUrl,
  realDataDir,
}) => {
  await page.goto(appUrl);
  await importPaths(page, [join(realDataDir, 'nanonis-dat')]);
  await page.getByTestId('files-filter').fill('STS003.dat');
  await page.getByTestId('files-table').locator('tbody tr', { hasText: 'STS003.dat' }).first().click();
  await page.getByTestId('spectra-table').locator('tbody tr').first().click();
  const plot = page.getByTestId('spectrum-plot');
  await expect(plot.locator('canvas')).toBeVisible();
  // uPlot draws its axis titles on the canvas: read them in the screenshots.
  await page.getByTestId('channel-select').selectOption('dI/dV (lock-in)');
  await expect(plot).toHaveAttribute('data-unit', 'A/V');
  await expect(page.getByTestId('derived-note').first()).toContainText('R² =');
  await page.screenshot({ path: screenshotPath('library-spectrum-lockin-didv'), fullPage: true });

  await page.getByTestId('channel-select').selectOption('Normalised dI/dV (Feenstra)');
  await expect(page.getByTestId('library-delta-v')).toHaveValue('0.3');
  await expect(plot).toHaveAttribute('data-unit', '');
  const range = async (): Promise<number[]> =>
    ((await plot.getAttribute('data-y-range')) ?? '').split(' ').map(Number);
  await expect.poll(async () => (await range()).length).toBe(2);
  // Normalised conductance of a semiconductor stays O(1–10); the old end spikes reached −17.
  const [lo, hi] = await range();
  expect(lo).toBeGreaterThan(-2);
  expect(hi).toBeLessThan(15);
  await page.screenshot({ path: screenshotPath('library-spectrum-feenstra'), fullPage: true });

  // The view's own Savitzky–Golay window changes the curve.
  const before = await plot.getAttribute('data-y-range');
  await page.getByTestId('library-sg-window').fill('31');
  await expect(plot).not.toHaveAttribute('data-y-range', before ?? '');
});

/** Imports `folder`, opens file `name` in the Library and shows its first spectrum's numerical dI/dV. */
async function showDidv(page: Page, folder: string, name: string): Promise<void> {
  await importPaths(page, [folder]);
  await page.getByTestId('files-filter').fill(name);
  await page.getByTestId('files-table').locator('tbody tr', { hasText: name }).first().click();
  await page.getByTestId('spectra-table').locator('tbody tr').first().click();
  const plot = page.getByTestId('spectrum-plot');
  await expect(plot.locator('canvas')).toBeVisible();
  await page.getByTestId('channel-select').selectOption('dI/dV (numerical)');
  await expect(plot).toHaveAttribute('data-unit', 'A/V');
}

test('library spectrum view: a coarse sweep says its Savitzky–Golay window was narrowed', async ({
  page,
  appUrl,
  realDataDir,
}) => {
  await page.goto(appUrl);
  // 189 points over ±10 V (106 mV a step): 15 points would span 1.5 V, 5 span 0.43 V.
  await showDidv(page, join(realDataDir, 'omicron-matrix'), '2014Sep30-111118--1_1.I(V)_mtrx');
  await expect(page.getByTestId('derived-note').first()).toHaveText(
    'Savitzky–Golay 5 points: the window of 15 narrowed to span at most 0.5 V (106 mV a step) on this sweep',
  );
  await page.screenshot({ path: screenshotPath('library-spectrum-coarse-window'), fullPage: true });
});

test('library spectrum view: a sweep whose current noise grows with the current says where', async ({
  page,
  appUrl,
  realDataDir,
}) => {
  await page.goto(appUrl);
  // ±0.2 V, 1,024 points: the current's noise ~5–8× the gap's on both shoulders (|V| > 0.1 V).
  await showDidv(page, join(realDataDir, 'nanonis-dat'), 'Bias-Spectroscopy002.dat');
  const notes = page.getByTestId('derived-note');
  await expect(notes.first()).toContainText(
    /^Bias-Spectroscopy002\.dat · sweep 1 · fwd: current noise up to [\d.]+× the sweep's quietest part at −0\.20 … −0\.10 V and [\d.]+× at \+0\.1\d … \+0\.20 V: band edges and in-gap states there are judged against it$/,
  );
  await expect(notes.nth(1)).toContainText('Bias-Spectroscopy002.dat · sweep 1 · bwd: current noise up to');
  await page.screenshot({ path: screenshotPath('library-spectrum-noisy-current'), fullPage: true });
});

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  const path = join(mkdtempSync(join(tmpdir(), 'sts-e2e-figures-')), (file as Download).suggestedFilename());
  await file.saveAs(path);
  return readFileSync(path);
}

test('topography export: label legend, colour bar in round ticks of one unit, human names', async ({
  page,
  labelledServer,
}) => {
  await page.goto(labelledServer.url);
  await page.getByRole('tab', { name: 'Topography' }).click();
  await expect(page.getByTestId('topo-marker')).toHaveCount(68);
  await expect(page.locator('[data-testid=topo-marker][data-label=core]')).not.toHaveCount(0);
  await page.screenshot({ path: screenshotPath('figures-topography-view'), fullPage: true });

  const svg = (await download(page, () => page.getByTestId('topo-export-svg').click())).toString('utf8');
  const texts = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1]!);
  // Title: file, channel, direction and the levelling's human name (never an internal key).
  expect(texts[0]).toMatch(/^Topography001\.sxm · /);
  expect(texts[0]).not.toMatch(/plane-robust|line-median|\bnone\b/);
  // Label legend: one entry per label with its count of markers.
  for (const label of ['core', 'crown-centre', 'crown-edge'])
    expect(texts.some((t) => t.startsWith(`${label} (`))).toBe(true);
  // Colour bar: round plain-number ticks under one title naming the quantity and its unit.
  const barTicks = [...svg.matchAll(/<text class="bar-tick"[^>]*>(−?[\d.]+)<\/text>/g)];
  expect(barTicks.length).toBeGreaterThanOrEqual(3);
  expect(/<text class="bar-title"[^>]*>([^<]*)<\/text>/.exec(svg)?.[1]).toMatch(/^Z \([pnµ]?m\)$/);
  const values = barTicks.map((m) => Number(m[1]!.replace('−', '-')));
  const steps = values.slice(1).map((v, i) => Math.abs(v - values[i]!));
  // Equal steps of 1, 2 or 5 × 10^k.
  for (const step of steps) expect(step).toBeCloseTo(steps[0]!, 9);
  expect([1, 2, 5]).toContain(Number((steps[0]! / 10 ** Math.floor(Math.log10(steps[0]!))).toFixed(6)));
  // Show the exported SVG itself, as a reader of the paper would see it.
  await page.setContent(`<body style="margin:0;background:#fff">${svg.replace(/^<\?xml[^>]*>/, '')}</body>`);
  await page.screenshot({ path: screenshotPath('figures-topography-export'), fullPage: true });

  await page.goto(labelledServer.url);
  await page.getByRole('tab', { name: 'Topography' }).click();
  await expect(page.getByTestId('topo-marker')).toHaveCount(68);
  const png = await download(page, () => page.getByTestId('topo-export-png').click());
  const chunks = readPngText(new Uint8Array(png));
  expect(chunks.map((c) => [c.type, c.keyword])).toEqual([['iTXt', 'sts-workbench']]);
  expect(JSON.parse(chunks[0]!.text)).toMatchObject({ figure: 'topography' });
});
