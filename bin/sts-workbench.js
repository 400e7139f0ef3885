#!/usr/bin/env node
// Entry of the `sts-workbench` command. Runs the built CLI (out/cli, `npm run build:cli`) while
// every file it was built from is unchanged (cliBuildState.js), else the TypeScript sources through Node 22's
// type stripping (npm scripts and npx put the project's pinned Node 22 first on PATH).
// Only modules every Node has are imported before the version check (a named import Node 20 lacks,
// such as node:module's enableCompileCache, would fail before it with a SyntaxError).
import * as nodeModule from 'node:module';
import { pathToFileURL } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
if (major < 22 || (major === 22 && minor < 18)) {
  process.stderr.write(
    `sts-workbench: needs Node 22.18 or newer (this is ${process.version}); run it through npx or npm run, which use the project's Node 22\n`,
  );
  process.exit(1);
}
// V8's compiled code of the CLI's modules kept on disk (Node's compile cache, in the system's temp
// folder; a cache it cannot write is skipped): a start no longer compiles them again (about 10 ms
// of a 2,000-file import on the build machine). Workers started later read the same cache through
// the environment variable they inherit.
const compileCache = nodeModule.enableCompileCache();
if (compileCache.directory && !process.env.NODE_COMPILE_CACHE)
  process.env.NODE_COMPILE_CACHE = compileCache.directory;
const { upToDateCliEntry } = await import('./cliBuildState.js');
const built = process.env.STS_CLI_SOURCE === '1' ? null : upToDateCliEntry();
const { runCli } = await import(built ? pathToFileURL(built).href : '../src/cli/main.ts');
const { UsageError } = await import(
  built ? new URL('../out/cli/usage.js', import.meta.url).href : '../src/cli/usage.ts'
);
// Exit only once stdout has drained: a large --json report piped to another program must arrive whole.
const exitAfterFlush = (code) => process.stdout.write('', () => process.exit(code));
runCli(process.argv.slice(2)).then(exitAfterFlush, (error) => {
  process.stderr.write(`sts-workbench: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
