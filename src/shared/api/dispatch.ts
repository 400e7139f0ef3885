// One entry point for every transport: validate the input, call the handler, wrap the outcome in
// an envelope. IPC and the HTTP bridge both call this, so they cannot drift apart.
import { apiInputSchemas } from './contract.ts';
import type { LibraryApiHandlers } from './contract.ts';
import { ApiError } from './envelope.ts';
import type { ApiEnvelope } from './envelope.ts';
import { LIBRARY_API_METHODS } from './methods.ts';
import type { LibraryApiMethod } from './methods.ts';

export function isLibraryApiMethod(name: string): name is LibraryApiMethod {
  return (LIBRARY_API_METHODS as readonly string[]).includes(name);
}

export type Dispatch = (method: string, input: unknown) => Promise<ApiEnvelope<unknown>>;

/**
 * `classify` turns an error the transport knows how to word (a library's: read-only, disk full,
 * locked) into an ApiError with its own code; anything else is answered 'internal'.
 */
export function createDispatch(
  handlers: LibraryApiHandlers,
  onInternalError?: (error: unknown) => void,
  classify?: (error: unknown) => ApiError | null,
): Dispatch {
  return async (method, input) => {
    if (!isLibraryApiMethod(method)) {
      return { ok: false, error: { code: 'unknown-method', message: `no API method named '${method}'` } };
    }
    const parsed = apiInputSchemas[method].safeParse(input ?? {});
    if (!parsed.success) {
      const issues = parsed.error.issues
        .map((issue) => `${issue.path.join('.') || 'input'}: ${issue.message}`)
        .join('; ');
      return { ok: false, error: { code: 'invalid-input', message: `${method}: ${issues}` } };
    }
    try {
      const handler = handlers[method] as (input: unknown) => unknown;
      return { ok: true, value: await handler(parsed.data) };
    } catch (error) {
      const known = error instanceof ApiError ? error : (classify?.(error) ?? null);
      if (known) return { ok: false, error: { code: known.code, message: known.message } };
      onInternalError?.(error);
      const message = error instanceof Error ? error.message : String(error);
      return { ok: false, error: { code: 'internal', message: `${method} failed: ${message}` } };
    }
  };
}
