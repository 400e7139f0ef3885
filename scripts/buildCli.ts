// Builds the CLI and its worker threads (parse worker, stored-run analysis worker, grid maps) into out/cli as
// plain JavaScript, so `sts-workbench` and every worker it starts skip Node's TypeScript stripping
// (~100 ms per worker at start on the build machine). bin/sts-workbench.js runs out/cli/main.js
// while every file it was built from is unchanged: the build lists them with their modification
// times and sizes in out/cli/sources.json (cliBuildState.js writes and checks it).
import { resolve } from 'node:path';
import { build } from 'vite';
import type { Plugin } from 'vite';
import { CLI_OUT_DIR, writeSourcesManifest } from '../bin/cliBuildState.js';

const root = resolve(import.meta.dirname, '..');

export async function buildCli(): Promise<void> {
  const started = Date.now();
  const moduleIds: string[] = [];
  // Every module the bundle and its workers are made from (type-only imports leave no code).
  const recordGraph: Plugin = {
    name: 'record-cli-sources',
    buildEnd() {
      moduleIds.push(...this.getModuleIds());
    },
  };
  await build({
    root,
    configFile: false,
    logLevel: 'warn',
    plugins: [recordGraph],
    build: {
      ssr: true,
      outDir: CLI_OUT_DIR,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: true,
      rollupOptions: {
        input: {
          main: resolve(root, 'src/cli/main.ts'),
          usage: resolve(root, 'src/cli/usage.ts'),
          parseWorker: resolve(root, 'src/main/import/parseWorker.ts'),
          analysisRunWorker: resolve(root, 'src/main/analysis/analysisRunWorker.ts'),
          gridMapWorker: resolve(root, 'src/main/grid/nodeGridMapWorker.ts'),
        },
        output: {
          format: 'es',
          entryFileNames: '[name].js',
          chunkFileNames: 'chunks/[name]-[hash].js',
          topLevelVar: false,
        },
      },
    },
  });
  const changed = writeSourcesManifest(moduleIds, started);
  if (changed.length > 0)
    console.warn(`buildCli: ${changed.join(', ')} changed during the build; it will rebuild next time`);
}

if (import.meta.url === `file://${process.argv[1]}`) await buildCli();
