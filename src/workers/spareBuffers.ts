// Memory the analysis workers handed back (a dropped dataset's chunk buffers), written into again
// by the pool: the next chunks' packs.
//
// Why: fresh pages cost ~16 µs each to touch on the build VM (100 MB first written in 400 ms,
// rewritten in 4 ms); a 10⁴-spectrum run packs ~41 MB of sweeps. (The kept curves' packs, ~41 MB
// more, are left to the allocator: handed round through this pool as well, their sizes matched
// the next packs only in part, and the workers faulted 1–2.5 k fresh pages a run in the steady
// state against ~0 when the allocator reuses what the garbage collector frees.)

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
function smallestAtLeast(buffers: ReadonlyArray<ArrayBuffer>, bytes: number): number {
  let pick = -1;
  for (let i = 0; i < buffers.length; i++) {
    const size = buffers[i]!.byteLength;
    if (size >= bytes && (pick < 0 || size < buffers[pick]!.byteLength)) pick = i;
  }
  return pick;
}
