// Runs N seeded fuzz cases over every real file that has a reader, in worker threads with a heap
// limit (per-case memory) and a watchdog (per-case time). A worker that dies or hangs costs only the
// case it was running: that case is recorded `crash`/`timeout` and a fresh worker goes on after it.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { parseContextFor } from '../../src/main/import/parseContext.ts';
import { ParseError, matrixParameterFileName, parseFile } from '../../src/shared/formats/index.ts';
import { caseRandom, type FuzzResult } from './fuzzCase.ts';
import type { FuzzWorkerData } from './fuzzWorker.ts';

export interface FuzzOptions {
  cases: number;
  seed: number;
  workers: number;
  /** Old-generation heap per worker, MB: a mutant needing more is a `crash`. */
  heapMb: number;
  /** A case running longer than this is a `timeout` (its worker is terminated), ms. */
  timeoutMs: number;
  /** Cases slower than this are listed, ms. */
  slowMs: number;
  onProgress?: (done: number) => void;
}

export type RunOutcome = FuzzResult['outcome'] | 'crash' | 'timeout';

export interface FuzzSummary {
  cases: number;
  files: number;
  byOutcome: Record<RunOutcome, number>;
  /** Per reader format (file extension), outcome counts. */
  byFile: Record<string, Partial<Record<RunOutcome, number>>>;
  /** Cases that must not happen (bug, crash, timeout), with how to replay them. */
  problems: Array<{ index: number; outcome: RunOutcome; file: string; what: string; detail: string }>;
  slow: number;
  medianMs: number;
  p99Ms: number;
  maxMs: number;
}

/** Every real file a reader accepts (unmutated), with its MATRIX parameter file where it has one. */
export function fuzzableFiles(realDataDir: string): FuzzWorkerData['files'] {
  const files: FuzzWorkerData['files'] = [];
  for (const entry of readdirSync(realDataDir, { recursive: true, encoding: 'utf8' }).sort()) {
    const path = join(realDataDir, entry);
    if (!statSync(path).isFile()) continue;
    const name = basename(path);
    try {
      parseFile(name, new Uint8Array(readFileSync(path)), parseContextFor(path, name));
    } catch (error) {
      if (error instanceof ParseError && /unknown-format|unsupported-format/.test(error.code)) continue;
    }
    const parameterName = matrixParameterFileName(name);
    files.push({ name, path, parameterPath: parameterName ? join(dirname(path), parameterName) : null });
  }
  return files;
}

function percentile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
}

export async function runFuzz(realDataDir: string, options: FuzzOptions): Promise<FuzzSummary> {
  const files = fuzzableFiles(realDataDir);
  const byOutcome: Record<RunOutcome, number> = {
    stored: 0,
    'refused-by-library': 0,
    'parse-error': 0,
    bug: 0,
    crash: 0,
    timeout: 0,
  };
  const byFile: FuzzSummary['byFile'] = {};
  const problems: FuzzSummary['problems'] = [];
  const times: number[] = [];
  let slow = 0;
  let done = 0;
  const record = (
    index: number,
    outcome: RunOutcome,
    file: string,
    what: string,
    detail: string,
    ms: number,
  ): void => {
    byOutcome[outcome]++;
    const counts = (byFile[file] ??= {});
    counts[outcome] = (counts[outcome] ?? 0) + 1;
    if (outcome === 'bug' || outcome === 'crash' || outcome === 'timeout')
      problems.push({ index, outcome, file, what, detail });
    if (ms > options.slowMs) slow++;
    times.push(ms);
    options.onProgress?.(++done);
  };

  /** Runs cases [from, to) in fresh workers until all are accounted for. */
  const runShare = async (from: number, to: number): Promise<void> => {
    let nextCase = from;
    while (nextCase < to) {
      nextCase = await new Promise<number>((resolve) => {
        const worker = new Worker(new URL('./fuzzWorker.ts', import.meta.url), {
          workerData: { seed: options.seed, files } satisfies FuzzWorkerData,
          resourceLimits: { maxOldGenerationSizeMb: options.heapMb },
        });
        let running = nextCase;
        let started = performance.now();
        let settled = false;
        const finish = (resume: number): void => {
          if (settled) return;
          settled = true;
          clearInterval(watchdog);
          void worker.terminate();
          resolve(resume);
        };
        const lost = (outcome: 'crash' | 'timeout', detail: string): void => {
          if (settled) return;
          // The case's file is the first draw of its seeded random sequence (see runCase).
          const file = files[Math.floor(caseRandom(options.seed, running)() * files.length)]?.name ?? '?';
          record(
            running,
            outcome,
            file,
            `case ${running} of seed ${options.seed}`,
            detail,
            performance.now() - started,
          );
          finish(running + 1);
        };
        const watchdog = setInterval(() => {
          if (performance.now() - started > options.timeoutMs)
            lost('timeout', `over ${options.timeoutMs} ms`);
        }, 250);
        worker.on('message', (message: FuzzResult | { done: number }) => {
          if ('done' in message) return finish(message.done);
          record(message.index, message.outcome, message.file, message.what, message.detail, message.ms);
          running = message.index + 1;
          started = performance.now();
        });
        worker.on('error', (error) => lost('crash', String(error)));
        worker.on('exit', (code) => lost('crash', `worker exited ${code}`));
        worker.postMessage({ from: nextCase, to });
      });
    }
  };

  const share = Math.ceil(options.cases / options.workers);
  await Promise.all(
    Array.from({ length: options.workers }, (_, w) =>
      runShare(w * share, Math.min(options.cases, (w + 1) * share)),
    ),
  );
  const sorted = times.sort((a, b) => a - b);
  return {
    cases: options.cases,
    files: files.length,
    byOutcome,
    byFile,
    problems,
    slow,
    medianMs: percentile(sorted, 0.5),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? 0,
  };
}
