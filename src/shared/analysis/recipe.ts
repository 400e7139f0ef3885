// Every parameter of the analysis, defined once as a zod schema: it yields the recipe's type
// (AnalysisRecipe), the overrides a caller may give (RecipeOverrides: any field left out), the
// defaults of STS-ANALYSIS.md (DEFAULT_RECIPE) and the validation the API and CLI use
// (src/shared/api/contract.ts re-exports recipeSchema as recipeOverridesSchema). A result stores
// the recipe that produced it (the caller adds the app version).
import { z } from 'zod';
import { DEFAULT_SEED } from './random.ts';

/** Fraction in [0, 1]. */
const fraction = z.number().min(0).max(1);
/** Voltages, V: bounded so a typo cannot ask for a grid of billions of points. */
const volts = z.number().min(-100).max(100);
/** A spectrum's id as the caller knows it (library row id, or any string key). */
// Limits (issue #7): ids are short, and no recipe names more spectra than a library holds.
const spectrumId = z.union([z.number(), z.string().max(4096)]);
const MAX_RECIPE_IDS = 200_000;

const derivativeSchema = z
  .object({
    method: z.enum(['savgol', 'central']).default('savgol'),
    window: z
      .number()
      .int()
      .min(3)
      .max(1001)
      .refine((w) => w % 2 === 1, 'the Savitzky–Golay window must be odd')
      .default(15),
    polyorder: z.number().int().min(0).max(10).default(3),
    /**
     * Widest bias span (V) the Savitzky–Golay window may cover: on a coarse sweep the window is
     * narrowed (odd, ≥ polyorder + 2) to span at most this (savgolWindow in prepareSpectrum.ts).
     */
    maxSpan: z.number().positive().max(100).default(0.5),
  })
  .strict();

const edgesSchema = z
  .object({
    /** 'band' walks inward from the band maxima (robust to in-gap states); see findBandEdges.ts. */
    method: z.enum(['band', 'first-peak', 'onset']).default('band'),
    prominenceFraction: fraction.default(0.05),
    /** first-peak only. */
    heightFraction: fraction.default(0.15),
    /** V. */
    ignoreBelow: z.number().min(0).max(10).default(0.1),
    /** band: valley above the in-gap baseline, as a fraction of the lower peak, for a peak to join the band. */
    connectFraction: fraction.default(0.25),
    /** band: the band must rise this many times max(|baseline|, k·σ) above the in-gap baseline. */
    minContrast: z.number().min(0).max(1000).default(4),
    /** band: a peak this fraction of the band's rise above the baseline is the band's whatever the valley. */
    bandPeakFraction: fraction.default(0.75),
    /**
     * band: where the side's largest dI/dV is the sweep end (a tail still rising where the sweep
     * stops, whose height says where the sweep ends more than how tall the band is), the first peak
     * met walking inward from it joins the band at this fraction of the rise instead.
     */
    tailPeakFraction: fraction.default(0.55),
    /**
     * band: the edge is the apex of the least-squares parabola over the peak sample and up to this
     * many samples each side (those at least 60 % of the peak's height over the in-gap baseline); 1 is
     * the three-point parabola. Default 7: half the default Savitzky–Golay window.
     */
    apexHalfWidth: z.number().int().min(1).max(500).default(7),
    /** band: peak prominences and valleys above the baseline must exceed bandK · σ of dI/dV. */
    bandK: z.number().positive().max(1000).default(3.5),
    /**
     * band: an in-gap state's prominence must exceed inGapK · σ of dI/dV. Higher than bandK: the
     * gap holds many noise maxima, and at 3.5σ about 2 per 100 points of pure noise pass (SG 15/3);
     * at 6σ 0.04 do (docs/ANALYSIS.md).
     */
    inGapK: z.number().positive().max(1000).default(6),
    /** onset: threshold in units of the in-gap noise σ. */
    onsetK: z.number().positive().max(1000).default(5),
    /** onset: V. */
    noiseWindow: z.number().positive().max(10).default(0.2),
    onsetRun: z.number().int().min(1).max(1000).default(3),
  })
  .strict();

const seriesSchema = z
  .object({
    /** Largest tip displacement between consecutive files of one series, m. */
    radius: z.number().min(0).max(1e-6).default(0.5e-9),
    /** Largest time between the starts of consecutive files of one series, minutes. */
    maxGapMinutes: z.number().min(0).max(1e6).default(10),
    /** Normalised dI/dV at 0 V above this marks a sweep metallic. */
    metallicThreshold: z.number().min(0).max(100).default(0.1),
    /** By hand: start a new series at these spectra. */
    split: z.array(spectrumId).max(MAX_RECIPE_IDS).default([]),
    /** By hand: join these spectra (and the rest of their file) to the series before them. */
    join: z.array(spectrumId).max(MAX_RECIPE_IDS).default([]),
  })
  .strict();

