// Each test gets its own browser-mode server on its own fresh library, started as a user would
// (`sts-workbench serve`), and waits for its "Listening on" line, never for a fixed sleep.
import { test as base } from '@playwright/test';
import type { Locator, Page } from '@playwright/test';
import { expect } from '@playwright/test';
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const screenshotDir = join(repoRoot, 'e2e', 'screenshots');

export function realDataDir(): string {
  const dir = process.env.STS_REAL_DATA ?? resolve(repoRoot, '../shared/data/real');
  if (!existsSync(dir)) throw new Error(`real instrument data not found at ${dir}: set STS_REAL_DATA`);
  return dir;
}

export interface Server {
  url: string;
  dbPath: string;
  process: ChildProcess;
}

export async function startServer(dbPath: string): Promise<Server> {
  const child = spawn(process.execPath, [join(repoRoot, 'bin/sts-workbench.js'), 'serve', '--db', dbPath], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    let output = '';
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = /Listening on (\S+)/.exec(output);
      if (match?.[1]) resolveUrl(match[1]);
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`serve exited with code ${code}: ${output}`)));
  });
  return { url, dbPath, process: child };
}

/** The demo session shipped with the app (resources/demo): 67 files, its labels.csv and truth.json. */
export const demoDir = join(repoRoot, 'resources/demo');

/** Runs the built CLI (bin/sts-workbench.js) and waits for it. */
function cli(...args: string[]): void {
  execFileSync(process.execPath, [join(repoRoot, 'bin/sts-workbench.js'), ...args], {
    cwd: repoRoot,
    stdio: 'pipe',
  });
}

/** Imports paths from the Library's import panel and waits until that import is done. */
export async function importPaths(page: Page, paths: string[]): Promise<void> {
  await page.getByTestId('import-path').fill(paths.join('\n'));
  await page.getByTestId('import-button').click();
  await expect(page.getByTestId('import-progress')).toHaveAttribute('data-state', 'done', {
    timeout: 60_000,
  });
}

export const test = base.extend<{
  server: Server;
  appUrl: string;
  realDataDir: string;
  labelledServer: Server;
}>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'sts-e2e-')), 'library.sqlite');
    const server = await startServer(dbPath);
    await use(server);
    server.process.kill('SIGTERM');
  },
  appUrl: async ({ server }, use) => {
    await use(server.url);
  },
  // eslint-disable-next-line no-empty-pattern
  realDataDir: async ({}, use) => {
    await use(realDataDir());
  },
  /**
   * A server on a library that already holds the demo session labelled from its labels.csv and
   * one analysis run (made with the CLI before the server starts: the page's API needs its token).
   */
  // eslint-disable-next-line no-empty-pattern
  labelledServer: async ({}, use) => {
    const dbPath = join(mkdtempSync(join(tmpdir(), 'sts-e2e-labelled-')), 'library.sqlite');
    cli('import', demoDir, '--db', dbPath);
    cli('analyze', '--db', dbPath, '--labels', join(demoDir, 'labels.csv'));
    const server = await startServer(dbPath);
    await use(server);
    server.process.kill('SIGTERM');
  },
});

/** The labelled demo's Analysis tab with the CLI's stored run (Run 1) shown. */
export async function openStoredRun(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
  await expect(page.getByTestId('run-label')).toContainText('Run 1');
}

export function screenshotPath(name: string): string {
  mkdirSync(screenshotDir, { recursive: true });
  return join(screenshotDir, `${name}.png`);
}

/** What a canvas holds: how many distinct red values, and how many pixels are not transparent. */
export function canvasPixelStats(canvas: Locator): Promise<{ distinctReds: number; opaque: number }> {
  return canvas.evaluate((element) => {
    // The e2e project type-checks without the DOM library: name just what is used.
    const c = element as unknown as {
      width: number;
      height: number;
      getContext(
        kind: '2d',
      ): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } } | null;
    };
    const pixels = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? new Uint8ClampedArray();
    const reds = new Set<number>();
    let opaque = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      reds.add(pixels[i] as number);
      if ((pixels[i + 3] as number) > 0) opaque++;
    }
    return { distinctReds: reds.size, opaque };
  });
}

/** Distinct red values on a canvas: a drawn image has many, a blank or flat one has one or two. */
export async function distinctCanvasReds(canvas: Locator): Promise<number> {
  return (await canvasPixelStats(canvas)).distinctReds;
}

/**
 * Header cells of `table` that are not wholly inside the box its scroll container shows, nor
 * inside the window (a column cut off or scrolled out of sight), as "name: why".
 */
export async function hiddenHeaders(page: Page, table: Locator): Promise<string[]> {
  const viewport = page.viewportSize();
  if (!viewport) throw new Error('no viewport');
  return table.evaluate((element, width) => {
    // The e2e project type-checks without the DOM library: name just what is used.
    interface Rect {
      left: number;
      right: number;
    }
    interface El {
      getBoundingClientRect(): Rect;
      closest(selector: string): El | null;
      querySelectorAll(selector: string): ArrayLike<El & { textContent: string | null }>;
    }
    const root = element as unknown as El;
    const frame = (root.closest('.scroll') ?? root).getBoundingClientRect();
    const out: string[] = [];
    for (const th of Array.from(root.querySelectorAll('thead th'))) {
      const r = th.getBoundingClientRect();
      const name = th.textContent ?? '';
      // Half a pixel of sub-pixel layout allowed.
      if (r.right > frame.right + 0.5 || r.left < frame.left - 0.5) out.push(`${name}: outside its table`);
      else if (r.right > width + 0.5) out.push(`${name}: outside the window`);
    }
    return out;
  }, viewport.width);
}

export { expect } from '@playwright/test';
