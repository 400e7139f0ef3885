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

export function detectSeries<Id>(
  spots: ReadonlyArray<SeriesSpot<Id>>,
  options: DetectSeriesOptions<Id> = {},
): Array<Series<Id>> {
  const { radius = 0.5e-9, maxGapMinutes = 10 } = options;
  const split = new Set(options.split ?? []);
  const join = new Set(options.join ?? []);
  const files = new Map<string, FileGroup<Id>>();
  for (const spot of spots) {
    const key = `${spot.fileName}\u0000${spot.gridIndex ?? ''}`;
    let file = files.get(key);
    if (!file) {
      file = {
        key,
        fileName: spot.fileName,
        gridIndex: spot.gridIndex ?? null,
        time: Infinity,
        x: null,
        y: null,
        spots: [],
      };
      files.set(key, file);
    }
    file.spots.push(spot);
    if (spot.time !== null && spot.time < file.time) file.time = spot.time;
  }
  const ordered = [...files.values()];
  for (const file of ordered) {
    file.spots.sort(bySweep);
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