const qualitySchema = z
  .object({
    /** saturated: this many consecutive points (at least) flat at the sweep's extreme current. */
    saturationRun: z.number().int().min(2).max(100_000).default(4),
    /** saturated: "flat" = within this many noise σ of the extreme (clipped values repeat exactly). */
    saturationK: z.number().positive().max(1000).default(0.5),
    /** tip-change: a one-point step of the current beyond this many noise σ. */
    tipChangeK: z.number().positive().max(1000).default(6),
    /**
     * tip-change: the step beyond this many σ of the noise around it too (the departures' MAD over
     * 24 points each side): real current noise grows with the current and with pickup.
     */
    tipChangeLocalK: z.number().positive().max(1000).default(4),
    /** outlier: robust distance (MAD units, 1.4826-scaled) of VBM, CBM or the curve from its group. */
    outlierK: z.number().positive().max(1000).default(5),
    /** outlier: smallest MAD used, V (so tight groups do not flag spectra a few mV off). */
    outlierMinSpread: z.number().min(0).max(10).default(0.03),
    /** outlier detection needs at least this many spectra in the group. */
    outlierMinGroup: z.number().int().min(3).max(100_000).default(5),
    /** Groups with fewer counted spectra get no confidence interval. */
    minCiN: z.number().int().min(2).max(100_000).default(3),
  })
  .strict();

const exclusionSchema = z
  .object({
    id: spectrumId,
    /** 'exclude' a spectrum by hand, or 'include' a flagged one back into group statistics. */
    action: z.enum(['include', 'exclude']),
    note: z.string().max(2000).default(''),
  })
  .strict();

export const recipeSchema = z
  .object({
    /** Step 1: which sweep direction, or the mean of both. */
    direction: z.enum(['forward', 'backward', 'mean']).default('forward'),
    /** Step 1: fewest valid points of a usable sweep. */
    minPoints: z.number().int().min(3).max(1_000_000).default(8),
    /** Step 3: point-wise mean or median of the group's I(V). */
    average: z.enum(['mean', 'median']).default('mean'),
    /** Step 3/7: average only the first sweep of each series (each spot once), or every sweep. */
    averageSweeps: z.enum(['first-of-series', 'all']).default('first-of-series'),
    /**
     * Step 3: a sweep covering less than this fraction of its group's bias range (median start to
     * median end) is left out of the group average, which would otherwise shrink to its range.
     */
    averageMinCover: fraction.default(0.9),
    /** Step 4: where dI/dV comes from: the numerical derivative, or the lock-in channel scaled to it. */
    didvSource: z.enum(['numerical', 'lock-in']).default('numerical'),
    /** Step 4: Savitzky–Golay (window, polyorder; first derivative, delta = grid step) or central difference. */
    derivative: derivativeSchema.prefault({}),
    /**
     * A sweep whose steps differ from their median by more than this fraction is resampled onto a
     * uniform grid (its own range, median step) before differentiating; Savitzky–Golay assumes one step.
     */
    uniformTolerance: fraction.default(1e-3),
    /** Step 5: Feenstra broadening width ΔV (V) and the offset window (V). */
    normalisation: z
      .object({
        deltaV: z.number().positive().max(100).default(1.0),
        offsetWindow: z.number().min(0).max(10).default(0.1),
      })
      .strict()
      .prefault({}),
    /** Step 6. */
    edges: edgesSchema.prefault({}),
    /** Step 8: deep-trap window, V. */
    traps: z
      .object({
        deep: z
          .tuple([volts, volts])
          .refine(([lo, hi]) => lo < hi, 'the deep-trap window needs lower < upper')
          .default((): [number, number] => [-0.8, 1.0]),
      })
      .strict()
      .prefault({}),
    /** Step 8: bootstrap of the deep-trap reduction. */
    bootstrap: z
      .object({
        resamples: z.number().int().min(1).max(100_000).default(2000),
        seed: z.number().int().min(0).max(0xffffffff).default(DEFAULT_SEED),
        level: z.number().gt(0).lt(1).default(0.95),
      })
      .strict()
      .prefault({}),
    /** Series detection (position AND time) and the metallic threshold. */
    series: seriesSchema.prefault({}),
    /** Quality flags and which spectra group statistics leave out. */
    quality: qualitySchema.prefault({}),
    /** Spectra excluded by hand or included back, each with a note (stored with every run). */
    exclusions: z.array(exclusionSchema).max(MAX_RECIPE_IDS).default([]),
    /** Step 7: histogram bins for VBM, CBM, Eg. */
    histogram: z
      .union([
        z.object({ binWidth: z.number().positive().max(10) }).strict(),
        z.object({ bins: z.literal('auto') }).strict(),
      ])
      .default(() => ({ binWidth: 0.02 })),
  })
  .strict()
  .superRefine((o, ctx) => {
    const d = o.derivative;
    if (d.method === 'savgol' && d.window < d.polyorder + 2) {
      ctx.addIssue({
        code: 'custom',
        path: ['derivative', 'window'],
        message: `the Savitzky–Golay window (${d.window}) must be at least polyorder + 2 (${d.polyorder + 2})`,
      });
    }
  });

export type AnalysisRecipe = z.output<typeof recipeSchema>;
/** A recipe with any sections or fields left out; the rest come from DEFAULT_RECIPE. */
export type RecipeOverrides = z.input<typeof recipeSchema>;
export type RecipeExclusion = AnalysisRecipe['exclusions'][number];

/** Frozen so no caller can change the defaults for everyone else; resolveRecipe copies. */
function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) if (typeof v === 'object' && v !== null) deepFreeze(v as object);
  return Object.freeze(value);
}

export const DEFAULT_RECIPE: AnalysisRecipe = deepFreeze(recipeSchema.parse({}));

/** The full recipe: defaults filled in, every value validated (throws a ZodError naming the field). */
export function resolveRecipe(overrides: RecipeOverrides = {}): AnalysisRecipe {
  return recipeSchema.parse(overrides);
}
