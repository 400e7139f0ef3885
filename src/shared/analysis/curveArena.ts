// Memory for the curves a pipeline run keeps per spectrum (the tidy current, the dI/dV), carved
// from reusable blocks instead of one new ArrayBuffer per curve.
//
// Why: a 10⁴-spectrum run kept 2 × 10⁴ new 4 kB ArrayBuffers; V8's cost per ArrayBuffer (its
// backing store, external-memory accounting, the garbage collections that accounting triggers)
// made those two allocations ~15 % of the one-thread run. Blocks handed back by the previous run
// cost nothing to write again (fresh blocks would: a new page of memory costs ~20 µs here).
//
// Lifetime is explicit: `rewind()` or `free()` says every view taken so far is dead (the caller
// must hold none of them any more; views handed out later may share their memory).

/** Doubles per block (1 MB): 128 curves of 1,024 points. */
export const BLOCK_DOUBLES = 1 << 17;

/** Blocks handed back by freed arenas, for the next arenas; at most `capBytes` are kept. */
export class BlockPool {
  private readonly free: Float64Array[] = [];
  private readonly capBytes: number;
  constructor(capBytes: number) {
    this.capBytes = capBytes;
  }
  /**
   * A block of at least `doubles` doubles: a kept one when it is large enough (the first given
   * back first, so arenas filled in the same order as before take their blocks in that order: an
   * arena's last block is only partly written, and its untouched pages would cost a fault each
   * (~16 µs on the build VM) if another arena's full use took it), else a new one.
   */
  take(doubles: number): Float64Array {
    for (let i = 0; i < this.free.length; i++) {
      if (this.free[i]!.length >= doubles) return this.free.splice(i, 1)[0]!;
    }
    return new Float64Array(Math.max(doubles, BLOCK_DOUBLES));
  }
  /** Keeps `blocks` for later arenas, up to the cap; the rest are left to the garbage collector. */
  give(blocks: ReadonlyArray<Float64Array>): void {
    let bytes = this.bytes();
    for (const block of blocks) {
      if (bytes + block.byteLength > this.capBytes) return;
      this.free.push(block);
      bytes += block.byteLength;
    }
  }
  /** Bytes kept for reuse. */
  bytes(): number {
    let bytes = 0;
    for (const block of this.free) bytes += block.byteLength;
    return bytes;
  }
}

export class CurveArena {
  private readonly pool: BlockPool;
  private readonly blocks: Float64Array[] = [];
  /** The block views are being taken from, and how many of its doubles are in use. */
  private current = 0;
  private used = 0;
  constructor(pool: BlockPool) {
    this.pool = pool;
  }

  /** A view of `n` doubles (zeros or a dead view's values), not shared with another live view. */
  take(n: number): Float64Array {
    for (;;) {
      const block = this.blocks[this.current];
      if (!block) {
        this.blocks.push(this.pool.take(n));
        this.used = 0;
        continue;
      }
      if (this.used + n <= block.length) {
        const view = block.subarray(this.used, this.used + n);
        this.used += n;
        return view;
      }
      this.current++;
      this.used = 0;
    }
  }

  /** Every view taken so far is dead: the arena hands out its blocks again, from the start. */
  rewind(): void {
    this.current = 0;
    this.used = 0;
  }

  /** Every view taken so far is dead and the arena is not used again: its blocks go to the pool. */
  free(): void {
    this.pool.give(this.blocks);
    this.blocks.length = 0;
    this.rewind();
  }

  /** Bytes of the arena's blocks. */
  bytes(): number {
    let bytes = 0;
    for (const block of this.blocks) bytes += block.byteLength;
    return bytes;
  }
}

/** The arenas of one run's kept curves, one per stage so a stage's recomputation can rewind its own. */
export interface StageArenas {
  /** The prepared (tidy) currents. */
  prepared: CurveArena;
  /** The dI/dV curves. */
  derivative: CurveArena;
}
