// Version 14: each stored spectrum result keeps how much noisier than its quietest part the
// current was in its noisiest block, where its band edges and in-gap states were judged against
// that noise (SpectrumResult.currentNoiseRaise, src/shared/analysis/noiseProfile.ts). Runs stored
// before have none (NULL), as do spectra without a noisy block.
import type { Database } from 'better-sqlite3';

export function updateToSchemaVersion14(db: Database): void {
  db.exec(`ALTER TABLE spectrum_results ADD COLUMN current_noise_raise REAL;`);
}
