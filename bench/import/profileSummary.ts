// Summarises V8 .cpuprofile files (node --cpu-prof): per profile the wall time, idle and GC share,
// and the functions and scripts with the most self time. Used to find what the import spends on:
//   node --cpu-prof --cpu-prof-dir=<dir> bin/sts-workbench.js import <folder> --db <file>
//   node bench/import/profileSummary.ts <dir>/*.cpuprofile
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

const TOP = Number(process.env.TOP ?? 25);

function summarise(file: string): void {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byFunction = new Map<string, number>();
  const byScript = new Map<string, number>();
  let total = 0;
  for (const [id, us] of selfUs) {
    const frame = (byId.get(id) as ProfileNode).callFrame;
    const script = frame.url ? basename(frame.url) : `(${frame.functionName || 'anonymous'})`;
    const name = `${frame.functionName || '(anonymous)'} ${script}:${frame.lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + us);
    byScript.set(script, (byScript.get(script) ?? 0) + us);
    total += us;
  }
  const ms = (us: number): string => (us / 1000).toFixed(1).padStart(8);
  console.log(
    `\n${basename(file)}: ${ms(profile.endTime - profile.startTime)} ms wall, ${ms(total)} ms sampled`,
  );
  const top = (map: Map<string, number>, title: string): void => {
    console.log(`  ${title}`);
    for (const [name, us] of [...map].sort((a, b) => b[1] - a[1]).slice(0, TOP))
      console.log(`  ${ms(us)} ms ${((100 * us) / total).toFixed(1).padStart(5)} %  ${name}`);
  };
  top(byScript, 'by script (self time)');
  top(byFunction, 'by function (self time)');
}

for (const file of process.argv.slice(2)) summarise(file);
