// Builds a LibraryApi from a transport's send function; unwraps envelopes into values or ApiErrors.
import { ApiError } from './envelope.ts';
import type { ApiEnvelope } from './envelope.ts';
import { LIBRARY_API_METHODS } from './methods.ts';
import type { LibraryApiMethod } from './methods.ts';

/** Builds a LibraryApi from a function that sends one call and returns its envelope. */
export function createApiClient<Api>(
  send: (method: LibraryApiMethod, input: unknown) => Promise<ApiEnvelope<unknown>>,
): Api {
  const api: Record<string, (input: unknown) => Promise<unknown>> = {};
  for (const method of LIBRARY_API_METHODS) {
    api[method] = async (input: unknown) => {
      const envelope = await send(method, input ?? {});
      if (envelope.ok) return envelope.value;
      throw new ApiError(envelope.error.code, envelope.error.message);
    };
  }
  return api as Api;
}
