// `sts-workbench analyze --db <file> [--labels <csv>] [--session <id>] [--method band|first-peak|onset]
//   [--window <lo>,<hi>] [--sg <window>,<order>] [--recipe <file.json>] [--json]`
// Applies the labels CSV first (when given), runs the pipeline on the library, stores the run
// (recipe + app version + results) and prints the report. With --session both the labels CSV and
// the analysis are that session's: the CSV's rows match only its files.
import { existsSync, readFileSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import type { RecipeOverrides } from '../../shared/analysis/index.ts';
import { recipeOverridesSchema } from '../../shared/api/contract.ts';
import { analysisReport, formatAnalysisReport } from '../../main/analysis/analysisReport.ts';
import { runAnalysis } from '../../main/analysis/runAnalysis.ts';
import { applyLabelsCsv } from '../../main/library/applyLabelsCsv.ts';
import { ANALYZE_TABLES, shadowTablesForDryRun } from '../../main/library/dryRun.ts';
import { openLibrary } from '../../main/library/openLibrary.ts';
import { mergeRecipe, readRecipeFile } from '../recipeFile.ts';
import { UsageError } from '../usage.ts';

export interface AnalyzeArgs {
  db: string;
  labels?: string;
  /** Session id (as `info` and the app list them): label set and analysis scope. */
  session?: string;
  method?: string;
  /** Deep-trap window "lo,hi" in volts. */
  window?: string;
  /** Savitzky–Golay "window,order" (points, polynomial order). */
  sg?: string;
  /** A JSON file of recipe fields, or an export's `.recipe.json`; the options above win over it. */
  recipe?: string;
  json: boolean;
  /** Compute and print only: the library is opened read-only and nothing is stored. */
  dryRun?: boolean;
}

function numberPair(option: string, text: string): [number, number] {
  const parts = text.split(',').map((p) => p.trim());
  const values = parts.map(Number);
  if (parts.length !== 2 || parts.some((p) => p === '') || values.some((v) => !Number.isFinite(v)))
    throw new UsageError(`${option}: expected two numbers separated by a comma (got '${text}')`);
  return [values[0]!, values[1]!];
}

/**
 * Recipe overrides from the command line (over the --recipe file's fields, when given), validated
 * by the same schema as the API's.
 */
export function recipeFromArgs(
  args: Pick<AnalyzeArgs, 'method' | 'window' | 'sg'> & { recipe?: string },
): RecipeOverrides {
  const raw: Record<string, unknown> = {};
  if (args.method !== undefined) {
    if (args.method !== 'band' && args.method !== 'first-peak' && args.method !== 'onset')
      throw new UsageError(`--method: expected band, first-peak or onset (got '${args.method}')`);
    raw.edges = { method: args.method };
  }
  if (args.window !== undefined) raw.traps = { deep: numberPair('--window', args.window) };
  if (args.sg !== undefined) {
    const [window, polyorder] = numberPair('--sg', args.sg);
    raw.derivative = { method: 'savgol', window, polyorder };
  }
  const fromFile = args.recipe === undefined ? {} : readRecipeFile(args.recipe);
  const parsed = recipeOverridesSchema.safeParse(mergeRecipe(fromFile, raw));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.');
    // A field an option set is that option's; any other came from the file.
    const option =
      issue.path[0] === 'traps' && raw.traps
        ? '--window'
        : issue.path[0] === 'derivative' && raw.derivative
          ? '--sg'
          : issue.path[0] === 'edges' && raw.edges
            ? '--method'
            : null;
    if (option) throw new UsageError(`${option}: ${issue.message}`);
    throw new UsageError(`--recipe ${args.recipe}: ${field ? `${field}: ` : ''}${issue.message}`);
  }
  return parsed.data;
}

function sessionIdOf(text: string): number {
  const id = Number(text);
  if (!Number.isInteger(id) || id <= 0)
    throw new UsageError(`--session: expected a session id, a positive integer (got '${text}')`);
  return id;
}

/**
 * Spectrum ids are the library's own: a recipe file's exclusions and series edits name spectra by
 * id, so ids this library does not hold mean the file came from another library (where the same
 * numbers are other spectra). Refused, naming them, rather than applied to nothing.
 */
function refuseForeignIds(db: Database, recipe: RecipeOverrides, file: string): void {
  const ids = [
    ...(recipe.exclusions ?? []).map((e) => e.id),
    ...(recipe.series?.split ?? []),
    ...(recipe.series?.join ?? []),
  ];
  if (ids.length === 0) return;
  const known = db.prepare('SELECT 1 FROM spectra WHERE id = ?');
  const missing = [...new Set(ids)].filter((id) => !known.get(id));
  if (missing.length === 0) return;
  const shown = missing.slice(0, 5).join(', ') + (missing.length > 5 ? `, … (${missing.length})` : '');
  throw new UsageError(
    `--recipe ${file}: spectrum ids not in this library: ${shown} (exclusions and series edits name ` +
      "a library's own spectra; a recipe from another library cannot carry them)",
  );
}

export function analyzeCommand(args: AnalyzeArgs): number {
  const recipe = recipeFromArgs(args);
  if (!existsSync(args.db)) throw new UsageError(`analyze: no library at ${args.db} (run import first)`);
  let labelsText: string | null = null;
  if (args.labels !== undefined) {
    try {
      labelsText = readFileSync(args.labels, 'utf8');
    } catch (error) {
      throw new UsageError(
        `--labels: cannot read ${args.labels}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
      );
    }
  }
  const sessionId = args.session === undefined ? undefined : sessionIdOf(args.session);
  const db = openLibrary(args.db, { readonly: args.dryRun === true });
  try {
    if (sessionId !== undefined && !db.prepare('SELECT 1 FROM sessions WHERE id = ?').get(sessionId))
      throw new UsageError(`--session: no session ${sessionId} in ${args.db}`);
    if (args.recipe !== undefined) refuseForeignIds(db, recipe, args.recipe);
    if (args.dryRun) shadowTablesForDryRun(db, ANALYZE_TABLES);
    if (labelsText !== null) {
      const outcome = applyLabelsCsv(db, labelsText, sessionId === undefined ? {} : { sessionId });
      if (!args.json) {
        console.log(`labels: ${outcome.spectra} spectra in ${outcome.files} files labelled`);
        for (const u of outcome.unmatched) console.log(`  line ${u.line}: no imported file ${u.file}`);
      }
    }
    const run =
      sessionId === undefined
        ? runAnalysis(db, recipe)
        : runAnalysis(db, recipe, { sessionIds: [sessionId] });
    const report = analysisReport(run);
    if (args.json) process.stdout.write(JSON.stringify(report) + '\n');
    else if (args.dryRun)
      process.stdout.write(
        `dry run: nothing stored in ${args.db}\n${formatAnalysisReport(report, run.runId)}`,
      );
    else process.stdout.write(formatAnalysisReport(report, run.runId));
    return 0;
  } finally {
    db.close();
  }
}
