// Ways for a long piece of work on a calling (UI) thread to give the thread back between steps,
// so it can paint and answer input.

/** Resolves in a later task, so the calling thread can paint and answer input in between. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/** A MessagePort as Node also has it (unref: an idle port does not keep the process alive). */
interface YieldPort {
  postMessage(message: null): void;
  addEventListener(type: 'message', listener: () => void): void;
  start(): void;
  unref?(): void;
}

/** The one channel nextMessageTask posts through, and the continuations waiting on it, in order. */
let channel: { send: YieldPort; waiting: Array<() => void> } | null = null;

/**
 * nextTask without the timer: browsers delay a timer set from a timer's task by at least 4 ms
 * after five levels, which dozens of slices in a row would add up. One channel for every call: a
 * new MessageChannel per call (two ports for Blink's garbage collector) took 6–27 ms of a 10⁴-sweep
 * packing's tasks in Chromium traces.
 */
export function nextMessageTask(): Promise<void> {
  if (!channel) {
    const { port1, port2 } = new MessageChannel() as unknown as { port1: YieldPort; port2: YieldPort };
    const waiting: Array<() => void> = [];
    // Each message is one continuation's task; messages arrive in the order they were posted.
    port1.addEventListener('message', () => waiting.shift()?.());
    port1.start(); // a listener added this way waits for start()
    port1.unref?.();
    port2.unref?.();
    channel = { send: port2, waiting };
  }
  const { send, waiting } = channel;
  return new Promise((resolve) => {
    waiting.push(resolve);
    send.postMessage(null);
  });
}
