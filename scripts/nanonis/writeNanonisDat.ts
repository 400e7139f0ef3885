// Writes a Nanonis bias-spectroscopy .dat as the instrument does (CRLF, `key\tvalue\t` header,
// [DATA], tab-separated columns), for benchmark and demo sessions with known content.
export interface SweepCurrents {
  /** Current of the forward and backward sweep, amperes. */
  forward: Float64Array;
  backward: Float64Array;
}

export interface SyntheticSpectrumFile {
  /** Tip position, metres. */
  x: number;
  y: number;
  /** Bias points, volts (forward direction order). */
  bias: Float64Array;
  /** One entry per repeated sweep; several sweeps are written as [0000n] columns plus [AVG]. */
  sweeps: SweepCurrents[];
  /** dd.mm.yyyy hh:mm:ss */
  date: string;
  comment?: string;
}

/** Nanonis writes engineering-style exponents, e.g. 1.234567E-9. */
export function nanonisNumber(value: number): string {
  return value.toExponential(6).replace('e', 'E').replace('E+', 'E+');
}

function header(file: SyntheticSpectrumFile): Array<[string, string]> {
  return [
    ['Experiment', 'bias spectroscopy'],
    ['Date', file.date],
    ['User', ''],
    ['X (m)', nanonisNumber(file.x)],
    ['Y (m)', nanonisNumber(file.y)],
    ['Z (m)', nanonisNumber(-101.9e-9)],
    ['Z offset (m)', '0E+0'],
    ['Settling time (s)', '2E-3'],
    ['Integration time (s)', '30E-3'],
    ['Z-Ctrl hold', 'TRUE'],
    ['Final Z (m)', 'N/A'],
    ['Start time', file.date],
    ['Bias>Bias (V)', '100E-3'],
    ['Current>Current (A)', '1E-9'],
    ['Bias Spectroscopy>Sweep Start (V)', nanonisNumber(file.bias[0] ?? 0)],
    ['Bias Spectroscopy>Sweep End (V)', nanonisNumber(file.bias[file.bias.length - 1] ?? 0)],
    ['Bias Spectroscopy>Num Pixel', String(file.bias.length)],
    ['Bias Spectroscopy>backward sweep', 'TRUE'],
    ['Bias Spectroscopy>Number of sweeps', String(file.sweeps.length)],
    ['Bias Spectroscopy>Channels', 'Current (A)'],
    ['Comment01', file.comment ?? ''],
  ];
}

export function writeNanonisDat(file: SyntheticSpectrumFile): string {
  const lines = header(file).map(([key, value]) => `${key}\t${value}\t`);
  const columns: Array<{ name: string; values: Float64Array }> = [
    { name: 'Bias calc (V)', values: file.bias },
  ];
  if (file.sweeps.length === 1) {
    const [only] = file.sweeps as [SweepCurrents];
    columns.push(
      { name: 'Current (A)', values: only.forward },
      { name: 'Current [bwd] (A)', values: only.backward },
    );
  } else {
    const mean = (pick: (sweep: SweepCurrents) => Float64Array): Float64Array =>
      file.bias.map(
        (_, i) =>
          file.sweeps.reduce((sum, sweep) => sum + (pick(sweep)[i] as number), 0) / file.sweeps.length,
      );
    columns.push({ name: 'Current [AVG] (A)', values: mean((s) => s.forward) });
    file.sweeps.forEach((sweep, k) =>
      columns.push({ name: `Current [${String(k + 1).padStart(5, '0')}] (A)`, values: sweep.forward }),
    );
    columns.push({ name: 'Current [AVG] [bwd] (A)', values: mean((s) => s.backward) });
    file.sweeps.forEach((sweep, k) =>
      columns.push({ name: `Current [${String(k + 1).padStart(5, '0')}] [bwd] (A)`, values: sweep.backward }),
    );
  }
  lines.push('', '[DATA]', columns.map((column) => column.name).join('\t'));
  for (let i = 0; i < file.bias.length; i++) {
    lines.push(columns.map((column) => nanonisNumber(column.values[i] as number)).join('\t'));
  }
  return lines.join('\r\n') + '\r\n';
}
