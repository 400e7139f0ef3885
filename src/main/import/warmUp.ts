// Warms a parse worker's code up while it waits for its first files. A fresh worker runs the
// readers cold: on the build machine its first ~100 Nanonis .dat files took ~0.7 ms each (bytecode,
// then baseline code) against ~0.15 ms once V8 had optimised the table parser and the row builder.
// The import's main thread spends its first ~150 ms loading modules, opening the library and
// scanning folders, with the worker idle: the worker spends that time reading a small synthetic
// file (in memory, never stored) through the same path, and stops as soon as real work arrives.

/** Synthetic files read at most (a cold one takes ~0.7 ms, a warm one ~0.15 ms). */
export const WARM_UP_FILES = 150;

/** Points per sweep of the synthetic file, as in a usual Nanonis bias spectroscopy. */
const WARM_UP_POINTS = 512;

/**
 * A Nanonis bias-spectroscopy .dat as the instrument writes it (CRLF lines, `key\tvalue\t` header,
 * [DATA], bias and forward/backward current in E-notation): the most common file an import reads.
 */
export function warmUpFileBytes(points = WARM_UP_POINTS): Uint8Array {
  const number = (value: number): string => value.toExponential(6).replace('e', 'E');
  const lines = [
    'Experiment\tbias spectroscopy\t',
    'Date\t21.11.2026 10:00:00\t',
    'X (m)\t6.379538E-8\t',
    'Y (m)\t8.226099E-8\t',
    'Z (m)\t-1.019000E-7\t',
    'Start time\t21.11.2026 10:00:00\t',
    'Bias>Bias (V)\t100E-3\t',
    'Current>Current (A)\t1E-9\t',
    `Bias Spectroscopy>Num Pixel\t${points}\t`,
    'Comment01\t\t',
    '',
    '[DATA]',
    'Bias calc (V)\tCurrent (A)\tCurrent [bwd] (A)',
  ];
  for (let i = 0; i < points; i++) {
    const bias = -2 + (4 * i) / Math.max(1, points - 1);
    const current = 1e-10 * Math.sinh(2.5 * bias);
    lines.push(`${number(bias)}\t${number(current)}\t${number(1.01 * current)}`);
  }
  return new TextEncoder().encode(`${lines.join('\r\n')}\r\n`);
}

/**
 * Runs `readOne` (one synthetic file through the worker's path) up to `files` times, one per turn
 * of the event loop, so a message with real work is handled at the next turn; `stop` ends it.
 * A failure ends the warm-up silently: it only ever costs time, never a result.
 */
export function startWarmUp(readOne: () => void, files = WARM_UP_FILES): { stop: () => void } {
  let left = files;
  let stopped = false;
  const step = (): void => {
    if (stopped || left-- <= 0) return;
    try {
      readOne();
    } catch {
      return;
    }
    setImmediate(step);
  };
  setImmediate(step);
  return {
    stop: () => {
      stopped = true;
    },
  };
}
