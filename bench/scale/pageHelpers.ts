// The scale benchmark's helpers that run in (or read from) the app's page: the long-task record
// and the selector poll installed there, the page's clock, waiting and clicking from the page
// (Playwright's locators would compile its injected script on the page's thread: see waitInPage).
import type { Page } from 'playwright';

export interface LongTask {
  start: number;
  duration: number;
}

export async function pageNow(page: Page): Promise<number> {
  return page.evaluate(() => performance.now());
}

/** The page's document as the page-side functions below use it (the bench has no DOM typings). */
export interface PageDocument {
  querySelector(selector: string): {
    getBoundingClientRect(): { x: number; y: number; width: number; height: number };
  } | null;
}

/**
 * Waits in the page (the init script's poll) until `selector` matches. The page load and the
 * Analysis tab's click are waited on this way, not with Playwright's locators: a locator's first
 * use compiles Playwright's injected script (~340 kB) on the page's main thread, a 46–103 ms task
 * of the harness's own that the long-task observer counted as the app's.
 */
export async function waitInPage(page: Page, selector: string, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${selector} not shown after ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([
      page.evaluate(
        (s) =>
          (globalThis as unknown as { __waitForSelector(s: string): Promise<void> }).__waitForSelector(s),
        selector,
      ),
      timeout,
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A real mouse click (CDP input events) on the centre of `selector`'s box, found in the page. */
export async function clickInPage(page: Page, selector: string): Promise<void> {
  const box = await page.evaluate((s) => {
    const rect = (globalThis as unknown as { document: PageDocument }).document
      .querySelector(s)
      ?.getBoundingClientRect();
    return rect ? { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 } : null;
  }, selector);
  if (!box) throw new Error(`${selector} is not on the page`);
  await page.mouse.click(box.x, box.y);
}

/** The page's globals the frame poll below uses (the bench has no DOM typings). */
interface PageFrames {
  document: { querySelector(selector: string): { textContent: string | null } | null };
  requestAnimationFrame(callback: () => void): number;
}

/**
 * ms from now until `selector`'s text no longer contains `text`, checked every frame in the page
 * (a rejection after `timeoutMs`).
 */
export async function msUntilTextLacks(
  page: Page,
  selector: string,
  text: string,
  timeoutMs: number,
): Promise<number> {
  return page.evaluate(
    ({ selector, text, timeoutMs }) =>
      new Promise<number>((resolve, reject) => {
        const page = globalThis as unknown as PageFrames;
        const start = performance.now();
        const check = (): void => {
          const shown = page.document.querySelector(selector)?.textContent ?? '';
          if (!shown.includes(text)) resolve(performance.now() - start);
          else if (performance.now() - start > timeoutMs)
            reject(new Error(`${selector} still says "${text}" after ${timeoutMs} ms`));
          else page.requestAnimationFrame(check);
        };
        page.requestAnimationFrame(check);
      }),
    { selector, text, timeoutMs },
  );
}

export async function longTasksSince(page: Page, since: number, until = Infinity): Promise<LongTask[]> {
  const tasks = await page.evaluate(() => (globalThis as unknown as { __longTasks: LongTask[] }).__longTasks);
  return tasks.filter((t) => t.start >= since && t.start < until);
}

/**
 * The page's long-task record (`__longTasks`, every entry since the navigation: Chromium buffers
 * 'longtask' entries for a `buffered` observer) and waitInPage's poll, installed once the page has
 * loaded. As an init script (BENCH_OBSERVER=init) they run in the navigation's commit task, where
 * Chromium then also creates the page's main-world context (in traces that task was 50–99 ms at
 * load 4–6, 25 ms of CPU); installed after the load, nothing of the harness runs before the app.
 * Alternated runs counted the same long tasks either way (26 Nov 12:47, load 4–5.5).
 */
export function installPageHelpers(): void {
  const tasks: Array<{ start: number; duration: number }> = [];
  (globalThis as unknown as { __longTasks: typeof tasks }).__longTasks = tasks;
  // 'longtask' is Chromium's entry type, not in the DOM typings' list.
  const options = { type: 'longtask', buffered: true } as unknown as Parameters<
    InstanceType<typeof PerformanceObserver>['observe']
  >[0];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe(options);
  // waitInPage's poll: a querySelector every 20 ms (microseconds each).
  (globalThis as unknown as { __waitForSelector(s: string): Promise<void> }).__waitForSelector = (
    selector: string,
  ) =>
    new Promise<void>((resolve) => {
      const poll = (): void => {
        if ((globalThis as unknown as { document: PageDocument }).document.querySelector(selector)) resolve();
        else setTimeout(poll, 20);
      };
      poll();
    });
}
