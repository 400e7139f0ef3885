// No module of the analysis imports itself back through others (the old aggregateGroups ↔
// runPipeline cycle): the value imports (`import … from './x.ts'`, `export … from`; `import type`
// is erased and cannot cycle) of src/shared/analysis, src/workers and src/main/analysis form a
// graph without cycles. A depth-first search reports the first cycle found, path and all.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FOLDERS = ['shared/analysis', 'workers', 'main/analysis'];

function modulesIn(folder: string): string[] {
  return readdirSync(join(src, folder))
    .filter((f) => /\.tsx?$/.test(f) && !f.includes('.test.'))
    .map((f) => join(src, folder, f));
}

const IMPORT = /^(?:import|export)\s+(type\s+)?[^;]*?\sfrom\s+'(\.[^']+)'/gm;

function valueImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const out: string[] = [];
  for (const m of text.matchAll(IMPORT)) if (!m[1]) out.push(normalize(join(dirname(file), m[2]!)));
  return out;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (u: string): string[] | null => {
    state.set(u, 'open');
    path.push(u);
    for (const v of graph.get(u) ?? []) {
      if (!graph.has(v)) continue;
      if (state.get(v) === 'open') return [...path.slice(path.indexOf(v)), v];
      if (!state.has(v)) {
        const found = visit(v);
        if (found) return found;
      }
    }
    path.pop();
    state.set(u, 'done');
    return null;
  };
  for (const u of graph.keys()) {
    if (state.has(u)) continue;
    const found = visit(u);
    if (found) return found;
  }
  return null;
}

describe('analysis modules', () => {
  it('have no import cycle', () => {
    const graph = new Map(FOLDERS.flatMap(modulesIn).map((f) => [f, valueImports(f)]));
    expect(graph.size).toBeGreaterThan(60);
    expect(findCycle(graph)?.map((f) => relative(src, f))).toBeUndefined();
  });

  it('the cycle finder finds a planted cycle', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
    ]);
    expect(findCycle(graph)).toEqual(['a', 'b', 'c', 'a']);
  });
});
