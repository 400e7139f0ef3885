// The spectra of a clicked histogram bar, with their edges; a row click selects one spectrum.
import type { AnalysisSpectrumResult, AnalysisSpectrum } from '../../../../shared/api/contract.ts';
import { fixed } from '../plot/units.ts';
import type { BinSelection } from './quantities.ts';
import { QUANTITY_TITLES } from './quantities.ts';

export function BinSpectraTable({
  bin,
  rows,
  spectra,
  selectedId,
  onSelect,
}: {
  bin: BinSelection;
  rows: AnalysisSpectrumResult[];
  spectra: ReadonlyMap<number, AnalysisSpectrum>;
  selectedId: number | null;
  onSelect(id: number): void;
}) {
  return (
    <div data-testid="bin-spectra">
      <p className="note">
        {bin.label} · {QUANTITY_TITLES[bin.quantity]} in [{fixed(bin.lo, 3)}, {fixed(bin.hi, 3)}
        {bin.last ? ']' : ')'} eV: {rows.length} spectra
      </p>
      <div className="scroll">
        <table>
          <thead>
            <tr>
              <th>File</th>
              <th className="num">Sweep</th>
              <th className="num">VBM (eV)</th>
              <th className="num">CBM (eV)</th>
              <th className="num">Eg (eV)</th>
              <th className="num">Deep trap (V)</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr
                key={r.spectrumId}
                className={r.spectrumId === selectedId ? 'selected' : undefined}
                onClick={() => onSelect(r.spectrumId)}
              >
                <td>{spectra.get(r.spectrumId)?.name ?? `#${r.spectrumId}`}</td>
                <td className="num">{r.sweepInSeries}</td>
                <td className="num">{fixed(r.vbm, 3)}</td>
                <td className="num">{fixed(r.cbm, 3)}</td>
                <td className="num">{fixed(r.gap, 3)}</td>
                <td className="num">{fixed(r.deepTrap, 4)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
