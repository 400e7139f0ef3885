// How results cross a process boundary: errors survive the trip as data, never as thrown strings.

export interface ApiErrorBody {
  /** Stable machine-readable code: 'invalid-input', 'not-found', 'unknown-method', 'internal' ... */
  code: string;
  message: string;
}

/** How every result crosses a process boundary: errors survive the trip as data. */
export type ApiEnvelope<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody };

/** An error a handler throws on purpose; its code and message reach the caller unchanged. */
export class ApiError extends Error {
  readonly code: string;
  constructor(code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
  }
}
