// Types of compileCache.js (plain JavaScript so the bin can use it before any TypeScript loads).
export declare function userCacheFolder(
  env?: Record<string, string | undefined>,
  platform?: string,
  home?: string,
): string;
export declare function makeFolder(path: string): boolean;
export declare function enableCompileCache(): string | null;
