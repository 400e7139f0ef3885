// Saves a Blob through a temporary <a download>: works in Electron and in the browser alike.
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  // The download has started from the URL by now; keep it a moment for slow save dialogs.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A safe file-name stem: letters, digits, dot, dash, underscore. */
export function fileStem(name: string): string {
  return name.replace(/[^\w.-]+/g, '-').replace(/^-+|-+$/g, '') || 'figure';
}
