// A pool call given up when its signal aborts: at once, with the signal's reason, after the pool's
// own clean-up; untouched without a signal or when the work settles first.
import { describe, expect, it } from 'vitest';
import { abortable } from './abortable.ts';

const never = new Promise<number>(() => undefined);

describe('abortable', () => {
  it('rejects with the reason as soon as the signal aborts, after onAbort', async () => {
    const controller = new AbortController();
    const calls: string[] = [];
    const call = abortable(never, controller.signal, () => calls.push('terminated'));
    controller.abort(new Error('cancelled by the user'));
    await expect(call).rejects.toThrow('cancelled by the user');
    expect(calls).toEqual(['terminated']);
  });

  it('rejects an already aborted call without starting the clean-up', async () => {
    const controller = new AbortController();
    controller.abort(new Error('gone'));
    const calls: string[] = [];
    await expect(abortable(Promise.resolve(1), controller.signal, () => calls.push('x'))).rejects.toThrow(
      'gone',
    );
    expect(calls).toEqual([]);
  });

  it('settles with the work when there is no signal or the work ends first', async () => {
    await expect(abortable(Promise.resolve(7), undefined, () => undefined)).resolves.toBe(7);
    const controller = new AbortController();
    const calls: string[] = [];
    await expect(abortable(Promise.resolve(8), controller.signal, () => calls.push('x'))).resolves.toBe(8);
    controller.abort();
    expect(calls).toEqual([]);
  });
});
