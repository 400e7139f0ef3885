// The one CSV writer of the app (figure exports in the UI, `sts-workbench export`): a provenance
// header as "# " comment lines, one header row, then the data. Fields are quoted as RFC 4180 says
// (a comma, a double quote, CR or LF inside; quotes doubled), and also when they start with "#" so
// no reader takes a data row for a comment. Missing values (null, NaN, ±Infinity) are empty
// fields. Lines end in LF; the text is UTF-8 (label names in any script survive). Read it with
// pandas.read_csv(path, comment='#') or Python's csv module after skipping the "#" lines.

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvTable {
  header: string[];
  rows: ReadonlyArray<ReadonlyArray<CsvCell>>;
}

/** One field as written: numbers in shortest round-trip form, missing values empty. */
export function csvField(value: CsvCell): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  const text = String(value);
  return /[",\r\n]|^#/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Comment lines: each line of each entry gets its own "# " prefix. */
function commentLines(comments: readonly string[]): string[] {
  return comments.flatMap((c) => c.split(/\r\n|\r|\n/)).map((line) => `# ${line}`);
}

export function writeCsv(table: CsvTable, comments: readonly string[] = []): string {
  const width = table.header.length;
  table.rows.forEach((row, i) => {
    if (row.length !== width)
      throw new Error(`CSV row ${i + 1} has ${row.length} fields, the header ${width}`);
  });
  const lines = [
    ...commentLines(comments),
    table.header.map(csvField).join(','),
    ...table.rows.map((row) => row.map(csvField).join(',')),
  ];
  return lines.join('\n') + '\n';
}
