// Band diagram (Fig. 3e) with optional user-entered UPS VBM, work function and optical gap.
import { useState } from 'react';
import { useAnalysis } from '../AnalysisContext.tsx';
import { FigurePanel } from '../export/FigurePanel.tsx';
import { BandDiagramFigure, columnsOf, drawnInDiagram } from './BandDiagramFigure.tsx';
import type { ExternalLevels } from './BandDiagramFigure.tsx';
import { fixed } from '../plot/units.ts';

function OptionalNumber({
  label,
  value,
  onChange,
  testId,
}: {
  label: string;
  value: number | null;
  onChange(v: number | null): void;
  testId: string;
}) {
  return (
    <label className="recipe-field">
      {label}
      <input
        type="number"
        step={0.01}
        value={value ?? ''}
        data-testid={testId}
        onChange={(e) => onChange(Number.isFinite(e.target.valueAsNumber) ? e.target.valueAsNumber : null)}
      />
    </label>
  );
}

export function BandDiagramView() {
  const { run, colourOf } = useAnalysis();
  const [external, setExternal] = useState<ExternalLevels>({
    upsVbm: null,
    workFunction: null,
    opticalGap: null,
  });
  const columns = columnsOf(run.groups, colourOf, external);
  // The groups left out, and what they lack: an empty diagram must not look like a broken one.
  const notDrawn = run.groups
    .filter((g) => !drawnInDiagram(g))
    .map((g) => {
      const edge = (name: string, mean: number | null): string =>
        mean === null ? `no ${name}` : `${name} ${fixed(mean, 3)} eV`;
      return `${g.label} (n = ${g.counted}: ${edge('VBM', g.stats.vbm.mean)}, ${edge('CBM', g.stats.cbm.mean)})`;
    });
  const set = (key: keyof ExternalLevels) => (v: number | null) => setExternal({ ...external, [key]: v });
  return (
    <FigurePanel
      title="Band diagram"
      testId="band-diagram"
      controls={
        <span className="diagram-inputs">
          <OptionalNumber
            label="UPS VBM (eV vs E_F)"
            value={external.upsVbm}
            onChange={set('upsVbm')}
            testId="ups-vbm"
          />
          <OptionalNumber
            label="Work function Φ (eV)"
            value={external.workFunction}
            onChange={set('workFunction')}
            testId="work-function"
          />
          <OptionalNumber
            label="Optical gap (eV)"
            value={external.opticalGap}
            onChange={set('opticalGap')}
            testId="optical-gap"
          />
        </span>
      }
      spec={{
        run,
        name: 'band-diagram',
        view: { external },
        csv: () => ({
          header: [
            'column',
            'vbm_mean_eV',
            'vbm_std_eV',
            'cbm_mean_eV',
            'cbm_std_eV',
            'gap_mean_eV',
            'gap_std_eV',
            'n',
          ],
          rows: [
            ...run.groups.map((g) => [
              g.label,
              g.stats.vbm.mean,
              g.stats.vbm.std,
              g.stats.cbm.mean,
              g.stats.cbm.std,
              g.stats.gap.mean,
              g.stats.gap.std,
              g.counted,
            ]),
            ...(external.upsVbm !== null
              ? [
                  [
                    'UPS + optical (user input)',
                    external.upsVbm,
                    null,
                    external.opticalGap === null ? null : external.upsVbm + external.opticalGap,
                    null,
                    external.opticalGap,
                    null,
                    null,
                  ],
                ]
              : []),
          ],
        }),
      }}
      caption="Levels relative to the Fermi level (E_F = 0, dashed): bold lines are the group means of VBM and CBM over one sweep per spot, darker bands mean ± s.d. Optional UPS VBM and optical gap are drawn dashed in their own column; a work function adds the vacuum-referenced axis on the right."
    >
      <BandDiagramFigure columns={columns} workFunction={external.workFunction} />
      {notDrawn.length > 0 && (
        <p className="note" data-testid="band-diagram-not-drawn">
          Not drawn (a column needs a mean VBM and a mean CBM): {notDrawn.join('; ')}.
        </p>
      )}
    </FigurePanel>
  );
}
