// The renderer's side of the scale benchmark: Debian's Chromium (as e2e uses it) driven by
// Playwright against browser mode. Opens the app (which shows the newest stored run), then clicks
// the Analysis tab and times the click to the first figure (the spectra figure's legend drawn),
// with every long task (PerformanceObserver 'longtask', > 50 ms by definition) from page load
// until 3 s after the first figure (counted apart: before the click, and after it), the renderer's JS heap (performance.memory) and the resident
// set of Chromium's renderer processes (/proc, the browser's descendants with --type=renderer).
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright';

export interface ChromiumFigures {
  /** Click on the Analysis tab to the first figure, ms. */
  firstFigureMs: number;
  /** Long tasks (> 50 ms) from the click to 3 s after the first figure: the goal's window. */
  longTasks: number;
  longestTaskMs: number;
  /** Long tasks while the page loaded (before the click): bundle evaluation, the Library's first render. */
  pageLoadLongTasks: number;
  pageLoadLongestTaskMs: number;
  heapMb: number;
  rendererRssMb: number;
}

interface ProcInfo {
  pid: number;
  ppid: number;
  cmdline: string;
  rssKb: number;
}

function processes(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      out.push({ pid: Number(entry), ppid, cmdline, rssKb });
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}

/** RSS (MB) of the renderer processes under the browser started with `userDataDir`. */
function rendererRssMb(userDataDir: string): number {
  const all = processes();
  const root = all.find((p) => p.cmdline.includes(userDataDir) && !p.cmdline.includes('--type='));
  if (!root) return Number.NaN;
  const under = new Set([root.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (under.has(p.ppid) && !under.has(p.pid)) {
        under.add(p.pid);
        grew = true;
      }
  }
  const renderers = all.filter((p) => under.has(p.pid) && p.cmdline.includes('--type=renderer'));
  return renderers.reduce((kb, p) => kb + p.rssKb, 0) / 1024;
}

export async function measureAnalysisTab(appUrl: string): Promise<ChromiumFigures> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'sts-bench-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    viewport: { width: 1400, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.addInitScript(() => {
      const tasks: Array<{ start: number; duration: number }> = [];
      (globalThis as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
      // 'longtask' is Chromium's entry type, not in the DOM typings' list.
      const options = { type: 'longtask', buffered: true } as unknown as Parameters<
        InstanceType<typeof PerformanceObserver>['observe']
      >[0];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries())
          tasks.push({ start: entry.startTime, duration: entry.duration });
      }).observe(options);
    });
    // BENCH_PROFILE_DIR: the page's main-thread CPU profiles of the page load (to 1.5 s after the
    // tabs are there) and from the click to 3 s after the first figure, with the long tasks (ms after
    // the click) and the API calls.
    const profileDir = process.env.BENCH_PROFILE_DIR;
    const cdp = profileDir ? await context.newCDPSession(page) : null;
    if (cdp) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.start');
    }
    await page.goto(appUrl);
    const tab = page.getByRole('tab', { name: 'Analysis', exact: true });
    await tab.waitFor();
    if (cdp && profileDir) {
      await page.waitForTimeout(1500);
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
    const clicked = performance.now();
    const clickedInPage = await page.evaluate(() => performance.now());
    await tab.click();
    await page
      .getByTestId('spectra-figure')
      .locator('[data-testid=figure-legend]')
      .waitFor({ state: 'attached', timeout: 120_000 });
    const firstFigureMs = performance.now() - clicked;
    await page.waitForTimeout(3000);
    if (cdp && profileDir) {
      const { profile } = await cdp.send('Profiler.stop');
      writeFileSync(join(profileDir, 'analysis-tab.cpuprofile'), JSON.stringify(profile));
      writeFileSync(join(profileDir, 'analysis-tab-calls.txt'), calls.join('\n') + '\n');
    }
    // The figure as drawn, to look at (with BENCH_PROFILE_DIR).
    if (profileDir) await page.screenshot({ path: join(profileDir, 'analysis-tab.png'), fullPage: true });
    const { tasks, heap } = await page.evaluate(() => ({
      tasks: (globalThis as unknown as { __longTasks: Array<{ start: number; duration: number }> })
        .__longTasks,
      heap: (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN,
    }));
    if (profileDir)
      writeFileSync(
        join(profileDir, 'analysis-tab-long-tasks.txt'),
        tasks
          .map(
            (t) => `${(t.start - clickedInPage).toFixed(0)} ms after the click: ${t.duration.toFixed(0)} ms`,
          )
          .join('\n') + '\n',
      );
    const afterClick = tasks.filter((t) => t.start >= clickedInPage).map((t) => t.duration);
    const beforeClick = tasks.filter((t) => t.start < clickedInPage).map((t) => t.duration);
    return {
      firstFigureMs,
      longTasks: afterClick.length,
      longestTaskMs: Math.max(0, ...afterClick),
      pageLoadLongTasks: beforeClick.length,
      pageLoadLongestTaskMs: Math.max(0, ...beforeClick),
      heapMb: heap / 1e6,
      rendererRssMb: rendererRssMb(userDataDir),
    };
  } finally {
    await context.close();
  }
}
