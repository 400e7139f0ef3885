// The renderer's side of the scale benchmark: Debian's Chromium (as e2e uses it) driven by
// Playwright against browser mode. Opens the app (which shows the newest stored run) and waits
// until the Library shows its rows and the page has been quiet for a while (the idle-time
// preloads done), then clicks the Analysis tab and times the click to the first figure (the
// spectra figure's legend drawn). Then, each counted apart: tab switches (Library → Topography →
// Analysis → Library), opening Trap windows (which reads the run's curves), a drag of the
// deep-trap window's bound on the Analysis tab (the trap statistics follow it) and a second one
// (the workers then hold the curves: the incremental path), a drag-zoom on
// the Library's spectrum plot, and an import of 2,000 files from the Library tab. Long tasks are Chromium's
// PerformanceObserver 'longtask' entries (> 50 ms by definition); also the renderer's JS heap
// (performance.memory) and the resident set of Chromium's renderer processes (/proc, the
// browser's descendants with --type=renderer). The app is opened once Chromium's own start-up
// work is done (browserQuiet). The page load and the Analysis tab are waited on
// and clicked from the page (waitInPage, clickInPage), so that Playwright's own script is not
// compiled during them (the interactions after them use locators, first after 3 s of quiet).
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { chromium } from 'playwright';
import type { Page } from 'playwright';
import { writeNanonisDat } from '../../scripts/nanonis/writeNanonisDat.ts';
import { startTrace, stopTrace } from './trace.ts';
import { browserQuiet, rendererRssMb } from './browserProcesses.ts';
import {
  clickInPage,
  installPageHelpers,
  longTasksSince,
  msUntilTextLacks,
  pageNow,
  waitInPage,
} from './pageHelpers.ts';
import type { LongTask } from './pageHelpers.ts';

/** Long tasks in one phase: their durations, ms, in order. */
export interface PhaseTasks {
  name: string;
  durationsMs: number[];
  /** Each one's start, ms after the phase's start (the page load: after the navigation's start). */
  startsMs: number[];
  /** What the phase measured besides its long tasks, when it did. */
  note?: string;
}

export interface ChromiumFigures {
  /** Click on the Analysis tab to the first figure, ms. */
  firstFigureMs: number;
  /** Long tasks of each phase: the page load (to the Analysis click), the Analysis tab (the click
   * to 3 s after the first figure), each tab switch, the window drag, the zoom. */
  phases: PhaseTasks[];
  heapMb: number;
  rendererRssMb: number;
}

/** Time for the page to settle after a step (late answers, idle-time work), ms. */
const SETTLE_MS = 3000;

function phaseTasks(name: string, tasks: LongTask[], since: number): PhaseTasks {
  return { name, durationsMs: tasks.map((t) => t.duration), startsMs: tasks.map((t) => t.start - since) };
}

/** BENCH_TRACE_DIR: Chromium traces of the page load, the Analysis tab and the deep-window drags (trace.ts). */
const traceDir = process.env.BENCH_TRACE_DIR;

/**
 * Long tasks from the start of `act` to SETTLE_MS after it returned; with BENCH_TRACE_DIR and a
 * `traceFile`, the phase's Chromium trace written there.
 */
async function phase(
  page: Page,
  name: string,
  act: () => Promise<string | void>,
  traceFile?: string,
): Promise<PhaseTasks> {
  const cdp = traceDir && traceFile ? await page.context().newCDPSession(page) : null;
  if (cdp) await startTrace(cdp);
  const start = await pageNow(page);
  const note = await act();
  await page.waitForTimeout(SETTLE_MS);
  if (cdp && traceDir && traceFile) {
    await stopTrace(cdp, join(traceDir, traceFile));
    await cdp.detach();
  }
  return { ...phaseTasks(name, await longTasksSince(page, start), start), ...(note ? { note } : {}) };
}

