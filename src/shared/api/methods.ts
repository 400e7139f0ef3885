// The names of every LibraryApi method, with no dependencies, so the sandboxed preload can expose
// exactly these and nothing else. contract.ts checks that this list and the schemas agree.
export const LIBRARY_API_METHODS = [
  'getLibraryInfo',
  'startImport',
  'getImportProgress',
  'cancelImport',
  'listFiles',
  'listSpectra',
  'listImages',
  'getSpectrum',
  'getImage',
  'listSpectraInFrame',
  'listLabels',
  'setLabel',
  'importLabels',
  'chooseImportPaths',
  'runAnalysis',
  'getAnalysisRun',
  'listAnalysisRuns',
  'getSpectraForAnalysis',
  'startAnalysis',
  'getAnalysisProgress',
  'cancelAnalysis',
  'listAnalysisResults',
  'getSpectraSlab',
] as const;

export type LibraryApiMethod = (typeof LIBRARY_API_METHODS)[number];
