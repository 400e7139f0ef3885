// Chromium's processes as the scale benchmark sees them through /proc: the browser started with a
// given user-data folder and its descendants, their resident set and CPU time, and a wait until
// Chromium's own start-up work is done.
import { readdirSync, readFileSync } from 'node:fs';

interface ProcInfo {
  pid: number;
  ppid: number;
  cmdline: string;
  rssKb: number;
}

function processes(): ProcInfo[] {
  const out: ProcInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      const ppid = Number(/PPid:\s+(\d+)/.exec(status)?.[1]);
      const rssKb = Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0);
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').replaceAll('\0', ' ');
      out.push({ pid: Number(entry), ppid, cmdline, rssKb });
    } catch {
      // The process ended while being read.
    }
  }
  return out;
}

/** The browser started with `userDataDir` and its descendants. */
function browserProcesses(userDataDir: string): ProcInfo[] {
  const all = processes();
  const root = all.find((p) => p.cmdline.includes(userDataDir) && !p.cmdline.includes('--type='));
  if (!root) return [];
  const under = new Set([root.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of all)
      if (under.has(p.ppid) && !under.has(p.pid)) {
        under.add(p.pid);
        grew = true;
      }
  }
  return all.filter((p) => under.has(p.pid));
}

/** RSS (MB) of the renderer processes under the browser started with `userDataDir`. */
export function rendererRssMb(userDataDir: string): number {
  const renderers = browserProcesses(userDataDir).filter((p) => p.cmdline.includes('--type=renderer'));
  return renderers.length ? renderers.reduce((kb, p) => kb + p.rssKb, 0) / 1024 : Number.NaN;
}

/** CPU time (user + system) the browser's processes have used, ms (/proc/<pid>/stat, 10 ms ticks). */
function browserCpuMs(userDataDir: string): number {
  let ms = 0;
  for (const p of browserProcesses(userDataDir)) {
    try {
      // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
      const fields = readFileSync(`/proc/${p.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      ms += (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      // The process ended while being read.
    }
  }
  return ms;
}

/**
 * Waits until Chromium's own start-up work is done: the browser's processes using < 10 % of a
 * core over half a second (at most 20 s). Right after launch Chromium preloads its top-chrome
 * WebUI (the omnibox popup) in a renderer of its own, ~1.9 s of CPU in the first ~2 s; opening the
 * app meanwhile measured the app's page load on two cores shared with it. A user's browser (or
 * Electron, which has no such WebUI) is past that when the app is opened.
 */
export async function browserQuiet(userDataDir: string): Promise<void> {
  const deadline = performance.now() + 20_000;
  let before = browserCpuMs(userDataDir);
  while (performance.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    const now = browserCpuMs(userDataDir);
    if (now - before < 50) return;
    before = now;
  }
}
