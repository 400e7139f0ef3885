// Allocates the bytes of many BLOBs from a few large ArrayBuffers ("chunks"). A parse worker writes
// every curve and image of a batch of files into them and transfers the chunks in one message:
// the main thread binds views into them, so each BLOB is written once and never copied again
// before SQLite. Offsets are 8-byte aligned so Float64Array views over a BLOB are valid.

/** Bytes of a fresh chunk: a batch of ordinary spectra files fits in one. */
const DEFAULT_CHUNK_BYTES = 1 << 20;

export class BlobPacker {
  private chunk: ArrayBuffer | null = null;
  private used = 0;
  private readonly filled: ArrayBuffer[] = [];
  private readonly chunkBytes: number;

  constructor(chunkBytes = DEFAULT_CHUNK_BYTES) {
    this.chunkBytes = chunkBytes;
  }

  /** A view of `byteLength` fresh bytes (zeroed), valid until the chunk holding it is transferred. */
  take(byteLength: number): Uint8Array {
    let offset = (this.used + 7) & ~7;
    if (this.chunk === null || offset + byteLength > this.chunk.byteLength) {
      // A BLOB larger than a chunk gets a chunk of its own size.
      if (this.chunk !== null && this.used > 0) this.filled.push(this.chunk);
      this.chunk = new ArrayBuffer(Math.max(this.chunkBytes, byteLength));
      offset = 0;
    }
    this.used = offset + byteLength;
    return new Uint8Array(this.chunk, offset, byteLength);
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
