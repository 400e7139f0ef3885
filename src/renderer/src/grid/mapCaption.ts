// What the Grid view's map shows, in words: its unit, the quantity the colour bar names ("Current",
// "dI/dV", "Gap Eg") and the title above it, with the bias (and window) the map is for.
import { parseColumnName } from '../../../shared/formats/columnName.ts';
import type { GridCube } from '../../../shared/formats/nanonis3dsCube.ts';
import type { AnalysedChannel } from '../../../shared/grid/gridChannel.ts';
import { formatSi } from '../lib/axisKit.ts';
import { ANALYSIS_MAPS } from './gridDisplay.ts';
import { isTopography, type Shown } from './GridMapSelect.tsx';

export interface MapCaption {
  unit: string;
  quantity: string;
  title: string;
}

export function mapCaption(
  shown: Shown,
  cube: GridCube | null,
  channel: AnalysedChannel | null,
  /** The bias (or Z) the map is for, in the sweep's unit, and the window's full width (mV). */
  at: { value: number; windowMv: number },
): MapCaption {
  const sweep = parseColumnName(cube?.layout.sweepSignal ?? 'Bias (V)');
  const window = ` (±${at.windowMv / 2} mV)`;
  if (shown.kind === 'parameter') {
    const { quantity, unit } = parseColumnName(shown.name);
    const own = isTopography(shown.name) ? ' (the grid’s own topography)' : '';
    return { unit, quantity, title: `${quantity} at each pixel${own}` };
  }
  if (shown.kind === 'didv') {
    const unit = channel?.signal === 'didv' ? (cube?.channels[channel.index]?.unit ?? '') : 'A/V';
    return { unit, quantity: 'dI/dV', title: `dI/dV (numerical) at ${formatSi(at.value, 'V')}${window}` };
  }
  if (shown.kind === 'channel') {
    const quantity = parseColumnName(cube?.channels[shown.index]?.name ?? '').quantity;
    return {
      unit: cube?.channels[shown.index]?.unit ?? '',
      quantity,
      title: `${quantity} at ${formatSi(at.value, sweep.unit)}${sweep.unit === 'V' ? window : ''}`,
    };
  }
  const map = ANALYSIS_MAPS.find((m) => m.name === shown.name);
  return { unit: map?.unit ?? '', quantity: map?.title ?? '', title: map?.title ?? '' };
}
