export { csvField, writeCsv } from './writeCsv.ts';
export type { CsvCell, CsvTable } from './writeCsv.ts';
export { provenanceHeader } from './provenanceHeader.ts';
export type { TableProvenance } from './provenanceHeader.ts';
