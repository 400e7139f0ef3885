// A figure's data as CSV through the app's one writer (src/shared/csv): the provenance (run,
// recipe JSON, view settings) as leading "# " comment lines, then the header row and the rows.
import { provenanceHeader, writeCsv } from '../../../../shared/csv/index.ts';
import type { CsvTable } from '../../../../shared/csv/index.ts';
import type { Provenance } from './provenance.ts';

export type { CsvTable } from '../../../../shared/csv/index.ts';

export function toCsv(table: CsvTable, provenance: Provenance): string {
  return writeCsv(
    table,
    provenanceHeader({
      appVersion: provenance.appVersion,
      what: provenance.figure,
      runId: provenance.runId,
      runCreatedAt: provenance.runCreatedAt,
      recipe: provenance.recipe,
      settings: provenance.view,
    }),
  );
}
