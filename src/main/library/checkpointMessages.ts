// Messages between an import's main thread and its WAL checkpoint worker (checkpointWorker.ts).

/** Main -> worker: checkpoint what the WAL holds now, or close the connection and say so. */
export type CheckpointRequest = { type: 'checkpoint' } | { type: 'close' };

/** Worker -> main: a checkpoint ended (done or failed: main then checkpoints itself), or closed. */
export type CheckpointAnswer =
  { type: 'checkpointed' } | { type: 'failed'; message: string } | { type: 'closed' };
