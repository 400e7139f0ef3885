// A few thousand seeded fuzz cases in CI (the full run is `npm run bench:fuzz`): every mutant of a
// real file ends stored, refused by the library with a reason, or as a ParseError — never another
// exception, a dead worker or a hang.
import { describe, expect, it } from 'vitest';
import { realDataDir } from '../../src/testing/realData.ts';
import { runFuzz } from './fuzzRunner.ts';

describe('fuzz benchmark, CI share', () => {
  for (const seed of [1, 2]) {
    it(`1,500 mutants across every reader and the write path (seed ${seed})`, async () => {
      const summary = await runFuzz(realDataDir(), {
        cases: 1500,
        seed,
        workers: 2,
        heapMb: 1024,
        timeoutMs: 20_000,
        slowMs: 1000,
      });
      expect(summary.problems).toEqual([]);
      expect(
        summary.byOutcome.stored + summary.byOutcome['refused-by-library'] + summary.byOutcome['parse-error'],
      ).toBe(1500);
      // Every reader was exercised, and mutants both parse and fail.
      expect(summary.files).toBeGreaterThanOrEqual(30);
      expect(summary.byOutcome.stored).toBeGreaterThan(100);
      expect(summary.byOutcome['parse-error']).toBeGreaterThan(100);
    }, 600_000);
  }
});
