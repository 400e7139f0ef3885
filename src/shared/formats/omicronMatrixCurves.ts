// MATRIX curves (`I(V)`, `Aux2(V)`, `I(Z)`, `I(t)` …): the ramp axis from the parameters in force
// (Spectroscopy Device_k Start/End for V and Z ramps, ClockN Period for time traces), the values split
// into sweeps (omicronMatrixLayout.ts), and I(V) in amperes as SpectrumRecords in acquisition order.
import { splitCurves, pointsPerSweep } from './omicronMatrixLayout.ts';
import type { MatrixChannel, MatrixSession } from './omicronMatrixParameters.ts';
import { emptyParsedFile } from './parsedFile.ts';
import type { ChannelColumn, FileKind, ParsedFile, Position, SpectrumRecord } from './types.ts';

const SI_UNITS: Record<string, string> = { Volt: 'V', Meter: 'm', Second: 's', Ampere: 'A' };

interface Ramp {
  quantity: string;
  unit: string;
  /** Value at ramp index i. */
  at: (i: number) => number;
}

function numberAt(session: MatrixSession, key: string): number | null {
  const value = session.parameters.get(key)?.value;
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** The ramp of `Default::<Element>::<axis>`: start + i·(end − start)/(n − 1), or i·period. */
function rampOf(channel: MatrixChannel, session: MatrixSession, points: number): Ramp {
  const [, element = '', axis = ''] = channel.axis.name.split('::');
  if (element === 'Spectroscopy') {
    const wanted = axis === 'V' ? 'Volt' : axis === 'Z' ? 'Meter' : '';
    for (let device = 1; device <= 4; device++) {
      const start = session.parameters.get(`Spectroscopy.Device_${device}_Start`);
      const end = numberAt(session, `Spectroscopy.Device_${device}_End`);
      if (start?.unit !== wanted || typeof start.value !== 'number' || end === null) continue;
      const from = start.value;
      const step = points > 1 ? (end - from) / (points - 1) : 0;
      return {
        quantity: axis === 'V' ? 'Bias' : 'Z',
        unit: SI_UNITS[wanted] as string,
        at: (i) => from + i * step,
      };
    }
  }
  const period = element.startsWith('Clock') ? numberAt(session, `${element}.Period`) : null;
  if (period !== null) return { quantity: 'Time', unit: 's', at: (i) => i * period };
  return { quantity: axis || 'Index', unit: '', at: (i) => i };
}

/** `px,py;x,y%%…` relative to the scan centre, placed in the scanner frame (offset, angle). */
function positionOf(session: MatrixSession): Position | null {
  const match = /^-?\d+,-?\d+;([^,;%]+),([^,;%]+)/.exec(session.stsLocation ?? '');
  if (!match) return null;
  const dx = Number(match[1]);
  const dy = Number(match[2]);
  if (!Number.isFinite(dx) || !Number.isFinite(dy)) return null;
  const angle = ((numberAt(session, 'XYScanner.Angle') ?? 0) * Math.PI) / 180;
  return {
    x: (numberAt(session, 'XYScanner.X_Offset') ?? 0) + dx * Math.cos(angle) - dy * Math.sin(angle),
    y: (numberAt(session, 'XYScanner.Y_Offset') ?? 0) + dx * Math.sin(angle) + dy * Math.cos(angle),
    z: null,
  };
}

function kindOf(ramp: Ramp, unit: string, name: string): { kind: FileKind; notIv: string | null } {
  if (ramp.quantity === 'Bias') {
    return unit === 'A'
      ? { kind: 'bias-spectroscopy', notIv: null }
      : {
          kind: 'other',
          notIv: `Omicron MATRIX ${name} curve in ${unit || 'no unit'}, not a tunnelling current`,
        };
  }
  if (ramp.quantity === 'Z')
    return {
      kind: 'z-spectroscopy',
      notIv: `Omicron MATRIX ${name} curve (Z spectroscopy), not an I–V sweep`,
    };
  if (ramp.quantity === 'Time')
    return { kind: 'other', notIv: `Omicron MATRIX ${name} current-time trace, not an I–V sweep` };
  return { kind: 'other', notIv: `Omicron MATRIX ${name} curve along ${ramp.quantity}, not an I–V sweep` };
}

/** Curves of one data file as columns and, for I(V) in amperes, spectra (≥ 2 points each). */
export function matrixCurves(
  values: Float64Array,
  channel: MatrixChannel,
  session: MatrixSession,
): ParsedFile {
  const points = pointsPerSweep(channel.axis);
  const ramp = rampOf(channel, session, points);
  const unit = channel.transfer?.unit ?? channel.unit;
  const { kind, notIv } = kindOf(ramp, unit, channel.name);
  const curves = splitCurves(channel.axis, values);
  const parsed = emptyParsedFile('omicron-matrix', kind);
  const repeated = curves.length > (channel.axis.mirrored ? 2 : 1);
  const columns: ChannelColumn[] = [];
  const spectra: SpectrumRecord[] = [];
  const position = kind === 'bias-spectroscopy' || kind === 'z-spectroscopy' ? positionOf(session) : null;
  for (const curve of curves) {
    const axisValues = Float64Array.from(curve.rampIndex, (i) => ramp.at(i));
    const shared = { sweep: repeated ? curve.sweep : null, direction: curve.direction, filtered: false };
    columns.push(
      {
        name: `${ramp.quantity} (${ramp.unit})`,
        quantity: ramp.quantity,
        unit: ramp.unit,
        ...shared,
        values: axisValues,
      },
      { name: `${channel.name} (${unit})`, quantity: channel.name, unit, ...shared, values: curve.values },
    );
    if (kind === 'bias-spectroscopy' && curve.values.length >= 2) {
      spectra.push({
        sweep: curve.sweep,
        isAverage: false,
        direction: curve.direction,
        bias: axisValues,
        current: curve.values,
        extra: [],
        position,
        gridIndex: null,
      });
    }
  }
  parsed.channels = columns;
  parsed.spectra = spectra;
  parsed.position = position;
  parsed.notIv =
    notIv ??
    (spectra.length === 0
      ? `Omicron MATRIX ${channel.name}: only ${values.length} of ${points} points of the first sweep written`
      : null);
  return parsed;
}
