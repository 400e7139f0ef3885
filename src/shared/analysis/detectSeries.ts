// STS-ANALYSIS.md "Series": repeated sweeps on one spot, in order. The sweep columns of one file
// are one series; so are consecutive files (ordered by time, then file name: no file taken
// elsewhere between them) whose tip positions lie within `radius` (default 0.5 nm) of the previous
// file's AND that started within `maxGapMinutes` (default 10 min) of it. Files at the same
// coordinates hours or days apart are independent spots, and so are files that started at the
// same instant (copies of one acquisition, not a repeat). When either start time is unknown only
// the position decides. Grid files: each pixel (gridIndex) is its own spot. A file without a tip
// position never joins another. By hand: `split` starts a new series at a spectrum (also inside
// a file), `join` attaches a spectrum's file to the series before it whatever the distance.

export interface SeriesSpot<Id = number | string> {
  id: Id;
  fileName: string;
  /** Acquisition time, ms since the epoch (any monotonic clock), or null when unknown (sorts last). */
  time: number | null;
  /** Tip position, m, or null. */
  x: number | null;
  y: number | null;
  /** Sweep number within the file, 1… */
  sweep: number;
  /** Pixel of a grid file, so pixels are separate spots. */
  gridIndex?: number | null;
}

export interface DetectSeriesOptions<Id = number | string> {
  /** Largest tip displacement (m) between consecutive files of one series. Default 0.5e-9. */
  radius?: number;
  /** Largest time between the starts of consecutive files of one series, minutes. Default 10. */
  maxGapMinutes?: number;
  /** Spectrum ids where a new series starts, by hand. */
  split?: ReadonlyArray<Id>;
  /** Spectrum ids whose file joins the series before it, by hand. */
  join?: ReadonlyArray<Id>;
}

export interface Series<Id = number | string> {
  /** Spot ids in sweep order: sweep k of the series is spotIds[k − 1]. */
  spotIds: Id[];
}

/**
 * Whether a spot may continue the series of the spot before it by distance and time. Grid pixels
 * never do: pixels closer than `radius` are neighbours on a map, not repeated sweeps, so each is
 * its own spot (only sweeps of the same pixel, grouped by file and gridIndex, form its series).
 */
export function mayContinueSeries(
  previous: { gridIndex?: number | null },
  next: { gridIndex?: number | null },
): boolean {
  return (previous.gridIndex ?? null) === null && (next.gridIndex ?? null) === null;
}

interface FileGroup<Id> {
  /**
   * Orders groups of one file name started at one time: '' for a file, String(gridIndex) for a
   * grid pixel (a file before its pixels, pixels by the string of their index).
   */
  key: string;
  fileName: string;
  gridIndex: number | null;
  time: number;
  x: number | null;
  y: number | null;
  spots: Array<SeriesSpot<Id>>;
}

// Module-level comparators and loops, not closures created per call: V8 holds a closure's
// optimised code only weakly, so per-call closures over 10⁴ spots were recompiled in every run
// (seriesStage.ts says more).
const bySweep = (a: SeriesSpot<unknown>, b: SeriesSpot<unknown>): number => a.sweep - b.sweep;
const byTimeThenName = (a: FileGroup<unknown>, b: FileGroup<unknown>): number =>
  a.time - b.time ||
  (a.fileName < b.fileName ? -1 : a.fileName > b.fileName ? 1 : 0) ||
  (a.key < b.key ? -1 : 1);

/** The first spot with a position, or null. */
function firstPlaced<Id>(spots: ReadonlyArray<SeriesSpot<Id>>): SeriesSpot<Id> | null {
  for (const s of spots) if (s.x !== null && s.y !== null) return s;
  return null;
}

function inSweepOrder<Id>(spots: ReadonlyArray<SeriesSpot<Id>>): boolean {
  for (let k = 1; k < spots.length; k++) if (spots[k - 1]!.sweep > spots[k]!.sweep) return false;
  return true;
}

