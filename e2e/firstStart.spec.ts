// A fresh `npm start` (browser mode, STS_BROWSER=1) on an empty library: the demo session is
// imported, labelled from resources/demo/labels.csv and analysed once before the user does
// anything, so the Library shows its labels and the Analysis tab its figures at once.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, repoRoot, screenshotPath, test } from './fixtures.ts';

const demo = join(repoRoot, 'resources/demo');
/** What the seed study's analysis must find: spectra counted per group. */
const truth = JSON.parse(readFileSync(join(demo, 'truth.json'), 'utf8')) as {
  groups: Array<{ label: string; n: number }>;
};

/** Starts src/main/start.ts on a new library; resolves with its URL once the demo is ready. */
function startFresh(): Promise<{ url: string; child: ChildProcess }> {
  const library = join(mkdtempSync(join(tmpdir(), 'sts-e2e-first-')), 'library.sqlite');
  const child = spawn(process.execPath, [join(repoRoot, 'src/main/start.ts')], {
    cwd: repoRoot,
    env: { ...process.env, STS_BROWSER: '1', STS_LIBRARY: library, STS_PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolveStart, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const url = /Listening on (\S+)/.exec(output)?.[1];
      if (url && /Demo session ready/.test(output)) resolveStart({ url, child });
      if (/Demo session: /.test(output)) reject(new Error(output));
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`start exited with code ${code}: ${output}`)));
  });
}

test('a fresh start shows the labelled demo with its analysis', async ({ page }) => {
  const { url, child } = await startFresh();
  try {
    await page.goto(url);
    await expect(page.getByTestId('library-counts')).toContainText('67 files');
    await page.getByTestId('spectra-label-filter').fill('core');
    await expect(page.getByTestId('spectra-table').getByTestId('spectrum-label').first()).toHaveText('core');
    await page.screenshot({ path: screenshotPath('first-start-library'), fullPage: true });

    await page.getByRole('tab', { name: 'Analysis', exact: true }).click();
    await expect(page.getByTestId('run-label')).toContainText('Run 1');
    const legend = page.getByTestId('spectra-figure').locator('[data-testid=figure-legend]');
    for (const group of truth.groups) await expect(legend).toContainText(`${group.label} (n = ${group.n})`);
    await page.screenshot({ path: screenshotPath('first-start-analysis'), fullPage: true });
  } finally {
    child.kill('SIGTERM');
  }
});
