// CSV with the provenance (recipe JSON) as leading "# " comment lines, then one header row and the
// data rows: one self-contained file. Read it with pandas.read_csv(path, comment='#').
import type { Provenance } from './provenance.ts';

export interface CsvTable {
  header: string[];
  rows: Array<Array<string | number | null>>;
}

function cell(value: string | number | null): string {
  if (value === null || (typeof value === 'number' && !Number.isFinite(value))) return '';
  const text = typeof value === 'number' ? String(value) : value;
  return /[",\n#]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(table: CsvTable, provenance: Provenance): string {
  const comments = [
    `# ${provenance.app} ${provenance.appVersion} · ${provenance.figure} · analysis run ${provenance.runId} (${provenance.runCreatedAt})`,
    `# recipe: ${JSON.stringify(provenance.recipe)}`,
    `# view: ${JSON.stringify(provenance.view)}`,
  ];
  const lines = [table.header.map(cell).join(','), ...table.rows.map((r) => r.map(cell).join(','))];
  return [...comments, ...lines].join('\n') + '\n';
}
