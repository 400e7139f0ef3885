import { describe, expect, it } from 'vitest';
import { ParseError } from './types.ts';

describe('ParseError', () => {
  it('carries a code and a message', () => {
    const error = new ParseError('truncated', 'data block ends after 12 of 400 rows');
    expect(error).toBeInstanceOf(Error);
    expect(error.code).toBe('truncated');
    expect(error.message).toContain('12 of 400');
  });
});
