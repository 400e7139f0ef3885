// The long tasks (> 50 ms, or the given threshold) of the renderers' main threads in a Chromium
// trace written by the bench (BENCH_TRACE_DIR, trace.ts), each with what ran in it: the trace's
// events by name (garbage collection, style, layout, script evaluation, …; self time, ms) and the
// JavaScript functions sampled in it (self and total, ms, from the V8 CPU profile in the trace).
// Each task's CPU time is printed next to its duration: on a busy machine a task waits for a core
// and its duration grows while its CPU time does not.
//
//   node bench/scale/longTasksInTrace.ts <trace.json> [threshold ms, default 50]
import { readFileSync } from 'node:fs';

interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, µs: below `dur` when the thread waited for a core. */
  tdur?: number;
  id?: string;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
      timeDeltas?: number[];
    };
  };
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}

const [file, thresholdArg] = process.argv.slice(2);
if (!file) throw new Error('usage: node bench/scale/longTasksInTrace.ts <trace.json> [threshold ms]');
const thresholdUs = Number(thresholdArg ?? 50) * 1000;
const parsed = JSON.parse(readFileSync(file, 'utf8')) as TraceEvent[] | { traceEvents: TraceEvent[] };
const events = Array.isArray(parsed) ? parsed : parsed.traceEvents;

const threadKey = (e: { pid: number; tid: number }): string => `${e.pid}:${e.tid}`;
const mainThreads = new Set(
  events
    .filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
    .map(threadKey),
);

/** Sampled stacks per thread: [time µs, node id] and the profile's nodes. */
interface Samples {
  nodes: Map<number, ProfileNode>;
  times: number[];
  ids: number[];
}
const samplesByProfile = new Map<string, Samples & { thread: string; at: number }>();
for (const e of events) {
  if (e.name === 'Profile' && e.id !== undefined)
    samplesByProfile.set(`${e.pid}:${e.id}`, {
      thread: threadKey(e),
      at: e.args?.data?.startTime ?? e.ts,
      nodes: new Map(),
      times: [],
      ids: [],
    });
}
for (const e of events) {
  if (e.name !== 'ProfileChunk' || e.id === undefined) continue;
  const profile = samplesByProfile.get(`${e.pid}:${e.id}`);
  const data = e.args?.data;
  if (!profile || !data) continue;
  for (const node of data.cpuProfile?.nodes ?? []) profile.nodes.set(node.id, node);
  const ids = data.cpuProfile?.samples ?? [];
  const deltas = data.timeDeltas ?? [];
  for (let i = 0; i < ids.length; i++) {
    profile.at += deltas[i] ?? 0;
    profile.times.push(profile.at);
    profile.ids.push(ids[i]!);
  }
}

const frameName = (node: ProfileNode): string => {
  const { functionName, url, lineNumber, columnNumber } = node.callFrame;
  const where = url ? ` ${url.split('/').pop()}:${lineNumber + 1}:${columnNumber + 1}` : '';
  return `${functionName || '(anonymous)'}${where}`;
};

const top = (m: Map<string, number>, n: number): string =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([k, us]) => `    ${(us / 1000).toFixed(1).padStart(6)}  ${k}`)
    .join('\n');

const add = (m: Map<string, number>, k: string, us: number): void => {
  m.set(k, (m.get(k) ?? 0) + us);
};

const taskNames = new Set(['RunTask', 'ThreadControllerImpl::RunTask', 'ThreadPool_RunTask']);
const start = Math.min(...events.filter((e) => e.ts > 0).map((e) => e.ts));
for (const thread of mainThreads) {
  const onThread = events
    .filter((e) => threadKey(e) === thread && e.ph === 'X' && e.dur !== undefined)
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
  // The outermost task events only (a RunTask nests in Chromium's scheduler's own).
  const allTasks = onThread.filter((e) => taskNames.has(e.name));
  const tasks = allTasks.filter(
    (e) =>
      e.dur! > thresholdUs &&
      !allTasks.some((o) => o !== e && o.ts <= e.ts && o.ts + o.dur! >= e.ts + e.dur! && o.dur! > e.dur!),
  );
  const profiles = [...samplesByProfile.values()].filter((p) => p.thread === thread);
  for (const task of tasks) {
    const end = task.ts + task.dur!;
    const inside = onThread.filter((e) => e !== task && e.ts >= task.ts && e.ts + e.dur! <= end);
    // Self time of each event: its duration less its direct children's (events nest by time).
    const self = new Map<string, number>();
    const stack: Array<{ e: TraceEvent; childUs: number }> = [];
    const close = (upTo: number): void => {
      while (stack.length && stack[stack.length - 1]!.e.ts + stack[stack.length - 1]!.e.dur! <= upTo) {
        const { e, childUs } = stack.pop()!;
        add(self, e.name, e.dur! - childUs);
        if (stack.length) stack[stack.length - 1]!.childUs += e.dur!;
      }
    };
    for (const e of inside) {
      close(e.ts);
      stack.push({ e, childUs: 0 });
    }
    close(Infinity);
    const jsSelf = new Map<string, number>();
    const jsTotal = new Map<string, number>();
    for (const profile of profiles)
      for (let i = 0; i + 1 < profile.times.length; i++) {
        const t = profile.times[i]!;
        if (t < task.ts || t >= end) continue;
        const dt = Math.min(profile.times[i + 1]!, end) - t;
        const leaf = profile.nodes.get(profile.ids[i]!);
        if (!leaf) continue;
        add(jsSelf, frameName(leaf), dt);
        const seen = new Set<string>();
        for (
          let n: ProfileNode | undefined = leaf;
          n;
          n = n.parent ? profile.nodes.get(n.parent) : undefined
        ) {
          const name = frameName(n);
          if (!seen.has(name)) add(jsTotal, name, dt);
          seen.add(name);
        }
      }
    console.log(
      `\nlong task ${(task.dur! / 1000).toFixed(1)} ms (CPU ${((task.tdur ?? NaN) / 1000).toFixed(1)} ms) at ${((task.ts - start) / 1000).toFixed(0)} ms (thread ${thread})`,
    );
    console.log(`  trace events, self ms:\n${top(self, 12)}`);
    if (jsSelf.size) console.log(`  JS samples, self ms:\n${top(jsSelf, 15)}`);
    if (jsTotal.size) console.log(`  JS samples, total ms:\n${top(jsTotal, 25)}`);
  }
}
