// Omicron MATRIX data files, read together with the session's `<experiment>_0001.mtrx` parameter
// file: the data file holds int32 counts and a channel key; the parameter file resolves the key to
// the channel's axes (sweep ramp or scan frame, mirrored or not), its transfer function to physical
// units, and the parameters in force when the file was saved. Without the parameter file the data
// file is parsed for structure only and says why. Layouts: omicronMatrixLayout.ts.
import { firstWins, type HeaderEntries } from './headerEntries.ts';
import { readMatrixDataFile, transferFunction, type MatrixDataFile } from './omicronMatrixData.ts';
import { matrixCurves } from './omicronMatrixCurves.ts';
import { arrangeImages } from './omicronMatrixLayout.ts';
import {
  readMatrixSession,
  type MatrixChannel,
  type MatrixParameter,
  type MatrixSession,
} from './omicronMatrixParameters.ts';
import { emptyParsedFile } from './parsedFile.ts';
import { ParseError, type FileKind, type ImageRecord, type ParsedFile } from './types.ts';
import { matrixMissingParameterReason, matrixParameterFileName } from './omicronMatrixNames.ts';

export { matrixMissingParameterReason, matrixParameterFileName };

/** The channel from a data file name: `…--2_1.I(V)_mtrx` gives `I(V)`. */
export function matrixChannel(name: string): string {
  const match = /\.([^.]+)_mtrx$/i.exec(name);
  return match ? (match[1] as string) : '';
}

/** UTC seconds since 1970 as ISO 8601 with `Z` (MATRIX stores UTC; local time is unknown). */
function utcIso(seconds: number): string {
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? '' : date.toISOString().replace('.000Z', 'Z');
}

function countText(data: MatrixDataFile): string {
  return data.written === data.announced
    ? `${data.written} points`
    : `${data.written} of ${data.announced} points written`;
}

function baseEntries(name: string, data: MatrixDataFile): HeaderEntries {
  const cycles = /--(\d+)_(\d+)\./.exec(name);
  return [
    ['Format', 'ONTMATRX0101'],
    ['Channel', matrixChannel(name)],
    ['Run cycle', cycles?.[1] ?? ''],
    ['Scan cycle', cycles?.[2] ?? ''],
    ['Timestamp (UTC)', utcIso(data.seconds)],
    ['Points announced', String(data.announced)],
    ['Points written', String(data.written)],
  ];
}

/** Without the parameter file: structure and raw counts, and the reason no spectra or images. */
function structuralOnly(name: string, data: MatrixDataFile, reason: string): ParsedFile {
  const channel = matrixChannel(name);
  const lower = channel.toLowerCase();
  const kind: FileKind = lower.endsWith('(v)')
    ? 'bias-spectroscopy'
    : lower.endsWith('(z)')
      ? 'z-spectroscopy'
      : 'other';
  const parsed = emptyParsedFile('omicron-matrix', kind);
  parsed.headerEntries = baseEntries(name, data);
  parsed.header = firstWins(parsed.headerEntries);
  parsed.channels = [
    {
      name: `${channel || 'data'} (DAC counts)`,
      quantity: channel || 'data',
      unit: '',
      sweep: null,
      direction: 'forward',
      filtered: false,
      values: Float64Array.from(data.counts),
    },
  ];
  parsed.notIv = `Omicron MATRIX ${channel || 'data'} file, ${countText(data)}: ${reason}`;
  return parsed;
}

