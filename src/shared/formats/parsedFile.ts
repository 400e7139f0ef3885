// Shared pieces of a ParsedFile: the empty shell every reader fills, and header look-ups that
// several Nanonis formats use with the same keys.
import { finiteOrNull } from './numbers.ts';
import type { FileFormat, FileKind, ParsedFile, Position } from './types.ts';

export function emptyParsedFile(format: FileFormat, kind: FileKind): ParsedFile {
  return {
    format,
    kind,
    header: {},
    headerEntries: [],
    position: null,
    acquiredAt: null,
    setpoint: { biasV: null, currentA: null },
    comment: '',
    channels: [],
    spectra: [],
    images: [],
    grid: null,
    notIv: null,
    warnings: [],
  };
}

/** Tip position from `X (m)`, `Y (m)`, `Z (m)` (first occurrence); null without finite X and Y. */
export function positionFromHeader(header: Record<string, string>): Position | null {
  const x = finiteOrNull(header['X (m)']);
  const y = finiteOrNull(header['Y (m)']);
  if (x === null || y === null) return null;
  return { x, y, z: finiteOrNull(header['Z (m)']) };
}

/**
 * Set-point before the sweep. Bias from `Bias>Bias (V)`. Current from `Current>Current (A)` (the
 * signed current read with feedback on, as the instrument logged it), else the Z-controller
 * set-point when its unit is amperes (Nanonis stores that one unsigned for log-current control).
 */
export function setpointFromHeader(header: Record<string, string>): {
  biasV: number | null;
  currentA: number | null;
} {
  const biasV = finiteOrNull(header['Bias>Bias (V)']);
  let currentA = finiteOrNull(header['Current>Current (A)']);
  if (currentA === null && header['Z-Controller>Setpoint unit']?.trim() === 'A') {
    currentA = finiteOrNull(header['Z-Controller>Setpoint']);
  }
  return { biasV, currentA };
}
