// The sts-workbench command. Errors end as one line on stderr and a non-zero exit code. Each
// command's module is loaded when it runs: `import` does not pay for loading the server or analysis.
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { asLibraryError } from '../main/library/libraryErrors.ts';
import { USAGE, UsageError } from './usage.ts';

function requireDb(db: string | undefined, command: string): string {
  if (!db) throw new UsageError(`${command}: --db <file> is required`);
  return db;
}

function parsePort(text: string | undefined): number {
  if (text === undefined) return 0;
  const port = Number(text);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new UsageError(`--port: '${text}' is not a port number`);
  return port;
}

/** Options whose value may start with a minus sign (`--window -0.8,1.0`): joined as `--window=…`. */
const SIGNED_OPTIONS = new Set(['--window']);

function joinSignedValues(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const next = args[i + 1];
    if (SIGNED_OPTIONS.has(args[i]!) && next !== undefined && /^-[\d.]/.test(next)) {
      out.push(`${args[i]}=${next}`);
      i++;
    } else out.push(args[i]!);
  }
  return out;
}

function parseCliArgs(rest: string[]) {
  return parseArgs({
    args: joinSignedValues(rest),
    allowPositionals: true,
    options: {
      db: { type: 'string' },
      json: { type: 'boolean', default: false },
      port: { type: 'string' },
      labels: { type: 'string' },
      session: { type: 'string' },
      method: { type: 'string' },
      window: { type: 'string' },
      sg: { type: 'string' },
      recipe: { type: 'string' },
      group: { type: 'string' },
      what: { type: 'string' },
      csv: { type: 'string' },
      run: { type: 'string' },
      channel: { type: 'string' },
      image: { type: 'string' },
      apply: { type: 'boolean', default: false },
      'dry-run': { type: 'boolean', default: false },
      poll: { type: 'boolean', default: false },
      watch: { type: 'string', multiple: true },
    },
  });
}

export async function runCli(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return command ? 0 : 2;
  }
  let parsed;
  try {
    parsed = parseCliArgs(rest);
  } catch (error) {
    // One line on stderr: Node's messages add hints on further lines.
    throw new UsageError((error instanceof Error ? error.message : String(error)).split('\n')[0]!);
  }

  const { values, positionals } = parsed;
  try {
    return await runCommand(command, values, positionals);
  } catch (error) {
    // A SQLite error met after opening (disk full, locked) is worded as the library's, naming it.
    throw values.db === undefined ? error : asLibraryError(resolve(values.db), error);
  }
}

type ParsedValues = ReturnType<typeof parseCliArgs>['values'];

async function runCommand(command: string, values: ParsedValues, positionals: string[]): Promise<number> {
  switch (command) {
    case 'import':
      return (await import('./commands/importCommand.ts')).importCommand({
        paths: positionals,
        db: requireDb(values.db, 'import'),
        json: values.json ?? false,
      });
    case 'info':
      return (await import('./commands/infoCommand.ts')).infoCommand({
        db: requireDb(values.db, 'info'),
        json: values.json ?? false,
      });
    case 'inspect':
      return (await import('./commands/inspectCommand.ts')).inspectCommand({
        file: positionals[0],
        json: values.json ?? false,
      });
    case 'analyze':
      return (await import('./commands/analyzeCommand.ts')).analyzeCommand({
        db: requireDb(values.db, 'analyze'),
        labels: values.labels,
        session: values.session,
        method: values.method,
        window: values.window,
        sg: values.sg,
        recipe: values.recipe,
        json: values.json ?? false,
        dryRun: values['dry-run'] ?? false,
      });
    case 'map':
      return (await import('./commands/mapCommand.ts')).mapCommand({
        file: positionals[0],
        channel: values.channel,
        json: values.json ?? false,
        csv: values.csv,
        method: values.method,
        window: values.window,
        sg: values.sg,
      });
    case 'export':
      return (await import('./commands/exportCommand.ts')).exportCommand({
        db: requireDb(values.db, 'export'),
        group: values.group,
        what: values.what,
        csv: values.csv,
        run: values.run,
      });
    case 'classify':
      return (await import('./commands/classifyCommand.ts')).classifyCommand({
        db: requireDb(values.db, 'classify'),
        image: values.image,
        json: values.json ?? false,
        apply: values.apply ?? false,
      });
    case 'serve':
      return (await import('./commands/serveCommand.ts')).serveCommand({
        db: requireDb(values.db, 'serve'),
        port: parsePort(values.port),
        watch: values.watch,
      });
    case 'watch':
      return (await import('./commands/watchCommand.ts')).watchCommand({
        folders: positionals,
        db: requireDb(values.db, 'watch'),
        json: values.json ?? false,
        poll: values.poll ?? false,
      });
    default:
      throw new UsageError(`unknown command '${command}' (try: sts-workbench help)`);
  }
}
