// `sts-workbench classify --db <file> [--image <name>] [--json] [--apply]`
// Suggests core / crown-centre / crown-edge labels for every spectrum on the library's topography
// images (or the one named) and prints them; --apply stores the non-null ones, never over a label
// set by hand.
import { existsSync } from 'node:fs';
import { openLibrary } from '../../main/library/openLibrary.ts';
import { DEFAULT_CLASSIFY_PARAMS } from '../../shared/image/classifyParams.ts';
import { UsageError } from '../usage.ts';
import { applySuggestedLabels, classifyLibrary } from './classifyLibrary.ts';
import type { ClassifyReport } from './classifyLibrary.ts';

export interface ClassifyArgs {
  db: string;
  image?: string;
  json: boolean;
  apply: boolean;
}

function formatReport(report: ClassifyReport): string {
  const lines: string[] = [];
  for (const image of report.images) {
    const particles = report.particles.filter((p) => p.image === image);
    const count = (kind: string): number => particles.filter((p) => p.kind === kind).length;
    lines.push(`${image}: ${count('core-only')} core-only and ${count('core-crown')} core–crown platelets`);
  }
  const tally = new Map<string, number>();
  for (const spectrum of report.spectra) {
    const key = spectrum.label ?? 'none (substrate or undecided)';
    tally.set(key, (tally.get(key) ?? 0) + 1);
  }
  lines.push(`${report.spectra.length} spectra on the images:`);
  for (const [label, n] of tally) lines.push(`  ${label}: ${n}`);
  return lines.join('\n') + '\n';
}

export function classifyCommand(args: ClassifyArgs): number {
  if (!existsSync(args.db)) throw new UsageError(`classify: no library at ${args.db} (run import first)`);
  const db = openLibrary(args.db);
  try {
    const params = DEFAULT_CLASSIFY_PARAMS;
    const { report, assignments } = classifyLibrary(db, args.image, params);
    const applied = args.apply ? applySuggestedLabels(db, assignments, params) : null;
    if (args.json) process.stdout.write(JSON.stringify(report) + '\n');
    else {
      process.stdout.write(formatReport(report));
      if (applied)
        process.stdout.write(
          `labelled ${applied.labelled} spectra; kept ${applied.keptHand} labels set by hand\n`,
        );
    }
    if (args.json && applied)
      process.stderr.write(
        `labelled ${applied.labelled} spectra; kept ${applied.keptHand} labels set by hand\n`,
      );
    return 0;
  } finally {
    db.close();
  }
}
