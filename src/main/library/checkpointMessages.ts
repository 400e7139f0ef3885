// Messages between an import's main thread and its checkpoint worker (checkpointWorker.ts).

/** Main -> worker: checkpoint what is committed, or close the connection and exit. */
export type CheckpointRequest = 'checkpoint' | 'close';

/** Worker -> main: one answer per 'checkpoint'. */
export type CheckpointAnswer = { ok: true } | { ok: false; message: string };
