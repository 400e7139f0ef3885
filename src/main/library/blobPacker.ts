// Allocates the bytes of many BLOBs from a few large ArrayBuffers ("chunks"). A parse worker writes
// every curve and image of a batch of files into them and transfers the chunks in one message:
// the main thread binds views into them, so each BLOB is written once and never copied again
// before SQLite. Offsets are 8-byte aligned so Float64Array views over a BLOB are valid.

/** Bytes of a fresh chunk: a batch of ordinary spectra files fits in one. */
export const BLOB_CHUNK_BYTES = 1 << 20;

export class BlobPacker {
  private chunk: ArrayBuffer | null = null;
  private used = 0;
  private readonly filled: ArrayBuffer[] = [];
  /** Chunks given back (their BLOBs written), used before allocating fresh memory. */
  private readonly spare: ArrayBuffer[] = [];
  private readonly chunkBytes: number;

  constructor(chunkBytes = BLOB_CHUNK_BYTES) {
    this.chunkBytes = chunkBytes;
  }

  /** Chunks to fill again (from drain(), their BLOBs no longer needed by anyone). */
  reuse(chunks: readonly ArrayBuffer[]): void {
    for (const chunk of chunks) if (chunk.byteLength === this.chunkBytes) this.spare.push(chunk);
  }

  /**
   * A view of `byteLength` fresh bytes (not zeroed: the caller writes them all), valid until the
   * chunk holding it is transferred.
   */
  take(byteLength: number): Uint8Array {
    let offset = (this.used + 7) & ~7;
    if (this.chunk === null || offset + byteLength > this.chunk.byteLength) {
      // A BLOB larger than a chunk gets a chunk of its own size.
      if (this.chunk !== null && this.used > 0) this.filled.push(this.chunk);
      // A spare chunk when the BLOB fits one, else uninitialised memory (every byte handed out is
      // written before it is read): zeroing a chunk per batch cost ~15 µs per file in memset.
      this.chunk =
        byteLength <= this.chunkBytes && this.spare.length > 0
          ? (this.spare.pop() as ArrayBuffer)
          : Buffer.allocUnsafeSlow(Math.max(this.chunkBytes, byteLength)).buffer;
      offset = 0;
    }
    this.used = offset + byteLength;
    return new Uint8Array(this.chunk, offset, byteLength);
  }

  /**
   * A Float64Array of `length` values in the packer's memory (not zeroed), for a parser to write a
   * curve into: toFileRows then stores those bytes as they are (see holds), without a copy.
   */
  readonly curve = (length: number): Float64Array => {
    const bytes = this.take(length * 8);
    return new Float64Array(bytes.buffer, bytes.byteOffset, length);
  };

  /** Whether `view` lies in memory taken from this packer since the last drain. */
  holds(view: ArrayBufferView): boolean {
    return view.buffer === this.chunk || this.filled.includes(view.buffer as ArrayBuffer);
  }

  /**
   * The chunks holding every BLOB taken since the last drain, to transfer; the next take() starts
   * a new chunk, so nothing handed out before can be overwritten or detached by later use.
   */
  drain(): ArrayBuffer[] {
    const chunks = this.filled.splice(0);
    if (this.chunk !== null && this.used > 0) chunks.push(this.chunk);
    this.chunk = null;
    this.used = 0;
    return chunks;
  }
}
