// Paths of files dropped on the window. Browsers hide them (File has a name, no path); an
// Electron build whose preload passes webUtils.getPathForFile through would give them.

interface FileWithPath extends File {
  path?: string;
}

export interface DroppedPaths {
  paths: string[];
  /** Names of dropped items whose path the page cannot see. */
  hidden: string[];
  /** Dropped .csv files: labels CSVs, read by the page, never imported as data. */
  labelFiles: File[];
}

export function droppedPaths(transfer: DataTransfer): DroppedPaths {
  const paths: string[] = [];
  const hidden: string[] = [];
  const labelFiles: File[] = [];
  for (const file of Array.from(transfer.files) as FileWithPath[]) {
    if (/\.csv$/i.test(file.name)) labelFiles.push(file);
    else if (typeof file.path === 'string' && /^(\/|[A-Za-z]:[\\/])/.test(file.path)) paths.push(file.path);
    else hidden.push(file.name);
  }
  return { paths, hidden, labelFiles };
}
