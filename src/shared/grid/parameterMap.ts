// A per-pixel parameter of a grid as a map: `Z (m)` is the grid's own topography (the tip height
// where each sweep was taken), `Final Z (m)`, `X (m)` … likewise. File pixel order
// (index = row × width + column); NaN at pixels an aborted grid never wrote.
import { gridParameterIndex, type GridCube } from '../formats/nanonis3dsCube.ts';

/** The parameters worth a map: any that carries a unit in metres (positions, heights). */
export function mappableParameters(cube: GridCube): string[] {
  return cube.layout.parameters.filter((name) => /\(m\)\s*$/.test(name));
}

export function parameterMap(cube: GridCube, parameter: string): Float64Array {
  const index = gridParameterIndex(cube, parameter);
  const size = cube.layout.pointsX * cube.layout.pointsY;
  const out = new Float64Array(size).fill(NaN);
  if (index < 0) return out;
  for (let p = 0; p < cube.written; p++) out[p] = cube.data[p * cube.pixelFloats + index]!;
  return out;
}
