// Chromium traces of the bench's phases (BENCH_TRACE_DIR): the renderer's tasks with their
// durations (RunTask), what ran in them (V8 samples, garbage collection, style, layout, paint), as
// DevTools' Performance panel records them; bench/scale/longTasksInTrace.ts lists the long ones.
import { writeFileSync } from 'node:fs';
import type { CDPSession } from 'playwright';

const CATEGORIES = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'toplevel',
  'blink.user_timing',
  'v8',
  'v8.execute',
  'disabled-by-default-v8.gc',
  'disabled-by-default-v8.cpu_profiler',
];

export async function startTrace(cdp: CDPSession): Promise<void> {
  await cdp.send('Tracing.start', {
    transferMode: 'ReturnAsStream',
    traceConfig: {
      // BENCH_TRACE_CATEGORIES: more categories, comma-separated (e.g. blink,fonts,mojom: what a
      // task's style, layout or IPC is made of).
      includedCategories: [...CATEGORIES, ...(process.env.BENCH_TRACE_CATEGORIES?.split(',') ?? [])],
      recordMode: 'recordUntilFull',
    },
  });
}

/** Ends the trace and writes it (Chromium's JSON trace format) to `path`. */
export async function stopTrace(cdp: CDPSession, path: string): Promise<void> {
  const complete = new Promise<string>((resolve) =>
    cdp.once('Tracing.tracingComplete', (event) => resolve(event.stream!)),
  );
  await cdp.send('Tracing.end');
  const handle = await complete;
  const parts: string[] = [];
  for (;;) {
    const { data, eof, base64Encoded } = await cdp.send('IO.read', { handle, size: 1 << 20 });
    parts.push(base64Encoded ? Buffer.from(data, 'base64').toString('utf8') : data);
    if (eof) break;
  }
  await cdp.send('IO.close', { handle });
  writeFileSync(path, parts.join(''));
}
