export const USAGE = `Usage: sts-workbench <command> [options]

Commands:
  import <folder|file>... --db <file> [--json]   import files into a library (created if absent)
  inspect <file> [--json]                        show what the reader finds in one file
  info --db <file> [--json]                      files by status, spectra, images, labels, runs
  analyze --db <file> [--labels <csv>] [--session <id>] [--method band|first-peak|onset]
          [--window <lo>,<hi>] [--sg <window>,<order>] [--recipe <file.json>]
          [--json] [--dry-run]
                                                 band edges, statistics, trap comparisons and
                                                 series of the library's (or the session's)
                                                 spectra (run stored; --dry-run: printed only,
                                                 nothing stored)
  export --db <file> --group <label> --what averaged|edges|series --csv <out> [--run <id>]
                                                 one table of the newest (or given) analysis run
                                                 as CSV, recipe in <out>.recipe.json
  map <file.3ds> [--channel <name>] [--json | --csv <out>] [--method …] [--window …] [--sg …]
                                                 VBM, CBM, gap and deep-trap maps of a grid, one
                                                 value (or null) per pixel in file order
  classify --db <file> [--image <name>] [--json] [--apply]
                                                 suggest core / crown-centre / crown-edge labels
                                                 from the topography; --apply stores them (never
                                                 over labels set by hand)
  watch <folder>... --db <file> [--json] [--poll]
                                                 import what is there, then each file as it
                                                 completes (one JSON line per batch); Ctrl-C stops
  serve --db <file> [--port <n>] [--watch <folder>]...
                                                 browser mode: the app on http://127.0.0.1
  help                                           this text

Options:
  --db <file>    library file (SQLite); export and serve open a read-only one read-only
  --json         machine-readable output on stdout
  --port <n>     port for serve (default: a free one)
  --poll         watch by polling (network shares, where file events do not arrive)
  --watch <dir>  serve: watch this folder from the start (repeatable)
  --labels <csv> labels CSV (file,label) applied before the analysis
  --session <id> analyze: the labels CSV matches only this session's files, and only this
                 session is analysed (ids: info lists them)
  --method       band-edge method: band (default), first-peak or onset
  --recipe <f>   analyze: recipe fields from a JSON file (or an export's .recipe.json, to
                 analyse again with a stored run's parameters); other options win over it
  --window       deep-trap window in volts, e.g. -0.8,1.0
  --channel      grid channel to analyse (default: the forward current); a lock-in channel is dI/dV
  --image <name> classify: only this topography file (default: every one)
  --apply        classify: store the suggested labels
  --dry-run      analyze: compute and print, store nothing (works on a read-only library)
  --sg           Savitzky–Golay window (odd points) and polynomial order, e.g. 15,3
`;

/** A mistake in how the command was called: printed as one line, exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}
