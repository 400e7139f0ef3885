// Every format the app recognises, with its reader status: one table for the README and the UI.
import type { FileFormat } from './types.ts';

export interface SupportedFormat {
  format: FileFormat;
  vendor: string;
  /** Lower-case extensions including the dot; MATRIX data files end in `_mtrx` instead. */
  extensions: string[];
  description: string;
  /** `reader`: parsed into spectra/images; `detect-only`: recognised and reported, not read. */
  status: 'reader' | 'detect-only';
}

export const SUPPORTED_FORMATS: readonly SupportedFormat[] = [
  {
    format: 'nanonis-dat',
    vendor: 'Nanonis',
    extensions: ['.dat'],
    description: 'Nanonis spectroscopy .dat (bias, Z, sweeper, frequency sweep)',
    status: 'reader',
  },
  {
    format: 'nanonis-sxm',
    vendor: 'Nanonis',
    extensions: ['.sxm'],
    description: 'Nanonis scan image .sxm',
    status: 'reader',
  },
  {
    format: 'nanonis-3ds',
    vendor: 'Nanonis',
    extensions: ['.3ds'],
    description: 'Nanonis grid spectroscopy .3ds',
    status: 'reader',
  },
  {
    format: 'text-iv',
    vendor: 'any',
    extensions: ['.txt', '.csv', '.tsv', '.asc', '.dat'],
    description: 'Text/CSV I–V table (V,I columns or SPIP X/Y pairs)',
    status: 'reader',
  },
  {
    format: 'rhk-sm4',
    vendor: 'RHK',
    extensions: ['.sm4'],
    description: 'RHK .sm4 file (I–V spectra pages, image pages)',
    status: 'reader',
  },
  {
    format: 'omicron-matrix',
    vendor: 'Omicron',
    extensions: ['.mtrx'],
    description: 'Omicron MATRIX data file (read with the _0001.mtrx parameter file beside it)',
    status: 'reader',
  },
  {
    format: 'createc-vert',
    vendor: 'Createc',
    extensions: ['.vert'],
    description: 'Createc .VERT spectrum (I–V sweeps; pulses and I(t) traces reported)',
    status: 'reader',
  },
  {
    format: 'createc-dat',
    vendor: 'Createc',
    extensions: ['.dat'],
    description: 'Createc .dat image ([Paramco32], zlib float32)',
    status: 'reader',
  },
  {
    format: 'gwyddion',
    vendor: 'Gwyddion',
    extensions: ['.gwy'],
    description: 'Gwyddion .gwy file (data fields as images)',
    status: 'reader',
  },
  {
    format: 'wsxm',
    vendor: 'WSxM',
    extensions: ['.top', '.stp', '.cur', '.curves', '.f.top'],
    description:
      'WSxM image (short, float or double) and I–V curve file (other curve files recognised, not read)',
    status: 'reader',
  },
];

export function formatInfo(format: FileFormat): SupportedFormat {
  const info = SUPPORTED_FORMATS.find((entry) => entry.format === format);
  if (!info) throw new Error(`format ${format} missing from SUPPORTED_FORMATS`);
  return info;
}
