// Types of cliBuildState.js (plain JavaScript so the bin can use it before any TypeScript loads).
export declare const CLI_OUT_DIR: string;
export declare function newestSourceMs(): number;
export declare function upToDateCliEntry(): string | null;
