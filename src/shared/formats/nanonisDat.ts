// Nanonis spectroscopy .dat (ASCII): `key<TAB>value<TAB>` header lines, a blank line, `[DATA]`,
// a tab-separated line of column names and numeric rows. Only `bias spectroscopy` yields I–V
// spectra; other experiments keep their columns and say why they are not I–V (`notIv`).
import { parseColumnName } from './columnName.ts';
import { commentFrom, firstWins, type HeaderEntries } from './headerEntries.ts';
import { nanonisDateToIso } from './nanonisDate.ts';
import { emptyParsedFile, positionFromHeader, setpointFromHeader } from './parsedFile.ts';
import { pickBiasColumn, pickCurrentQuantity, spectraFromColumns } from './spectrumColumns.ts';
import { parseTabTable } from './tabTable.ts';
import { ParseError, type ChannelColumn, type FileKind, type ParsedFile } from './types.ts';

const DATA_MARKER = '[DATA]';

interface DatHeader {
  entries: HeaderEntries;
  /** Index in the text of the line after `[DATA]` (the column names). */
  bodyStart: number;
}

/** Reads header lines up to `[DATA]`. Values lose the one trailing tab Nanonis writes. */
function readHeader(text: string): DatHeader {
  const entries: HeaderEntries = [];
  let pos = 0;
  while (pos < text.length) {
    const newline = text.indexOf('\n', pos);
    const next = newline === -1 ? text.length : newline + 1;
    let line = text.slice(pos, newline === -1 ? text.length : newline);
    if (line.endsWith('\r')) line = line.slice(0, -1);
    pos = next;
    if (line.trim() === DATA_MARKER) return { entries, bodyStart: pos };
    if (line.trim() === '') continue;
    const tab = line.indexOf('\t');
    if (tab === -1) {
      entries.push([line.trim(), '']);
      continue;
    }
    let value = line.slice(tab + 1);
    if (value.endsWith('\t')) value = value.slice(0, -1);
    entries.push([line.slice(0, tab), value]);
  }
  throw new ParseError('missing-data', `no ${DATA_MARKER} line after ${entries.length} header lines`);
}

const KINDS = new Map<string, FileKind>([
  ['bias spectroscopy', 'bias-spectroscopy'],
  ['z spectroscopy', 'z-spectroscopy'],
  ['sweep', 'sweep'],
  ['frequency sweep', 'frequency-sweep'],
]);

export function kindOfExperiment(experiment: string | undefined): FileKind {
  return KINDS.get((experiment ?? '').trim().toLowerCase()) ?? 'other';
}

function notIvReason(
  kind: FileKind,
  experiment: string | undefined,
  columns: ChannelColumn[],
): string | null {
  switch (kind) {
    case 'bias-spectroscopy':
      return null;
    case 'z-spectroscopy':
      return 'Z spectroscopy (signals against tip height), not an I–V sweep';
    case 'sweep':
      return `generic Sweep experiment (swept signal ${columns[0]?.name ?? 'unknown'}), not an I–V sweep`;
    case 'frequency-sweep':
      return 'Frequency Sweep (oscillator resonance), not an I–V sweep';
    default:
      return experiment === undefined
        ? 'no Experiment line in the header, so not known to be an I–V sweep'
        : `experiment "${experiment.trim()}" is not bias spectroscopy`;
  }
}

/** Parses a Nanonis .dat file. Throws ParseError on a missing `[DATA]` or a non-numeric cell. */
export function parseNanonisDat(bytes: Uint8Array, _name: string): ParsedFile {
  if (bytes.length === 0) throw new ParseError('empty', 'file is empty');
  const text = new TextDecoder('latin1').decode(bytes);
  const { entries, bodyStart } = readHeader(text);
  const header = firstWins(entries);
  const table = parseTabTable(text, bodyStart);

  const channels: ChannelColumn[] = table.names.map((name, i) => ({
    name,
    ...parseColumnName(name),
    values: table.columns[i] as Float64Array,
  }));

  const experiment = header['Experiment'];
  const kind = kindOfExperiment(experiment);
  const parsed = emptyParsedFile('nanonis-dat', kind);
  parsed.header = header;
  parsed.headerEntries = entries;
  parsed.position = positionFromHeader(header);
  parsed.acquiredAt = nanonisDateToIso(header['Start time']) ?? nanonisDateToIso(header['Date']);
  parsed.setpoint = setpointFromHeader(header);
  parsed.comment = commentFrom(entries, /^Comment\d*$/);
  parsed.channels = channels;
  parsed.notIv = notIvReason(kind, experiment, channels);
  if (kind !== 'bias-spectroscopy') return parsed;

  const bias = pickBiasColumn(channels);
  const currentQuantity = pickCurrentQuantity(channels);
  if (!bias) {
    parsed.notIv = 'bias spectroscopy without a bias column (no "Bias calc (V)" or "Bias (V)")';
  } else if (currentQuantity === undefined) {
    parsed.notIv = 'bias spectroscopy without a current column (no unfiltered column in A)';
  } else if (bias.values.length === 0) {
    parsed.notIv = 'bias spectroscopy with no data rows';
  } else {
    parsed.spectra = spectraFromColumns(channels, bias, currentQuantity, {
      position: parsed.position,
      gridIndex: null,
    });
  }
  return parsed;
}
