// nextMessageTask shares one channel among its callers: each continuation still runs in a task
// of its own (after the calling task's microtasks), in the order the calls were made.
import { describe, expect, it } from 'vitest';
import { nextMessageTask } from './taskYield.ts';

describe('nextMessageTask', () => {
  it('resumes callers in call order, each after the current task', async () => {
    const order: string[] = [];
    const calls = [1, 2, 3].map((k) => nextMessageTask().then(() => order.push(`task ${k}`)));
    void Promise.resolve().then(() => order.push('microtask'));
    order.push('sync');
    await Promise.all(calls);
    expect(order).toEqual(['sync', 'microtask', 'task 1', 'task 2', 'task 3']);
    // The channel keeps working for later calls (many in a row, as a 10⁴-sweep packing makes).
    let resumed = 0;
    for (let i = 0; i < 200; i++) {
      await nextMessageTask();
      resumed++;
    }
    expect(resumed).toBe(200);
  });
});
