// A recipe given to the CLI as a file (`analyze --recipe <file.json>`): any recipe fields as JSON,
// or the `<out>.recipe.json` that `export` writes beside a table (its `recipe`), so a stored
// result is analysed again with the very parameters it was made with. Validated with the other
// options by the recipe's one schema (analyzeCommand.ts); here only read and unwrapped.
import { readFileSync } from 'node:fs';
import { UsageError } from './usage.ts';

type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The recipe fields in `path`; a UsageError naming the file when it cannot be read or is no recipe. */
export function readRecipeFile(path: string): JsonObject {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : String(error);
    throw new UsageError(`--recipe: cannot read ${path}: ${reason}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`--recipe: ${path} is not JSON (${error instanceof Error ? error.message : error})`);
  }
  if (!isObject(parsed)) throw new UsageError(`--recipe: ${path} holds no JSON object of recipe fields`);
  // An export's sidecar: { runId, createdAt, appVersion, group, what, recipe }.
  if (isObject(parsed.recipe) && 'runId' in parsed) return parsed.recipe;
  return parsed;
}

/** `base` with `over`'s fields, objects merged field by field (arrays and values replaced). */
export function mergeRecipe(base: JsonObject, over: JsonObject): JsonObject {
  const out: JsonObject = { ...base };
  for (const [key, value] of Object.entries(over))
    out[key] = isObject(value) && isObject(out[key]) ? mergeRecipe(out[key], value) : value;
  return out;
}
