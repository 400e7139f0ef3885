// `npm test`: static checks, unit tests (vitest) and e2e (Playwright in Debian Chromium), then one
// closing line `N passed, N failed` over every test and check. Exits non-zero if anything failed.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

interface Tally {
  passed: number;
  failed: number;
  skipped: number;
}

const tally: Tally = { passed: 0, failed: 0, skipped: 0 };
const reports = mkdtempSync(join(tmpdir(), 'sts-test-'));
// Everything the suites write to the temp folder (servers' libraries, Chromium profiles, files the
// tests spawn) goes under one folder, removed when the run ends: runs never fill the disk.
const runTmp = mkdtempSync(join(tmpdir(), 'sts-test-tmp-'));
const repoRoot = resolve(import.meta.dirname, '..');

/**
 * Suites that read the real vendor files (../shared/data/real or STS_REAL_DATA). On a fresh clone
 * without them they are skipped, said once and counted; under CI (CI=true) a missing folder fails.
 */
const realDataPath = process.env.STS_REAL_DATA ?? resolve(repoRoot, '../shared/data/real');
const skipRealData = !existsSync(realDataPath) && process.env.CI !== 'true';

function filesUnder(dir: string, suffix: RegExp): string[] {
  return readdirSync(join(repoRoot, dir), { recursive: true, encoding: 'utf8' })
    .filter((name) => suffix.test(name) && !name.includes('node_modules'))
    .map((name) => join(dir, name));
}

function readsRealData(file: string): boolean {
  return /realData|realFile|STS_REAL_DATA/.test(readFileSync(join(repoRoot, file), 'utf8'));
}

const realDataUnitSuites = skipRealData
  ? [...filesUnder('src', /\.test\.ts$/), ...filesUnder('bench', /\.test\.ts$/)].filter(readsRealData)
  : [];
const allSpecs = filesUnder('e2e', /\.spec\.ts$/);
const realDataSpecs = skipRealData ? allSpecs.filter(readsRealData) : [];
if (skipRealData) {
  const skipped = realDataUnitSuites.length + realDataSpecs.length;
  console.log(
    `\n!!! Real instrument data not found at ${realDataPath}: SKIPPING the ${skipped} suites that read it ` +
      `(${[...realDataUnitSuites, ...realDataSpecs].map((f) => relative(repoRoot, join(repoRoot, f))).join(', ')}).\n` +
      '!!! Put the shared checkout beside this one (../shared/data/real) or set STS_REAL_DATA=<folder> to run them; ' +
      'with CI=true a missing folder fails.\n',
  );
  tally.skipped += skipped;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): number {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: 'inherit',
    env: { ...process.env, TMPDIR: runTmp, ...env },
  });
  return result.status ?? 1;
}

/** A static check counts as one test: it passes or it fails. */
function check(name: string, command: string, args: string[]): void {
  const ok = run(command, args) === 0;
  if (ok) tally.passed++;
  else tally.failed++;
  console.log(`${ok ? 'PASS' : 'FAIL'} ${name}`);
}

function vitest(): void {
  const output = join(reports, 'vitest.json');
  const status = run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${output}`,
    ...realDataUnitSuites.flatMap((file) => ['--exclude', file]),
  ]);
  if (!existsSync(output)) {
    tally.failed++;
    console.log(`FAIL vitest produced no report (exit ${status})`);
    return;
  }
  const report = JSON.parse(readFileSync(output, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    testResults: Array<{ status: string; message: string; name: string }>;
  };
  tally.passed += report.numPassedTests;
  tally.failed += report.numFailedTests;
  tally.skipped += report.numPendingTests + report.numTodoTests;
  // A test file that fails to load has no failed tests but must still fail the run.
  const brokenFiles = report.testResults.filter((file) => file.status === 'failed' && file.message);
  tally.failed += brokenFiles.length;
  if (status !== 0 && report.numFailedTests === 0 && brokenFiles.length === 0) tally.failed++;
}

function playwright(): void {
  if (run('npx', ['electron-vite', 'build']) !== 0) {
    tally.failed++;
    console.log('FAIL build for e2e');
    return;
  }
  const output = join(reports, 'playwright.json');
  const specs = skipRealData ? allSpecs.filter((spec) => !realDataSpecs.includes(spec)) : [];
  const status = run('npx', ['playwright', 'test', ...specs], { PLAYWRIGHT_JSON_OUTPUT_NAME: output });
  if (!existsSync(output)) {
    tally.failed++;
    console.log(`FAIL playwright produced no report (exit ${status})`);
    return;
  }
  const stats = (
    JSON.parse(readFileSync(output, 'utf8')) as {
      stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    }
  ).stats;
  tally.passed += stats.expected + stats.flaky;
  tally.failed += stats.unexpected;
  tally.skipped += stats.skipped;
  if (status !== 0 && stats.unexpected === 0) tally.failed++;
}

check('lint', 'npx', ['eslint', '--max-warnings', '0', '.']);
check('typecheck (node)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.node.json']);
check('typecheck (web)', 'npx', ['tsc', '--noEmit', '-p', 'tsconfig.web.json']);
check('format', 'npx', ['prettier', '--check', '.']);
check('electronegativity', 'node', ['scripts/electronegativity.ts']);
vitest();
if (!process.argv.includes('--unit')) playwright();

console.log(
  `\n${tally.passed} passed, ${tally.failed} failed${tally.skipped ? `, ${tally.skipped} skipped` : ''}`,
);
rmSync(runTmp, { recursive: true, force: true, maxRetries: 3 });
rmSync(reports, { recursive: true, force: true });
process.exit(tally.failed === 0 ? 0 : 1);
