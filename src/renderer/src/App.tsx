import { useEffect, useState } from 'react';
import { getApi } from './api.ts';
import type { LibraryInfo } from '../../shared/model/library.ts';

export function App() {
  const [info, setInfo] = useState<LibraryInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    getApi()
      .getLibraryInfo({})
      .then(setInfo, (e: unknown) => setError(String(e)));
  }, []);
  return (
    <main>
      <h1>STS Workbench</h1>
      {error && <p role="alert">{error}</p>}
      {info && (
        <p data-testid="library-counts">{`${info.files} files, ${info.spectra} spectra, ${info.images} images`}</p>
      )}
    </main>
  );
}
