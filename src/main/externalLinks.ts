// Which URLs the renderer may hand to the system browser (shell.openExternal): https URLs of an
// allow-list of origins, empty by default. A compromised page must not be able to hand arbitrary
// URLs (file:, custom schemes, any site) to the OS. Electron-free, so it is tested in Node.

/** Origins the app may open in the system browser: none. */
export const EXTERNAL_ORIGINS: readonly string[] = [];

export function isAllowedExternal(url: string, origins: readonly string[] = EXTERNAL_ORIGINS): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' && origins.includes(parsed.origin);
  } catch {
    return false;
  }
}