/**
 * The spots grouped by file (and grid pixel), in order of first appearance. Looked up by the
 * spot's own file-name string (its hash is kept with it), not by a key string built per spot:
 * building and hashing 10⁴ keys was most of a 10⁴-spot detection (~13 ms, ~7 ms of it garbage
 * collection); consecutive spots of one file, the usual order, skip the lookup.
 */
function groupByFile<Id>(spots: ReadonlyArray<SeriesSpot<Id>>): Array<FileGroup<Id>> {
  const files = new Map<string, FileGroup<Id>>();
  const pixels = new Map<string, Map<number, FileGroup<Id>>>();
  const ordered: Array<FileGroup<Id>> = [];
  let last: FileGroup<Id> | null = null;
  for (const spot of spots) {
    const gridIndex = spot.gridIndex ?? null;
    let file: FileGroup<Id> | undefined;
    if (last !== null && last.fileName === spot.fileName && last.gridIndex === gridIndex) file = last;
    else if (gridIndex === null) file = files.get(spot.fileName);
    else file = pixels.get(spot.fileName)?.get(gridIndex);
    if (!file) {
      file = {
        key: gridIndex === null ? '' : String(gridIndex),
        fileName: spot.fileName,
        gridIndex,
        time: Infinity,
        x: null,
        y: null,
        spots: [],
      };
      if (gridIndex === null) files.set(spot.fileName, file);
      else {
        let ofFile = pixels.get(spot.fileName);
        if (!ofFile) pixels.set(spot.fileName, (ofFile = new Map()));
        ofFile.set(gridIndex, file);
      }
      ordered.push(file);
    }
    last = file;
    file.spots.push(spot);
    if (spot.time !== null && spot.time < file.time) file.time = spot.time;
  }
  return ordered;
}

export function detectSeries<Id>(
  spots: ReadonlyArray<SeriesSpot<Id>>,
  options: DetectSeriesOptions<Id> = {},
): Array<Series<Id>> {
  const { radius = 0.5e-9, maxGapMinutes = 10 } = options;
  const split = new Set(options.split ?? []);
  const join = new Set(options.join ?? []);
  const ordered = groupByFile(spots);
  for (const file of ordered) {
    if (!inSweepOrder(file.spots)) file.spots.sort(bySweep);
    const first = firstPlaced(file.spots);
    file.x = first?.x ?? null;
    file.y = first?.y ?? null;
  }
  ordered.sort(byTimeThenName);
  const series: Array<Series<Id>> = [];
  let previous: FileGroup<Id> | null = null;
  for (const file of ordered) {
    const near =
      previous !== null &&
      mayContinueSeries(previous, file) &&
      file.x !== null &&
      file.y !== null &&
      previous.x !== null &&
      previous.y !== null &&
      Math.hypot(file.x - previous.x, file.y - previous.y) <= radius;
    const soon =
      previous !== null &&
      (!Number.isFinite(file.time) ||
        !Number.isFinite(previous.time) ||
        (file.time > previous.time && file.time - previous.time <= maxGapMinutes * 60_000));
    let joined = false;
    for (const s of file.spots) joined ||= join.has(s.id);
    const startsSeries = split.has(file.spots[0]!.id);
    if (series.length === 0 || startsSeries || !(joined || (near && soon))) series.push({ spotIds: [] });
    for (let k = 0; k < file.spots.length; k++) {
      const s = file.spots[k]!;
      if (k > 0 && split.has(s.id)) series.push({ spotIds: [] });
      series[series.length - 1]!.spotIds.push(s.id);
    }
    previous = file;
  }
  return series;
}

/** The first sweep of every series: the spots a group's statistics count (each spot once). */
export function firstOfEachSeries<Id>(series: ReadonlyArray<Series<Id>>): Id[] {
  const first: Id[] = [];
  for (const s of series) if (s.spotIds.length > 0) first.push(s.spotIds[0]!);
  return first;
}
