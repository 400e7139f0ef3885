/// <reference types="electron-vite/node" />
// Electron main: a window, the LibraryApi over IPC, and nothing else. Hardened: context isolation,
// sandbox, no Node in the renderer, no navigation, no new windows, no permissions.
import { app, BrowserWindow, dialog, ipcMain, session, shell } from 'electron';
import { join } from 'node:path';
import { createDispatch } from '../shared/api/dispatch.ts';
import parseWorkerPath from './import/parseWorker.ts?modulePath';
import analysisRunWorkerPath from './analysis/analysisRunWorker.ts?modulePath';
import gridMapWorkerPath from './grid/nodeGridMapWorker.ts?modulePath';
import { openDemoOnFirstRun } from './demoSession.ts';
import { fromMainFrameOf, registerIpc } from './ipc/registerIpc.ts';
import { isAllowedExternal } from './externalLinks.ts';
import { libraryApiError } from './library/libraryErrors.ts';
import { LibraryService } from './services/libraryService.ts';

let service: LibraryService | null = null;

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'STS Workbench',
    // resources/icon.png (scripts/makeIcon.py): out/main → the repository's resources.
    icon: join(import.meta.dirname, '../../resources/icon.png'),
    webPreferences: {
      preload: join(import.meta.dirname, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      // A middle click on a link would otherwise open it in a new window (Electronegativity AUXCLICK).
      disableBlinkFeatures: 'Auxclick',
    },
  });
  window.webContents.setWindowOpenHandler(({ url }) => {
    if (isAllowedExternal(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  window.webContents.on('will-navigate', (event) => event.preventDefault());
  if (process.env.ELECTRON_RENDERER_URL) void window.loadURL(process.env.ELECTRON_RENDERER_URL);
  else void window.loadFile(join(import.meta.dirname, '../renderer/index.html'));
  return window;
}

app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // Permission *checks* (synchronous queries such as navigator.permissions) are denied as well.
  session.defaultSession.setPermissionCheckHandler(() => false);
  const dbPath = process.env.STS_LIBRARY ?? join(app.getPath('userData'), 'library.sqlite');
  service = new LibraryService({
    dbPath,
    workerUrl: parseWorkerPath,
    analysisWorkerUrl: analysisRunWorkerPath,
    gridMapWorkerUrl: gridMapWorkerPath,
  });
  openDemoOnFirstRun(service);
  const window = createWindow();
  const handlers = {
    ...service.handlers,
    chooseImportPaths: async () => {
      const choice = await dialog.showOpenDialog(window, {
        title: 'Import a session folder',
        properties: ['openDirectory', 'openFile', 'multiSelections'],
      });
      return { paths: choice.canceled ? [] : choice.filePaths };
    },
  };
  // Only the window's own top frame may call: not a subframe, not another page it navigated to.
  registerIpc(
    ipcMain,
    createDispatch(handlers, undefined, (error) => libraryApiError(dbPath, error)),
    fromMainFrameOf(window.webContents),
  );
});

app.on('web-contents-created', (_event, contents) => {
  contents.on('will-attach-webview', (event) => event.preventDefault());
});

app.on('window-all-closed', () => {
  void service?.close().finally(() => app.quit());
});