/** A drag of the deep window's bound, then the time to its statistics, as a phase's note. */
async function dragDeepWindow(page: Page, x0: number, x1: number, y: number): Promise<string> {
  await drag(page, x0, x1, y, 12);
  // The reduction line says "recomputing" until the new window's numbers are shown: the recompute
  // delay after the last change, the re-analysis in the workers and the page's update.
  const ms = await msUntilTextLacks(page, '[data-testid=trap-reduction]', 'recomputing', 60_000);
  return `statistics for the new window ${ms.toFixed(0)} ms after the release`;
}

/** Drags the mouse from (x0, y) to (x1, y) in `steps` moves, a frame apart (as a hand does). */
async function drag(page: Page, x0: number, x1: number, y: number, steps: number): Promise<void> {
  await page.mouse.move(x0, y);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) {
    await page.mouse.move(x0 + ((x1 - x0) * i) / steps, y);
    await page.waitForTimeout(16);
  }
  await page.mouse.up();
}

async function centre(page: Page, testId: string): Promise<{ x: number; y: number; width: number }> {
  const box = await page.getByTestId(testId).first().boundingBox();
  if (!box) throw new Error(`${testId} is not on screen`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2, width: box.width };
}

async function switchTab(page: Page, tab: string, shown: string): Promise<void> {
  await page.getByTestId(`tab-${tab.toLowerCase()}`).click();
  await page.getByTestId(shown).first().waitFor({ timeout: 60_000 });
}

/** The tab switches, the deep-window drag and the zoom, after the Analysis tab is open. */
async function interactions(page: Page, appUrl: string): Promise<PhaseTasks[]> {
  const phases: PhaseTasks[] = [];
  await switchTab(page, 'Library', 'spectra-table');
  await page.waitForTimeout(SETTLE_MS);
  phases.push(
    await phase(page, 'tab switch Library → Topography', () =>
      switchTab(page, 'Topography', 'topography-view'),
    ),
  );
  phases.push(
    await phase(page, 'tab switch Topography → Analysis', () =>
      switchTab(page, 'Analysis', 'spectra-figure'),
    ),
  );
  phases.push(
    await phase(page, 'tab switch Analysis → Library', () => switchTab(page, 'Library', 'spectra-table')),
  );

  // A drag-zoom on the Library's spectrum plot (uPlot), a sweep selected.
  await page.getByTestId('spectra-table').locator('tbody tr').first().click();
  await page.locator('[data-testid=spectrum-plot] .u-over').waitFor({ timeout: 60_000 });
  await page.waitForTimeout(SETTLE_MS);
  const plot = await page.locator('[data-testid=spectrum-plot] .u-over').boundingBox();
  if (!plot) throw new Error('the spectrum plot is not on screen');
  const y = plot.y + plot.height / 2;
  phases.push(
    await phase(page, 'zoom (drag) on the Library spectrum plot', () =>
      drag(page, plot.x + plot.width * 0.3, plot.x + plot.width * 0.6, y, 10),
    ),
  );

  // The deep-trap window's lower bound dragged 60 px on the Analysis tab's Trap windows view.
  // Opening Trap windows reads the run's curves (pages of 2,000 sweeps from a worker).
  await switchTab(page, 'Analysis', 'spectra-figure');
  await page.waitForTimeout(SETTLE_MS);
  phases.push(
    await phase(page, 'open Trap windows (the run’s curves read)', async () => {
      await page.getByTestId('subtab-trap-windows').click();
      await page.getByTestId('trap-window-lo').waitFor({ timeout: 60_000 });
      await page.locator('[data-testid=analysis-views][data-curves=loaded]').waitFor({ timeout: 120_000 });
    }),
  );
  await page.waitForTimeout(SETTLE_MS);
  const handle = await centre(page, 'trap-window-lo');
  phases.push(
    await phase(
      page,
      'deep-window drag (Trap windows)',
      () => dragDeepWindow(page, handle.x, handle.x + 60, handle.y),
      'deep-window-drag.trace.json',
    ),
  );
  // The same bound dragged back 30 px: the workers now hold the curves (the incremental path).
  await page.waitForTimeout(SETTLE_MS);
  phases.push(
    await phase(
      page,
      'deep-window drag again (the workers hold the curves)',
      () => dragDeepWindow(page, handle.x + 60, handle.x + 30, handle.y),
      'deep-window-drag-again.trace.json',
    ),
  );
  const profileDir = process.env.BENCH_PROFILE_DIR;
  if (profileDir) await page.screenshot({ path: join(profileDir, 'trap-window-drag.png'), fullPage: true });
  phases.push(await importPhase(page, appUrl));
  return phases;
}

