// Exposes exactly the LibraryApi methods to the renderer, each as one IPC invoke returning an
// envelope. No ipcRenderer, no Node, nothing else crosses.
import { contextBridge, ipcRenderer } from 'electron';
import { LIBRARY_API_METHODS } from '../shared/api/methods.ts';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const method of LIBRARY_API_METHODS) {
  api[method] = (input: unknown) => ipcRenderer.invoke(`sts:${method}`, input);
}
contextBridge.exposeInMainWorld('stsApi', api);
