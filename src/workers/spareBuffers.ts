// Memory the analysis workers handed back (a dropped dataset's chunk buffers, the kept-curve packs
// of a dropped group stage), written into again by the pool: the next chunks' packs and, sent
// along with each chunk, the memory its worker packs the chunk's kept curves into.
//
// Why: fresh pages cost ~16 µs each to touch on the build VM (100 MB first written in 400 ms,
// rewritten in 4 ms). A 10⁴-spectrum run packs ~41 MB of sweeps and ~41 MB of kept curves; in
// new memory those two copies took ~200 ms of CPU in the second run of a session (the allocator
// hands freed memory back to the system, and the garbage collector frees the old packs late).

export class SpareBuffers {
  private readonly buffers: ArrayBuffer[] = [];
  private readonly limitBytes: number;
  constructor(limitBytes: number) {
    this.limitBytes = limitBytes;
  }

  /** Keeps `released` for reuse, up to the limit (the rest is left to the garbage collector). */
  keep(released: ReadonlyArray<ArrayBuffer>): void {
    let bytes = this.bytes();
    for (const buffer of released) {
      if (buffer.byteLength === 0 || bytes + buffer.byteLength > this.limitBytes) continue;
      this.buffers.push(buffer);
      bytes += buffer.byteLength;
    }
  }

  /** The smallest kept buffer of at least `bytes`, no longer kept; null when none is that large. */
  take(bytes: number): ArrayBuffer | null {
    const i = smallestAtLeast(this.buffers, bytes);
    return i < 0 ? null : this.buffers.splice(i, 1)[0]!;
  }

  /**
   * Kept buffers smaller than `below` (so that a chunk's own pack still finds its size), largest
   * first, until they hold `bytes` together; fewer when that many are not kept.
   */
  takeUpTo(bytes: number, below: number): ArrayBuffer[] {
    const taken: ArrayBuffer[] = [];
    let total = 0;
    while (total < bytes) {
      let pick = -1;
      for (let i = 0; i < this.buffers.length; i++) {
        const size = this.buffers[i]!.byteLength;
        if (size < below && (pick < 0 || size > this.buffers[pick]!.byteLength)) pick = i;
      }
      if (pick < 0) break;
      const [buffer] = this.buffers.splice(pick, 1);
      taken.push(buffer!);
      total += buffer!.byteLength;
    }
    return taken;
  }

  clear(): void {
    this.buffers.length = 0;
  }

  /** Bytes kept. */
  bytes(): number {
    let bytes = 0;
    for (const buffer of this.buffers) bytes += buffer.byteLength;
    return bytes;
  }
}

/** Index of the smallest of `buffers` with at least `bytes`, −1 when none. */
export function smallestAtLeast(buffers: ReadonlyArray<ArrayBuffer>, bytes: number): number {
  let pick = -1;
  for (let i = 0; i < buffers.length; i++) {
    const size = buffers[i]!.byteLength;
    if (size >= bytes && (pick < 0 || size < buffers[pick]!.byteLength)) pick = i;
  }
  return pick;
}