const IMPORT_FILES = 2000;

/** A folder of IMPORT_FILES Nanonis .dat sweeps (256 points) of a session not in the library. */
function importFolder(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'sts-bench-import-')), `bench import ${Date.now()}`);
  mkdirSync(dir);
  const bias = Float64Array.from({ length: 256 }, (_, i) => -2 + (4 * i) / 255);
  for (let f = 0; f < IMPORT_FILES; f++) {
    const current = bias.map((v) => 1e-10 * Math.sinh(2.5 * v) * (1 + 0.01 * Math.sin(f + v)));
    const text = writeNanonisDat({
      x: (f % 50) * 1e-10,
      y: Math.floor(f / 50) * 1e-10,
      bias,
      sweeps: [{ forward: current, backward: current }],
      date: '21.11.2026 10:00:00',
    });
    writeFileSync(join(dir, `Bias-Spectroscopy${String(f).padStart(5, '0')}.dat`), text);
  }
  return dir;
}

/**
 * An import of IMPORT_FILES files from the Library tab, to its end (the status bar's state), the
 * Library's lists refreshing meanwhile; the session is then deleted, so the cached library stays
 * as it was.
 */
async function importPhase(page: Page, appUrl: string): Promise<PhaseTasks> {
  const dir = importFolder();
  try {
    await switchTab(page, 'Library', 'spectra-table');
    await page.waitForTimeout(SETTLE_MS);
    const tasks = await phase(page, `import of ${IMPORT_FILES} files (Library tab)`, async () => {
      await page.getByTestId('import-path').fill(dir);
      await page.getByTestId('import-button').click();
      await page.locator('[data-testid=import-status][data-state=done]').waitFor({ timeout: 300_000 });
    });
    const token = new URL(appUrl).searchParams.get('token') ?? '';
    const call = async (method: string, input: unknown): Promise<unknown> => {
      const response = await fetch(new URL(`/api/${method}`, appUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-sts-token': token },
        body: JSON.stringify(input),
      });
      return ((await response.json()) as { value: unknown }).value;
    };
    const { rows } = (await call('listSessions', {})) as { rows: Array<{ id: number; name: string }> };
    const imported = rows.filter((r) => r.name === basename(dir));
    if (imported.length === 0)
      throw new Error(`the imported session "${basename(dir)}" is not in the library`);
    for (const row of imported) await call('deleteSession', { id: row.id });
    return tasks;
  } finally {
    rmSync(dirname(dir), { recursive: true, force: true });
  }
}

/**
 * `loadOnly`: the page load and the Analysis tab only (BENCH_CHROMIUM_PHASES=load), without the
 * interactions after them.
 */
