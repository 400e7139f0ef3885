// LibraryApi, written once: zod schemas for every input (validated in main, whatever the
// transport) and the output type of every method. The interface the renderer, the preload, the
// IPC registration and the HTTP bridge use is derived from these two tables.
import { z } from 'zod';
import type { LibraryApiMethod } from './methods.ts';
import type {
  FileRow,
  ImagePixels,
  ImageRow,
  ImportProgress,
  LabelRow,
  LibraryInfo,
  SpectrumCurves,
  SpectrumRow,
} from '../model/library.ts';
import type { LabelsCsvOutcome } from '../model/labelsCsv.ts';

const id = z.number().int().positive();
/** Rows per page: views page through large libraries instead of loading them whole. */
const page = {
  limit: z.number().int().min(1).max(100_000).default(1000),
  offset: z.number().int().min(0).default(0),
};
const fileKind = z.enum([
  'bias-spectroscopy',
  'z-spectroscopy',
  'sweep',
  'frequency-sweep',
  'grid-spectroscopy',
  'image',
  'other',
]);
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}/, 'expected an ISO date (yyyy-mm-dd...)');

export const apiInputSchemas = {
  getLibraryInfo: z.object({}).strict(),
  startImport: z
    .object({ paths: z.array(z.string().min(1)).min(1, 'name at least one file or folder to import') })
    .strict(),
  getImportProgress: z.object({ runId: id }).strict(),
  cancelImport: z.object({ runId: id }).strict(),
  listFiles: z
    .object({
      status: z.enum(['imported', 'skipped', 'failed']).optional(),
      kind: fileKind.optional(),
      format: z.string().optional(),
      text: z.string().optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      ...page,
    })
    .strict(),
  listSpectra: z
    .object({
      fileId: id.optional(),
      kind: fileKind.optional(),
      label: z.string().optional(),
      text: z.string().optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      includeAverages: z.boolean().default(false),
      ...page,
    })
    .strict(),
  listImages: z.object({ fileId: id.optional(), text: z.string().optional(), ...page }).strict(),
  getSpectrum: z.object({ id }).strict(),
  getImage: z.object({ id }).strict(),
  listSpectraInFrame: z.object({ imageId: id }).strict(),
  listLabels: z.object({}).strict(),
  setLabel: z
    .object({
      spectrumIds: z.array(id).min(1),
      /** null removes the label. */
      label: z.string().trim().min(1).max(80).nullable(),
      colour: z
        .string()
        .regex(/^#[0-9a-fA-F]{6}$/)
        .optional(),
    })
    .strict(),
  importLabels: z.object({ path: z.string().min(1, 'name the labels CSV file') }).strict(),
  /** Native folder dialog (desktop only; browser mode answers 'unsupported'). */
  chooseImportPaths: z.object({}).strict(),
} satisfies Record<LibraryApiMethod, z.ZodType>;

export interface ApiOutputs {
  getLibraryInfo: LibraryInfo;
  startImport: { runId: number };
  getImportProgress: ImportProgress;
  cancelImport: ImportProgress;
  listFiles: { rows: FileRow[]; total: number };
  listSpectra: { rows: SpectrumRow[]; total: number };
  listImages: { rows: ImageRow[]; total: number };
  getSpectrum: SpectrumCurves;
  getImage: ImagePixels;
  listSpectraInFrame: { rows: SpectrumRow[] };
  listLabels: { rows: LabelRow[] };
  setLabel: { changed: number };
  importLabels: LabelsCsvOutcome;
  chooseImportPaths: { paths: string[] };
}

/** What a caller passes (defaults optional). */
export type ApiInput<K extends LibraryApiMethod> = z.input<(typeof apiInputSchemas)[K]>;
/** What the implementation receives after validation (defaults filled in). */
export type ApiParsedInput<K extends LibraryApiMethod> = z.output<(typeof apiInputSchemas)[K]>;

/** The API as the renderer and the CLI see it: every method async, whatever the transport. */
export type LibraryApi = { [K in LibraryApiMethod]: (input: ApiInput<K>) => Promise<ApiOutputs[K]> };

/** The API as services implement it: inputs already validated. */
export type LibraryApiHandlers = {
  [K in LibraryApiMethod]: (input: ApiParsedInput<K>) => ApiOutputs[K] | Promise<ApiOutputs[K]>;
};