function parameterNumber(session: MatrixSession, key: string): number | null {
  const value = session.parameters.get(key)?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function parameterText(parameter: MatrixParameter): string {
  const value = typeof parameter.value === 'number' ? String(parameter.value) : String(parameter.value);
  return parameter.unit && parameter.unit !== '--' ? `${value} ${parameter.unit}` : value;
}

function sessionEntries(
  session: MatrixSession,
  channel: MatrixChannel,
  parameterFile: string,
): HeaderEntries {
  const entries: HeaderEntries = [
    ['Parameter file', parameterFile],
    ['Referenced by the parameter file', session.referenced ? 'yes' : 'no (its last state was used)'],
    ['Channel unit', channel.unit],
    [
      'Axis',
      `${channel.axis.name} (${channel.axis.mirrored ? 'mirrored' : 'not mirrored'}, ${channel.axis.length ?? '?'} points)`,
    ],
  ];
  if (channel.slowAxis) {
    const slow = channel.slowAxis;
    entries.push([
      'Slow axis',
      `${slow.name} (${slow.mirrored ? 'mirrored' : 'not mirrored'}, ${slow.length ?? '?'} points)`,
    ]);
  }
  if (channel.transfer) {
    const params = Object.entries(channel.transfer.params).map(([key, value]) => `${key}=${String(value)}`);
    entries.push([
      'Transfer function',
      `${channel.transfer.kind} (${channel.transfer.unit}): ${params.join(', ')}`,
    ]);
  }
  entries.push(
    ['Sample', session.sample],
    ['Data set', session.dataSet],
    ['Creation comment', session.comment],
  );
  if (session.stsLocation !== null) entries.push(['STS location', session.stsLocation]);
  for (const [key, parameter] of session.parameters) entries.push([key, parameterText(parameter)]);
  return entries;
}

function imagesOf(data: Float64Array, channel: MatrixChannel, session: MatrixSession): ImageRecord[] {
  const slow = channel.slowAxis;
  if (!slow) return [];
  const frame = {
    centreX: parameterNumber(session, 'XYScanner.X_Offset') ?? 0,
    centreY: parameterNumber(session, 'XYScanner.Y_Offset') ?? 0,
    width: parameterNumber(session, 'XYScanner.Width') ?? NaN,
    height: parameterNumber(session, 'XYScanner.Height') ?? NaN,
    angleDeg: parameterNumber(session, 'XYScanner.Angle') ?? 0,
  };
  return arrangeImages(channel.axis, slow, data).map((image) => ({
    channel: image.down ? `${channel.name} down` : channel.name,
    unit: channel.transfer?.unit ?? channel.unit,
    direction: image.direction,
    width: image.width,
    height: image.height,
    data: image.data,
    frame: { ...frame },
  }));
}

/**
 * Parses one MATRIX data file with the bytes of its session's parameter file (null when it is not
 * beside it). The parameter file itself is refused with `unsupported-format`.
 */
export function parseOmicronMatrix(
  bytes: Uint8Array,
  name: string,
  parameterFile: Uint8Array | null = null,
): ParsedFile {
  const data = readMatrixDataFile(bytes);
  const parameterName = matrixParameterFileName(name) ?? '<experiment>_0001.mtrx';
  if (parameterFile === null) {
    return structuralOnly(name, data, matrixMissingParameterReason(parameterName));
  }
  const session = readMatrixSession(parameterFile, name);
  const channel = session.channel(data.channelKey);
  if (!channel) {
    return structuralOnly(name, data, `channel key ${data.channelKey} is not in ${parameterName}`);
  }
  if (!channel.transfer)
    throw new ParseError('bad-parameter-file', `no transfer function for channel ${channel.name}`);
  const convert = transferFunction(channel.transfer);
  const values = new Float64Array(data.written);
  for (let i = 0; i < data.written; i++) values[i] = convert(data.counts[i] as number);

  const entries = [...baseEntries(name, data), ...sessionEntries(session, channel, parameterName)];
  if (data.written < data.announced) entries.push(['Incomplete', `${countText(data)} (acquisition stopped)`]);
  const parsed = channel.slowAxis
    ? Object.assign(emptyParsedFile('omicron-matrix', 'image'), {
        images: imagesOf(values, channel, session),
      })
    : matrixCurves(values, channel, session);
  parsed.setpoint = {
    biasV: parameterNumber(session, 'GapVoltageControl.Voltage'),
    currentA:
      session.parameters.get('Regulator.Setpoint_1')?.unit === 'Ampere'
        ? parameterNumber(session, 'Regulator.Setpoint_1')
        : null,
  };
  const notes = session.channelComments.get(data.channelKey) ?? [];
  for (const note of notes) entries.push(['Channel comment', note]);
  parsed.headerEntries = entries;
  parsed.header = firstWins(entries);
  parsed.comment = [
    session.comment,
    ...notes,
    data.written < data.announced ? `Incomplete: ${countText(data)}` : '',
  ]
    .filter((line) => line !== '')
    .join('\n');
  return parsed;
}
