// Which map the Grid view shows: a channel at a bias, numerical dI/dV, a parameter recorded at each
// pixel (Z: the grid's own topography), or a per-pixel analysis map.
import type { GridCube } from '../../../shared/formats/nanonis3dsCube.ts';
import { mappableParameters } from '../../../shared/grid/parameterMap.ts';
import { ANALYSIS_MAPS, type AnalysisMapName } from './gridDisplay.ts';

export type Shown =
  | { kind: 'channel'; index: number }
  | { kind: 'didv' }
  | { kind: 'analysis'; name: AnalysisMapName }
  | { kind: 'parameter'; name: string };

/** The tip height where each sweep was taken (`Z (m)`), or during the scan (`Scan:Z (m)`). */
export const isTopography = (parameter: string): boolean => /^(Scan:)?Z \(m\)$/.test(parameter);

function valueOf(shown: Shown): string {
  if (shown.kind === 'channel') return `ch:${shown.index}`;
  if (shown.kind === 'didv') return 'didv:';
  if (shown.kind === 'parameter') return `par:${shown.name}`;
  return `an:${shown.name}`;
}

function shownOf(value: string): Shown {
  const [kind, ...rest] = value.split(':') as [string, ...string[]];
  const name = rest.join(':');
  if (kind === 'didv') return { kind: 'didv' };
  if (kind === 'ch') return { kind: 'channel', index: Number(name) };
  if (kind === 'par') return { kind: 'parameter', name };
  return { kind: 'analysis', name: name as AnalysisMapName };
}

export function GridMapSelect({
  cube,
  shown,
  didvAvailable,
  analysisReady,
  onShow,
}: {
  cube: GridCube | null;
  shown: Shown;
  didvAvailable: boolean;
  analysisReady: boolean;
  onShow(shown: Shown): void;
}) {
  return (
    <label>
      Map{' '}
      <select
        data-testid="grid-map-select"
        value={valueOf(shown)}
        onChange={(e) => onShow(shownOf(e.target.value))}
      >
        <optgroup label="Channel at a bias">
          {cube?.channels.map((c, i) => (
            <option key={c.name} value={`ch:${i}`}>
              {c.name}
            </option>
          ))}
          <option value="didv:" disabled={!didvAvailable}>
            dI/dV (numerical, from the current)
          </option>
        </optgroup>
        <optgroup label="Recorded at each pixel">
          {cube &&
            mappableParameters(cube).map((name) => (
              <option key={name} value={`par:${name}`}>
                {isTopography(name) ? `${name}: topography` : name}
              </option>
            ))}
        </optgroup>
        <optgroup label="Analysis (per pixel)">
          {ANALYSIS_MAPS.map((m) => (
            <option key={m.name} value={`an:${m.name}`} disabled={!analysisReady}>
              {m.title}
            </option>
          ))}
        </optgroup>
      </select>
    </label>
  );
}
