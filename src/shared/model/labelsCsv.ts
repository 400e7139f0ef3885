// Parses a labels CSV: one `file,label` row per file (a header row `file,label` is optional). The
// file is a name or a path relative to the imported folder; quotes allowed for names with commas.

export interface LabelAssignment {
  /** 1-based line in the CSV, for error messages. */
  line: number;
  file: string;
  label: string;
}

export interface LabelsCsv {
  rows: LabelAssignment[];
  /** Lines that are not `file,label`, with the reason. */
  problems: Array<{ line: number; reason: string }>;
}

/** Splits one CSV line into cells, honouring double quotes ("" is a literal quote). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',' || c === ';' || c === '\t') {
      cells.push(cell);
      cell = '';
    } else cell += c;
  }
  cells.push(cell);
  return cells.map((value) => value.trim());
}

export function parseLabelsCsv(text: string): LabelsCsv {
  const rows: LabelAssignment[] = [];
  const problems: LabelsCsv['problems'] = [];
  text.split(/\r\n|\r|\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) return;
    const cells = splitCsvLine(raw);
    const [file, label] = cells;
    if (index === 0 && file?.toLowerCase() === 'file' && label?.toLowerCase() === 'label') return;
    if (cells.length !== 2 || !file || !label) {
      // The count, not the text: the caller may have pointed at a file that is not a labels table.
      problems.push({ line, reason: `expected 'file,label', found ${cells.length} cell(s)` });
      return;
    }
    rows.push({ line, file: file.replace(/\\/g, '/'), label });
  });
  return { rows, problems };
}

/** What applying a labels CSV to a library did. */
export interface LabelsCsvOutcome {
  /** Files matched and spectra labelled. */
  files: number;
  spectra: number;
  unmatched: Array<{ line: number; file: string }>;
  problems: Array<{ line: number; reason: string }>;
}