export async function measureAnalysisTab(appUrl: string, loadOnly = false): Promise<ChromiumFigures> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sts-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    viewport: { width: 1400, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    // BENCH_OBSERVER=init: the helpers as an init script (as before 26 Nov 12:10 UTC); see
    // installPageHelpers.
    const helpersAtInit = process.env.BENCH_OBSERVER === 'init';
    if (helpersAtInit) await page.addInitScript(installPageHelpers);
    // BENCH_PROFILE_DIR: the page's main-thread CPU profiles of the page load (to the Analysis
    // click), of the Analysis tab (to 3 s after the first figure) and of the interactions after it;
    // each phase's long tasks, the API calls after the click and screenshots.
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const cdp = profileDir ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    // Waits use test ids (CSS): Playwright's role queries run in the page and computed ARIA roles
    // over the whole DOM, 30–45 ms a poll, counted among the page's long tasks.
    await browserQuiet(userDataDir);
    const loadTrace = traceDir ? await context.newCDPSession(page) : null;
    if (loadTrace) await startTrace(loadTrace);
    const loadStart = performance.now();
    await page.goto(appUrl);
    if (!helpersAtInit) await page.evaluate(installPageHelpers);
    await waitInPage(page, '[data-testid=tab-analysis]', 30_000);
    await waitInPage(page, '[data-testid=spectra-table] tbody tr', 60_000);
    const rowsShownMs = performance.now() - loadStart;
    await page.waitForTimeout(SETTLE_MS);
    if (loadTrace && traceDir) {
      await stopTrace(loadTrace, join(traceDir, 'page-load.trace.json'));
      await loadTrace.detach();
    }
    if (cdp && profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(profileDir, 'page-load.cpuprofile'), JSON.stringify(profile));
      await cdp.send('Profiler.start');
    }
    // With BENCH_PROFILE_DIR also each API call after the click: start and end, ms after the click.
    const calls: string[] = [];
    if (profileDir)
      page.on('requestfinished', (request) => {
        const path = new URL(request.url()).pathname;
        if (!path.startsWith('/api/')) return;
        const ended = performance.now() - clicked;
        const took = request.timing().responseEnd;
        calls.push(`${path.slice(5)} ${(ended - took).toFixed(0)}–${ended.toFixed(0)} ms`);
      });
    const tabTrace = traceDir ? await context.newCDPSession(page) : null;
    if (tabTrace) await startTrace(tabTrace);
    const clicked = performance.now();
    const clickedInPage = await pageNow(page);
    await clickInPage(page, '[data-testid=tab-analysis]');
    await waitInPage(page, '[data-testid=spectra-figure] [data-testid=figure-legend]', 120_000);
    const firstFigureMs = performance.now() - clicked;
    await page.waitForTimeout(SETTLE_MS);
    const settledInPage = await pageNow(page);
    if (tabTrace && traceDir) {
      await stopTrace(tabTrace, join(traceDir, 'analysis-tab.trace.json'));
      await tabTrace.detach();
    }
    if (cdp && profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(profileDir, 'analysis-tab.cpuprofile'), JSON.stringify(profile));
      writeFileSync(join(profileDir, 'analysis-tab-calls.txt'), calls.join('\n') + '\n');
      await cdp.send('Profiler.start');
    }
    // The figure as drawn, to look at (with BENCH_PROFILE_DIR).
    if (profileDir) await page.screenshot({ path: join(profileDir, 'analysis-tab.png'), fullPage: true });
    // The document's load event, ms after the navigation's start: it fires in the entry module's
    // task (the page's static modules evaluated), so a long task starting a little before it is
    // that evaluation.
    const loadEventMs = await page.evaluate(
      () =>
        (
          globalThis as unknown as {
            performance: { getEntriesByType(type: string): Array<{ loadEventStart: number }> };
          }
        ).performance.getEntriesByType('navigation')[0]?.loadEventStart ?? NaN,
    );
    const heap = await page.evaluate(
      () => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN,
    );
    const phases: PhaseTasks[] = [
      phaseTasks(
        `page load (rows shown after ${rowsShownMs.toFixed(0)} ms, load event at ${loadEventMs.toFixed(0)} ms, to the Analysis click)`,
        await longTasksSince(page, 0, clickedInPage),
        0,
      ),
      phaseTasks(
        'Analysis tab (click to 3 s after the first figure)',
        await longTasksSince(page, clickedInPage, settledInPage),
        clickedInPage,
      ),
    ];
    if (!loadOnly) phases.push(...(await interactions(page, appUrl)));
    if (cdp && profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(profileDir, 'interactions.cpuprofile'), JSON.stringify(profile));
      await page.screenshot({ path: join(profileDir, 'import.png'), fullPage: true });
      writeFileSync(
        join(profileDir, 'long-tasks.txt'),
        phases.map((p) => `${p.name}: ${p.durationsMs.map((d) => d.toFixed(0)).join(', ')}`).join('\n') +
          '\n',
      );
    }
    return { firstFigureMs, phases, heapMb: heap / 1e6, rendererRssMb: rendererRssMb(userDataDir) };
  } finally {
    await context.close();
    // The browser's profile folder (a few MB per run) is not left in the temp folder.
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
