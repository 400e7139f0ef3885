export const USAGE = `Usage: sts-workbench <command> [options]

Commands:
  import <folder|file>... --db <file> [--json]   import files into a library (created if absent)
  inspect <file> [--json]                        show what the reader finds in one file
  serve --db <file> [--port <n>]                 browser mode: the app on http://127.0.0.1
  help                                           this text

Options:
  --db <file>    library file (SQLite)
  --json         machine-readable output on stdout
  --port <n>     port for serve (default: a free one)
`;

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
