// The watcher's way into the library's import entry point (LibraryService.startImport). While
// another import holds the library (one writer at a time) the batch waits its turn and retries.
import { ApiError } from '../../shared/api/envelope.ts';
import type { LibraryService } from '../services/libraryService.ts';
import type { ImportPaths } from './watchSession.ts';

/** ms between tries while another import holds the library. */
const BUSY_RETRY_MS = 100;

export function importThrough(service: LibraryService): ImportPaths {
  return async (paths) => {
    for (;;) {
      try {
        const progress = await service.startImport(paths).done;
        if (progress.state === 'failed') throw new Error(`import failed: ${progress.error}`);
        return progress;
      } catch (error) {
        if (!(error instanceof ApiError && error.code === 'busy')) throw error;
        await new Promise((wake) => setTimeout(wake, BUSY_RETRY_MS));
      }
    }
  };
}
