// `sts-workbench map <file.3ds> [--channel <name>] [--json | --csv <out>] [--method …] [--window …]
//   [--sg …]`: band-edge maps of a Nanonis grid, read from the file directly (no library).
// Every map has width × height entries in the file's pixel order (index = row × width + column);
// JSON null where a side has no edge, gap null when either edge is, every map null at pixels an
// aborted grid never wrote. Pixels are measured in worker threads, one per core (the same
// measureBlock as one thread, so the same numbers: mapCommand.test.ts compares them exactly).
import { readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createNodeGridMapPool } from '../../main/grid/nodeGridMapPool.ts';
import { resolveRecipe } from '../../shared/analysis/recipe.ts';
import { decodeNanonis3dsCube, type GridCube } from '../../shared/formats/nanonis3dsCube.ts';
import { ParseError } from '../../shared/formats/types.ts';
import type { GridMaps } from '../../shared/grid/gridMaps.ts';
import { chooseChannel, notBiasGrid } from '../../shared/grid/gridChannel.ts';
import { cliGridMapWorkerUrl } from '../buildPaths.ts';
import { UsageError } from '../usage.ts';
import { recipeFromArgs } from './analyzeCommand.ts';
import { writeCsv } from '../../shared/csv/index.ts';

export interface MapArgs {
  file: string | undefined;
  channel?: string;
  json: boolean;
  csv?: string;
  method?: string;
  window?: string;
  sg?: string;
}

/** The maps of the command's JSON output, in this key order. */
export const CLI_MAPS = ['vbm', 'cbm', 'gap', 'deepTrap'] as const;

const orNull = (v: number): number | null => (Number.isFinite(v) ? v : null);

export function mapReport(file: string, maps: GridMaps): Record<string, unknown> {
  return {
    file,
    width: maps.width,
    height: maps.height,
    points: maps.points,
    maps: Object.fromEntries(CLI_MAPS.map((name) => [name, Array.from(maps.maps[name], orNull)])),
  };
}

export function mapCsv(maps: GridMaps): string {
  const rows = Array.from({ length: maps.width * maps.height }, (_, pixel) => [
    pixel % maps.width,
    Math.floor(pixel / maps.width),
    ...CLI_MAPS.map((name) => maps.maps[name][pixel]!),
  ]);
  return writeCsv({ header: ['x', 'y', ...CLI_MAPS], rows });
}

function summary(file: string, maps: GridMaps): string {
  const size = maps.width * maps.height;
  const found = (name: (typeof CLI_MAPS)[number]): number => maps.maps[name].filter(Number.isFinite).length;
  return (
    `${file}: ${maps.width} x ${maps.height} pixels, ${maps.written} written, ${maps.points} points, channel ${maps.channel}\n` +
    `  VBM ${found('vbm')}/${size}, CBM ${found('cbm')}/${size}, gap ${found('gap')}/${size}, deep trap ${found('deepTrap')}/${size}\n`
  );
}

/** Workers for a grid: one per core, none idle on a small grid (a block is at least 256 pixels). */
function workersFor(cube: GridCube): number {
  return Math.max(1, Math.min(availableParallelism(), Math.ceil(cube.written / 256)));
}

export async function mapCommand(args: MapArgs): Promise<number> {
  if (args.file === undefined) throw new UsageError('map: a .3ds file is required');
  if (args.json && args.csv !== undefined) throw new UsageError('map: --json and --csv exclude each other');
  const overrides = recipeFromArgs(args);
  // Validates the options before any file is read.
  resolveRecipe(overrides);
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(readFileSync(args.file));
  } catch (error) {
    throw new UsageError(
      `map: cannot read ${args.file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  let cube: GridCube;
  let channel;
  try {
    cube = decodeNanonis3dsCube(bytes, args.file);
    const reason = notBiasGrid(cube);
    if (reason !== null) throw new ParseError('not-bias-grid', reason);
    channel = chooseChannel(cube, args.channel);
  } catch (error) {
    if (error instanceof ParseError) throw new Error(`map: ${args.file}: ${error.message}`, { cause: error });
    throw error;
  }
  const pool = createNodeGridMapPool(workersFor(cube), cliGridMapWorkerUrl());
  let maps: GridMaps;
  try {
    maps = await pool.run(cube, channel, overrides);
  } finally {
    pool.terminate();
  }
  if (args.csv !== undefined) {
    writeFileSync(args.csv, mapCsv(maps));
    process.stdout.write(summary(args.file, maps));
  } else if (args.json) process.stdout.write(JSON.stringify(mapReport(args.file, maps)) + '\n');
  else process.stdout.write(summary(args.file, maps));
  return 0;
}
