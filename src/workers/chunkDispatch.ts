// Which worker takes the next chunk of a loading dataset (analysisPool.ts): the one with the
// fewest calls in flight, at most LOAD_DEPTH each (one running, one queued), and none beyond its
// maxChunksPerWorker. Shared out as the workers get through them, not dealt in turn: dealt in
// turn, one worker idled 60–120 ms of a 450 ms run while the other finished. The cap bounds the
// split, which every later re-analysis of the dataset keeps: cold workers left 1,000 spectra
// split 2 : 6 without it.
import { maxChunksPerWorker } from './poolDataset.ts';

/** Chunk calls a worker has in flight at most while a dataset loads: one running, one queued. */
const LOAD_DEPTH = 2;

export class ChunkDispatch {
  private readonly inFlight: number[];
  /** Chunks each worker holds or has been sent. */
  private readonly taken: number[];
  private readonly cap: number;
  private workerFreed: (() => void) | null = null;

  /** `owner`: the worker holding each chunk, −1 for none yet. */
  constructor(workers: number, owner: ReadonlyArray<number>) {
    this.inFlight = new Array<number>(workers).fill(0);
    this.taken = new Array<number>(workers).fill(0);
    for (const w of owner) if (w >= 0) this.taken[w]!++;
    this.cap = maxChunksPerWorker(owner.length, workers);
  }

  /** A call to worker `w` is on its way; `chunk`: it loads a chunk (counts against the cap). */
  sent(w: number, chunk: boolean): void {
    this.inFlight[w]!++;
    if (chunk) this.taken[w]!++;
  }

  /** Worker `w` answered (or failed) a call. */
  settled(w: number): void {
    this.inFlight[w]!--;
    this.workerFreed?.();
    this.workerFreed = null;
  }

  /** Of the workers below the cap and LOAD_DEPTH, the one with the fewest calls in flight. */
  async next(): Promise<number> {
    for (;;) {
      let best = -1;
      for (let w = 0; w < this.inFlight.length; w++) {
        if (this.taken[w]! >= this.cap || this.inFlight[w]! >= LOAD_DEPTH) continue;
        if (best < 0 || this.inFlight[w]! < this.inFlight[best]!) best = w;
      }
      if (best >= 0) return best;
      await new Promise<void>((resolve) => (this.workerFreed = resolve));
    }
  }
}
