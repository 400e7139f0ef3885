// Labels with their counts: markers in this frame, and spectra in the whole library. Clicking a
// label selects its markers.
import type { LabelRow } from '../../../shared/model/library.ts';
import { labelColour, UNLABELLED_COLOUR } from './labelColours.ts';
import type { TopoMarker } from './markers.ts';

export function LabelLegend({
  markers,
  labels,
  onSelectLabel,
}: {
  markers: readonly TopoMarker[];
  labels: readonly LabelRow[];
  onSelectLabel(label: string | null): void;
}) {
  const inFrame = new Map<string | null, number>();
  for (const m of markers) inFrame.set(m.label, (inFrame.get(m.label) ?? 0) + 1);
  const names = [
    ...new Set([...labels.filter((l) => l.spectra > 0).map((l) => l.name), ...inFrame.keys()]),
  ].filter((n): n is string => n !== null);
  const unlabelled = inFrame.get(null) ?? 0;
  return (
    <table className="topo-legend" data-testid="label-legend">
      <thead>
        <tr>
          <th>Label</th>
          <th className="num" title="Markers (tip positions × sweeps) in this frame">
            here
          </th>
          <th className="num" title="Spectra in the library, both directions">
            library
          </th>
        </tr>
      </thead>
      <tbody>
        {names.map((name) => (
          <tr
            key={name}
            data-testid="legend-item"
            data-label={name}
            data-count={inFrame.get(name) ?? 0}
            onClick={() => onSelectLabel(name)}
            title="Select these markers"
          >
            <td>
              <span className="topo-swatch" style={{ background: labelColour(name, labels) }} />
              {name}
            </td>
            <td className="num">{inFrame.get(name) ?? 0}</td>
            <td className="num">{labels.find((l) => l.name === name)?.spectra ?? 0}</td>
          </tr>
        ))}
        <tr
          data-testid="legend-item"
          data-label=""
          data-count={unlabelled}
          onClick={() => onSelectLabel(null)}
          title="Select the unlabelled markers"
        >
          <td>
            <span className="topo-swatch outline" style={{ borderColor: UNLABELLED_COLOUR }} />
            <em>unlabelled</em>
          </td>
          <td className="num">{unlabelled}</td>
          <td className="num" />
        </tr>
      </tbody>
    </table>
  );
}
