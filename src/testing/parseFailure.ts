// The ParseError a reader throws, for tests that check its code and message: anything else it
// throws fails the test, and so does no error at all.
import { ParseError } from '../shared/formats/types.ts';

export function parseFailure(run: () => unknown): ParseError {
  try {
    run();
  } catch (error) {
    if (error instanceof ParseError) return error;
    throw error;
  }
  throw new Error('expected a ParseError');
}
