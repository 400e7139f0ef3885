// The page's first render in stages (lib/stagedMount.tsx), each committed after the previous one's
// paint: 1 the shell with the Import and Labels panels; 2 the Watch and Sessions panels; 3 the Files
// table; 4 the Spectra table (each table's first rows are then laid out in a frame of their own);
// 5 the watch notices and the running import's poll.
export const FIRST_RENDER_STAGES = 5;
export const STAGE_LISTS = 2;
export const STAGE_FILES = 3;
export const STAGE_SPECTRA = 4;
export const STAGE_POLLS = 5;
