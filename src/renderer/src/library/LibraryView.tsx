// The library: import, browse files and spectra, plot a spectrum, view a file's images.
import { useEffect, useRef, useState } from 'react';
import type { FileRow, ImageRow, SpectrumRow } from '../../../shared/model/library.ts';
import { getApi } from '../api.ts';
import { ImageView } from '../images/ImageView.tsx';
import { findPartnerSpectrum } from '../plots/partnerSpectrum.ts';
import { SpectrumPlot } from '../plots/SpectrumPlot.tsx';
import { FilesTable } from './FilesTable.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import { SpectraTable } from './SpectraTable.tsx';
import { WatchPanel } from '../watch/WatchPanel.tsx';

export function LibraryView({ version, onImported }: { version: number; onImported(): void }) {
  const [file, setFile] = useState<FileRow | null>(null);
  const [spectrumIds, setSpectrumIds] = useState<number[]>([]);
  const [images, setImages] = useState<ImageRow[]>([]);

  useEffect(() => {
    if (!file || file.images === 0) {
      setImages([]);
      return;
    }
    let current = true;
    void getApi()
      .listImages({ fileId: file.id })
      .then(({ rows }) => current && setImages(rows));
    return () => {
      current = false;
    };
  }, [file]);

  /** Latest plain-click selection; an older partner lookup that answers late is ignored. */
  const selection = useRef(0);
  const selectSpectrum = (spectrum: SpectrumRow, add: boolean): void => {
    selection.current++;
    if (add) {
      setSpectrumIds((ids) =>
        ids.includes(spectrum.id) ? ids.filter((id) => id !== spectrum.id) : [...ids, spectrum.id],
      );
      return;
    }
    // A plain click shows the sweep in both directions when the file recorded both (forward first).
    const request = selection.current;
    findPartnerSpectrum(spectrum).then(
      (partner) => {
        if (request !== selection.current) return;
        if (!partner) setSpectrumIds([spectrum.id]);
        else if (spectrum.direction === 'forward') setSpectrumIds([spectrum.id, partner.id]);
        else setSpectrumIds([partner.id, spectrum.id]);
      },
      () => request === selection.current && setSpectrumIds([spectrum.id]),
    );
  };

  return (
    <div className="library">
      <div className="column">
        <ImportPanel onImported={onImported} />
        <WatchPanel />
        <FilesTable
          version={version}
          selectedId={file?.id ?? null}
          onSelect={(f) => setFile(f.id === file?.id ? null : f)}
        />
        <SpectraTable
          version={version}
          fileId={file?.id ?? null}
          selectedIds={spectrumIds}
          onSelect={selectSpectrum}
        />
      </div>
      <div className="column">
        <section className="panel">
          <h2>Spectrum</h2>
          <SpectrumPlot spectrumIds={spectrumIds} />
        </section>
        <section className="panel">
          <h2>Image{file && file.images > 0 ? ` · ${file.name}` : ''}</h2>
          <ImageView images={images} onSelectSpectrum={(id) => setSpectrumIds([id])} />
        </section>
      </div>
    </div>
  );
}
