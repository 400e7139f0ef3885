// `sts-workbench analyze --db <file> [--labels <csv>] [--method band|first-peak|onset]
//   [--window <lo>,<hi>] [--sg <window>,<order>] [--json]`
// Applies the labels CSV first (when given), runs the pipeline on the library, stores the run
// (recipe + app version + results) and prints the report.
import { existsSync, readFileSync } from 'node:fs';
import type { RecipeOverrides } from '../../shared/analysis/index.ts';
import { recipeOverridesSchema } from '../../shared/api/contract.ts';
import { analysisReport, formatAnalysisReport } from '../../main/analysis/analysisReport.ts';
import { runAnalysis } from '../../main/analysis/runAnalysis.ts';
import { applyLabelsCsv } from '../../main/library/applyLabelsCsv.ts';
import { ANALYZE_TABLES, shadowTablesForDryRun } from '../../main/library/dryRun.ts';
import { openLibrary } from '../../main/library/openLibrary.ts';
import { UsageError } from '../usage.ts';

export interface AnalyzeArgs {
  db: string;
  labels?: string;
  method?: string;
  /** Deep-trap window "lo,hi" in volts. */
  window?: string;
  /** Savitzky–Golay "window,order" (points, polynomial order). */
  sg?: string;
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

/** Recipe overrides from the command line, validated by the same schema as the API's. */
export function recipeFromArgs(args: Pick<AnalyzeArgs, 'method' | 'window' | 'sg'>): RecipeOverrides {
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
  const parsed = recipeOverridesSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const option =
      issue.path[0] === 'traps' ? '--window' : issue.path[0] === 'derivative' ? '--sg' : '--method';
    throw new UsageError(`${option}: ${issue.message}`);
  }
  return parsed.data;
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
  const db = openLibrary(args.db, { readonly: args.dryRun === true });
  try {
    if (args.dryRun) shadowTablesForDryRun(db, ANALYZE_TABLES);
    if (labelsText !== null) {
      const outcome = applyLabelsCsv(db, labelsText);
      if (!args.json) {
        console.log(`labels: ${outcome.spectra} spectra in ${outcome.files} files labelled`);
        for (const u of outcome.unmatched) console.log(`  line ${u.line}: no imported file ${u.file}`);
      }
    }
    const run = runAnalysis(db, recipe);
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
