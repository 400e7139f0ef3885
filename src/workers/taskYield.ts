// Ways for a long piece of work on a calling (UI) thread to give the thread back between steps,
// so it can paint and answer input.

/** Resolves in a later task, so the calling thread can paint and answer input in between. */
export function nextTask(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * nextTask without the timer: browsers delay a timer set from a timer's task by at least 4 ms
 * after five levels, which dozens of slices in a row would add up.
 */
export function nextMessageTask(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.addEventListener('message', () => {
      channel.port1.close();
      resolve();
    });
    channel.port1.start(); // a listener added this way waits for start()
    channel.port2.postMessage(null);
  });
}
