// The library: import, browse files and spectra, select and label them, plot spectra, view a
// file's images.
import { useQuery } from '@tanstack/react-query';
import { lazy, Suspense, useCallback, useMemo, useRef, useState } from 'react';
import type { AnalysisScope, FileRow, ImageRow, SpectrumRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { useLabels, useSessions } from '../data/libraryQueries.ts';
import { queryKeys } from '../data/queryClient.ts';
import type { ImportState } from '../import/useAppImport.ts';
import { ImageView } from '../images/ImageView.tsx';
import { appLabelHistory, useLabelHistoryState } from '../labels/appLabelHistory.ts';
import { useLabelKeys } from '../labels/useLabelKeys.ts';
import { findPartnerSpectrum } from '../plots/partnerSpectrum.ts';
import { NO_SPECTRUM_SELECTED } from '../plots/plotNotes.ts';
import { FilesTable } from './FilesTable.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { LabelBar } from './LabelBar.tsx';
import { LabelsCsvButton, LabelsCsvReport, LabelsCsvSessionPicker } from './LabelsCsvImport.tsx';
import type { LabelsCsvResult } from './LabelsCsvImport.tsx';
import { clickRow, emptySelection, selectAll } from './rowSelection.ts';
import type { ClickMode, RowSelection } from './rowSelection.ts';
import { SessionsPanel } from './SessionsPanel.tsx';
import { SpectraTable } from './SpectraTable.tsx';
import { WatchPanel } from '../watch/WatchPanel.tsx';
import { SELECT_ALL_LIMIT } from './useSelectAllKey.ts';
import { Staged } from '../lib/stagedMount.tsx';
import { STAGE_FILES, STAGE_LISTS, STAGE_SPECTRA } from '../firstRenderStages.ts';

// The plot (uPlot, the analysis worker pool and the recipe's zod schemas behind it) is loaded in
// idle time after the page's first render (App.tsx) or when a first spectrum is selected: evaluating
// it was part of the page load's long tasks. Until then the panel shows what the plot shows with
// nothing selected.
const SpectrumPlot = lazy(() =>
  import('../plots/SpectrumPlot.tsx').then((m) => ({ default: m.SpectrumPlot })),
);

/** Spectra overlaid in the plot at most; a larger selection is for labelling. */
const PLOTTED = 12;
const NO_IMAGES: ImageRow[] = [];

/** Every spectrum (all sweeps, both directions, averages too, as a labels CSV does) of the files. */
async function spectraOfFiles(files: readonly FileRow[]): Promise<SpectrumRow[]> {
  const lists = await Promise.all(
    files
      .filter((f) => f.spectra > 0)
      .map((f) =>
        getApi().listSpectra({ fileId: f.id, includeAverages: true, limit: SELECT_ALL_LIMIT, offset: 0 }),
      ),
  );
  return lists.flatMap((l) => l.rows);
}

export function LibraryView({
  importState,
  onAnalyse,
}: {
  importState: ImportState;
  /** Analyse sessions or the selection on the Analysis tab. */
  onAnalyse(scope: AnalysisScope): void;
}) {
  const [files, setFiles] = useState<RowSelection<FileRow>>(emptySelection);
  const [spectra, setSpectra] = useState<RowSelection<SpectrumRow>>(emptySelection);
  /** The table the user last selected in: the label keys act on its selection. */
  const [target, setTarget] = useState<'files' | 'spectra'>('spectra');
  const labels = useLabels();
  const [csv, setCsv] = useState<LabelsCsvResult | null>(null);
  const history = useLabelHistoryState();

  /** One selected file filters the spectra list and shows its images. */
  const file = files.rows.size === 1 ? [...files.rows.values()][0]! : null;

  const imageFileId = file && file.images > 0 ? file.id : null;
  const { data: images = NO_IMAGES } = useQuery({
    queryKey: queryKeys.images({ fileId: imageFileId }),
    queryFn: async () => (await getApi().listImages({ fileId: imageFileId ?? 0 })).rows,
    enabled: imageFileId !== null,
  });

  /** Latest click; an older partner lookup that answers late is ignored. */
  const click = useRef(0);
  const clickSpectrum = (row: SpectrumRow, visible: SpectrumRow[], mode: ClickMode): void => {
    click.current++;
    setTarget('spectra');
    setSpectra((s) => clickRow(s, visible, row, mode));
    if (mode !== 'replace') return;
    // A plain click selects the sweep in both directions when the file recorded both.
    const request = click.current;
    findPartnerSpectrum(row).then(
      (partner) => {
        if (request !== click.current || !partner) return;
        setSpectra((s) => ({ rows: new Map([...s.rows, [partner.id, partner]]), anchor: s.anchor }));
      },
      () => undefined,
    );
  };
  const clickFile = (row: FileRow, visible: FileRow[], mode: ClickMode): void => {
    setTarget('files');
    setFiles((s) =>
      // Clicking the one selected file again deselects it: back to every spectrum.
      mode === 'replace' && s.rows.size === 1 && s.rows.has(row.id)
        ? emptySelection()
        : clickRow(s, visible, row, mode),
    );
  };

  const plotted = useMemo(() => [...spectra.rows.keys()].slice(0, PLOTTED), [spectra]);
  // The plot is mounted at the first selection and then kept (its channel choice with it).
  const [plotMounted, setPlotMounted] = useState(false);
  if (!plotMounted && plotted.length > 0) setPlotMounted(true);
  const selectedFiles = useMemo(() => [...files.rows.values()], [files]);
  const fileSpectraCount = selectedFiles.reduce((n, f) => n + f.spectra, 0);
  const count = target === 'files' ? fileSpectraCount : spectra.rows.size;
  const summary =
    target === 'files'
      ? selectedFiles.length === 0
        ? 'No files selected: click rows, Shift-click a range, Ctrl/Cmd+A for all.'
        : `${selectedFiles.length} file${selectedFiles.length === 1 ? '' : 's'} selected · ${fileSpectraCount} spectra`
      : spectra.rows.size === 0
        ? 'No spectra selected: click rows, Shift-click a range, Ctrl/Cmd+A for all.'
        : `${spectra.rows.size} spectr${spectra.rows.size === 1 ? 'um' : 'a'} selected`;

  const label = (name: string | null): void => {
    if (count === 0) return;
    if (target === 'spectra') {
      const rows = [...spectra.rows.values()];
      void appLabelHistory.apply(
        rows.map((r) => r.id),
        name,
        new Map(rows.map((r) => [r.id, r.label])),
      );
      return;
    }
    void spectraOfFiles(selectedFiles).then((rows) =>
      appLabelHistory.apply(
        rows.map((r) => r.id),
        name,
        new Map(rows.map((r) => [r.id, r.label])),
      ),
    );
  };
  const analyseSelection = (): void => {
    if (target === 'spectra') onAnalyse({ spectrumIds: [...spectra.rows.keys()] });
    else void spectraOfFiles(selectedFiles).then((rows) => onAnalyse({ spectrumIds: rows.map((r) => r.id) }));
  };
  const clearSelection = (): void =>
    target === 'files' ? setFiles(emptySelection()) : setSpectra(emptySelection());
  useLabelKeys({
    label,
    undo: () => void appLabelHistory.undo(),
    redo: () => void appLabelHistory.redo(),
    clearSelection,
  });

  const { rows: sessions } = useSessions();
  /** The session a labels CSV applies to; null: files of every session. */
  const [csvSessionId, setCsvSessionId] = useState<number | null>(null);
  const csvSession = sessions.find((s) => s.id === csvSessionId) ?? null;
  const importCsv = useCallback(
    (chosen: File[]) => {
      const scope = csvSession ? { sessionId: csvSession.id } : {};
      const session = csvSession?.name ?? null;
      for (const csvFile of chosen) {
        csvFile
          .text()
          .then((text) => getApi().importLabelsText({ text, ...scope }))
          .then(
            (outcome) => {
              setCsv({ name: csvFile.name, session, outcome, error: null });
              // Also reloads every view that shows labels (the history's 'saved' event).
              appLabelHistory.labelsReplaced();
            },
            (e: unknown) =>
              setCsv({
                name: csvFile.name,
                session,
                outcome: null,
                error: e instanceof Error ? e.message : String(e),
              }),
          );
      }
    },
    [csvSession],
  );

  return (
    <div className="library">
      <div className="column">
        <ImportPanel state={importState} onLabelsCsv={importCsv} />
        <Staged stage={STAGE_LISTS}>
          <WatchPanel />
        </Staged>
        <section className="panel" aria-label="Labels">
          <div className="table-head">
            <h2>Labels</h2>
            <LabelsCsvSessionPicker
              sessions={sessions}
              sessionId={csvSession?.id ?? null}
              onSession={setCsvSessionId}
            />
            <LabelsCsvButton onFiles={importCsv} />
          </div>
          <LabelBar
            summary={summary}
            count={count}
            labels={labels}
            canUndo={history.canUndo}
            canRedo={history.canRedo}
            onLabel={label}
            onUndo={() => void appLabelHistory.undo()}
            onRedo={() => void appLabelHistory.redo()}
            onClear={clearSelection}
            onAnalyse={analyseSelection}
          />
          {history.error && (
            <p role="alert" className="error">
              {history.error}
            </p>
          )}
          {csv && <LabelsCsvReport result={csv} />}
        </section>
        <Staged stage={STAGE_LISTS}>
          <SessionsPanel onAnalyse={onAnalyse} />
        </Staged>
        <Staged stage={STAGE_FILES}>
          <FilesTable
            selectedIds={new Set(files.rows.keys())}
            onClickRow={clickFile}
            onSelectAll={(rows) => {
              setTarget('files');
              setFiles(selectAll(rows));
            }}
          />
        </Staged>
        <Staged stage={STAGE_SPECTRA}>
          <SpectraTable
            fileId={file?.id ?? null}
            selectedIds={new Set(spectra.rows.keys())}
            onClickRow={clickSpectrum}
            onSelectAll={(rows) => {
              setTarget('spectra');
              setSpectra(selectAll(rows));
            }}
          />
        </Staged>
      </div>
      <div className="column">
        <section className="panel">
          <h2>Spectrum</h2>
          {spectra.rows.size > PLOTTED && (
            <p className="note">
              Plotting the first {PLOTTED} of {spectra.rows.size} selected spectra.
            </p>
          )}
          {!plotMounted ? (
            <p className="empty">{NO_SPECTRUM_SELECTED}</p>
          ) : (
            <Suspense fallback={<p className="empty">Loading the plot…</p>}>
              <SpectrumPlot spectrumIds={plotted} />
            </Suspense>
          )}
        </section>
        <section className="panel">
          <h2>Image{file && file.images > 0 ? ` · ${file.name}` : ''}</h2>
          <ImageView
            images={images}
            onSelectSpectrum={(row) => {
              setTarget('spectra');
              setSpectra({ rows: new Map([[row.id, row]]), anchor: row.id });
            }}
          />
        </section>
      </div>
    </div>
  );
}
