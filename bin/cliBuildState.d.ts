// Types of cliBuildState.js (plain JavaScript so the bin can use it before any TypeScript loads).
export declare const CLI_OUT_DIR: string;
export declare const CLI_SOURCES_MANIFEST: string;
export declare function writeSourcesManifest(moduleIds: Iterable<string>, startedMs: number): string[];
export declare function upToDateCliEntry(): string | null;
