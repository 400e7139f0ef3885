// A thread of bench/import/floor.ts: reads its share of the bench session and parses each file's
// number table (parseTabTable on the bytes after [DATA], the import's own single-pass parser, no
// header, no checks, no rows), then posts the milliseconds that took (its start-up not counted).
import { readFileSync } from 'node:fs';
import { parentPort, workerData } from 'node:worker_threads';
import { parseTabTable } from '../../src/shared/formats/tabTable.ts';

const DATA_LINE = Buffer.from('[DATA]');

function tableRows(bytes: Uint8Array): number {
  const marker = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).indexOf(DATA_LINE);
  const namesLine = bytes.indexOf(10, marker) + 1;
  return parseTabTable(bytes, namesLine).columns[0]?.length ?? 0;
}

const { paths, passes } = workerData as { paths: string[]; passes: number };
const times: number[] = [];
let rows = 0;
for (let pass = 0; pass < passes; pass++) {
  const start = performance.now();
  rows = 0;
  for (const path of paths) rows += tableRows(readFileSync(path));
  times.push(performance.now() - start);
}
parentPort?.postMessage({ times, rows });
