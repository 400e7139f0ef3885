// Import progress polls send only the skipped/failed entries after those already held
// (getImportProgress `since`); this puts the held lists and a poll's answer together.
import type { ImportProgress } from '../../../shared/model/library.ts';

/** The held progress with a poll's answer: its lists appended where they start (reportFrom). */
export function mergeProgress(held: ImportProgress | null, delta: ImportProgress): ImportProgress {
  const from = delta.reportFrom ?? { skipped: 0, failed: 0 };
  const keep = held?.report ?? { skipped: [], failed: [] };
  return {
    ...delta,
    report: {
      ...delta.report,
      skipped: [...keep.skipped.slice(0, from.skipped), ...delta.report.skipped],
      failed: [...keep.failed.slice(0, from.failed), ...delta.report.failed],
    },
    reportFrom: { skipped: 0, failed: 0 },
  };
}
