// Settings of the particle classifier (core-only vs core–crown platelets on a flat substrate), in
// the units an operator thinks in: heights in nm, areas in nm². Stored with the labels they made.
import { z } from 'zod';

export const classifyParamsSchema = z
  .object({
    /** Height above the local substrate from which a pixel can belong to a particle, nm. */
    minHeightNm: z.number().positive().max(100).default(1),
    /** Least height of a core above its crown for a platelet to count as core–crown, nm. */
    levelStepNm: z.number().positive().max(100).default(0.4),
    /** Smallest and largest platelet area (at half height), nm²: smaller are noise or adsorbates. */
    minAreaNm2: z.number().min(0).max(1e6).default(20),
    maxAreaNm2: z.number().positive().max(1e8).default(20_000),
    /** Smallest area of a plateau (crown rim or core top) that counts as a level, nm². */
    minPlateauNm2: z.number().min(0).max(1e6).default(4),
    /** Slope under which a pixel counts as part of a plateau, nm of height per nm of distance. */
    flatSlope: z.number().positive().max(10).default(0.15),
    /** Tip positions closer than this to an outline are left undecided, nm (at most 1 nm). */
    marginNm: z.number().min(0).max(1).default(0.5),
  })
  .strict();

export type ClassifyParams = z.output<typeof classifyParamsSchema>;
export type ClassifyParamsInput = z.input<typeof classifyParamsSchema>;

export const DEFAULT_CLASSIFY_PARAMS: ClassifyParams = classifyParamsSchema.parse({});
