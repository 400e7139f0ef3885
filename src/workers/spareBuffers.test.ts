// Memory handed back by the workers and packed into again (spareBuffers.ts): which buffer each
// request gets.
import { describe, expect, it } from 'vitest';
import { SpareBuffers } from './spareBuffers.ts';

describe('spare buffers', () => {
  it('keeps up to its limit and hands out the smallest buffer that is large enough', () => {
    const spare = new SpareBuffers(100);
    spare.keep([new ArrayBuffer(40), new ArrayBuffer(0), new ArrayBuffer(16), new ArrayBuffer(64)]);
    expect(spare.bytes()).toBe(56); // 64 would pass the limit; empty buffers are not kept
    spare.keep([new ArrayBuffer(32)]);
    expect(spare.bytes()).toBe(88);
    expect(spare.take(20)?.byteLength).toBe(32);
    expect(spare.take(41)).toBeNull();
    expect(spare.take(16)?.byteLength).toBe(16);
    expect(spare.bytes()).toBe(40);
  });
});
