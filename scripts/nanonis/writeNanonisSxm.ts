// Writes a Nanonis .sxm topography as the instrument does: `:TAG:` header, `:SCANIT_END:`,
// \x1A\x04, then big-endian float32, channel x (forward, backward) x rows x columns, with the
// first stored row at the bottom for SCAN_DIR up and backward lines stored mirrored.
import { nanonisNumber } from './writeNanonisDat.ts';

export interface SxmChannel {
  name: string;
  unit: string;
  /** Row-major as displayed (row 0 at the top), width x height, forward direction. */
  forward: Float32Array;
  backward: Float32Array;
}

export interface SyntheticScan {
  width: number;
  height: number;
  /** Frame size and centre, metres; angle in degrees. */
  rangeX: number;
  rangeY: number;
  centreX: number;
  centreY: number;
  angleDeg: number;
  /** dd.mm.yyyy and hh:mm:ss */
  date: string;
  time: string;
  biasV: number;
  channels: SxmChannel[];
  comment: string;
  /** Slow-scan direction: `up` (default) stores the bottom row first, `down` the top row. */
  scanDirection?: 'up' | 'down';
  /**
   * Multipass scans: one row per pass and direction (pass 1 forward, pass 1 backward, pass 2 …),
   * written as `:Multipass-Config:`; name the channels `[P1]_Z`, `[P2]_Z` … to match.
   */
  multipass?: Array<{ overrideBias: boolean; biasV: number }>;
}

function multipassTable(rows: NonNullable<SyntheticScan['multipass']>): string {
  const titles = [
    'Record-Ch',
    'Playback',
    'Playback-Offset',
    'BOL-delay_[cycles]',
    'Bias_override',
    'Bias_override_value',
    'Z_Setp_override',
    'Z_Setp_override_value',
    'Speed_factor',
  ];
  const lines = rows.map((row) =>
    [
      '-1',
      'FALSE',
      '0.000E+0',
      '40000',
      row.overrideBias ? 'TRUE' : 'FALSE',
      row.biasV.toExponential(3).replace('e', 'E'),
      'FALSE',
      '0.000E+0',
      '1.000',
    ].join('\t'),
  );
  return [titles.join('\t'), ...lines].map((line) => `\t${line}`).join('\n');
}

function headerText(scan: SyntheticScan, fileName: string): string {
  const rows: Array<[string, string]> = [
    ['NANONIS_VERSION', '2'],
    ['SCANIT_TYPE', '              FLOAT            MSBFIRST'],
    ['REC_DATE', ` ${scan.date}`],
    ['REC_TIME', scan.time],
    ['REC_TEMP', '      290.0000000000'],
    ['ACQ_TIME', '       300.0'],
    ['SCAN_PIXELS', `       ${scan.width}       ${scan.height}`],
    ['SCAN_FILE', fileName],
    ['SCAN_TIME', '             5.000E-1             5.000E-1'],
    ['SCAN_RANGE', `           ${nanonisNumber(scan.rangeX)}           ${nanonisNumber(scan.rangeY)}`],
    ['SCAN_OFFSET', `             ${nanonisNumber(scan.centreX)}         ${nanonisNumber(scan.centreY)}`],
    ['SCAN_ANGLE', `            ${scan.angleDeg.toExponential(3).replace('e', 'E')}`],
    ['SCAN_DIR', scan.scanDirection ?? 'up'],
    ['BIAS', `            ${nanonisNumber(scan.biasV)}`],
    [
      'Z-CONTROLLER',
      '\tName\ton\tSetpoint\tP-gain\tI-gain\tT-const\n\tlog Current\t1\t1.000E-9 A\t1.000E-12 m\t1.000E-8 m/s\t1.000E-4 s',
    ],
    ['COMMENT', scan.comment],
    ['Bias>Bias (V)', nanonisNumber(scan.biasV)],
    ['Current>Current (A)', '1E-9'],
    ['Scan>channels', scan.channels.map((c) => `${c.name} (${c.unit})`).join(';')],
    ['Scan>pixels/line', String(scan.width)],
    ['Scan>lines', String(scan.height)],
  ];
  if (scan.multipass) rows.push(['Multipass-Config', multipassTable(scan.multipass)]);
  const info = ['\tChannel\tName\tUnit\tDirection\tCalibration\tOffset'];
  scan.channels.forEach((channel, i) =>
    info.push(`\t${i}\t${channel.name}\t${channel.unit}\tboth\t1.000E+0\t0.000E+0`),
  );
  const text = rows.map(([tag, value]) => `:${tag}:\n${value}\n`).join('');
  return `${text}:DATA_INFO:\n${info.join('\n')}\n\n:SCANIT_END:\n\n\n`;
}

/** Stores one displayed image in file order: bottom row first for SCAN_DIR up, mirrored if backward. */
function storeImage(
  view: DataView,
  offset: number,
  image: Float32Array,
  width: number,
  height: number,
  mirrored: boolean,
  scanUp: boolean,
): number {
  for (let fileRow = 0; fileRow < height; fileRow++) {
    const displayRow = scanUp ? height - 1 - fileRow : fileRow;
    for (let col = 0; col < width; col++) {
      const displayCol = mirrored ? width - 1 - col : col;
      view.setFloat32(offset, image[displayRow * width + displayCol] as number, false);
      offset += 4;
    }
  }
  return offset;
}

export function writeNanonisSxm(scan: SyntheticScan, fileName: string): Uint8Array {
  const header = new TextEncoder().encode(headerText(scan, fileName));
  const pixels = scan.width * scan.height;
  const bytes = new Uint8Array(header.length + 2 + scan.channels.length * 2 * pixels * 4);
  bytes.set(header, 0);
  bytes[header.length] = 0x1a;
  bytes[header.length + 1] = 0x04;
  const view = new DataView(bytes.buffer);
  let offset = header.length + 2;
  for (const channel of scan.channels) {
    const up = (scan.scanDirection ?? 'up') === 'up';
    offset = storeImage(view, offset, channel.forward, scan.width, scan.height, false, up);
    offset = storeImage(view, offset, channel.backward, scan.width, scan.height, true, up);
  }
  return bytes;
}
