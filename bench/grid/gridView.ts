// The Grid view in Chromium (browser mode, as e2e drives it) on the bench's grid: the file imported
// into a new library by the CLI, `serve`, then in the page: the Grid tab opened (to its analysis
// maps shown), the numerical dI/dV map chosen, and five bias-slider steps 150 ms apart (a drag).
// Times from the page's side and its long tasks (> 50 ms, PerformanceObserver) in each phase.
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { chromium } from 'playwright';
import type { Page } from 'playwright';
import type { PageDocument } from '../scale/pageHelpers.ts';
import { rendererRssMb } from '../scale/browserProcesses.ts';
import {
  clickInPage,
  installPageHelpers,
  longTasksSince,
  pageNow,
  waitInPage,
} from '../scale/pageHelpers.ts';

export interface GridViewFigures {
  /** Grid tab click to the analysis maps shown (computed and stored in the server's workers), ms. */
  openMs: number;
  openTasks: number[];
  /** dI/dV chosen to its first map shown, ms. */
  firstDidvMs: number;
  /** The last slider step to its map shown, ms; long tasks from the first step on. */
  followMs: number;
  sliderTasks: number[];
  /** Resident set of Chromium's renderer processes after the drag (the cube, the workers' copy), MB. */
  rendererRssMb: number;
}

const PENDING = '[data-testid=grid-didv-pending]';

/** Waits until `selector` is gone from the page, polling every 20 ms. */
async function untilGone(page: Page, selector: string, timeoutMs: number): Promise<void> {
  await page.waitForFunction(
    (s) => !(globalThis as unknown as { document: PageDocument }).document.querySelector(s),
    selector,
    {
      timeout: timeoutMs,
      polling: 20,
    },
  );
}

async function durations(page: Page, since: number): Promise<number[]> {
  return (await longTasksSince(page, since)).map((t) => Math.round(t.duration));
}

export async function measureGridView(cli: string, file: string): Promise<GridViewFigures> {
  const dir = mkdtempSync(join(tmpdir(), 'sts-bench-gridview-'));
  const db = join(dir, 'library.sqlite');
  const imported = spawnSync(process.execPath, [cli, 'import', file, '--db', db], { encoding: 'utf8' });
  if (imported.status !== 0) throw new Error(`import failed: ${imported.stderr}`);
  const server = spawn(process.execPath, [cli, 'serve', '--db', db, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'ignore'],
  });
  const userDataDir = mkdtempSync(join(tmpdir(), 'sts-bench-gridview-chromium-'));
  const browser = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    viewport: { width: 1440, height: 1000 },
  });
  try {
    const url = await new Promise<string>((resolve, reject) => {
      server.once('exit', (code) => reject(new Error(`serve exited with ${code}`)));
      createInterface({ input: server.stdout }).on('line', (line) => {
        const match = /Listening on (\S+)/.exec(line);
        if (match) resolve(match[1]!);
      });
    });
    const page = browser.pages()[0] ?? (await browser.newPage());
    await page.goto(url);
    await page.evaluate(installPageHelpers);
    await waitInPage(page, '[data-testid=tab-grid]', 30_000);
    await page.waitForTimeout(2000);

    const openAt = await pageNow(page);
    await clickInPage(page, '[data-testid=tab-grid]');
    await waitInPage(page, '[data-testid=grid-analysis-done]', 600_000);
    const openMs = (await pageNow(page)) - openAt;
    await page.waitForTimeout(2000);
    const openTasks = await durations(page, openAt);

    const didvAt = await pageNow(page);
    await page.getByTestId('grid-map-select').selectOption('didv:');
    await untilGone(page, PENDING, 120_000);
    const firstDidvMs = (await pageNow(page)) - didvAt;
    await page.waitForTimeout(1000);

    const slider = page.getByTestId('grid-bias-slider');
    const max = Number(await slider.getAttribute('max'));
    const sliderAt = await pageNow(page);
    let lastStepAt = sliderAt;
    for (let step = 1; step <= 5; step++) {
      await slider.fill(String(Math.round((max * (2 + step)) / 10)));
      lastStepAt = await pageNow(page);
      await page.waitForTimeout(150);
    }
    await untilGone(page, PENDING, 120_000);
    const followMs = (await pageNow(page)) - lastStepAt;
    await page.waitForTimeout(1000);
    const sliderTasks = await durations(page, sliderAt);
    return {
      openMs,
      openTasks,
      firstDidvMs,
      followMs,
      sliderTasks,
      rendererRssMb: rendererRssMb(userDataDir),
    };
  } finally {
    await browser.close();
    server.kill('SIGTERM');
    rmSync(dir, { recursive: true, force: true });
    rmSync(userDataDir, { recursive: true, force: true });
  }
}
