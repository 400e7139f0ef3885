// A worker pool shared by the mounts of one view and kept a while after the last goes away: the
// Analysis tab unmounts on every tab switch, and a new pool's workers compile the analysis afresh
// (a 10⁴-sweep run took 0.85–0.95 s in new Node workers against 0.26–0.31 s once compiled). Back
// within IDLE_POOL_MS, the tab finds its workers compiled; later, they are stopped and their memory
// (the held sweeps and caches) freed.
import type { AnalysisPool } from '../../../workers/analysisPool.ts';

/** How long a pool no mount uses is kept, ms. */
export const IDLE_POOL_MS = 60_000;

export interface PoolLease {
  pool: AnalysisPool;
  /** The mount is done with it: the pool is stopped IDLE_POOL_MS after the last release. */
  release(): void;
}

/** Leases of one pool, made by `create` on first lease and again after it was stopped. */
export function poolLeases(
  create: () => AnalysisPool,
  idleMs = IDLE_POOL_MS,
  timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
): () => PoolLease {
  let held: { pool: AnalysisPool; users: number; stop: ReturnType<typeof setTimeout> | null } | null = null;
  return () => {
    if (!held) held = { pool: create(), users: 0, stop: null };
    const lease = held;
    if (lease.stop !== null) timers.clearTimeout(lease.stop);
    lease.stop = null;
    lease.users++;
    let released = false;
    return {
      pool: lease.pool,
      release: () => {
        if (released) return;
        released = true;
        if (--lease.users > 0) return;
        lease.stop = timers.setTimeout(() => {
          if (held === lease) held = null;
          lease.pool.terminate();
        }, idleMs);
      },
    };
  };
}
