// Names around an Omicron MATRIX data file that the import needs without reading any file: the
// session's parameter file beside a data file, and the reason recorded when it was missing. Kept
// apart from the reader (omicronMatrix.ts) so that the import's main thread, which only matches
// names, does not load every format's reader (the parse worker does).

/** The parameter file beside a data file: `<experiment>--1_2.I(V)_mtrx` -> `<experiment>_0001.mtrx`. */
export function matrixParameterFileName(dataFileName: string): string | null {
  const match = /^(.*)--\d+_\d+\.[^.]+_mtrx$/i.exec(dataFileName);
  return match ? `${match[1] as string}_0001.mtrx` : null;
}

/**
 * Why a data file was read without calibration: its parameter file was not beside it. The import
 * recognises data files recorded with this reason and reads them again once the file appears.
 */
export function matrixMissingParameterReason(parameterName: string): string {
  return `its parameter file ${parameterName} is not beside it (axes and calibration live there)`;
}
