// One pool for every mount of a view, stopped only when no mount has used it for the idle time.
import { describe, expect, it, vi } from 'vitest';
import type { AnalysisPool } from '../../../workers/analysisPool.ts';
import { poolLeases } from './leasedPool.ts';

/** A stand-in pool that only counts its terminations (the leases never run analyses). */
function countingPool(): AnalysisPool & { stopped: number } {
  const pool = { stopped: 0, terminate: () => void pool.stopped++ };
  return pool as unknown as AnalysisPool & { stopped: number };
}

describe('poolLeases', () => {
  it('shares one pool between mounts and stops it idleMs after the last release', () => {
    vi.useFakeTimers();
    try {
      const made: Array<ReturnType<typeof countingPool>> = [];
      const lease = poolLeases(() => made[made.push(countingPool()) - 1]!, 1000);
      const a = lease();
      const b = lease();
      expect(b.pool).toBe(a.pool);
      a.release();
      a.release(); // a second release of one lease counts once
      vi.advanceTimersByTime(5000);
      expect(made[0]!.stopped).toBe(0); // b still holds it
      b.release();
      vi.advanceTimersByTime(999);
      expect(made[0]!.stopped).toBe(0);
      vi.advanceTimersByTime(1);
      expect(made[0]!.stopped).toBe(1);
      // After it was stopped, a new mount gets a new pool.
      const c = lease();
      expect(c.pool).not.toBe(a.pool);
      expect(made).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps the pool for a mount that comes back within the idle time (a tab switch)', () => {
    vi.useFakeTimers();
    try {
      const made: Array<ReturnType<typeof countingPool>> = [];
      const lease = poolLeases(() => made[made.push(countingPool()) - 1]!, 1000);
      const first = lease();
      first.release();
      vi.advanceTimersByTime(600);
      const back = lease();
      expect(back.pool).toBe(first.pool);
      vi.advanceTimersByTime(5000);
      expect(made[0]!.stopped).toBe(0);
      back.release();
      vi.advanceTimersByTime(1000);
      expect(made[0]!.stopped).toBe(1);
      expect(made).toHaveLength(1);
    } finally {
      vi.useRealTimers();
    }
  });
});
