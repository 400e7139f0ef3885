// Issue #7: every string and every array an API caller can send has a maximum (a request can
// never make the server loop over or hold an unbounded input). Walks each method's input schema
// as JSON Schema, so a new field without a bound fails here by its path.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiInputSchemas } from './contract.ts';

type JsonSchema = {
  type?: string | string[];
  maxLength?: number;
  maxItems?: number;
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema | JsonSchema[];
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
};

/** Paths of the strings and arrays without a maximum. */
function unbounded(schema: JsonSchema, path: string, out: string[]): string[] {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const fixed = schema.enum !== undefined || schema.const !== undefined;
  if (types.includes('string') && !fixed && schema.maxLength === undefined) out.push(`${path} (string)`);
  if (types.includes('array') && schema.maxItems === undefined && schema.prefixItems === undefined)
    out.push(`${path} (array)`);
  for (const [key, child] of Object.entries(schema.properties ?? {})) unbounded(child, `${path}.${key}`, out);
  if (schema.items && !Array.isArray(schema.items)) unbounded(schema.items, `${path}[]`, out);
  for (const [i, child] of (schema.prefixItems ?? []).entries()) unbounded(child, `${path}[${i}]`, out);
  for (const child of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])])
    unbounded(child, path, out);
  if (typeof schema.additionalProperties === 'object')
    unbounded(schema.additionalProperties, `${path}{}`, out);
  return out;
}

describe('API input limits', () => {
  it('every string and array of every method input has a maximum', () => {
    const missing: string[] = [];
    for (const [method, schema] of Object.entries(apiInputSchemas)) {
      const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
      unbounded(json, method, missing);
    }
    expect(missing).toEqual([]);
  });

  it('the walk finds an unbounded string and array (it is not vacuous)', () => {
    const schema = z.object({ a: z.string(), b: z.array(z.number()), c: z.string().max(3) });
    expect(unbounded(z.toJSONSchema(schema, { io: 'input' }) as JsonSchema, 'x', [])).toEqual([
      'x.a (string)',
      'x.b (array)',
    ]);
  });
});
