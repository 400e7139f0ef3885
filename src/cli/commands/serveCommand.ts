// `sts-workbench serve --db <file> [--port n]`: browser mode on 127.0.0.1. A library that cannot be
// written (read-only file, folder or disk) is served read-only: browsing works, every write answers
// "library is read-only: <path>".
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startBridge } from '../../main/bridge/bridgeServer.ts';
import type { RunningBridge } from '../../main/bridge/bridgeServer.ts';
import { libraryApiError } from '../../main/library/libraryErrors.ts';
import { LibraryService } from '../../main/services/libraryService.ts';
import { createDispatch } from '../../shared/api/dispatch.ts';
import { cliWorkerUrls, PROJECT_ROOT } from '../buildPaths.ts';

export const RENDERER_ROOT = join(PROJECT_ROOT, 'out/renderer');

export async function startBrowserMode(
  dbPath: string,
  port: number,
  rendererRoot = RENDERER_ROOT,
): Promise<{ bridge: RunningBridge; service: LibraryService }> {
  if (!existsSync(resolve(rendererRoot, 'index.html'))) {
    throw new Error(`the renderer is not built (${rendererRoot} is missing): run 'npm run build' first`);
  }
  const service = new LibraryService({ dbPath, readonlyIfNeeded: true, ...cliWorkerUrls() });
  const dispatch = createDispatch(
    service.handlers,
    (error) => console.error('internal error:', error),
    (error) => libraryApiError(service.dbPath, error),
  );
  const bridge = await startBridge({ dispatch, rendererRoot, port });
  return { bridge, service };
}

export async function serveCommand(args: { db: string; port: number; watch?: string[] }): Promise<number> {
  const { bridge, service } = await startBrowserMode(args.db, args.port);
  console.log(`Listening on ${bridge.url}`);
  if (service.readOnly)
    console.log(
      `library ${resolve(args.db)} is read-only: browsing only (labels, imports and analyses are refused)`,
    );
  // --watch: the session is watched from the start, as if the Watch toggle had been switched on.
  if (args.watch?.length) await service.watch.start(args.watch, false);
  await new Promise<void>((resolveStop) => {
    const stop = (): void => resolveStop();
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
  await bridge.close();
  await service.close();
  return 0;
}
